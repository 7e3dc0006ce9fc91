import { requestOpenPage, useOpenPageStore } from '../store/openPageStore.ts';
import { isUnsavedEdit, useSiteFileEditsStore } from '../store/siteFileEditsStore.ts';
import { leaveSiteScreen, openSiteScreen, useSiteScreenStore } from '../store/siteScreenStore.ts';
import { useStorageStore } from '../storage/siteStorage.ts';
import { useUiStore } from '../store/uiStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import type { PageSummary } from '../storage/siteApi.ts';
import type { SiteFileName } from '../storage/siteApi.ts';

/** The Contact Us page: its layout says so, else its address or file name. */
function contactUsPage(pages: readonly PageSummary[]): PageSummary | undefined {
  return (
    pages.find((p) => p.layout === 'contact_us') ??
    pages.find((p) => p.permalink?.replace(/\/$/, '') === '/contact-us') ??
    pages.find((p) => /(^|\/)contact-us\.md$/.test(p.path))
  );
}

/** The pages the Site group lists (the homepage and Contact Us), which the page groups below leave out. */
export function siteGroupPagePaths(pages: readonly PageSummary[]): Set<string> {
  const paths = new Set<string>();
  if (pages.some((p) => p.path === 'index.md')) paths.add('index.md');
  const contact = contactUsPage(pages);
  if (contact) paths.add(contact.path);
  return paths;
}

const SCREENS: { name: SiteFileName; label: string }[] = [
  { name: 'navigation', label: 'Navigation' },
  { name: 'footer', label: 'Footer' },
  { name: 'settings', label: 'Settings' },
];

/** The "Site" group above the pages: the homepage, Contact Us, and the navigation, footer and settings screens. */
export function SiteGroup() {
  const pages = useWorkspaceStore((s) => s.pages);
  const openPath = useOpenPageStore((s) => s.path);
  const screen = useSiteScreenStore((s) => s.screen);
  const hasSiteFiles = useStorageStore((s) => Boolean(s.storage?.fetchSiteFile));
  const openDialog = useUiStore((s) => s.openDialog);
  const edits = useSiteFileEditsStore((s) => s.files);
  const home = pages.find((p) => p.path === 'index.md');
  const contact = contactUsPage(pages);
  const openPageEntry = (path: string) => {
    if (!leaveSiteScreen()) return;
    requestOpenPage(path, (nextPath) => openDialog({ kind: 'discardChanges', nextPath }));
  };
  const pageEntry = (label: string, page: PageSummary | undefined) =>
    page && (
      <li key={label}>
        <button
          type="button"
          className={`page-list__item${openPath === page.path && !screen ? ' is-current' : ''}`}
          aria-current={openPath === page.path && !screen ? 'page' : undefined}
          title={page.path}
          onClick={() => openPageEntry(page.path)}
        >
          <span className="page-list__title">{label}</span>
        </button>
      </li>
    );
  if (!home && !contact && !hasSiteFiles) return null;
  return (
    <section className="page-list__group page-list__group--level2" aria-labelledby="page-group-site">
      <h2 id="page-group-site" className="page-list__heading">
        Site
      </h2>
      <ul className="page-list__pages">
        {pageEntry('Homepage', home)}
        {pageEntry('Contact Us', contact)}
        {hasSiteFiles &&
          SCREENS.map(({ name, label }) => (
            <li key={name}>
              <button
                type="button"
                className={`page-list__item${screen === name ? ' is-current' : ''}`}
                aria-current={screen === name ? 'page' : undefined}
                aria-describedby={isUnsavedEdit(edits[name]) ? 'site-unsaved-help' : undefined}
                onClick={() => openSiteScreen(name)}
              >
                <span className="page-list__title">{label}</span>
                {/* Edits left on the screen are kept until saved; the mark says they are not saved yet. */}
                {isUnsavedEdit(edits[name]) && (
                  <span className="page-list__badge page-list__badge--draft" aria-hidden="true">
                    Unsaved
                  </span>
                )}
              </button>
            </li>
          ))}
      </ul>
      <p id="site-unsaved-help" className="visually-hidden">
        Has changes that are not saved yet: they are kept until you save them.
      </p>
    </section>
  );
}
