import { expect, test } from './fixtures.ts';

// Table editing and linking typed URLs load at the first use of the editor, not with the page.

test('Tab goes to the next cell; dragging across cells selects them, and the table menu merges them', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Who We Are', exact: true }).click();
  const cell = (text: string) => page.locator('.ProseMirror td', { hasText: text });

  await cell('Rangers').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Patrol every park');
  await expect(cell('Rangers').locator('xpath=following-sibling::td[1]')).toHaveText('Patrol every park');

  const from = (await cell('Education').boundingBox())!;
  const to = (await cell('Run school visits').boundingBox())!;
  await page.mouse.move(from.x + 10, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 20, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.locator('.ProseMirror td.selectedCell')).toHaveCount(2);

  const tableMenu = page.getByRole('toolbar', { name: 'Table' });
  await expect(tableMenu.getByRole('button', { name: 'Merge cells' })).toBeEnabled();
  await tableMenu.getByRole('button', { name: 'Merge cells' }).click();
  await expect(page.locator('.ProseMirror td[colspan="2"]', { hasText: 'Education' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const file = site.read('_about/Who We Are.md');
  expect(file).toContain('<td rowspan="1" colspan="1">\n<p>Patrol every park</p>\n</td>');
  expect(file).toMatch(/<td rowspan="1" colspan="2">\n<p>Education<\/p>\n<p>Run school visits/);
});

test('a URL typed and followed by a space becomes a link', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  await page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' See www.parks.gov.sg today');
  await expect(page.locator('.ProseMirror a', { hasText: 'www.parks.gov.sg' })).toHaveAttribute('href', 'http://www.parks.gov.sg');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(site.read('pages/about-us.md')).toContain('See <a href="http://www.parks.gov.sg">www.parks.gov.sg</a> today');
});
