/**
 * The review screen of team mode: the review requests, and for one request each changed page as
 * published and as changed side by side (as the site shows them), the blocks that changed with their
 * words marked, comments beside their blocks, and the decisions: approve, ask for changes, publish.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DiffView } from '../DiffView.tsx';
import { BeforeNowTable } from '../BeforeNowTable.tsx';
import { reviewApi, type Notification, type ReviewComment, type ReviewDetail, type ReviewFile, type ReviewRequest, type ReviewState } from './reviewApi.ts';
import { blockRows, changeIndexes, fileKind, pageSettingChanges, type BlockRow } from './reviewModel.ts';
import { BuildCheckReport } from './BuildCheckReport.tsx';
import { FieldChangesTables } from '../site/FieldChangesTables.tsx';
import { previewStyles } from '../preview/previewStyles.ts';
import { siteFieldChanges, siteFileKind, siteSideDocument, type ReviewSite, type SiteFileKind } from './siteFileReview.ts';
import { CommentForm, Threads } from './ReviewThreads.tsx';
import './review.css';

const STATE_WORDS: Record<ReviewState, string> = {
  open: 'Waiting for review',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  published: 'Published',
  closed: 'Closed',
};
const ROW_WORDS: Record<BlockRow['kind'], string> = { same: 'Unchanged', added: 'Added', removed: 'Removed', moved: 'Moved', changed: 'Changed' };
const STATUS_WORDS = { A: 'new', M: 'changed', D: 'deleted' } as const;

export interface ReviewScreenProps {
  /** The signed-in person. */
  me: { email: string; role: 'admin' | 'editor' };
  /** The request to open first. */
  requestId?: number;
}

