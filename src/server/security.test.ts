import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  APP_CSP,
  allowedHostHeaders,
  allowedOrigins,
  hostGuard,
  requestGuard,
  securityHeaders,
  tokenMatches,
} from './security.ts';

describe('allowed hosts and origins', () => {
  it('127.0.0.1 also accepts localhost (and [::1])', () => {
    expect([...allowedHostHeaders('127.0.0.1', 4173)].sort()).toEqual(['127.0.0.1:4173', '[::1]:4173', 'localhost:4173']);
  });
  it('a non-loopback address accepts only itself', () => {
    expect([...allowedHostHeaders('192.168.1.5', 80)]).toEqual(['192.168.1.5:80']);
  });
  it('IPv6 hosts are bracketed', () => {
    expect(allowedHostHeaders('::1', 9).has('[::1]:9')).toBe(true);
  });
  it('origins are http:// + host', () => {
    expect([...allowedOrigins(['127.0.0.1:1'], ['http://localhost:5173/'])].sort()).toEqual(['http://127.0.0.1:1', 'http://localhost:5173']);
  });
});

describe('tokenMatches', () => {
  it('compares exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
    expect(tokenMatches('', '')).toBe(false);
  });
});

function testApp() {
  const hosts = allowedHostHeaders('127.0.0.1', 4173);
  const origins = allowedOrigins(hosts);
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', hostGuard(() => hosts));
  app.use('*', requestGuard({ token: 'T', origins: () => origins, tokenRequiredForRead: (p) => p.startsWith('/api/') }));
  app.all('*', (c) => c.text('ok'));
  return app;
}

const req = (app: Hono, path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  app.request(`http://127.0.0.1:4173${path}`, { ...init, headers: { host: '127.0.0.1:4173', ...init.headers } });

describe('hostGuard (DNS rebinding)', () => {
  it('accepts the bound host and localhost, refuses anything else with 403', async () => {
    const app = testApp();
    expect((await req(app, '/')).status).toBe(200);
    expect((await req(app, '/', { headers: { host: 'localhost:4173' } })).status).toBe(200);
    expect((await req(app, '/', { headers: { host: 'LOCALHOST:4173' } })).status).toBe(200);
    for (const host of ['evil.example:4173', '127.0.0.1', '127.0.0.1:80', 'localhost', 'attacker.com', '127.0.0.1:4173.evil']) {
      expect((await req(app, '/', { headers: { host } })).status).toBe(403);
    }
    expect((await app.request('http://127.0.0.1:4173/')).status).toBe(403); // no Host header at all
  });
});

describe('requestGuard (CSRF and token)', () => {
  it('needs the token for API reads but not for other reads', async () => {
    const app = testApp();
    expect((await req(app, '/api/page')).status).toBe(403);
    expect((await req(app, '/api/page', { headers: { 'x-isomer-token': 'wrong' } })).status).toBe(403);
    expect((await req(app, '/api/page', { headers: { 'x-isomer-token': 'T' } })).status).toBe(200);
    expect((await req(app, '/images/a.png')).status).toBe(200);
  });

  it('needs the token and a same Origin (or none) for writes', async () => {
    const app = testApp();
    const put = async (headers: Record<string, string>) => (await req(app, '/api/page', { method: 'PUT', headers })).status;
    expect(await put({})).toBe(403);
    expect(await put({ origin: 'http://127.0.0.1:4173' })).toBe(403);
    expect(await put({ 'x-isomer-token': 'T', origin: 'http://evil.example' })).toBe(403);
    expect(await put({ 'x-isomer-token': 'T', origin: 'null' })).toBe(403);
    expect(await put({ 'x-isomer-token': 'T', origin: 'http://127.0.0.1:4174' })).toBe(403);
    expect(await put({ 'x-isomer-token': 'T', origin: 'http://127.0.0.1:4173', 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await put({ 'x-isomer-token': 'T', origin: 'http://127.0.0.1:4173' })).toBe(200);
    expect(await put({ 'x-isomer-token': 'T', origin: 'http://localhost:4173' })).toBe(200);
    expect(await put({ 'x-isomer-token': 'T' })).toBe(200);
    // also outside /api: every non-GET/HEAD request
    expect((await req(app, '/anything', { method: 'POST' })).status).toBe(403);
    expect((await req(app, '/anything', { method: 'OPTIONS', headers: { origin: 'http://evil.example' } })).status).toBe(403);
  });
});

describe('securityHeaders', () => {
  it('sets nosniff, referrer policy and a default CSP on every response', async () => {
    const res = await req(testApp(), '/');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const refused = await req(testApp(), '/', { headers: { host: 'evil:1' } });
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
  });
  it('the app CSP forbids inline script and framing, allows https embeds and images', () => {
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).toMatch(/frame-src [^;]*https:/);
    expect(APP_CSP).toMatch(/img-src 'self' data: [^;]*https:/);
  });
});
