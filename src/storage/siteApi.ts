/**
 * Typed client of the local site server's API (same origin). Every request carries the session token
 * the server put into index.html; failures become messages an editor can act on.
 */

export type { SiteCollection, SiteInfo } from '../core/siteInfo.ts';
import type { SiteInfo } from '../core/siteInfo.ts';

export type { PageSummary } from '../core/pageSummary.ts';
import type { PageSummary } from '../core/pageSummary.ts';

export interface PageContent {
  path: string;
  text: string;
  etag: string;
}

export interface MediaFile {
  path: string;
  url: string;
  size: number;
  modified: number;
}

export type SaveResult = { ok: true; etag: string } | { ok: false; conflict: PageConflict };

/** The page on disk changed since it was opened: what is there now. */
export interface PageConflict {
  message: string;
  current: { text: string; etag: string } | null;
}

export const TOKEN_META_NAME = 'isomer-editor-token';
const TOKEN_HEADER = 'X-Isomer-Token';

/** An API failure, with a message written for the person using the editor. */
export class SiteApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SiteApiError';
  }
}

export function readSessionToken(doc: Document = document): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? null;
}

/** Served by the team server: the session is a cookie, so no token travels in headers or addresses. */
export function isTeamServer(doc: Document = document): boolean {
  return doc.querySelector('meta[name="isomer-editor-mode"]')?.getAttribute('content') === 'team';
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The editor sent a request the site server did not understand',
  403: 'The site server refused the request',
  404: 'Not found on the site',
  413: 'The page is too large to save',
  415: 'The site server did not accept the request',
  428: 'The save was refused because the page version was not given',
  500: 'The site server had a problem',
};

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const token = readSessionToken();
  if (!token) {
    throw new SiteApiError('The editor was not opened through the site server, so it cannot read or save pages. Start it with "isomer-editor serve".', 0);
  }
  const headers = new Headers(init.headers);
  if (!isTeamServer()) headers.set(TOKEN_HEADER, token);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new SiteApiError('The site server cannot be reached. Check that it is still running, then try again.', 0);
  }
  return response;
}

async function errorFrom(response: Response): Promise<SiteApiError> {
  let detail = '';
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') detail = body.error;
  } catch {
    // not JSON: the status is all there is
  }
  const base = STATUS_MESSAGES[response.status] ?? `The site server answered with status ${response.status}`;
  return new SiteApiError(detail ? `${base}: ${detail}.` : `${base}.`, response.status);
}

