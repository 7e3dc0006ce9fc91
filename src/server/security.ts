/**
 * Request hardening for the local site server:
 *  - Host header allow-list (DNS rebinding),
 *  - session token + Origin checks (CSRF, and reads of the API by other local web pages),
 *  - security response headers.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export const TOKEN_HEADER = 'X-Isomer-Token';

/** CSP for the editor app: no inline script; https embeds and images allowed. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** CSP for raw site files: no script at all, opaque origin, may only be framed by the editor. */
export const SITE_FILE_CSP = [
  "default-src 'none'",
  "img-src 'self' data:",
  "style-src 'unsafe-inline'",
  "media-src 'self'",
  "font-src 'self' data:",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

/** Formats a host for a Host header / origin (`::1` → `[::1]`). */
export function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** True for the "every interface" addresses. */
export function isWildcardHost(host: string): boolean {
  return WILDCARD.has(host);
}

/**
 * The Host header values accepted for a server bound to `host:port`: exactly `host:port`, plus the
 * other loopback spellings when bound to a loopback address (`localhost:port` for 127.0.0.1).
 * When bound to every interface only the loopback spellings and `extra` are accepted.
 */
export function allowedHostHeaders(host: string, port: number, extra: readonly string[] = []): Set<string> {
  const h = formatHost(host.toLowerCase());
  const set = new Set<string>(extra.map((e) => e.toLowerCase()));
  const loopback = LOOPBACK_NAMES.includes(h) || WILDCARD.has(h);
  if (!WILDCARD.has(h)) set.add(`${h}:${port}`);
  if (loopback) for (const name of LOOPBACK_NAMES) set.add(`${name}:${port}`);
  return set;
}

/** Origins allowed to send state-changing requests: `http://` + each allowed Host value. */
export function allowedOrigins(hosts: Iterable<string>, extra: readonly string[] = []): Set<string> {
  const set = new Set<string>(extra.map((e) => e.replace(/\/+$/, '').toLowerCase()));
  for (const h of hosts) set.add(`http://${h}`);
  return set;
}

/** 403 unless the Host header is one of `allowed()`. */
export function hostGuard(allowed: () => Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (!host || !allowed().has(host)) return c.json({ error: 'forbidden host' }, 403);
    return next();
  };
}

/** Constant-time comparison of the token header with the session token. */
export function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string' || token.length === 0) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export interface RequestGuardOptions {
  token: string;
  origins: () => Set<string>;
  /** Whether a safe (GET/HEAD) request to this path needs the token too (the API does). */
  tokenRequiredForRead: (pathname: string) => boolean;
  /**
   * GET routes that may carry the token as `?token=` instead of the header (EventSource cannot send
   * headers). Only for reads, never for writes.
   */
  queryTokenAllowed?: (pathname: string) => boolean;
}

/**
 * CSRF and API protection:
 *  - every non-GET/HEAD request needs the token header and, if it has an Origin, that Origin must
 *    be the server's own (an absent Origin is accepted only because the token is present);
 *    a `Sec-Fetch-Site: cross-site` request is refused as well;
 *  - GET/HEAD requests to token-protected paths (the API) need the token header.
 */
export function requestGuard(opts: RequestGuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method.toUpperCase();
    const hasToken = tokenMatches(c.req.header(TOKEN_HEADER), opts.token);
    if (SAFE_METHODS.has(method)) {
      if (!hasToken && opts.queryTokenAllowed?.(c.req.path) && tokenMatches(c.req.query('token'), opts.token)) return next();
      if (!hasToken && opts.tokenRequiredForRead(c.req.path)) return c.json({ error: 'missing or wrong session token' }, 403);
      return next();
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !opts.origins().has(origin.toLowerCase())) {
      return c.json({ error: 'cross-origin request refused' }, 403);
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') return c.json({ error: 'cross-site request refused' }, 403);
    if (!hasToken) return c.json({ error: 'missing or wrong session token' }, 403);
    return next();
  };
}

/** Headers on every response. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    // A route that signs its own addresses may open them to documents of no origin (the review previews).
    if (!h.has('Cross-Origin-Resource-Policy')) h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
