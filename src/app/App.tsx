import { lazy, Suspense, useEffect } from 'react';
import './workspace.css';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useStorageStore } from '../storage/siteStorage.ts';
import { Dialogs } from './Dialogs.tsx';
import { EditorArea } from './EditorArea.tsx';
import { PageList } from './PageList.tsx';
import { SidePanel } from './SidePanel.tsx';
import { TopBar } from './TopBar.tsx';
import { useAppShortcuts } from './useAppShortcuts.ts';
import { usePageAddress } from './usePageAddress.ts';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';
import { useDiskChanges, useDraftAutosave } from './useWorkspaceSync.ts';

// Only shown without the site server; its folder and file backends load with it.
const StartScreen = lazy(() => import('./StartScreen.tsx').then((m) => ({ default: m.StartScreen })));

export function App() {
  const storage = useStorageStore((s) => s.storage);
  const load = useWorkspaceStore((s) => s.load);
  const status = useWorkspaceStore((s) => s.status);
  const error = useWorkspaceStore((s) => s.error);
  const pages = useWorkspaceStore((s) => s.pages);
  useEffect(() => {
    if (storage) void load();
  }, [load, storage]);
  // A single page file: open it straight away.
  useEffect(() => {
    if (storage?.kind === 'file' && status === 'ready' && pages[0] && useOpenPageStore.getState().path === null) {
      void useOpenPageStore.getState().openPath(pages[0].path);
    }
  }, [storage, status, pages]);
  useAppShortcuts();
  useUnsavedChangesGuard();
  usePageAddress();
  useDraftAutosave();
  useDiskChanges();

  if (!storage) {
    return (
      <div className="app">
        <Suspense fallback={null}>
          <StartScreen />
        </Suspense>
      </div>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main-content">
        Skip to the page content
      </a>
      <TopBar />
      {status === 'error' ? (
        <main id="main-content" className="app__error">
          <h1>The site could not be loaded</h1>
          <p role="alert">{error}</p>
          <button type="button" className="button button--primary" onClick={() => void load()}>
            Try again
          </button>
        </main>
      ) : (
        <div className="app__body">
          <PageList />
          <EditorArea />
          <SidePanel />
        </div>
      )}
      <Dialogs />
    </div>
  );
}
