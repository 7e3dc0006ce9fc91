import { create } from 'zustand';
import type { SiteFileName } from '../storage/siteApi.ts';
import { hasUnsavedChanges, useOpenPageStore } from './openPageStore.ts';

/** Which site screen (navigation, footer, settings) fills the editor area, and whether it has unsaved edits. */
interface SiteScreenState {
  screen: SiteFileName | null;
  dirty: boolean;
  setDirty: (dirty: boolean) => void;
}

export const useSiteScreenStore = create<SiteScreenState>((set) => ({
  screen: null,
  dirty: false,
  setDirty: (dirty) => set({ dirty }),
}));

const UNSAVED_PAGE = 'The open page has unsaved changes. Close it and lose them?';

/**
 * Closes the open site screen. Its unsaved edits stay (in `siteFileEditsStore.ts`) for when it opens
 * again, so nothing is asked. Returns true: callers may go on.
 */
export function leaveSiteScreen(): boolean {
  useSiteScreenStore.setState({ screen: null, dirty: false });
  return true;
}

/** Opens a site screen in place of the open page, asking first about unsaved edits of either. */
export function openSiteScreen(screen: SiteFileName): void {
  if (useSiteScreenStore.getState().screen === screen) return;
  if (!leaveSiteScreen()) return;
  if (hasUnsavedChanges() && !window.confirm(UNSAVED_PAGE)) return;
  useOpenPageStore.getState().close();
  useSiteScreenStore.setState({ screen, dirty: false });
}

// A page opened by other means (a new page, a restored one, the address) takes the place of the screen.
useOpenPageStore.subscribe((state, previous) => {
  if (state.path !== null && state.path !== previous.path && useSiteScreenStore.getState().screen !== null) {
    useSiteScreenStore.setState({ screen: null, dirty: false });
  }
});
