import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

test('a new collection page in a sub-folder appears in the tree and is written with third_nav_title', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('button', { name: 'New page' }).click();
  const dialog = page.getByRole('dialog', { name: 'New page' });
  await dialog.getByRole('radio', { name: /Collection page/ }).check();

  // Validation first.
  await dialog.getByRole('button', { name: 'Create page' }).click();
  await expect(dialog.getByText('Enter the title.')).toBeVisible();
  await dialog.getByLabel('Title', { exact: true }).fill('Picnic / Areas');
  await expect(dialog.getByText('The title cannot contain / or \\.')).toBeVisible();

  await dialog.getByLabel('Title', { exact: true }).fill('Picnic Areas');
  await dialog.getByLabel('Collection', { exact: true }).selectOption('about');
  await dialog.getByLabel('Sub-folder (optional)').fill('Our Parks');
  await dialog.getByRole('button', { name: 'Create page' }).click();
  await expect(dialog).toBeHidden();

  const rel = '_about/Our Parks/Picnic Areas.md';
  expect(existsSync(join(site.dir, rel))).toBe(true);
  expect(site.read(rel)).toBe('---\ntitle: Picnic Areas\npermalink: /about/picnic-areas/\nvariant: tiptap\nthird_nav_title: Our Parks\n---\n');
  expect(site.read('_about/collection.yml')).toContain('      - Our Parks/Picnic Areas.md\n');

  const group = page.getByRole('region', { name: 'Our Parks' });
  await expect(group.getByRole('button', { name: 'Picnic Areas' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Picnic Areas' })).toBeVisible();
  await expect(page.locator('.ProseMirror')).toBeVisible();
});

test('a permalink already used by another page is refused with a clear message', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('button', { name: 'New page' }).click();
  const dialog = page.getByRole('dialog', { name: 'New page' });
  await dialog.getByLabel('Title', { exact: true }).fill('Another About');
  await dialog.getByLabel('Address (optional)').fill('/about-us/');
  await dialog.getByRole('button', { name: 'Create page' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already used by pages/about-us.md');
  expect(existsSync(join(site.dir, 'pages/Another About.md'))).toBe(false);
});
