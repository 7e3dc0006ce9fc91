/**
 * The rules for creating, renaming and deleting page files, shared by the site server and the
 * browser-only folder backend so that both refuse the same things with the same words. Nothing
 * here touches a file system: each backend checks what exists and does the writing itself.
 */
import { Document } from 'yaml';
import { findBidiControl } from './bidiControl.ts';
import { FIELD_HELP, frontMatterSafetyIssues, suggestPermalink } from './frontMatterSchema.ts';
import { frontMatterData, readPageFile } from './pageFile.ts';
import type { PageSummary } from './pageSummary.ts';
import { sitePathProblem } from './sitePath.ts';

/** A request refused by a site rule; `status` is the HTTP status the site server answers with. */
export class SiteRuleError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415,
    message: string,
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SiteRuleError';
  }
}

/** What a write answers when the file is no longer the version the editor read. */
export const PAGE_CHANGED = 'page changed on disk since it was loaded';

/** Page files that can be read or written (`.md` pages are listed; `.html` ones can be opened by path). */
export const PAGE_FILE = /\.(md|html)$/i;

/** Folders skipped anywhere in the page list (plus every dot file and folder). */
const SKIP_ANYWHERE = new Set(['_site', 'node_modules']);
/** Folders and files skipped at the top of the site only. */
const SKIP_TOP = new Set(['_includes', '_layouts', '_data', '_sass', '_plugins', 'assets', 'images', 'files', 'vendor', 'README.md']);

/** True when a folder entry at `depth` (0: the site's top) is left out of the page list. */
export function skippedInPageList(name: string, depth: number): boolean {
  return name.startsWith('.') || SKIP_ANYWHERE.has(name) || (depth === 0 && SKIP_TOP.has(name)) || name.includes('\\');
}

/** True for the page files the page list shows. */
export const isListedPageFile = (name: string): boolean => /\.md$/i.test(name);

/**
 * Why a site-relative page path cannot be used, or null: empty, `.`/`..` or empty segments, a
 * backslash or NUL, a hidden segment, or not a `.md`/`.html` file.
 */
export function pagePathProblem(rel: unknown): string | null {
  const problem = sitePathProblem(rel);
  if (problem !== null) return problem;
  const segments = (rel as string).split('/');
  if (segments.some((s) => s.startsWith('.'))) return 'hidden files and folders are not pages';
  if (!PAGE_FILE.test(rel as string)) return 'only .md and .html pages can be read or written';
  return null;
}

/** Top folders of Jekyll's machinery and of the site's assets: nothing in them is a page. */
const NOT_PAGE_FOLDERS = new Set(['_layouts', '_includes', '_data', '_sass', '_plugins', '_site', 'assets', 'images', 'files', 'node_modules', 'vendor']);

/**
 * Why a usable page path (see `pagePathProblem`) is not where pages live, or null. Pages are `.md` files
 * at the top of the site, in `pages/`, in a collection (`_name/`) or in the resource room, whose room
 * and category indexes are `.html` pages. Reading also opens other `.md` files (`misc/search.md`), but
 * never a template, data or asset folder's files, nor other `.html` files (templates).
 */
export function pagePlaceProblem(rel: string, resourcesName: string | null, use: 'read' | 'write'): string | null {
  const segments = rel.split('/');
  // Compared in lower case: on a case-insensitive disk `_Layouts/` is `_layouts/`.
  const top = segments[0]!.toLowerCase();
  if (segments.length > 1 && NOT_PAGE_FOLDERS.has(top)) return `${segments[0]}/ holds the site's templates, data or assets, not pages`;
  const room = resourcesName?.toLowerCase();
  const isMarkdown = /\.md$/i.test(rel);
  if (segments.length > 1 && top === room) {
    if (isMarkdown || (segments.length <= 3 && /^index\.html$/i.test(segments[segments.length - 1]!))) return null;
  } else if (isMarkdown && (use === 'read' || segments.length === 1 || top === 'pages' || top.startsWith('_'))) {
    return null;
  }
  const where = `pages are .md files at the top of the site, in pages/, in a collection folder (_name/)${resourcesName ? ` or in the resource room (${resourcesName}/)` : ''}`;
  return isMarkdown ? `${rel} is not where pages live: ${where}` : `${rel} is not a page but a template: ${where}, and the resource room's index.html files`;
}

