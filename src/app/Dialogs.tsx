import { lazy, Suspense } from 'react';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';

// Conflict and discard dialogs are rare: the conflict one brings the line differ with it.
const ConflictDialog = lazy(() => import('./ConflictDialog.tsx').then((m) => ({ default: m.ConflictDialog })));
const DiscardChangesDialog = lazy(() => import('./DiscardChangesDialog.tsx').then((m) => ({ default: m.DiscardChangesDialog })));
const LinkDialog = lazy(() => import('./LinkDialog.tsx'));
const PreviewDialog = lazy(() => import('./PreviewDialog.tsx'));
const ReviewDialog = lazy(() => import('./ReviewDialog.tsx'));
const NewPageDialog = lazy(() => import('./NewPageDialog.tsx'));
const MediaDialog = lazy(() => import('./MediaDialog.tsx'));
const MediaPickerDialog = lazy(() => import('./MediaDialog.tsx').then((m) => ({ default: m.MediaPickerDialog })));
const DraftCompareDialog = lazy(() => import('./DraftCompareDialog.tsx'));
const RenamePageDialog = lazy(() => import('./PageFileDialogs.tsx').then((m) => ({ default: m.RenamePageDialog })));
const DeletePageDialog = lazy(() => import('./PageFileDialogs.tsx').then((m) => ({ default: m.DeletePageDialog })));
const TrashDialog = lazy(() => import('./PageFileDialogs.tsx').then((m) => ({ default: m.TrashDialog })));
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog.tsx'));
const UpdateLinksDialog = lazy(() => import('./UpdateLinksDialog.tsx'));

/** The one open dialog, if any. Heavy dialogs load on first use. */
export function Dialogs() {
  const dialog = useUiStore((s) => s.dialog);
  const conflict = useOpenPageStore((s) => s.conflict);
  const mediaPicker = useUiStore((s) => s.mediaPicker);
  return (
    <Suspense fallback={null}>
      {dialog?.kind === 'link' && <LinkDialog />}
      {dialog?.kind === 'preview' && <PreviewDialog />}
      {dialog?.kind === 'review' && <ReviewDialog />}
      {dialog?.kind === 'shortcuts' && <ShortcutsDialog />}
      {dialog?.kind === 'discardChanges' && <DiscardChangesDialog nextPath={dialog.nextPath} />}
      {dialog?.kind === 'newPage' && <NewPageDialog />}
      {dialog?.kind === 'renamePage' && <RenamePageDialog />}
      {dialog?.kind === 'deletePage' && <DeletePageDialog />}
      {dialog?.kind === 'trash' && <TrashDialog />}
      {dialog?.kind === 'media' && <MediaDialog />}
      {dialog?.kind === 'draftCompare' && <DraftCompareDialog />}
      {dialog?.kind === 'updateLinks' && <UpdateLinksDialog from={dialog.from} to={dialog.to} pages={dialog.pages} />}
      {conflict && <ConflictDialog />}
      {mediaPicker && <MediaPickerDialog />}
    </Suspense>
  );
}
