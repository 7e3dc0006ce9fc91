/**
 * The navigation bar's links: rename, reorder (drag, or the move buttons), remove, add a link to a
 * page, a folder, the resource room or an address; sub-links likewise. Links to a page or folder that
 * does not exist are flagged. Every change is an edit of the file's text (`src/site/navigation.ts`).
 */
import { useMemo, useState } from 'react';
import { addNavLink, canHaveSublinks, moveNavLink, moveNavLinkTo, NAV_LOGO_FIELD, NAV_TITLE_FIELD, NAV_URL_FIELD, readNavigation, removeNavLink, renameNavLink, setNavLinkUrl, setNavLogo, type NavLink, type NavPosition, type NewNavLink } from '../../site/navigation.ts';
import { checkFieldValue, type SiteField } from '../../site/siteField.ts';
import { useWorkspaceStore } from '../../store/workspaceStore.ts';
import { prettyName } from '../pageGroups.ts';
import { ChooseImageButton } from './ChooseImageButton.tsx';
import { ReorderStatus, useDragReorder } from './siteFields.tsx';

interface Props {
  text: string;
  edit: (next: (text: string) => string) => void;
}

const normalise = (url: string) => url.replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();

function Issues({ field, value, id }: { field: SiteField; value: string; id: string }) {
  const issues = checkFieldValue(field, value);
  if (!issues.length) return null;
  return (
    <div id={id}>
      {issues.map((i, n) => (
        <p key={n} className={i.severity === 'error' ? 'field__error' : 'field__warning'}>
          {i.message}
        </p>
      ))}
    </div>
  );
}

