import { Editor } from '@tiptap/core';
import { EditorState, NodeSelection, Selection } from '@tiptap/pm/state';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BodyReportItem } from '../core/bodyCodec.ts';
import { bodyStartLineOf } from '../core/openedPage.ts';
import type { OpenedPage } from '../core/pageDocument.ts';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useEditorStore } from '../store/editorStore.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { docInSchema } from '../core/docInSchema.ts';
import { bodyCodec } from './bodyCodecInstance.ts';
import EditorBubbleMenus from './BubbleMenusOnFocus.tsx'; // loads the menus on first focus
import { injectBlockStyles } from './blockStyles.ts';
import { createEditorExtensions } from './createEditorExtensions.ts';
import { loadBlockViewsWhenIdle } from './lazyBlockViews.ts';
import { trackSourcesWhenIdle } from './sourceTracking.ts';
import { PasteNotice } from './paste/PasteNotice.tsx';
import { usePaintedAfter } from './usePaintedAfter.ts';
import './editorExtras.css';

// What the page does not need to show itself loads once it has painted: the notices about it, the slash
// menu's popup (its plugin is in the editor from the start) and the word count.
const MissingAltNotice = lazy(() => import('./editorChrome.ts').then((m) => ({ default: m.MissingAltNotice })));
const EmptyPartsNotice = lazy(() => import('./editorChrome.ts').then((m) => ({ default: m.EmptyPartsNotice })));
const SlashMenuPopup = lazy(() => import('./editorChrome.ts').then((m) => ({ default: m.SlashMenuPopup })));
const WordCount = lazy(() => import('./editorChrome.ts').then((m) => ({ default: m.WordCount })));

// Pasted markup is cleaned and sanitised by the PasteCleanup extension (createEditorExtensions.ts).

interface PageEditorProps {
  opened: OpenedPage;
}

/**
 * Tells the store whether the document differs from the last one read or saved. Runs on every
 * transaction but writes to the store only when the answer changes, so typing re-renders nothing.
 */
function trackDirty(editor: Editor): () => void {
  const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
    if (!transaction.docChanged) return;
    const { baselineDoc, setDirty } = useOpenPageStore.getState();
    const doc = editor.state.doc;
    // Children are shared between versions, so `eq` stops early; the size check skips it while typing.
    const same = doc === baselineDoc || (baselineDoc !== null && doc.content.size === baselineDoc.content.size && doc.eq(baselineDoc));
    setDirty(!same);
  };
  editor.on('transaction', onTransaction);
  return () => editor.off('transaction', onTransaction);
}

/**
 * What the blocks' render-back checks, run after the page showed, found: the report gains it, and blocks
 * put back as raw blocks are the page as read (not an edit) unless the page was edited before.
 */
function keepChecked(editor: Editor, report: BodyReportItem[], before: PMNode): void {
  const s = useOpenPageStore.getState();
  if (!s.opened) return;
  const asRead = s.baselineDoc === before;
  const doc = editor.state.doc;
  useOpenPageStore.setState({
    opened: {
      ...s.opened,
      // (Counted in the body, the lines of the report are counted in the file.)
      report: [...s.opened.report, ...report.map((item) => ({ ...item, line: item.line + bodyStartLineOf(s.opened!.file) }))],
      ...(asRead ? { body: { ...s.opened.body, doc } } : {}),
    },
    ...(asRead ? { baselineDoc: doc } : {}),
  });
  if (asRead) s.setDirty(false);
}

/**
 * A page that begins with an image would start with that image selected, unseen while the editor has
 * no focus; a click on the image would then not count as a new selection and the caret would drop into
 * the next block. The caret starts in the first text instead (or stays put if the page has none).
 */
function startWithTextCaret(editor: Editor): void {
  const { state } = editor;
  if (!(state.selection instanceof NodeSelection)) return;
  const caret = Selection.findFrom(state.doc.resolve(0), 1, true);
  if (caret) editor.view.dispatch(state.tr.setSelection(caret).setMeta('addToHistory', false));
}

/**
 * Before every commit, React measures the caret in the focused text field, to put it back should the
 * commit move the focus: in an editable element that is a walk over all of its DOM, milliseconds on a
 * long page for each status or toolbar change. The editor keeps its own selection, so the canvas tells
 * React it is not editable itself (its `contentEditable` property; the attribute, which the browser
 * goes by, is unchanged, and is still set through the property).
 */
function hideCaretFromReact(dom: HTMLElement): void {
  Object.defineProperty(dom, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => dom.setAttribute('contenteditable', value),
  });
}

