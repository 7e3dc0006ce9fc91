import { create } from 'zustand';
import { loadPageCore, openPageEditorModule } from './pageCoreLoader.ts';
import type { PageSummary, SiteInfo } from '../storage/siteApi.ts';
import { siteStorage, useStorageStore } from '../storage/siteStorage.ts';
import { setSiteEmbedConfig } from '../core/siteEmbedHosts.ts';
import type { PageContent } from '../storage/siteApi.ts';

/** The page the address names (a reload, a shared link), asked for with the page list rather than after it. */
let linkedPage: { path: string; response: Promise<PageContent> } | null = null;
/** The site and its page list, asked for with a linked page before the app first renders. */
let earlySite: Promise<[SiteInfo, PageSummary[]]> | null = null;

/**
 * Asks the site server for the page the address names now, for `openPath` to take once the site is
 * listed, and for the site and its page list, for `load` to take: the page cannot open before both.
 */
export function fetchLinkedPage(path: string): void {
  const storage = useStorageStore.getState().storage;
  if (storage?.kind !== 'server' || linkedPage?.path === path) return;
  const response = storage.fetchPage(path);
  // (Whoever takes it sees a failure; untaken, it is not an unhandled rejection.)
  response.catch(() => undefined);
  linkedPage = { path, response };
  if (useWorkspaceStore.getState().status === 'idle' && earlySite === null) {
    earlySite = Promise.all([storage.fetchSite(), storage.fetchPages()]);
    earlySite.catch(() => undefined);
  }
}

/** The response to the address's page if it was asked for at start and not taken yet; taken once. */
export function takeLinkedPage(path: string): Promise<PageContent> | null {
  const taken = linkedPage?.path === path ? linkedPage.response : null;
  linkedPage = null;
  return taken;
}

/** The site being edited and its list of pages. */
export interface WorkspaceState {
  site: SiteInfo | null;
  pages: PageSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load: () => Promise<void>;
  refreshPages: () => Promise<void>;
}

export const useWorkspaceStore = create<WorkspaceState>((set) => ({
  site: null,
  pages: [],
  status: 'idle',
  error: null,
  load: async () => {
    set({ status: 'loading', error: null });
    // Fetch the editor code while the page list loads and the person picks a page.
    void loadPageCore();
    void openPageEditorModule.load();
    try {
      const storage = siteStorage();
      // The folder backend needs the site's settings before it can summarise pages.
      // (What was asked for at start is taken once: "Try again" asks anew.)
      const early = earlySite;
      earlySite = null;
      const [site, pages] =
        storage.kind !== 'server'
          ? [await storage.fetchSite(), await storage.fetchPages()]
          : await (early ?? Promise.all([storage.fetchSite(), storage.fetchPages()]));
      // Before any page is read: the hosts the site adds to the embed allowlist.
      setSiteEmbedConfig(site.embeds ?? { hosts: [], error: null });
      set({ site, pages, status: 'ready' });
    } catch (err) {
      set({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  },
  refreshPages: async () => {
    try {
      set({ pages: await siteStorage().fetchPages() });
    } catch {
      // The list stays as it was; the next load reports the problem.
    }
  },
}));

export function pageSummary(path: string | null): PageSummary | undefined {
  if (path === null) return undefined;
  return useWorkspaceStore.getState().pages.find((p) => p.path === path);
}
