/**
 * Browser-only backend: a site folder opened with the File System Access API (Chromium). It does
 * what the site server does, by the same rules (src/core/pageRules.ts, src/core/mediaRules.ts):
 * pages are read, saved (only when the file still holds what was read), created by the site's
 * conventions, renamed, moved to a trash and restored; media are listed and uploaded.
 *
 * The trash is `.isomer-editor-trash/` inside the site folder: Jekyll leaves dot folders out of the
 * built site, and a `.gitignore` in it keeps it out of commits. Files are never overwritten
 * silently: a move writes the copy first and removes the original only once the copy is there.
 */
import { parseDocument } from 'yaml';
import { appendToOrder, removeFromOrder, renameInOrder } from '../core/collectionOrder.ts';
import { checkUpload, isMediaDir, sitePathToUrl } from '../core/mediaRules.ts';
import { readSiteEmbedConfigText, SITE_EDITOR_CONFIG_PATH } from '../core/siteEmbedConfig.ts';
import {
  PAGE_CHANGED,
  SiteRuleError,
  TRASH_ID,
  changedPermalink,
  checkPermalinkFree,
  checkRename,
  collectionEntry,
  isListedPageFile,
  newTrashId,
  newestFirst,
  pagePathProblem,
  pagePlaceProblem,
  parseTrashMeta,
  planNewPage,
  skippedInPageList,
  trashItemOf,
  type TrashMeta,
} from '../core/pageRules.ts';
import type { MediaFile, NewPageRequest, PageContent, PageEvent, PageSummary, SaveResult, SiteFileContent, SiteFileName, SiteInfo, TrashItem, UploadedMedia } from './siteApi.ts';
import { SiteApiError } from './siteApi.ts';
import type { SiteStorage } from './siteStorage.ts';
import { decodePageBytes } from '../core/pageBytes.ts';
import { etagOfBytes, summarisePage } from './summarise.ts';

