import { useMemo, useState } from 'react';
import { findBidiControl } from '../core/bidiControl.ts';
import { suggestPermalink } from '../core/frontMatterSchema.ts';
import { requestOpenPage } from '../store/openPageStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import type { NewPageKind, NewPageRequest } from '../storage/siteApi.ts';
import { siteStorage } from '../storage/siteStorage.ts';
import { DialogButtons, DialogError, useDialogAction } from './dialogParts.tsx';
import { Modal } from './Modal.tsx';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Why a title (or folder name) cannot name a file, or null. */
export function nameProblem(value: string, what: string): string | null {
  const v = value.trim();
  if (v === '') return `Enter the ${what}.`;
  if (/[/\\]/.test(v)) return `The ${what} cannot contain / or \\.`;
  if (/[\u0000-\u001f\u007f]/.test(v)) return `The ${what} cannot contain control characters.`;
  const bidi = findBidiControl(v);
  if (bidi) return `The ${what} cannot contain an invisible character (${bidi}) that changes the direction of the text.`;
  if (v.startsWith('.')) return `The ${what} cannot start with a dot.`;
  if (v.length > 200) return `The ${what} is too long.`;
  return null;
}

const KINDS: { value: NewPageKind; label: string; help: string }[] = [
  { value: 'page', label: 'Page', help: 'A page of its own, saved in pages/.' },
  { value: 'collection-page', label: 'Collection page', help: 'A page in a collection (a section of the site with its own menu).' },
  { value: 'resource-post', label: 'Resource post', help: 'A news item, file or link in the resource room.' },
];

