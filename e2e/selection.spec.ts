import { expect, test } from './fixtures.ts';
import { openPage } from './helpers.ts';

// Chromium reports a click's new caret with a `selectionchange` event queued behind input. When the
// page is busy the keys can come first; this holds the event back to make that happen every time.
async function holdSelectionEvents(page: import('@playwright/test').Page, hold: boolean): Promise<void> {
  await page.evaluate((on) => {
    const w = window as unknown as { heldSelection?: boolean; holdInstalled?: boolean };
    if (!w.holdInstalled) {
      window.addEventListener('selectionchange', (event) => { if (w.heldSelection) event.stopImmediatePropagation(); }, true);
      w.holdInstalled = true;
    }
    w.heldSelection = on;
  }, hold);
}

test('keys pressed right after a click act where the caret is, even before the browser reports the click', async ({ page, site }) => {
  const canvas = await openPage(page, site, 'Our Story');
  await holdSelectionEvents(page, true);
  await canvas.locator('h2', { hasText: 'Milestones' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Opening years');
  await holdSelectionEvents(page, false);

  const blocks = canvas.locator(':scope > *');
  await expect(blocks.first()).toHaveText('From mudflat to park');
  const heading = canvas.locator('h2', { hasText: 'Milestones' });
  await expect(heading).toHaveText('Milestones');
  await expect(heading.locator('xpath=following-sibling::*[1]')).toHaveText('Opening years');
});

test('a click made while the blocks\' own views are on their way keeps its caret when they are drawn', async ({ page, site }) => {
  // The views' code comes only when let through: after the click, before the keys.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/blockNodeViews-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const canvas = await openPage(page, site, 'Our Story');
  await expect(canvas.locator('.block-view-pending').first()).toBeAttached();
  await holdSelectionEvents(page, true);
  await canvas.locator('h2', { hasText: 'Milestones' }).click();
  release();
  // The views are drawn (the video's box is its own view now), while the click is still unreported.
  await expect(canvas.locator('.block-view-pending')).toHaveCount(0);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Opening years');
  await holdSelectionEvents(page, false);

  await expect(canvas.locator(':scope > *').nth(1)).not.toHaveText('Opening years');
  await expect(canvas.locator('h2', { hasText: 'Milestones' }).locator('xpath=following-sibling::*[1]')).toHaveText('Opening years');
});

test('the first click on an image at the top of a page selects the image', async ({ page, site }) => {
  const canvas = await openPage(page, site, 'Harbour Lawn');
  const image = canvas.locator('.isomer-image-wrapper img').first();
  // The page begins with this image; nothing in the editor has been clicked yet.
  await image.click();
  await expect(image.locator('xpath=..')).toHaveClass(/ProseMirror-selectednode/);
});
