import type { Node as PMNode } from '@tiptap/pm/model';
import { create } from 'zustand';
import type { FrontMatterContext, PageKind } from '../core/frontMatterSchema.ts';
import type { OpenedPage } from '../core/pageDocument.ts';
import type { PageFile } from '../core/pageFile.ts';
import type { Removal } from '../core/sanitize.ts';
import type { PageConflict, PageSummary } from '../storage/siteApi.ts';
import { siteStorage } from '../storage/siteStorage.ts';
import { loadPageCore, pageCore } from './pageCoreLoader.ts';
import { pageSummary, useWorkspaceStore } from './workspaceStore.ts';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

export const MARKDOWN_READ_ONLY_MESSAGE =
  'This page is written in markdown. Converting markdown pages is coming soon; the file is unchanged.';

/** The page being edited: what was read, what changed, and how saving goes. */
export interface OpenPageState {
  path: string | null;
  status: 'none' | 'loading' | 'ready' | 'readOnly' | 'error';
  /** Why the page cannot be opened or edited, in plain words. */
  message: string | null;
  etag: string | null;
  /** The page as read (or as last saved). */
  opened: OpenedPage | null;
  /** The file with the front-matter edits made since; the body part is not kept up to date here. */
  file: PageFile | null;
  /** The raw text of a page that opened read-only. */
  readOnlyText: string | null;
  /** What kind of page this is, for the front-matter rules. */
  kind: PageKind;
  /** Bumped whenever a new document goes into the editor, so it is rebuilt with fresh history. */
  loadCount: number;
  /** The editor's document matches the last one read or saved? False means unsaved body edits. */
  dirty: boolean;
  /** The document the editor's content is compared with; not for rendering. */
  baselineDoc: PMNode | null;
  saveState: SaveState;
  saveError: string | null;
  reportDismissed: boolean;
  /** What the last save removed from the page (blocked markup). */
  lastRemoved: Removal[];
  conflict: PageConflict | null;

  openPath: (path: string) => Promise<void>;
  loadText: (path: string, text: string, etag: string) => Promise<void>;
  setDirty: (dirty: boolean) => void;
  setFrontMatterValue: (key: string, value: unknown) => void;
  setFrontMatterText: (text: string) => void;
  dismissReport: () => void;
  dismissRemoved: () => void;
  close: () => void;
}

function kindOf(path: string, summary: PageSummary | undefined): PageKind {
  if (summary?.resourceCategory) return 'resource-post';
  if (summary?.collection) return 'collection-page';
  if (path === 'index.md') return 'homepage';
  return 'page';
}

export function frontMatterContext(state: Pick<OpenPageState, 'kind'>): FrontMatterContext {
  return { kind: state.kind };
}

/** The save state that follows from the edits, unless a save is running or failed. */
export function computeSaveState(state: Pick<OpenPageState, 'dirty' | 'file' | 'opened'>): SaveState {
  return state.dirty || (state.file !== null && state.opened !== null && state.file !== state.opened.file) ? 'unsaved' : 'saved';
}

const EMPTY = {
  path: null,
  status: 'none' as const,
  message: null,
  etag: null,
  opened: null,
  file: null,
  readOnlyText: null,
  kind: 'page' as PageKind,
  dirty: false,
  baselineDoc: null,
  saveState: 'saved' as SaveState,
  saveError: null,
  reportDismissed: false,
  lastRemoved: [],
  conflict: null,
};

let openRequest = 0;

export const useOpenPageStore = create<OpenPageState>((set, get) => ({
  ...EMPTY,
  loadCount: 0,

  openPath: async (path) => {
    const request = ++openRequest;
    set({ ...EMPTY, path, status: 'loading' });
    try {
      const [page] = await Promise.all([siteStorage().fetchPage(path), loadPageCore()]);
      if (request !== openRequest) return;
      await get().loadText(path, page.text, page.etag);
      if (page.encodingError) {
        set({ status: 'readOnly', message: 'This file is not stored as UTF-8 text, so saving it here would change characters. It is shown read-only; the file is unchanged.', readOnlyText: page.text });
      }
    } catch (err) {
      if (request !== openRequest) return;
      set({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  },

  loadText: async (path, text, etag) => {
    // A page asked for while this one loads (its markdown importer may be fetched) wins.
    const request = openRequest;
    const { openPageLoadingMarkdown, readPageFile, bodyCodec } = await loadPageCore();
    const kind = kindOf(path, pageSummary(path));
    try {
      const baseurl = useWorkspaceStore.getState().site?.baseurl ?? '';
      const opened = await openPageLoadingMarkdown(bodyCodec(), text, { site: { baseurl } });
      if (request !== openRequest) return;
      const loadCount = get().loadCount + 1;
      set({
        ...EMPTY,
        path,
        status: 'ready',
        etag,
        opened,
        file: opened.file,
        kind,
        loadCount,
        baselineDoc: opened.body.doc,
      });
    } catch (err) {
      if (request !== openRequest) return;
      const loadCount = get().loadCount + 1;
      const file = readPageFile(text);
      const markdown = file.body.trim() !== '';
      set({
        ...EMPTY,
        path,
        status: 'readOnly',
        etag,
        file,
        kind,
        loadCount,
        readOnlyText: text,
        message: markdown ? MARKDOWN_READ_ONLY_MESSAGE : `This page could not be opened: ${err instanceof Error ? err.message : String(err)} The file is unchanged.`,
      });
    }
  },

  setDirty: (dirty) => {
    if (get().dirty === dirty) return;
    set((s) => ({ dirty, saveState: s.saveState === 'saving' ? 'saving' : computeSaveState({ ...s, dirty }) }));
  },

  setFrontMatterValue: (key, value) => {
    const { file } = get();
    if (!file || file.frontMatterError) return;
    const next = pageCore().setFrontMatterValue(file, key, value);
    set((s) => ({ file: next, saveError: null, saveState: s.saveState === 'saving' ? 'saving' : computeSaveState({ ...s, file: next }) }));
  },

  setFrontMatterText: (text) => {
    const { file } = get();
    if (!file) return;
    const next = pageCore().withFrontMatterText(file, text);
    set((s) => ({ file: next, saveError: null, saveState: s.saveState === 'saving' ? 'saving' : computeSaveState({ ...s, file: next }) }));
  },

  dismissReport: () => set({ reportDismissed: true }),
  dismissRemoved: () => set({ lastRemoved: [] }),
  close: () => set({ ...EMPTY }),
}));

/** True when leaving the page would lose edits. */
export function hasUnsavedChanges(): boolean {
  const s = useOpenPageStore.getState();
  return s.status === 'ready' && s.saveState !== 'saved';
}

/** Opens a page, first asking about unsaved edits of the current one. */
export function requestOpenPage(path: string, askFirst: (nextPath: string) => void): void {
  if (useOpenPageStore.getState().path === path) return;
  if (hasUnsavedChanges()) {
    askFirst(path);
    return;
  }
  void useOpenPageStore.getState().openPath(path);
}
