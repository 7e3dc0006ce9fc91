import { useOpenPageStore } from '../store/openPageStore.ts';

/** A markdown page opens converted; saving writes it in the visual (tiptap) format. */
export function MarkdownNotice() {
  const markdown = useOpenPageStore((s) => s.opened?.format === 'markdown' && s.opened.file.frontMatterError === null && s.opened.file.body.trim() !== '');
  if (!markdown) return null;
  return (
    <div className="notice notice--info" role="note">
      <p>
        This page was written in markdown. It has been converted so you can edit it here; the file stays unchanged until you save. Saving stores it in the
        visual editor's format.
      </p>
    </div>
  );
}
