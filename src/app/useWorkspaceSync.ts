/**
 * Background work for the open site: drafts kept while editing, drafts offered on opening, and
 * changes on disk reported by the storage (the site server's watcher).
 */
import { useEffect } from 'react';
import { forgetDraft, keepDraftNow, offerDraftFor, refreshDraftPaths, useDraftStore } from '../store/draftStore.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useStorageStore } from '../storage/siteStorage.ts';
import { draftTimer } from './draftTimer.ts';

export function useDraftAutosave(): void {
  useEffect(() => {
    // The promise is "within 2 s" of a change.
    const drafts = draftTimer((now) => void keepDraftNow(now));

    // Body edits: listen on whichever editor is live.
    let detach: (() => void) | null = null;
    const attach = (editor: ReturnType<typeof useEditorStore.getState>['editor']) => {
      detach?.();
      detach = null;
      if (!editor) return;
      const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
        if (transaction.docChanged) drafts.changed();
      };
      editor.on('transaction', onTransaction);
      detach = () => editor.off('transaction', onTransaction);
    };
    attach(useEditorStore.getState().editor);
    const stopEditor = useEditorStore.subscribe((s, prev) => {
      if (s.editor !== prev.editor) attach(s.editor);
    });

    const stopPage = useOpenPageStore.subscribe((s, prev) => {
      // Front-matter edits (not the front matter of a just-opened page being parsed: nothing changed).
      const parsedOnly = prev.frontMatterPending && !s.frontMatterPending;
      if (s.file !== prev.file && !parsedOnly && s.path === prev.path && s.loadCount === prev.loadCount && s.status === 'ready') drafts.changed();
      // A successful save: the draft is no longer needed.
      if (prev.saveState === 'saving' && s.saveState === 'saved' && s.path) {
        drafts.cancel();
        void forgetDraft(s.path);
      }
      // A page was (re)loaded: offer its draft, forget notes about the previous one.
      if (s.loadCount !== prev.loadCount || s.path !== prev.path) {
        // The page changed under the timer: what it would keep is gone (discarded or saved).
        if (prev.path !== s.path) drafts.cancel();
        useDraftStore.setState({ offered: null, restoredPath: null, diskChange: null });
        if (s.path && (s.status === 'ready' || s.status === 'readOnly')) void offerDraftFor(s.path);
      }
    });

    const onVisibility = () => {
      if (document.visibilityState === 'hidden') drafts.flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', drafts.flush);
    return () => {
      stopEditor();
      stopPage();
      detach?.();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', drafts.flush);
      drafts.cancel();
    };
  }, []);

  // Marks in the page list, once the site is known.
  const siteReady = useWorkspaceStore((s) => s.status === 'ready');
  useEffect(() => {
    if (siteReady) void refreshDraftPaths();
  }, [siteReady]);
}

/** Listens for page files changed on disk (server mode) and keeps the page list and open page told. */
export function useDiskChanges(): void {
  const storage = useStorageStore((s) => s.storage);
  const siteReady = useWorkspaceStore((s) => s.status === 'ready');
  useEffect(() => {
    if (!siteReady || !storage?.watch) return;
    let refresh: ReturnType<typeof setTimeout> | null = null;
    const stop = storage.watch((e) => {
      if (refresh === null) {
        refresh = setTimeout(() => {
          refresh = null;
          void useWorkspaceStore.getState().refreshPages();
        }, 300);
      }
      if (e.type !== 'changed') return;
      const page = useOpenPageStore.getState();
      if (page.path !== e.path || page.etag === e.etag || page.saveState === 'saving') return;
      useDraftStore.setState({ diskChange: { path: e.path, etag: e.etag } });
    });
    return () => {
      stop();
      if (refresh !== null) clearTimeout(refresh);
    };
  }, [storage, siteReady]);
}