// ---------------------------------------------------------------------------------------------
// Names

const CONTROL = /[\u0000-\u001f\u007f]/;

/** A page title, sub-folder, collection or category used as a file or folder name. */
export function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new SiteRuleError(400, `${what} is required`);
  const name = value.trim();
  if (name === '') throw new SiteRuleError(400, `${what} is required`);
  if (name.includes('/') || name.includes('\\')) throw new SiteRuleError(400, `${what} must not contain "/" or "\\"`);
  if (name.includes('\0') || CONTROL.test(name)) throw new SiteRuleError(400, `${what} must not contain control characters`);
  const bidi = findBidiControl(name);
  if (bidi) throw new SiteRuleError(400, `${what} must not contain characters that change the direction of text (${bidi})`);
  if (name.startsWith('.')) throw new SiteRuleError(400, `${what} must not start with "."`);
  if (name.length > 200) throw new SiteRuleError(400, `${what} is too long (200 characters at most)`);
  return name;
}

function optionalName(value: unknown, what: string): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return checkName(value, what);
}

// ---------------------------------------------------------------------------------------------
// Permalinks

function normalisePermalink(p: string): string {
  return p.replace(/\/+$/, '').toLowerCase() || '/';
}

/** Two permalinks that lead to the same page (case and a closing slash aside). */
export const samePermalink = (a: string, b: string): boolean => normalisePermalink(a) === normalisePermalink(b);

/** The page other than `except` whose permalink is `permalink` (whatever its case or closing slash), if any. */
export function pageUsingPermalink(pages: readonly PageSummary[], permalink: string, except?: string): PageSummary | undefined {
  const wanted = normalisePermalink(permalink);
  return pages.find((p) => p.path !== except && p.permalink !== null && normalisePermalink(p.permalink) === wanted);
}

/** Refuses (409) a permalink another page already uses; `except` is the page itself. */
export function checkPermalinkFree(pages: readonly PageSummary[], permalink: string, except?: string): void {
  const clash = pageUsingPermalink(pages, permalink, except);
  if (clash) throw new SiteRuleError(409, `the address ${permalink} is already used by ${clash.path}`, { clash: clash.path });
}

