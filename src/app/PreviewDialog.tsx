import { useEffect, useMemo, useState } from 'react';
import { frontMatterData } from '../core/pageFile.ts';
import { bodyCodec } from '../editor/bodyCodecInstance.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { frontMatterReady, useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { Modal } from './Modal.tsx';
import './preview/previewDialog.css';
import { buildPreviewDocument, previewBody } from './preview/previewDocument.ts';
import { previewStyles } from './preview/previewStyles.ts';
import { useInertFrameLinks } from './preview/useInertFrameLinks.ts';

type Width = 'desktop' | 'mobile';

const WIDTHS: { id: Width; label: string }[] = [
  { id: 'desktop', label: 'Desktop' },
  { id: 'mobile', label: 'Mobile (375 px)' },
];

/**
 * The page as the site will show it, with the unsaved changes: the body as export writes it, sanitised
 * again, inside the site's header, banner, breadcrumb, navigation and footer. The frame is sandboxed
 * without scripts; links do not navigate.
 */
export default function PreviewDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const editor = useEditorStore((s) => s.editor);
  const opened = useOpenPageStore((s) => s.opened);
  const file = useOpenPageStore((s) => s.file);
  const path = useOpenPageStore((s) => s.path);
  const site = useWorkspaceStore((s) => s.site);
  const pages = useWorkspaceStore((s) => s.pages);
  const [width, setWidth] = useState<Width>('desktop');
  // The settings (title and the rest) are read once the YAML parser has loaded; this asks for it.
  useEffect(() => void frontMatterReady(), []);

  const srcDoc = useMemo(() => {
    if (!editor || !opened || !file || !path) return '';
    const codec = bodyCodec();
    const { html } = codec.exportHtml({ ...opened.body, doc: codec.fromJSON(editor.getJSON()) });
    // Embeds the page already publishes show as on the site (export wrote every other block afresh).
    const body = previewBody(codec.sanitizer.sanitize(html, { keepPublishedEmbeds: true }).html, document);
    const title = String(frontMatterData(file)['title'] ?? '');
    return buildPreviewDocument({
      site,
      pages,
      path,
      title,
      bodyHtml: body,
      css: previewStyles(),
    });
  }, [editor, opened, file, path, site, pages]);

  const onLoad = useInertFrameLinks(closeDialog);

  return (
    <Modal title="Preview" onClose={closeDialog} className="modal--wide preview-dialog">
      <p className="modal__help">This is how the page will look on the site, with your unsaved changes. Links and embeds do not work here.</p>
      <div className="preview-widths" role="group" aria-label="Preview width">
        {WIDTHS.map((w) => (
          <button
            key={w.id}
            type="button"
            className={`button button--small${width === w.id ? ' button--primary' : ''}`}
            aria-pressed={width === w.id}
            onClick={() => setWidth(w.id)}
          >
            {w.label}
          </button>
        ))}
      </div>
      <div className={`preview-stage preview-stage--${width}`}>
        {/* Never add allow-scripts: with allow-same-origin it would let the page reach the editor. */}
        <iframe className="preview-frame" title="Page preview" sandbox="allow-same-origin" srcDoc={srcDoc} onLoad={onLoad} />
      </div>
      <div className="modal__actions">
        <button type="button" className="button button--primary" onClick={closeDialog}>
          Close preview
        </button>
      </div>
    </Modal>
  );
}
