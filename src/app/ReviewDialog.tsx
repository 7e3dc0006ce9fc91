import { useEffect, useMemo, useState } from 'react';
import type { FIELD_HELP as FieldHelp } from '../core/frontMatterSchema.ts';
import { frontMatterData, writePageFile } from '../core/pageFile.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { frontMatterReady, useOpenPageStore } from '../store/openPageStore.ts';
import { textToSave } from '../store/savePageAction.ts';
import { useUiStore } from '../store/uiStore.ts';
import { BeforeNowTable } from './BeforeNowTable.tsx';
import { DiffView } from './DiffView.tsx';
import { Modal } from './Modal.tsx';
import { jumpToBlock } from './reportList.tsx';
import { blockChanges, frontMatterFieldChanges, settingChanges, type BlockChange } from './reviewChanges.ts';
import { siteLayoutOf } from '../site/siteLayout.ts';
import { FieldChangesTables } from './site/FieldChangesTables.tsx';

const KIND_WORDS: Record<BlockChange['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/**
 * What changed since the page was opened or last saved, for a reviewer: the settings with their old
 * and new values, the blocks added, changed or removed (each can be shown in the page), and, for
 * those who ask, the file's text line by line.
 */
export default function ReviewDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const openDialog = useUiStore((s) => s.openDialog);
  const editor = useEditorStore((s) => s.editor);
  const opened = useOpenPageStore((s) => s.opened);
  const file = useOpenPageStore((s) => s.file);
  const baselineDoc = useOpenPageStore((s) => s.baselineDoc);
  const [labels, setLabels] = useState<typeof FieldHelp | null>(null);
  // What saving would write needs the page settings read (the YAML parser loads after the page shows).
  const [settingsRead, setSettingsRead] = useState(false);
  useEffect(() => {
    let live = true;
    void frontMatterReady().then(() => live && setSettingsRead(true));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    void import('../core/frontMatterSchema.ts').then((m) => setLabels(m.FIELD_HELP));
  }, []);

  const review = useMemo(() => {
    if (!settingsRead || !editor || !opened || !file || !baselineDoc) return null;
    const after = textToSave();
    if (after === null) return null;
    // The homepage and Contact Us are all front matter: their changes are shown field by field, part by part.
    const layout = siteLayoutOf(file.frontMatterText, file.body);
    return {
      fields: layout ? frontMatterFieldChanges(frontMatterData(opened.file), frontMatterData(file)) : null,
      settings: settingChanges(frontMatterData(opened.file), frontMatterData(file)),
      blocks: blockChanges(baselineDoc, editor.state.doc),
      before: writePageFile(opened.file),
      after,
    };
  }, [settingsRead, editor, opened, file, baselineDoc]);

  const nothing = review !== null && review.before === review.after;

  return (
    <Modal title="Review changes" onClose={closeDialog} className="modal--wide review-dialog">
      <p className="modal__help">What saving would change in this page, compared with the page as it was opened or last saved.</p>
      {!review && (settingsRead && !opened ? <p>No page is open.</p> : <p role="status">Reading the page…</p>)}
      {nothing && <p role="status">No changes: saving would leave the file as it is.</p>}
      {review && !nothing && review.fields && (
        <>
          <h3 className="notice__subtitle">Page fields</h3>
          <FieldChangesTables groups={review.fields} />
          <details className="review-file">
            <summary>The page file, line by line</summary>
            <DiffView before={review.before} after={review.after} beforeLabel="before" afterLabel="now" />
          </details>
        </>
      )}
      {review && !nothing && !review.fields && (
        <>
          <h3 className="notice__subtitle">Page settings</h3>
          {review.settings.length === 0 ? (
            <p>Unchanged.</p>
          ) : (
            <BeforeNowTable rows={review.settings} heading="Setting" label={(key) => labels?.[key]?.label ?? key} />
          )}
          <h3 className="notice__subtitle">Content</h3>
          {review.blocks.length === 0 ? (
            <p>Unchanged.</p>
          ) : (
            <ul className="notice__list review-blocks">
              {review.blocks.map((change, i) => (
                <li key={i}>
                  <strong>{KIND_WORDS[change.kind]}:</strong> {change.label}
                  {change.snippet && <> “{change.snippet}”</>}{' '}
                  {change.index !== null && editor && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        closeDialog();
                        // After the dialog has handed focus back, so the editor keeps it.
                        setTimeout(() => jumpToBlock(editor, change.index!), 0);
                      }}
                    >
                      Show
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <details className="review-file">
            <summary>The page file, line by line</summary>
            <DiffView before={review.before} after={review.after} beforeLabel="before" afterLabel="now" />
          </details>
        </>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => openDialog({ kind: 'preview' })} disabled={!review}>
          Preview as the site shows it
        </button>
        <button type="button" className="button button--primary" onClick={closeDialog}>
          Close
        </button>
      </div>
    </Modal>
  );
}
