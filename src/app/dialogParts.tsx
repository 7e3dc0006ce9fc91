/** Pieces the page-file dialogs share: an action that can fail, its error, and the Cancel/confirm row. */
import { useState } from 'react';

/** Runs a dialog's action: `busy` while it runs, and its failure in plain words in `error`. */
export function useDialogAction(): { busy: boolean; error: string | null; setError: (error: string | null) => void; run: (action: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** A failure, announced. */
export function DialogError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="field__error" role="alert">
      {error}
    </p>
  );
}

/**
 * Cancel, then the dialog's own action: a submit button inside a form, or a button with `onConfirm`.
 */
export function DialogButtons({ onCancel, label, disabled, danger, onConfirm, cancelFirst }: {
  onCancel: () => void;
  label: string;
  disabled?: boolean;
  danger?: boolean;
  onConfirm?: () => void;
  /** Focus starts on Cancel (for actions that are hard to undo). */
  cancelFirst?: boolean;
}) {
  return (
    <div className="modal__actions">
      <button type="button" className="button" onClick={onCancel} autoFocus={cancelFirst}>
        Cancel
      </button>
      <button
        type={onConfirm ? 'button' : 'submit'}
        className={`button ${danger ? 'button--danger' : 'button--primary'}`}
        disabled={disabled}
        onClick={onConfirm}
      >
        {label}
      </button>
    </div>
  );
}
