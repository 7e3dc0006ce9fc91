/** Rename, delete (to the trash) and the trash itself. */
import { useEffect, useState } from 'react';
import { forgetDraft } from '../store/draftStore.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import type { TrashItem } from '../storage/siteApi.ts';
import { siteStorage } from '../storage/siteStorage.ts';
import { DialogButtons, DialogError, useDialogAction } from './dialogParts.tsx';
import { Modal } from './Modal.tsx';
import { nameProblem } from './NewPageDialog.tsx';
import { draftTime } from './WorkspaceNotices.tsx';

function splitPath(path: string): { dir: string; base: string; ext: string } {
  const slash = path.lastIndexOf('/');
  const dir = slash >= 0 ? path.slice(0, slash + 1) : '';
  const file = path.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  return { dir, base: dot > 0 ? file.slice(0, dot) : file, ext: dot > 0 ? file.slice(dot) : '' };
}

/** Where deleted pages are kept: outside the site with the server; a folder opened in the browser keeps them in a dot folder of its own. */
const trashPlace = () => (siteStorage().kind === 'folder' ? 'in the hidden .isomer-editor-trash folder of the site' : 'outside the site folder');

export function RenamePageDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const path = useOpenPageStore((s) => s.path);
  const etag = useOpenPageStore((s) => s.etag);
  const unsaved = useOpenPageStore((s) => s.saveState !== 'saved');
  const parts = splitPath(path ?? '');
  const [name, setName] = useState(parts.base);
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useDialogAction();
  if (!path || !etag) return null;
  const problem = nameProblem(name, 'file name') ?? (name.trim() === parts.base ? 'Enter a different name.' : null);

  const submit = async () => {
    setTouched(true);
    if (problem || unsaved) return;
    await run(async () => {
      const to = `${parts.dir}${name.trim()}${parts.ext}`;
      const result = await siteStorage().renamePage!(path, to, etag);
      useOpenPageStore.setState({ path: result.path, etag: result.etag });
      await useWorkspaceStore.getState().refreshPages();
      closeDialog();
    });
  };

  return (
    <Modal title="Rename the page file" onClose={closeDialog}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {unsaved && (
          <p className="notice notice--warning" role="alert">
            Save your changes before renaming the file.
          </p>
        )}
        <div className="field">
          <label htmlFor="rename-page-name" className="field__label">
            File name
          </label>
          <input id="rename-page-name" className="field__input" value={name} autoFocus onChange={(e) => setName(e.target.value)} aria-describedby="rename-page-help" />
          <p id="rename-page-help" className="field__help">
            In {parts.dir || 'the site folder'}, ending {parts.ext}. The page's title and address do not change.
          </p>
          {touched && problem && <p className="field__error">{problem}</p>}
        </div>
        <DialogError error={error} />
        <DialogButtons onCancel={closeDialog} label="Rename" disabled={busy || unsaved} />
      </form>
    </Modal>
  );
}

export function DeletePageDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const path = useOpenPageStore((s) => s.path);
  const etag = useOpenPageStore((s) => s.etag);
  const title = useWorkspaceStore((s) => s.pages.find((p) => p.path === path)?.title ?? path);
  const { busy, error, run } = useDialogAction();
  if (!path || !etag) return null;

  const confirm = () =>
    run(async () => {
      await siteStorage().deletePage!(path, etag);
      await forgetDraft(path);
      useOpenPageStore.getState().close();
      await useWorkspaceStore.getState().refreshPages();
      closeDialog();
    });

  return (
    <Modal title={`Delete “${title}”?`} onClose={closeDialog} alert>
      <p className="modal__help">
        The page file <code>{path}</code> moves to the trash, {trashPlace()}, so it is no longer published. You can restore it from the
        Trash. Unsaved changes to it are lost.
      </p>
      <DialogError error={error} />
      <DialogButtons onCancel={closeDialog} label="Move to the trash" danger cancelFirst disabled={busy} onConfirm={() => void confirm()} />
    </Modal>
  );
}

export function TrashDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const [items, setItems] = useState<TrashItem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { error, run } = useDialogAction();

  const load = () => run(async () => setItems(await siteStorage().fetchTrash!()));
  useEffect(() => {
    void load();
  }, []);

  const restore = (item: TrashItem) =>
    run(async () => {
      setMessage(null);
      const restored = await siteStorage().restoreFromTrash!(item.id);
      setMessage(`Restored ${restored.path}.`);
      await useWorkspaceStore.getState().refreshPages();
      setItems(await siteStorage().fetchTrash!());
    });

  return (
    <Modal title="Trash" onClose={closeDialog}>
      <p className="modal__help">Deleted pages, newest first. They are kept {trashPlace()} until you restore them.</p>
      {items === null && !error && <p role="status">Loading…</p>}
      {items?.length === 0 && <p>The trash is empty.</p>}
      {items && items.length > 0 && (
        <ul className="trash-list">
          {items.map((item) => (
            <li key={item.id} className="trash-list__item">
              <span>
                <span className="trash-list__path">{item.path}</span>
                <span className="field__help"> deleted {draftTime(item.deletedAt)}</span>
              </span>
              <button type="button" className="button button--small" aria-label={`Restore ${item.path}`} onClick={() => void restore(item)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">{message && <p className="notice notice--info">{message}</p>}</div>
      <DialogError error={error} />
      <div className="modal__actions">
        <button type="button" className="button" onClick={closeDialog}>
          Close
        </button>
      </div>
    </Modal>
  );
}
