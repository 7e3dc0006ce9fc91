import { discardOfferedDraft, forgetDraft, restoreOfferedDraft, useDraftStore } from '../store/draftStore.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { usePresenceStore } from '../store/presenceStore.ts';
import { presenceNote } from './PageListGroup.tsx';
import { useUiStore } from '../store/uiStore.ts';

/** A date and time, always both: a time alone reads as today even when the draft is older. */
export function draftTime(ms: number): string {
  return new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/** Above the open page: a draft to restore, and news that the file changed on disk. */
export function WorkspaceNotices() {
  const path = useOpenPageStore((s) => s.path);
  const status = useOpenPageStore((s) => s.status);
  const etag = useOpenPageStore((s) => s.etag);
  const dirty = useOpenPageStore((s) => s.saveState !== 'saved');
  const offered = useDraftStore((s) => (s.offered && s.offered.path === path ? s.offered : null));
  const diskChange = useDraftStore((s) => (s.diskChange && s.diskChange.path === path ? s.diskChange : null));
  const draftError = useDraftStore((s) => s.draftError);
  const openDialog = useUiStore((s) => s.openDialog);
  const others = usePresenceStore((s) => (path ? presenceNote(s.editing[path], s.changedBy[path]) : null));
  if (!path) return null;
  const changedOnDisk = diskChange !== null && diskChange.etag !== etag;

  return (
    <>
      {others && (
        <section className="notice notice--warning workspace-notice" aria-label="Others on this page">
          <p>
            <strong>Careful: {others}.</strong> Saving may lead to a conflict to resolve.
          </p>
        </section>
      )}
      {offered && status === 'ready' && (
        <section className="notice notice--info workspace-notice" aria-label="Unsaved draft">
          <p>
            <strong>Restore the draft from {draftTime(offered.savedAt)}?</strong> This page has changes that were not saved.
          </p>
          <div className="workspace-notice__actions">
            <button type="button" className="button button--primary button--small" onClick={restoreOfferedDraft}>
              Restore
            </button>
            <button type="button" className="button button--small" onClick={() => openDialog({ kind: 'draftCompare' })}>
              Compare
            </button>
            <button type="button" className="button button--small" onClick={() => void discardOfferedDraft()}>
              Discard
            </button>
          </div>
        </section>
      )}
      {offered && status === 'readOnly' && (
        <div className="notice notice--warning workspace-notice" role="status">
          <p>A draft from {draftTime(offered.savedAt)} exists for this page, but the page opens read-only here.</p>
          <button type="button" className="button button--small" onClick={() => void discardOfferedDraft()}>
            Discard the draft
          </button>
        </div>
      )}
      {changedOnDisk && (
        <div className="notice notice--warning workspace-notice" role="alert">
          {dirty ? (
            <p>This page changed on disk. Your changes are not lost: saving will ask whether to keep yours, take theirs, or compare them.</p>
          ) : (
            <>
              <p>This page changed on disk.</p>
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() => {
                  void forgetDraft(path);
                  void useOpenPageStore.getState().openPath(path);
                }}
              >
                Reload
              </button>
            </>
          )}
        </div>
      )}
      {draftError && (
        <p className="notice notice--warning workspace-notice" role="status">
          Drafts cannot be kept in this browser ({draftError}). Save often.
        </p>
      )}
    </>
  );
}
