/** Security of team mode: sessions, roles, CSRF, lockout, timing, and what reaches the logs. */
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testDatabaseTargets } from '../db/testDatabases.ts';
import { MAX_FAILURES } from '../auth/signInLockout.ts';
import { mailText, startTeamHarness, tokenOfLink, type TeamHarness, type TestClient } from './testTeamServer.ts';

const ADMIN = 'ann@agency.gov.sg';
const ADMIN_PASSWORD = 'correct horse battery staple';
const EDITOR = 'bob@agency.gov.sg';
const EDITOR_PASSWORD = 'bob likes long passwords';

/** Every route a signed-out visitor must not reach, with the method it is used with. */
const PROTECTED: [string, string][] = [
  ['GET', '/api/team/session'],
  ['GET', '/api/team/admin/people'],
  ['GET', '/api/team/admin/audit'],
  ['POST', '/api/team/admin/invites'],
  ['PUT', '/api/team/admin/role'],
  ['PUT', '/api/team/admin/settings'],
  ['GET', '/api/site'],
  ['GET', '/api/pages'],
  ['PUT', '/api/pages/index.md'],
  ['GET', '/api/drafts'],
  ['GET', '/api/events'],
  ['GET', '/site/index.md'],
  ['GET', '/images/logo.png'],
  ['GET', '/files/report.pdf'],
];

const ADMIN_ONLY: [string, string, unknown][] = [
  ['GET', '/api/team/admin/people', undefined],
  ['GET', '/api/team/admin/audit', undefined],
  ['POST', '/api/team/admin/invites', { email: 'carl@agency.gov.sg', role: 'admin' }],
  ['PUT', '/api/team/admin/role', { email: 'bob@agency.gov.sg', role: 'admin' }],
  ['PUT', '/api/team/admin/settings', { allowedDomains: ['evil.com'] }],
];

