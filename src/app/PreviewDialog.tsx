import { useEffect, useMemo, useState } from 'react';
import { frontMatterData } from '../core/pageFile.ts';
import { bodyCodec } from '../editor/bodyCodecInstance.ts';
import { finishSourceTracking } from '../editor/sourceTracking.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { frontMatterReady, useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { Modal } from './Modal.tsx';
import './preview/previewDialog.css';
import { buildPreviewDocument, navigationLinks, previewBody } from './preview/previewDocument.ts';
import { previewStyles } from './preview/previewStyles.ts';
import { contactUsHtml, homepageHtml } from './preview/sitePreview.ts';
import { useInertFrameLinks } from './preview/useInertFrameLinks.ts';
import { useSitePreviewData } from './preview/useSitePreviewData.ts';
import { siteLayoutOf } from '../site/siteLayout.ts';

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
  // The settings, navigation and footer with the edits of their screens, saved or not.
  const { site, footer } = useSitePreviewData();
  const pages = useWorkspaceStore((s) => s.pages);
  const [width, setWidth] = useState<Width>('desktop');
  // The settings (title and the rest) are read once the YAML parser has loaded; this asks for it.
  useEffect(() => void frontMatterReady(), []);

  const srcDoc = useMemo(() => {
    if (!editor || !opened || !file || !path) return '';
    const codec = bodyCodec();
    finishSourceTracking(editor);
    const { html } = codec.exportHtml({ ...opened.body, doc: editor.state.doc });
    // Embeds the page already publishes show as on the site (export wrote every other block afresh).
    const body = previewBody(codec.sanitizer.sanitize(html, { keepPublishedEmbeds: true }).html, document);
    const data = frontMatterData(file);
    const title = String(data['title'] ?? '');
    // The homepage and Contact Us are laid out from their front matter, as the theme does.
    const layout = siteLayoutOf(file.frontMatterText, file.body);
    const context = { siteTitle: site?.title ?? '', resourcesName: site?.resourcesName ?? null, pages, navLinks: navigationLinks(site, pages).links };
    return buildPreviewDocument({
      site,
      pages,
      path,
      title,
      bodyHtml: layout === 'contact_us' ? contactUsHtml(data, context, footer) : body,
      ownLayoutHtml: layout === 'homepage' ? homepageHtml(data, context) : undefined,
      footer,
      css: previewStyles(),
    });
  }, [editor, opened, file, path, site, pages, footer]);

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