async function getJson<T>(path: string): Promise<T> {
  const response = await request(path);
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

export function fetchSite(): Promise<SiteInfo> {
  return getJson<SiteInfo>('/api/site');
}

export async function fetchPages(): Promise<PageSummary[]> {
  return (await getJson<{ pages: PageSummary[] }>('/api/pages')).pages;
}

export function fetchPage(path: string): Promise<PageContent> {
  return getJson<PageContent>(`/api/page?path=${encodeURIComponent(path)}`);
}

export async function fetchMedia(dir: 'images' | 'files'): Promise<MediaFile[]> {
  return (await getJson<{ files: MediaFile[] }>(`/api/media?dir=${dir}`)).files;
}

/** Writes a page only if it is still the version `etag` names; a newer version on disk gives a conflict. */
export async function savePageText(path: string, text: string, etag: string): Promise<SaveResult> {
  const response = await request(`/api/page?path=${encodeURIComponent(path)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': etag },
    body: JSON.stringify({ text }),
  });
  if (response.status === 409) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; current?: { text: string; etag: string } | null; clash?: string };
    // Another page has the address this save gives the page: a refusal to explain, not a conflict to resolve.
    if (body.clash) {
      const error = body.error ?? `the page address is already used by ${body.clash}`;
      throw new SiteApiError(`${error.charAt(0).toUpperCase()}${error.slice(1)}.`, 409);
    }
    return { ok: false, conflict: { message: body.error ?? 'The page changed on disk.', current: body.current ?? null } };
  }
  if (!response.ok) throw await errorFrom(response);
  const body = (await response.json()) as { etag: string };
  return { ok: true, etag: body.etag };
}

// ---------------------------------------------------------------------------------------------
// Creating, renaming, deleting pages; the trash; uploads; changes on disk.

export type NewPageKind = 'page' | 'collection-page' | 'resource-post';

export interface NewPageRequest {
  kind: NewPageKind;
  title: string;
  collection?: string;
  subfolder?: string;
  category?: string;
  layout?: 'post' | 'file' | 'link';
  date?: string;
  permalink?: string;
}

export interface TrashItem {
  id: string;
  path: string;
  deletedAt: number;
  size: number;
}

export interface UploadedMedia {
  path: string;
  url: string;
  size: number;
  replaced: boolean;
}

/** A page file changed on disk, not through this editor. */
export type PageEvent = { type: 'changed' | 'added'; path: string; etag: string } | { type: 'removed'; path: string };

async function sendJson<T>(path: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await request(path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

/** Creates a page following the site's conventions; resolves with its path, text and etag. */
export function createPage(req: NewPageRequest): Promise<{ path: string; etag: string; text: string }> {
  return sendJson('/api/pages', 'POST', req);
}

export function renamePage(from: string, to: string, etag: string): Promise<{ path: string; etag: string }> {
  return sendJson('/api/page/rename', 'POST', { from, to }, { 'If-Match': etag });
}

/** Moves the page to the trash (outside the site folder). */
export async function deletePage(path: string, etag: string): Promise<TrashItem> {
  const response = await request(`/api/page?path=${encodeURIComponent(path)}`, { method: 'DELETE', headers: { 'If-Match': etag } });
  if (!response.ok) throw await errorFrom(response);
  return ((await response.json()) as { trashed: TrashItem }).trashed;
}

export async function fetchTrash(): Promise<TrashItem[]> {
  return (await getJson<{ items: TrashItem[] }>('/api/trash')).items;
}

export function restoreFromTrash(id: string): Promise<{ path: string; etag: string }> {
  return sendJson('/api/trash/restore', 'POST', { id });
}

export async function uploadMedia(dir: 'images' | 'files', file: File, overwrite = false): Promise<UploadedMedia> {
  const query = `dir=${dir}&name=${encodeURIComponent(file.name)}${overwrite ? '&overwrite=1' : ''}`;
  const response = await request(`/api/media?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as UploadedMedia;
}

/** Listens for page files changed on disk. Returns a function that stops listening. */
export function watchPageEvents(onEvent: (e: PageEvent) => void): () => void {
  const token = readSessionToken();
  if (!token || typeof EventSource === 'undefined') return () => {};
  const source = new EventSource(isTeamServer() ? '/api/events' : `/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message) => {
    try {
      onEvent(JSON.parse(message.data as string) as PageEvent);
    } catch {
      // not an event we know
    }
  };
  return () => source.close();
}

// ---------------------------------------------------------------------------------------------
// The site's data files: navigation, footer and the settings of _config.yml.

export type SiteFileName = 'navigation' | 'footer' | 'settings';

/** A data file as read: `text` and `etag` are null when it does not exist yet. */
export interface SiteFileContent {
  name: SiteFileName;
  path: string;
  text: string | null;
  etag: string | null;
}

export function fetchSiteFile(name: SiteFileName): Promise<SiteFileContent> {
  return getJson<SiteFileContent>(`/api/site-file?name=${name}`);
}

/** Writes a data file if it is still the version `etag` names (null: create it); a newer one gives a conflict. */
export async function saveSiteFile(name: SiteFileName, text: string, etag: string | null): Promise<SaveResult> {
  const response = await request(`/api/site-file?name=${name}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...(etag ? { 'If-Match': etag } : { 'If-None-Match': '*' }) },
    body: JSON.stringify({ text }),
  });
  if (response.status === 409) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; current?: { text: string; etag: string } | null };
    return { ok: false, conflict: { message: body.error ?? 'The file changed on disk.', current: body.current ?? null } };
  }
  if (!response.ok) throw await errorFrom(response);
  return { ok: true, etag: ((await response.json()) as { etag: string }).etag };
}