async function withAdminAndEditor(h: TeamHarness): Promise<{ admin: TestClient; editor: TestClient }> {
  const admin = h.client();
  expect((await admin.post('/api/team/setup', { token: tokenOfLink(await h.createAdmin(ADMIN)), name: 'Ann', password: ADMIN_PASSWORD })).status).toBe(200);
  expect((await admin.signInWithPassword(ADMIN, ADMIN_PASSWORD)).status).toBe(200);
  expect((await admin.post('/api/team/admin/invites', { email: EDITOR, role: 'editor' })).status).toBe(201);
  const link = /(http\S+#token=[A-Za-z0-9_-]+)/.exec(mailText((await h.smtp.nextTo(EDITOR)).raw))![1]!;
  const editor = h.client();
  expect((await editor.post('/api/team/setup', { token: tokenOfLink(link), name: 'Bob', password: EDITOR_PASSWORD })).status).toBe(200);
  expect((await editor.signInWithPassword(EDITOR, EDITOR_PASSWORD)).status).toBe(200);
  return { admin, editor };
}

/** fetch() cannot set Host; a raw request can. */
function statusWithHost(port: number, urlPath: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe.each(testDatabaseTargets)('team security on $name', (target) => {
  let h: TeamHarness | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await h?.close();
    h = undefined;
  });

  it('refuses every route without a session, and lets a signed-in person through to the site routes', async () => {
    h = await startTeamHarness(target);
    const visitor = h.client();
    for (const [method, route] of PROTECTED) {
      const res = await visitor.request(method, route, method === 'GET' ? undefined : {});
      expect([route, res.status]).toEqual([route, 401]);
    }
    // A made-up session cookie is no session either.
    const forged = await visitor.get('/api/team/session', { Cookie: 'better-auth.session_token=forged.value' });
    expect(forged.status).toBe(401);
    // better-auth's endpoints the editor does not use are closed (no self sign-up).
    const signUp = await visitor.post('/api/auth/sign-up/email', { email: 'mallory@agency.gov.sg', password: 'mallory password 1', name: 'M' });
    expect(signUp.status).toBe(404);
    // The app itself loads, to show the sign-in screen.
    expect((await visitor.get('/')).status).toBe(200);

    const { editor } = await withAdminAndEditor(h);
    expect((await editor.get('/api/pages')).status).toBe(503);
    expect(await (await editor.get('/api/pages')).json()).toEqual({ error: 'change sets not set up' });
    const page = await editor.get('/site/index.md');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Hello');
  });

  it('refuses admin actions to an editor, and changes nothing', async () => {
    h = await startTeamHarness(target);
    const { admin, editor } = await withAdminAndEditor(h);
    for (const [method, route, body] of ADMIN_ONLY) {
      const res = await editor.request(method, route, body);
      expect([route, res.status]).toEqual([route, 403]);
    }
    const people = (await (await admin.get('/api/team/admin/people')).json()) as { people: { email: string; role: string }[]; allowedDomains: string[] };
    expect(people.people.find((p) => p.email === EDITOR)?.role).toBe('editor');
    expect(people.people.map((p) => p.email)).not.toContain('carl@agency.gov.sg');
    expect(people.allowedDomains).toEqual(['agency.gov.sg']);
    // A role given by an admin takes effect on the next request, without signing in again.
    expect((await admin.put('/api/team/admin/role', { email: EDITOR, role: 'admin' })).status).toBe(200);
    expect((await editor.get('/api/team/admin/people')).status).toBe(200);
    // The last admin cannot be removed.
    expect((await admin.put('/api/team/admin/role', { email: EDITOR, role: 'editor' })).status).toBe(200);
    expect((await admin.put('/api/team/admin/role', { email: ADMIN, role: 'editor' })).status).toBe(409);
  });

  it('gives a new session on sign-in whatever cookie came before (no session fixation), and ends it on sign-out', async () => {
    h = await startTeamHarness(target);
    await withAdminAndEditor(h);
    const victim = h.client();
    victim.cookies.set('better-auth.session_token', 'planted-by-attacker');
    expect((await victim.get('/api/team/session')).status).toBe(401);
    expect((await victim.signInWithPassword(EDITOR, EDITOR_PASSWORD)).status).toBe(200);
    const sessionCookie = victim.lastSetCookies.find((c) => c.startsWith('better-auth.session_token='));
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Strict/i);
    const first = victim.cookies.get('better-auth.session_token')!;
    expect(first).not.toBe('planted-by-attacker');

    expect((await victim.signInWithPassword(EDITOR, EDITOR_PASSWORD)).status).toBe(200);
    const second = victim.cookies.get('better-auth.session_token')!;
    expect(second).not.toBe(first);

    expect((await victim.post('/api/auth/sign-out', {})).status).toBe(200);
    const replay = await h.client().get('/api/team/session', { Cookie: `better-auth.session_token=${second}` });
    expect(replay.status).toBe(401);
  });

  it('refuses changes from another origin even with a valid session (CSRF)', async () => {
    h = await startTeamHarness(target);
    const { admin } = await withAdminAndEditor(h);
    const invite = { email: 'carl@agency.gov.sg', role: 'admin' };
    expect((await admin.post('/api/team/admin/invites', invite, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await admin.post('/api/team/admin/invites', invite, { Origin: 'null' })).status).toBe(403);
    expect((await admin.post('/api/team/admin/invites', invite, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await admin.post('/api/auth/sign-in/email', { email: ADMIN, password: ADMIN_PASSWORD }, { Origin: 'https://evil.example' })).status).toBe(403);
    // No Origin at all (not what a browser sends for a change) is refused too.
    const bare = await fetch(new URL('/api/team/admin/invites', h.server.publicUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify(invite),
    });
    expect(bare.status).toBe(403);
    const people = (await (await admin.get('/api/team/admin/people')).json()) as { people: { email: string }[] };
    expect(people.people.map((p) => p.email)).not.toContain('carl@agency.gov.sg');
    // A foreign Host header (DNS rebinding) is refused.
    expect(await statusWithHost(h.server.port, '/api/team/session', 'evil.example')).toBe(403);
    expect(await statusWithHost(h.server.port, '/api/team/session', `127.0.0.1:${h.server.port}`)).toBe(401);
  });

  it('locks an email after 10 wrong passwords out of a thousand, known or unknown alike, and the right password waits too', async () => {
    h = await startTeamHarness(target);
    await withAdminAndEditor(h);
    const attacker = h.client();
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i++) statuses.push((await attacker.signInWithPassword(EDITOR, `guess number ${i}`)).status);
    expect(statuses.slice(0, MAX_FAILURES)).toEqual(Array(MAX_FAILURES).fill(401));
    expect(statuses.slice(MAX_FAILURES).every((s) => s === 429)).toBe(true);
    expect((await attacker.signInWithPassword(EDITOR, EDITOR_PASSWORD)).status).toBe(429);
    expect((await attacker.post('/api/auth/email-otp/send-verification-otp', { email: EDITOR, type: 'sign-in' })).status).toBe(429);

    const unknown: number[] = [];
    for (let i = 0; i < MAX_FAILURES + 1; i++) unknown.push((await attacker.signInWithPassword('nobody@agency.gov.sg', `guess ${i}`)).status);
    expect(unknown).toEqual([...Array(MAX_FAILURES).fill(401), 429]);
    // Someone else is not locked out by it.
    expect((await h.client().signInWithPassword(ADMIN, ADMIN_PASSWORD)).status).toBe(200);
    // A thousand sign-ins: a slow or busy machine needs longer than the usual minute.
  }, 240_000);

  it('answers as slowly for unknown emails as for known ones', async () => {
    h = await startTeamHarness(target);
    await withAdminAndEditor(h);
    const c = h.client();
    const time = async (email: string, i: number) => {
      const t0 = performance.now();
      const res = await c.signInWithPassword(email, `wrong password ${i}`);
      expect(res.status).toBe(401);
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknownSameDomain: number[] = [];
    const otherDomain: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(EDITOR, i));
      unknownSameDomain.push(await time('nobody@agency.gov.sg', i));
      otherDomain.push(await time('someone@elsewhere.com', i));
    }
    const k = median(known);
    for (const other of [median(unknownSameDomain), median(otherDomain)]) {
      // The password hash dominates all three; without it an unknown email answers many times faster.
      expect(Math.abs(k - other)).toBeLessThan(Math.max(k, other) * 0.5 + 15);
    }
    const bodies = [await (await c.signInWithPassword(EDITOR, 'x wrong 1')).json(), await (await c.signInWithPassword('nobody2@agency.gov.sg', 'x wrong 1')).json()];
    expect(bodies[0]).toEqual(bodies[1]);
  });

  it('never writes passwords, setup tokens, codes or session cookies to the logs', async () => {
    const logged: string[] = [];
    const keep = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, m).mockImplementation(keep);
    const capture = (chunk: string | Uint8Array) => (logged.push(String(chunk)), true);
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);

    h = await startTeamHarness(target);
    const link = await h.createAdmin(ADMIN);
    const admin = h.client();
    await admin.post('/api/team/setup', { token: tokenOfLink(link), name: 'Ann', password: ADMIN_PASSWORD });
    await admin.signInWithPassword(ADMIN, 'a wrong password here');
    await admin.signInWithPassword(ADMIN, ADMIN_PASSWORD);
    await admin.post('/api/team/setup', { token: 'not-a-token', name: 'x', password: 'short' });
    await admin.post('/api/auth/email-otp/send-verification-otp', { email: ADMIN, type: 'sign-in' });
    const code = /code is (\d{6})/.exec(mailText((await h.smtp.nextTo(ADMIN)).raw))![1]!;
    await admin.post('/api/auth/sign-in/email-otp', { email: ADMIN, otp: '000000' });
    await admin.post('/api/auth/sign-in/email-otp', { email: ADMIN, otp: code });
    await admin.post('/api/team/setup', { token: tokenOfLink(link), name: 'Ann', password: ADMIN_PASSWORD });
    // Bad JSON reaches the error paths too.
    await admin.request('POST', '/api/auth/sign-in/email', undefined, { 'Content-Type': 'application/json' });
    const session = admin.cookies.get('better-auth.session_token')!;
    const all = logged.join('\n');
    for (const secret of [ADMIN_PASSWORD, 'a wrong password here', tokenOfLink(link), code, session, decodeURIComponent(session)]) {
      expect(all).not.toContain(secret);
    }
    // The audit log has no secrets either.
    const audit = JSON.stringify(await (await admin.get('/api/team/admin/audit')).json());
    for (const secret of [ADMIN_PASSWORD, tokenOfLink(link), code]) expect(audit).not.toContain(secret);
  });
});
