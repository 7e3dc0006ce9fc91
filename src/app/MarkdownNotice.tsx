import { lazy, Suspense, useState } from 'react';
import type { OpenedPage } from '../core/pageDocument.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { Modal } from './Modal.tsx';
import { ReportSummary } from './reportList.tsx';
import './markdownNotice.css';

const CompareDialog = lazy(() => import('./CompareDialog.tsx'));

/** A markdown page with a body that opened converted (saving writes it as a tiptap page). */
export function showsMarkdownNotice(opened: OpenedPage | null): boolean {
  return opened !== null && opened.format === 'markdown' && opened.file.frontMatterError === null && opened.file.body.trim() !== '';
}

/**
 * A markdown page opens converted: this says so, lists what the conversion could not do (each item
 * jumps to its block), compares the original with the converted page, and closes without saving.
 */
export function MarkdownNotice() {
  const opened = useOpenPageStore((s) => s.opened);
  const saveState = useOpenPageStore((s) => s.saveState);
  const close = useOpenPageStore((s) => s.close);
  const [comparing, setComparing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (!opened || !showsMarkdownNotice(opened)) return null;
  const report = opened.report;
  const removedCount = report.filter((r) => r.kind === 'removed').length;

  const cancel = () => {
    if (useOpenPageStore.getState().saveState !== 'saved') setConfirming(true);
    else close();
  };

  return (
    <section className={`notice ${removedCount > 0 ? 'notice--warning' : 'notice--info'} markdown-notice`} aria-labelledby="markdown-notice-title">
      <h2 id="markdown-notice-title" className="notice__title">
        This page was written in markdown
      </h2>
      <p>
        It has been converted so that you can edit it here. When you save, it will be saved in the new format (the visual editor's format) and will
        no longer be markdown. Until then the file stays exactly as it is.
      </p>
      {report.length > 0 ? (
        <ReportSummary report={report} />
      ) : (
        <p>Everything on the page was converted.</p>
      )}
      <div className="markdown-notice__actions">
        <button type="button" className="button button--small" onClick={() => setComparing(true)}>
          Compare with the original
        </button>
        <button type="button" className="button button--small" onClick={cancel}>
          Cancel conversion
        </button>
      </div>
      {comparing && (
        <Suspense fallback={null}>
          <CompareDialog onClose={() => setComparing(false)} />
        </Suspense>
      )}
      {confirming && (
        <Modal title="Cancel the conversion?" onClose={() => setConfirming(false)} alert>
          <p className="modal__help">
            {saveState === 'saved' ? 'The page closes.' : 'Your changes to this page are lost.'} The file stays in markdown, exactly as it was.
          </p>
          <div className="modal__actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep editing
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setConfirming(false);
                close();
              }}
            >
              Close without saving
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
