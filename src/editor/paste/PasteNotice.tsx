import { usePasteNoticeStore } from './pasteNotice.ts';

/** Tells the user what a paste left out and what to do instead. */
export function PasteNotice() {
  const message = usePasteNoticeStore((s) => s.message);
  const dismiss = usePasteNoticeStore((s) => s.dismiss);
  if (!message) return null;
  return (
    <div className="notice notice--warning paste-notice" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
