/** The media library: the site's images (with thumbnails) and files, uploads, and the image picker. */
import { useEffect, useRef, useState } from 'react';
import { useUiStore } from '../store/uiStore.ts';
import type { MediaFile } from '../storage/siteApi.ts';
import { SiteApiError } from '../storage/siteApi.ts';
import { siteStorage } from '../storage/siteStorage.ts';
import { Modal } from './Modal.tsx';

const ACCEPT = {
  images: '.png,.jpg,.jpeg,.gif,.svg,.webp',
  files: '.pdf,.docx,.xlsx,.pptx,.csv,.txt',
};

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function MediaLibrary({ picking, onClose, onPick }: { picking: boolean; onClose: () => void; onPick: (file: MediaFile, alt: string) => void }) {
  const storage = siteStorage();
  const [dir, setDir] = useState<'images' | 'files'>('images');
  const [files, setFiles] = useState<MediaFile[] | null>(null);
  const [selected, setSelected] = useState<MediaFile | null>(null);
  const [alt, setAlt] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pendingReplace, setPendingReplace] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const activeDir = picking ? 'images' : dir;

  const load = async (d: 'images' | 'files') => {
    setFiles(null);
    try {
      setFiles(storage.fetchMedia ? await storage.fetchMedia(d) : []);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setFiles([]);
    }
  };
  useEffect(() => {
    void load(activeDir);
  }, [activeDir]);

  const upload = async (file: File, overwrite = false) => {
    setError(null);
    setMessage(null);
    setPendingReplace(null);
    try {
      const result = await storage.uploadMedia!(activeDir, file, overwrite);
      setMessage(`${result.replaced ? 'Replaced' : 'Uploaded'} ${result.path}.`);
      await load(activeDir);
      setSelected({ path: result.path, url: result.url, size: result.size, modified: Date.now() });
    } catch (err) {
      if (err instanceof SiteApiError && err.status === 409) {
        setPendingReplace(file);
        setError(`A file named “${file.name}” is already in ${activeDir}/. Replace it, or rename your file and upload it again.`);
      } else setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Modal title={picking ? 'Choose an image' : 'Media library'} onClose={onClose} className="modal--wide media-dialog">
      {!picking && (
        <div className="media-dialog__tabs" role="group" aria-label="Folder">
          {(['images', 'files'] as const).map((d) => (
            <button key={d} type="button" className="button button--small" aria-pressed={dir === d} onClick={() => setDir(d)}>
              {d === 'images' ? 'Images' : 'Files'}
            </button>
          ))}
        </div>
      )}
      {storage.uploadMedia && (
        <div className="media-dialog__upload">
          <button type="button" className="button" onClick={() => input.current?.click()}>
            Upload {activeDir === 'images' ? 'an image' : 'a file'}
          </button>
          <input
            id="media-upload-input"
            ref={input}
            type="file"
            tabIndex={-1}
            aria-label={activeDir === 'images' ? 'Image to upload' : 'File to upload'}
            className="visually-hidden"
            accept={ACCEPT[activeDir]}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
              e.target.value = '';
            }}
          />
          <span className="field__help">
            {activeDir === 'images'
              ? 'PNG, JPG, GIF, SVG or WebP, up to 5 MB. An SVG is stored exactly as uploaded: one that holds script or loads other files is refused, not cleaned, and the reason is shown.'
              : 'PDF, Word, Excel, PowerPoint, CSV or text, up to 20 MB.'}
          </span>
        </div>
      )}
      <div aria-live="polite">{message && <p className="notice notice--info">{message}</p>}</div>
      {error && (
        <div className="field__error" role="alert">
          <p>{error}</p>
          {pendingReplace && (
            <button type="button" className="button button--small button--danger" onClick={() => void upload(pendingReplace, true)}>
              Replace it
            </button>
          )}
        </div>
      )}
      {files === null && <p role="status">Loading…</p>}
      {files?.length === 0 && <p>There is nothing in {activeDir}/ yet.</p>}
      {files && files.length > 0 && (
        <ul className={`media-grid media-grid--${activeDir}`} aria-label={activeDir === 'images' ? 'Images' : 'Files'}>
          {files.map((f) => (
            <li key={f.path}>
              <button
                type="button"
                className={`media-grid__item${selected?.path === f.path ? ' is-selected' : ''}`}
                aria-pressed={selected?.path === f.path}
                onClick={() => setSelected(f)}
                title={f.path}
              >
                {activeDir === 'images' && <img src={f.url} alt="" loading="lazy" className="media-grid__thumb" />}
                <span className="media-grid__name">{f.path.replace(/^(images|files)\//, '')}</span>
                <span className="field__help">{sizeText(f.size)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {picking && selected && (
        <div className="field">
          <label htmlFor="media-alt" className="field__label">
            Alternative text
          </label>
          <input id="media-alt" className="field__input" value={alt} onChange={(e) => setAlt(e.target.value)} />
          <p className="field__help">What the image shows, for people who cannot see it. Leave empty for a decorative image.</p>
        </div>
      )}
      {!picking && selected && (
        <p className="field__help">
          Address: <code>{selected.url}</code>
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {picking ? 'Cancel' : 'Close'}
        </button>
        {picking && (
          <button type="button" className="button button--primary" disabled={!selected} onClick={() => selected && onPick(selected, alt)}>
            Use this image
          </button>
        )}
      </div>
    </Modal>
  );
}

/** Opened from the page list ("Media"). */
export default function MediaDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  return <MediaLibrary picking={false} onClose={closeDialog} onPick={() => undefined} />;
}

/** Opened by `useUiStore.getState().openMediaPicker()`; answers it. */
export function MediaPickerDialog() {
  const close = useUiStore((s) => s.closeMediaPicker);
  return <MediaLibrary picking onClose={() => close(null)} onPick={(file, alt) => close({ src: file.url, alt: alt.trim() || undefined })} />;
}