/** The parts of the File System Access API used here (not in every TypeScript DOM library). */
interface FsFileHandle {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: BufferSource | Blob | string): Promise<void>; close(): Promise<void> }>;
}
interface FsDirHandle {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<FsFileHandle | FsDirHandle>;
  getFileHandle(name: string, opts?: { create?: boolean }): Promise<FsFileHandle>;
  getDirectoryHandle(name: string, opts?: { create?: boolean }): Promise<FsDirHandle>;
  removeEntry(name: string, opts?: { recursive?: boolean }): Promise<void>;
  /** Not on every handle (the origin private file system may lack them): asked only when present. */
  queryPermission?(opts: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(opts: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}

declare global {
  interface Window {
    showDirectoryPicker?: (opts?: { mode?: 'read' | 'readwrite'; id?: string }) => Promise<unknown>;
  }
}

/** The trash of a folder opened in the browser: a dot folder of the site, never published. */
/** Where each site data file lives (as in src/site/siteFiles.ts, which loads only when a save is checked). */
const SITE_FILE_PATHS: Record<SiteFileName, string> = { navigation: '_data/navigation.yml', footer: '_data/footer.yml', settings: '_config.yml' };

export const FOLDER_TRASH = '.isomer-editor-trash';
/** How often the folder is looked at for pages changed by other programs. */
const POLL_MS = 4000;

export function canOpenFolders(): boolean {
  return typeof window !== 'undefined' && typeof window.showDirectoryPicker === 'function';
}

const errorName = (err: unknown) => (err instanceof DOMException || (err instanceof Error && err.name) ? (err as Error).name : '');

/** Rule refusals and file system errors as messages for the person using the editor. */
function asSiteError(err: unknown): unknown {
  if (err instanceof SiteRuleError) return new SiteApiError(`${err.message.charAt(0).toUpperCase()}${err.message.slice(1)}.`, err.status);
  const name = errorName(err);
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new SiteApiError('The browser did not allow changes to the folder. Open the folder again and allow editing.', 403);
  }
  if (name === 'NotFoundError') return new SiteApiError('Not found in the folder; it may have been moved or deleted meanwhile.', 404);
  if (name === 'QuotaExceededError') return new SiteApiError('There is no room left to write the file.', 413);
  return err;
}

async function walk(dir: FsDirHandle, rel: string, depth: number, out: Map<string, FsFileHandle>, skip: (name: string, depth: number) => boolean, accept: (name: string) => boolean): Promise<void> {
  if (depth > 32) return;
  for await (const entry of dir.values()) {
    const name = entry.name;
    if (skip(name, depth)) continue;
    const childRel = rel ? `${rel}/${name}` : name;
    if (entry.kind === 'directory') await walk(entry, childRel, depth + 1, out, skip, accept);
    else if (accept(name)) out.set(childRel, entry);
  }
}

const skipHidden = (name: string) => name.startsWith('.') || name.includes('\\');

/** The folder at `segments` below `root`; null when missing. With `create`, missing folders are made. */
async function dirAt(root: FsDirHandle, segments: string[], create = false): Promise<FsDirHandle | null> {
  let dir = root;
  for (const [i, part] of segments.entries()) {
    try {
      dir = await dir.getDirectoryHandle(part, { create });
    } catch (err) {
      const name = errorName(err);
      if (name === 'TypeMismatchError') throw new SiteRuleError(409, `${segments.slice(0, i + 1).join('/')} is not a folder`);
      if (name === 'NotFoundError') return null;
      throw err;
    }
  }
  return dir;
}

/** The file at `rel`; null when there is none. */
async function fileAt(root: FsDirHandle, rel: string): Promise<FsFileHandle | null> {
  const parts = rel.split('/');
  try {
    const dir = await dirAt(root, parts.slice(0, -1));
    return dir ? await dir.getFileHandle(parts[parts.length - 1]!) : null;
  } catch {
    return null;
  }
}

/** True when anything (file or folder) has this name in `dir`. */
async function entryExists(dir: FsDirHandle, name: string): Promise<boolean> {
  try {
    await dir.getFileHandle(name);
    return true;
  } catch (err) {
    if (errorName(err) === 'TypeMismatchError') return true; // a folder of that name
    if (errorName(err) === 'NotFoundError') return false;
    throw err;
  }
}

async function readBytes(handle: FsFileHandle): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await (await handle.getFile()).arrayBuffer());
}

async function writeBytes(handle: FsFileHandle, bytes: Uint8Array<ArrayBuffer> | string): Promise<void> {
  // The browser writes to a temporary file and swaps it in on close().
  const writable = await handle.createWritable();
  await writable.write(typeof bytes === 'string' ? bytes : bytes);
  await writable.close();
}

/** Writes a new file named `name` in `dir`; refuses (409) when something already has that name. */
async function writeNewFile(dir: FsDirHandle, name: string, bytes: Uint8Array<ArrayBuffer> | string, what: string): Promise<void> {
  if (await entryExists(dir, name)) throw new SiteRuleError(409, `${what} already exists`);
  await writeBytes(await dir.getFileHandle(name, { create: true }), bytes);
}

async function readText(root: FsDirHandle, rel: string): Promise<string | null> {
  const handle = await fileAt(root, rel);
  if (!handle) return null;
  return (await handle.getFile()).text();
}

