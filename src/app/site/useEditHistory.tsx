import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { canRedo, canUndo, historyShortcut, recordEdit, redoEdit, startHistory, undoEdit, type EditHistory } from '../../site/editHistory.ts';

export interface EditHistoryControls {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** For the screen's container: Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes, inside the screen only. */
  onKeyDown: (event: KeyboardEvent) => void;
}

/** What was edited: the focused field's id, so typing into one field is undone as one step. */
const focusKey = () => (typeof document !== 'undefined' && document.activeElement?.id) || null;

/**
 * Undo and redo over a screen's text. Every change of `text` is a step (unless it came from undo or
 * redo); `apply` sets the text back. A new `resetKey` (another file) starts a fresh history.
 */
export function useEditHistory(text: string, apply: (text: string) => void, resetKey: unknown): EditHistoryControls {
  const [history, setHistory] = useState<EditHistory>(() => startHistory(text));
  const current = useRef(history);
  current.current = history;
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => setHistory(startHistory(textRef.current)), [resetKey]);
  useEffect(() => setHistory((h) => (text === h.present ? h : recordEdit(h, text, focusKey()))), [text]);

  const step = useCallback(
    (move: (h: EditHistory) => EditHistory) => {
      const next = move(current.current);
      if (next === current.current) return;
      current.current = next;
      setHistory(next);
      apply(next.present);
    },
    [apply],
  );
  const undo = useCallback(() => step(undoEdit), [step]);
  const redo = useCallback(() => step(redoEdit), [step]);
  const onKeyDown = (event: KeyboardEvent) => {
    const action = historyShortcut(event);
    if (!action) return;
    event.preventDefault();
    if (action === 'undo') undo();
    else redo();
  };
  return { undo, redo, canUndo: canUndo(history), canRedo: canRedo(history), onKeyDown };
}

/** The Undo and Redo buttons of a site screen. */
export function HistoryButtons({ history }: { history: EditHistoryControls }) {
  return (
    <span className="site-history" role="group" aria-label="History">
      <button type="button" className="button" disabled={!history.canUndo} onClick={history.undo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className="button" disabled={!history.canRedo} onClick={history.redo} aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
    </span>
  );
}
