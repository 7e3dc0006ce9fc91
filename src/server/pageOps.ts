/**
 * Creating, renaming and deleting pages, and the trash that deleted pages go to.
 *
 * The trash lives outside the site folder (nothing in it can be published): one folder per deleted
 * page, `<trashDir>/<id>/` holding the file under its own name and a `meta.json`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, realpathSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { Document } from 'yaml';
import { suggestPermalink } from '../core/frontMatterSchema.ts';
import { atomicWriteFile } from './atomicWrite.ts';
import { HttpError, errnoCode, fsErrorToHttp } from './errors.ts';
import { etagOf, ifMatchSatisfied, parseEtagList } from './etag.ts';
import { appendToOrder, removeFromOrder, renameInOrder } from './collectionOrder.ts';
import { listPages, resolvePagePath } from './pages.ts';
import { resolveSitePath } from './paths.ts';
import type { PathQueue } from './pathQueue.ts';
import { readSiteConfig, resourcesNameOf } from './siteInfo.ts';
import type { PageWatcher } from './watcher.ts';

export interface PageOpsContext {
  siteDir: string;
  queue: PathQueue;
  trashDir: string;
  watcher?: PageWatcher;
}

/** Default trash folder: in the user's home, one folder per site (by a hash of its real path). */
export function defaultTrashDir(siteDir: string): string {
  let real = path.resolve(siteDir);
  try {
    real = realpathSync(siteDir);
  } catch {
    // use the resolved path
  }
  const hash = createHash('sha256').update(real).digest('hex').slice(0, 16);
  return path.join(homedir(), '.isomer-editor', 'trash', hash);
}

// ---------------------------------------------------------------------------------------------
// Names

const CONTROL = /[\u0000-\u001f\u007f]/;

/** A page title, sub-folder, collection or category used as a file or folder name. */
export function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new HttpError(400, `${what} is required`);
  const name = value.trim();
  if (name === '') throw new HttpError(400, `${what} is required`);
  if (name.includes('/') || name.includes('\\')) throw new HttpError(400, `${what} must not contain "/" or "\\"`);
  if (name.includes('\0') || CONTROL.test(name)) throw new HttpError(400, `${what} must not contain control characters`);
  if (name.startsWith('.')) throw new HttpError(400, `${what} must not start with "."`);
  if (name.length > 200) throw new HttpError(400, `${what} is too long (200 characters at most)`);
  return name;
}

function optionalName(value: unknown, what: string): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return checkName(value, what);
}

function normalisePermalink(p: string): string {
  return p.replace(/\/+$/, '').toLowerCase() || '/';
}