/** The permalink a page file's text sets, or null. */
function permalinkOfText(text: string): string | null {
  const value = frontMatterData(readPageFile(text))['permalink'];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * The permalink a save gives the page when it differs from the one the file on disk has (`before`;
 * null for a new file), else null. Only a changed address is checked for clashes: a page that already
 * shares its address with another can still be saved.
 */
export function changedPermalink(before: string | null, after: string): string | null {
  const next = permalinkOfText(after);
  if (next === null) return null;
  const previous = before === null ? null : permalinkOfText(before);
  return previous !== null && samePermalink(previous, next) ? null : next;
}

/**
 * What the page address help asks for beyond the page settings' own checks: hyphens between words,
 * not underscores. A warning: such addresses work.
 */
export function permalinkHyphenWarning(permalink: string): string | null {
  return permalink.includes('_') ? 'Page addresses use hyphens between words, not underscores (for example /opening-hours/). It still works.' : null;
}

// ---------------------------------------------------------------------------------------------
// New pages

/** Today's date as `YYYY-MM-DD` (local time, as a person reads the calendar). */
export function todayIso(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Front matter block for a new page, keys in the order the Isomer CMS writes them. */
export function newPageText(fields: Record<string, string>): string {
  const yaml = new Document(fields).toString({ lineWidth: 0 });
  return `---\n${yaml}---\n`;
}

export interface CreatePageRequest {
  kind?: unknown;
  title?: unknown;
  collection?: unknown;
  subfolder?: unknown;
  category?: unknown;
  layout?: unknown;
  date?: unknown;
  permalink?: unknown;
}

/** Where a new page goes and what it holds, worked out from the request and the site's conventions. */
export interface NewPagePlan {
  /** Site-relative path of the new file. */
  rel: string;
  /** Its text (front matter only). */
  text: string;
  /** The permalink to check for clashes, if the page has one. */
  permalink: string | null;
  /** A folder that must already exist (the collection or the resource category), and the refusal (404) when it does not. */
  requires: { dir: string; message: string } | null;
  /** Folders to create when missing, outermost first. */
  folders: string[];
  /** The entry to append to a collection's `collection.yml` order. */
  order: { collection: string; entry: string } | null;
}

/**
 * Plans a new page by the conventions of Isomer sites: `pages/<Title>.md`,
 * `_<collection>/[<Sub-folder>/]<Title>.md` (listed in collection.yml), or
 * `<room>/<category>/_posts/<date>-<layout>-<Title>.md`. Throws SiteRuleError(400) for bad input.
 */
export function planNewPage(body: CreatePageRequest, resourcesName: string | null, today = todayIso()): NewPagePlan {
  const kind = body.kind;
  if (kind !== 'page' && kind !== 'collection-page' && kind !== 'resource-post') {
    throw new SiteRuleError(400, 'kind must be "page", "collection-page" or "resource-post"');
  }
  const title = checkName(body.title, 'title');
  let permalink: string | null = null;
  if (body.permalink !== undefined && body.permalink !== null && body.permalink !== '') {
    if (typeof body.permalink !== 'string' || !body.permalink.startsWith('/') || /[\s\0\\]/.test(body.permalink)) {
      throw new SiteRuleError(400, 'permalink must start with "/" and hold no spaces or backslashes');
    }
    permalink = body.permalink;
  }

  const fields: Record<string, string> = { title };
  if (kind === 'page') {
    fields['permalink'] = permalink ?? suggestPermalink(title);
    fields['variant'] = 'tiptap';
    return plan(`pages/${title}.md`, fields, null, ['pages'], null);
  }

  if (kind === 'collection-page') {
    const collection = checkName(body.collection, 'collection');
    if (collection.startsWith('_')) throw new SiteRuleError(400, 'collection is named without its leading "_"');
    const subfolder = optionalName(body.subfolder, 'sub-folder');
    fields['permalink'] = permalink ?? suggestPermalink(title, collection);
    fields['variant'] = 'tiptap';
    if (subfolder) fields['third_nav_title'] = subfolder;
    const entry = subfolder ? `${subfolder}/${title}.md` : `${title}.md`;
    return plan(
      `_${collection}/${entry}`,
      fields,
      { dir: `_${collection}`, message: `there is no collection "${collection}" (folder _${collection})` },
      subfolder ? [`_${collection}/${subfolder}`] : [],
      { collection, entry },
    );
  }

  const room = resourcesName;
  if (!room) throw new SiteRuleError(400, 'this site has no resource room (resources_name in _config.yml)');
  const category = checkName(body.category, 'category');
  const layout = body.layout ?? 'post';
  if (layout !== 'post' && layout !== 'file' && layout !== 'link') throw new SiteRuleError(400, 'layout must be "post", "file" or "link"');
  const date = body.date === undefined || body.date === null || body.date === '' ? today : body.date;
  if (typeof date !== 'string' || !isValidDate(date)) throw new SiteRuleError(400, 'date must be a real date written YYYY-MM-DD');
  fields['date'] = date;
  fields['layout'] = layout;
  // Resource posts usually have no permalink (Jekyll derives one); keep one only when asked for.
  if (permalink) fields['permalink'] = permalink;
  if (layout === 'post') fields['variant'] = 'tiptap';
  if (layout === 'file') fields['file_url'] = '';
  if (layout === 'link') fields['external'] = '';
  return plan(
    `${room}/${category}/_posts/${date}-${layout}-${title}.md`,
    fields,
    { dir: `${room}/${category}`, message: `there is no category "${category}" in the resource room ${room}` },
    [`${room}/${category}/_posts`],
    null,
  );
}

function plan(rel: string, fields: Record<string, string>, requires: NewPagePlan['requires'], folders: string[], order: NewPagePlan['order']): NewPagePlan {
  // A new page's settings are printed by the layouts like any other page's.
  const unsafe = frontMatterSafetyIssues(fields).find((i) => i.severity === 'error');
  if (unsafe) throw new SiteRuleError(400, `${FIELD_HELP[unsafe.key]?.label ?? unsafe.key}: ${unsafe.message}`);
  return { rel, text: newPageText(fields), permalink: fields['permalink'] ?? null, requires, folders, order };
}

// ---------------------------------------------------------------------------------------------
// Rename

/** Checks a rename by name alone: a different path, the same extension, a usable file name. */
export function checkRename(fromRel: string, toRel: string): void {
  if (fromRel === toRel) throw new SiteRuleError(400, 'the new name is the same as the old one');
  const ext = (p: string) => (/\.[^./]+$/.exec(p)?.[0] ?? '').toLowerCase();
  if (ext(fromRel) !== ext(toRel)) throw new SiteRuleError(400, 'a rename must keep the file extension');
  checkName((toRel.split('/').pop() ?? '').replace(/\.[^.]+$/, ''), 'new name');
}

/** `_about/Our Parks/Lakes.md` → { collection: 'about', entry: 'Our Parks/Lakes.md' }. */
export function collectionEntry(rel: string): { collection: string; entry: string } | null {
  const [first, ...rest] = rel.split('/');
  if (!first || !first.startsWith('_') || first.length < 2 || rest.length === 0) return null;
  return { collection: first.slice(1), entry: rest.join('/') };
}

// ---------------------------------------------------------------------------------------------
// Trash: one folder per deleted page, `<id>/` holding the file under its own name and a `meta.json`.

export interface TrashItem {
  id: string;
  /** Where the page was, site-relative. */
  path: string;
  /** ms since the epoch. */
  deletedAt: number;
  size: number;
}

export interface TrashMeta extends TrashItem {
  fileName: string;
  /** The page was listed in its collection's order (and is put back at the end on restore). */
  inOrder: boolean;
}

export const TRASH_ID = /^\d{13}-[0-9a-f]{8}$/;

/** A new trash entry id: the time (sorts by age) and 8 random hex digits. */
export function newTrashId(now = Date.now()): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${String(now).padStart(13, '0')}-${random}`;
}

/** The trash entry's `meta.json`, or null when it is not one (wrong id, a file name that could lead elsewhere). */
export function parseTrashMeta(text: string, id: string): TrashMeta | null {
  try {
    const meta = JSON.parse(text) as TrashMeta;
    if (meta.id !== id || typeof meta.path !== 'string' || typeof meta.fileName !== 'string') return null;
    if (meta.fileName.includes('/') || meta.fileName.includes('\\') || meta.fileName.startsWith('.')) return null;
    if (pagePathProblem(meta.path) !== null) return null;
    return meta;
  } catch {
    return null;
  }
}

export function trashItemOf(meta: TrashMeta): TrashItem {
  return { id: meta.id, path: meta.path, deletedAt: meta.deletedAt, size: meta.size };
}

/** Deleted pages, newest first. */
export function newestFirst(items: TrashItem[]): TrashItem[] {
  return items.sort((a, b) => b.deletedAt - a.deletedAt || (a.id < b.id ? 1 : -1));
}
