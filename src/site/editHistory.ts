/**
 * Undo and redo for a site screen: the file's text before and after each edit. Edits that follow one
 * another quickly under the same key (typing into one field) make one step, as a text editor does.
 */

export interface EditHistory {
  past: string[];
  present: string;
  future: string[];
  /** The key and time of the last recorded edit, for joining the next one to it. */
  lastKey: string | null;
  lastAt: number;
}

/** Edits closer together than this, under the same key, are undone together. */
export const JOIN_MS = 1000;
/** The oldest steps are forgotten beyond this many. */
export const HISTORY_LIMIT = 200;

export function startHistory(text: string): EditHistory {
  return { past: [], present: text, future: [], lastKey: null, lastAt: 0 };
}

/** Records `next` as the new text. `key` names what was edited (a field's path); null never joins. */
export function recordEdit(history: EditHistory, next: string, key: string | null = null, at = Date.now()): EditHistory {
  if (next === history.present) return history;
  const joins = key !== null && key === history.lastKey && at - history.lastAt < JOIN_MS && history.past.length > 0;
  const past = joins ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key, lastAt: at };
}

export const canUndo = (history: EditHistory) => history.past.length > 0;
export const canRedo = (history: EditHistory) => history.future.length > 0;

export function undoEdit(history: EditHistory): EditHistory {
  if (!canUndo(history)) return history;
  const previous = history.past[history.past.length - 1]!;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastKey: null, lastAt: 0 };
}

export function redoEdit(history: EditHistory): EditHistory {
  if (!canRedo(history)) return history;
  const [next, ...future] = history.future;
  return { past: [...history.past, history.present], present: next!, future, lastKey: null, lastAt: 0 };
}

/** True for the undo shortcut (Ctrl+Z, ⌘Z); `redo` for Ctrl+Shift+Z, ⌘⇧Z and Ctrl+Y. */
export function historyShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
