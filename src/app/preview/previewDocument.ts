/**
 * The preview of a page as the Isomer site shows it, as one HTML document for a sandboxed frame: the
 * site header with its navigation, a breadcrumb, the title banner in the site's colours, the left
 * navigation of a collection, the page body and a footer. Pure: no React, no stores.
 */
import type { PageSummary, SiteCollection } from '../../storage/siteApi.ts';
import { footerHtml } from './sitePreview.ts';

export interface PreviewSite {
  title: string | null;
  colors: Record<string, unknown> | null;
  resourcesName: string | null;
  navigation: unknown;
  collections: SiteCollection[];
}

export interface PreviewInput {
  site: PreviewSite | null;
  pages: readonly PageSummary[];
  /** Site path of the page shown, e.g. `_about/Our Story.md`. */
  path: string;
  title: string;
  /** The page body, already sanitised. */
  bodyHtml: string;
  /** Our CSS for the content (fonts, blocks) and for the site around it. */
  css: string;
  /** `_data/footer.yml` as data; undefined or null: the footer shows only what it always shows. */
  footer?: unknown;
  /** A page the theme lays out by itself (the homepage): shown in place of the banner and content column. */
  ownLayoutHtml?: string;
}

export interface NavLink {
  title: string;
  url: string | null;
  sublinks: NavLink[];
}

export interface LeftNavItem {
  title: string;
  url: string | null;
  current: boolean;
}

export interface LeftNavGroup {
  /** null: pages at the top of the collection; otherwise a third-level folder. */
  title: string | null;
  items: LeftNavItem[];
}

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

export function prettyName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A colour from `_config.yml`, only when it is a plain hex colour (it goes into CSS). */
export function siteColour(colors: Record<string, unknown> | null | undefined, key: string, fallback: string): string {
  const value = colors?.[key];
  return typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value.trim()) ? value.trim() : fallback;
}

/** A URL for an href or src in the preview: only site paths and http(s); anything else goes nowhere. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  const value = url.trim();
  if (/^\/(?!\/)/.test(value) || /^https?:\/\//i.test(value)) return value;
  return null;
}

/** The pages of a collection in the order of its collection.yml, then the rest by title. */
export function collectionPages(collection: string, pages: readonly PageSummary[], collections: readonly SiteCollection[]): PageSummary[] {
  const prefix = `_${collection}/`;
  const order = collections.find((c) => c.name === collection)?.order ?? [];
  const rank = new Map(order.map((entry, i) => [prefix + entry, i]));
  return pages
    .filter((p) => p.collection === collection)
    .sort((a, b) => (rank.get(a.path) ?? Infinity) - (rank.get(b.path) ?? Infinity) || a.title.localeCompare(b.title));
}

/** Navigation links from `_data/navigation.yml` (`links:` mapping or the old plain list). */
export function navigationLinks(site: PreviewSite | null, pages: readonly PageSummary[]): { logo: string | null; links: NavLink[] } {
  const nav = site?.navigation;
  const list = Array.isArray(nav) ? nav : isRecord(nav) && Array.isArray(nav['links']) ? (nav['links'] as unknown[]) : [];
  const logo = isRecord(nav) ? text(nav['logo']) : null;
  const toLink = (entry: unknown): NavLink | null => {
    if (!isRecord(entry)) return null;
    const title = text(entry['title']) ?? '';
    let url = text(entry['url']);
    const collection = text(entry['collection']);
    if (!url && collection) url = collectionPages(collection, pages, site?.collections ?? []).find((p) => p.permalink)?.permalink ?? null;
    if (!url && entry['resource_room'] === true && site?.resourcesName) url = `/${site.resourcesName}/`;
    const sublinks = Array.isArray(entry['sublinks']) ? entry['sublinks'].map(toLink).filter((l): l is NavLink => l !== null) : [];
    return { title, url, sublinks };
  };
  return { logo, links: list.map(toLink).filter((l): l is NavLink => l !== null && l.title !== '') };
}

