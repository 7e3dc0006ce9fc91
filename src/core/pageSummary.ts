import { frontMatterData, readPageFile } from './pageFile.ts';

/** What the page list shows of one page file; the server and the browser-only backends give the same. */
export interface PageSummary {
  path: string;
  title: string;
  permalink: string | null;
  variant: 'tiptap' | 'markdown';
  layout: string | null;
  /** Collection name without the underscore (`_about/x.md` → `about`), or null. */
  collection: string | null;
  thirdNavTitle: string | null;
  /** `<category>` for `<resources_name>/<category>/_posts/*.md`, else null. */
  resourceCategory: string | null;
  /** mtime in ms since the epoch. */
  modified: number;
  frontMatterError?: boolean;
}

function scalarString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** `<category>` for `<resources_name>/<category>/_posts/*.md` (any `<x>/<category>/_posts/` without a resources name), else null. */
export function resourceCategoryOf(rel: string, resourcesName: string | null): string | null {
  const segments = rel.split('/');
  const n = segments.length;
  if (n >= 4 && segments[n - 2] === '_posts' && (resourcesName === null || (segments[0] === resourcesName && n === 4))) return segments[n - 3]!;
  return null;
}

/** The summary of a page file at a site-relative path. */
export function summarisePage(rel: string, text: string, modified: number, resourcesName: string | null): PageSummary {
  const file = readPageFile(text);
  const data = frontMatterData(file);
  const segments = rel.split('/');
  const n = segments.length;
  const first = segments[0]!;
  const fallbackTitle = segments[n - 1]!.replace(/\.md$/i, '');
  const title = scalarString(data['title']);
  return {
    path: rel,
    title: title !== null && title.trim() !== '' ? title : fallbackTitle,
    permalink: scalarString(data['permalink']),
    variant: data['variant'] === 'tiptap' ? 'tiptap' : 'markdown',
    layout: scalarString(data['layout']),
    collection: n > 1 && first.startsWith('_') && first.length > 1 ? first.slice(1) : null,
    thirdNavTitle: scalarString(data['third_nav_title']),
    resourceCategory: resourceCategoryOf(rel, resourcesName),
    modified,
    frontMatterError: file.frontMatterError !== null,
  };
}
