import { useMemo } from 'react';
import { useUiStore } from '../store/uiStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { groupPages } from './pageGroups.ts';
import { PageListGroup } from './PageListGroup.tsx';
import { SiteGroup, siteGroupPagePaths } from './SiteGroup.tsx';
import { WorkspaceButtons } from './PageActions.tsx';

/** The site's pages, grouped, with a search box. */
export function PageList() {
  const pages = useWorkspaceStore((s) => s.pages);
  const site = useWorkspaceStore((s) => s.site);
  const status = useWorkspaceStore((s) => s.status);
  const search = useUiStore((s) => s.pageSearch);
  const setSearch = useUiStore((s) => s.setPageSearch);
  // Without a search, the homepage and Contact Us are listed once, in the Site group.
  const groups = useMemo(() => {
    const inSiteGroup = search === '' ? siteGroupPagePaths(pages) : new Set<string>();
    return groupPages(pages.filter((p) => !inSiteGroup.has(p.path)), site, search);
  }, [pages, site, search]);

  return (
    <nav className="page-list" aria-label="Site pages">
      <WorkspaceButtons />
      <div className="page-list__search">
        <label htmlFor="page-search" className="visually-hidden">
          Search pages by title or address
        </label>
        <input
          id="page-search"
          type="search"
          className="field__input"
          placeholder="Search pages"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {status === 'loading' && <p className="page-list__note">Loading pages…</p>}
      {status === 'ready' && groups.length === 0 && <p className="page-list__note">No page matches “{search}”.</p>}
      <p id="markdown-marker-help" className="visually-hidden">
        Markdown page: opens converted for editing; saving writes it in the visual editor's format.
      </p>
      <p id="draft-marker-help" className="visually-hidden">
        Has an unsaved draft.
      </p>
      {status === 'ready' && search === '' && <SiteGroup />}
      {groups.map((group) => (
        <PageListGroup key={group.id} group={group} level={2} />
      ))}
    </nav>
  );
}
