import { useOpenPageStore } from '../store/openPageStore.ts';
import { showsMarkdownNotice } from './MarkdownNotice.tsx';
import { ReportSummary } from './reportList.tsx';

/** What opening the page did to it, one sentence per kind, the parts folded below. Dismissible. */
export function ImportReportNotice() {
  const report = useOpenPageStore((s) => s.opened?.report ?? []);
  const dismissed = useOpenPageStore((s) => s.reportDismissed);
  const dismiss = useOpenPageStore((s) => s.dismissReport);
  // A markdown page lists the same in its own notice.
  const markdown = useOpenPageStore((s) => showsMarkdownNotice(s.opened));
  if (dismissed || report.length === 0 || markdown) return null;
  const removedCount = report.filter((r) => r.kind === 'removed').length;

  return (
    <section className={`notice ${removedCount > 0 ? 'notice--warning' : 'notice--info'}`} aria-labelledby="import-report-title">
      <div className="notice__header">
        <h2 id="import-report-title" className="notice__title">
          Some parts of this page need your attention
        </h2>
        <button type="button" className="button button--small" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      <ReportSummary report={report} />
    </section>
  );
}
