/**
 * Drafts of unsaved work (kept in IndexedDB) and news of changes on disk, for the open page and the
 * page list.
 */
import { create } from 'zustand';
import { docJsonText, writeBlockTextsInSlices } from '../core/docJsonText.ts';
import { deleteDraft, getDraft, listDraftPaths, putDraft, type KeptDraft, type PageDraft } from '../storage/drafts.ts';
import { deleteServerDraft, getServerDraft, listServerDraftPaths, putServerDraft } from '../storage/serverDrafts.ts';
import { useEditorStore } from './editorStore.ts';
import { useOpenPageStore } from './openPageStore.ts';
import { useWorkspaceStore } from './workspaceStore.ts';

export interface DraftState {
  /** Pages of this site with a draft (for the page list's marks). */
  draftPaths: string[];
  /** A draft found when the open page was opened, waiting for restore / discard. */
  offered: PageDraft | null;
  /** The open page's content came from a draft (top bar note). */
  restoredPath: string | null;
  /** The last change on disk reported for a page: its path and new etag. */
  diskChange: { path: string; etag: string } | null;
  /** Why drafts cannot be kept, when IndexedDB fails. */
  draftError: string | null;
}

export const useDraftStore = create<DraftState>(() => ({
  draftPaths: [],
  offered: null,
  restoredPath: null,
  diskChange: null,
  draftError: null,
}));

export function currentSiteId(): string {
  const site = useWorkspaceStore.getState().site;
  return site?.siteId ?? `title:${site?.title ?? ''}`;
}

function markPath(path: string, has: boolean): void {
  useDraftStore.setState((s) => {
    const listed = s.draftPaths.includes(path);
    if (listed === has) return s;
    return { draftPaths: has ? [...s.draftPaths, path] : s.draftPaths.filter((p) => p !== path) };
  });
}

export async function refreshDraftPaths(): Promise<void> {
  try {
    const [local, server] = await Promise.all([listDraftPaths(currentSiteId()), listServerDraftPaths()]);
    useDraftStore.setState({ draftPaths: [...new Set([...local, ...server])] });
  } catch (err) {
    useDraftStore.setState({ draftError: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * Keeps the open page's unsaved state as its draft. Unless `now` (the tab is being hidden or closed),
 * the blocks not yet written out are written first in short slices, between keystrokes.
 */
export async function keepDraftNow(now = false): Promise<void> {
  const live = useEditorStore.getState().editor;
  if (!now && live && !live.isDestroyed) await writeBlockTextsInSlices(live.state.doc);
  const state = useOpenPageStore.getState();
  const editor = useEditorStore.getState().editor;
  if (state.status !== 'ready' || !state.path || !state.file || !editor || editor.isDestroyed) return;
  if (useDraftStore.getState().offered?.path === state.path) return; // answer the old draft first
  const siteId = currentSiteId();
  if (state.saveState === 'saved') {
    // Nothing unsaved (e.g. every edit was undone): no draft is needed.
    if (useDraftStore.getState().draftPaths.includes(state.path)) await forgetDraft(state.path);
    return;
  }
  const draft: KeptDraft = {
    siteId,
    path: state.path,
    // Only the blocks changed since the last draft are written out again.
    docJson: docJsonText(editor.state.doc),
    frontMatterText: state.file.frontMatterText,
    baseEtag: state.etag,
    savedAt: Date.now(),
  };
  // In team mode the server keeps it too, for the person's other devices.
  void putServerDraft(draft);
  try {
    await putDraft(draft);
    // A save that finished while the draft was being written has made it stale: it goes again.
    const after = useOpenPageStore.getState();
    if (after.path === draft.path && after.saveState === 'saved') {
      await forgetDraft(draft.path);
      return;
    }
    markPath(draft.path, true);
  } catch (err) {
    useDraftStore.setState({ draftError: err instanceof Error ? err.message : String(err) });
  }
}

/** Removes the draft of a page (after a save, a discard, or taking the version on disk). */
export async function forgetDraft(path: string): Promise<void> {
  markPath(path, false);
  useDraftStore.setState((s) => ({ offered: s.offered?.path === path ? null : s.offered, restoredPath: s.restoredPath === path ? null : s.restoredPath }));
  void deleteServerDraft(path);
  try {
    await deleteDraft(currentSiteId(), path);
  } catch {
    // nothing kept, nothing to remove
  }
}

/** Looks for a draft of a page that was just opened, and offers it. */
export async function offerDraftFor(path: string): Promise<void> {
  const [local, server] = await Promise.all([getDraft(currentSiteId(), path).catch(() => null), getServerDraft(currentSiteId(), path)]);
  // The newer of this browser's draft and the one another device sent to the server.
  const draft = local && server ? (server.savedAt > local.savedAt ? server : local) : (local ?? server);
  if (useOpenPageStore.getState().path !== path) return;
  useDraftStore.setState({ offered: draft, restoredPath: null });
}

/** Puts the offered draft into the editor. The page is then unsaved until it is saved. */
export function restoreOfferedDraft(): void {
  const draft = useDraftStore.getState().offered;
  const editor = useEditorStore.getState().editor;
  const store = useOpenPageStore.getState();
  if (!draft || !editor || store.path !== draft.path || store.status !== 'ready') return;
  editor.commands.setContent(draft.doc as Parameters<typeof editor.commands.setContent>[0], { emitUpdate: true });
  if (store.file && draft.frontMatterText !== store.file.frontMatterText) store.setFrontMatterText(draft.frontMatterText);
  // Edits made on an older version: saving must then ask keep mine / take theirs / compare.
  if (draft.baseEtag && draft.baseEtag !== store.etag) useOpenPageStore.setState({ etag: draft.baseEtag });
  useDraftStore.setState({ offered: null, restoredPath: draft.path });
}

export async function discardOfferedDraft(): Promise<void> {
  const draft = useDraftStore.getState().offered;
  if (draft) await forgetDraft(draft.path);
}
