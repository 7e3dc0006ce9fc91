import { useMemo } from 'react';
import { lineDiff } from '../storage/lineDiff.ts';

/** Two versions of a file, line by line: removed lines (only in `before`) and added ones (only in `after`). */
export function DiffView({ before, after, beforeLabel, afterLabel }: { before: string; after: string; beforeLabel: string; afterLabel: string }) {
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  const changed = lines.some((l) => l.type !== 'same');
  return (
    <div className="diff-view">
      <p className="diff-view__legend">
        <span className="diff-view__mark diff-view__mark--removed">− {beforeLabel}</span>{' '}
        <span className="diff-view__mark diff-view__mark--added">+ {afterLabel}</span>
      </p>
      {changed ? (
        <pre className="diff-view__lines" aria-label={`Differences between ${beforeLabel} and ${afterLabel}`} tabIndex={0}>
          {lines.map((line, i) => (
            <div key={i} className={`diff-view__line diff-view__line--${line.type}`}>
              <span aria-hidden="true">{line.type === 'added' ? '+ ' : line.type === 'removed' ? '− ' : '  '}</span>
              {line.type === 'added' && <span className="visually-hidden">Added: </span>}
              {line.type === 'removed' && <span className="visually-hidden">Removed: </span>}
              {line.text}
            </div>
          ))}
        </pre>
      ) : (
        <p>The two versions are the same.</p>
      )}
    </div>
  );
}
