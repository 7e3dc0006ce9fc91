/**
 * Links inside the built site that lead nowhere: every `href` and `src` of the built pages that points
 * into the site is looked up among the built files (a page's address is its folder's index.html, or
 * its .html file) and the site's own files (images, documents). Addresses of other sites, mail and
 * phone links and in-page anchors are not checked.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { isInside } from '../paths.ts';
import { walkFiles } from '../walkFiles.ts';
import type { BrokenLink } from '../../core/reviewBuildCheck.ts';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];

export type { BrokenLink };

const LINK_ATTRIBUTES: Record<string, string[]> = { a: ['href'], area: ['href'], img: ['src'], source: ['src'], iframe: ['src'], link: ['href'], video: ['src', 'poster'], audio: ['src'] };
const SITE = 'http://site.invalid';

function* linksOf(node: Node): Generator<string> {
  if ('tagName' in node) {
    const names = LINK_ATTRIBUTES[node.tagName];
    if (names) for (const attr of node.attrs) if (names.includes(attr.name)) yield attr.value;
  }
  const children = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* linksOf(child as Node);
}

/** The site address a link leads to, or null when it leaves the site or is only an anchor. */
export function siteTarget(href: string, pageAddress: string, baseurl: string): string | null {
  const h = href.trim();
  if (!h || h.startsWith('#') || h.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(h) || h.includes('{{') || h.includes('{%')) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(h, `${SITE}${pageAddress}`).pathname);
  } catch {
    return h;
  }
  const base = baseurl.replace(/\/+$/, '');
  if (base && (pathname === base || pathname.startsWith(`${base}/`))) pathname = pathname.slice(base.length) || '/';
  return pathname;
}

/** Source files a visitor can never open: pages' sources, Jekyll's own folders, hidden files. */
const unpublished = (rel: string) => /\.(md|markdown)$/i.test(rel) || rel.split('/').some((part) => part.startsWith('_') || part.startsWith('.'));

/** Whether `target` is a built page or file, or a file of the site (an image or document the build may leave out). */
function exists(target: string, builtDir: string, sourceDir: string): boolean {
  const rel = target.replace(/^\/+/, '');
  const candidates = [rel, path.posix.join(rel, 'index.html'), `${rel.replace(/\/+$/, '')}.html`];
  for (const [root, c] of [...candidates.map((c) => [builtDir, c] as const), ...(unpublished(rel) ? [] : [[sourceDir, rel] as const])]) {
    const abs = path.join(root, c);
    if (!isInside(root, abs)) continue;
    try {
      if (existsSync(abs) && statSync(abs).isFile()) return true;
    } catch {
      // unreadable: not there for a visitor either
    }
  }
  return false;
}

/** The address a built file is served at. */
function addressOf(rel: string): string {
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

export async function brokenLinks(builtDir: string, sourceDir: string, baseurl: string): Promise<BrokenLink[]> {
  const found: BrokenLink[] = [];
  const seen = new Set<string>();
  const pages: { abs: string; rel: string }[] = [];
  await walkFiles(builtDir, '', {
    skip: () => false,
    onFile: (abs, rel) => void (/\.html?$/i.test(rel) && pages.push({ abs, rel })),
  });
  pages.sort((a, b) => a.rel.localeCompare(b.rel));
  for (const p of pages) {
    const page = addressOf(p.rel);
    const html = await readFile(p.abs, 'utf8');
    for (const href of linksOf(parse(html) as Node)) {
      const target = siteTarget(href, page, baseurl);
      if (target === null || exists(target, builtDir, sourceDir)) continue;
      const key = `${page}\n${href}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ page, href, target });
    }
  }
  return found;
}
