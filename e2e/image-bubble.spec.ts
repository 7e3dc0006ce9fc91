import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { createPage, openPage, selectImage } from './helpers.ts';

const picture = (width: number, src: string, alt: string) =>
  `<div class="isomer-image-wrapper">\n<img style="width: ${width}%" height="auto" width="100%" alt="${alt}" src="${src}">\n</div>`;

test('the image bubble uses the app’s font and the panel’s wording, and sits clear of the image', async ({ page, site }) => {
  const body = [
    '<p>Before the pictures, a line about them.</p>',
    picture(50, '/images/cards/volunteer.png', 'Volunteers'),
    '<p>After the narrow picture, the words that go with it.</p>',
    picture(100, '/images/hero-banner.png', 'The harbour'),
    '<p>After the wide picture.</p>',
  ].join('\n');
  createPage(site, 'pages/photos.md', 'Photos', body);
  const canvas = await openPage(page, site, 'Photos');
  const bubble = page.getByRole('group', { name: 'Image' });
  const overlaps = async (element: Locator) => {
    const b = (await bubble.boundingBox())!;
    const e = (await element.boundingBox())!;
    return b.x < e.x + e.width && e.x < b.x + b.width && b.y < e.y + e.height && e.y < b.y + b.height;
  };

  const narrow = canvas.locator('img[alt="Volunteers"]');
  await expect(narrow).toHaveJSProperty('complete', true);
  await selectImage(narrow);
  await expect(bubble).toBeVisible();
  await expect(bubble.getByLabel('Width (% of the content width)')).toBeVisible();
  await expect(bubble.getByText('% of the page')).toHaveCount(0);
  const fontOf = (element: Locator) => element.evaluate((el) => getComputedStyle(el).fontFamily);
  expect(await fontOf(bubble.getByText('Description (alt text)'))).toBe(await fontOf(page.getByRole('tab', { name: 'Block' })));
  expect(await fontOf(bubble)).toMatch(/^Lato/);
  // Beside a narrow picture, in the room the page has there: not over it, nor over the words below it.
  await expect(async () => {
    expect(await overlaps(narrow)).toBe(false);
    expect((await bubble.boundingBox())!.x).toBeGreaterThanOrEqual((await narrow.boundingBox())!.x + (await narrow.boundingBox())!.width);
  }).toPass();

  // A picture as wide as the page has no room beside it: the bubble goes below it, still not over it.
  const wide = canvas.locator('img[alt="The harbour"]');
  await expect(wide).toHaveJSProperty('complete', true);
  await selectImage(wide);
  await expect(bubble.getByLabel('Description (alt text)')).toHaveValue('The harbour');
  await expect(async () => expect(await overlaps(wide)).toBe(false)).toPass();
});