export default function ReviewScreen({ me, requestId }: ReviewScreenProps) {
  const [requests, setRequests] = useState<ReviewRequest[] | null>(null);
  const [notifications, setNotifications] = useState<Notification[]>([]);
  const [openId, setOpenId] = useState<number | null>(requestId ?? null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setRequests((await reviewApi.list()).requests);
      setNotifications((await reviewApi.notifications()).notifications);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const unread = notifications.filter((n) => !n.read);
  return (
    <main id="main-content" className="review-screen">
      <h1>Reviews</h1>
      {error && <p role="alert" className="review-screen__error">{error}</p>}
      {unread.length > 0 && (
        <section aria-labelledby="review-notes" className="review-notes">
          <h2 id="review-notes">New for you</h2>
          <ul>
            {unread.map((n) => (
              <li key={n.id}>
                {n.requestId !== null ? (
                  <button type="button" className="link-button" onClick={() => setOpenId(n.requestId)}>
                    {n.message.split('\n')[0]}
                  </button>
                ) : (
                  n.message.split('\n')[0]
                )}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--small"
            onClick={() => void reviewApi.markRead(unread.map((n) => n.id)).then(reload, (err: unknown) => setError(String(err)))}
          >
            Mark all as read
          </button>
        </section>
      )}
      {openId === null ? (
        <RequestList requests={requests} onOpen={setOpenId} />
      ) : (
        <RequestView id={openId} me={me} onBack={() => (setOpenId(null), void reload())} />
      )}
    </main>
  );
}

function RequestList({ requests, onOpen }: { requests: ReviewRequest[] | null; onOpen: (id: number) => void }) {
  if (requests === null) return <p>Loading the review requests…</p>;
  if (requests.length === 0) return <p>No review requests yet. Ask for a review from your change set when your changes are ready.</p>;
  return (
    <table className="review-list">
      <caption>Review requests, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col">Asked by</th>
          <th scope="col">State</th>
          <th scope="col">Last activity</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <tr key={r.id}>
            <td>
              <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                #{r.id} {r.title}
              </button>
            </td>
            <td>{r.requester.name}</td>
            <td>
              <span className={`review-state review-state--${r.state}`}>{STATE_WORDS[r.state]}</span>
            </td>
            <td>{new Date(r.updatedAt).toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RequestView({ id, me, onBack }: { id: number; me: ReviewScreenProps['me']; onBack: () => void }) {
  const [detail, setDetail] = useState<ReviewDetail | null>(null);
  const [filePath, setFilePath] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const load = useCallback(async () => {
    try {
      const d = await reviewApi.get(id);
      setDetail(d);
      setFilePath((p) => p ?? d.files[0]?.path ?? null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  // The build check runs in the background: look again until it is done.
  const checking = detail?.buildCheck?.state === 'checking';
  useEffect(() => {
    if (!checking) return;
    const timer = setTimeout(() => void load(), 2000);
    return () => clearTimeout(timer);
  }, [checking, detail, load]);
  const [despiteBuildFailure, setDespiteBuildFailure] = useState(false);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setError(null);
    setMessage(null);
    try {
      await what();
      setMessage(done);
      setNote('');
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  if (!detail) return error ? <p role="alert">{error}</p> : <p>Loading the request…</p>;
  const { request } = detail;
  const isRequester = request.requester.email.toLowerCase() === me.email.toLowerCase();
  const live = request.state !== 'published' && request.state !== 'closed';
  const file = detail.files.find((f) => f.path === filePath) ?? null;
  const general = detail.comments.filter((c) => c.path === null && c.parentId === null);
  const buildFailed = detail.buildCheck?.state === 'done' && detail.buildCheck.outcome === 'failed';

  return (
    <article className="review-request" aria-labelledby="review-title">
      <button type="button" className="button button--small" onClick={onBack}>
        ← All requests
      </button>
      <h2 id="review-title">
        #{request.id} {request.title}
      </h2>
      <p>
        <span className={`review-state review-state--${request.state}`}>{STATE_WORDS[request.state]}</span> · asked by {request.requester.name} ·
        reviewers: {request.reviewers.join(', ')}
      </p>
      {request.description && <p className="review-request__description">{request.description}</p>}
      {detail.decisions.length > 0 && (
        <ul className="review-decisions" aria-label="Decisions">
          {detail.decisions.map((d, i) => (
            <li key={i}>
              {d.reviewer.name} {d.decision === 'approved' ? 'approved' : 'asked for changes'}
              {d.withdrawn && ' (withdrawn: changed since)'}
              {d.note && `: ${d.note}`}
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">{message && <p className="review-request__message">{message}</p>}</div>
      {error && <p role="alert" className="review-screen__error">{error}</p>}
      {detail.buildCheck && <BuildCheckReport check={detail.buildCheck} />}

      {live && (
        <section className="review-actions" aria-label="Decision">
          {me.role === 'admin' && !isRequester && (
            <>
              <label htmlFor="review-note">Note for the requester (needed to ask for changes)</label>
              <textarea id="review-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
              <button type="button" className="button button--primary" onClick={() => void act(() => reviewApi.approve(id, note), 'Approved.')}>
                Approve
              </button>
              <button type="button" className="button" onClick={() => void act(() => reviewApi.requestChanges(id, note), 'Changes requested.')}>
                Ask for changes
              </button>
            </>
          )}
          {me.role === 'admin' && buildFailed && (
            <label className="review-actions__despite">
              <input type="checkbox" checked={despiteBuildFailure} onChange={(e) => setDespiteBuildFailure(e.target.checked)} /> Publish even though the site
              does not build
            </label>
          )}
          {(me.role === 'admin' || (isRequester && request.state === 'approved' && !buildFailed)) && (
            <button
              type="button"
              className="button button--primary"
              disabled={buildFailed && !despiteBuildFailure}
              onClick={() => void act(() => reviewApi.publish(id, buildFailed && despiteBuildFailure), 'Published.')}
            >
              Publish
            </button>
          )}
          {(me.role === 'admin' || isRequester) && (
            <>
              <button type="button" className="button button--danger" onClick={() => void act(() => reviewApi.close(id), 'Closed without publishing.')}>
                Close without publishing
              </button>
              <ShareLinks detail={detail} onChange={(text) => void act(async () => {}, text)} onError={setError} />
            </>
          )}
        </section>
      )}

      <nav aria-label="Changed files" className="review-files">
        <h3>Changed files</h3>
        <ul>
          {detail.files.map((f) => (
            <li key={f.path}>
              <button type="button" className="link-button" aria-current={f.path === filePath ? 'true' : undefined} onClick={() => setFilePath(f.path)}>
                {f.path}
              </button>{' '}
              <span className="review-files__kind">
                {fileKind(f.path)}, {STATUS_WORDS[f.status]}
              </span>
            </li>
          ))}
        </ul>
      </nav>
      {file && <FileReview key={file.path} requestId={id} file={file} site={detail.site} comments={detail.comments} live={live} onChanged={load} onError={setError} />}

      <section aria-labelledby="general-comments" className="review-comments">
        <h3 id="general-comments">Comments on the whole request</h3>
        <Threads requestId={id} comments={detail.comments} roots={general} live={live} onChanged={load} onError={setError} />
        {live && <CommentForm label="Comment on the request" onSubmit={(body) => reviewApi.comment(id, body)} onSent={load} onError={setError} />}
      </section>
    </article>
  );
}

const SITE_FILE_WORDS: Record<SiteFileKind, string> = {
  homepage: 'The homepage',
  contact_us: 'The Contact Us page',
  navigation: 'The homepage, with the navigation in its header',
  footer: 'The homepage, with the footer at its end',
  settings: 'The homepage, with the site’s title and colours',
};

/** A homepage, Contact Us, navigation, footer or settings change, through its screen's preview: published and changed side by side. */
function SiteFileReview({ file, kind, site }: { file: ReviewFile; kind: SiteFileKind; site: ReviewSite }) {
  const docs = useMemo(() => {
    const css = previewStyles();
    return {
      published: file.status === 'A' ? null : siteSideDocument(kind, file.path, file.published, site.published, site, css),
      changed: file.status === 'D' ? null : siteSideDocument(kind, file.path, file.changed, site.changed, site, css),
    };
  }, [file, kind, site]);
  const groups = useMemo(() => siteFieldChanges(kind, file.published, file.changed), [file, kind]);
  return (
    <>
      <p>{SITE_FILE_WORDS[kind]} as the site shows it, before and with these changes:</p>
      <div className="review-file__side-by-side">
        <figure>
          <figcaption>Published</figcaption>
          {docs.published !== null ? <iframe title={`${file.path} as published`} sandbox="" srcDoc={docs.published} /> : <p>Not on the published site (a new file).</p>}
        </figure>
        <figure>
          <figcaption>With these changes</figcaption>
          {docs.changed !== null ? <iframe title={`${file.path} with the changes`} sandbox="" srcDoc={docs.changed} /> : <p>Deleted by these changes.</p>}
        </figure>
      </div>
      <FieldChangesTables groups={groups} />
    </>
  );
}

function FileReview(props: { requestId: number; file: ReviewFile; site: ReviewSite | null; comments: ReviewComment[]; live: boolean; onChanged: () => Promise<void>; onError: (e: string) => void }) {
  const { file, comments, requestId } = props;
  const siteKind = useMemo(() => (file.tooBig ? null : siteFileKind(file.path, file.published, file.changed)), [file]);
  const rows = useMemo(() => (file.blocks ? blockRows(file.blocks.published, file.blocks.changed) : []), [file]);
  const changes = useMemo(() => changeIndexes(rows), [rows]);
  const settings = useMemo(() => (/\.(md|html)$/i.test(file.path) && !siteKind ? pageSettingChanges(file.published, file.changed) : []), [file, siteKind]);
  const [showLines, setShowLines] = useState(false);
  const [current, setCurrent] = useState(-1);
  const rowRefs = useRef<(HTMLLIElement | null)[]>([]);
  const onPage = comments.filter((c) => c.path === file.path && c.parentId === null);

  const go = (step: 1 | -1) => {
    if (changes.length === 0) return;
    const at = changes.indexOf(current);
    const next = at < 0 ? (step === 1 ? 0 : changes.length - 1) : (at + step + changes.length) % changes.length;
    setCurrent(changes[next]!);
    rowRefs.current[changes[next]!]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement) return;
    if (e.key === 'n' || e.key === 'j') (e.preventDefault(), go(1));
    if (e.key === 'p' || e.key === 'k') (e.preventDefault(), go(-1));
  };

  return (
    <section className="review-file" aria-labelledby="review-file-title" onKeyDown={onKey}>
      <h3 id="review-file-title">{file.path}</h3>
      {file.tooBig && <p>This file is too large to show here.</p>}
      {siteKind && props.site && <SiteFileReview file={file} kind={siteKind} site={props.site} />}
      {file.preview && !siteKind && (
        <div className="review-file__side-by-side">
          <figure>
            <figcaption>Published</figcaption>
            {file.preview.published !== null ? (
              <iframe title={`${file.path} as published`} sandbox="" srcDoc={file.preview.published} />
            ) : (
              <p>Not on the published site (a new page).</p>
            )}
          </figure>
          <figure>
            <figcaption>With these changes</figcaption>
            {file.preview.changed !== null ? <iframe title={`${file.path} with the changes`} sandbox="" srcDoc={file.preview.changed} /> : <p>Deleted by these changes.</p>}
          </figure>
        </div>
      )}
      {settings.length > 0 && (
        <BeforeNowTable rows={settings} heading="Setting" caption="Page settings changed" />
      )}
      {rows.length > 0 && (
        <>
          <div className="review-file__nav">
            <span>
              {changes.length} {changes.length === 1 ? 'change' : 'changes'} (keys N and P move between them)
            </span>
            <button type="button" className="button button--small" onClick={() => go(-1)} disabled={changes.length === 0}>
              Previous change
            </button>
            <button type="button" className="button button--small" onClick={() => go(1)} disabled={changes.length === 0}>
              Next change
            </button>
          </div>
          <ol className="review-blocks" aria-label="Blocks of the page">
            {rows.map((row, i) => {
              const here = row.index === null ? [] : onPage.filter((c) => c.blockIndex === row.index && !c.outdated);
              return (
                <li key={i} ref={(el) => void (rowRefs.current[i] = el)} tabIndex={-1} className={`review-block review-block--${row.kind}${i === current ? ' review-block--current' : ''}`}>
                  <div className="review-block__text">
                    <span className="review-block__kind">{ROW_WORDS[row.kind]}</span>{' '}
                    {row.words ? (
                      row.words.map((w, j) => (w.type === 'added' ? <ins key={j}>{w.text}</ins> : w.type === 'removed' ? <del key={j}>{w.text}</del> : <span key={j}>{w.text}</span>))
                    ) : row.kind === 'removed' ? (
                      <del>{row.before}</del>
                    ) : (
                      row.after
                    )}
                  </div>
                  <aside className="review-block__comments" aria-label="Comments on this block">
                    <Threads requestId={requestId} comments={comments} roots={here} live={props.live} onChanged={props.onChanged} onError={props.onError} />
                    {props.live && row.index !== null && (
                      <CommentForm
                        label="Comment on this block"
                        compact
                        onSubmit={(body) => reviewApi.comment(requestId, body, file.path, row.index)}
                        onSent={props.onChanged}
                        onError={props.onError}
                      />
                    )}
                  </aside>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <section aria-label="Comments on the page" className="review-comments">
        <h4>Comments on the page</h4>
        <Threads
          requestId={requestId}
          comments={comments}
          roots={onPage.filter((c) => c.blockIndex === null || c.outdated)}
          live={props.live}
          onChanged={props.onChanged}
          onError={props.onError}
        />
        {props.live && <CommentForm label="Comment on the page" onSubmit={(body) => reviewApi.comment(requestId, body, file.path)} onSent={props.onChanged} onError={props.onError} />}
      </section>
      {file.published !== null && file.changed !== null && (
        <p>
          <button type="button" className="button button--small" aria-expanded={showLines} onClick={() => setShowLines((v) => !v)}>
            {showLines ? 'Hide the file line by line' : 'Show the file line by line'}
          </button>
        </p>
      )}
      {showLines && <DiffView before={file.published ?? ''} after={file.changed ?? ''} beforeLabel="Published" afterLabel="With these changes" />}
    </section>
  );
}

function ShareLinks({ detail, onChange, onError }: { detail: ReviewDetail; onChange: (text: string) => void; onError: (e: string) => void }) {
  const [made, setMade] = useState<string | null>(null);
  const id = detail.request.id;
  const active = detail.shareLinks.filter((l) => l.revokedAt === null && Date.parse(l.expiresAt) > Date.now());
  return (
    <div className="review-share">
      <button
        type="button"
        className="button"
        onClick={() =>
          void reviewApi.share(id, 7).then(
            (link) => (setMade(link.url), onChange('Share link made: it works for 7 days.')),
            (e: unknown) => onError(String(e)),
          )
        }
      >
        Make a share link
      </button>
      {made && (
        <p>
          Share link (read-only, shown once): <code>{made}</code>
        </p>
      )}
      {active.length > 0 && (
        <ul aria-label="Share links">
          {active.map((l) => (
            <li key={l.id}>
              Link by {l.createdBy}, until {new Date(l.expiresAt).toLocaleDateString()}{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => void reviewApi.revoke(id, l.id).then(() => (setMade(null), onChange('Share link revoked.')), (e: unknown) => onError(String(e)))}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
