import { useEffect } from 'react';
import { requestOpenPage, useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { fetchLinkedPage, useWorkspaceStore } from '../store/workspaceStore.ts';
import { useStorageStore } from '../storage/siteStorage.ts';
import { addressOfPage, pageInAddress } from './pageAddress.ts';

const askFirst = (nextPath: string | null) => useUiStore.getState().openDialog({ kind: 'discardChanges', nextPath });
/** A single page file has no site to link into: its address stays as it is. */
const linkable = () => useStorageStore.getState().storage?.kind !== 'file';

/** Where a history entry stands among the app's entries, so Back and Forward can be undone. */
const indexOf = (state: unknown): number => {
  const index = (state as { pageIndex?: unknown } | null)?.pageIndex;
  return typeof index === 'number' ? index : 0;
};

/**
 * Keeps the address bar and the open page in step: opening a page adds a history entry; Back and
 * Forward open the page of their entry (asking first about unsaved changes, and returning to the open
 * page's entry when the person stays); once the site has loaded, the page the address names opens.
 */
export function usePageAddress(): void {
  useEffect(() => {
    let current = indexOf(window.history.state);
    // Steps back to the open page's entry when the person stays after Back or Forward.
    let stepsBack = 0;

    const openFromAddress = (event: PopStateEvent) => {
      const target = indexOf(event.state);
      stepsBack = current - target;
      current = target;
      const wanted = pageInAddress();
      const open = useOpenPageStore.getState();
      if (!linkable() || wanted === open.path) return;
      if (wanted !== null) requestOpenPage(wanted, askFirst);
      else if (open.status === 'ready' && open.saveState !== 'saved') askFirst(null);
      else open.close();
    };

    const stopPages = useOpenPageStore.subscribe((s, before) => {
      if (!linkable() || s.path === before.path || s.path === pageInAddress()) return;
      // The open page renamed (it stays open) or closed: its entry changes; another page opened: a new entry.
      const renamed = before.path !== null && before.status === 'ready' && s.status === 'ready';
      if (s.path === null || renamed) window.history.replaceState({ pageIndex: current }, '', addressOfPage(s.path));
      else window.history.pushState({ pageIndex: ++current }, '', addressOfPage(s.path));
    });

    // "Stay on this page" after Back or Forward: back to the entry of the page that is still open.
    const stopDialogs = useUiStore.subscribe((s, before) => {
      if (before.dialog?.kind !== 'discardChanges' || s.dialog !== null) return;
      queueMicrotask(() => {
        if (useOpenPageStore.getState().path !== pageInAddress() && stepsBack !== 0) window.history.go(stepsBack);
        stepsBack = 0;
      });
    });

    // The page named by the address opens once the site's pages are listed (reload, a shared link).
    let openedFromLink = false;
    const openLinked = () => {
      if (openedFromLink || !linkable() || useWorkspaceStore.getState().status !== 'ready') return;
      openedFromLink = true;
      const wanted = pageInAddress();
      if (wanted !== null && useOpenPageStore.getState().path === null) void useOpenPageStore.getState().openPath(wanted);
    };
    const stopWorkspace = useWorkspaceStore.subscribe(openLinked);
    // The page itself is asked for now, with the page list.
    const linked = pageInAddress();
    if (linked !== null && linkable() && useWorkspaceStore.getState().status !== 'ready') fetchLinkedPage(linked);
    openLinked();

    window.addEventListener('popstate', openFromAddress);
    return () => {
      window.removeEventListener('popstate', openFromAddress);
      stopPages();
      stopDialogs();
      stopWorkspace();
    };
  }, []);
}
