/**
 * A site data file's screen (navigation, footer, settings): reads the file, keeps its text as the
 * edits make it, and saves it the way pages are saved (the version read, a conflict when it changed).
 */
import { useEffect, useRef, useState } from 'react';
import { FOOTER_FIELDS } from '../../site/footer.ts';
import { SETTINGS_FIELDS } from '../../site/siteSettings.ts';
import { SITE_FILES, siteFileProblems } from '../../site/siteFiles.ts';
import type { SiteFileName } from '../../storage/siteApi.ts';
import { siteStorage } from '../../storage/siteStorage.ts';
import { isUnsavedEdit, useSiteFileEditsStore, type SiteFileEdit } from '../../store/siteFileEditsStore.ts';
import { useSiteScreenStore } from '../../store/siteScreenStore.ts';
import { NavigationEditor } from './NavigationEditor.tsx';
import { SiteForm } from './SiteForm.tsx';
import { HistoryButtons, useEditHistory } from './useEditHistory.tsx';
import './siteScreens.css';

const TITLES: Record<SiteFileName, { title: string; intro: string }> = {
  navigation: { title: 'Navigation', intro: 'The links of the navigation bar at the top of every page, in order.' },
  footer: { title: 'Footer', intro: 'The links and social media icons at the bottom of every page.' },
  settings: { title: 'Site settings', intro: 'The site’s name, address, images, colours and analytics. Other settings of _config.yml are not changed here.' },
};

type Loaded = SiteFileEdit;

export default function SiteFileScreen({ name }: { name: SiteFileName }) {
  // Kept in a store: unsaved edits stay when the editor moves to another screen and back.
  const loaded = useSiteFileEditsStore((s) => s.files[name]) ?? null;
  const setLoaded = (next: Loaded) => useSiteFileEditsStore.getState().put(name, next);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  /** The file on disk when a save found it changed by someone else. */
  const [onDisk, setOnDisk] = useState<{ text: string; etag: string } | null>(null);
  const setDirty = useSiteScreenStore((s) => s.setDirty);

  useEffect(() => {
    // Unsaved edits are shown as left; otherwise the file is read afresh.
    if (isUnsavedEdit(useSiteFileEditsStore.getState().files[name])) return;
    let live = true;
    siteStorage()
      .fetchSiteFile?.(name)
      .then((file) => {
        if (live && !isUnsavedEdit(useSiteFileEditsStore.getState().files[name])) {
          useSiteFileEditsStore.getState().put(name, { original: file.text ?? '', text: file.text ?? '', etag: file.etag });
        }
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [name]);

  const dirty = loaded !== null && loaded.text !== loaded.original;
  const history = useEditHistory(loaded?.text ?? '', (text) => {
    const current = useSiteFileEditsStore.getState().files[name];
    if (current) setLoaded({ ...current, text });
  }, loaded ? name : null);
  useEffect(() => setDirty(dirty), [dirty, setDirty]);

  const edit = (next: (text: string) => string) => {
    if (!loaded) return;
    try {
      setLoaded({ ...loaded, text: next(loaded.text) });
      setError(null);
      setStatus('idle');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const save = async () => {
    if (!loaded || !dirty) return;
    const problems = siteFileProblems(name, loaded.etag ? loaded.original : null, loaded.text);
    if (problems.length) {
      setError(`Not saved: ${problems.map((p) => p.message).join(' ')}`);
      return;
    }
    setStatus('saving');
    try {
      const result = await siteStorage().saveSiteFile!(name, loaded.text, loaded.etag);
      if (!result.ok) {
        setStatus('idle');
        setOnDisk(result.conflict.current);
        setError(`Not saved: ${SITE_FILES[name]} was changed by someone else since it was opened.`);
        return;
      }
      setLoaded({ original: loaded.text, text: loaded.text, etag: result.etag });
      setStatus('saved');
    } catch (err) {
      setStatus('idle');
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  // Ctrl+S (⌘S) saves here as it does a page (the page shortcut finds no page open and does nothing).
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const { title, intro } = TITLES[name];
  return (
    <section className="site-screen" aria-labelledby="site-screen-title" onKeyDown={history.onKeyDown}>
      <header className="site-screen__header">
        <div>
          <h2 id="site-screen-title">{title}</h2>
          <p className="site-screen__intro">
            {intro} <span className="site-screen__file">{SITE_FILES[name]}</span>
          </p>
        </div>
        <div className="site-screen__actions">
          <span className="site-screen__status" role="status">
            {status === 'saving' ? 'Saving…' : dirty ? 'Unsaved changes' : status === 'saved' ? 'Saved' : ''}
          </span>
          <HistoryButtons history={history} />
          <button type="button" className="button button--primary" disabled={!dirty || status === 'saving'} onClick={() => void save()}>
            Save
          </button>
        </div>
      </header>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
          {onDisk && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setLoaded({ original: onDisk.text, text: onDisk.text, etag: onDisk.etag });
                setOnDisk(null);
                setError(null);
              }}
            >
              Load the version on disk (your changes here are dropped)
            </button>
          )}
        </div>
      )}
      {!loaded && !error && <p role="status">Loading {SITE_FILES[name]}…</p>}
      {loaded && name === 'navigation' && <NavigationEditor text={loaded.text} edit={edit} />}
      {loaded && name !== 'navigation' && (
        <SiteForm text={loaded.text} original={loaded.original} fields={name === 'footer' ? FOOTER_FIELDS : SETTINGS_FIELDS} edit={edit} />
      )}
    </section>
  );
}
