import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

test('a change on disk while editing is reported; saving asks, Compare shows both, Keep mine writes mine', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  const paragraph = page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' });
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Mine.');
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  // Someone else changes the file on disk.
  const file = join(site.dir, 'pages/about-us.md');
  writeFileSync(file, site.read('pages/about-us.md').replace('title: About Us', 'title: About Us (theirs)'));
  await expect(page.getByText(/This page changed on disk\. Your changes are not lost/)).toBeVisible();

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'This page changed on disk since you opened it' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Compare' }).click();
  await expect(dialog.getByText('title: About Us (theirs)')).toBeVisible();
  await expect(dialog.getByText('<p>Welcome to the Harbourview Parks Board. Mine.</p>')).toBeVisible();

  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const after = site.read('pages/about-us.md');
  expect(after).toContain('<p>Welcome to the Harbourview Parks Board. Mine.</p>');
  expect(after).toContain('title: About Us\n');
});

test('a page changed on disk with no edits offers a reload', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  await expect(page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' })).toBeVisible();
  writeFileSync(join(site.dir, 'pages/about-us.md'), site.read('pages/about-us.md').replace('Welcome to the Harbourview', 'Hello from the Harbourview'));
  await expect(page.getByText('This page changed on disk.')).toBeVisible();
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('.ProseMirror p', { hasText: 'Hello from the Harbourview Parks Board.' })).toBeVisible();
});
