/**
 * Drafts kept by the team server, beside the ones in IndexedDB: another device of the same person
 * finds them when opening the page. Failures are quiet: IndexedDB still holds the draft offline.
 */
import type { KeptDraft, PageDraft } from './drafts.ts';
import { isTeamServer } from './siteApi.ts';

const BASE = '/api/team/drafts';

/** One call at a time, in order: a draft sent just before a save never lands after the save's delete. */
let queue: Promise<unknown> = Promise.resolve();

/** `body` is JSON text. */
function call(method: string, path: string, body?: string): Promise<Response | null> {
  if (!isTeamServer()) return Promise.resolve(null);
  const next = queue.then(() => send(method, path, body));
  queue = next.catch(() => null);
  return next;
}

async function send(method: string, path: string, body?: string): Promise<Response | null> {
  try {
    return await fetch(`${BASE}/page?path=${encodeURIComponent(path)}`, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body,
    });
  } catch {
    return null; // offline: the IndexedDB draft is enough for now
  }
}

export async function putServerDraft(draft: KeptDraft): Promise<boolean> {
  const { siteId: _site, path, docJson, ...rest } = draft;
  // `{ draft: { doc, ...rest } }`, with the document's JSON text as it is rather than parsed and written again.
  const fields = JSON.stringify(rest).slice(1, -1);
  const body = `{"draft":{"doc":${docJson}${fields ? `,${fields}` : ''}}}`;
  return (await call('PUT', path, body))?.ok ?? false;
}

export async function getServerDraft(siteId: string, path: string): Promise<PageDraft | null> {
  const res = await call('GET', path);
  if (!res?.ok) return null;
  const body = (await res.json().catch(() => null)) as { draft?: Partial<PageDraft>; savedAt?: string } | null;
  if (!body?.draft || typeof body.draft !== 'object') return null;
  const d = body.draft;
  return {
    siteId,
    path,
    doc: d.doc,
    frontMatterText: typeof d.frontMatterText === 'string' ? d.frontMatterText : '',
    baseEtag: typeof d.baseEtag === 'string' ? d.baseEtag : null,
    savedAt: typeof d.savedAt === 'number' ? d.savedAt : Date.parse(body.savedAt ?? '') || 0,
  };
}

export async function deleteServerDraft(path: string): Promise<void> {
  await call('DELETE', path);
}

/** Pages with a draft on the server (none outside team mode). */
export async function listServerDraftPaths(): Promise<string[]> {
  if (!isTeamServer()) return [];
  try {
    const res = await fetch(BASE, { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) return [];
    return ((await res.json()) as { drafts: { path: string }[] }).drafts.map((d) => d.path);
  } catch {
    return [];
  }
}
