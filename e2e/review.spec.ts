import { expect, test } from './fixtures.ts';
import { keepScreenshot, openPage, seriousViolations } from './helpers.ts';

test('a reviewer sees what changed: settings before and now, the changed and added blocks, and the file line by line', async ({ page, site }) => {
  const canvas = await openPage(page, site, 'Our Story');
  const review = page.getByRole('dialog', { name: 'Review changes' });

  // Nothing edited yet.
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(review.getByRole('status')).toHaveText('No changes: saving would leave the file as it is.');
  await review.getByRole('button', { name: 'Close' }).click();

  // One paragraph edited, one added, the title changed.
  await canvas.locator('h2', { hasText: 'Milestones' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' so far');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A new paragraph for the review.');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  await page.getByRole('tabpanel').getByRole('textbox', { name: 'Page title' }).fill('Our Long Story');

  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(review.getByRole('row', { name: /Page title/ })).toContainText('Our Story');
  await expect(review.getByRole('row', { name: /Page title/ })).toContainText('Our Long Story');
  const blocks = review.locator('.review-blocks li');
  await expect(blocks).toHaveCount(2);
  await expect(blocks.nth(0)).toContainText('Changed: Heading 2 “Milestones so far”');
  await expect(blocks.nth(1)).toContainText("Added: Text");
  await expect(blocks.nth(1)).toContainText('“A new paragraph for the review.”');

  // The file's text, for those who ask: only the edited lines differ.
  await review.getByText('The page file, line by line').click();
  await expect(review.locator('.diff-view__line--removed')).toHaveText(['− Removed: title: Our Story', '− Removed: <h2>Milestones</h2>']);
  await expect(review.locator('.diff-view__line--added')).toHaveText(['+ Added: title: Our Long Story', '+ Added: <h2>Milestones so far</h2>', '+ Added: <p>A new paragraph for the review.</p>']);
  await keepScreenshot(page, 'review', test.info());
  expect(await seriousViolations(page)).toEqual([]);

  // "Show" takes the reviewer to the block in the page.
  await blocks.nth(1).getByRole('button', { name: 'Show' }).click();
  await expect(review).toBeHidden();
  await expect(canvas).toBeFocused();
  const caretIn = await page.evaluate(() => {
    const node = getSelection()?.anchorNode;
    return (node instanceof Element ? node : node?.parentElement)?.closest('p')?.textContent ?? null;
  });
  expect(caretIn).toBe('A new paragraph for the review.');
});

test('a markdown page, reviewed straight after opening, shows that saving converts it', async ({ page, site }) => {
  await openPage(page, site, 'Park Rules v2.0');
  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  // Saving would write the page in the new format: never "No changes".
  await expect(review.getByText('No changes: saving would leave the file as it is.')).toHaveCount(0);
  await review.getByText('The page file, line by line').click();
  await expect(review.locator('.diff-view__line--added', { hasText: 'variant: tiptap' })).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
});
