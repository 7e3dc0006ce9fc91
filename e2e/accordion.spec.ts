import { expect, test } from './fixtures.ts';
import { bodyOf, createPage, insertWithSlash, keepScreenshot, newParagraphAfter, openBlockTab, openPage, save } from './helpers.ts';

test('adds an accordion with two items typed in place, switches it to gray, and saves it', async ({ page, site }) => {
  createPage(site, 'pages/questions.md', 'Questions');
  const canvas = await openPage(page, site, 'Questions');

  await newParagraphAfter(page, 'Start');
  await insertWithSlash(page, 'accordion');
  const accordion = canvas.locator('.isomer-accordion');
  await expect(accordion).toBeVisible();
  const items = accordion.locator('.isomer-details');
  await expect(items).toHaveCount(2);

  // The cursor starts in the first question; Enter goes to its answer.
  await page.keyboard.type('When does the park open?');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Every day from 6 am.');
  await items.nth(1).locator('summary').click();
  await page.keyboard.type('Can I bring my dog?');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Yes, on a leash.');
  await expect(items.nth(0).locator('summary')).toHaveText('When does the park open?');
  await expect(items.nth(1).locator('.isomer-details-content')).toHaveText('Yes, on a leash.');

  // Items open and close in the editor with their button; clicking the question does not close it.
  const toggle = items.nth(0).getByRole('button', { name: /Close the answer to “When does the park open\?”/ });
  await toggle.click();
  await expect(items.nth(0).locator('.isomer-details-content')).toBeHidden();
  await items.nth(0).locator('summary').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (holidays too)');
  await expect(items.nth(0).locator('summary')).toHaveText('When does the park open? (holidays too)');
  await items.nth(0).getByRole('button', { name: /Open the answer/ }).click();
  await expect(items.nth(0).locator('.isomer-details-content')).toBeVisible();

  const panel = await openBlockTab(page);
  await expect(panel.getByRole('heading', { name: 'Accordion' })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Items' }).getByRole('listitem')).toHaveCount(2);
  await panel.getByRole('radio', { name: 'Gray' }).check();
  await expect(accordion).toHaveClass(/isomer-accordion-gray/);
  await keepScreenshot(page, 'accordion-gray', test.info());

  await save(page);
  expect(bodyOf(site.read('pages/questions.md'))).toBe(
    [
      '<p>Start</p>',
      '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-gray">',
      '<details class="isomer-details">',
      '<summary>When does the park open? (holidays too)</summary>',
      '<div data-type="detailsContent" class="isomer-details-content">',
      '<p>Every day from 6 am.</p>',
      '</div>',
      '</details>',
      '<details class="isomer-details">',
      '<summary>Can I bring my dog?</summary>',
      '<div data-type="detailsContent" class="isomer-details-content">',
      '<p>Yes, on a leash.</p>',
      '</div>',
      '</details>',
      '</div>',
    ].join('\n'),
  );

  await page.reload();
  const reloaded = await openPage(page, site, 'Questions');
  await expect(reloaded.locator('.isomer-accordion')).toHaveClass(/isomer-accordion-gray/);
  await expect(reloaded.locator('summary').nth(1)).toHaveText('Can I bring my dog?');
});

test('items are added, moved and removed from the panel', async ({ page, site }) => {
  createPage(site, 'pages/questions.md', 'Questions');
  const canvas = await openPage(page, site, 'Questions');
  await newParagraphAfter(page, 'Start');
  await insertWithSlash(page, 'accordion');
  await expect(canvas.locator('.isomer-accordion')).toBeVisible();
  await page.keyboard.type('First');
  await canvas.locator('summary').nth(1).click();
  await page.keyboard.type('Second');

  const panel = await openBlockTab(page);
  await panel.getByRole('button', { name: 'Add item' }).click();
  await page.keyboard.type('Third');
  await expect(canvas.locator('summary')).toHaveText(['First', 'Second', 'Third']);
  await panel.getByRole('button', { name: 'Move Item 3 up' }).click();
  await expect(canvas.locator('summary')).toHaveText(['First', 'Third', 'Second']);
  await panel.getByRole('button', { name: 'Remove Item 1' }).click();
  await expect(canvas.locator('summary')).toHaveText(['Third', 'Second']);
  await page.keyboard.press('Control+z');
  await expect(canvas.locator('summary')).toHaveText(['First', 'Third', 'Second']);
});

test('a closed answer opens when the cursor goes into it: Enter at the end of its question', async ({ page, site }) => {
  const canvas = await openPage(page, site, 'Frequently Asked Questions');
  const item = canvas.locator('.isomer-details', { has: page.locator('summary', { hasText: 'Is there parking?' }) });
  const answer = item.locator('.isomer-details-content');
  await expect(answer).toBeHidden();

  await item.locator('summary').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(answer).toBeVisible();
  await expect(item.getByRole('button', { name: /Close the answer to “Is there parking\?”/ })).toBeVisible();
  await page.keyboard.type('Arrive early. ');
  await expect(answer.locator('p').first()).toHaveText(/^Arrive early. Harbour Lawn and Sunset Pier/);
  // Typing in another question leaves its own answer closed.
  const other = canvas.locator('.isomer-details', { has: page.locator('summary', { hasText: 'Can I bring my dog?' }) });
  await other.locator('summary').click();
  await page.keyboard.type('!');
  await expect(other.locator('.isomer-details-content')).toBeHidden();
});
