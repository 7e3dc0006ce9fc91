import { useOpenPageStore } from '../store/openPageStore.ts';

const LABELS = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' } as const;

/** "Saved", "Unsaved changes" or "Saving…", announced politely to screen readers. */
export function SaveStatus() {
  const status = useOpenPageStore((s) => s.status);
  const saveState = useOpenPageStore((s) => s.saveState);
  const hasChanges = useOpenPageStore((s) => s.dirty || (s.file !== null && s.opened !== null && s.file !== s.opened.file));
  if (status !== 'ready') {
    return <span className="save-status" role="status" />;
  }
  // After a failed save the edits are still there: say so next to the reason.
  const label = saveState === 'error' ? (hasChanges ? LABELS.unsaved : LABELS.saved) : LABELS[saveState];
  return (
    <span className={`save-status save-status--${saveState}`} role="status" data-testid="save-status">
      {label}
    </span>
  );
}
