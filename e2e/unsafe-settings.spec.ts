/**
 * Page settings that Isomer layouts would print as script on the published site: the editor shows why by
 * the field and refuses to save them, with the server and with a single page file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, root, staticTest, test } from './fixtures.ts';
import { keepScreenshot, openPage, save } from './helpers.ts';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
const TITLE_ERROR = 'This text holds markup that could run on the published site: an "onerror" event handler on <img>.';

test('a hostile title typed in Page settings is shown as an error by the field, and Save is refused', async ({ page, site }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const before = site.read('pages/privacy.md');
  await openPage(page, site, 'Privacy Statement');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  const panel = page.getByRole('tabpanel');

  const title = panel.getByRole('textbox', { name: 'Page title' });
  await title.fill('');
  await title.pressSequentially(HOSTILE_TITLE);
  await expect(title).toHaveValue(HOSTILE_TITLE);
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  // The error sits by the field and is its description.
  const titleErrors = page.locator('#fm-title-errors');
  await expect(titleErrors).toContainText(TITLE_ERROR);
  await expect(title).toHaveAttribute('aria-describedby', /fm-title-errors/);
  await keepScreenshot(page, 'hostile-title', test.info());

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the page settings before saving.' })).toContainText(`Page title: ${TITLE_ERROR}`);
  expect(site.read('pages/privacy.md')).toBe(before);

  // A setting without a field of its own, typed into the YAML, is named in the panel.
  await panel.getByText('Advanced: YAML').click();
  const yaml = panel.getByRole('textbox', { name: 'Page settings as YAML' });
  await title.fill('Privacy Statement');
  await expect(title).toHaveAttribute('aria-invalid', 'false');
  await yaml.fill(`${(await yaml.inputValue()).replace(/\n?$/, '\n')}breadcrumb: "&lt;script&gt;alert(2)&lt;/script&gt;"\n`);
  await expect(panel.getByText('Breadcrumb: This text holds markup that could run on the published site: encoded markup that decodes to a <script> element.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the page settings before saving.' })).toContainText('Breadcrumb: This text holds markup');
  expect(site.read('pages/privacy.md')).toBe(before);

  // Once fixed, the page saves, and nothing ever ran in the editor.
  await yaml.fill((await yaml.inputValue()).replace(/breadcrumb: .*\n/, 'breadcrumb: Privacy\n'));
  await save(page);
  expect(site.read('pages/privacy.md')).toBe(before.replace('\n---\n', '\nbreadcrumb: Privacy\n---\n'));
  expect(dialogs).toEqual([]);
});

test('the new page dialog refuses a title with a text-direction control, and the server one that would run', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('button', { name: 'New page' }).click();
  const dialog = page.getByRole('dialog', { name: 'New page' });
  const title = dialog.getByLabel('Title', { exact: true });
  await title.fill('Annual report\u202Efdp.exe');
  await dialog.getByRole('button', { name: 'Create page' }).click();
  await expect(dialog.getByText('The title cannot contain an invisible character (U+202E) that changes the direction of the text.')).toBeVisible();

  await title.fill('Parks <svg onload=alert(1)>');
  await dialog.getByRole('button', { name: 'Create page' }).click();
  await expect(dialog.getByText('Page title: This text holds markup that could run on the published site: an "onload" event handler on <svg>.', { exact: false })).toBeVisible();
  expect(existsSync(join(site.dir, 'pages', 'Parks <svg onload=alert(1)>.md'))).toBe(false);
});

test('the rename dialog refuses a file name with a text-direction control; the file keeps its name', async ({ page, site }) => {
  await openPage(page, site, 'Privacy Statement');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename the page file' });
  await dialog.getByLabel('File name', { exact: true }).fill('privacy\u2066txt.exe');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog.getByText('The file name cannot contain an invisible character (U+2066) that changes the direction of the text.')).toBeVisible();
  expect(existsSync(join(site.dir, 'pages', 'privacy.md'))).toBe(true);
});

staticTest('a single page file with a hostile description is not saved (no download) and says why', async ({ page, staticUrl }) => {
  await page.goto(staticUrl);
  const text = readFileSync(join(root, 'sample-site/pages/about-us.md'));
  await page.getByLabel('Page file', { exact: true }).setInputFiles({ name: 'about-us.md', mimeType: 'text/markdown', buffer: text });
  await expect(page.locator('.ProseMirror')).toBeVisible();
  await page.getByRole('tab', { name: 'Page settings' }).click();
  const description = page.getByRole('tabpanel').getByRole('textbox', { name: 'Search description' });
  await description.fill('About us <a href="java&#x09;script:alert(1)">here</a>');
  await expect(page.locator('#fm-description-errors')).toContainText('This text holds markup that could run on the published site: the address "java\tscript:alert(1)" in href on <a>.');

  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the page settings before saving.' })).toContainText('Search description: This text holds markup');
  // Long enough for a download the click would have started.
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
});
