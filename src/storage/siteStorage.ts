/**
 * Where pages come from and go to. The app talks to one `SiteStorage` and does not care which:
 *  - `server`: the local site server (the usual way; every operation);
 *  - `folder`: a site folder opened in the browser with the File System Access API (Chromium);
 *  - `file`: one page file opened with a file input; saving downloads it.
 * Operations a backend cannot do are absent, and the UI hides them.
 */
import { create } from 'zustand';
import * as api from './siteApi.ts';
import type { MediaFile, NewPageRequest, PageContent, PageEvent, PageSummary, SaveResult, SiteFileContent, SiteFileName, SiteInfo, TrashItem, UploadedMedia } from './siteApi.ts';

export interface SiteStorage {
  kind: 'server' | 'folder' | 'file';
  /** What is open, for the top bar (folder or file name). */
  label: string;
  fetchSite(): Promise<SiteInfo>;
  fetchPages(): Promise<PageSummary[]>;
  fetchPage(path: string): Promise<PageContent>;
  /** Writes only if the page is still the version `etag` names; otherwise a conflict. */
  savePage(path: string, text: string, etag: string): Promise<SaveResult>;
  createPage?(req: NewPageRequest): Promise<{ path: string; etag: string; text: string }>;
  renamePage?(from: string, to: string, etag: string): Promise<{ path: string; etag: string }>;
  deletePage?(path: string, etag: string): Promise<TrashItem>;
  fetchTrash?(): Promise<TrashItem[]>;
  restoreFromTrash?(id: string): Promise<{ path: string; etag: string }>;
  fetchMedia?(dir: 'images' | 'files'): Promise<MediaFile[]>;
  uploadMedia?(dir: 'images' | 'files', file: File, overwrite?: boolean): Promise<UploadedMedia>;
  /** The site's navigation, footer and settings files (absent for a single page file). */
  fetchSiteFile?(name: SiteFileName): Promise<SiteFileContent>;
  /** Writes a data file if it is still the version `etag` names (null: create it). */
  saveSiteFile?(name: SiteFileName, text: string, etag: string | null): Promise<SaveResult>;
  /** Page files changed on disk by something else. */
  watch?(onEvent: (e: PageEvent) => void): () => void;
  /**
   * Where to display an image a page refers to by its site address (`/images/a.png`), when the app's
   * own origin does not serve the site's files (folder mode). The page keeps its own address.
   */
  imageUrl?(src: string): Promise<string | null>;
  /** How a saved page reaches the user's disk when the backend cannot write files (file mode). */
  savesByDownload?: boolean;
}

export const serverStorage: SiteStorage = {
  kind: 'server',
  label: 'site server',
  fetchSite: api.fetchSite,
  fetchPages: api.fetchPages,
  fetchPage: api.fetchPage,
  savePage: api.savePageText,
  createPage: api.createPage,
  renamePage: api.renamePage,
  deletePage: api.deletePage,
  fetchTrash: api.fetchTrash,
  restoreFromTrash: api.restoreFromTrash,
  fetchMedia: api.fetchMedia,
  uploadMedia: api.uploadMedia,
  watch: api.watchPageEvents,
  fetchSiteFile: api.fetchSiteFile,
  saveSiteFile: api.saveSiteFile,
};

interface StorageState {
  /** Null until the person picks a folder or file (browser-only mode). */
  storage: SiteStorage | null;
  setStorage: (storage: SiteStorage | null) => void;
}

/** With the server's token in the page, the server is the storage; otherwise a start screen asks. */
export const useStorageStore = create<StorageState>((set) => ({
  storage: typeof document !== 'undefined' && api.readSessionToken() ? serverStorage : null,
  setStorage: (storage) => set({ storage }),
}));

/** The storage in use. Throws when nothing is open yet (the start screen is showing). */
export function siteStorage(): SiteStorage {
  const storage = useStorageStore.getState().storage;
  if (!storage) throw new api.SiteApiError('No site is open yet. Open a site folder or a page file first.', 0);
  return storage;
}
