/**
 * Bad input in the browser: a page nested too deeply or a file that is not UTF-8 text opens with a
 * clear message and stays as it is on disk, on the server, in folder mode and as a single file.
 */
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, staticTest, test } from './fixtures.ts';

const nested = (depth: number) => '<div>'.repeat(depth) + 'x' + '</div>'.repeat(depth);
const deepPage = (title: string, depth: number) => `---\ntitle: ${title}\npermalink: /${title.toLowerCase().replace(/ /g, '-')}/\nvariant: tiptap\n---\n<p>Before.</p>\n${nested(depth)}\n`;
// A page whose front matter reads, with a Latin-1 "é" on line 6 and a NUL byte after it.
const latin1Page = Buffer.concat([Buffer.from('---\ntitle: Latin page\npermalink: /latin/\nvariant: tiptap\n---\n<p>Caf'), Buffer.from([0xe9]), Buffer.from('</p>\n')]);
const binaryPage = Buffer.concat([Buffer.from('---\ntitle: Binary page\npermalink: /binary/\n---\n'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0d])]);

async function openFromList(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: title, exact: true }).click();
}

test('a page nested 10,000 or 100,000 deep, tiptap or markdown, opens with the reason and its line, and the file is unchanged', async ({ page, site }) => {
  const files = {
    'pages/deep.md': deepPage('Deep page', 10_000),
    'pages/deeper.md': deepPage('Deeper page', 100_000),
    // A markdown page: the line is counted in the markdown.
    'pages/deep-markdown.md': `---\ntitle: Deep markdown\npermalink: /deep-markdown/\n---\n# Title\n\nSome words.\n\n${nested(10_000)}\n\nAfter.\n`,
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(site.dir, path), text);
  await page.goto(site.url);
  for (const [title, line] of [['Deep page', 7], ['Deeper page', 7], ['Deep markdown', 9]] as const) {
    await openFromList(page, title);
    await expect(page.getByText(`This page could not be opened: Line ${line}: the markup is nested deeper than 256 levels, more than a page can hold; the page was not read. The file is unchanged.`)).toBeVisible();
    await expect(page.locator('.ProseMirror')).toHaveCount(0);
  }
  for (const [path, text] of Object.entries(files)) expect(site.read(path)).toBe(text);
  // The other pages still open.
  await openFromList(page, 'Contact Us');
  await expect(page.getByLabel('Contact Us', { exact: true })).toBeVisible();
});

test('a binary or non-UTF-8 page from the server is refused with the reason, and stays as it is', async ({ page, site }) => {
  writeFileSync(join(site.dir, 'pages/latin.md'), latin1Page);
  writeFileSync(join(site.dir, 'pages/binary.md'), binaryPage);
  await page.goto(site.url);
  await openFromList(page, 'Latin page');
  await expect(page.getByRole('alert')).toContainText('This file is not UTF-8 text (line 6 holds bytes that are not UTF-8).');
  await expect(page.locator('.ProseMirror')).toHaveCount(0);
  await openFromList(page, 'Binary page');
  await expect(page.getByRole('alert')).toHaveText(/: This file is binary, not a page \(it holds a NUL byte on line 5\)\. It was not read\.$/);
  expect(readFileSync(join(site.dir, 'pages/latin.md'))).toEqual(latin1Page);
  expect(readFileSync(join(site.dir, 'pages/binary.md'))).toEqual(binaryPage);
});

staticTest('a single page file that is not UTF-8, or nested too deeply, is refused with the reason', async ({ page, staticUrl }) => {
  await page.goto(staticUrl);
  const input = page.getByLabel('Page file', { exact: true });
  await input.setInputFiles({ name: 'latin.md', mimeType: 'text/markdown', buffer: latin1Page });
  await expect(page.getByRole('alert')).toHaveText('This file is not UTF-8 text (line 6 holds bytes that are not UTF-8). Save it as UTF-8 in a text editor and open it again; it was not read.');
  await input.setInputFiles({ name: 'binary.md', mimeType: 'text/markdown', buffer: binaryPage });
  await expect(page.getByRole('alert')).toHaveText('This file is binary, not a page (it holds a NUL byte on line 5). It was not read.');
  await input.setInputFiles({ name: 'deep.md', mimeType: 'text/markdown', buffer: Buffer.from(deepPage('Deep page', 100_000)) });
  await expect(page.getByText('the markup is nested deeper than 256 levels')).toBeVisible();
  await expect(page.locator('.ProseMirror')).toHaveCount(0);
});

staticTest('folder mode: binary, non-UTF-8 and deeply nested pages are refused with the reason; the others open', async ({ page, staticUrl }) => {
  // A small site in the origin private file system, which the folder picker answers with.
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('bad-site');
  });
  await page.goto(staticUrl);
  const files = {
    '_config.yml': Buffer.from('title: Bad input\n'),
    'pages/binary.md': binaryPage,
    'pages/latin.md': latin1Page,
    'pages/deep.md': Buffer.from(deepPage('Deep page', 10_000)),
    'pages/fine.md': Buffer.from('---\ntitle: Fine page\npermalink: /fine/\nvariant: tiptap\n---\n<p>Fine.</p>\n'),
  };
  await page.evaluate(async (list) => {
    const site = await (await navigator.storage.getDirectory()).getDirectoryHandle('bad-site', { create: true });
    for (const [path, base64] of list) {
      const [folder, name] = path.includes('/') ? path.split('/') : [null, path];
      const dir = folder ? await site.getDirectoryHandle(folder, { create: true }) : site;
      const writable = await (await dir.getFileHandle(name!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
    }
  }, Object.entries(files).map(([path, bytes]) => [path, bytes.toString('base64')]));
  await page.getByRole('button', { name: 'Open a site folder' }).click();
  await openFromList(page, 'Binary page');
  await expect(page.getByRole('alert')).toContainText('This file is binary, not a page (it holds a NUL byte on line 5).');
  await openFromList(page, 'Latin page');
  await expect(page.getByRole('alert')).toContainText('This file is not UTF-8 text (line 6 holds bytes that are not UTF-8).');
  await openFromList(page, 'Deep page');
  await expect(page.getByText('Line 7: the markup is nested deeper than 256 levels')).toBeVisible();
  await openFromList(page, 'Fine page');
  await expect(page.locator('.ProseMirror')).toContainText('Fine.');
});
