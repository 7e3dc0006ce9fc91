/**
 * How the review screen shows a change to a file edited on a screen of its own — the homepage,
 * Contact Us, navigation, footer and site settings: through the same previews as those screens, the
 * published site and the change set side by side, and their fields before and now. Pure: no React.
 */
import { parse } from 'yaml';
import { frontMatterData, readPageFile } from '../../core/pageFile.ts';
import { SITE_FILES, type SiteFileName } from '../../site/siteFiles.ts';
import { siteLayoutOf } from '../../site/siteLayout.ts';
import { buildPreviewDocument, navigationLinks } from '../preview/previewDocument.ts';
import { contactUsHtml, homepageHtml } from '../preview/sitePreview.ts';
import { sitePreviewData } from '../preview/useSitePreviewData.ts';
import { frontMatterFieldChanges, type FieldChangeGroup } from '../reviewChanges.ts';

import type { ReviewSite, SiteTexts } from '../../server/review/reviewRoutes.ts';

export type { ReviewSite, SiteTexts };


export type SiteFileKind = 'homepage' | 'contact_us' | 'navigation' | 'footer' | 'settings';

/** Each site data file's path, to the screen that edits it. */
const DATA_FILES: Record<string, SiteFileKind> = Object.fromEntries(Object.entries(SITE_FILES).map(([name, rel]) => [rel, name as SiteFileName]));

/** Which screen edits a changed file (null: a page, or a file without a screen of its own). */
export function siteFileKind(rel: string, published: string | null, changed: string | null): SiteFileKind | null {
  if (DATA_FILES[rel]) return DATA_FILES[rel];
  if (!/\.(md|html)$/i.test(rel)) return null;
  for (const text of [changed, published]) {
    if (text === null) continue;
    const file = readPageFile(text);
    const layout = siteLayoutOf(file.frontMatterText, file.body);
    if (layout) return layout;
  }
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A data file as data; an empty record when it is missing or does not parse. */
function yamlRecord(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  try {
    const data = parse(text, { maxAliasCount: 100 }) as unknown;
    return isRecord(data) ? data : { '(value)': data };
  } catch {
    return {};
  }
}

const edit = (text: string | null) => (text === null ? undefined : { original: text, text, etag: '' });

/**
 * One side of the change as the site shows it: the changed homepage or Contact Us page itself; for
 * navigation, footer and settings, the homepage (its header, footer, title and colours show them).
 * `fileText` is the changed file's text on this side (null: the side has no such file).
 */
export function siteSideDocument(kind: SiteFileKind, rel: string, fileText: string | null, texts: SiteTexts, site: ReviewSite, css: string): string {
  const { site: preview, footer } = sitePreviewData(site.info, { navigation: edit(texts.navigation), footer: edit(texts.footer), settings: edit(texts.config) });
  const pageRel = kind === 'homepage' || kind === 'contact_us' ? rel : 'index.md';
  const pageText = kind === 'homepage' || kind === 'contact_us' ? fileText : texts.homepage;
  const file = readPageFile(pageText ?? '---\n---\n');
  const data = frontMatterData(file);
  const layout = siteLayoutOf(file.frontMatterText, file.body);
  const context = { siteTitle: preview?.title ?? '', resourcesName: preview?.resourcesName ?? null, pages: site.pages, navLinks: navigationLinks(preview, site.pages).links };
  return buildPreviewDocument({
    site: preview,
    pages: site.pages,
    path: pageRel,
    title: String(data['title'] ?? ''),
    bodyHtml: layout === 'contact_us' ? contactUsHtml(data, context, footer) : '',
    ownLayoutHtml: layout === 'homepage' ? homepageHtml(data, context) : undefined,
    footer,
    css,
  });
}

/** The fields that changed, part by part (a homepage section, a navigation link, a footer setting). */
export function siteFieldChanges(kind: SiteFileKind, published: string | null, changed: string | null): FieldChangeGroup[] {
  const data = (text: string | null) => (kind === 'homepage' || kind === 'contact_us' ? (text === null ? {} : frontMatterData(readPageFile(text))) : yamlRecord(text));
  return frontMatterFieldChanges(data(published), data(changed));
}
