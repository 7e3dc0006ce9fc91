import { useEffect, useRef, useState } from 'react';
import { useDraftStore } from '../store/draftStore.ts';
import { usePresenceStore } from '../store/presenceStore.ts';
import { requestOpenPage, useOpenPageStore } from '../store/openPageStore.ts';
import { leaveSiteScreen } from '../store/siteScreenStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import type { PageSummary } from '../storage/siteApi.ts';
import type { PageGroup } from './pageGroups.ts';
import { useEditedTitle } from './useEditedTitle.ts';

/** "Ann is editing now; changed in Bob's change set", or null when nobody else is on the page. */
export function presenceNote(editing: string[] | undefined, changedBy: string[] | undefined): string | null {
  const parts: string[] = [];
  if (editing?.length) parts.push(`${editing.join(', ')} ${editing.length === 1 ? 'is' : 'are'} editing now`);
  if (changedBy?.length) parts.push(`changed in the change set of ${changedBy.join(', ')}`);
  return parts.length ? parts.join('; ') : null;
}

function PageListItem({ page }: { page: PageSummary }) {
  const current = useOpenPageStore((s) => s.path === page.path);
  const title = useEditedTitle(page.path) ?? page.title;
  const openDialog = useUiStore((s) => s.openDialog);
  const markdown = page.variant === 'markdown';
  const draft = useDraftStore((s) => s.draftPaths.includes(page.path));
  const describedBy = [markdown ? 'markdown-marker-help' : '', draft ? 'draft-marker-help' : ''].filter(Boolean).join(' ') || undefined;
  const others = usePresenceStore((s) => presenceNote(s.editing[page.path], s.changedBy[page.path]));
  return (
    <li>
      <button
        type="button"
        className={`page-list__item${current ? ' is-current' : ''}`}
        aria-current={current ? 'page' : undefined}
        aria-describedby={describedBy}
        title={page.permalink ?? page.path}
        onClick={() => leaveSiteScreen() && requestOpenPage(page.path, (nextPath) => openDialog({ kind: 'discardChanges', nextPath }))}
      >
        <span className="page-list__title">{title}</span>
        {draft && (
          <span className="page-list__badge page-list__badge--draft" aria-hidden="true">
            Draft
          </span>
        )}
        {markdown && (
          <span className="page-list__badge" aria-hidden="true">
            MD
          </span>
        )}
        {others && <span className="page-list__presence">{others}</span>}
      </button>
    </li>
  );
}

/**
 * Pages a group lists at first, and adds at each "Show more": a site of 10,000 pages shows its list at
 * once, and the search finds any page. The open page is always listed.
 */
export const PAGES_SHOWN_PER_STEP = 100;

export function PageListGroup({ group, level }: { group: PageGroup; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = `page-group-${group.id.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const [limit, setLimit] = useState(PAGES_SHOWN_PER_STEP);
  const openIndex = useOpenPageStore((s) => (s.path === null ? -1 : group.pages.findIndex((p) => p.path === s.path)));
  const shown = Math.min(group.pages.length, Math.max(limit, openIndex + 1));
  const notShown = group.pages.length - shown;
  // After "Show more", the keyboard goes on at the first page it added.
  const listRef = useRef<HTMLUListElement>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  useEffect(() => {
    if (focusAt === null) return;
    listRef.current?.querySelectorAll<HTMLButtonElement>(':scope > li > button')[focusAt]?.focus();
    setFocusAt(null);
  }, [focusAt]);
  return (
    <section className={`page-list__group page-list__group--level${level}`} aria-labelledby={headingId}>
      <Heading id={headingId} className="page-list__heading">
        {group.label}
      </Heading>
      {group.pages.length > 0 && (
        <ul className="page-list__pages" ref={listRef}>
          {group.pages.slice(0, shown).map((page) => (
            <PageListItem key={page.path} page={page} />
          ))}
        </ul>
      )}
      {notShown > 0 && (
        <button
          type="button"
          className="page-list__more"
          onClick={() => {
            setLimit(shown + PAGES_SHOWN_PER_STEP);
            setFocusAt(shown);
          }}
        >
          Show {Math.min(PAGES_SHOWN_PER_STEP, notShown)} more of {notShown.toLocaleString('en')} pages not listed in {group.label}
        </button>
      )}
      {group.folders.map((folder) => (
        <PageListGroup key={folder.id} group={folder} level={3} />
      ))}
    </section>
  );
}
