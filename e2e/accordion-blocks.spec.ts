import { expect, test } from './fixtures.ts';
import { bodyOf, createPage, openPage, save } from './helpers.ts';

/** The lines of `after` that differ from `before` (same line count). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

// As the CMS writes an accordion holding a table and a list: a cell's text on a line of its own.
const ISOMER_ACCORDION = [
  '<p>Start</p>',
  '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">',
  '<details class="isomer-details">',
  '<summary>What are the fees?</summary>',
  '<div data-type="detailsContent" class="isomer-details-content">',
  '<p>Fees for each kind of permit:</p>',
  '<table class="table-h">',
  '<tbody>',
  ...['Day pass', '$2', 'Season pass', '$40'].flatMap((cell, i) => [
    ...(i % 2 === 0 ? ['<tr>'] : []),
    '<td rowspan="1" colspan="1">',
    `<p>${cell}</p>`,
    '</td>',
    ...(i % 2 === 1 ? ['</tr>'] : []),
  ]),
  '</tbody>',
  '</table>',
  '<ul>',
  '<li>',
  '<p>Children enter free</p>',
  '</li>',
  '</ul>',
  '</div>',
  '</details>',
  '</div>',
  '<p>End</p>',
  '',
].join('\n');

test('a table cell inside an accordion answer is edited in place, and the save changes that line only', async ({ page, site }) => {
  const before = createPage(site, 'pages/fees.md', 'Fees', ISOMER_ACCORDION);
  const canvas = await openPage(page, site, 'Fees');
  await expect(canvas.locator('[data-testid="raw-html-block"]')).toHaveCount(0);
  const item = canvas.locator('.isomer-details');
  await item.getByRole('button', { name: /Open the answer/ }).click();
  const cell = item.locator('td', { hasText: 'Season pass' });
  await cell.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (12 months)');
  await expect(cell).toHaveText('Season pass (12 months)');
  await save(page);
  const after = site.read('pages/fees.md');
  expect(changedLines(before, after)).toEqual(['<p>Season pass (12 months)</p>']);
});

const OTHER_DETAILS = [
  '<p>Start</p>',
  '<details class="faq-item" id="apply">',
  '<summary class="faq-question">How do I apply?</summary>',
  '<div class="faq-answer">',
  '<p>Fill in the form at the counter.</p>',
  '<p>Bring your identity card.</p>',
  '</div>',
  '</details>',
  '<p>End</p>',
  '',
].join('\n');

test('a <details> accordion in other markup is edited in place and saved in its own markup', async ({ page, site }) => {
  const before = createPage(site, 'pages/apply.md', 'Apply', OTHER_DETAILS);
  const canvas = await openPage(page, site, 'Apply');
  await expect(canvas.locator('[data-testid="raw-html-block"]')).toHaveCount(0);
  const answer = canvas.locator('.faq-answer p', { hasText: 'Bring your identity card.' });
  await expect(answer).toBeVisible();
  await answer.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(' or passport.');
  await save(page);
  const after = site.read('pages/apply.md');
  expect(changedLines(before, after)).toEqual(['<p>Bring your identity card or passport.</p>']);
  expect(bodyOf(after)).toContain('<details class="faq-item" id="apply">\n<summary class="faq-question">How do I apply?</summary>\n<div class="faq-answer">');
});