export default function NewPageDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const openDialog = useUiStore((s) => s.openDialog);
  const site = useWorkspaceStore((s) => s.site);
  const pages = useWorkspaceStore((s) => s.pages);

  const collections = useMemo(() => {
    const names = new Set(site?.collections.map((c) => c.name) ?? []);
    for (const p of pages) if (p.collection) names.add(p.collection);
    return [...names].sort();
  }, [site, pages]);
  const categories = useMemo(() => [...new Set(pages.map((p) => p.resourceCategory).filter((c): c is string => !!c))].sort(), [pages]);

  const [kind, setKind] = useState<NewPageKind>('page');
  const [title, setTitle] = useState('');
  const [collection, setCollection] = useState(collections[0] ?? '');
  const [subfolder, setSubfolder] = useState('');
  const [category, setCategory] = useState(categories[0] ?? '');
  const [layout, setLayout] = useState<'post' | 'file' | 'link'>('post');
  const [date, setDate] = useState(today());
  const [permalink, setPermalink] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, error: serverError, setError: setServerError, run } = useDialogAction();

  const subfolders = useMemo(() => {
    const found = new Set<string>();
    const order = site?.collections.find((c) => c.name === collection)?.order ?? [];
    for (const entry of order) if (entry.includes('/')) found.add(entry.split('/')[0]!);
    for (const p of pages) {
      const rest = p.path.startsWith(`_${collection}/`) ? p.path.slice(collection.length + 2).split('/') : [];
      if (rest.length > 1) found.add(rest[0]!);
    }
    return [...found].sort();
  }, [site, pages, collection]);

  const suggested = kind === 'resource-post' ? '' : suggestPermalink(title || 'page', kind === 'collection-page' ? collection : undefined);
  const problems: Record<string, string | null> = {
    title: nameProblem(title, 'title'),
    collection: kind === 'collection-page' && !collection ? 'Choose a collection.' : null,
    subfolder: kind === 'collection-page' && subfolder.trim() ? nameProblem(subfolder, 'sub-folder name') : null,
    category: kind === 'resource-post' ? nameProblem(category, 'category') : null,
    date: kind === 'resource-post' && !/^\d{4}-\d{2}-\d{2}$/.test(date) ? 'Enter the date.' : null,
    permalink: permalink.trim() && !/^\/\S*$/.test(permalink.trim()) ? 'The address starts with / and has no spaces, for example /about-us/.' : null,
  };
  const firstProblem = Object.values(problems).find((p) => p !== null) ?? null;

  const submit = async () => {
    setTouched(true);
    setServerError(null);
    if (firstProblem) return;
    const req: NewPageRequest = { kind, title: title.trim() };
    if (permalink.trim()) req.permalink = permalink.trim();
    if (kind === 'collection-page') {
      req.collection = collection;
      if (subfolder.trim()) req.subfolder = subfolder.trim();
    }
    if (kind === 'resource-post') Object.assign(req, { category: category.trim(), layout, date });
    await run(async () => {
      const created = await siteStorage().createPage!(req);
      await useWorkspaceStore.getState().refreshPages();
      closeDialog();
      requestOpenPage(created.path, (nextPath) => openDialog({ kind: 'discardChanges', nextPath }));
    });
  };

  const error = (key: string) =>
    touched && problems[key] ? (
      <p id={`new-page-${key}-error`} className="field__error">
        {problems[key]}
      </p>
    ) : null;
  const described = (key: string) => (touched && problems[key] ? `new-page-${key}-error` : undefined);

  return (
    <Modal title="New page" onClose={closeDialog}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="field new-page__kinds">
          <legend className="field__label">Kind of page</legend>
          {KINDS.map((k) => (
            <label key={k.value} className="new-page__kind">
              <input type="radio" name="new-page-kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} />
              <span>
                <strong>{k.label}</strong> <span className="field__help">{k.help}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor="new-page-title" className="field__label">
            Title
          </label>
          <input id="new-page-title" className="field__input" value={title} autoFocus aria-invalid={touched && !!problems.title} aria-describedby={described('title')} onChange={(e) => setTitle(e.target.value)} />
          <p className="field__help">The file is named after the title.</p>
          {error('title')}
        </div>

        {kind === 'collection-page' && (
          <>
            <div className="field">
              <label htmlFor="new-page-collection" className="field__label">
                Collection
              </label>
              <select id="new-page-collection" className="field__input" value={collection} onChange={(e) => setCollection(e.target.value)} aria-describedby={described('collection')}>
                {collections.length === 0 && <option value="">This site has no collections</option>}
                {collections.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              {error('collection')}
            </div>
            <div className="field">
              <label htmlFor="new-page-subfolder" className="field__label">
                Sub-folder (optional)
              </label>
              <input id="new-page-subfolder" className="field__input" list="new-page-subfolders" value={subfolder} onChange={(e) => setSubfolder(e.target.value)} aria-describedby={described('subfolder')} />
              <datalist id="new-page-subfolders">
                {subfolders.map((f) => (
                  <option key={f} value={f} />
                ))}
              </datalist>
              <p className="field__help">A group in the collection's third-level menu. A new name makes a new sub-folder.</p>
              {error('subfolder')}
            </div>
          </>
        )}

        {kind === 'resource-post' && (
          <>
            <div className="field">
              <label htmlFor="new-page-category" className="field__label">
                Category
              </label>
              <input id="new-page-category" className="field__input" list="new-page-categories" value={category} onChange={(e) => setCategory(e.target.value)} aria-describedby={described('category')} />
              <datalist id="new-page-categories">
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
              {error('category')}
            </div>
            <div className="field">
              <label htmlFor="new-page-layout" className="field__label">
                Type
              </label>
              <select id="new-page-layout" className="field__input" value={layout} onChange={(e) => setLayout(e.target.value as 'post' | 'file' | 'link')}>
                <option value="post">Post (a page with content)</option>
                <option value="file">File (links to a document)</option>
                <option value="link">Link (links to another site)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="new-page-date" className="field__label">
                Date
              </label>
              <input id="new-page-date" type="date" className="field__input" value={date} onChange={(e) => setDate(e.target.value)} aria-describedby={described('date')} />
              {error('date')}
            </div>
          </>
        )}

        <div className="field">
          <label htmlFor="new-page-permalink" className="field__label">
            Address (optional)
          </label>
          <input id="new-page-permalink" className="field__input" value={permalink} placeholder={suggested} onChange={(e) => setPermalink(e.target.value)} aria-describedby={described('permalink')} />
          <p className="field__help">{kind === 'resource-post' ? 'Resource posts usually have none; the site makes one.' : `Left empty, it is ${suggested}`}</p>
          {error('permalink')}
        </div>

        <DialogError error={serverError} />
        <DialogButtons onCancel={closeDialog} label="Create page" disabled={busy} />
      </form>
    </Modal>
  );
}
