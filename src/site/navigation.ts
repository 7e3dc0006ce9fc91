/**
 * `_data/navigation.yml`: the site's top navigation. Two formats are read, and edits keep the one the
 * file is in:
 *  - current: `logo:` and `links: [{title, url | collection | resource_room, sublinks: [{title, url}]}]`;
 *  - legacy (older sites): a top-level list of `{title, url, external?, sub-links: [{title, url}]}`.
 * Every edit goes through `yamlTextEdit.ts`, so only the lines of what changed are rewritten.
 */
import { isMap, isSeq } from 'yaml';
import type { SiteField } from './siteField.ts';
import { insertListItem, moveListItem, parseSiteYaml, removeListItem, removeKey, setValue, SiteYamlError, type YamlPath } from './yamlTextEdit.ts';

export const NAVIGATION_FILE = '_data/navigation.yml';

export type NavFormat = 'current' | 'legacy';
export type NavTargetKind = 'url' | 'collection' | 'resource_room' | 'none';

export interface NavSublink {
  title: string;
  url: string;
}

export interface NavLink {
  title: string;
  kind: NavTargetKind;
  /** The url, or the collection's name; empty for the resource room. */
  target: string;
  sublinks: NavSublink[];
}

export interface Navigation {
  format: NavFormat;
  logo: string;
  links: NavLink[];
}

/** Titles longer than this are refused by the official CMS and crowd the navigation bar. */
export const NAV_TITLE_MAX = 30;

export const NAV_TITLE_FIELD: SiteField = { path: ['title'], label: 'Title', help: 'The text of the link in the navigation bar.', kind: 'title', required: true, maxLength: NAV_TITLE_MAX };
export const NAV_URL_FIELD: SiteField = { path: ['url'], label: 'Link', help: 'A page of this site (/about-us/) or a web address (https://…).', kind: 'link', required: true };
export const NAV_LOGO_FIELD: SiteField = {
  path: ['logo'],
  label: 'Logo',
  help: 'The image at the left of the navigation bar, shown at most 200 × 75 pixels.',
  kind: 'link',
  image: true,
};

export function navFormat(text: string): NavFormat {
  return isSeq(parseSiteYaml(text).contents) ? 'legacy' : 'current';
}

const linksPath = (format: NavFormat): YamlPath => (format === 'legacy' ? [] : ['links']);
const sublinkKey = (format: NavFormat) => (format === 'legacy' ? 'sub-links' : 'sublinks');
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export function readNavigation(text: string): Navigation {
  const doc = parseSiteYaml(text);
  const format: NavFormat = isSeq(doc.contents) ? 'legacy' : 'current';
  if (doc.contents !== null && !isSeq(doc.contents) && !isMap(doc.contents)) throw new SiteYamlError('The navigation file must be a list of links or hold "links:".');
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const rawLinks = format === 'legacy' ? data : record(data)['links'];
  const links = (Array.isArray(rawLinks) ? rawLinks : []).map((raw): NavLink => {
    const link = record(raw);
    const subs = link[sublinkKey(format)];
    const kind: NavTargetKind = link['resource_room'] === true ? 'resource_room' : typeof link['collection'] === 'string' ? 'collection' : link['url'] !== undefined ? 'url' : 'none';
    return {
      title: str(link['title']),
      kind,
      target: kind === 'collection' ? str(link['collection']) : kind === 'url' ? str(link['url']) : '',
      sublinks: (Array.isArray(subs) ? subs : []).map((s) => ({ title: str(record(s)['title']), url: str(record(s)['url']) })),
    };
  });
  return { format, logo: format === 'legacy' ? '' : str(record(data)['logo']), links };
}

/** Where a link sits: `[i]` is a top-level link, `[i, j]` its sub-link j. */
export type NavPosition = readonly [number] | readonly [number, number];

function pathOf(format: NavFormat, at: NavPosition): YamlPath {
  const top: YamlPath = [...linksPath(format), at[0]];
  return at.length === 2 ? [...top, sublinkKey(format), at[1]] : top;
}

function listPathOf(format: NavFormat, parent: number | null): YamlPath {
  return parent === null ? linksPath(format) : [...linksPath(format), parent, sublinkKey(format)];
}

