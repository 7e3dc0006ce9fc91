import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

test('an image uploaded in the media library is stored in images/ and listed with a thumbnail', async ({ page, site }) => {
  const png = readFileSync(join(site.dir, 'images/cards/events.png'));
  await page.goto(site.url);
  await page.getByRole('button', { name: 'Media', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Media library' });
  await expect(dialog.getByRole('button', { name: /hero-banner\.png/ })).toBeVisible();

  await dialog.locator('#media-upload-input').setInputFiles({ name: 'Picnic map.png', mimeType: 'image/png', buffer: png });
  await expect(dialog.getByText('Uploaded images/Picnic map.png.')).toBeVisible();
  const item = dialog.getByRole('button', { name: /Picnic map\.png/ });
  await expect(item).toBeVisible();
  await expect(item.locator('img')).toHaveJSProperty('complete', true);
  expect(await item.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(existsSync(join(site.dir, 'images/Picnic map.png'))).toBe(true);

  // The same name again: asks before replacing.
  await dialog.locator('#media-upload-input').setInputFiles({ name: 'Picnic map.png', mimeType: 'image/png', buffer: png });
  await expect(dialog.getByRole('alert')).toContainText('already in images/');
  await dialog.getByRole('button', { name: 'Replace it' }).click();
  await expect(dialog.getByText('Replaced images/Picnic map.png.')).toBeVisible();

  // An SVG with script is refused, saying why.
  await dialog.locator('#media-upload-input').setInputFiles({
    name: 'bad.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
  });
  await expect(dialog.getByRole('alert')).toContainText('event handler attribute (onload on <svg>');
  expect(existsSync(join(site.dir, 'images/bad.svg'))).toBe(false);
});
