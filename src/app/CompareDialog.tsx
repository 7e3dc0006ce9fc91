import { useMemo } from 'react';
import { markdownToHtml } from '../core/markdown/markdownToHtml.ts';
import { frontMatterData } from '../core/pageFile.ts';
import { bodyCodec } from '../editor/bodyCodecInstance.ts';
import { finishSourceTracking } from '../editor/sourceTracking.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { Modal } from './Modal.tsx';
import { buildPreviewDocument, previewBody } from './preview/previewDocument.ts';
import { useInertFrameLinks } from './preview/useInertFrameLinks.ts';
import { previewStyles } from './preview/previewStyles.ts';
import './preview/previewDialog.css';

/** The markdown conversion's HTML with its kept blocks (Liquid, markup) put back in place, as the original shows them. */
function withKeptBlocks(html: string): string {
  if (!html.includes('data-raw-html')) return html;
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const placeholder of Array.from(template.content.querySelectorAll('[data-raw-html]'))) {
    const inner = document.createElement('template');
    inner.innerHTML = placeholder.getAttribute('data-raw-html') ?? '';
    placeholder.replaceWith(inner.content);
  }
  return template.innerHTML;
}

/**
 * The original markdown page and the converted page side by side, each in the site's preview frame:
 * left the markdown as it renders, right the body as saving would write it now. Both are sanitised,
 * and the frames are sandboxed without scripts.
 */
export default function CompareDialog({ onClose }: { onClose: () => void }) {
  const editor = useEditorStore((s) => s.editor);
  const opened = useOpenPageStore((s) => s.opened);
  const file = useOpenPageStore((s) => s.file);
  const path = useOpenPageStore((s) => s.path);
  const site = useWorkspaceStore((s) => s.site);
  const pages = useWorkspaceStore((s) => s.pages);

  const frames = useMemo(() => {
    if (!editor || !opened || !file || !path) return null;
    const codec = bodyCodec();
    const title = String(frontMatterData(file)['title'] ?? '');
    const css = previewStyles();
    const frame = (bodyHtml: string) =>
      buildPreviewDocument({ site, pages, path, title, css, bodyHtml: previewBody(codec.sanitizer.sanitize(bodyHtml, { keepPublishedEmbeds: true }).html, document) });
    const original = markdownToHtml(opened.file.body, { site: { baseurl: site?.baseurl ?? '' } }).html;
    finishSourceTracking(editor);
    const converted = codec.exportHtml({ ...opened.body, doc: editor.state.doc }).html;
    return { original: frame(withKeptBlocks(original)), converted: frame(converted) };
  }, [editor, opened, file, path, site, pages]);

  const onLoad = useInertFrameLinks(onClose);

  return (
    <Modal title="Compare with the original" onClose={onClose} className="modal--wide compare-dialog">
      <p className="modal__help">
        Left: the page as written in markdown. Right: the converted page, with your unsaved changes, as it will be saved. Links and embeds do not work
        here.
      </p>
      {frames && (
        <div className="compare-dialog__panes">
          <div className="compare-dialog__pane">
            <h3>Original (markdown)</h3>
            {/* Never add allow-scripts: with allow-same-origin it would let the page reach the editor. */}
            <iframe className="preview-frame" title="Original page" sandbox="allow-same-origin" srcDoc={frames.original} onLoad={onLoad} />
          </div>
          <div className="compare-dialog__pane">
            <h3>Converted (new format)</h3>
            <iframe className="preview-frame" title="Converted page" sandbox="allow-same-origin" srcDoc={frames.converted} onLoad={onLoad} />
          </div>
        </div>
      )}
      <div className="modal__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
