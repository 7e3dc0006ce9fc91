/**
 * Typed client of the local site server's API (same origin). Every request carries the session token
 * the server put into index.html; failures become messages an editor can act on.
 */

export interface SiteCollection {
  name: string;
  order: string[];
}

export interface SiteInfo {
  title: string | null;
  baseurl: string;
  colors: Record<string, unknown> | null;
  resourcesName: string | null;
  navigation: unknown;
  collections: SiteCollection[];
  configError?: boolean;
}

export interface PageSummary {
  path: string;
  title: string;
  permalink: string | null;
  variant: 'tiptap' | 'markdown';
  layout: string | null;
  collection: string | null;
  thirdNavTitle: string | null;
  resourceCategory: string | null;
  modified: number;
  frontMatterError?: boolean;
}

export interface PageContent {
  path: string;
  text: string;
  etag: string;
  encodingError?: boolean;
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
  headers.set(TOKEN_HEADER, token);
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
    const body = (await response.json().catch(() => ({}))) as { error?: string; current?: { text: string; etag: string } | null };
    return { ok: false, conflict: { message: body.error ?? 'The page changed on disk.', current: body.current ?? null } };
  }
  if (!response.ok) throw await errorFrom(response);
  const body = (await response.json()) as { etag: string };
  return { ok: true, etag: body.etag };
}
