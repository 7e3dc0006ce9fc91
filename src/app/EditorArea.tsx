import { lazy, Suspense } from 'react';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { openPageEditorModule } from '../store/pageCoreLoader.ts';
import { useSiteScreenStore } from '../store/siteScreenStore.ts';
import { ReadOnlyPage } from './ReadOnlyPage.tsx';
import { useDraftStore } from '../store/draftStore.ts';
import { usePresenceStore } from '../store/presenceStore.ts';
import { presenceNote } from './PageListGroup.tsx';

// (Loaded before a page is marked ready: see `openPageEditorModule`. Lazy only should that change.)
const LazyOpenPageEditor = lazy(openPageEditorModule.load);
const SiteFileScreen = lazy(() => import('./site/SiteFileScreen.tsx'));
// Most pages open with no draft to offer and no news from disk: the notices load when there is some.
const WorkspaceNotices = lazy(() => import('./WorkspaceNotices.tsx').then((m) => ({ default: m.WorkspaceNotices })));

/** The middle of the screen: the toolbar, notices about the page, and the editing canvas. */
export function EditorArea() {
  const status = useOpenPageStore((s) => s.status);
  const message = useOpenPageStore((s) => s.message);
  const opened = useOpenPageStore((s) => s.opened);
  const loadCount = useOpenPageStore((s) => s.loadCount);
  const siteScreen = useSiteScreenStore((s) => s.screen);
  const hasDraftNotices = useDraftStore((s) => s.offered !== null || s.diskChange !== null || s.draftError !== null);
  const path = useOpenPageStore((s) => s.path);
  // In team mode, others editing the page or changing it in their change sets are a notice too.
  const othersHere = usePresenceStore((s) => (path ? presenceNote(s.editing[path], s.changedBy[path]) !== null : false));
  const hasNotices = hasDraftNotices || othersHere;
  const OpenPageEditor = openPageEditorModule.loaded()?.default;

  if (siteScreen) {
    return (
      <main id="main-content" className="editor-area" tabIndex={-1}>
        <Suspense fallback={<p className="editor-area__empty" role="status">Opening…</p>}>
          <SiteFileScreen key={siteScreen} name={siteScreen} />
        </Suspense>
      </main>
    );
  }

  return (
    <main id="main-content" className="editor-area" tabIndex={-1}>
      {status === 'none' && (
        <div className="editor-area__empty">
          <h2>Choose a page to edit</h2>
          <p>Pick a page from the list on the left. You will see it as it looks on the site and can change it here.</p>
        </div>
      )}
      {status === 'loading' && <p className="editor-area__empty" role="status">Opening the page…</p>}
      {status === 'error' && (
        <div className="notice notice--error" role="alert">
          <p>{message}</p>
        </div>
      )}
      {hasNotices && (
        <Suspense fallback={null}>
          <WorkspaceNotices />
        </Suspense>
      )}
      {status === 'readOnly' && <ReadOnlyPage />}
      {status === 'ready' && opened && (OpenPageEditor ? (
        <OpenPageEditor opened={opened} loadCount={loadCount} />
      ) : (
        <Suspense fallback={<p className="editor-area__empty" role="status">Opening the editor…</p>}>
          <LazyOpenPageEditor opened={opened} loadCount={loadCount} />
        </Suspense>
      ))}
    </main>
  );
}
