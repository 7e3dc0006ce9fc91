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
import { siteTarget } from '../build/builtLinks.ts';
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

/** Images a share link may serve: pictures only, never pages, data or scripts. */
export const SHARED_IMAGE = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$/i;
/** Where a share link serves the images of its pages, below `/share/<token>/`. */
export const SHARED_IMAGES_DIR = '_images/';

/**
 * The page's body as the site shows it, and the site's own images it shows (site-relative paths). With
 * `imagesAt`, those images' addresses are rewritten to it (a share link's, which serves them).
 */
function sharedBody(rel: string, fileText: string, configText: string | null, imagesAt?: string): { title: string; html: string; images: string[] } {
  const win = useJsdom();
  sanitizer ??= createSanitizer(blockRegistry, win);
  const { title, html } = pageHtml(fileText);
  const body = sanitizer.sanitize(html, { keepPublishedEmbeds: true }).html;
  const { baseurl } = readConfig(configText);
  const template = win.document.createElement('template');
  template.innerHTML = body;
  const images: string[] = [];
  for (const img of template.content.querySelectorAll('img[src]')) {
    const target = siteTarget(img.getAttribute('src')!, `/${shareAddress(rel, fileText)}/`, baseurl);
    const file = target?.replace(/^\/+/, '');
    if (!file || !SHARED_IMAGE.test(file)) continue;
    images.push(file);
    if (imagesAt !== undefined) {
      img.setAttribute('src', imagesAt + file.split('/').map(encodeURIComponent).join('/'));
      img.removeAttribute('srcset');
    }
  }
  return { title, html: imagesAt === undefined ? body : template.innerHTML, images };
}

/** The site's own images a page shows (site-relative paths). */
export function sharedPageImages(rel: string, fileText: string, configText: string | null): string[] {
  return sharedBody(rel, fileText, configText).images;
}

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

/**
 * A page as a visitor will see it; a draft carries a notice that it is not published yet. With
 * `imagesAt` (a share link's images address), the site's own images show from there.
 */
export function sharedPageHtml(rel: string, fileText: string, configText: string | null, draft = true, imagesAt?: string): string {
  const { title, html: body } = sharedBody(rel, fileText, configText, imagesAt);
  const config = readConfig(configText);
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

function readConfig(text: string | null): { title: string | null; colors: Record<string, unknown> | null; baseurl: string } {
  try {
    const data = text ? (parseYaml(text) as Record<string, unknown> | null) : null;
    const colors = data?.['colors'];
    return {
      title: typeof data?.['title'] === 'string' ? data['title'] : null,
      colors: colors && typeof colors === 'object' ? (colors as Record<string, unknown>) : null,
      baseurl: typeof data?.['baseurl'] === 'string' ? data['baseurl'] : '',
    };
  } catch {
    return { title: null, colors: null, baseurl: '' };
  }
}
