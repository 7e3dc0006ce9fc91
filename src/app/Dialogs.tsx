import { lazy, Suspense } from 'react';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { DiscardChangesDialog } from './DiscardChangesDialog.tsx';

const LinkDialog = lazy(() => import('./LinkDialog.tsx'));
const PreviewDialog = lazy(() => import('./PreviewDialog.tsx'));

/** The one open dialog, if any. Heavy dialogs load on first use. */
export function Dialogs() {
  const dialog = useUiStore((s) => s.dialog);
  const conflict = useOpenPageStore((s) => s.conflict);
  return (
    <Suspense fallback={null}>
      {dialog?.kind === 'link' && <LinkDialog />}
      {dialog?.kind === 'preview' && <PreviewDialog />}
      {dialog?.kind === 'discardChanges' && <DiscardChangesDialog nextPath={dialog.nextPath} />}
      {conflict && <ConflictDialog />}
    </Suspense>
  );
}
