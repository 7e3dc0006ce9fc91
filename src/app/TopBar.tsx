import { useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { PageActions } from './PageActions.tsx';
import { SaveButton } from './SaveButton.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { useEditedTitle } from './useEditedTitle.ts';

function usePageName(): string | null {
  const path = useOpenPageStore((s) => s.path);
  const summary = useWorkspaceStore((s) => s.pages.find((p) => p.path === path));
  const edited = useEditedTitle(path);
  if (!path) return null;
  return edited ?? summary?.title ?? path.split('/').pop() ?? path;
}

export function TopBar() {
  const siteTitle = useWorkspaceStore((s) => s.site?.title);
  const pageName = usePageName();
  const canPreview = useOpenPageStore((s) => s.status === 'ready');
  const openDialog = useUiStore((s) => s.openDialog);

  return (
    <header className="topbar">
      <div className="topbar__titles">
        <span className="topbar__site">{siteTitle ?? 'Isomer Page Editor'}</span>
        {pageName && (
          <>
            <span className="topbar__separator" aria-hidden="true">
              /
            </span>
            <h1 className="topbar__page">{pageName}</h1>
          </>
        )}
      </div>
      <div className="topbar__actions">
        <SaveStatus />
        <PageActions />
        <button type="button" className="button" aria-keyshortcuts="?" onClick={() => openDialog({ kind: 'shortcuts' })}>
          Keyboard shortcuts
        </button>
        <button type="button" className="button" disabled={!canPreview} onClick={() => openDialog({ kind: 'review' })}>
          Review changes
        </button>
        <button type="button" className="button" disabled={!canPreview} onClick={() => openDialog({ kind: 'preview' })}>
          Preview
        </button>
        <SaveButton />
      </div>
    </header>
  );
}
