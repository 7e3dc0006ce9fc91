/**
 * Browser-only backend: a site folder opened with the File System Access API (Chromium). Reads and
 * writes page files through their handles; a save checks first that the file is still the version
 * that was opened. Creating, renaming, deleting and uploads need the site server.
 */
import { parseDocument } from 'yaml';
import type { MediaFile, PageContent, PageSummary, SaveResult, SiteInfo } from './siteApi.ts';
import { SiteApiError } from './siteApi.ts';
import type { SiteStorage } from './siteStorage.ts';
import { decodeUtf8, etagOfBytes, summarisePage } from './summarise.ts';

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
}

declare global {
  interface Window {
    showDirectoryPicker?: (opts?: { mode?: 'read' | 'readwrite'; id?: string }) => Promise<unknown>;
  }
}

export function canOpenFolders(): boolean {
  return typeof window !== 'undefined' && typeof window.showDirectoryPicker === 'function';
}

const SKIP_ANYWHERE = new Set(['_site', 'node_modules']);
const SKIP_TOP = new Set(['_includes', '_layouts', '_data', '_sass', '_plugins', 'assets', 'images', 'files', 'vendor', 'README.md']);

async function walk(dir: FsDirHandle, rel: string, depth: number, out: Map<string, FsFileHandle>, accept: (name: string) => boolean): Promise<void> {
  if (depth > 32) return;
  for await (const entry of dir.values()) {
    const name = entry.name;
    if (name.startsWith('.') || SKIP_ANYWHERE.has(name)) continue;
    if (depth === 0 && SKIP_TOP.has(name) && accept === isPage) continue;
    const childRel = rel ? `${rel}/${name}` : name;
    if (entry.kind === 'directory') await walk(entry, childRel, depth + 1, out, accept);
    else if (accept(name)) out.set(childRel, entry);
  }
}

const isPage = (name: string) => /\.md$/i.test(name);

async function fileAt(root: FsDirHandle, rel: string): Promise<FsFileHandle | null> {
  const parts = rel.split('/');
  let dir = root;
  try {
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
    return await dir.getFileHandle(parts[parts.length - 1]!);
  } catch {
    return null;
  }
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

export function folderStorage(root: FsDirHandle): SiteStorage {
  let handles = new Map<string, FsFileHandle>();
  let resourcesName: string | null = null;

  const storage: SiteStorage = {
    kind: 'folder',
    label: root.name,

    async fetchSite(): Promise<SiteInfo> {
      const configText = await readText(root, '_config.yml');
      const config = yamlData(configText);
      const data = isObject(config) ? config : {};
      resourcesName = typeof data['resources_name'] === 'string' && data['resources_name'].trim() ? data['resources_name'].trim() : null;
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
        siteId: `folder:${root.name}`,
      };
    },

    async fetchPages(): Promise<PageSummary[]> {
      const found = new Map<string, FsFileHandle>();
      await walk(root, '', 0, found, isPage);
      handles = found;
      const pages: PageSummary[] = [];
      for (const [rel, handle] of [...found].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const file = await handle.getFile();
        pages.push(summarisePage(rel, await file.text(), file.lastModified, resourcesName));
      }
      return pages;
    },

    async fetchPage(path: string): Promise<PageContent> {
      const handle = handles.get(path) ?? (await fileAt(root, path));
      if (!handle) throw new SiteApiError('Not found in the folder.', 404);
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      const { text, encodingError } = decodeUtf8(bytes);
      return { path, text, etag: await etagOfBytes(bytes), ...(encodingError ? { encodingError } : {}) };
    },

    async savePage(path: string, text: string, etag: string): Promise<SaveResult> {
      const handle = handles.get(path) ?? (await fileAt(root, path));
      if (!handle) throw new SiteApiError('The page is no longer in the folder.', 404);
      const current = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      const currentEtag = await etagOfBytes(current);
      if (currentEtag !== etag) {
        return { ok: false, conflict: { message: 'page changed on disk since it was loaded', current: { text: decodeUtf8(current).text, etag: currentEtag } } };
      }
      const bytes = new TextEncoder().encode(text);
      // The browser writes to a temporary file and swaps it in on close().
      const writable = await handle.createWritable();
      await writable.write(bytes);
      await writable.close();
      return { ok: true, etag: await etagOfBytes(bytes) };
    },

    async fetchMedia(dir: 'images' | 'files'): Promise<MediaFile[]> {
      let folder: FsDirHandle;
      try {
        folder = await root.getDirectoryHandle(dir);
      } catch {
        return [];
      }
      const found = new Map<string, FsFileHandle>();
      await walk(folder, dir, 1, found, () => true);
      const files: MediaFile[] = [];
      for (const [rel, handle] of found) {
        const file = await handle.getFile();
        files.push({ path: rel, url: URL.createObjectURL(file), size: file.size, modified: file.lastModified });
      }
      return files.sort((a, b) => (a.path < b.path ? -1 : 1));
    },
  };
  return storage;
}

/** Asks for a site folder (Chromium). Null when the person cancels. */
export async function pickSiteFolder(): Promise<SiteStorage | null> {
  if (!canOpenFolders()) throw new Error('This browser cannot open folders. Use Chrome or Edge, or open a single page file.');
  try {
    const root = (await window.showDirectoryPicker!({ mode: 'readwrite', id: 'isomer-site' })) as FsDirHandle;
    return folderStorage(root);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return null;
    throw err;
  }
}
