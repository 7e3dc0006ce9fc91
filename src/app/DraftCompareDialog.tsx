import { useEffect, useState } from 'react';
import { frontMatterData } from '../core/pageFile.ts';
import { writePageFile } from '../core/pageFileText.ts';
import { siteLayoutOf } from '../site/siteLayout.ts';
import { useDraftStore } from '../store/draftStore.ts';
import { frontMatterReady, useOpenPageStore } from '../store/openPageStore.ts';
import { pageCore } from '../store/pageCoreLoader.ts';
import { useUiStore } from '../store/uiStore.ts';
import { DiffView } from './DiffView.tsx';
import { Modal } from './Modal.tsx';
import { frontMatterFieldChanges, type FieldChangeGroup } from './reviewChanges.ts';
import { FieldChangesTables } from './site/FieldChangesTables.tsx';

/** The file text the offered draft would save, against the file on disk. */
export default function DraftCompareDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const offered = useDraftStore((s) => s.offered);
  const opened = useOpenPageStore((s) => s.opened);
  const [texts, setTexts] = useState<{ disk: string; draft: string; fields?: FieldChangeGroup[] } | null>(null);
  useEffect(() => {
    if (!offered || !opened) return setTexts(null);
    let live = true;
    // Saving the draft means writing its settings: the same save the Save button does, once the YAML parser is in.
    void frontMatterReady().then(({ savePage, withFrontMatterText }) => {
      if (!live) return;
      const codec = pageCore().bodyCodec();
      const disk = writePageFile(opened.file);
      try {
        const file = withFrontMatterText(opened.file, offered.frontMatterText);
        // The homepage and Contact Us are all front matter: their changes read best field by field.
        const fields = siteLayoutOf(opened.file.frontMatterText, opened.file.body) ? frontMatterFieldChanges(frontMatterData(opened.file), frontMatterData(file)) : undefined;
        setTexts({ disk, draft: savePage(codec, opened, codec.fromJSON(offered.doc as never), file).text, fields });
      } catch (err) {
        setTexts({ disk, draft: `The draft could not be read: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
    return () => {
      live = false;
    };
  }, [offered, opened]);

  return (
    <Modal title="Compare the draft with the page on disk" onClose={closeDialog} className="modal--wide">
      {texts?.fields && <FieldChangesTables groups={texts.fields} />}
      {texts ? <DiffView before={texts.disk} after={texts.draft} beforeLabel="on disk" afterLabel="draft" /> : offered ? <p role="status">Reading the draft…</p> : <p>There is no draft to compare.</p>}
      <div className="modal__actions">
        <button type="button" className="button" onClick={closeDialog}>
          Close
        </button>
      </div>
    </Modal>
  );
}
