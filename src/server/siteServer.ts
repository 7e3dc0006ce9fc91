/**
 * The local site server: JSON API for one Isomer site folder, raw site files, and the built editor app.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createApiRoutes, DEFAULT_MAX_PAGE_BYTES } from './api.ts';
import { HttpError } from './errors.ts';
import { defaultTrashDir } from './pageOps.ts';
import { isInside } from './paths.ts';
import { PageWatcher } from './watcher.ts';
import { PathQueue } from './pathQueue.ts';
import { allowedHostHeaders, allowedOrigins, formatHost, hostGuard, isWildcardHost, requestGuard, securityHeaders } from './security.ts';
import { decodeUrlPath, serveApp, serveSiteFile } from './staticFiles.ts';

export interface SiteServerOptions {
  siteDir: string;
  /** Built SPA folder (dist/), optional. */
  appDir?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4173; 0 = any free port. */
  port?: number;
  /** Default: 32 random bytes, hex. */
  token?: string;
  /**
   * Where deleted pages go; must be outside the site folder. Default:
   * `~/.isomer-editor/trash/<hash of the site folder's real path>`.
   */
  trashDir?: string;
  /** Interval of the page watcher's full scan behind its folder watches, ms (default 60 000). */
  watchIntervalMs?: number;
}

export interface RunningSiteServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface SiteAppOptions {
  siteDir: string;
  appDir?: string;
  token: string;
  /** Address the server is bound to (default 127.0.0.1); used for the Host/Origin checks. */
  host?: string;
  /** The bound port, or a getter when it is only known after listening. */
  port: number | (() => number);
  /** Extra accepted Host header values (`name:port`). */
  extraHosts?: string[];
  /** Extra accepted Origins for state-changing requests (e.g. a development server). */
  extraOrigins?: string[];
  /** Maximum request body for page writes; default 20 MB. */
  maxPageBytes?: number;
  /** Where deleted pages go (outside the site folder); see SiteServerOptions.trashDir. */
  trashDir?: string;
  /** Shared page watcher (one is made when not given). */
  watcher?: PageWatcher;
  watchIntervalMs?: number;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4173;

function rawPathname(c: Context): string {
  return new URL(c.req.url).pathname;
}

export function createSiteApp(opts: SiteAppOptions): Hono {
  if (!opts.token) throw new Error('createSiteApp: a non-empty token is required');
  const host = opts.host ?? DEFAULT_HOST;
  const portOf = typeof opts.port === 'function' ? opts.port : () => opts.port as number;

  let cached: { port: number; hosts: Set<string>; origins: Set<string> } | undefined;
  const allowed = () => {
    const port = portOf();
    if (!cached || cached.port !== port) {
      const hosts = allowedHostHeaders(host, port, opts.extraHosts);
      cached = { port, hosts, origins: allowedOrigins(hosts, opts.extraOrigins) };
    }
    return cached;
  };

  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: err.message, ...err.body }, err.status);
    if (err instanceof HTTPException) {
      return c.json({ error: err.message || 'request failed' }, err.status);
    }
    console.error('[site-server]', err);
    return c.json({ error: 'internal server error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));

  app.use('*', securityHeaders());
  app.use('*', hostGuard(() => allowed().hosts));
  app.use(
    '*',
    requestGuard({
      token: opts.token,
      origins: () => allowed().origins,
      tokenRequiredForRead: (p) => p === '/api' || p.startsWith('/api/'),
      queryTokenAllowed: (p) => p === '/api/events',
    }),
  );

  const trashDir = opts.trashDir ?? defaultTrashDir(opts.siteDir);
  const siteReal = path.resolve(opts.siteDir);
  const trashReal = path.resolve(trashDir);
  if (isInside(siteReal, trashReal)) throw new Error('createSiteApp: the trash folder must be outside the site folder');
  app.route(
    '/api',
    createApiRoutes({
      siteDir: opts.siteDir,
      queue: new PathQueue(),
      maxPageBytes: opts.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES,
      trashDir,
      watcher: opts.watcher ?? new PageWatcher(opts.siteDir, { intervalMs: opts.watchIntervalMs }),
    }),
  );

  // Raw site files, read-only. `/images/*` and `/files/*` are what page bodies reference.
  const siteFile = (prefix: string, keepPrefix: boolean) => async (c: Context) => {
    const rest = decodeUrlPath(rawPathname(c), prefix);
    if (rest === null) throw new HttpError(400, 'bad path');
    const rel = keepPrefix ? `${prefix.slice(1)}${rest}` : rest;
    return serveSiteFile(opts.siteDir, rel);
  };
  app.get('/site/*', siteFile('/site/', false));
  app.get('/images/*', siteFile('/images/', true));
  app.get('/files/*', siteFile('/files/', true));

  // The editor app (SPA fallback to index.html with the session token).
  app.get('*', async (c) => serveApp(opts.appDir, rawPathname(c), opts.token));
  app.all('*', (c) => c.json({ error: 'method not allowed' }, 405));

  return app;
}

export async function startSiteServer(opts: SiteServerOptions): Promise<RunningSiteServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const token = opts.token ?? randomBytes(32).toString('hex');
  let boundPort = opts.port ?? DEFAULT_PORT;

  const trashDir = opts.trashDir ?? defaultTrashDir(opts.siteDir);
  const watcher = new PageWatcher(opts.siteDir, { intervalMs: opts.watchIntervalMs });
  // The page list is read while the browser loads the app, so its first request finds it ready.
  void watcher.list().catch(() => {});
  const app = createSiteApp({ siteDir: opts.siteDir, appDir: opts.appDir, token, host, port: () => boundPort, trashDir, watcher });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: boundPort }) as Server;
    const onError = (err: Error) => reject(err);
    s.once('error', onError);
    s.once('listening', () => {
      s.off('error', onError);
      resolve(s);
    });
  });
  boundPort = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${isWildcardHost(host) ? '127.0.0.1' : formatHost(host)}:${boundPort}/`,
    token,
    port: boundPort,
    close() {
      watcher.close();
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections?.();
        setTimeout(() => server.closeAllConnections?.(), 1000).unref();
      });
      return closing;
    },
  };
}
