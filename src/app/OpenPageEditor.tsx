import { lazy, Suspense, useEffect } from 'react';
import type { OpenedPage } from '../core/pageDocument.ts';
import PageEditor from '../editor/PageEditor.tsx';
import { usePaintedAfter } from '../editor/usePaintedAfter.ts';
import { siteLayoutOf } from '../site/siteLayout.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { SaveNotices } from './SaveNotices.tsx';

// Most pages open with nothing to report: the markdown and import notices load only for those that do.
const MarkdownNotice = lazy(() => import('./MarkdownNotice.tsx').then((m) => ({ default: m.MarkdownNotice })));
const ImportReportNotice = lazy(() => import('./ImportReportNotice.tsx').then((m) => ({ default: m.ImportReportNotice })));
// The homepage and Contact Us are their front matter: each has a screen of its own, loaded when opened.
const HomepageEditor = lazy(() => import('./site/HomepageEditor.tsx'));
const ContactUsEditor = lazy(() => import('./site/ContactUsEditor.tsx'));
// The toolbar loads once the page has painted: the page shows first, the buttons a frame later.
const Toolbar = lazy(() => import('../editor/editorChrome.ts').then((m) => ({ default: m.Toolbar })));

/** The toolbar, the notices about the page and its editing canvas (loaded with the editor code). */
export default function OpenPageEditor({ opened, loadCount }: { opened: OpenedPage; loadCount: number }) {
  const editor = useEditorStore((s) => s.editor);
  const painted = usePaintedAfter(editor);
  const layout = siteLayoutOf(opened.file.frontMatterText, opened.file.body);
  // Such a page has no blocks to set: the side panel shows its settings (title, description, image).
  useEffect(() => {
    if (layout) useUiStore.getState().setPanelTab('settings');
  }, [layout, loadCount]);
  if (layout) {
    const LayoutEditor = layout === 'homepage' ? HomepageEditor : ContactUsEditor;
    return (
      <div className="editor-area__scroll">
        <SaveNotices />
        <Suspense fallback={<p className="editor-area__empty" role="status">Opening the editor…</p>}>
          <LayoutEditor />
        </Suspense>
        {/* The (empty) body keeps its editor, unseen, so saving, drafts and preview work as for any page. */}
        <div hidden>
          <PageEditor key={loadCount} opened={opened} />
        </div>
      </div>
    );
  }
  return (
    <>
      <Suspense fallback={<div className="toolbar toolbar--pending" aria-hidden="true" />}>
        {editor && painted ? <Toolbar editor={editor} /> : <div className="toolbar toolbar--pending" aria-hidden="true" />}
      </Suspense>
      <div className="editor-area__scroll">
        <SaveNotices />
        {(opened.format === 'markdown' || opened.report.length > 0) && (
          <Suspense fallback={null}>
            <MarkdownNotice />
            <ImportReportNotice />
          </Suspense>
        )}
        <PageEditor key={loadCount} opened={opened} />
      </div>
    </>
  );
}