/** The left navigation of a collection page: its pages, and one group per third-level folder. */
export function leftNavigation(path: string, pages: readonly PageSummary[], collections: readonly SiteCollection[]): LeftNavGroup[] {
  const current = pages.find((p) => p.path === path);
  const collection = current?.collection ?? (/^_([^/]+)\//.exec(path)?.[1] ?? null);
  if (!collection) return [];
  const prefix = `_${collection}/`;
  const groups: LeftNavGroup[] = [];
  const folders = new Map<string, LeftNavGroup>();
  for (const page of collectionPages(collection, pages, collections)) {
    const rest = page.path.slice(prefix.length).split('/');
    const item = { title: page.title, url: page.permalink, current: page.path === path };
    if (rest.length === 1) {
      const last = groups[groups.length - 1];
      if (last && last.title === null) last.items.push(item);
      else groups.push({ title: null, items: [item] });
      continue;
    }
    const folder = rest[0]!;
    let group = folders.get(folder);
    if (!group) {
      group = { title: page.thirdNavTitle ?? folder, items: [] };
      folders.set(folder, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

function breadcrumb(input: PreviewInput): string[] {
  const page = input.pages.find((p) => p.path === input.path);
  const crumbs = ['Home'];
  const collection = page?.collection ?? (/^_([^/]+)\//.exec(input.path)?.[1] ?? null);
  if (collection) {
    crumbs.push(prettyName(collection));
    const rest = input.path.slice(collection.length + 2).split('/');
    if (rest.length > 1) crumbs.push(page?.thirdNavTitle ?? rest[0]!);
  } else if (page?.resourceCategory) {
    crumbs.push(prettyName(input.site?.resourcesName ?? 'resources'), prettyName(page.resourceCategory));
  }
  crumbs.push(input.title);
  return crumbs;
}

function linkHtml(title: string, url: string | null, attrs = ''): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}"${attrs}>${escapeHtml(title)}</a>` : `<span${attrs}>${escapeHtml(title)}</span>`;
}

function headerHtml(input: PreviewInput): string {
  const { logo, links } = navigationLinks(input.site, input.pages);
  const siteTitle = input.site?.title ?? 'Home';
  const logoSrc = safeHref(logo);
  const brand = logoSrc
    ? `<img class="site-logo" src="${escapeHtml(logoSrc)}" alt="${escapeHtml(siteTitle)}">`
    : `<span class="site-name">${escapeHtml(siteTitle)}</span>`;
  const items = links
    .map((link) => {
      if (link.sublinks.length === 0) return `<li class="site-nav__item">${linkHtml(link.title, link.url)}</li>`;
      const sub = link.sublinks.map((s) => `<li>${linkHtml(s.title, s.url)}</li>`).join('');
      return `<li class="site-nav__item site-nav__item--menu"><button type="button" class="site-nav__parent" aria-haspopup="true">${escapeHtml(link.title)} <span aria-hidden="true">▾</span></button><ul class="site-nav__sub">${sub}</ul></li>`;
    })
    .join('');
  return `<header class="site-header">
<div class="site-header__bar"><a class="site-brand" href="/">${brand}</a>
<nav class="site-nav" aria-label="Main"><ul class="site-nav__list">${items}</ul></nav></div>
</header>`;
}

function leftNavHtml(groups: LeftNavGroup[]): string {
  if (groups.length === 0) return '';
  const item = (i: LeftNavItem) =>
    `<li class="left-nav__item${i.current ? ' left-nav__item--current' : ''}">${linkHtml(i.title, i.url, i.current ? ' aria-current="page"' : '')}</li>`;
  const body = groups
    .map((g) =>
      g.title === null
        ? g.items.map(item).join('')
        : `<li class="left-nav__group"><span class="left-nav__group-title">${escapeHtml(g.title)}</span><ul>${g.items.map(item).join('')}</ul></li>`,
    )
    .join('');
  return `<nav class="left-nav" aria-label="Pages in this section"><ul>${body}</ul></nav>`;
}

/**
 * The body made ready for the frame: embeds do not run there (no scripts), so a box says what the site
 * shows; checklist boxes are read-only and named by their item's text.
 */
export function previewBody(html: string, doc: Document): string {
  if (!/<(?:iframe|script|input)/i.test(html)) return html;
  const template = doc.createElement('template');
  template.innerHTML = html;
  for (const script of Array.from(template.content.querySelectorAll('script'))) script.remove();
  for (const frame of Array.from(template.content.querySelectorAll('iframe'))) {
    let host = 'another site';
    try {
      host = new URL(frame.getAttribute('src') ?? '').hostname || host;
    } catch {
      // no address: the generic wording stays
    }
    const box = doc.createElement('div');
    box.className = 'preview-embed';
    box.textContent = `Embedded content from ${host} (shown on the live site)`;
    frame.replaceWith(box);
  }
  for (const input of Array.from(template.content.querySelectorAll('li[data-type="taskItem"] input[type="checkbox"]'))) {
    const item = input.closest('li');
    const text = (item?.querySelector(':scope > div')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) input.setAttribute('aria-label', text);
    input.setAttribute('disabled', '');
  }
  return template.innerHTML;
}

export function buildPreviewDocument(input: PreviewInput): string {
  const primary = siteColour(input.site?.colors, 'primary-color', '#0b6e4f');
  const secondary = siteColour(input.site?.colors, 'secondary-color', '#1f4e79');
  const crumbs = breadcrumb(input);
  const crumbHtml = crumbs
    .map((c, i) => (i === crumbs.length - 1 ? `<li aria-current="page">${escapeHtml(c)}</li>` : `<li>${i === 0 ? linkHtml(c, '/') : escapeHtml(c)}</li>`))
    .join('');
  const groups = leftNavigation(input.path, input.pages, input.site?.collections ?? []);
  const siteTitle = input.site?.title ?? '';
  const year = new Date().getFullYear();

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}${siteTitle ? ` | ${escapeHtml(siteTitle)}` : ''}</title>
<style>
:root { --site-primary: ${primary}; --site-secondary: ${secondary}; --isomer-secondary-color: ${secondary}; }
${input.css}
</style></head>
<body>
${headerHtml(input)}
${input.ownLayoutHtml !== undefined ? `<main class="page-main page-main--own-layout">${input.ownLayoutHtml}</main>` : `<section class="page-banner"><div class="page-banner__inner">
<nav class="breadcrumb" aria-label="Breadcrumb"><ol>${crumbHtml}</ol></nav>
<h1 class="page-title">${escapeHtml(input.title)}</h1>
</div></section>
<div class="page-layout${groups.length > 0 ? ' page-layout--with-nav' : ''}">
${leftNavHtml(groups)}
<main class="page-main isomer-canvas"><div class="isomer-content">${input.bodyHtml}</div></main>
</div>`}
${footerHtml(input.footer ?? null, { siteTitle, resourcesName: input.site?.resourcesName ?? null, pages: input.pages, navLinks: navigationLinks(input.site, input.pages).links, year })}
</body></html>`;
}
