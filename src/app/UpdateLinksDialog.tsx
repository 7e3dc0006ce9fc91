import { useState } from 'react';
import { updateLinks, type LinkingPage, type LinkUpdateResult } from '../store/linkUpdates.ts';
import { useUiStore } from '../store/uiStore.ts';
import { Modal } from './Modal.tsx';

/** After a page's address changed: the pages that link to the old one, and the offer to update them. */
export default function UpdateLinksDialog({ from, to, pages }: { from: string; to: string; pages: LinkingPage[] }) {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const [state, setState] = useState<'asking' | 'updating' | LinkUpdateResult[]>('asking');
  const titleOf = (path: string) => pages.find((p) => p.path === path)?.title ?? path;

  return (
    <Modal title="Update links to the old address?" onClose={closeDialog}>
      <p className="modal__help">
        This page’s address changed from <code>{from}</code> to <code>{to}</code>. These pages link to the old address:
      </p>
      {Array.isArray(state) ? (
        <ul className="modal__choices" aria-label="What was updated">
          {state.map((r) => (
            <li key={r.path}>
              {titleOf(r.path)} ({r.path}): {r.problem === null ? 'updated and saved' : <span className="field__error">not updated: {r.problem}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <ul className="modal__choices" aria-label="Pages that link to the old address">
          {pages.map((p) => (
            <li key={p.path}>
              {p.title} ({p.path}): {p.links === 1 ? '1 link' : `${p.links} links`}
            </li>
          ))}
        </ul>
      )}
      {!Array.isArray(state) && <p className="modal__help">Updating changes only those links, and saves each page on its own.</p>}
      <div className="modal__actions">
        {Array.isArray(state) ? (
          <button type="button" className="button button--primary" onClick={closeDialog}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={closeDialog} disabled={state === 'updating'}>
              Leave them
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={state === 'updating'}
              onClick={async () => {
                setState('updating');
                setState(await updateLinks(pages, from, to));
              }}
            >
              {state === 'updating' ? 'Updating…' : pages.length === 1 ? 'Update the link in this page' : `Update links in ${pages.length} pages`}
            </button>
          </>
        )}
      </div>
    </Modal>
  );
}
