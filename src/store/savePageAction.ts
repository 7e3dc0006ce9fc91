import type { Editor } from '@tiptap/core';
import type { PageFile } from '../core/pageFile.ts';
import { finishSourceTracking } from '../editor/sourceTracking.ts';
import { SiteApiError } from '../storage/siteApi.ts';
import { siteStorage } from '../storage/siteStorage.ts';
import { forgetDraft } from './draftStore.ts';
import { useEditorStore } from './editorStore.ts';
import { loadedFrontMatterCore } from './frontMatterCoreLoader.ts';
import { computeSaveState, frontMatterReady, useOpenPageStore } from './openPageStore.ts';
import { pageCore } from './pageCoreLoader.ts';
import { useUiStore } from './uiStore.ts';
import { useWorkspaceStore } from './workspaceStore.ts';

/** Why the page cannot be saved as it is, in plain words; null when it can. */
export async function saveBlocker(): Promise<string | null> {
  const { frontMatterData } = await frontMatterReady();
  const { file, opened, kind } = useOpenPageStore.getState();
  if (!file || !opened) return null;
  if (file.frontMatterError) {
    // Settings that never parsed are written back as they were; only new breakage blocks the save.
    if (file.frontMatterText === opened.file.frontMatterText) return null;
    const { line, column, message } = file.frontMatterError;
    return `The page settings (YAML) have a mistake on line ${line}, column ${column}: ${message} Fix it before saving.`;
  }
  const { checkFrontMatter, FIELD_HELP } = await import('../core/frontMatterSchema.ts');
  const { errors } = checkFrontMatter(frontMatterData(file), { kind });
  if (errors.length === 0) return siteLayoutBlocker(file, opened.file, frontMatterData);
  const list = errors.map((e) => `${FIELD_HELP[e.key]?.label ?? e.key}: ${e.message}`).join(' ');
  return `Fix the page settings before saving. ${list}`;
}

/** The homepage's or Contact Us page's own rules (limits, phone, email) that the edits broke, or null. */
async function siteLayoutBlocker(file: PageFile, openedFile: PageFile, data: (file: PageFile) => Record<string, unknown>): Promise<string | null> {
  const { siteLayoutOf, newLayoutErrors } = await import('../site/layoutIssues.ts');
  const layout = siteLayoutOf(file.frontMatterText, file.body);
  if (!layout) return null;
  const errors = newLayoutErrors(layout, data(openedFile), data(file));
  if (errors.length === 0) return null;
  return `Fix the marked fields before saving. ${errors.map((e) => e.message).join(' ')}`;
}

/**
 * Saves the open page: the edited body and front matter become one file text, written only if the
 * file on disk is still the version that was opened (`etag`), or the newer one given.
 */
export async function saveOpenPage(options: { etag?: string } = {}): Promise<void> {
  const store = useOpenPageStore;
  // Saving reads the front matter: wait for the YAML parser if the page opened before it.
  const { savePage, readPageFile } = await frontMatterReady();
  const state = store.getState();
  const editor: Editor | null = useEditorStore.getState().editor;
  if (state.status !== 'ready' || !state.opened || !state.file || !state.path || !editor) return;
  if (state.saveState === 'saving') return;
  // A markdown page is saved even unedited: saving converts it to the new format.
  if (state.saveState === 'saved' && !options.etag && state.opened.format !== 'markdown') return;

  const blocker = await saveBlocker();
  if (blocker) {
    store.setState({ saveState: 'error', saveError: blocker });
    useUiStore.getState().setPanelTab('settings');
    return;
  }

  const codec = pageCore().bodyCodec();
  // What the idle source tracking has not done yet is done now, so only the edits are written anew.
  finishSourceTracking(editor);
  const editedDoc = editor.state.doc;
  const file = state.file;
  const path = state.path;
  let text: string;
  let removed;
  try {
    // The editor's document is written as it is: its unedited blocks from their source (the codec
    // reads a block of the editor's schema by its type's name).
    ({ text, removed } = savePage(codec, state.opened, editedDoc, file));
  } catch (err) {
    store.setState({ saveState: 'error', saveError: `The page could not be prepared for saving: ${err instanceof Error ? err.message : String(err)}` });
    return;
  }

  store.setState({ saveState: 'saving', saveError: null, conflict: null });
  try {
    const result = await siteStorage().savePage(path, text, options.etag ?? state.etag ?? '');
    if (store.getState().path !== path) return;
    if (!result.ok) {
      store.setState((s) => ({ saveState: computeSaveState(s), conflict: result.conflict }));
      return;
    }
    const savedFile = readPageFile(text);
    store.setState((s) => {
      // What is on disk now is a tiptap page, whatever it was read as.
      const opened = { ...state.opened!, file: savedFile, format: 'tiptap' as const };
      const dirty = editor.state.doc !== editedDoc;
      // Front-matter edits made while saving stay pending.
      const currentFile = s.file === file ? savedFile : s.file;
      const next = { opened, file: currentFile, dirty, baselineDoc: editedDoc };
      return { ...next, etag: result.etag, lastRemoved: removed, saveError: null, saveState: computeSaveState(next) };
    });
    void useWorkspaceStore.getState().refreshPages();
    // A new address: the pages that link to the old one are offered an update (loaded only then).
    const [from, to] = [state.opened.file.frontMatter?.get('permalink'), savedFile.frontMatter?.get('permalink')];
    if (typeof from === 'string' && typeof to === 'string' && from !== to) void import('./linkUpdates.ts').then((m) => m.offerLinkUpdates(from, to, path));
  } catch (err) {
    const message = err instanceof SiteApiError || err instanceof Error ? err.message : String(err);
    store.setState({ saveState: 'error', saveError: `The page was not saved. ${message}` });
  }
}

/** The file text that saving the open page would write now, or null when no page is being edited. */
export function textToSave(): string | null {
  const state = useOpenPageStore.getState();
  const editor: Editor | null = useEditorStore.getState().editor;
  // Asked for after a save found a conflict, so the YAML parser is loaded by then.
  const frontMatterCore = loadedFrontMatterCore();
  if (state.status !== 'ready' || !state.opened || !state.file || !editor || !frontMatterCore) return null;
  const { savePage } = frontMatterCore;
  const codec = pageCore().bodyCodec();
  finishSourceTracking(editor);
  try {
    return savePage(codec, state.opened, editor.state.doc, state.file).text;
  } catch {
    return null;
  }
}

/** The answer to "this page changed on disk since you opened it". */
export async function resolveConflict(choice: 'keepMine' | 'takeTheirs' | 'cancel'): Promise<void> {
  const store = useOpenPageStore;
  const { conflict, path } = store.getState();
  if (!conflict || !path) return;
  store.setState({ conflict: null });
  if (choice === 'cancel') return;
  if (choice === 'takeTheirs') {
    await forgetDraft(path);
    if (conflict.current) await store.getState().loadText(path, conflict.current.text, conflict.current.etag);
    else await store.getState().openPath(path);
    return;
  }
  if (conflict.current) await saveOpenPage({ etag: conflict.current.etag });
}
