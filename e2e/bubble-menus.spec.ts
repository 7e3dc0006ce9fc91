import { expect, test } from './fixtures.ts';

test('the link menu edits (with a page picker and URL check), opens and removes a link', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  await page.locator('.ProseMirror a', { hasText: 'our volunteers' }).click();

  const menu = page.getByRole('group', { name: 'Link', exact: true });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('link', { name: '/volunteer/' })).toHaveAttribute('target', '_blank');
  await menu.getByRole('button', { name: 'Edit link' }).click();

  const address = menu.getByLabel('Link address');
  await address.fill('javascript:alert(1)');
  await menu.getByRole('button', { name: 'Apply' }).click();
  await expect(menu.getByRole('alert')).toContainText('not allowed');

  await menu.getByLabel('Or pick a page of this site').selectOption({ label: 'Park Rules v2.0 (/park-rules/)' });
  await expect(address).toHaveValue('/park-rules/');
  await menu.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.ProseMirror a', { hasText: 'our volunteers' })).toHaveAttribute('href', '/park-rules/');

  await page.locator('.ProseMirror a', { hasText: 'Contact us' }).click();
  await expect(menu).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('link-menu.png') });
  await menu.getByRole('button', { name: 'Remove link' }).click();
  await expect(page.locator('.ProseMirror a', { hasText: 'Contact us' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const file = site.read('pages/about-us.md');
  expect(file).toContain('<a href="/park-rules/">our volunteers</a>');
  expect(file).toContain('<p>Questions? Contact us or write to the');
});

test('the table menu adds a row; the image menu sets the alt text', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Who We Are', exact: true }).click();
  await page.locator('.ProseMirror td').first().click();
  const tableMenu = page.getByRole('toolbar', { name: 'Table' });
  await expect(tableMenu).toBeVisible();
  const rows = await page.locator('.ProseMirror tr').count();
  await tableMenu.getByRole('button', { name: 'Add row' }).click();
  await expect(page.locator('.ProseMirror tr')).toHaveCount(rows + 1);

  await page.getByRole('navigation').getByRole('button', { name: 'Harbour Lawn', exact: true }).click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await page.locator('.ProseMirror .isomer-image-wrapper img').first().click();
  const imageMenu = page.getByRole('group', { name: 'Image', exact: true });
  await expect(imageMenu).toBeVisible();
  await imageMenu.getByLabel('Description (alt text)').fill('The lawn from the sea wall at noon');
  await imageMenu.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.ProseMirror .isomer-image-wrapper img').first()).toHaveAttribute('alt', 'The lawn from the sea wall at noon');
});

test('"?" opens the keyboard shortcuts; the word count follows the text', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  const count = page.locator('.word-count');
  await expect(count).toHaveText(/^\d[\d,]* words · \d[\d,]* characters$/);
  const words = Number((await count.textContent())!.split(' ')[0]!.replace(/,/g, ''));

  await page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Two more');
  await expect(count).toHaveText(new RegExp(`^${(words + 2).toLocaleString('en')} words`));
  // "?" typed in the page is text, not a shortcut.
  await page.keyboard.type('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  await page.getByRole('heading', { name: 'About Us' }).click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Move the block down');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
});
