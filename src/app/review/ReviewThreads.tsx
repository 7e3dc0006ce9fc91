/** Comment threads of a review (first comment, replies, reply and resolve) and the form to write one: the review screen's and the canvas's. */
import { useState, type FormEvent } from 'react';
import { reviewApi, type ReviewComment } from './reviewApi.ts';
import './review.css';

export function Threads(props: { requestId: number; comments: ReviewComment[]; roots: ReviewComment[]; live: boolean; onChanged: () => Promise<void>; onError: (e: string) => void }) {
  if (props.roots.length === 0) return null;
  return (
    <ul className="review-threads">
      {props.roots.map((root) => (
        <li key={root.id} className={root.resolved ? 'review-thread review-thread--resolved' : 'review-thread'}>
          <p>
            <strong>{root.author.name}</strong>
            {root.outdated && <span className="review-thread__outdated"> (outdated: its block changed{root.blockText ? `; it was on “${root.blockText}”` : ''})</span>}
            {!root.outdated && root.blockEdited && <span className="review-thread__outdated"> (its block was edited since; it was “{root.blockText}”)</span>}
            {root.resolved && <span> (resolved)</span>}: {root.body}
          </p>
          <ul>
            {props.comments
              .filter((c) => c.parentId === root.id)
              .map((r) => (
                <li key={r.id}>
                  <strong>{r.author.name}</strong>: {r.body}
                </li>
              ))}
          </ul>
          {props.live && (
            <>
              <CommentForm label="Reply" compact onSubmit={(body) => reviewApi.reply(props.requestId, root.id, body)} onSent={props.onChanged} onError={props.onError} />
              <button
                type="button"
                className="button button--small"
                onClick={() => void reviewApi.resolve(props.requestId, root.id, !root.resolved).then(props.onChanged, (e: unknown) => props.onError(String(e)))}
              >
                {root.resolved ? 'Reopen' : 'Resolve'}
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The form to write a comment. `onSubmit` sends it; once it is in, the form is emptied (unless more was
 * typed meanwhile) and `onSent` brings the threads up to date, without keeping the form waiting.
 */
export function CommentForm({ label, onSubmit, onSent, onError, compact }: { label: string; onSubmit: (body: string) => Promise<unknown>; onSent: () => Promise<void>; onError: (e: string) => void; compact?: boolean }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    try {
      await onSubmit(body);
      setBody((now) => (now === body ? '' : now));
      void onSent();
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={compact ? 'review-comment-form review-comment-form--compact' : 'review-comment-form'} onSubmit={(e) => void submit(e)}>
      <label>
        <span>{label}</span>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={compact ? 1 : 3} />
      </label>
      <button type="submit" className="button button--small" disabled={busy || !body.trim()}>
        Send
      </button>
    </form>
  );
}
