// The array diff alone: the rest of the library loads with the screens that compare texts.
import { diffArrays } from 'diff/lib/diff/array.js';

/** One item of two compared versions: in both, only in the old one (removed) or only in the new one (added). */
export interface DiffItem<T> {
  type: 'same' | 'added' | 'removed';
  value: T;
}

/** A line of two compared versions of a file. */
export interface DiffLine {
  type: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Beyond this many edits, or this much time, the diff gives up aligning and shows the old part
 * removed and the new one added: a page rewritten from top to bottom needs no alignment.
 */
const MAX_EDIT_LENGTH = 2_000;
const TIMEOUT_MS = 500;

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Two sequences compared item by item (`same` compares two items; strict equality by default). */
export function sequenceDiff<T>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean = (a, b) => a === b): DiffItem<T>[] {
  const changes = diffArrays(before as T[], after as T[], { comparator: same, maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS });
  if (!changes) {
    return [...before.map((value) => ({ type: 'removed' as const, value })), ...after.map((value) => ({ type: 'added' as const, value }))];
  }
  return changes.flatMap((change) => change.value.map((value) => ({ type: change.added ? 'added' : change.removed ? 'removed' : 'same', value }) as DiffItem<T>));
}

/** Lines of `before` and `after`, each marked same, removed (only in before) or added (only in after). */
export function lineDiff(before: string, after: string): DiffLine[] {
  return sequenceDiff(splitLines(before), splitLines(after)).map(({ type, value }) => ({ type, text: value }));
}
