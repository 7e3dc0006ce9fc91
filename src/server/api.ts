/**
 * JSON API under /api. Each concern is a small sub-router so that later routes
 * (create/rename/delete/trash/upload) can be added beside them.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './errors.ts';
import { listMedia } from './media.ts';
import { listPages, readPage, writePage } from './pages.ts';
import { PathQueue } from './pathQueue.ts';
import { getSiteInfo } from './siteInfo.ts';

export const DEFAULT_MAX_PAGE_BYTES = 20 * 1024 * 1024;

export interface ApiContext {
  siteDir: string;
  /** Serialises writes per real file path; shared by every route that writes files. */
  queue: PathQueue;
  maxPageBytes: number;
}

function siteRoutes(ctx: ApiContext): Hono {
  const r = new Hono();
  r.get('/', async (c) => c.json(await getSiteInfo(ctx.siteDir)));
  return r;
}

function pagesRoutes(ctx: ApiContext): Hono {
  const r = new Hono();
  r.get('/', async (c) => c.json({ pages: await listPages(ctx.siteDir) }));
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
      const result = await writePage(
        ctx.siteDir,
        path,
        { text, ifMatch: c.req.header('if-match'), ifNoneMatch: c.req.header('if-none-match') },
        ctx.queue,
      );
      c.header('ETag', result.etag);
      return c.json({ etag: result.etag }, result.created ? 201 : 200);
    },
  );

  r.all('/', (c) => c.json({ error: 'method not allowed' }, 405, { Allow: 'GET, HEAD, PUT' }));
  return r;
}

function mediaRoutes(ctx: ApiContext): Hono {
  const r = new Hono();
  r.get('/', async (c) => c.json(await listMedia(ctx.siteDir, c.req.query('dir'))));
  return r;
}

export function createApiRoutes(ctx: ApiContext): Hono {
  const api = new Hono();
  api.route('/site', siteRoutes(ctx));
  api.route('/pages', pagesRoutes(ctx));
  api.route('/page', pageRoutes(ctx));
  api.route('/media', mediaRoutes(ctx));
  api.all('*', (c) => c.json({ error: 'no such API route' }, 404));
  return api;
}
