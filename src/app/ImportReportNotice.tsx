import type { BodyReportItem } from '../core/bodyCodec.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';

const HEADINGS: Record<string, string> = {
  removed: 'Removed because it is not allowed on a page',
  keptRaw: 'Kept as HTML blocks, because no block edits them',
  dropsOnEdit: 'Kept as written, but changed if you edit them',
  resolved: 'Changed to what the site shows',
};

/** Known kinds in a fixed order, then any other kind the import reports. */
function kindsOf(report: BodyReportItem[]): string[] {
  const present = [...new Set(report.map((r) => r.kind as string))];
  const known = Object.keys(HEADINGS).filter((k) => present.includes(k));
  return [...known, ...present.filter((k) => !known.includes(k))];
}

/** What opening the page did to it, in plain words with line numbers. Dismissible. */
export function ImportReportNotice() {
  const report = useOpenPageStore((s) => s.opened?.report ?? []);
  const dismissed = useOpenPageStore((s) => s.reportDismissed);
  const dismiss = useOpenPageStore((s) => s.dismissReport);
  if (dismissed || report.length === 0) return null;
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
      {removedCount > 0 && <p>Removed parts are left out of the page when you save it.</p>}
      {kindsOf(report).map((kind) => {
        const items = report.filter((r) => r.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind}>
            <h3 className="notice__subtitle">{HEADINGS[kind] ?? 'Other notes'}</h3>
            <ul className="notice__list">
              {items.map((item, i) => (
                <li key={i}>
                  <strong>Line {item.line}:</strong> {item.message}{' '}
                  {item.snippet && <code className="notice__snippet">{item.snippet}</code>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
