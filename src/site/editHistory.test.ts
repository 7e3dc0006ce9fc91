import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, HISTORY_LIMIT, historyShortcut, recordEdit, redoEdit, startHistory, undoEdit } from './editHistory.ts';

describe('edit history of a site screen', () => {
  it('undoes and redoes edits in order, and a new edit drops what could be redone', () => {
    let h = startHistory('a');
    h = recordEdit(h, 'b', null, 0);
    h = recordEdit(h, 'c', null, 10);
    expect(canUndo(h)).toBe(true);
    h = undoEdit(h);
    expect(h.present).toBe('b');
    h = undoEdit(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undoEdit(h)).toBe(h);
    h = redoEdit(h);
    expect(h.present).toBe('b');
    h = recordEdit(h, 'x', null, 20);
    expect(canRedo(h)).toBe(false);
    expect(h.past).toEqual(['a', 'b']);
  });

  it('joins quick edits of one field into one step, but not edits of two fields or slow ones', () => {
    let h = startHistory('');
    h = recordEdit(h, 'P', 'title', 0);
    h = recordEdit(h, 'Pa', 'title', 100);
    h = recordEdit(h, 'Par', 'title', 200);
    expect(h.past).toEqual(['']);
    h = recordEdit(h, 'Par!', 'button', 300);
    expect(h.past).toEqual(['', 'Par']);
    h = recordEdit(h, 'Par!?', 'button', 300 + 5000);
    expect(h.past).toEqual(['', 'Par', 'Par!']);
    expect(undoEdit(undoEdit(undoEdit(h))).present).toBe('');
  });

  it('an edit that changes nothing is not a step', () => {
    const h = startHistory('same');
    expect(recordEdit(h, 'same')).toBe(h);
  });

  it('keeps at most the limit of steps', () => {
    let h = startHistory('0');
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = recordEdit(h, String(i), null, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe('10');
  });

  it('reads the undo and redo shortcuts', () => {
    const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }>) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(historyShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(historyShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyShortcut(key('z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(historyShortcut(key('y', { ctrlKey: true }))).toBe('redo');
    expect(historyShortcut(key('z', {}))).toBe(null);
    expect(historyShortcut(key('z', { ctrlKey: true, altKey: true }))).toBe(null);
  });
});
