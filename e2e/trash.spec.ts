import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

test('delete moves a page to the trash outside the site, and Restore brings it back', async ({ page, site }) => {
  const before = site.read('pages/privacy.md');
  await page.goto(site.url);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Privacy Statement', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy Statement' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: /Delete “Privacy Statement”\?/ });
  await expect(confirm).toContainText('moves to the trash');
  await confirm.getByRole('button', { name: 'Move to the trash' }).click();
  await expect(confirm).toBeHidden();
  await expect(nav.getByRole('button', { name: 'Privacy Statement', exact: true })).toHaveCount(0);
  expect(existsSync(join(site.dir, 'pages/privacy.md'))).toBe(false);
  await expect(page.getByText('Choose a page to edit')).toBeVisible();

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await expect(trash.getByText('pages/privacy.md')).toBeVisible();
  await trash.getByRole('button', { name: 'Restore pages/privacy.md' }).click();
  await expect(trash.getByText('Restored pages/privacy.md.')).toBeVisible();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await trash.getByRole('button', { name: 'Close' }).click();

  await expect(nav.getByRole('button', { name: 'Privacy Statement', exact: true })).toBeVisible();
  expect(site.read('pages/privacy.md')).toBe(before);
});
