import { expect, test } from './fixtures.ts';
import { createPage, openBlockTab, openPage } from './helpers.ts';

// Our own words, in the structure of real Isomer blocks.
const BODY = [
  '<p>Visiting the park</p>',
  '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">',
  '<details class="isomer-details">\n<summary></summary>\n<div data-type="detailsContent" class="isomer-details-content">\n<p>From 6 am.</p>\n</div>\n</details>',
  '</div>',
  '<div class="isomer-card-grid">',
  '<div class="isomer-card">\n<div class="isomer-card-body">\n<div class="isomer-card-title">Plant a tree</div>\n</div>\n</div>',
  '<div class="isomer-card">\n<div class="isomer-card-body">\n<div class="isomer-card-description">A morning with the rangers.</div>\n</div>\n</div>',
  '</div>',
  '<table>\n<tbody>\n<tr>\n<th rowspan="1" colspan="1">\n<p></p>\n</th>\n</tr>\n<tr>\n<td rowspan="1" colspan="1">\n<p>Harbour Lawn</p>\n</td>\n</tr>\n</tbody>\n</table>',
].join('\n');

test('warns about a blank accordion item, a card without a title and an empty header cell, and shows each in turn', async ({ page, site }) => {
  createPage(site, 'pages/visiting.md', 'Visiting', BODY);
  const canvas = await openPage(page, site, 'Visiting');
  const warning = page.getByRole('status').filter({ hasText: 'The site would show these blank' });
  await expect(warning).toContainText('1 accordion item without a question or an answer, 1 card without a title, 1 empty table header cell');

  // The first press puts the cursor in the blank question.
  await warning.getByRole('button', { name: 'Show the next' }).click();
  await page.keyboard.type('When does it open?');
  await expect(canvas.locator('summary')).toHaveText('When does it open?');
  await expect(warning).not.toContainText('accordion item');

  // The next one is the card without a title: its card is the current one in the Block panel.
  await warning.getByRole('button', { name: 'Show the next' }).click();
  const panel = await openBlockTab(page);
  await expect(panel.getByRole('list', { name: 'Cards' }).getByRole('listitem').nth(1)).toHaveAttribute('aria-current', 'true');
  await panel.getByRole('button', { name: 'Add title to Card 2' }).click();
  await expect(warning).not.toContainText('card');

  // Then the empty header cell.
  await warning.getByRole('button', { name: 'Show it' }).click();
  await page.keyboard.type('Park');
  await expect(canvas.locator('th')).toHaveText('Park');
  await expect(warning).toBeHidden();
});

test('a new accordion from the / menu is flagged until each item has a question and an answer', async ({ page, site }) => {
  createPage(site, 'pages/faq.md', 'FAQ');
  const canvas = await openPage(page, site, 'FAQ');
  await canvas.locator('p', { hasText: 'Start' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/accordion');
  await page.keyboard.press('Enter');
  const warning = page.getByRole('status').filter({ hasText: 'The site would show these blank' });
  await expect(warning).toContainText('2 accordion items without a question or an answer');

  // The cursor starts in the first question; Enter there goes on to its answer.
  await page.keyboard.type('Can I bring my dog?');
  await expect(warning).toContainText('2 accordion items');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Yes, on a lead.');
  await expect(warning).toContainText('1 accordion item without a question or an answer');

  await warning.getByRole('button', { name: 'Show it' }).click();
  await page.keyboard.type('Is there parking?');
  await page.keyboard.press('Enter');
  await page.keyboard.type('At the north gate.');
  await expect(warning).toBeHidden();
  await expect(canvas.locator('summary')).toHaveText(['Can I bring my dog?', 'Is there parking?']);
});
