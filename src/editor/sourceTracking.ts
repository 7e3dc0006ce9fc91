import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { BodyCodec, BodyReportItem, RenderCheckOutcome } from '../core/bodyCodec.ts';
import { readPendingSelection } from './selectionBeforeKeys.ts';

/** The open page's source tracking while it still has work to do. */
let pending: { editor: Editor; finish: () => void } | null = null;

/**
 * Called when the checks put blocks back as raw blocks or found something to report. `before` is the
 * document they were put into (the editor's document is the new one).
 */
export type RenderCheckListener = (report: BodyReportItem[], before: PMNode) => void;

/**
 * Finishes in slices while the browser is idle, never blocking a keystroke, what import left for later
 * and the page does not need to show: first each block's render-back check (`BodyCodec.checkRenders`:
 * a block that would lose something when edited goes back to being a raw block), then the containers'
 * child sources (`BodyCodec.trackChildSources`). Sets the `isomer:save-ready` mark once done; a save
 * before then finishes the rest first (`finishSourceTracking`). An edit before then has the blocks it
 * changes checked first, so that nobody edits a block that should not be; the others wait for idle time.
 * Returns a function that stops it.
 */
export function trackSourcesWhenIdle(editor: Editor, codec: BodyCodec, onChecked: RenderCheckListener = () => {}): () => void {
  let handle: number | null = null;
  let checked = false;
  // Blocks found not to render back by checks run just before an edit: put back once the edit is in.
  let afterEdit: { outcome: RenderCheckOutcome; at: number[] } | null = null;

  const putBack = (outcome: RenderCheckOutcome, locate: (node: PMNode, index: number) => number | null) => {
    if (outcome.keptRaw.length === 0 && outcome.report.length === 0) return;
    const before = editor.state.doc;
    const tr = editor.state.tr;
    // Last first, so that the positions of the earlier ones stay as they are.
    outcome.keptRaw.forEach((_each, i) => {
      const { node, raw } = outcome.keptRaw[outcome.keptRaw.length - 1 - i]!;
      const pos = locate(node, outcome.keptRaw.length - 1 - i);
      if (pos === null) return;
      const current = tr.doc.nodeAt(pos);
      if (current && current.type === node.type) tr.replaceWith(pos, pos + current.nodeSize, raw);
    });
    if (tr.docChanged) editor.view.dispatch(tr.setMeta('addToHistory', false).setMeta('isomer:renderChecks', true));
    onChecked(outcome.report, before);
  };
  const positionIn = (doc: PMNode) => (node: PMNode) => {
    let found: number | null = null;
    doc.forEach((child, offset) => {
      if (child === node) found = offset;
    });
    return found;
  };
  const runChecks = (more: () => boolean): boolean => {
    if (checked) return true;
    const outcome = codec.checkRenders(editor.state.doc, more);
    checked = outcome.done;
    // Drawing the blocks put back puts the editor's caret back on the page: a click the editor has not
    // heard of yet (the browser reports it a moment later) would be undone. It is read first. (Not in
    // `afterEditIn`: that runs inside an edit, whose caret is the one on the page.)
    if (outcome.keptRaw.length > 0) readPendingSelection(editor.view);
    putBack(outcome, positionIn(editor.state.doc));
    return checked;
  };

  // An edit before the checks are done waits for those of the blocks it changes (they run on the blocks
  // as read; a check is kept by its block, which an edit replaces). The blocks they put back are replaced
  // once the edit is in: where the edit typed into one, that edit is undone. The blocks the edit leaves
  // as they were are the same blocks after it, and are checked when the browser is idle, as before.
  const beforeEdit = ({ transaction, nextState }: { transaction: Transaction; nextState: EditorState }) => {
    if (checked || !transaction.docChanged || transaction.getMeta('isomer:renderChecks')) return;
    const doc = editor.state.doc;
    const kept = new Set<PMNode>();
    nextState.doc.forEach((block) => kept.add(block));
    const outcome = codec.checkRenders(doc, () => true, (block) => !kept.has(block));
    const at = positionIn(doc);
    afterEdit = { outcome, at: outcome.keptRaw.map(({ node }) => at(node) ?? -1) };
  };
  const afterEditIn = ({ transaction }: { transaction: Transaction }) => {
    if (!afterEdit) return;
    const { outcome, at } = afterEdit;
    afterEdit = null;
    putBack(outcome, (_node, i) => {
      const mapped = transaction.mapping.mapResult(at[i]!, 1);
      return at[i]! < 0 || mapped.deleted ? null : mapped.pos;
    });
  };
  editor.on('beforeTransaction', beforeEdit);
  editor.on('transaction', afterEditIn);
  const stopListening = () => {
    editor.off('beforeTransaction', beforeEdit);
    editor.off('transaction', afterEditIn);
  };

  const done = () => {
    if (pending?.editor === editor) pending = null;
    performance.mark('isomer:save-ready');
  };
  const step = (deadline: IdleDeadline) => {
    handle = null;
    if (editor.isDestroyed) return;
    // At least one block each time, so that a browser that is never idle still gets there.
    let first = true;
    const more = () => {
      if (!first) return deadline.timeRemaining() > 1;
      first = false;
      return true;
    };
    if (runChecks(more) && codec.trackChildSources(editor.state.doc, more)) done();
    else handle = requestIdle(step);
  };
  const finish = () => {
    if (handle !== null) cancelIdle(handle);
    handle = null;
    runChecks(() => true);
    codec.trackChildSources(editor.state.doc, () => true);
    done();
  };
  if (runChecks(() => false) && codec.trackChildSources(editor.state.doc, () => false)) {
    done();
    return stopListening;
  }
  pending = { editor, finish };
  handle = requestIdle(step);
  return () => {
    stopListening();
    if (handle !== null) cancelIdle(handle);
    handle = null;
    if (pending?.editor === editor) pending = null;
  };
}

/** Finishes the open page's source tracking now, if it is not done: saving and exporting call it first. */
export function finishSourceTracking(editor: Editor | null): void {
  if (pending && pending.editor === editor) pending.finish();
}

// A browser without idle callbacks (or a test's) gets short timers instead.
function requestIdle(callback: (deadline: IdleDeadline) => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(callback, { timeout: 1000 });
  return setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), 50) as unknown as number;
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
