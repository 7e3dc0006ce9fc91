import type { OpenedPage } from '../core/pageDocument.ts';
import PageEditor from '../editor/PageEditor.tsx';
import { Toolbar } from '../editor/Toolbar.tsx';
import { useEditorStore } from '../store/editorStore.ts';
import { ImportReportNotice } from './ImportReportNotice.tsx';
import { MarkdownNotice } from './MarkdownNotice.tsx';
import { SaveNotices } from './SaveNotices.tsx';

/** The toolbar, the notices about the page and its editing canvas (loaded with the editor code). */
export default function OpenPageEditor({ opened, loadCount }: { opened: OpenedPage; loadCount: number }) {
  const editor = useEditorStore((s) => s.editor);
  return (
    <>
      {editor && <Toolbar editor={editor} />}
      <div className="editor-area__scroll">
        <SaveNotices />
        <MarkdownNotice />
        <ImportReportNotice />
        <PageEditor key={loadCount} opened={opened} />
      </div>
    </>
  );
}
