/** Listing, reading and writing page files. */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { atomicWriteFile } from './atomicWrite.ts';
import { HttpError, errnoCode, fsErrorToHttp } from './errors.ts';
import { etagOf, ifMatchSatisfied, parseEtagList } from './etag.ts';
import { PAGE_FILE, isListedPageFile, pagePlaceProblem, skippedInPageList } from '../core/pageRules.ts';
import { decodePageBytes, UnreadablePageFile } from '../core/pageBytes.ts';
import { summarisePage, type PageSummary } from '../core/pageSummary.ts';
import { hasHiddenSegment, resolveSitePath, toSiteRelative, type ResolvedSitePath } from './paths.ts';
import { PathQueue } from './pathQueue.ts';
import { walkFiles } from './walkFiles.ts';
import { readSiteConfig, resourcesNameOf } from './siteInfo.ts';

export type { PageSummary } from '../core/pageSummary.ts';

const READ_CONCURRENCY = 16;

/** Page files that /api/page may read or write. */
export { PAGE_FILE };

/**
 * Every `.md` page file below the (real) site folder, as site-relative paths, in directory order;
 * with `under` (a site-relative folder), only those below that folder.
 */
export function walkPageFiles(rootReal: string, out: string[], under = ''): Promise<void> {
  const start = under === '' ? rootReal : path.join(rootReal, ...under.split('/'));
  return walkFiles(start, under, {
    skip: skippedInPageList, // dot entries, Jekyll machinery, media; backslashes are not addressable
    onFile: (_abs, rel, name) => {
      if (isListedPageFile(name)) out.push(rel);
    },
  }, under === '' ? 0 : under.split('/').length);
}

/** Every `.md` page of the site, sorted by path. */
export async function listPages(siteDir: string): Promise<PageSummary[]> {
  const rootReal = await realpath(siteDir);
  const config = await readSiteConfig(siteDir);
  const resourcesName = resourcesNameOf(config.data);

  const rels: string[] = [];
  await walkPageFiles(rootReal, rels);
  rels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const results: (PageSummary | null)[] = new Array(rels.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < rels.length) {
      const i = next++;
      const rel = rels[i]!;
      const file = path.join(rootReal, ...rel.split('/'));
      try {
        const [bytes, st] = await Promise.all([readFile(file), stat(file)]);
        results[i] = summarisePage(rel, bytes.toString('utf8'), Math.floor(st.mtimeMs), resourcesName);
      } catch (err) {
        const code = errnoCode(err);
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM') continue; // vanished or unreadable
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, rels.length) }, worker));
  return results.filter((r): r is PageSummary => r !== null);
}

/**
 * Resolves a page path for /api/page: confinement (400/403), page extension and no hidden segments
 * (403), and a place where pages live (403): for a write, never templates, data or assets; also where
 * a link leads.
 */
export async function resolvePagePath(siteDir: string, rel: unknown, use: 'read' | 'write' = 'write'): Promise<ResolvedSitePath> {
  const resolved = await resolveSitePath(siteDir, rel);
  if (hasHiddenSegment(resolved.rel)) throw new HttpError(403, 'hidden files and folders are not pages');
  if (!PAGE_FILE.test(resolved.rel) || !PAGE_FILE.test(resolved.real)) throw new HttpError(403, 'only .md and .html pages can be read or written');
  const resourcesName = resourcesNameOf((await readSiteConfig(siteDir)).data);
  for (const place of new Set([resolved.rel, toSiteRelative(resolved.root, resolved.real)])) {
    const problem = pagePlaceProblem(place, resourcesName, use);
    if (problem) throw new HttpError(403, problem);
  }
  return resolved;
}

export interface PageContent {
  path: string;
  text: string;
  etag: string;
}

/** The page as text, exactly (a BOM, CRLF, a missing final line break); 415 for a binary or non-UTF-8 file. */
function decode(rel: string, bytes: Buffer): PageContent {
  try {
    return { path: rel, text: decodePageBytes(bytes), etag: etagOf(bytes) };
  } catch (err) {
    // The client ends the message with a full stop of its own.
    if (err instanceof UnreadablePageFile) throw new HttpError(415, err.message.replace(/\.$/, ''));
    throw err;
  }
}

async function readPageBytes(file: string): Promise<Buffer | null> {
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new HttpError(404, 'page not found');
    return await readFile(file);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return fsErrorToHttp(err, 'page');
  }
}

export async function readPage(siteDir: string, rel: unknown): Promise<PageContent> {
  const resolved = await resolvePagePath(siteDir, rel, 'read');
  const bytes = await readPageBytes(resolved.real);
  if (bytes === null) throw new HttpError(404, 'page not found');
  return decode(resolved.rel, bytes);
}

export interface WritePageRequest {
  text: string;
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
}

export interface WritePageResult {
  etag: string;
  created: boolean;
}

/**
 * Conditional, atomic, per-path serialised page write.
 *  - existing page: `If-Match` must equal the current etag (428 when missing, 409 + current when stale);
 *  - missing page: only with `If-None-Match: *` (create; the parent folder must exist), else 404.
 */
export async function writePage(siteDir: string, rel: unknown, req: WritePageRequest, queue: PathQueue): Promise<WritePageResult> {
  const resolved = await resolvePagePath(siteDir, rel);
  const createOnly = parseEtagList(req.ifNoneMatch) === '*';
  const bytes = Buffer.from(req.text, 'utf8');

  return queue.run(resolved.real, async () => {
    const current = await readPageBytes(resolved.real);

    if (current === null) {
      if (!createOnly) throw new HttpError(404, 'page not found (send If-None-Match: * to create it)');
      const parent = path.dirname(resolved.real);
      try {
        if (!(await stat(parent)).isDirectory()) throw new HttpError(404, 'parent folder not found');
      } catch (err) {
        if (err instanceof HttpError) throw err;
        fsErrorToHttp(err, 'parent folder');
      }
      try {
        await atomicWriteFile(resolved.real, bytes, { exclusive: true });
      } catch (err) {
        if (errnoCode(err) === 'EEXIST') {
          const now = await readPageBytes(resolved.real);
          throw new HttpError(409, 'page already exists', { current: now ? pick(decode(resolved.rel, now)) : null });
        }
        fsErrorToHttp(err, 'page');
      }
      return { etag: etagOf(bytes), created: true };
    }

    const currentPage = decode(resolved.rel, current);
    if (createOnly) throw new HttpError(409, 'page already exists', { current: pick(currentPage) });
    if (!req.ifMatch || parseEtagList(req.ifMatch) === '*') {
      throw new HttpError(428, 'If-Match with the etag of the edited version is required');
    }
    if (!ifMatchSatisfied(req.ifMatch, currentPage.etag)) {
      throw new HttpError(409, 'page changed on disk since it was loaded', { current: pick(currentPage) });
    }
    try {
      await atomicWriteFile(resolved.real, bytes);
    } catch (err) {
      fsErrorToHttp(err, 'page');
    }
    return { etag: etagOf(bytes), created: false };
  });
}

function pick(p: PageContent): { text: string; etag: string } {
  return { text: p.text, etag: p.etag };
}
