import { lazy, Suspense } from 'react';
import type { OpenedPage } from '../core/pageDocument.ts';
import PageEditor from '../editor/PageEditor.tsx';
import { Toolbar } from '../editor/Toolbar.tsx';
import { useEditorStore } from '../store/editorStore.ts';
import { SaveNotices } from './SaveNotices.tsx';

// Most pages open with nothing to report: the markdown and import notices load only for those that do.
const MarkdownNotice = lazy(() => import('./MarkdownNotice.tsx').then((m) => ({ default: m.MarkdownNotice })));
const ImportReportNotice = lazy(() => import('./ImportReportNotice.tsx').then((m) => ({ default: m.ImportReportNotice })));

/** The toolbar, the notices about the page and its editing canvas (loaded with the editor code). */
export default function OpenPageEditor({ opened, loadCount }: { opened: OpenedPage; loadCount: number }) {
  const editor = useEditorStore((s) => s.editor);
  return (
    <>
      {editor && <Toolbar editor={editor} />}
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