export function NavigationEditor({ text, edit }: Props) {
  const nav = useMemo(() => readNavigation(text), [text]);
  const pages = useWorkspaceStore((s) => s.pages);
  const site = useWorkspaceStore((s) => s.site);
  const permalinks = useMemo(() => new Set(pages.flatMap((p) => (p.permalink ? [normalise(p.permalink)] : []))), [pages]);
  const collections = site?.collections.map((c) => c.name) ?? [];
  const [announce, setAnnounce] = useState('');

  /** Why a link leads nowhere, or null. */
  const missing = (kind: NavLink['kind'], target: string): string | null => {
    if (kind === 'collection') return collections.includes(target) ? null : `There is no folder "${target}" in the site.`;
    if (kind === 'resource_room') return site?.resourcesName ? null : 'The site has no resource room.';
    if (kind === 'url' && target.startsWith('/') && !target.startsWith('//')) {
      const path = normalise(target.replace(/^\/+/, '/'));
      if (path === '' || permalinks.has(path)) return null;
      return `No page of the site has the address ${target}.`;
    }
    return null;
  };

  const move = (parent: number | null, from: number, to: number, title: string, count: number) => {
    if (to < 0 || to >= count || from === to) return;
    edit((t) => moveNavLink(t, parent, from, to));
    setAnnounce(`${title} moved to position ${to + 1} of ${count}.`);
  };

  /** Moves a link into or out of a list of sub-links, and says where it went. */
  const moveTo = (from: NavPosition, to: NavPosition, said: string) => {
    edit((t) => moveNavLinkTo(t, from, to));
    setAnnounce(said);
  };

  /** The button that takes a link one level in (under the link before it) or out (after its parent). */
  const levelButton = (link: { title: string }, at: NavPosition) => {
    if (at.length === 2) {
      const parent = nav.links[at[0]]!;
      return (
        <button type="button" className="button" onClick={() => moveTo(at, [at[0] + 1], `${link.title} is now a top-level link, after ${parent.title}.`)} aria-label={`Move ${link.title} to the top level`}>
          ←
        </button>
      );
    }
    const own = nav.links[at[0]]!;
    const before = nav.links[at[0] - 1];
    if (!before || own.kind !== 'url' || own.sublinks.length > 0 || !canHaveSublinks(before)) return null;
    return (
      <button type="button" className="button" onClick={() => moveTo(at, [at[0] - 1, before.sublinks.length], `${link.title} is now a sub-link of ${before.title}.`)} aria-label={`Make ${link.title} a sub-link of ${before.title}`}>
        →
      </button>
    );
  };

  const listName = (parent: number | null) => (parent === null ? 'links' : `sublinks-${parent}`);
  const reorder = useDragReorder((list, from, to) => edit((t) => moveNavLink(t, list === 'links' ? null : Number(list.slice('sublinks-'.length)), from, to)));

  const row = (link: { title: string; kind: NavLink['kind']; target: string }, at: NavPosition, count: number, parentTitle?: string) => {
    const parent = at.length === 2 ? at[0] : null;
    const index = at.length === 2 ? at[1] : at[0];
    const id = `nav-${at.join('-')}`;
    const problem = missing(link.kind, link.target);
    return (
      <div className={`nav-editor__row${reorder.isDragged(listName(parent), index) ? ' is-dragging' : ''}`} {...reorder.dropProps(listName(parent), index, count)}>
        <span className="nav-editor__handle" {...reorder.dragProps(listName(parent), index, link.title)} {...reorder.handleProps(listName(parent), index, count, link.title)}>
          ⠿
        </span>
        <div className="nav-editor__fields">
          <label className="visually-hidden" htmlFor={`${id}-title`}>
            {parentTitle === undefined ? `Title of link ${index + 1}` : `Title of sub-link ${index + 1} of ${parentTitle}`}
          </label>
          <input id={`${id}-title`} className="field__input" value={link.title} aria-describedby={`${id}-issues`} onChange={(e) => edit((t) => renameNavLink(t, at, e.target.value))} />
          {link.kind === 'url' ? (
            <>
              <label className="visually-hidden" htmlFor={`${id}-url`}>
                Address of {link.title}
              </label>
              <input id={`${id}-url`} className="field__input nav-editor__url" value={link.target} onChange={(e) => edit((t) => setNavLinkUrl(t, at, e.target.value))} />
            </>
          ) : (
            <span className="nav-editor__target">{link.kind === 'collection' ? `Folder: ${link.target}` : link.kind === 'resource_room' ? 'Resource room' : 'No link'}</span>
          )}
          <div id={`${id}-issues`}>
            <Issues field={NAV_TITLE_FIELD} value={link.title} id={`${id}-title-issues`} />
            {link.kind === 'url' && <Issues field={NAV_URL_FIELD} value={link.target} id={`${id}-url-issues`} />}
            {problem && <p className="field__warning">{problem}</p>}
          </div>
        </div>
        <div className="nav-editor__buttons">
          <button type="button" className="button" disabled={index === 0} onClick={() => move(parent, index, index - 1, link.title, count)} aria-label={`Move ${link.title} up`}>
            ↑
          </button>
          <button type="button" className="button" disabled={index === count - 1} onClick={() => move(parent, index, index + 1, link.title, count)} aria-label={`Move ${link.title} down`}>
            ↓
          </button>
          {levelButton(link, at)}
          <button type="button" className="button" onClick={() => edit((t) => removeNavLink(t, at))} aria-label={`Remove ${link.title}`}>
            Remove
          </button>
        </div>
      </div>
    );
  };

  return (
    <div className="nav-editor">
      {nav.format === 'current' && (
        <div className="field">
          <label htmlFor="nav-logo" className="field__label">
            {NAV_LOGO_FIELD.label}
          </label>
          <div className="site-form__input-row">
            <input id="nav-logo" className="field__input" value={nav.logo} aria-describedby="nav-logo-help" onChange={(e) => edit((t) => setNavLogo(t, e.target.value))} />
            <ChooseImageButton label="the logo" onChoose={(src) => edit((t) => setNavLogo(t, src))} />
          </div>
          <p id="nav-logo-help" className="field__help">
            {NAV_LOGO_FIELD.help}
          </p>
        </div>
      )}
      {nav.format === 'legacy' && <p className="field__help">This file is in the older navigation format; it is kept in that format.</p>}
      <ol className="nav-editor__list" aria-label="Navigation links">
        {nav.links.map((link, i) => (
          <li key={i}>
            {row(link, [i], nav.links.length)}
            {link.sublinks.length > 0 && (
              <ol className="nav-editor__sublist" aria-label={`Sub-links of ${link.title}`}>
                {link.sublinks.map((sub, j) => (
                  <li key={j}>{row({ title: sub.title, kind: 'url', target: sub.url }, [i, j], link.sublinks.length, link.title)}</li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      <ReorderStatus text={reorder.announcement} />
      <AddLink
        legacy={nav.format === 'legacy'}
        parents={nav.links.map((l, i) => ({ index: i, title: l.title, canHaveSublinks: canHaveSublinks(l) }))}
        hasResourceRoom={Boolean(site?.resourcesName) && !nav.links.some((l) => l.kind === 'resource_room')}
        onAdd={(link, parent) => edit((t) => addNavLink(t, link, parent))}
      />
    </div>
  );
}

function AddLink({
  legacy,
  parents,
  hasResourceRoom,
  onAdd,
}: {
  legacy: boolean;
  parents: { index: number; title: string; canHaveSublinks: boolean }[];
  hasResourceRoom: boolean;
  onAdd: (link: NewNavLink, parent: number | null) => void;
}) {
  const pages = useWorkspaceStore((s) => s.pages);
  const site = useWorkspaceStore((s) => s.site);
  const [choice, setChoice] = useState('');
  const [parent, setParent] = useState('');
  const linkable = pages.filter((p) => p.permalink && !p.resourceCategory).sort((a, b) => a.title.localeCompare(b.title));
  // As the page list shows them: pages outside folders first, then each folder's.
  const folders = new Map<string, typeof linkable>();
  for (const p of linkable) folders.set(p.collection ?? '', [...(folders.get(p.collection ?? '') ?? []), p]);
  const pageTree = [...folders].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
  const add = () => {
    const [kind, ...rest] = choice.split(':');
    const value = rest.join(':');
    const under = parent === '' ? null : Number(parent);
    if (kind === 'page') {
      const page = pages.find((p) => p.path === value);
      if (page?.permalink) onAdd({ title: page.title.slice(0, 30), kind: 'url', target: page.permalink }, under);
    } else if (kind === 'collection') {
      onAdd({ title: value, kind: 'collection', target: value }, null);
    } else if (kind === 'resource_room') {
      onAdd({ title: 'Resources', kind: 'resource_room', target: '' }, null);
    } else if (kind === 'address') {
      onAdd({ title: 'New link', kind: 'url', target: 'https://' }, under);
    }
    setChoice('');
  };
  const onlyUrl = parent !== '' || legacy;
  return (
    <fieldset className="nav-editor__add">
      <legend>Add a link</legend>
      <label htmlFor="nav-add-target" className="field__label">
        Link to
      </label>
      <select id="nav-add-target" className="field__input" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">Choose a page, folder or address…</option>
        {pageTree.map(([folder, list]) => (
          <optgroup key={folder} label={folder === '' ? 'Pages' : `Pages in ${prettyName(folder)}`}>
            {list.map((p) => (
              <option key={p.path} value={`page:${p.path}`}>
                {p.title} ({p.permalink})
              </option>
            ))}
          </optgroup>
        ))}
        {!onlyUrl && (site?.collections.length ?? 0) > 0 && (
          <optgroup label="Folders">
            {site!.collections.map((c) => (
              <option key={c.name} value={`collection:${c.name}`}>
                {c.name}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Other">
          {!onlyUrl && hasResourceRoom && <option value="resource_room:">Resource room</option>}
          <option value="address:">A web address</option>
        </optgroup>
      </select>
      <label htmlFor="nav-add-parent" className="field__label">
        Where
      </label>
      <select id="nav-add-parent" className="field__input" value={parent} onChange={(e) => setParent(e.target.value)}>
        <option value="">At the end of the navigation bar</option>
        {parents
          .filter((p) => p.canHaveSublinks)
          .map((p) => (
            <option key={p.index} value={String(p.index)}>
              As a sub-link of {p.title}
            </option>
          ))}
      </select>
      <button type="button" className="button" disabled={choice === '' || (onlyUrl && !/^(page|address):/.test(choice))} onClick={add}>
        Add link
      </button>
    </fieldset>
  );
}
