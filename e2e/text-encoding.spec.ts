import { expect, test } from './fixtures.ts';
import { openPage, save } from './helpers.ts';

test('a one-word edit in a list written with &nbsp; and &rsquo; changes one line of the file', async ({ page, site }) => {
  const before = site.read('pages/opening-hours.md');
  await openPage(page, site, 'Opening Hours');

  const item = page.locator('.ProseMirror li', { hasText: 'Sunset Pier’s boardwalk' });
  await expect(item).toBeVisible();
  await item.click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Sunset'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('Sundown');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await save(page);

  const after = site.read('pages/opening-hours.md');
  const oldLines = before.split('\n');
  const newLines = after.split('\n');
  expect(newLines).toHaveLength(oldLines.length);
  const changed = newLines.map((line, i) => [oldLines[i], line]).filter(([old, line]) => old !== line);
  expect(changed).toEqual([['<p>Sunset Pier’s boardwalk: 7&nbsp;am&nbsp;&ndash; 9&nbsp;pm</p>', '<p>Sundown Pier’s boardwalk: 7&nbsp;am&nbsp;&ndash; 9&nbsp;pm</p>']]);
});
