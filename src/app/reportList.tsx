import { useState } from 'react';
import type { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection, type Selection } from '@tiptap/pm/state';
import type { BodyReportItem } from '../core/bodyCodec.ts';
import { useEditorStore } from '../store/editorStore.ts';

export const REPORT_HEADINGS: Record<string, string> = {
  removed: 'Removed',
  keptRaw: 'Only changed as HTML',
  dropsOnEdit: 'Changed if you edit them',
  resolved: 'Changed to what the site shows',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One sentence per kind for an editor: how many parts, why, and what to do. */
const SUMMARIES: Record<string, (count: number) => string> = {
  keptRaw: (n) =>
    `${plural(n, 'part of this page can', 'parts of this page can')} only be changed as HTML: no visual block edits that markup. ` +
    `${n === 1 ? 'It is' : 'They are'} shown as the site shows ${n === 1 ? 'it' : 'them'}; use “Edit HTML” beside ${n === 1 ? 'it' : 'each'} to change ${n === 1 ? 'it' : 'them'}, or ask a web developer.`,
  removed: (n) =>
    `${plural(n, 'part was', 'parts were')} removed because ${n === 1 ? 'it is' : 'they are'} not allowed on a page (such as scripts); ${n === 1 ? 'it is' : 'they are'} left out when you save.`,
  dropsOnEdit: (n) =>
    `${plural(n, 'part keeps', 'parts keep')} markup that editing ${n === 1 ? 'it' : 'them'} would lose; leave ${n === 1 ? 'it' : 'them'} as ${n === 1 ? 'it is' : 'they are'} or check the result after editing.`,
  resolved: (n) => `${plural(n, 'part was', 'parts were')} changed to what the site shows.`,
};

/** The report in a few sentences (one per kind), the details folded below them. */
export function ReportSummary({ report }: { report: readonly BodyReportItem[] }) {
  return (
    <>
      <ul className="notice__summary">
        {kindsOf(report).map((kind) => {
          const count = report.filter((r) => r.kind === kind).length;
          return <li key={kind}>{SUMMARIES[kind]?.(count) ?? `${plural(count, 'other note', 'other notes')}.`}</li>;
        })}
      </ul>
      <details className="notice__details">
        <summary>Show these parts</summary>
        <ReportList report={report} />
      </details>
    </>
  );
}

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

/** The report grouped by kind, in plain words (line numbers and markup on demand); items with a block jump to it. */
export function ReportList({ report }: { report: readonly BodyReportItem[] }) {
  const editor = useEditorStore((s) => s.editor);
  const [technical, setTechnical] = useState(false);
  return (
    <>
      <label className="notice__technical">
        <input type="checkbox" checked={technical} onChange={(event) => setTechnical(event.target.checked)} /> Show line numbers and markup
      </label>
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
                    {technical && <strong>Line {item.line}: </strong>}
                    {item.message}
                    {technical && item.snippet && (
                      <>
                        {' '}
                        <code className="notice__snippet">{item.snippet}</code>
                      </>
                    )}
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