export function renameNavLink(text: string, at: NavPosition, title: string): string {
  return setValue(text, [...pathOf(navFormat(text), at), 'title'], title);
}

export function setNavLinkUrl(text: string, at: NavPosition, url: string): string {
  return setValue(text, [...pathOf(navFormat(text), at), 'url'], url);
}

export function moveNavLink(text: string, parent: number | null, from: number, to: number): string {
  return moveListItem(text, listPathOf(navFormat(text), parent), from, to);
}

export function removeNavLink(text: string, at: NavPosition): string {
  const format = navFormat(text);
  if (at.length === 1) return removeListItem(text, linksPath(format), at[0]);
  const subs = listPathOf(format, at[0]);
  const count = readNavigation(text).links[at[0]]?.sublinks.length ?? 0;
  // The last sub-link takes its (now empty) list with it.
  return count === 1 ? removeKey(text, subs) : removeListItem(text, subs, at[1]);
}

export interface NewNavLink {
  title: string;
  kind: Exclude<NavTargetKind, 'none'>;
  target: string;
}

/** Adds a link at the end (or a sub-link of `parent`), written in the file's own format. */
export function addNavLink(text: string, link: NewNavLink, parent: number | null = null): string {
  const format = navFormat(text);
  if (parent !== null && link.kind !== 'url') throw new SiteYamlError('A sub-link can only lead to a page or an address.');
  if (format === 'legacy' && link.kind !== 'url') throw new SiteYamlError('This navigation file is in the older format, which only has links to pages or addresses.');
  const value: Record<string, unknown> = { title: link.title };
  if (link.kind === 'url') value['url'] = link.target;
  else if (link.kind === 'collection') value['collection'] = link.target;
  else value['resource_room'] = true;
  const list = listPathOf(format, parent);
  const count = parent === null ? readNavigation(text).links.length : (readNavigation(text).links[parent]?.sublinks.length ?? 0);
  return insertListItem(text, list, count, value);
}

export function setNavLogo(text: string, logo: string): string {
  if (navFormat(text) === 'legacy') throw new SiteYamlError('This navigation file is in the older format, which has no logo setting.');
  return setValue(text, ['logo'], logo);
}

/** Folders and the resource room build their own dropdowns; other links (a page, or just a heading) may have sub-links. */
export function canHaveSublinks(link: NavLink): boolean {
  return link.kind === 'url' || link.kind === 'none';
}

/**
 * Moves a link between the top level and the sub-links (or within either). `to`'s parent is counted
 * as the links are now; its last number is where the link ends up in its new list. A sub-link leads
 * to a page or an address and has no sub-links of its own, and only such a link can take sub-links.
 * The moved link keeps all its keys; only its lines and the lines it goes to change.
 */
export function moveNavLinkTo(text: string, from: NavPosition, to: NavPosition): string {
  const format = navFormat(text);
  if (from.length === 1 && to.length === 1) return moveNavLink(text, null, from[0], to[0]);
  if (from.length === 2 && to.length === 2 && from[0] === to[0]) return moveNavLink(text, from[0], from[1], to[1]);
  const links = readNavigation(text).links;
  const moving = from.length === 1 ? links[from[0]] : links[from[0]]?.sublinks[from[1]];
  if (!moving) throw new SiteYamlError('No such link.');
  if (to.length === 2) {
    const parent = links[to[0]];
    if (!parent || to[0] === from[0]) throw new SiteYamlError('A link cannot become a sub-link of itself.');
    if (!canHaveSublinks(parent)) throw new SiteYamlError(`"${parent.title}" opens a folder or the resource room, so it cannot have sub-links.`);
    if (from.length === 1 && (links[from[0]]!.kind !== 'url' || links[from[0]]!.sublinks.length > 0)) {
      throw new SiteYamlError('Only a link to a page or an address, without sub-links of its own, can become a sub-link.');
    }
  }
  const value: unknown = parseSiteYaml(text).getIn(pathOf(format, from));
  const removed = removeNavLink(text, from);
  // Removing a top-level link shifts the links after it up by one.
  const target: NavPosition = to.length === 2 && from.length === 1 && to[0] > from[0] ? [to[0] - 1, to[1]] : to;
  const list = listPathOf(format, target.length === 2 ? target[0] : null);
  return insertListItem(removed, list, target.length === 2 ? target[1] : target[0], value);
}
