import { useDraftStore } from '../store/draftStore.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { useStorageStore } from '../storage/siteStorage.ts';

/** Top bar: what happened to the open page's draft, and Rename / Delete for the open page. */
export function PageActions() {
  const storage = useStorageStore((s) => s.storage);
  const path = useOpenPageStore((s) => s.path);
  const canAct = useOpenPageStore((s) => (s.status === 'ready' || s.status === 'readOnly') && s.etag !== null);
  const restored = useDraftStore((s) => s.restoredPath !== null && s.restoredPath === path);
  const openDialog = useUiStore((s) => s.openDialog);
  return (
    <>
      {restored && (
        <span className="topbar__note" role="status">
          Draft restored
        </span>
      )}
      {storage?.renamePage && (
        <button type="button" className="button" disabled={!canAct} onClick={() => openDialog({ kind: 'renamePage' })}>
          Rename
        </button>
      )}
      {storage?.deletePage && (
        <button type="button" className="button" disabled={!canAct} onClick={() => openDialog({ kind: 'deletePage' })}>
          Delete
        </button>
      )}
    </>
  );
}

/** Page list: New page, Media and Trash (when the storage can do them). */
export function WorkspaceButtons() {
  const storage = useStorageStore((s) => s.storage);
  const openDialog = useUiStore((s) => s.openDialog);
  if (!storage) return null;
  return (
    <div className="page-list__actions">
      {storage.createPage && (
        <button type="button" className="button button--primary button--small" onClick={() => openDialog({ kind: 'newPage' })}>
          New page
        </button>
      )}
      {storage.fetchMedia && (
        <button type="button" className="button button--small" onClick={() => openDialog({ kind: 'media' })}>
          Media
        </button>
      )}
      {storage.fetchTrash && (
        <button type="button" className="button button--small" onClick={() => openDialog({ kind: 'trash' })}>
          Trash
        </button>
      )}
      {storage.kind !== 'server' && (
        <span className="page-list__mode">{storage.kind === 'folder' ? `Folder: ${storage.label}` : `File: ${storage.label} (Save downloads it)`}</span>
      )}
    </div>
  );
}
