import { createPage, openPage, save } from './helpers.ts';
import { expect, test } from './fixtures.ts';

// A page of our own: a classed paragraph and a styled numbered list that starts at 4, as sites write them.
const BODY = [
  '<h2 id="opening-hours" class="section-title">Opening hours</h2>',
  '<p class="lead notice" id="hours-note" style="color: #1a4d2e" lang="en" data-section="hours">The visitor centre opens at nine on weekdays.</p>',
  '<ol class="steps" style="list-style-type: lower-roman; margin-left: 2em" start="4">',
  '<li class="step" data-step="4">',
  '<p>Sign in at the front desk</p>',
  '</li>',
  '<li class="step" data-step="5">',
  '<p>Collect a map</p>',
  '</li>',
  '</ol>',
  '',
].join('\n');

test('a one-word edit in a classed paragraph changes that one line and keeps its class, id, style and data', async ({ page, site }) => {
  const before = createPage(site, 'pages/visitor-centre.md', 'Visitor Centre', BODY);
  const canvas = await openPage(page, site, 'Visitor Centre');

  const paragraph = canvas.locator('p.lead.notice', { hasText: 'opens at nine' });
  await expect(paragraph).toBeVisible();
  // The site's attributes are on the canvas too, so its styles apply while editing.
  await expect(paragraph).toHaveAttribute('style', 'color: #1a4d2e');
  await expect(canvas.locator('ol.steps li.step')).toHaveCount(2);
  await expect(page.getByText('editing this block would drop')).toHaveCount(0);

  await paragraph.getByText('opens at nine').click();
  await page.keyboard.press('End');
  // Replace "weekdays." with "workdays." at the end of the paragraph.
  for (let i = 0; i < 'weekdays.'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('workdays.');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await save(page);

  const after = site.read('pages/visitor-centre.md');
  expect(after).toBe(before.replace('on weekdays.</p>', 'on workdays.</p>'));
  const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
  expect(changed).toEqual([
    '<p class="lead notice" id="hours-note" style="color: #1a4d2e" lang="en" data-section="hours">The visitor centre opens at nine on workdays.</p>',
  ]);
});

test('a one-word edit in a styled list that starts at 4 changes that one line and keeps the list as written', async ({ page, site }) => {
  const before = createPage(site, 'pages/visitor-centre.md', 'Visitor Centre', BODY);
  const canvas = await openPage(page, site, 'Visitor Centre');

  const list = canvas.locator('ol.steps[start="4"]');
  await expect(list).toHaveAttribute('style', 'list-style-type: lower-roman; margin-left: 2em');
  await list.getByText('Collect a map').click();
  await page.keyboard.press('End');
  for (let i = 0; i < 'map'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('leaflet');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await save(page);

  const after = site.read('pages/visitor-centre.md');
  expect(after).toBe(before.replace('<p>Collect a map</p>', '<p>Collect a leaflet</p>'));
});
