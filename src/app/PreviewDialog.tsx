import latoBold from '@fontsource/lato/700.css?inline';
import latoRegular from '@fontsource/lato/400.css?inline';
import { useMemo } from 'react';
import canvasCss from '../editor/canvas.css?inline';
import { frontMatterData } from '../core/pageFile.ts';
import { bodyCodec } from '../editor/bodyCodecInstance.ts';
import { registryCss } from '../editor/blockStyles.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { Modal } from './Modal.tsx';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colour(colors: Record<string, unknown> | null | undefined, key: string, fallback: string): string {
  const value = colors?.[key];
  return typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value) ? value : fallback;
}

/** The page as the site will show it: the saved HTML, sanitised, in a sandboxed frame with no scripts. */
export default function PreviewDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const editor = useEditorStore((s) => s.editor);
  const opened = useOpenPageStore((s) => s.opened);
  const file = useOpenPageStore((s) => s.file);
  const colors = useWorkspaceStore((s) => s.site?.colors);

  const srcDoc = useMemo(() => {
    if (!editor || !opened || !file) return '';
    const codec = bodyCodec();
    const { html } = codec.exportHtml({ ...opened.body, doc: codec.fromJSON(editor.getJSON()) });
    const body = codec.sanitizer.sanitize(html).html;
    const title = String(frontMatterData(file)['title'] ?? '');
    const primary = colour(colors, 'primary-color', '#0b6e4f');
    const secondary = colour(colors, 'secondary-color', '#1f4e79');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
${latoRegular}
${latoBold}
${canvasCss}
${registryCss()}
:root { --site-primary: ${primary}; --site-secondary: ${secondary}; }
body { margin: 0; background: #fff; }
.preview-banner { background: var(--site-secondary); color: #fff; padding: 3rem 1.5rem; }
.preview-banner h1 { color: #fff; margin: 0 auto; max-width: 1280px; font-family: Lato, sans-serif; font-size: 3rem; line-height: 3.5rem; }
.preview-page { max-width: 1280px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
</style></head><body>
<header class="preview-banner"><h1>${escapeHtml(title)}</h1></header>
<div class="preview-page isomer-canvas"><div class="isomer-content">${body}</div></div>
</body></html>`;
  }, [editor, opened, file, colors]);

  return (
    <Modal title="Preview" onClose={closeDialog} className="modal--wide">
      <p className="modal__help">This is how the page will look on the site, with your unsaved changes. Links and embeds do not work here.</p>
      <iframe className="preview-frame" title="Page preview" sandbox="allow-same-origin" srcDoc={srcDoc} />
      <div className="modal__actions">
        <button type="button" className="button button--primary" onClick={closeDialog}>
          Close preview
        </button>
      </div>
    </Modal>
  );
}
