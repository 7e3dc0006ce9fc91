/** Page summaries and etags computed in the browser (for the folder and file backends). */
import { frontMatterData, readPageFile } from '../core/pageFile.ts';
import type { PageSummary } from './siteApi.ts';

function scalarString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** The same summary the site server gives for a page file. */
export function summarisePage(rel: string, text: string, modified: number, resourcesName: string | null): PageSummary {
  const file = readPageFile(text);
  const data = frontMatterData(file);
  const segments = rel.split('/');
  const n = segments.length;
  const first = segments[0]!;
  const fallbackTitle = segments[n - 1]!.replace(/\.md$/i, '');
  const title = scalarString(data['title']);
  let resourceCategory: string | null = null;
  if (n >= 4 && segments[n - 2] === '_posts' && (resourcesName === null || (first === resourcesName && n === 4))) resourceCategory = segments[n - 3]!;
  return {
    path: rel,
    title: title !== null && title.trim() !== '' ? title : fallbackTitle,
    permalink: scalarString(data['permalink']),
    variant: data['variant'] === 'tiptap' ? 'tiptap' : 'markdown',
    layout: scalarString(data['layout']),
    collection: n > 1 && first.startsWith('_') && first.length > 1 ? first.slice(1) : null,
    thirdNavTitle: scalarString(data['third_nav_title']),
    resourceCategory,
    modified,
    frontMatterError: file.frontMatterError !== null,
  };
}

/** The server's etag format: the quoted sha256 hex digest of the bytes. */
export async function etagOfBytes(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `"${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}"`;
}

/** Decodes UTF-8, saying whether the bytes were not valid UTF-8 (saving would change them). */
export function decodeUtf8(bytes: Uint8Array): { text: string; encodingError: boolean } {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const again = new TextEncoder().encode(text);
  const same = again.length === bytes.length && again.every((b, i) => b === bytes[i]);
  return { text, encodingError: !same };
}