async function assertPermalinkFree(siteDir: string, permalink: string, except?: string): Promise<void> {
  const wanted = normalisePermalink(permalink);
  const pages = await listPages(siteDir);
  const clash = pages.find((p) => p.path !== except && p.permalink !== null && normalisePermalink(p.permalink) === wanted);
  if (clash) throw new HttpError(409, `the address ${permalink} is already used by ${clash.path}`, { clash: clash.path });
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

function today(): string {
  const d = new Date();
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

// ---------------------------------------------------------------------------------------------
// collection.yml

/** Applies `edit` to `_<collection>/collection.yml` when that file exists (minimal text edit, atomic). */
async function editCollectionYml(ctx: PageOpsContext, collection: string, edit: (text: string) => string | null): Promise<boolean> {
  let resolved;
  try {
    resolved = await resolveSitePath(ctx.siteDir, `_${collection}/collection.yml`);
  } catch {
    return false;
  }
  if (!resolved.exists) return false;
  return ctx.queue.run(resolved.real, async () => {
    let text: string;
    try {
      text = await readFile(resolved.real, 'utf8');
    } catch {
      return false;
    }
    const next = edit(text);
    if (next === null || next === text) return false;
    await atomicWriteFile(resolved.real, next);
    return true;
  });
}

/** `_about/Our Parks/Lakes.md` → { collection: 'about', entry: 'Our Parks/Lakes.md' }. */
function collectionEntry(rel: string): { collection: string; entry: string } | null {
  const [first, ...rest] = rel.split('/');
  if (!first || !first.startsWith('_') || first.length < 2 || rest.length === 0) return null;
  return { collection: first.slice(1), entry: rest.join('/') };
}

// ---------------------------------------------------------------------------------------------
// Create

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

export interface CreatedPage {
  path: string;
  etag: string;
  text: string;
}

export async function createPage(ctx: PageOpsContext, body: CreatePageRequest): Promise<CreatedPage> {
  const kind = body.kind;
  if (kind !== 'page' && kind !== 'collection-page' && kind !== 'resource-post') {
    throw new HttpError(400, 'kind must be "page", "collection-page" or "resource-post"');
  }
  const title = checkName(body.title, 'title');
  let permalink: string | null = null;
  if (body.permalink !== undefined && body.permalink !== null && body.permalink !== '') {
    if (typeof body.permalink !== 'string' || !body.permalink.startsWith('/') || /[\s\0\\]/.test(body.permalink)) {
      throw new HttpError(400, 'permalink must start with "/" and hold no spaces or backslashes');
    }
    permalink = body.permalink;
  }

  let rel: string;
  const fields: Record<string, string> = { title };
  let orderCollection: string | null = null;
  let orderEntry = '';
  const folders: string[] = []; // folders to create (site-relative), outermost first

  if (kind === 'page') {
    rel = `pages/${title}.md`;
    folders.push('pages');
    fields['permalink'] = permalink ?? suggestPermalink(title);
    fields['variant'] = 'tiptap';
  } else if (kind === 'collection-page') {
    const collection = checkName(body.collection, 'collection');
    if (collection.startsWith('_')) throw new HttpError(400, 'collection is named without its leading "_"');
    const subfolder = optionalName(body.subfolder, 'sub-folder');
    const dir = await resolveSitePath(ctx.siteDir, `_${collection}`);
    if (!dir.exists || !(await isDirectory(dir.real))) throw new HttpError(404, `there is no collection "${collection}" (folder _${collection})`);
    rel = subfolder ? `_${collection}/${subfolder}/${title}.md` : `_${collection}/${title}.md`;
    if (subfolder) folders.push(`_${collection}/${subfolder}`);
    fields['permalink'] = permalink ?? suggestPermalink(title, collection);
    fields['variant'] = 'tiptap';
    if (subfolder) fields['third_nav_title'] = subfolder;
    orderCollection = collection;
    orderEntry = subfolder ? `${subfolder}/${title}.md` : `${title}.md`;
  } else {
    const config = await readSiteConfig(ctx.siteDir);
    const room = resourcesNameOf(config.data);
    if (!room) throw new HttpError(400, 'this site has no resource room (resources_name in _config.yml)');
    const category = checkName(body.category, 'category');
    const layout = body.layout ?? 'post';
    if (layout !== 'post' && layout !== 'file' && layout !== 'link') throw new HttpError(400, 'layout must be "post", "file" or "link"');
    const date = body.date === undefined || body.date === null || body.date === '' ? today() : body.date;
    if (typeof date !== 'string' || !isValidDate(date)) throw new HttpError(400, 'date must be a real date written YYYY-MM-DD');
    const categoryDir = await resolveSitePath(ctx.siteDir, `${room}/${category}`);
    if (!categoryDir.exists || !(await isDirectory(categoryDir.real))) {
      throw new HttpError(404, `there is no category "${category}" in the resource room ${room}`);
    }
    rel = `${room}/${category}/_posts/${date}-${layout}-${title}.md`;
    folders.push(`${room}/${category}/_posts`);
    fields['date'] = date;
    fields['layout'] = layout;
    // Resource posts usually have no permalink (Jekyll derives one); keep one only when asked for.
    if (permalink) fields['permalink'] = permalink;
    if (layout === 'post') fields['variant'] = 'tiptap';
    if (layout === 'file') fields['file_url'] = '';
    if (layout === 'link') fields['external'] = '';
  }

  const resolved = await resolvePagePath(ctx.siteDir, rel);
  if (resolved.exists) throw new HttpError(409, `a page already exists at ${rel}`, { path: rel });
  if (fields['permalink']) await assertPermalinkFree(ctx.siteDir, fields['permalink']);

  for (const folder of folders) {
    const dir = await resolveSitePath(ctx.siteDir, folder);
    if (!dir.exists) await mkdir(dir.real, { recursive: true });
    else if (!(await isDirectory(dir.real))) throw new HttpError(409, `${folder} is not a folder`);
  }
  // The folders just made may not lead anywhere else (a symlink made meanwhile).
  const target = await resolvePagePath(ctx.siteDir, rel);
  const text = newPageText(fields);
  const bytes = Buffer.from(text, 'utf8');
  const etag = etagOf(bytes);
  ctx.watcher?.expect(rel, etag);
  await ctx.queue.run(target.real, async () => {
    try {
      await atomicWriteFile(target.real, bytes, { exclusive: true });
    } catch (err) {
      if (errnoCode(err) === 'EEXIST') throw new HttpError(409, `a page already exists at ${rel}`, { path: rel });
      fsErrorToHttp(err, 'page');
    }
  });
  if (orderCollection) await editCollectionYml(ctx, orderCollection, (t) => appendToOrder(t, orderCollection, orderEntry));
  return { path: rel, etag, text };
}

// ---------------------------------------------------------------------------------------------
// Moving files without overwriting

/** Moves `from` to `to`, failing with 409 when `to` exists. Works across file systems. */
async function moveNoOverwrite(from: string, to: string, what: string): Promise<void> {
  try {
    await link(from, to);
    await unlink(from);
    return;
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') throw new HttpError(409, `${what} already exists`);
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') fsErrorToHttp(err, what);
  }
  try {
    await copyFile(from, to, fsConstants.COPYFILE_EXCL);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') throw new HttpError(409, `${what} already exists`);
    fsErrorToHttp(err, what);
  }
  await unlink(from);
}

async function readCurrent(real: string): Promise<Buffer> {
  try {
    const st = await stat(real);
    if (!st.isFile()) throw new HttpError(404, 'page not found');
    return await readFile(real);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    return fsErrorToHttp(err, 'page');
  }
}

function requireIfMatch(ifMatch: string | undefined, current: Buffer, rel: string): void {
  if (!ifMatch || parseEtagList(ifMatch) === '*') throw new HttpError(428, 'If-Match with the etag of the page is required');
  const etag = etagOf(current);
  if (!ifMatchSatisfied(ifMatch, etag)) {
    throw new HttpError(409, 'page changed on disk since it was loaded', { current: { text: current.toString('utf8'), etag }, path: rel });
  }
}

// ---------------------------------------------------------------------------------------------
// Rename

export async function renamePage(ctx: PageOpsContext, fromRel: unknown, toRel: unknown, ifMatch: string | undefined): Promise<{ path: string; etag: string }> {
  const from = await resolvePagePath(ctx.siteDir, fromRel);
  const to = await resolvePagePath(ctx.siteDir, toRel);
  if (from.real === to.real) throw new HttpError(400, 'the new name is the same as the old one');
  if (path.extname(from.rel).toLowerCase() !== path.extname(to.rel).toLowerCase()) throw new HttpError(400, 'a rename must keep the file extension');
  checkName(path.posix.basename(to.rel).replace(/\.[^.]+$/, ''), 'new name');
  if (!(await isDirectory(path.dirname(to.real)))) throw new HttpError(404, 'the folder of the new name does not exist');

  const etag = await ctx.queue.run(from.real, () =>
    ctx.queue.run(to.real, async () => {
      const current = await readCurrent(from.real);
      requireIfMatch(ifMatch, current, from.rel);
      if (to.exists) throw new HttpError(409, `a page already exists at ${to.rel}`);
      const tag = etagOf(current);
      ctx.watcher?.expectRemoved(from.rel);
      ctx.watcher?.expect(to.rel, tag);
      await moveNoOverwrite(from.real, to.real, `a page at ${to.rel}`);
      return tag;
    }),
  );

  const a = collectionEntry(from.rel);
  const b = collectionEntry(to.rel);
  if (a && b && a.collection === b.collection) {
    await editCollectionYml(ctx, a.collection, (t) => renameInOrder(t, a.collection, a.entry, b.entry));
  } else {
    if (a) await editCollectionYml(ctx, a.collection, (t) => removeFromOrder(t, a.collection, a.entry));
    if (b) await editCollectionYml(ctx, b.collection, (t) => appendToOrder(t, b.collection, b.entry));
  }
  return { path: to.rel, etag };
}

// ---------------------------------------------------------------------------------------------
// Delete and trash

export interface TrashItem {
  id: string;
  /** Where the page was, site-relative. */
  path: string;
  /** ms since the epoch. */
  deletedAt: number;
  size: number;
}

interface TrashMeta extends TrashItem {
  fileName: string;
  /** The page was listed in its collection's order (and is put back at the end on restore). */
  inOrder: boolean;
}

const TRASH_ID = /^\d{13}-[0-9a-f]{8}$/;

export async function deletePage(ctx: PageOpsContext, rel: unknown, ifMatch: string | undefined): Promise<TrashItem> {
  const page = await resolvePagePath(ctx.siteDir, rel);
  const id = `${String(Date.now()).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
  const folder = path.join(ctx.trashDir, id);
  const fileName = path.posix.basename(page.rel);

  const meta = await ctx.queue.run(page.real, async () => {
    const current = await readCurrent(page.real);
    requireIfMatch(ifMatch, current, page.rel);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const m: TrashMeta = { id, path: page.rel, deletedAt: Date.now(), size: current.length, fileName, inOrder: false };
    ctx.watcher?.expectRemoved(page.rel);
    try {
      await moveNoOverwrite(page.real, path.join(folder, fileName), 'the trash entry');
    } catch (err) {
      await rm(folder, { recursive: true, force: true });
      throw err;
    }
    await writeFile(path.join(folder, 'meta.json'), JSON.stringify(m, null, 2));
    return m;
  });

  const entry = collectionEntry(page.rel);
  if (entry && (await editCollectionYml(ctx, entry.collection, (t) => removeFromOrder(t, entry.collection, entry.entry)))) {
    meta.inOrder = true;
    await writeFile(path.join(folder, 'meta.json'), JSON.stringify(meta, null, 2));
  }
  return { id: meta.id, path: meta.path, deletedAt: meta.deletedAt, size: meta.size };
}

async function readMeta(trashDir: string, id: string): Promise<TrashMeta | null> {
  try {
    const meta = JSON.parse(await readFile(path.join(trashDir, id, 'meta.json'), 'utf8')) as TrashMeta;
    if (meta.id !== id || typeof meta.path !== 'string' || typeof meta.fileName !== 'string' || meta.fileName.includes('/') || meta.fileName.includes('\\')) return null;
    return meta;
  } catch {
    return null;
  }
}

/** Deleted pages, newest first. */
export async function listTrash(trashDir: string): Promise<TrashItem[]> {
  let names: string[];
  try {
    names = await readdir(trashDir);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return [];
    throw err;
  }
  const items: TrashItem[] = [];
  for (const name of names) {
    if (!TRASH_ID.test(name)) continue;
    const meta = await readMeta(trashDir, name);
    if (meta) items.push({ id: meta.id, path: meta.path, deletedAt: meta.deletedAt, size: meta.size });
  }
  return items.sort((a, b) => b.deletedAt - a.deletedAt || (a.id < b.id ? 1 : -1));
}

export async function restoreFromTrash(ctx: PageOpsContext, id: unknown): Promise<{ path: string; etag: string }> {
  if (typeof id !== 'string' || !TRASH_ID.test(id)) throw new HttpError(400, 'id must name a trash entry');
  const meta = await readMeta(ctx.trashDir, id);
  if (!meta) throw new HttpError(404, 'no such page in the trash');
  const target = await resolvePagePath(ctx.siteDir, meta.path);
  const source = path.join(ctx.trashDir, id, meta.fileName);

  const etag = await ctx.queue.run(target.real, async () => {
    if ((await resolvePagePath(ctx.siteDir, meta.path)).exists) {
      throw new HttpError(409, `a page already exists at ${meta.path}; rename or delete it first`);
    }
    const bytes = await readFile(source).catch((err) => fsErrorToHttp(err, 'trash entry'));
    const parentRel = path.posix.dirname(meta.path);
    if (parentRel !== '.') {
      const parent = await resolveSitePath(ctx.siteDir, parentRel);
      if (!parent.exists) await mkdir(parent.real, { recursive: true });
    }
    const checked = await resolvePagePath(ctx.siteDir, meta.path); // folders made above stay inside
    const tag = etagOf(bytes);
    ctx.watcher?.expect(meta.path, tag);
    await moveNoOverwrite(source, checked.real, `a page at ${meta.path}`);
    await rm(path.join(ctx.trashDir, id), { recursive: true, force: true });
    return tag;
  });

  const entry = collectionEntry(meta.path);
  if (entry && meta.inOrder) await editCollectionYml(ctx, entry.collection, (t) => appendToOrder(t, entry.collection, entry.entry));
  return { path: meta.path, etag };
}
