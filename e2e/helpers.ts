import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, type TestSite } from './fixtures.ts';

/** Writes a new tiptap page into the test's copy of the site (before the app loads the page list). */
export function createPage(site: TestSite, path: string, title: string, body = '<p>Start</p>'): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const text = `---\ntitle: ${title}\npermalink: /${slug}/\nvariant: tiptap\n---\n${body}`;
  const file = join(site.dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return text;
}

/** Opens the page with this title from the page list; resolves with the editing canvas. */
export async function openPage(page: Page, site: TestSite, title: string): Promise<Locator> {
  if (!page.url().startsWith(site.url)) await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: title, exact: true }).click();
  const canvas = page.locator('.ProseMirror');
  await expect(canvas).toBeVisible();
  return canvas;
}

/**
 * Waits until the canvas stops moving: its blocks' own views and the page's notices load after the page
 * shows and can move it, and a click aimed before then lands on what was there.
 */
export async function canvasSettled(canvas: Locator): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await canvas.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return `${r.top},${r.height}`;
        });
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [200], timeout: 10_000 },
    )
    .toBe(true);
}

/** Clicks the end of the first paragraph holding `text`, then starts a new empty paragraph after it. */
export async function newParagraphAfter(page: Page, text: string): Promise<void> {
  const paragraph = page.locator('.ProseMirror p', { hasText: text }).first();
  // A click at the bottom right corner puts the caret at the end of the paragraph's last line.
  const box = await paragraph.boundingBox();
  if (!box) throw new Error(`No paragraph with "${text}" on screen`);
  await paragraph.click({ position: { x: box.width - 2, y: box.height - 4 } });
  await page.keyboard.press('Enter');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
}

/**
 * Inserts a block through the `/` menu as a person does: types `/`, waits for the menu, types the
 * query, waits for a matching option, then presses Enter.
 */
export async function insertWithSlash(page: Page, query: string): Promise<void> {
  const menu = page.getByRole('listbox', { name: 'Insert a block' });
  await page.keyboard.type('/');
  await expect(menu).toBeVisible();
  await page.keyboard.type(query, { delay: 30 });
  await expect(menu.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
}

/** Saves with the Save button and waits for the "Saved" state. */
export async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
}

/** The side panel's "Block" tab, opened. */
export async function openBlockTab(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Block' }).click();
  return page.getByRole('tabpanel');
}

/** The body of a page file (after the front matter). */
export function bodyOf(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** The front matter text of a page file. */
export function frontMatterOf(text: string): string {
  return text.slice(0, text.length - bodyOf(text).length);
}

/** Keeps a screenshot with the test's results. */
export async function keepScreenshot(page: Page, name: string, testInfo: { outputPath: (...parts: string[]) => string }): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: false });
}

/** Selects an image block with a click. */
export async function selectImage(image: Locator): Promise<void> {
  await image.click();
  await expect(image.locator('xpath=..')).toHaveClass(/ProseMirror-selectednode/);
}

/** Serious and critical violations only, as "rule: target" lines (readable in a failure). */
export async function seriousViolations(page: Page, options: { skipFrames?: string } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  // A frame sandboxed without scripts cannot host the checker; its document is checked on its own.
  if (options.skipFrames) builder = builder.exclude(options.skipFrames).options({ iframes: false }).setLegacyMode(true);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}