function yamlData(text: string | null): unknown {
  if (text === null) return null;
  try {
    const doc = parseDocument(text, { logLevel: 'silent' });
    return doc.errors.length ? null : doc.toJS({ maxAliasCount: 100 });
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function resourcesNameIn(config: unknown): string | null {
  const value = isObject(config) ? config['resources_name'] : null;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A page path from the app, checked as the server checks it: a usable path (400), where pages live (403). */
function checkedPagePath(rel: unknown, resourcesName: string | null, use: 'read' | 'write'): string {
  const problem = pagePathProblem(rel);
  if (problem) throw new SiteRuleError(400, problem);
  const place = pagePlaceProblem(rel as string, resourcesName, use);
  if (place) throw new SiteRuleError(403, place);
  return rel as string;
}

/** A page file's text; a binary or non-UTF-8 file is refused (415) with the reason. */
function pageText(bytes: Uint8Array): string {
  try {
    return decodePageBytes(bytes);
  } catch (err) {
    // Like the server's refusal: `asSiteError` ends the message with a full stop of its own.
    throw new SiteRuleError(415, (err instanceof Error ? err.message : String(err)).replace(/\.$/, ''));
  }
}

const parentAndName = (rel: string) => {
  const parts = rel.split('/');
  return { parent: parts.slice(0, -1), name: parts[parts.length - 1]! };
};

/** A site folder storage, plus the addresses to show the site's images at. */
export interface FolderStorage extends SiteStorage {
  /**
   * An object URL for an image a page refers to by its site address (`/images/a%20b.png`), or null
   * when it is not a file of the folder. The page keeps its own address; only the display uses this.
   */
  imageUrl(src: string): Promise<string | null>;
}

export function folderStorage(root: FsDirHandle): FolderStorage {
  let handles = new Map<string, FsFileHandle>();
  let resourcesName: string | null = null;
  let baseurl = '';
  const imageUrls = new Map<string, Promise<string | null>>();

  // Changes are made one at a time, so two operations of this tab never interleave on a file.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run.catch((err) => {
      throw asSiteError(err);
    });
  };

  /** Asks for write access when the handle can say whether it has it (a picked folder can). */
  const writable = async () => {
    if (!root.queryPermission || !root.requestPermission) return;
    if ((await root.queryPermission({ mode: 'readwrite' })) === 'granted') return;
    if ((await root.requestPermission({ mode: 'readwrite' })) !== 'granted') {
      throw new SiteApiError('The browser did not allow changes to the folder. Allow editing to save.', 403);
    }
  };

  /** The page's bytes, refusing when it is no longer the version `etag` names. */
  const currentVersion = async (rel: string, etag: string): Promise<{ handle: FsFileHandle; bytes: Uint8Array<ArrayBuffer> }> => {
    const handle = await fileAt(root, rel);
    if (!handle) throw new SiteRuleError(404, 'page not found');
    const bytes = await readBytes(handle);
    if ((await etagOfBytes(bytes)) !== etag) throw new SiteRuleError(409, PAGE_CHANGED, { path: rel });
    return { handle, bytes };
  };

  const removeFile = async (rel: string) => {
    const { parent, name } = parentAndName(rel);
    const dir = await dirAt(root, parent);
    if (dir) await dir.removeEntry(name);
  };

  /** Applies `edit` to `_<collection>/collection.yml` when it exists; true when the file changed. */
  const editCollectionYml = async (collection: string, edit: (text: string) => string | null): Promise<boolean> => {
    const handle = await fileAt(root, `_${collection}/collection.yml`);
    if (!handle) return false;
    const text = await (await handle.getFile()).text();
    const next = edit(text);
    if (next === null || next === text) return false;
    await writeBytes(handle, next);
    return true;
  };

  const trashFolder = async (create: boolean): Promise<FsDirHandle | null> => {
    const trash = await dirAt(root, [FOLDER_TRASH], create);
    // Keeps the trash out of commits of a site kept in git (`*` also covers this file).
    if (trash && create && !(await entryExists(trash, '.gitignore'))) await writeBytes(await trash.getFileHandle('.gitignore', { create: true }), '*\n');
    return trash;
  };

  const listPageSummaries = async (): Promise<PageSummary[]> => {
    const found = new Map<string, FsFileHandle>();
    await walk(root, '', 0, found, skippedInPageList, isListedPageFile);
    handles = found;
    const pages: PageSummary[] = [];
    for (const [rel, handle] of [...found].sort(([a], [b]) => (a < b ? -1 : 1))) {
      try {
        const file = await handle.getFile();
        pages.push(summarisePage(rel, await file.text(), file.lastModified, resourcesName));
      } catch {
        // removed meanwhile
      }
    }
    return pages;
  };

  const storage: FolderStorage = {
    kind: 'folder',
    label: root.name,

    async fetchSite(): Promise<SiteInfo> {
      const configText = await readText(root, '_config.yml');
      const config = yamlData(configText);
      const data = isObject(config) ? config : {};
      resourcesName = resourcesNameIn(config);
      baseurl = typeof data['baseurl'] === 'string' ? data['baseurl'].replace(/\/+$/, '') : '';
      const collections: SiteInfo['collections'] = [];
      for await (const entry of root.values()) {
        if (entry.kind !== 'directory' || !entry.name.startsWith('_') || ['_site', '_data', '_includes', '_layouts', '_sass', '_plugins', '_posts', '_drafts'].includes(entry.name)) continue;
        const name = entry.name.slice(1);
        const yml = yamlData(await readText(root, `${entry.name}/collection.yml`));
        if (!isObject(yml) || !isObject(yml['collections'])) continue;
        const c = yml['collections'][name] ?? Object.values(yml['collections'])[0];
        const order = isObject(c) && Array.isArray(c['order']) ? c['order'].filter((o): o is string => typeof o === 'string') : [];
        collections.push({ name, order });
      }
      return {
        title: typeof data['title'] === 'string' ? data['title'] : root.name,
        baseurl: typeof data['baseurl'] === 'string' ? data['baseurl'] : '',
        colors: isObject(data['colors']) ? data['colors'] : null,
        resourcesName,
        navigation: yamlData(await readText(root, '_data/navigation.yml')),
        collections,
        configError: configText !== null && config === null,
        embeds: readSiteEmbedConfigText(await readText(root, SITE_EDITOR_CONFIG_PATH)),
        siteId: `folder:${root.name}`,
      };
    },

    fetchPages: listPageSummaries,

    async fetchPage(path: string): Promise<PageContent> {
      try {
        checkedPagePath(path, resourcesName, 'read');
        const handle = handles.get(path) ?? (await fileAt(root, path));
        if (!handle) throw new SiteRuleError(404, 'page not found');
        const bytes = await readBytes(handle);
        return { path, text: pageText(bytes), etag: await etagOfBytes(bytes) };
      } catch (err) {
        throw asSiteError(err);
      }
    },

    async fetchSiteFile(name: SiteFileName): Promise<SiteFileContent> {
      const rel = SITE_FILE_PATHS[name];
      const handle = await fileAt(root, rel).catch(() => null);
      if (!handle) return { name, path: rel, text: null, etag: null };
      const bytes = await readBytes(handle);
      return { name, path: rel, text: pageText(bytes), etag: await etagOfBytes(bytes) };
    },

    // The same checks as the server's /api/site-file (src/site/siteFiles.ts), loaded when first saved.
    saveSiteFile: (name: SiteFileName, text: string, etag: string | null): Promise<SaveResult> =>
      serial(async () => {
        const { siteFileProblems } = await import('../site/siteFiles.ts');
        const rel = SITE_FILE_PATHS[name];
        const handle = await fileAt(root, rel).catch(() => null);
        const current = handle ? await readBytes(handle) : null;
        if (current === null && (etag !== null || name === 'settings')) throw new SiteApiError(`${rel} is no longer in the folder.`, 404);
        const before = current ? pageText(current) : null;
        const currentEtag = current ? await etagOfBytes(current) : null;
        if (currentEtag !== etag) return { ok: false, conflict: { message: `${rel} changed on disk since it was loaded.`, current: before !== null && currentEtag ? { text: before, etag: currentEtag } : null } };
        const problems = siteFileProblems(name, before, text);
        if (problems.length) throw new SiteApiError(problems[0]!.message, 400);
        await writable();
        const bytes = new TextEncoder().encode(text);
        if (handle) await writeBytes(handle, bytes);
        else {
          const { parent, name: fileName } = parentAndName(rel);
          const dir = await dirAt(root, parent);
          if (!dir) throw new SiteApiError(`The folder ${parent.join('/')}/ is not in the site.`, 404);
          await writeNewFile(dir, fileName, bytes, rel);
        }
        return { ok: true, etag: await etagOfBytes(bytes) };
      }),

    savePage: (path: string, text: string, etag: string): Promise<SaveResult> =>
      serial(async () => {
        checkedPagePath(path, resourcesName, 'write');
        const handle = await fileAt(root, path);
        if (!handle) throw new SiteApiError('The page is no longer in the folder.', 404);
        const current = await readBytes(handle);
        const currentEtag = await etagOfBytes(current);
        // The file is compared by content: anything else that wrote it meanwhile is a conflict.
        if (currentEtag !== etag) return { ok: false, conflict: { message: PAGE_CHANGED, current: { text: pageText(current), etag: currentEtag } } };
        const permalink = changedPermalink(pageText(current), text);
        if (permalink !== null) {
          try {
            checkPermalinkFree(await listPageSummaries(), permalink, path);
          } catch (err) {
            throw asSiteError(err);
          }
        }
        await writable();
        const bytes = new TextEncoder().encode(text);
        await writeBytes(handle, bytes);
        return { ok: true, etag: await etagOfBytes(bytes) };
      }),

    createPage: (req: NewPageRequest) =>
      serial(async () => {
        const config = yamlData(await readText(root, '_config.yml'));
        const plan = planNewPage({ ...req }, resourcesNameIn(config));
        checkedPagePath(plan.rel, resourcesNameIn(config), 'write');
        if (plan.requires && !(await dirAt(root, plan.requires.dir.split('/')))) throw new SiteRuleError(404, plan.requires.message);
        const { parent, name } = parentAndName(plan.rel);
        const existing = await dirAt(root, parent);
        if (existing && (await entryExists(existing, name))) throw new SiteRuleError(409, `a page already exists at ${plan.rel}`, { path: plan.rel });
        if (plan.permalink) checkPermalinkFree(await listPageSummaries(), plan.permalink);
        await writable();
        for (const folder of plan.folders) await dirAt(root, folder.split('/'), true);
        const dir = await dirAt(root, parent, true);
        await writeNewFile(dir!, name, plan.text, `a page at ${plan.rel}`);
        const order = plan.order;
        if (order) await editCollectionYml(order.collection, (t) => appendToOrder(t, order.collection, order.entry));
        return { path: plan.rel, etag: await etagOfBytes(new TextEncoder().encode(plan.text)), text: plan.text };
      }),

    renamePage: (from: string, to: string, etag: string) =>
      serial(async () => {
        checkedPagePath(from, resourcesName, 'write');
        checkedPagePath(to, resourcesName, 'write');
        checkRename(from, to);
        const target = parentAndName(to);
        const targetDir = await dirAt(root, target.parent);
        if (!targetDir) throw new SiteRuleError(404, 'the folder of the new name does not exist');
        const { bytes } = await currentVersion(from, etag);
        if (await entryExists(targetDir, target.name)) throw new SiteRuleError(409, `a page already exists at ${to}`);
        await writable();
        // The copy first; the old name goes only once the new one holds the page.
        await writeNewFile(targetDir, target.name, bytes, `a page at ${to}`);
        await removeFile(from);
        const a = collectionEntry(from);
        const b = collectionEntry(to);
        if (a && b && a.collection === b.collection) {
          await editCollectionYml(a.collection, (t) => renameInOrder(t, a.collection, a.entry, b.entry));
        } else {
          if (a) await editCollectionYml(a.collection, (t) => removeFromOrder(t, a.collection, a.entry));
          if (b) await editCollectionYml(b.collection, (t) => appendToOrder(t, b.collection, b.entry));
        }
        return { path: to, etag: await etagOfBytes(bytes) };
      }),

    deletePage: (path: string, etag: string) =>
      serial(async () => {
        checkedPagePath(path, resourcesName, 'write');
        const { bytes } = await currentVersion(path, etag);
        await writable();
        const id = newTrashId();
        const fileName = parentAndName(path).name;
        const trash = (await trashFolder(true))!;
        const entry = await trash.getDirectoryHandle(id, { create: true });
        const meta: TrashMeta = { id, path, deletedAt: Date.now(), size: bytes.length, fileName, inOrder: false };
        try {
          await writeNewFile(entry, fileName, bytes, 'the trash entry');
          await writeBytes(await entry.getFileHandle('meta.json', { create: true }), JSON.stringify(meta, null, 2));
        } catch (err) {
          await trash.removeEntry(id, { recursive: true }).catch(() => undefined);
          throw err;
        }
        await removeFile(path);
        const listed = collectionEntry(path);
        if (listed && (await editCollectionYml(listed.collection, (t) => removeFromOrder(t, listed.collection, listed.entry)))) {
          meta.inOrder = true;
          await writeBytes(await entry.getFileHandle('meta.json'), JSON.stringify(meta, null, 2));
        }
        return trashItemOf(meta);
      }),

    fetchTrash: async (): Promise<TrashItem[]> => {
      try {
        const trash = await trashFolder(false);
        if (!trash) return [];
        const items: TrashItem[] = [];
        for await (const entry of trash.values()) {
          if (entry.kind !== 'directory' || !TRASH_ID.test(entry.name)) continue;
          const text = await readText(entry, 'meta.json');
          const meta = text === null ? null : parseTrashMeta(text, entry.name);
          if (meta) items.push(trashItemOf(meta));
        }
        return newestFirst(items);
      } catch (err) {
        throw asSiteError(err);
      }
    },

    restoreFromTrash: (id: string) =>
      serial(async () => {
        if (!TRASH_ID.test(id)) throw new SiteRuleError(400, 'id must name a trash entry');
        const trash = await trashFolder(false);
        const entry = trash ? await dirAt(trash, [id]) : null;
        const text = entry ? await readText(entry, 'meta.json') : null;
        const meta = text === null ? null : parseTrashMeta(text, id);
        if (!entry || !trash || !meta) throw new SiteRuleError(404, 'no such page in the trash');
        checkedPagePath(meta.path, resourcesName, 'write');
        const source = await fileAt(entry, meta.fileName);
        if (!source) throw new SiteRuleError(404, 'trash entry not found');
        const target = parentAndName(meta.path);
        const existing = await dirAt(root, target.parent);
        if (existing && (await entryExists(existing, target.name))) {
          throw new SiteRuleError(409, `a page already exists at ${meta.path}; rename or delete it first`);
        }
        await writable();
        const bytes = await readBytes(source);
        await writeNewFile((await dirAt(root, target.parent, true))!, target.name, bytes, `a page at ${meta.path}`);
        await trash.removeEntry(id, { recursive: true });
        const listed = collectionEntry(meta.path);
        if (listed && meta.inOrder) await editCollectionYml(listed.collection, (t) => appendToOrder(t, listed.collection, listed.entry));
        return { path: meta.path, etag: await etagOfBytes(bytes) };
      }),

    async fetchMedia(dir: 'images' | 'files'): Promise<MediaFile[]> {
      if (!isMediaDir(dir)) throw new SiteApiError('Only images/ and files/ hold media.', 400);
      const folder = await dirAt(root, [dir]).catch(() => null);
      if (!folder) return [];
      const found = new Map<string, FsFileHandle>();
      await walk(folder, dir, 1, found, skipHidden, () => true);
      const files: MediaFile[] = [];
      for (const [rel, handle] of found) {
        const file = await handle.getFile();
        // The site address, as a page refers to it (the media picker writes it into the page).
        files.push({ path: rel, url: sitePathToUrl(rel), size: file.size, modified: file.lastModified });
      }
      return files.sort((a, b) => (a.path < b.path ? -1 : 1));
    },

    uploadMedia: (dir: 'images' | 'files', file: File, overwrite = false): Promise<UploadedMedia> =>
      serial(async () => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const checked = await checkUpload(dir, file.name, bytes);
        await writable();
        const folder = (await dirAt(root, [checked.dir], true))!;
        const existed = await entryExists(folder, checked.name);
        if (existed && !overwrite) {
          throw new SiteRuleError(409, `${checked.rel} already exists; upload again with overwrite to replace it`, { path: checked.rel });
        }
        await writeBytes(await folder.getFileHandle(checked.name, { create: true }), bytes);
        forgetImage(checked.rel);
        return { path: checked.rel, url: sitePathToUrl(checked.rel), size: bytes.length, replaced: existed };
      }),

    watch(onEvent: (e: PageEvent) => void): () => void {
      // The File System Access API tells nobody about changes, so the pages are looked at now and then:
      // a file whose time or size changed is read and reported with its etag.
      let known: Map<string, string> | null = null;
      let busy = false;
      const poll = async () => {
        if (busy || (typeof document !== 'undefined' && document.hidden)) return;
        busy = true;
        try {
          const found = new Map<string, FsFileHandle>();
          await walk(root, '', 0, found, skippedInPageList, isListedPageFile);
          const now = new Map<string, string>();
          for (const [rel, handle] of found) {
            const file = await handle.getFile().catch(() => null);
            if (!file) continue;
            const stamp = `${file.lastModified}:${file.size}`;
            now.set(rel, stamp);
            if (known && known.get(rel) !== stamp) {
              const etag = await etagOfBytes(new Uint8Array(await file.arrayBuffer()));
              onEvent({ type: known.has(rel) ? 'changed' : 'added', path: rel, etag });
            }
          }
          if (known) for (const rel of known.keys()) if (!now.has(rel)) onEvent({ type: 'removed', path: rel });
          known = now;
        } catch {
          // the folder is not readable just now; try again next time
        } finally {
          busy = false;
        }
      };
      void poll();
      const timer = setInterval(() => void poll(), POLL_MS);
      return () => clearInterval(timer);
    },

    imageUrl(src: string): Promise<string | null> {
      const rel = siteFileOf(src, baseurl);
      if (!rel) return Promise.resolve(null);
      let url = imageUrls.get(rel);
      if (!url) {
        url = (async () => {
          const handle = await fileAt(root, rel);
          return handle ? URL.createObjectURL(await handle.getFile()) : null;
        })().catch(() => null);
        imageUrls.set(rel, url);
      }
      return url;
    },
  };

  const forgetImage = (rel: string) => {
    const url = imageUrls.get(rel);
    imageUrls.delete(rel);
    void url?.then((u) => u && URL.revokeObjectURL(u));
  };

  return storage;
}

