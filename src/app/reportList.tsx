import type { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection, type Selection } from '@tiptap/pm/state';
import type { BodyReportItem } from '../core/bodyCodec.ts';
import { useEditorStore } from '../store/editorStore.ts';

export const REPORT_HEADINGS: Record<string, string> = {
  removed: 'Removed because it is not allowed on a page',
  keptRaw: 'Kept as HTML blocks, because no block edits them',
  dropsOnEdit: 'Kept as written, but changed if you edit them',
  resolved: 'Changed to what the site shows',
};

/** Known kinds in a fixed order, then any other kind the import reports. */
function kindsOf(report: readonly BodyReportItem[]): string[] {
  const present = [...new Set(report.map((r) => r.kind as string))];
  const known = Object.keys(REPORT_HEADINGS).filter((k) => present.includes(k));
  return [...known, ...present.filter((k) => !known.includes(k))];
}

/**
 * Moves the selection to the top-level block at `index` of the current document (blocks before it may
 * have been edited since), scrolls it into view and focuses the editor. False when there is no such block.
 */
export function jumpToBlock(editor: Editor, index: number): boolean {
  const { doc } = editor.state;
  if (index < 0 || index >= doc.childCount) return false;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  const node = doc.child(index);
  let selection: Selection;
  if (node.isTextblock) selection = TextSelection.create(doc, pos + 1);
  else if (NodeSelection.isSelectable(node)) selection = NodeSelection.create(doc, pos);
  else selection = TextSelection.near(doc.resolve(pos + 1));
  editor.view.dispatch(editor.state.tr.setSelection(selection).scrollIntoView());
  editor.view.focus();
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
  return true;
}

/** The report grouped by kind, in plain words with line numbers; items with a block jump to it. */
export function ReportList({ report }: { report: readonly BodyReportItem[] }) {
  const editor = useEditorStore((s) => s.editor);
  return (
    <>
      {kindsOf(report).map((kind) => {
        const items = report.filter((r) => r.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind}>
            <h3 className="notice__subtitle">{REPORT_HEADINGS[kind] ?? 'Other notes'}</h3>
            <ul className="notice__list">
              {items.map((item, i) => {
                const text = (
                  <>
                    <strong>Line {item.line}:</strong> {item.message}{' '}
                    {item.snippet && <code className="notice__snippet">{item.snippet}</code>}
                  </>
                );
                const block = item.block;
                return (
                  <li key={i}>
                    {block !== undefined && editor ? (
                      <button
                        type="button"
                        className="notice__jump"
                        title="Show this place in the page"
                        onClick={() => jumpToBlock(editor, block)}
                      >
                        {text}
                      </button>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </>
  );
}
