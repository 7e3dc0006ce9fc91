import { expect, test } from './fixtures.ts';
import { bodyOf, createPage, frontMatterOf, insertWithSlash, keepScreenshot, newParagraphAfter, openBlockTab, openPage, save } from './helpers.ts';

const SRC = '/images/park photos/harbour-lawn.png';
const ALT = 'Families on the Harbour Lawn at sunset';

test('adds an image, gives it a site image, alt text and 50% width, and saves exact Isomer markup', async ({ page, site }) => {
  const before = createPage(site, 'pages/photos.md', 'Photos');
  const canvas = await openPage(page, site, 'Photos');

  await newParagraphAfter(page, 'Start');
  await insertWithSlash(page, 'image');
  const image = canvas.locator('.isomer-image-wrapper img');
  await expect(image).toHaveCount(1);
  await image.click({ delay: 60 });

  const panel = await openBlockTab(page);
  await expect(panel.getByRole('heading', { name: 'Image' })).toBeVisible();
  // Without a file or a description the panel says so.
  await expect(panel.getByText('The image has no file.')).toBeVisible();

  const address = panel.getByRole('combobox', { name: 'Image address' }).or(panel.getByRole('textbox', { name: 'Image address' }));
  // The site's images are offered in the address field.
  await expect(panel.locator('datalist option[value="/images/park photos/harbour-lawn.png"]')).toHaveCount(1);
  await address.fill(SRC);
  await address.press('Enter');
  await expect(image).toHaveAttribute('src', SRC);

  const alt = panel.getByRole('textbox', { name: /Image description \(alt text\)/ });
  await expect(alt).toHaveAttribute('aria-required', 'true');
  await alt.fill(ALT);
  await alt.press('Enter');
  await expect(image).toHaveAttribute('alt', ALT);

  const width = panel.getByRole('spinbutton', { name: /Width/ });
  await width.fill('150');
  await width.press('Enter');
  await expect(panel.getByText('Enter a whole number from 1 to 100.')).toBeVisible();
  await width.fill('50');
  await width.press('Enter');
  await expect(image).toHaveAttribute('style', 'width: 50%');
  await expect(panel.getByRole('slider', { name: /Width/ })).toHaveValue('50');
  await expect(panel.getByRole('list', { name: 'Problems with this block' })).toHaveCount(0);
  await keepScreenshot(page, 'image-set', test.info());

  await save(page);
  const after = site.read('pages/photos.md');
  expect(frontMatterOf(after)).toBe(frontMatterOf(before));
  expect(bodyOf(after)).toBe(
    `<p>Start</p>\n<div class="isomer-image-wrapper">\n<img style="width: 50%" height="auto" width="100%" alt="${ALT}" src="${SRC}">\n</div>`,
  );

  await page.reload();
  const reloaded = await openPage(page, site, 'Photos');
  await expect(reloaded.locator('.isomer-image-wrapper img')).toHaveAttribute('alt', ALT);
});

test('a decorative image is written with alt="" and a link can be added and removed', async ({ page, site }) => {
  createPage(site, 'pages/photos.md', 'Photos');
  const canvas = await openPage(page, site, 'Photos');
  await newParagraphAfter(page, 'Start');
  await insertWithSlash(page, 'image');
  const image = canvas.locator('.isomer-image-wrapper img');
  await image.click({ delay: 60 });
  const panel = await openBlockTab(page);

  const address = panel.getByRole('combobox', { name: 'Image address' }).or(panel.getByRole('textbox', { name: 'Image address' }));
  await address.fill('/images/cards/events.png');
  await address.press('Enter');
  await panel.getByRole('checkbox', { name: 'Decorative image' }).check();
  await expect(image).toHaveAttribute('alt', '');
  await expect(panel.getByRole('textbox', { name: /alt text/ })).toBeDisabled();

  const link = panel.getByRole('textbox', { name: 'Link address' });
  await link.fill('javascript:alert(1)');
  await link.press('Enter');
  await expect(panel.getByRole('alert').filter({ hasText: 'Use an address starting with' })).toBeVisible();
  await expect(canvas.locator('a.isomer-image-wrapper')).toHaveCount(0);
  await link.fill('/events-calendar/');
  await link.press('Enter');
  await expect(canvas.locator('a.isomer-image-wrapper')).toHaveAttribute('href', '/events-calendar/');
  await panel.getByRole('button', { name: 'Remove link' }).click();
  await expect(canvas.locator('a.isomer-image-wrapper')).toHaveCount(0);
  await expect(link).toHaveValue('');

  await save(page);
  expect(bodyOf(site.read('pages/photos.md'))).toBe(
    '<p>Start</p>\n<div class="isomer-image-wrapper">\n<img style="width: 100%" height="auto" width="100%" alt="" src="/images/cards/events.png">\n</div>',
  );
});

test('a page with images that lack alt text shows a warning until each is described or marked decorative', async ({ page, site }) => {
  const body =
    '<div class="isomer-image-wrapper">\n<img style="width: 100%" height="auto" width="100%" src="/images/park photos/harbour-lawn.png">\n</div>\n' +
    '<p>Between the photos.</p>\n' +
    '<div class="isomer-image-wrapper">\n<img style="width: 100%" height="auto" width="100%" alt=" " src="/images/park photos/sunset-pier.png">\n</div>\n' +
    '<p>After the photos.</p>';
  createPage(site, 'pages/gallery.md', 'Gallery', body);
  const canvas = await openPage(page, site, 'Gallery');
  const warning = page.getByRole('status').filter({ hasText: 'no description (alt text)' });
  await expect(warning).toContainText('2 images have no description');

  // "Show the first" selects the first image; its description is given in the Block panel.
  await warning.getByRole('button', { name: 'Show the first' }).click();
  const images = canvas.locator('.isomer-image-wrapper');
  await expect(images.first()).toHaveClass(/ProseMirror-selectednode/);
  const panel = await openBlockTab(page);
  const alt = panel.getByRole('textbox', { name: /Image description \(alt text\)/ });
  await alt.fill('The lawn from the sea wall');
  await alt.press('Enter');
  await expect(warning).toContainText('1 image has no description');

  // The second (a blank description) is marked decorative: the warning goes.
  await warning.getByRole('button', { name: 'Show the image' }).click();
  await expect(images.nth(1)).toHaveClass(/ProseMirror-selectednode/);
  await page.getByRole('tabpanel').getByRole('checkbox', { name: 'Decorative image (no description)' }).check();
  await expect(warning).toBeHidden();
  await expect(canvas.locator('img').nth(1)).toHaveAttribute('alt', '');
});
