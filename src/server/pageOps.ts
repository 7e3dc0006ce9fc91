/**
 * Creating, renaming and deleting pages, and the trash that deleted pages go to.
 *
 * The trash lives outside the site folder (nothing in it can be published): one folder per deleted
 * page, `<trashDir>/<id>/` holding the file under its own name and a `meta.json`.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants, realpathSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  PAGE_CHANGED,
  TRASH_ID,
  changedPermalink,
  checkPermalinkFree,
  checkRename,
  collectionEntry,
  newTrashId,
  newestFirst,
  parseTrashMeta,
  planNewPage,
  trashItemOf,
  type CreatePageRequest,
  type TrashItem,
  type TrashMeta,
} from '../core/pageRules.ts';
import { atomicWriteFile } from './atomicWrite.ts';
import { HttpError, errnoCode, fsErrorToHttp } from './errors.ts';
import { etagOf, ifMatchSatisfied, parseEtagList } from './etag.ts';
import { appendToOrder, removeFromOrder, renameInOrder } from './collectionOrder.ts';
import { listPages, resolvePagePath } from './pages.ts';
import { resolveSitePath } from './paths.ts';
import type { PathQueue } from './pathQueue.ts';
import { underRules } from './ruleErrors.ts';
import { readSiteConfig, resourcesNameOf } from './siteInfo.ts';
import type { PageWatcher } from './watcher.ts';

export type { CreatePageRequest, TrashItem } from '../core/pageRules.ts';

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

async function assertPermalinkFree(ctx: Pick<PageOpsContext, 'siteDir' | 'watcher'>, permalink: string, except?: string): Promise<void> {
  const pages = ctx.watcher ? await ctx.watcher.list() : await listPages(ctx.siteDir);
  underRules(() => checkPermalinkFree(pages, permalink, except));
}

/** Refuses (409, naming the other page) a save that gives the page an address another page already uses. */
export async function assertSavedPermalinkFree(ctx: Pick<PageOpsContext, 'siteDir' | 'watcher'>, rel: unknown, text: string): Promise<void> {
  const page = await resolvePagePath(ctx.siteDir, rel);
  const before = page.exists ? await readFile(page.real, 'utf8').catch(() => null) : null;
  const permalink = changedPermalink(before, text);
  if (permalink !== null) await assertPermalinkFree(ctx, permalink, page.rel);
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
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

// ---------------------------------------------------------------------------------------------
// Create

export interface CreatedPage {
  path: string;
  etag: string;
  text: string;
}

export async function createPage(ctx: PageOpsContext, body: CreatePageRequest): Promise<CreatedPage> {
  const config = await readSiteConfig(ctx.siteDir);
  const plan = underRules(() => planNewPage(body, resourcesNameOf(config.data)));
  const { rel, folders } = plan;
  if (plan.requires) {
    const dir = await resolveSitePath(ctx.siteDir, plan.requires.dir);
    if (!dir.exists || !(await isDirectory(dir.real))) throw new HttpError(404, plan.requires.message);
  }

  const resolved = await resolvePagePath(ctx.siteDir, rel);
  if (resolved.exists) throw new HttpError(409, `a page already exists at ${rel}`, { path: rel });
  if (plan.permalink) await assertPermalinkFree(ctx, plan.permalink);

  for (const folder of folders) {
    const dir = await resolveSitePath(ctx.siteDir, folder);
    if (!dir.exists) await mkdir(dir.real, { recursive: true });
    else if (!(await isDirectory(dir.real))) throw new HttpError(409, `${folder} is not a folder`);
  }
  // The folders just made may not lead anywhere else (a symlink made meanwhile).
  const target = await resolvePagePath(ctx.siteDir, rel);
  const text = plan.text;
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
  const order = plan.order;
  if (order) await editCollectionYml(ctx, order.collection, (t) => appendToOrder(t, order.collection, order.entry));
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
    throw new HttpError(409, PAGE_CHANGED, { current: { text: current.toString('utf8'), etag }, path: rel });
  }
}

// ---------------------------------------------------------------------------------------------
// Rename

export async function renamePage(ctx: PageOpsContext, fromRel: unknown, toRel: unknown, ifMatch: string | undefined): Promise<{ path: string; etag: string }> {
  const from = await resolvePagePath(ctx.siteDir, fromRel);
  const to = await resolvePagePath(ctx.siteDir, toRel);
  underRules(() => checkRename(from.rel, to.rel));
  if (from.real === to.real) throw new HttpError(400, 'the new name is the same as the old one');
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

export async function deletePage(ctx: PageOpsContext, rel: unknown, ifMatch: string | undefined): Promise<TrashItem> {
  const page = await resolvePagePath(ctx.siteDir, rel);
  const id = newTrashId();
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
  return trashItemOf(meta);
}

async function readMeta(trashDir: string, id: string): Promise<TrashMeta | null> {
  try {
    return parseTrashMeta(await readFile(path.join(trashDir, id, 'meta.json'), 'utf8'), id);
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
    if (meta) items.push(trashItemOf(meta));
  }
  return newestFirst(items);
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
