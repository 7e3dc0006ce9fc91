import { useEffect } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { Dialogs } from './Dialogs.tsx';
import { EditorArea } from './EditorArea.tsx';
import { PageList } from './PageList.tsx';
import { SidePanel } from './SidePanel.tsx';
import { TopBar } from './TopBar.tsx';
import { useAppShortcuts } from './useAppShortcuts.ts';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';

export function App() {
  const load = useWorkspaceStore((s) => s.load);
  const status = useWorkspaceStore((s) => s.status);
  const error = useWorkspaceStore((s) => s.error);
  useEffect(() => {
    void load();
  }, [load]);
  useAppShortcuts();
  useUnsavedChangesGuard();

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
