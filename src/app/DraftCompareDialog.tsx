import { useMemo } from 'react';
import { setFrontMatterValue, withFrontMatterText, writePageFile } from '../core/pageFile.ts';
import { useDraftStore } from '../store/draftStore.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { pageCore } from '../store/pageCoreLoader.ts';
import { useUiStore } from '../store/uiStore.ts';
import { DiffView } from './DiffView.tsx';
import { Modal } from './Modal.tsx';

/** The file text the offered draft would save, against the file on disk. */
export default function DraftCompareDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const offered = useDraftStore((s) => s.offered);
  const opened = useOpenPageStore((s) => s.opened);
  const texts = useMemo(() => {
    if (!offered || !opened) return null;
    const { bodyCodec, savePageWith } = pageCore();
    const codec = bodyCodec();
    const disk = writePageFile(opened.file);
    try {
      const file = withFrontMatterText(opened.file, offered.frontMatterText);
      return { disk, draft: savePageWith(setFrontMatterValue, codec, opened, codec.fromJSON(offered.doc as never), file).text };
    } catch (err) {
      return { disk, draft: `The draft could not be read: ${err instanceof Error ? err.message : String(err)}` };
    }
  }, [offered, opened]);

  return (
    <Modal title="Compare the draft with the page on disk" onClose={closeDialog} className="modal--wide">
      {texts ? <DiffView before={texts.disk} after={texts.draft} beforeLabel="on disk" afterLabel="draft" /> : <p>There is no draft to compare.</p>}
      <div className="modal__actions">
        <button type="button" className="button" onClick={closeDialog}>
          Close
        </button>
      </div>
    </Modal>
  );
}
