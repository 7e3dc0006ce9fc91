import { countLinksTo, pointLinks } from '../core/linkRewrite.ts';
import { samePermalink } from '../core/pageRules.ts';
import { siteStorage } from '../storage/siteStorage.ts';
import { useUiStore } from './uiStore.ts';
import { useWorkspaceStore } from './workspaceStore.ts';

/** A page that links to an address, and how many times. */
export interface LinkingPage {
  path: string;
  title: string;
  links: number;
}

/** What updating one page's links came to. */
export interface LinkUpdateResult {
  path: string;
  /** Null when the page was saved; otherwise why not, in plain words. */
  problem: string | null;
}

/** The site's pages (other than `except`) whose bodies link to `address`. */
export async function pagesLinkingTo(address: string, except: string): Promise<LinkingPage[]> {
  const storage = siteStorage();
  const found: LinkingPage[] = [];
  for (const summary of useWorkspaceStore.getState().pages) {
    if (summary.path === except) continue;
    try {
      const links = countLinksTo((await storage.fetchPage(summary.path)).text, address);
      if (links > 0) found.push({ path: summary.path, title: summary.title, links });
    } catch {
      // A page that cannot be read now is not offered for updating.
    }
  }
  return found;
}

/** After the open page's address changed from `from` to `to`: offers to update the pages that link to `from`. */
export async function offerLinkUpdates(from: string, to: string, path: string): Promise<void> {
  if (siteStorage().kind === 'file') return; // a single page file has no other pages
  if (from.trim() === '' || to.trim() === '' || samePermalink(from, to)) return;
  const pages = await pagesLinkingTo(from, path);
  if (pages.length > 0 && useUiStore.getState().dialog === null) useUiStore.getState().openDialog({ kind: 'updateLinks', from, to, pages });
}

/**
 * Points each page's links to `from` at `to`, each page saved as its own edit of the file read just
 * before (a page changed meanwhile is read again, never overwritten blindly).
 */
export async function updateLinks(pages: readonly LinkingPage[], from: string, to: string): Promise<LinkUpdateResult[]> {
  const storage = siteStorage();
  const results: LinkUpdateResult[] = [];
  for (const { path } of pages) {
    try {
      const current = await storage.fetchPage(path);
      const { text, count } = pointLinks(current.text, from, to);
      if (count === 0) {
        results.push({ path, problem: 'it no longer links to the old address' });
        continue;
      }
      const saved = await storage.savePage(path, text, current.etag);
      results.push({ path, problem: saved.ok ? null : 'it changed on disk while it was being updated; try again' });
    } catch (err) {
      results.push({ path, problem: err instanceof Error ? err.message : String(err) });
    }
  }
  void useWorkspaceStore.getState().refreshPages();
  return results;
}
