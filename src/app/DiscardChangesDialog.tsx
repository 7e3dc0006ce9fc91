import { forgetDraft } from '../store/draftStore.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { Modal } from './Modal.tsx';

/** Asked before opening another page while this one has unsaved changes. */
export function DiscardChangesDialog({ nextPath }: { nextPath: string | null }) {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const openPath = useOpenPageStore((s) => s.openPath);
  return (
    <Modal title="You have unsaved changes" onClose={closeDialog} alert>
      <p className="modal__help">If you open another page now, the changes to this page are lost. Save first to keep them.</p>
      <div className="modal__actions">
        <button type="button" className="button" onClick={closeDialog}>
          Stay on this page
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            closeDialog();
            const current = useOpenPageStore.getState().path;
            if (current) void forgetDraft(current);
            if (nextPath === null) useOpenPageStore.getState().close();
            else void openPath(nextPath);
          }}
        >
          Discard changes
        </button>
      </div>
    </Modal>
  );
}
