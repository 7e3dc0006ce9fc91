/**
 * The page list as an HTTP answer. A 10,000-page site's list is about 2 MB of JSON: it is written once
 * per version of the list (the watcher hands out the same array until a page changes) and sent
 * gzipped, about a tenth of that, to a browser that accepts it.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { PageSummary } from '../core/pageSummary.ts';

const gzipAsync = promisify(gzip);
/** Below this, compressing costs more than it saves. */
const MIN_GZIP_CHARS = 8 * 1024;

export function pageListResponder(): (pages: readonly PageSummary[], acceptEncoding: string | undefined) => Promise<Response> {
  let cached: { pages: readonly PageSummary[]; json: string; gzipped: Promise<Buffer> | null } | null = null;
  return async (pages, acceptEncoding) => {
    if (cached?.pages !== pages) cached = { pages, json: JSON.stringify({ pages }), gzipped: null };
    const entry = cached;
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8', Vary: 'Accept-Encoding' };
    if (entry.json.length >= MIN_GZIP_CHARS && /(^|,)\s*gzip\s*(,|;(?!\s*q=0(\.0*)?\s*(,|$))|$)/i.test(acceptEncoding ?? '')) {
      // Level 1: nearly the size of the default level, in a fraction of its time.
      entry.gzipped ??= gzipAsync(entry.json, { level: 1 });
      return new Response(new Uint8Array(await entry.gzipped), { headers: { ...headers, 'Content-Encoding': 'gzip' } });
    }
    return new Response(entry.json, { headers });
  };
}
