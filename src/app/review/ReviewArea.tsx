/**
 * Review in team mode, around the editor: "Ask for review" (the editor's change set, with a title,
 * a description and reviewers) and "Reviews", which opens the review screen. The address
 * `#/review/<id>` (the link in notification emails) opens that request. While the editor's own
 * changes are under review, the threads on the open page show beside its blocks (CanvasThreads).
 */
import { lazy, Suspense, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Modal } from '../Modal.tsx';
import { loadReviewScreen } from './index.ts';
import { reviewApi } from './reviewApi.ts';

// Its own chunk: loaded when someone opens it.
const ReviewScreen = lazy(loadReviewScreen);
// The open page's review threads beside its blocks: their own chunk too.
const CanvasThreads = lazy(() => import('./CanvasThreads.tsx'));

/** The request in `#/review/<id>`; `undefined` when the address is not a review's. */
export function reviewIdOfHash(hash: string): number | undefined {
  const m = /^#\/review\/(\d+)$/.exec(hash);
  return m ? Number(m[1]) : undefined;
}

export interface ReviewAreaProps {
  me: { email: string; role: 'admin' | 'editor' };
  children: ReactNode;
}

export default function ReviewArea({ me, children }: ReviewAreaProps) {
  const [hash, setHash] = useState(() => window.location.hash);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const reviewing = hash === '#/reviews' || reviewIdOfHash(hash) !== undefined;
  const go = (to: string) => {
    window.location.hash = to;
    setHash(to);
  };
  const leave = () => {
    // Back to the editor without leaving a review address behind.
    window.history.pushState(null, '', window.location.pathname + window.location.search);
    setHash('');
  };

  return (
    <>
      <nav className="account-bar review-bar" aria-label="Review">
        {reviewing ? (
          <button type="button" className="button" onClick={leave}>
            Back to the editor
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => setAsking(true)}>
              Ask for review
            </button>
            <button type="button" className="button" onClick={() => go('#/reviews')}>
              Reviews
            </button>
            <Suspense fallback={null}>
              <CanvasThreads />
            </Suspense>
          </>
        )}
      </nav>
      {asking && <AskForReview onClose={() => setAsking(false)} onCreated={(id) => (setAsking(false), go(`#/review/${id}`))} />}
      {reviewing && (
        <Suspense fallback={<p role="status">Loading reviews…</p>}>
          <ReviewScreen key={hash} me={me} requestId={reviewIdOfHash(hash)} />
        </Suspense>
      )}
      {/* The editor stays mounted (unsaved work is kept) while the review screen is shown. */}
      <div style={{ display: reviewing ? 'none' : 'contents' }}>{children}</div>
    </>
  );
}

function AskForReview({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [people, setPeople] = useState<{ email: string; name: string }[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    reviewApi.reviewers().then(
      (r) => setPeople(r.reviewers),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    reviewApi.create(title.trim(), description.trim(), chosen).then(
      (r) => onCreated(r.id),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  const toggle = (email: string, on: boolean) => setChosen((c) => (on ? [...c, email] : c.filter((x) => x !== email)));

  return (
    <Modal title="Ask for review" onClose={onClose} className="ask-review">
      <p>Your saved changes go to the reviewers you choose; an admin publishes them once approved.</p>
      {error && <p role="alert">{error}</p>}
      <form onSubmit={submit}>
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </label>
        <label>
          Description
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={4} />
        </label>
        <fieldset>
          <legend>Reviewers</legend>
          {people === null && !error && <p role="status">Loading…</p>}
          {people?.length === 0 && <p>No other admin can review yet.</p>}
          {people?.map((p) => (
            <label key={p.email}>
              <input type="checkbox" checked={chosen.includes(p.email)} onChange={(e) => toggle(p.email, e.target.checked)} />
              {p.name || p.email} ({p.email})
            </label>
          ))}
        </fieldset>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={chosen.length === 0 || title.trim() === ''}>
            Ask for review
          </button>
        </div>
      </form>
    </Modal>
  );
}
