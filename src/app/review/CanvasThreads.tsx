/**
 * Review threads in the editing canvas, for the editor whose change set is under review: a marker
 * beside each block a thread is on (see reviewMarkers.ts), which opens its threads in a panel to
 * read, reply and resolve, and a button for every thread on the page (on the page as a whole,
 * outdated, or on a block the canvas no longer has). Loaded in team mode only, beside the review bar.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useEditorStore } from '../../store/editorStore.ts';
import { useOpenPageStore } from '../../store/openPageStore.ts';
import { readPendingSelection, registerLatePlugin } from '../../editor/selectionBeforeKeys.ts';
import { canvasBlockTexts, markerGroups, type MarkerGroup } from './canvasThreads.ts';
import { reviewApi, type PageThreads, type ReviewComment } from './reviewApi.ts';
import { reviewMarkersKey, reviewMarkersPlugin, setReviewMarkers, type ReviewMarker } from './reviewMarkers.ts';
import { Threads } from './ReviewThreads.tsx';
import './canvasThreads.css';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const snippet = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);

function markerOf(group: MarkerGroup): ReviewMarker {
  const resolved = group.roots.every((r) => r.resolved);
  return {
    key: String(group.roots[0]!.id),
    node: group.node,
    count: group.roots.length,
    resolved,
    label: `${plural(group.roots.length, 'review comment')} on this block${resolved ? ', resolved' : ''}`,
  };
}

/** What the panel shows: the threads of one marker, or every thread on the page. */
type Shown = { key: string } | 'all' | null;

export default function CanvasThreads() {
  const editor = useEditorStore((s) => s.editor);
  const path = useOpenPageStore((s) => s.path);
  const saveState = useOpenPageStore((s) => s.saveState);
  const [threads, setThreads] = useState<PageThreads | null>(null);
  const [groups, setGroups] = useState<{ groups: MarkerGroup[]; elsewhere: ReviewComment[] }>({ groups: [], elsewhere: [] });
  const [shown, setShown] = useState<Shown>(null);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const load = useCallback(async () => {
    if (!path) return setThreads(null);
    try {
      const { threads: found } = await reviewApi.threadsOnPage(path);
      // An answer about a page left meanwhile is not this page's.
      if (useOpenPageStore.getState().path === path) setThreads(found);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [path]);
  // A page opened or saved (the change set has a new commit: threads may have moved), or the window back in view.
  useEffect(() => {
    if (saveState === 'saved') void load();
  }, [load, editor, saveState]);
  useEffect(() => {
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  // The markers: the plugin joins the editor while there are threads, and leaves with them.
  const hasThreads = threads !== null && threads.comments.length > 0;
  useEffect(() => {
    if (!editor || editor.isDestroyed || !hasThreads) return;
    registerLatePlugin(
      editor,
      reviewMarkersPlugin((key, button) => {
        opener.current = button;
        setShown({ key });
      }),
    );
    return () => {
      if (editor.isDestroyed) return;
      readPendingSelection(editor.view);
      editor.unregisterPlugin(reviewMarkersKey);
    };
  }, [editor, hasThreads]);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const found = threads ? markerGroups(threads.blocks, threads.comments, canvasBlockTexts(editor.state.doc)) : { groups: [], elsewhere: [] };
    setGroups(found);
    if (hasThreads) editor.view.dispatch(setReviewMarkers(editor.state.tr, found.groups.map(markerOf)));
  }, [editor, threads, hasThreads]);
  // Another page: its own threads.
  useEffect(() => setShown(null), [path]);

  if (!threads || threads.comments.length === 0) return error ? <span role="alert">{error}</span> : null;
  const roots = threads.comments.filter((c) => c.parentId === null);
  const open = roots.filter((r) => !r.resolved).length;
  const group = shown !== null && shown !== 'all' ? groups.groups.find((g) => markerOf(g).key === shown.key) : undefined;
  const close = () => {
    setShown(null);
    opener.current?.focus();
  };

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={(e) => {
          opener.current = e.currentTarget;
          setShown('all');
        }}
      >
        Review comments on this page ({open} open)
      </button>
      {shown !== null &&
        createPortal(
          <PanelOf
            threads={threads}
            roots={shown === 'all' ? roots : (group?.roots ?? [])}
            block={group && group.roots[0]!.blockIndex !== null ? (threads.blocks[group.roots[0]!.blockIndex] ?? null) : null}
            onChanged={load}
            onClose={close}
          />,
          document.body,
        )}
    </>
  );
}

function PanelOf(props: { threads: PageThreads; roots: ReviewComment[]; block: string | null; onChanged: () => Promise<void>; onClose: () => void }) {
  const { threads, roots } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <aside
      className="canvas-threads"
      aria-labelledby="canvas-threads-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') (e.preventDefault(), props.onClose());
      }}
    >
      <div className="canvas-threads__head">
        <h2 id="canvas-threads-title" ref={heading} tabIndex={-1}>
          Review comments
        </h2>
        <button type="button" className="button button--small" onClick={props.onClose}>
          Close
        </button>
      </div>
      <p className="canvas-threads__context">
        {props.block !== null ? <>On the block “{snippet(props.block)}”, </> : <>On this page, </>}
        in review request #{threads.request.id} “{threads.request.title}”.
      </p>
      {error && <p role="alert">{error}</p>}
      {roots.length === 0 ? (
        <p>No comments here any more.</p>
      ) : (
        <Threads requestId={threads.request.id} comments={threads.comments} roots={roots} live onChanged={props.onChanged} onError={setError} />
      )}
    </aside>
  );
}
