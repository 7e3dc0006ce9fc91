import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { createPage, insertWithSlash, newParagraphAfter, openBlockTab, openPage } from './helpers.ts';

/**
 * Types into a settings field and clicks a button at once, without leaving the field first: the field
 * is applied on the way out, and the click must still reach the button (it was lost when applying the
 * field moved the panel between the press and the release).
 */
async function typeThenClick(page: Page, field: Locator, text: string, button: Locator): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await button.evaluate((el) => {
    (window as unknown as { clicked: boolean }).clicked = false;
    el.addEventListener('click', () => ((window as unknown as { clicked: boolean }).clicked = true), { once: true });
  });
  await button.click();
  expect(await page.evaluate(() => (window as unknown as { clicked: boolean }).clicked), `the click on the button after "${text}"`).toBe(true);
}

async function closeMediaDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Choose an image' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('card panel: a button clicked straight after typing a link or image field takes effect on the first click', async ({ page, site }) => {
  createPage(site, 'pages/volunteer.md', 'Volunteer');
  const canvas = await openPage(page, site, 'Volunteer');
  await newParagraphAfter(page, 'Start');
  await insertWithSlash(page, 'cards');
  const panel = await openBlockTab(page);
  const card = (n: number) => canvas.locator('.isomer-card').nth(n - 1);

  // The journey of the report: a link address typed, then "Add link text" clicked without Tab.
  await panel.getByRole('checkbox', { name: 'Card 2 is a link' }).check();
  await typeThenClick(page, panel.getByRole('textbox', { name: 'Card 2 link address' }), '/join-us/', panel.getByRole('button', { name: 'Add link text to Card 2' }));
  await expect(card(2)).toHaveAttribute('href', '/join-us/');
  await expect(card(2).locator('.isomer-card-link')).toHaveText('Read more');

  // …and "Add image" the same way.
  await panel.getByRole('checkbox', { name: 'Card 3 is a link' }).check();
  await typeThenClick(page, panel.getByRole('textbox', { name: 'Card 3 link address' }), '/join-us/', panel.getByRole('button', { name: 'Add image to Card 3' }));
  await expect(card(3)).toHaveAttribute('href', '/join-us/');
  await expect(card(3).locator('.isomer-card-image')).toHaveCount(1);

  // The card image's fields: the address, then its description.
  await typeThenClick(page, panel.getByRole('combobox', { name: 'Card 3 image address' }), '/images/hero-banner.png', panel.getByRole('button', { name: 'Choose from media' }));
  await closeMediaDialog(page);
  await expect(card(3).locator('img')).toHaveAttribute('src', '/images/hero-banner.png');
  await typeThenClick(
    page,
    panel.getByRole('textbox', { name: 'Card 3 image description (alt text)' }),
    'Volunteers at work',
    panel.getByRole('button', { name: 'Remove image of Card 3' }),
  );
  await expect(card(3).locator('.isomer-card-image')).toHaveCount(0);
  // Undo takes back the removal, then shows the description applied before it.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card(3).locator('img')).toHaveAttribute('alt', 'Volunteers at work');
});

test('image panel: a button clicked straight after typing any field takes effect on the first click', async ({ page, site }) => {
  createPage(site, 'pages/gallery.md', 'Gallery');
  const canvas = await openPage(page, site, 'Gallery');
  await newParagraphAfter(page, 'Start');
  await insertWithSlash(page, 'image');
  const panel = await openBlockTab(page);
  const image = canvas.locator('img').first();
  const media = panel.getByRole('button', { name: 'Choose from media' });

  await typeThenClick(page, panel.getByRole('combobox', { name: 'Image address' }), '/images/hero-banner.png', media);
  await closeMediaDialog(page);
  await expect(image).toHaveAttribute('src', '/images/hero-banner.png');

  await typeThenClick(page, panel.getByRole('textbox', { name: 'Image description (alt text)' }), 'The harbour at dawn', media);
  await closeMediaDialog(page);
  await expect(image).toHaveAttribute('alt', 'The harbour at dawn');

  await typeThenClick(page, panel.getByRole('spinbutton', { name: 'Width' }), '50', media);
  await closeMediaDialog(page);
  await expect(image).toHaveAttribute('style', /width: 50%/);

  await typeThenClick(page, panel.getByRole('textbox', { name: 'Link address' }), '/events/', media);
  await closeMediaDialog(page);
  await expect(canvas.locator('a.isomer-image-wrapper')).toHaveAttribute('href', '/events/');

  await typeThenClick(page, panel.getByRole('textbox', { name: 'Link address' }), '/about-us/', panel.getByRole('button', { name: 'Remove link' }));
  await expect(canvas.locator('a.isomer-image-wrapper')).toHaveCount(0);
});