/** A TipTap editor holding the opened page's document. */
function createPageEditor(opened: OpenedPage): Editor {
  const codec = bodyCodec();
  const editor = new Editor({
    extensions: createEditorExtensions(codec),
    // Drawn once it holds the page (below).
    element: null,
    enableInputRules: true,
    enablePasteRules: true,
    // Nothing listens for the `delete` event, and working it out after every change costs a task per key.
    enableCoreExtensions: { delete: false },
    editorProps: {
      attributes: {
        'aria-label': 'Page content',
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'isomer-content',
        spellcheck: 'true',
      },
    },
  });
  // The page's document itself, hidden source attributes and all, made again in the editor's schema.
  editor.view.updateState(EditorState.create({ schema: editor.schema, doc: docInSchema(opened.body.doc, editor.schema) }));
  editor.mount(document.createElement('div'));
  // The view was created with the blocks' node views (none of them React's). Setting them again when
  // the canvas mounts, as the React binding does, would redraw the whole page: its first render twice.
  editor.createNodeViews = () => undefined;
  hideCaretFromReact(editor.view.dom);
  return editor;
}

/**
 * Puts a mounted editor in the stores, with the editor's copy of the document as the one kept from now
 * on (the codec's is let go), and starts what follows its edits. Returns what stops that.
 */
function attachEditor(editor: Editor, opened: OpenedPage): () => void {
  injectBlockStyles();
  startWithTextCaret(editor);
  bodyCodec().adoptUnedited(opened.body.doc, editor.state.doc);
  const current = useOpenPageStore.getState().opened;
  useOpenPageStore.setState({
    baselineDoc: editor.state.doc,
    dirty: false,
    ...(current === opened ? { opened: { ...opened, body: { ...opened.body, doc: editor.state.doc } } } : {}),
  });
  useEditorStore.getState().setEditor(editor);
  // What only saving needs is worked out when the browser is idle (a save before then finishes it).
  const stopSourceTracking = trackSourcesWhenIdle(editor, bodyCodec(), (report, before) => keepChecked(editor, report, before));
  const stopTracking = trackDirty(editor);
  // After the canvas is in the page, so that the page paints before the views load.
  loadBlockViewsWhenIdle(editor);
  return () => {
    stopSourceTracking();
    stopTracking();
    if (useEditorStore.getState().editor === editor) useEditorStore.getState().setEditor(null);
  };
}

/**
 * The canvas's editor, made from the opened page on first render and attached once mounted. Apart from
 * the canvas so that `opened` is in no scope its effects' cleanups keep: the first render's would hold
 * the document read from the file for as long as the canvas, a second copy of the page beside the editor's.
 */
function usePageEditor(opened: OpenedPage): Editor {
  const [editor] = useState(() => createPageEditor(opened));
  useEffect(() => attachEditor(editor, opened), [editor]);
  return editor;
}

/** The editing canvas of one opened page. Mounted anew (by key) for every page loaded. */
export default function PageEditor({ opened }: PageEditorProps) {
  // One editor for the life of this canvas, made here rather than through the binding's hook: the hook
  // can destroy and remake the editor when a large page keeps the first render busy, building the
  // whole page twice. Nothing re-renders on a transaction: parts that show editor state subscribe.
  const editor = usePageEditor(opened);
  const pendingDestroy = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLayoutEffect(() => {
    if (pendingDestroy.current !== null) clearTimeout(pendingDestroy.current);
    // Destroyed once unmounted for good (a remount straight after, as in development checks, keeps it).
    return () => {
      pendingDestroy.current = setTimeout(() => editor.destroy(), 0);
    };
  }, [editor]);

  // The editor's element moves into the canvas (as the React binding would do; no block renders with React).
  const content = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = content.current;
    const holder = editor.view.dom.parentNode;
    if (!element || !holder || holder === element) return;
    element.append(...holder.childNodes);
    editor.setOptions({ element });
  }, [editor]);
  const painted = usePaintedAfter(editor);

  return (
    <div className="isomer-canvas">
      <PasteNotice />
      {painted && (
        <Suspense fallback={null}>
          <MissingAltNotice editor={editor} />
          <EmptyPartsNotice editor={editor} />
        </Suspense>
      )}
      <div ref={content} />
      <Suspense fallback={null}>
        {painted && <SlashMenuPopup editor={editor} />}
        <EditorBubbleMenus editor={editor} />
        {painted && <WordCount editor={editor} />}
      </Suspense>
    </div>
  );
}
