import { useState } from 'react';
import { fileStorage } from '../storage/fileStorage.ts';
import { canOpenFolders, pickSiteFolder } from '../storage/folderStorage.ts';
import { showSiteImages } from '../storage/siteImages.ts';
import { useStorageStore } from '../storage/siteStorage.ts';
import { pageInAddress } from './pageAddress.ts';

/** Shown when the editor was opened without the site server (a static host): pick what to edit. */
export function StartScreen() {
  const setStorage = useStorageStore((s) => s.setStorage);
  const [error, setError] = useState<string | null>(null);
  const folders = canOpenFolders();
  const linkedPage = pageInAddress();

  return (
    <main id="main-content" className="start-screen">
      <h1>Isomer Page Editor</h1>
      <p>
        The editor is running without its site server, so it cannot reach a site by itself. Choose what to edit. Unsaved work is kept in this
        browser as a draft.
      </p>
      {linkedPage && (
        <p className="notice notice--info start-screen__linked" role="status">
          This address links to the page <code>{linkedPage}</code>. For your safety a browser page cannot reopen a folder by itself: open the
          site folder again and that page opens.
        </p>
      )}
      <div className="start-screen__choices">
        <section className="start-screen__choice" aria-labelledby="start-folder">
          <h2 id="start-folder">Open a site folder</h2>
          <p>Edit the pages of an Isomer site folder on this computer: save, create, rename and delete pages, and upload media. Changes are written to the folder directly.</p>
          <button
            type="button"
            className="button button--primary"
            disabled={!folders}
            onClick={async () => {
              setError(null);
              try {
                const storage = await pickSiteFolder();
                if (!storage) return;
                // Pages refer to images by site address; without the server those are read from the folder.
                showSiteImages(document.body, storage.imageUrl);
                setStorage(storage);
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
              }
            }}
          >
            Open a site folder
          </button>
          {!folders && <p className="field__help">This browser cannot open folders; use Chrome or Edge, or open a single page file.</p>}
        </section>
        <section className="start-screen__choice" aria-labelledby="start-file">
          <h2 id="start-file">Open a page file</h2>
          <p>Edit one page (.md) file. Saving downloads the edited file; put it back in the site yourself.</p>
          <label htmlFor="start-file-input" className="field__label">
            Page file
          </label>
          <input
            id="start-file-input"
            type="file"
            accept=".md,.markdown,text/markdown"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setError(null);
              try {
                setStorage(await fileStorage(file));
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
              }
            }}
          />
        </section>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
