import { resolveConflict } from '../store/savePageAction.ts';
import { Modal } from './Modal.tsx';

/** The file changed on disk after it was opened: keep these edits, take the file's, or decide later. */
export function ConflictDialog() {
  return (
    <Modal title="This page changed on disk since you opened it" onClose={() => void resolveConflict('cancel')} alert>
      <p className="modal__help">
        Someone or something else saved this page while you were editing it. Choose which version to keep.
      </p>
      <ul className="modal__choices">
        <li>
          <strong>Keep mine</strong>: save your version over the other one. Their changes are lost.
        </li>
        <li>
          <strong>Take theirs</strong>: open the version on disk. Your unsaved changes are lost.
        </li>
      </ul>
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => void resolveConflict('cancel')}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => void resolveConflict('takeTheirs')}>
          Take theirs
        </button>
        <button type="button" className="button button--primary" onClick={() => void resolveConflict('keepMine')}>
          Keep mine
        </button>
      </div>
    </Modal>
  );
}
