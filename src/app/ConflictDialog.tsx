import { useState } from 'react';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { resolveConflict, textToSave } from '../store/savePageAction.ts';
import { DiffView } from './DiffView.tsx';
import { Modal } from './Modal.tsx';

/** The file changed on disk after it was opened: keep these edits, take the file's, compare, or decide later. */
export function ConflictDialog() {
  const conflict = useOpenPageStore((s) => s.conflict);
  const [compare, setCompare] = useState<{ mine: string; theirs: string } | null>(null);
  return (
    <Modal
      title="This page changed on disk since you opened it"
      onClose={() => void resolveConflict('cancel')}
      alert
      className={compare ? 'modal--wide' : undefined}
    >
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
        <li>
          <strong>Compare</strong>: see the lines that differ before choosing.
        </li>
      </ul>
      {compare && <DiffView before={compare.theirs} after={compare.mine} beforeLabel="theirs (on disk)" afterLabel="mine" />}
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => void resolveConflict('cancel')}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={compare !== null}
          disabled={!conflict?.current}
          onClick={() => setCompare(compare ? null : { mine: textToSave() ?? '', theirs: conflict?.current?.text ?? '' })}
        >
          {compare ? 'Hide comparison' : 'Compare'}
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
