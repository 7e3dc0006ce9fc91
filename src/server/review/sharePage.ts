/**
 * What a share link shows: the change set's pages as the site will show them (its header, title
 * banner and body, sanitised as the editor does), and nothing else — no script, no other page.
 */
import { blockRegistry } from '../../../extensions/registry.ts';
import { buildPreviewDocument, escapeHtml } from '../../app/preview/previewDocument.ts';
import { useJsdom } from '../../core/node/useJsdom.ts';
import { frontMatterData, readPageFile } from '../../core/pageFile.ts';
import { createSanitizer, type Sanitizer } from '../../core/sanitize.ts';
import { parse as parseYaml } from 'yaml';
import { pageHtml } from './pageBlocks.ts';

/** Files a share link may open: pages, not settings, includes or layouts. */
export function isSharedPage(rel: string): boolean {
  return /\.(md|html)$/i.test(rel) && !/^_(data|includes|layouts|site|config)/.test(rel) && !rel.split('/').some((p) => p.startsWith('.'));
}

/** The address a page has on the site: its permalink, else its file path. */
export function shareAddress(rel: string, fileText: string): string {
  const permalink = frontMatterData(readPageFile(fileText))['permalink'];
  const p = typeof permalink === 'string' && permalink.startsWith('/') ? permalink : `/${rel}`;
  // The homepage's `/` is the list of pages itself: it keeps its file name.
  return p.replace(/^\/+/, '').replace(/\/+$/, '') || rel;
}

let sanitizer: Sanitizer | null = null;

const CSS = `
body { margin: 0; font-family: Lato, "Helvetica Neue", Arial, sans-serif; color: #323232; line-height: 1.6; }
.share-notice { background: #fff4d6; border-bottom: 1px solid #d9b44a; padding: .5rem 1rem; font-size: .95rem; }
header, footer { padding: 1rem 2rem; } footer { border-top: 1px solid #ddd; margin-top: 2rem; font-size: .9rem; }
.page-banner { background: var(--site-primary); color: #fff; padding: 2rem; }
.page-banner a { color: #fff; } .breadcrumb ol { list-style: none; padding: 0; margin: 0; display: flex; gap: .5rem; }
.page-layout { display: flex; gap: 2rem; padding: 2rem; max-width: 1100px; margin: 0 auto; }
.page-main { flex: 1; min-width: 0; } img { max-width: 100%; height: auto; }
nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
`;

/** A page as a visitor will see it; a draft carries a notice that it is not published yet. */
export function sharedPageHtml(rel: string, fileText: string, configText: string | null, draft = true): string {
  const win = useJsdom();
  sanitizer ??= createSanitizer(blockRegistry, win);
  const { title, html } = pageHtml(fileText);
  const config = readConfig(configText);
  const body = sanitizer.sanitize(html, { keepPublishedEmbeds: true }).html;
  const doc = buildPreviewDocument({
    site: { title: config.title, colors: config.colors, resourcesName: null, navigation: null, collections: [] },
    pages: [],
    path: rel,
    title: title || rel,
    bodyHtml: body,
    css: CSS,
  });
  if (!draft) return doc;
  return doc.replace('<body>', `<body>\n<p class="share-notice" role="note">A draft shared for review: not published yet.</p>`);
}

/** The list of pages a share link opens. */
export function shareIndexHtml(title: string, pages: { address: string; title: string }[]): string {
  const items = pages.map((p) => `<li><a href="${escapeHtml(p.address)}">${escapeHtml(p.title)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}: changed pages</title><style>${CSS}</style></head>
<body><main class="page-layout"><div class="page-main">
<h1>${escapeHtml(title)}</h1>
<p>Changed pages, shared for review before they are published:</p>
<ul>${items || '<li>No pages changed.</li>'}</ul>
</div></main></body></html>`;
}

function readConfig(text: string | null): { title: string | null; colors: Record<string, unknown> | null } {
  try {
    const data = text ? (parseYaml(text) as Record<string, unknown> | null) : null;
    const colors = data?.['colors'];
    return { title: typeof data?.['title'] === 'string' ? data['title'] : null, colors: colors && typeof colors === 'object' ? (colors as Record<string, unknown>) : null };
  } catch {
    return { title: null, colors: null };
  }
}
