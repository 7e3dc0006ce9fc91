import type { Node as PMNode } from '@tiptap/pm/model';
import { create } from 'zustand';
import type { FrontMatterContext, PageKind } from '../core/frontMatterSchema.ts';
import type { OpenedPage } from '../core/pageDocument.ts';
import type { PageFile } from '../core/pageFile.ts';
import type { Removal } from '../core/sanitize.ts';
import type { PageConflict, PageSummary } from '../storage/siteApi.ts';
import { onFirstInput, whenIdleAfterPaint } from '../core/firstUse.ts';
import { siteStorage } from '../storage/siteStorage.ts';
import { useEditorStore } from './editorStore.ts';
import { loadedFrontMatterCore, loadFrontMatterCore, type FrontMatterCore } from './frontMatterCoreLoader.ts';
import { loadPageCore, openPageEditorModule } from './pageCoreLoader.ts';
import { pageSummary, takeLinkedPage, useWorkspaceStore } from './workspaceStore.ts';

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
  /**
   * True while the YAML parser is loading: a tiptap page opens before it, and until `frontMatterReady`
   * has run its file's parsed front matter (`frontMatter`, its error and warnings) is not filled in.
   */
  frontMatterPending: boolean;
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
  frontMatterPending: false,
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
      const [page] = await Promise.all([takeLinkedPage(path) ?? siteStorage().fetchPage(path), loadPageCore()]);
      if (request !== openRequest) return;
      await get().loadText(path, page.text, page.etag);
    } catch (err) {
      if (request !== openRequest) return;
      set({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  },

  loadText: async (path, text, etag) => {
    // A page asked for while this one loads (its markdown importer may be fetched) wins.
    const request = openRequest;
    const [{ openPageInBrowser, bodyCodec, loadFullParser }] = await Promise.all([loadPageCore(), openPageEditorModule.load()]);
    const kind = kindOf(path, pageSummary(path));
    try {
      const baseurl = useWorkspaceStore.getState().site?.baseurl ?? '';
      const { opened, frontMatterPending } = await openPageInBrowser(bodyCodec(), text, { site: { baseurl } });
      if (request !== openRequest) return;
      const loadCount = get().loadCount + 1;
      unparsedFile = frontMatterPending ? opened.file : null;
      const previousEditor = useEditorStore.getState().editor;
      set({
        ...EMPTY,
        path,
        status: 'ready',
        etag,
        opened,
        file: opened.file,
        frontMatterPending: frontMatterPending || loadedFrontMatterCore() === null,
        kind,
        loadCount,
        baselineDoc: opened.body.doc,
      });
      // Once the page is on screen and first used (the pointer over it, a key, focus): the YAML parser
      // for the settings and saving, saving's code and the rules it checks (else fetched one after another
      // at the first save), and the full HTML parser that a body read later may need. Not sooner: a page
      // only looked at does not hold their code, and a save before they are here loads and waits for them.
      afterNewEditorUsed(previousEditor, () => {
        if (get().frontMatterPending) void frontMatterReady();
        void import('./savePageAction.ts');
        void import('../core/frontMatterSchema.ts');
        void import('../site/layoutIssues.ts');
        void loadFullParser();
      });
    } catch (err) {
      if (request !== openRequest) return;
      const { readPageFile } = await loadFrontMatterCore();
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
        // A markdown page that failed to convert says so, unless the reason is the page's own (nesting).
        message:
          markdown && !(err instanceof Error && err.name === 'NestedTooDeeply')
            ? MARKDOWN_READ_ONLY_MESSAGE
            : `This page could not be opened: ${err instanceof Error ? err.message : String(err)} The file is unchanged.`,
      });
    }
  },

  setDirty: (dirty) => {
    if (get().dirty === dirty) return;
    set((s) => ({ dirty, saveState: s.saveState === 'saving' ? 'saving' : computeSaveState({ ...s, dirty }) }));
  },

  setFrontMatterValue: (key, value) => {
    const core = readyFrontMatterCore(() => get().setFrontMatterValue(key, value));
    const { file } = get();
    if (!core || !file || file.frontMatterError) return;
    const next = core.setFrontMatterValue(file, key, value);
    set((s) => ({ file: next, saveError: null, saveState: s.saveState === 'saving' ? 'saving' : computeSaveState({ ...s, file: next }) }));
  },

  setFrontMatterText: (text) => {
    const core = readyFrontMatterCore(() => get().setFrontMatterText(text));
    const { file } = get();
    if (!core || !file) return;
    const next = core.withFrontMatterText(file, text);
    set((s) => ({ file: next, saveError: null, saveState: s.saveState === 'saving' ? 'saving' : computeSaveState({ ...s, file: next }) }));
  },

  dismissReport: () => set({ reportDismissed: true }),
  dismissRemoved: () => set({ lastRemoved: [] }),
  close: () => {
    // A page still on its way (chosen just before a site screen) does not open after all.
    openRequest++;
    set({ ...EMPTY });
  },
}));

// The file of the open page as split before the YAML parser was loaded, until `frontMatterReady` parses it.
let unparsedFile: PageFile | null = null;

/**
 * Loads the YAML parser and fills in the open page's front matter if it is still pending. Saving waits
 * for this; the settings panel asks for it when it opens.
 */
export async function frontMatterReady(): Promise<FrontMatterCore> {
  const core = await loadFrontMatterCore();
  const s = useOpenPageStore.getState();
  if (!s.frontMatterPending) return core;
  if (s.opened && s.opened.file === unparsedFile) {
    const file = core.parsePageFile(s.opened.file);
    useOpenPageStore.setState({ opened: { ...s.opened, file }, file: s.file === s.opened.file ? file : s.file, frontMatterPending: false });
  } else {
    useOpenPageStore.setState({ frontMatterPending: false });
  }
  unparsedFile = null;
  return core;
}

/**
 * The front-matter core when the open page's front matter is ready. Otherwise null, and `retry` runs
 * once it is (unless another page was opened meanwhile).
 */
function readyFrontMatterCore(retry: () => void): FrontMatterCore | null {
  const { frontMatterPending, loadCount } = useOpenPageStore.getState();
  const core = loadedFrontMatterCore();
  if (core && !frontMatterPending) return core;
  void frontMatterReady().then(() => {
    if (useOpenPageStore.getState().loadCount === loadCount) retry();
  });
  return null;
}

/**
 * Runs `task` when the browser is idle after an editor other than `previous` has painted and the page
 * has had its first input since (`onFirstInput`). Without an editor (a read-only page) it never runs: the
 * settings panel and saving load what they need.
 */
let stopWaitingForEditor: (() => void) | null = null;

function afterNewEditorUsed(previous: unknown, task: () => void): void {
  // Only the last page opened waits: one that never got an editor (read-only) stops waiting here.
  stopWaitingForEditor?.();
  stopWaitingForEditor = null;
  const run = () => {
    stopWaitingForEditor = onFirstInput(() => {
      stopWaitingForEditor = null;
      // Within 300 ms even while someone types (which leaves few idle moments): a save soon after the
      // first keys must not have to load this code itself.
      whenIdleAfterPaint(task, 300);
    });
  };
  const current = useEditorStore.getState().editor;
  if (current && current !== previous) {
    run();
    return;
  }
  const stop = useEditorStore.subscribe((s) => {
    if (!s.editor || s.editor === previous) return;
    stop();
    stopWaitingForEditor = null;
    run();
  });
  stopWaitingForEditor = stop;
}

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
