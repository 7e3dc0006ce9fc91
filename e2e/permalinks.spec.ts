import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { openPage, seriousViolations } from './helpers.ts';

test('an address another page uses is shown by the field and refused on save, naming that page', async ({ page, site }) => {
  const before = site.read('pages/about-us.md');
  await openPage(page, site, 'About Us');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  const address = page.getByRole('textbox', { name: 'Page address' });

  await address.fill('/Volunteer');
  await expect(page.getByText('The page “Volunteer With Us” (pages/volunteer.md) already has this address.')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The page was not saved. The address /Volunteer is already used by pages/volunteer.md.')).toBeVisible();
  expect(site.read('pages/about-us.md')).toBe(before);

  // The rules the help states only warn: hyphens rather than underscores.
  await address.fill('/about_the_board/');
  await expect(page.getByText(/already has this address/)).toHaveCount(0);
  await expect(page.getByText(/use hyphens between words, not underscores/)).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(site.read('pages/about-us.md')).toBe(before.replace('permalink: /about-us/', 'permalink: /about_the_board/'));
});

test('a page that already shares its address with another on disk can still be saved', async ({ page, site }) => {
  writeFileSync(join(site.dir, 'pages/terms-of-use.md'), site.read('pages/terms-of-use.md').replace('permalink: /terms-of-use/', 'permalink: /privacy/'));
  const canvas = await openPage(page, site, 'Terms of Use');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  await expect(page.getByRole('textbox', { name: 'Page address' })).toHaveValue('/privacy/');
  await expect(page.getByText(/already has this address/)).toHaveCount(0);
  await canvas.locator('p').first().click();
  await page.keyboard.type('Edited ');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
});

test('after an address change, the pages linking to the old address are listed and updated, each as a minimal edit', async ({ page, site }) => {
  const linking = site.read('pages/about-us.md');
  const board = site.read('pages/our-board.md');
  await openPage(page, site, 'Volunteer With Us');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  await page.getByRole('textbox', { name: 'Page address' }).fill('/volunteer-with-us/');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const dialog = page.getByRole('dialog', { name: 'Update links to the old address?' });
  await expect(dialog).toBeVisible();
  const listed = dialog.getByRole('list', { name: 'Pages that link to the old address' });
  await expect(listed.getByRole('listitem')).toHaveText(['About Us (pages/about-us.md): 1 link', 'Our Board (pages/our-board.md): 1 link']);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Update links in 2 pages' }).click();
  await expect(dialog.getByRole('list', { name: 'What was updated' }).getByRole('listitem')).toHaveText([
    'About Us (pages/about-us.md): updated and saved',
    'Our Board (pages/our-board.md): updated and saved',
  ]);
  expect(site.read('pages/about-us.md')).toBe(linking.replace('href="/volunteer/"', 'href="/volunteer-with-us/"'));
  expect(site.read('pages/our-board.md')).toBe(board.replace('href="/volunteer/"', 'href="/volunteer-with-us/"'));
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toHaveCount(0);
});
