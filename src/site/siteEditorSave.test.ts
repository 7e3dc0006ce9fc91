import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { useJsdom } from '../core/node/useJsdom.ts';
import { openPage, savePage } from '../core/pageDocument.ts';
import { frontMatterData, withFrontMatterText } from '../core/pageFile.ts';
import { changedLines, readSampleSiteFile, readSiteFiles } from '../core/testing/siteFiles.ts';
import { insertItem, newSection, setIn, type YamlPath } from './homepage.ts';
import { siteLayoutOf } from './siteLayout.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

// Every homepage and Contact Us file the site screens open, real and sample, saved the way the screens save.
const files = [
  ...readSiteFiles('__index.md', '__contact-us.md'),
  ...['index.md', 'pages/contact-us.md'].map(readSampleSiteFile),
].filter(({ text }) => {
  const opened = openPage(codec, text);
  return siteLayoutOf(opened.file.frontMatterText, opened.file.body) !== null;
});

/** The leaf values (strings, numbers, booleans, null) with their paths. */
function leaves(value: unknown, path: YamlPath = []): [YamlPath, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [[path, value]];
}

/** What the homepage and Contact Us screens write: the page saved with its edited front matter text. */
function saveWithFrontMatter(text: string, edit: (fm: string) => string | null): string {
  const opened = openPage(codec, text);
  const next = edit(opened.file.frontMatterText);
  expect(next).not.toBeNull();
  return savePage(codec, opened, opened.body.doc, withFrontMatterText(opened.file, next!)).text;
}

describe('homepage and Contact Us, saved the way their screens save', () => {
  it('finds the files the screens open', () => {
    expect(files.filter((f) => f.name.endsWith('index.md')).length).toBeGreaterThanOrEqual(6);
    expect(files.filter((f) => f.name.endsWith('contact-us.md')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('$name: a no-op save through the screen path is byte-identical', ({ text }) => {
    expect(saveWithFrontMatter(text, (fm) => fm)).toBe(text);
  });

  it.each(files)('$name: each value edited on its own changes only its own line of the file', ({ text }) => {
    const data = frontMatterData(openPage(codec, text).file);
    for (const [path, value] of leaves(data)) {
      // The layout is what opens the screen: the screens never change it.
      if (value instanceof Date || path.length === 0 || path[0] === 'layout') continue;
      const written = saveWithFrontMatter(text, (fm) => setIn(fm, path, 'Edited value'));
      const diff = changedLines(text, written);
      expect(diff.added.filter((l) => l.includes('Edited value')), path.join('.')).toHaveLength(1);
      // A value that spans several lines (folded, or a block string) goes as a whole; nothing else does.
      expect(diff.added, path.join('.')).toHaveLength(1);
      expect(frontMatterData(openPage(codec, written).file)).toEqual(JSON.parse(JSON.stringify(setPath(data, path, 'Edited value')), reviveDates(data)));
    }
  });

  it.each(files.filter((f) => f.name.endsWith('index.md')))('$name: a section added at the end adds lines and changes none', ({ text }) => {
    const written = saveWithFrontMatter(text, (fm) => {
      const count = (frontMatterData(openPage(codec, text).file)['sections'] as unknown[]).length;
      return insertItem(fm, ['sections'], count, newSection('infobar'));
    });
    const diff = changedLines(text, written);
    expect(diff.removed).toEqual([]);
    expect(diff.added.join('\n')).toContain('infobar:');
  });
});

function setPath(data: unknown, path: YamlPath, value: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** Dates survive the JSON copy as Date objects again, as the parser gives them. */
function reviveDates(data: unknown) {
  const dates = new Set(leaves(data).filter(([, v]) => v instanceof Date).map(([, v]) => (v as Date).toISOString()));
  return (_key: string, v: unknown) => (typeof v === 'string' && dates.has(v) ? new Date(v) : v);
}
