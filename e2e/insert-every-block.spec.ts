// The contract every registered block passes in the browser: each insert entry of the registry, read
// at run time, inserts from the toolbar's Insert menu into a fresh page, saves, and what is written
// imports again with nothing removed.
import { blockRegistry } from '../extensions/registry.ts';
import { BodyCodec } from '../src/core/bodyCodec.ts';
import { useJsdom } from '../src/core/node/useJsdom.ts';
import { expect, test } from './fixtures.ts';
import { bodyOf, createPage, frontMatterOf, newParagraphAfter, openPage, save } from './helpers.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
const entries = blockRegistry.flatMap((block) => (block.insertEntries ?? []).map((entry) => ({ block: block.name, entry })));

test('the registry has insert entries to check', () => {
  expect(entries.length).toBeGreaterThan(0);
});

for (const { block, entry } of entries) {
  test(`insert entry "${entry.label}" (${block}) inserts from the Insert menu, saves and re-imports cleanly`, async ({ page, site }) => {
    const path = `pages/insert-${entry.id}.md`;
    const title = `Insert ${entry.id}`;
    const before = createPage(site, path, title);
    const canvas = await openPage(page, site, title);
    const blocksBefore = await canvas.locator(':scope > *').count();

    await newParagraphAfter(page, 'Start');
    await page.getByRole('button', { name: 'Insert', exact: true }).click();
    await page.getByRole('menu', { name: 'Insert a block' }).getByRole('menuitem', { name: entry.label, exact: true }).click();
    await expect(page.getByText('Unsaved changes')).toBeVisible();
    expect(await canvas.locator(':scope > *').count()).toBeGreaterThanOrEqual(blocksBefore);
    await save(page);

    const after = site.read(path);
    expect(frontMatterOf(after)).toBe(frontMatterOf(before));
    const body = bodyOf(after);
    expect(body).toMatch(/^<p>Start<\/p>/);
    const imported = codec.importHtml(body);
    expect(imported.report.filter((item) => item.kind === 'removed')).toEqual([]);
    if (block !== 'raw-html') expect(imported.report.filter((item) => item.kind === 'keptRaw')).toEqual([]);
    // What was written is what the codec writes for it: export is stable.
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(body);
  });
}
