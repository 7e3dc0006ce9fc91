import { expect, test } from './fixtures.ts';

test('types a word into a paragraph, saves, and only that paragraph changes on disk', async ({ page, site }) => {
  const before = site.read('pages/about-us.md');
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();

  const paragraph = page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' });
  await expect(paragraph).toBeVisible();
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Hello');
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const after = site.read('pages/about-us.md');
  expect(after).toBe(
    before.replace('<p>Welcome to the Harbourview Parks Board.</p>', '<p>Welcome to the Harbourview Parks Board. Hello</p>'),
  );
  await page.screenshot({ path: test.info().outputPath('after-save.png') });
});
