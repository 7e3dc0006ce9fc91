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

const UNSAVED_SCREEN = 'The changes on this screen are not saved. Leave it and lose them?';
const UNSAVED_PAGE = 'The open page has unsaved changes. Close it and lose them?';

/** Closes the open site screen, asking first when it has unsaved edits; false when the person stays. */
export function leaveSiteScreen(): boolean {
  const { screen, dirty } = useSiteScreenStore.getState();
  if (screen && dirty && !window.confirm(UNSAVED_SCREEN)) return false;
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
