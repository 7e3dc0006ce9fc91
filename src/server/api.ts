/**
 * JSON API under /api. Each concern is a small sub-router so that later routes
 * (create/rename/delete/trash/upload) can be added beside them.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { useJsdom } from '../core/node/useJsdom.ts';
import { HttpError } from './errors.ts';
import { etagOf } from './etag.ts';
import { listMedia } from './media.ts';
import { assertSavedPermalinkFree, createPage, deletePage, listTrash, renamePage, restoreFromTrash } from './pageOps.ts';
import { pageListResponder } from './pageListResponse.ts';
import { readPage, writePage } from './pages.ts';
import { refuseUnsafePage } from './pageSafety.ts';
import { PathQueue } from './pathQueue.ts';
import { readSiteDataFile, writeSiteDataFile } from './siteDataFiles.ts';
import { getSiteInfo } from './siteInfo.ts';
import { SITE_FILES, type SiteFileName } from '../site/siteFiles.ts';
import { MAX_UPLOAD_BYTES, uploadMedia } from './upload.ts';
import type { PageEvent, PageWatcher } from './watcher.ts';

export const DEFAULT_MAX_PAGE_BYTES = 20 * 1024 * 1024;

export interface ApiContext {
  siteDir: string;
  /** Serialises writes per real file path; shared by every route that writes files. */
  queue: PathQueue;
  maxPageBytes: number;
  /** Where deleted pages go (outside the site folder). */
  trashDir: string;
  /** Reports page files changed on disk by others (GET /api/events). */
  watcher: PageWatcher;
  /** Keep-alive comment interval of the event stream, ms. */
  heartbeatMs?: number;
  /**
   * Called after a write succeeded, with the site paths it may have changed and a one-line summary
   * naming them (team mode commits them); the response waits for it.
   */
  onWritten?: (paths: string[], summary: string) => Promise<void>;
}

/** A page path and, for a collection page, its collection's `collection.yml` (creating and renaming edit its order). */
function withCollectionFile(rel: string): string[] {
  const m = /^_([^/]+)\//.exec(rel);
  return m ? [rel, `_${m[1]}/collection.yml`] : [rel];
}

/** Small JSON bodies (create, rename, restore). */
const MAX_JSON_BYTES = 64 * 1024;

const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: (c) => c.json({ error: `request body larger than ${MAX_JSON_BYTES} bytes` }, 413),
});

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'Content-Type must be application/json');
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'request body must be a JSON object');
  return body as Record<string, unknown>;
}

function siteRoutes(ctx: ApiContext): Hono {
  const r = new Hono();
  // siteId: a stable name for this site folder (the browser keys drafts by it).
  const siteId = createHash('sha256').update(path.resolve(ctx.siteDir)).digest('hex').slice(0, 16);
  r.get('/', async (c) => c.json({ ...(await getSiteInfo(ctx.siteDir)), siteId }));
  return r;
}

function pagesRoutes(ctx: ApiContext): Hono {
  const r = new Hono();
  const respond = pageListResponder();
  r.get('/', async (c) => respond(await ctx.watcher.list(), c.req.header('accept-encoding')));
  r.post('/', jsonLimit, async (c) => {
    const created = await createPage(ctx, await jsonBody(c));
    await ctx.onWritten?.(withCollectionFile(created.path), `Create ${created.path}`);
    c.header('ETag', created.etag);
    return c.json(created, 201);
  });
  r.all('/', (c) => c.json({ error: 'method not allowed' }, 405, { Allow: 'GET, HEAD, POST' }));
  return r;
}

function trashRoutes(ctx: ApiContext): Hono {
  const r = new Hono();
  r.get('/', async (c) => c.json({ items: await listTrash(ctx.trashDir) }));
  r.post('/restore', jsonLimit, async (c) => {
    const body = await jsonBody(c);
    const restored = await restoreFromTrash(ctx, body['id']);
    await ctx.onWritten?.(withCollectionFile(restored.path), `Restore ${restored.path}`);
    c.header('ETag', restored.etag);
    return c.json(restored);
  });
  return r;
}

