import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { CorpusPage } from './corpus.ts';

/** The shared corpus of real site files (homepages, data files, config), beside the project root. */
export const siteFilesDir = new URL('../../../../shared/corpus/site-files/', import.meta.url);
const sampleSiteDir = new URL('../../../sample-site/', import.meta.url);

if (!existsSync(siteFilesDir)) {
  throw new Error(`The site file corpus is missing: expected it at ${siteFilesDir.pathname}`);
}

/** The corpus site files whose names end with one of `suffixes`, sorted by name. */
export function readSiteFiles(...suffixes: string[]): CorpusPage[] {
  return readdirSync(siteFilesDir)
    .filter((name) => suffixes.some((suffix) => name.endsWith(suffix)))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(encodeURIComponent(name), siteFilesDir), 'utf8') }));
}

/** A file of the sample site, by its path in the site, named `sample-site/<path>`. */
export function readSampleSiteFile(path: string): CorpusPage {
  return { name: `sample-site/${path}`, text: readFileSync(new URL(path, sampleSiteDir), 'utf8') };
}

/** The lines of `after` that differ from `before`, both ways: the run between the common head and tail. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}