/**
 * The site file a root-relative address names (`/images/a%20b.png`, `/images/a b.png`, with or
 * without the site's baseurl), or null for anything else (other sites, data: URLs, hidden files).
 */
export function siteFileOf(src: string, baseurl = ''): string | null {
  if (!src.startsWith('/') || src.startsWith('//')) return null;
  let path = src.replace(/[?#].*$/, '');
  if (baseurl && (path === baseurl || path.startsWith(`${baseurl}/`))) path = path.slice(baseurl.length);
  const segments = path.slice(1).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let part = segment;
    try {
      part = decodeURIComponent(segment);
    } catch {
      // a raw `%` in a file name: use it as written
    }
    // Checked after decoding: an encoded slash must not make a hidden folder (`a%2F.git`) slip through.
    if (part === '' || part === '.' || part === '..' || part.startsWith('.') || part.includes('\\') || part.includes('/')) return null;
    decoded.push(part);
  }
  return decoded.join('/');
}

/** Asks for a site folder (Chromium). Null when the person cancels. */
export async function pickSiteFolder(): Promise<FolderStorage | null> {
  if (!canOpenFolders()) throw new Error('This browser cannot open folders. Use Chrome or Edge, or open a single page file.');
  try {
    const root = (await window.showDirectoryPicker!({ mode: 'readwrite', id: 'isomer-site' })) as FsDirHandle;
    return folderStorage(root);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return null;
    throw err;
  }
}
