import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const BULK = 250;
const title = (i: number) => `Bulk page ${String(i).padStart(3, '0')}`;

test('a large group lists its first 100 pages, shows more from the keyboard, and the search and the open page reach the rest', async ({ page, site }) => {
  // Written while the server runs: its folder watches notice them.
  mkdirSync(join(site.dir, 'bulk'));
  for (let i = 1; i <= BULK; i++) {
    writeFileSync(join(site.dir, 'bulk', `page-${i}.md`), `---\ntitle: ${title(i)}\npermalink: /bulk/page-${i}/\nvariant: tiptap\n---\n<p>Bulk text ${i}.</p>\n`);
  }
  await page.goto(site.url);
  const group = page.getByRole('region', { name: 'Pages', exact: true });
  const items = group.getByRole('list').getByRole('button');
  await expect(items).toHaveCount(100);
  const more = group.getByRole('button', { name: /^Show 100 more of [\d,]+ pages not listed in Pages$/ });
  const notListed = Number(/of ([\d,]+) pages/.exec((await more.textContent())!)![1]!.replace(/,/g, ''));
  expect(notListed).toBeGreaterThanOrEqual(BULK - 100);

  // From the keyboard: the first page added takes the focus.
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(200);
  await expect(items.nth(100)).toBeFocused();
  await expect(group.getByRole('button', { name: `Show ${Math.min(100, notListed - 100)} more of ${notListed - 100} pages not listed in Pages` })).toBeVisible();

  // The last page, not listed yet, is found by the search, opened, and stays listed without it.
  const search = page.getByRole('searchbox', { name: 'Search pages by title or address' });
  await search.fill(title(BULK));
  await page.getByRole('navigation', { name: 'Site pages' }).getByRole('button', { name: title(BULK) }).click();
  await expect(page.getByRole('heading', { level: 1, name: title(BULK) })).toBeVisible();
  await search.fill('');
  await expect(group.getByRole('button', { name: title(BULK), exact: true })).toHaveAttribute('aria-current', 'page');
});
