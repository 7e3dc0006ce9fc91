import type { Editor } from '@tiptap/core';
import { useRef, useSyncExternalStore } from 'react';

/**
 * What a toolbar, menu or panel shows of the editor's state, read once per frame after the editor has
 * painted rather than inside every transaction made while typing in it: a keystroke on a long page
 * never waits for the selectors of the chrome around it (a dozen of them, each on every transaction).
 * The component re-renders only when what its selector returns changes (compared as data: arrays and
 * plain objects by their contents).
 */
export function useEditorValue<T>(editor: Editor, selector: (editor: Editor) => T, equal: (a: T, b: T) => boolean = sameData): T {
  const ticks = ticksOf(editor);
  // The last value, kept while it stays equal: React may ask for the snapshot several times a render,
  // and a component's inline selector, new each render, is read afresh once then.
  const last = useRef<{ editor: Editor; tick: number; selector: (editor: Editor) => T; value: T } | null>(null);
  const getSnapshot = (): T => {
    const known = last.current;
    if (known && known.editor === editor && known.tick === ticks.tick && known.selector === selector) return known.value;
    const next = selector(editor);
    const value = known && known.editor === editor && equal(known.value, next) ? known.value : next;
    last.current = { editor, tick: ticks.tick, selector, value };
    return value;
  };
  return useSyncExternalStore(ticks.subscribe, getSnapshot);
}

interface Ticks {
  /** Counts the frames in which the editor had transactions. */
  tick: number;
  subscribe: (listener: () => void) => () => void;
}

const ticksByEditor = new WeakMap<Editor, Ticks>();

/**
 * One notice per frame in which the editor had transactions, after that frame is painted; at once for
 * a transaction while the editor does not have the focus.
 */
function ticksOf(editor: Editor): Ticks {
  const known = ticksByEditor.get(editor);
  if (known) return known;
  const listeners = new Set<() => void>();
  let scheduled = false;
  const ticks: Ticks = {
    tick: 0,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const notify = () => {
    scheduled = false;
    // A page closed meanwhile: its toolbars are going too, and its editor answers nothing.
    if (editor.isDestroyed) return;
    ticks.tick++;
    for (const listener of [...listeners]) listener();
  };
  editor.on('transaction', () => {
    // A change made from outside the canvas (a panel's checkbox or field, a dialog) shows at once: a
    // control that shows editor state would otherwise show its old value until the next frame.
    if (!editor.isFocused) {
      notify();
      return;
    }
    if (scheduled) return;
    scheduled = true;
    afterNextPaint(notify);
  });
  ticksByEditor.set(editor, ticks);
  return ticks;
}

function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/** Equal as data: the same primitive, or arrays and plain objects with equal contents. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