function eventRoutes(ctx: ApiContext): Hono {
  const r = new Hono();
  r.get('/', (c) =>
    streamSSE(c, async (stream) => {
      const queue: PageEvent[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = ctx.watcher.subscribe((e) => {
        queue.push(e);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      const heartbeat = ctx.heartbeatMs ?? 15_000;
      while (open) {
        const e = queue.shift();
        if (e) {
          await stream.writeSSE({ data: JSON.stringify(e) });
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, heartbeat);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (open && queue.length === 0) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    }),
  );
  return r;
}

function pageRoutes(ctx: ApiContext): Hono {
  const r = new Hono();

  r.get('/', async (c) => {
    const page = await readPage(ctx.siteDir, c.req.query('path'));
    c.header('ETag', page.etag);
    return c.json(page);
  });

  r.put(
    '/',
    bodyLimit({
      maxSize: ctx.maxPageBytes,
      onError: (c) => c.json({ error: `request body larger than ${ctx.maxPageBytes} bytes` }, 413),
    }),
    async (c) => {
      const path = c.req.query('path');
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'Content-Type must be application/json');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new HttpError(400, 'request body is not valid JSON');
      }
      const text = body && typeof body === 'object' ? (body as { text?: unknown }).text : undefined;
      if (typeof text !== 'string') throw new HttpError(400, 'body must be { "text": string }');
      refuseUnsafePage(text);
      await assertSavedPermalinkFree(ctx, path, text);
      ctx.watcher.expect(typeof path === 'string' ? path : '', etagOf(Buffer.from(text, 'utf8')));
      const result = await writePage(
        ctx.siteDir,
        path,
        { text, ifMatch: c.req.header('if-match'), ifNoneMatch: c.req.header('if-none-match') },
        ctx.queue,
      );
      await ctx.onWritten?.([path as string], `${result.created ? 'Create' : 'Save'} ${path as string}`);
      c.header('ETag', result.etag);
      return c.json({ etag: result.etag }, result.created ? 201 : 200);
    },
  );

  r.delete('/', async (c) => {
    const item = await deletePage(ctx, c.req.query('path'), c.req.header('if-match'));
    await ctx.onWritten?.(withCollectionFile(item.path), `Delete ${item.path}`);
    return c.json({ trashed: item });
  });

  r.post('/rename', jsonLimit, async (c) => {
    const body = await jsonBody(c);
    const result = await renamePage(ctx, body['from'], body['to'], c.req.header('if-match'));
    const from = body['from'] as string;
    await ctx.onWritten?.([...withCollectionFile(from), ...withCollectionFile(result.path)], `Rename ${from} to ${result.path}`);
    c.header('ETag', result.etag);
    return c.json(result);
  });

  r.all('/', (c) => c.json({ error: 'method not allowed' }, 405, { Allow: 'GET, HEAD, PUT, DELETE' }));
  return r;
}

/** `/api/site-file?name=navigation|footer|settings`: the site's data files, and nothing else. */
function siteFileRoutes(ctx: ApiContext): Hono {
  const r = new Hono();
  r.get('/', async (c) => {
    const file = await readSiteDataFile(ctx.siteDir, c.req.query('name'));
    if (file.etag) c.header('ETag', file.etag);
    return c.json(file);
  });
  r.put('/', jsonLimit, async (c) => {
    const text = (await jsonBody(c))['text'];
    if (typeof text !== 'string') throw new HttpError(400, 'body must be { "text": string }');
    const result = await writeSiteDataFile(
      ctx.siteDir,
      c.req.query('name'),
      { text, ifMatch: c.req.header('if-match'), ifNoneMatch: c.req.header('if-none-match') },
      ctx.queue,
    );
    const file = SITE_FILES[c.req.query('name') as SiteFileName];
    await ctx.onWritten?.([file], `Save ${file}`);
    c.header('ETag', result.etag);
    return c.json({ etag: result.etag }, result.created ? 201 : 200);
  });
  r.all('/', (c) => c.json({ error: 'method not allowed' }, 405, { Allow: 'GET, HEAD, PUT' }));
  return r;
}

function mediaRoutes(ctx: ApiContext): Hono {
  const r = new Hono();
  r.get('/', async (c) => c.json(await listMedia(ctx.siteDir, c.req.query('dir'))));
  r.post(
    '/',
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: (c) => c.json({ error: `upload larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB` }, 413),
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const overwrite = c.req.query('overwrite') === '1' || c.req.query('overwrite') === 'true';
      const result = await uploadMedia(ctx.siteDir, ctx.queue, { dir: c.req.query('dir'), name: c.req.query('name'), overwrite }, bytes);
      await ctx.onWritten?.([result.path], `${result.replaced ? 'Replace' : 'Upload'} ${result.path}`);
      return c.json(result, result.replaced ? 200 : 201);
    },
  );
  r.all('/', (c) => c.json({ error: 'method not allowed' }, 405, { Allow: 'GET, HEAD, POST' }));
  return r;
}

export function createApiRoutes(ctx: ApiContext): Hono {
  // Page settings are judged with an HTML parser (saving, creating pages): jsdom, in Node.
  useJsdom();
  const api = new Hono();
  api.route('/site', siteRoutes(ctx));
  api.route('/pages', pagesRoutes(ctx));
  api.route('/page', pageRoutes(ctx));
  api.route('/media', mediaRoutes(ctx));
  api.route('/site-file', siteFileRoutes(ctx));
  api.route('/trash', trashRoutes(ctx));
  api.route('/events', eventRoutes(ctx));
  api.all('*', (c) => c.json({ error: 'no such API route' }, 404));
  return api;
}
