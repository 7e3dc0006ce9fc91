import { expect, test } from './fixtures.ts';
import { openPage } from './helpers.ts';

const title = (page: import('@playwright/test').Page) => page.locator('.topbar__page');

test('each open page has its own address: reload keeps it, a link opens it, Back and Forward go between pages', async ({ page, site }) => {
  await openPage(page, site, 'About Us');
  await expect(page).toHaveURL(/\?page=pages\/about-us\.md$/);
  await page.reload();
  await expect(title(page)).toHaveText('About Us');
  await expect(page.locator('.ProseMirror')).toContainText('Harbourview Parks Board');

  await openPage(page, site, 'Frequently Asked Questions');
  await expect(page).toHaveURL(/\?page=pages\/faq\.md$/);
  await page.goBack();
  await expect(title(page)).toHaveText('About Us');
  await expect(page).toHaveURL(/\?page=pages\/about-us\.md$/);
  await page.goForward();
  await expect(title(page)).toHaveText('Frequently Asked Questions');

  // A link sent to a colleague: a fresh tab opens the page, with a name that needs encoding.
  const colleague = await page.context().newPage();
  const asked: string[] = [];
  colleague.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await colleague.goto(`${site.url}?page=${encodeURIComponent('_about/Our Parks/Harbour Lawn.md').replace(/%2F/g, '/')}`);
  await expect(title(colleague)).toHaveText('Harbour Lawn');
  await expect(colleague.getByRole('navigation', { name: 'Site pages' }).getByText('About Us')).toBeVisible();
  // The page, the site and its list are asked for at start, with the editor's code rather than after
  // the app has rendered (the page cannot open before all three), and each once.
  const editorCode = asked.findIndex((p) => /\/assets\/pageCore-[^/]*\.js$/.test(p));
  expect(editorCode).toBeGreaterThan(0);
  for (const api of ['/api/page', '/api/site', '/api/pages']) {
    expect(asked.filter((p) => p === api), api).toHaveLength(1);
    expect(asked.indexOf(api), api).toBeLessThan(editorCode);
  }
  await colleague.close();
});

test('Back with unsaved changes asks first; staying keeps the page and its address', async ({ page, site }) => {
  await openPage(page, site, 'About Us');
  const canvas = await openPage(page, site, 'Frequently Asked Questions');
  await canvas.getByRole('heading', { name: 'Visiting' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Unsaved words');
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  await page.goBack();
  const ask = page.getByRole('alertdialog', { name: 'You have unsaved changes' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(ask).toHaveCount(0);
  await expect(title(page)).toHaveText('Frequently Asked Questions');
  await expect(page).toHaveURL(/\?page=pages\/faq\.md$/);
  await expect(page.locator('.ProseMirror')).toContainText('Unsaved words');

  await page.goBack();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(title(page)).toHaveText('About Us');
  await expect(page).toHaveURL(/\?page=pages\/about-us\.md$/);
});

test('renaming the open page changes its address in place: Back goes to the page before, not to the old name', async ({ page, site }) => {
  await openPage(page, site, 'About Us');
  await openPage(page, site, 'Privacy Statement');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename the page file' });
  await dialog.getByRole('textbox', { name: 'File name' }).fill('privacy-statement');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\?page=pages\/privacy-statement\.md$/);
  await page.goBack();
  await expect(title(page)).toHaveText('About Us');
  await expect(page).toHaveURL(/\?page=pages\/about-us\.md$/);
});
