/**
 * Team mode: the editor as a server a team shares. Everyone signs in (better-auth); admins manage
 * people and read the audit log; the site's routes (change sets on git) are plugged in by `siteRoutes`.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { appendAudit, readAudit, type NewAuditEntry } from '../db/auditLog.ts';
import { defaultDatabaseFile, openDatabase, type TeamDatabase } from '../db/openDatabase.ts';
import type { TeamRole } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { MailTransport } from '../mail/mailTransport.ts';
import { allowedHostHeaders, allowedOrigins, formatHost, hostGuard, isWildcardHost, securityHeaders } from '../security.ts';
import { decodeUrlPath, serveApp, serveSiteFile } from '../staticFiles.ts';
import { createBetterAuth, migrateAuthTables, normaliseEmail, TeamAccounts, toTeamUser, type BetterAuth, type TeamUser } from '../auth/teamAuth.ts';
import { SignInLockout } from '../auth/signInLockout.ts';
import { ClientRateLimit } from '../auth/clientRateLimit.ts';
import { getConnInfo } from '@hono/node-server/conninfo';
import { defaultDataDir, prepareDataDir, serverSecret } from './dataFolder.ts';
import { createDraftRoutes } from './draftRoutes.ts';
import { createPresenceRoutes, Presence } from './presence.ts';

export type { TeamUser } from '../auth/teamAuth.ts';

export interface TeamRouteContext {
  siteDir: string;
  /** The server's data folder (outside the site). */
  dataDir: string;
  /** The signed-in person of a request (routes under `siteRoutes` only run with a session). */
  userOf(c: Context): TeamUser;
  /** Appends to the audit log (saves, publishes). */
  audit(entry: NewAuditEntry): Promise<void>;
  /** The team store (people, reviews). */
  db: TeamDatabase['db'];
  mail: MailTransport;
  /** The address people open, for links in emails. */
  publicUrl: string;
  /** Origins allowed to send changes. */
  origins: string[];
  /** The server's secret (it signs the session cookies): routes derive keys of their own from it. */
  secret: string;
}

export interface TeamServerOptions {
  siteDir: string;
  /** Server state (SQLite store, cookie secret); default `<site>.isomer-editor/` beside the site. */
  dataDir?: string;
  /** `postgres://…` or an SQLite file; default `team.sqlite` in the data folder. */
  database?: string;
  /** PostgreSQL only: the schema to keep the tables in (tests use one each). */
  databaseSchema?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4173; 0 = any free port. */
  port?: number;
  /** The address people open, e.g. `https://editor.agency.gov.sg` behind a reverse proxy. Default: the bound address. */
  publicUrl?: string;
  mail: MailTransport;
  /** The site's routes, full paths under /api/ (pages, change sets); default answers 503. Always behind a session. */
  siteRoutes?: (ctx: TeamRouteContext) => Hono;
  /** Routes at the server's root that need no session (share links); they check access themselves. */
  rootRoutes?: (ctx: TeamRouteContext) => Hono;
  /** Built SPA folder (dist/). */
  appDir?: string;
  /** The id of a person's change set, which keys their drafts; default: their user id. */
  changeSetOf?: (user: TeamUser) => Promise<string>;
}

export interface RunningTeamServer {
  url: string;
  port: number;
  publicUrl: string;
  database: TeamDatabase;
  accounts: TeamAccounts;
  close(): Promise<void>;
}

/** Until change sets are set up, the site's routes say so. */
export function changeSetsNotSetUp(): Hono {
  const r = new Hono();
  r.all('/api/*', (c) => c.json({ error: 'change sets not set up' }, 503));
  return r;
}

/** The better-auth endpoints the app uses; every other one (sign-up, password reset by link…) is closed. */
const AUTH_ENDPOINTS = new Set(['/sign-in/email', '/sign-in/email-otp', '/email-otp/send-verification-otp', '/sign-out', '/get-session']);
const SAFE_METHODS = new Set(['GET', 'HEAD']);
const MAX_JSON_BYTES = 64 * 1024;
const USER_KEY = 'teamUser';

function dataLocation(opts: TeamServerOptions): { dataDir: string; database: string } {
  const dataDir = prepareDataDir(opts.siteDir, opts.dataDir ?? defaultDataDir(opts.siteDir));
  return { dataDir, database: opts.database ?? defaultDatabaseFile(dataDir) };
}

/** Opens the store (team tables and better-auth's), as the server and `admin create` both need. */
export async function openTeamStore(opts: Pick<TeamServerOptions, 'siteDir' | 'dataDir' | 'database' | 'databaseSchema' | 'mail'> & { publicUrl: string }) {
  const { dataDir, database: location } = dataLocation(opts as TeamServerOptions);
  const database = await openDatabase(location, { schema: opts.databaseSchema });
  try {
    const authOptions = { database, publicUrl: opts.publicUrl, secret: serverSecret(dataDir), mail: opts.mail };
    await migrateAuthTables(authOptions);
    const auth = createBetterAuth(authOptions);
    return { dataDir, database, auth, accounts: new TeamAccounts(auth, database) };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * Makes `email` an admin (creating the person if needed), allows its domain, and returns a one-time
 * setup link for choosing a password.
 */
export async function createFirstAdmin(opts: Parameters<typeof openTeamStore>[0] & { email: string }): Promise<string> {
  const email = normaliseEmail(opts.email);
  if (!email) throw new Error(`Not an email address: ${opts.email}`);
  const store = await openTeamStore(opts);
  try {
    const domains = await store.accounts.allowedDomains();
    const domain = email.slice(email.indexOf('@') + 1);
    if (!domains.includes(domain)) await store.accounts.setAllowedDomains([...domains, domain]);
    const { token } = await store.accounts.createPerson(email, 'admin');
    await appendAudit(store.database.db, { action: 'admin-create', actor: null, target: email });
    return setupLink(opts.publicUrl, token);
  } finally {
    await store.database.close();
  }
}

export function setupLink(publicUrl: string, token: string): string {
  // The token travels in the fragment: it never reaches server or proxy logs, nor a Referer header.
  return `${publicUrl.replace(/\/+$/, '')}/account/setup#token=${token}`;
}

export async function startTeamServer(opts: TeamServerOptions): Promise<RunningTeamServer> {
  const host = opts.host ?? '127.0.0.1';
  let handler: Hono | undefined;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({
      fetch: (req, env) => (handler ? handler.fetch(req, env) : new Response('starting', { status: 503 })),
      hostname: host,
      port: opts.port ?? 4173,
    }) as Server;
    s.once('error', reject);
    s.once('listening', () => {
      s.off('error', reject);
      resolve(s);
    });
  });
  const port = (server.address() as AddressInfo).port;
  const boundUrl = `http://${isWildcardHost(host) ? '127.0.0.1' : formatHost(host)}:${port}`;
  const publicUrl = (opts.publicUrl ?? boundUrl).replace(/\/+$/, '');
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections?.();
      setTimeout(() => server.closeAllConnections?.(), 1000).unref();
    });

  let store: Awaited<ReturnType<typeof openTeamStore>>;
  try {
    store = await openTeamStore({ ...opts, publicUrl });
  } catch (err) {
    await closeServer();
    throw err;
  }
  handler = createTeamApp({ ...opts, dataDir: store.dataDir, host, port, publicUrl, auth: store.auth, accounts: store.accounts });

  let closing: Promise<void> | undefined;
  return {
    url: `${boundUrl}/`,
    port,
    publicUrl,
    database: store.database,
    accounts: store.accounts,
    close() {
      closing ??= closeServer().then(() => store.database.close());
      return closing;
    },
  };
}

interface TeamAppOptions extends TeamServerOptions {
  dataDir: string;
  host: string;
  port: number;
  publicUrl: string;
  auth: BetterAuth;
  accounts: TeamAccounts;
}

function createTeamApp(opts: TeamAppOptions): Hono {
  const { auth, accounts } = opts;
  const db = accounts.database.db;
  const lockout = new SignInLockout(db);
  const clientLimit = new ClientRateLimit();
  const audit = (entry: NewAuditEntry) => appendAudit(db, entry);
  const publicHost = new URL(opts.publicUrl).host.toLowerCase();
  const hosts = allowedHostHeaders(opts.host, opts.port, [publicHost]);
  const origins = allowedOrigins(hosts, [new URL(opts.publicUrl).origin]);

  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: err.message, ...err.body }, err.status);
    if (err instanceof HTTPException) return c.json({ error: err.message || 'request failed' }, err.status);
    // The message only: a stack or request could carry what a person typed.
    console.error('[team-server]', err instanceof Error ? err.message : 'unexpected error');
    return c.json({ error: 'internal server error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.use('*', securityHeaders());
  app.use('*', hostGuard(() => hosts));
  app.use('*', originGuard(origins));
  const jsonLimit = bodyLimit({ maxSize: MAX_JSON_BYTES, onError: (c) => c.json({ error: 'request body too large' }, 413) });
  // Drafts hold whole pages and set their own limit.
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/team/drafts/') ? next() : jsonLimit(c, next)));

  // --- Signing in (no session needed) ---
  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    const endpoint = c.req.path.slice('/api/auth'.length);
    if (!AUTH_ENDPOINTS.has(endpoint)) return c.json({ error: 'not found' }, 404);
    if (endpoint === '/sign-in/email' || endpoint === '/sign-in/email-otp' || endpoint === '/email-otp/send-verification-otp') {
      return signIn(c, endpoint);
    }
    return auth.handler(c.req.raw);
  });

  async function signIn(c: Context, endpoint: string): Promise<Response> {
    const body = (await c.req.raw.clone().json().catch(() => null)) as Record<string, unknown> | null;
    const email = normaliseEmail(body?.email);
    if (!email) return c.json({ error: 'Give a valid email address.' }, 400);
    const lockedUntil = await lockout.lockedUntil(email);
    if (lockedUntil) {
      return c.json({ error: `Too many failed attempts. Try again after ${lockedUntil.toISOString().slice(11, 16)} UTC.`, lockedUntil: lockedUntil.toISOString() }, 429);
    }
    if (!clientLimit.hit(getConnInfo(c).remote.address ?? 'unknown')) {
      return c.json({ error: 'Too many sign-in attempts from this address. Try again in 15 minutes.' }, 429);
    }
    const allowed = await accounts.isDomainAllowed(email);
    if (endpoint === '/email-otp/send-verification-otp') {
      // Every code sent counts as an attempt, so nobody can flood a mailbox; the answer is the same for anyone.
      await lockout.recordFailure(email);
      if (allowed) {
        const res = await auth.handler(c.req.raw);
        if (!res.ok) return res;
      }
      return c.json({ success: true });
    }
    let res: Response;
    if (allowed) res = await auth.handler(c.req.raw);
    else {
      // Same work and same answer as a wrong password.
      await (await auth.$context).password.hash(typeof body?.password === 'string' ? body.password : 'x');
      res = c.json({ code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }, 401);
    }
    if (res.ok) {
      await lockout.clear(email);
      await audit({ action: 'sign-in', actor: email, detail: { method: endpoint === '/sign-in/email' ? 'password' : 'email code' } });
    } else if (res.status === 401 || res.status === 400 || res.status === 403) {
      const locked = await lockout.recordFailure(email);
      await audit({ action: locked ? 'sign-in-locked' : 'sign-in-failed', actor: email });
    }
    return res;
  }

  // A one-time setup link: choose a name and password (first admin, invited people).
  app.post('/api/team/setup', async (c) => {
    const body = await jsonBody(c);
    const token = typeof body.token === 'string' ? body.token : '';
    const name = typeof body.name === 'string' ? body.name.trim().slice(0, 200) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const ctx = await auth.$context;
    if (password.length < ctx.password.config.minPasswordLength) {
      throw new HttpError(400, `Choose a password of at least ${ctx.password.config.minPasswordLength} characters.`);
    }
    if (password.length > ctx.password.config.maxPasswordLength) throw new HttpError(400, 'That password is too long.');
    const email = token ? await accounts.completeSetup(token, name, password) : null;
    if (!email) throw new HttpError(400, 'This setup link is not valid any more: ask an admin for a new one.');
    await audit({ action: 'account-setup', actor: email });
    return c.json({ email });
  });

  // --- Everything below needs a session ---
  const requireUser: MiddlewareHandler = async (c, next) => {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!session) return c.json({ error: 'sign in first' }, 401);
    c.set(USER_KEY as never, toTeamUser(session.user as Record<string, unknown>) as never);
    return next();
  };
  const requireAdmin: MiddlewareHandler = async (c, next) => {
    if (userOf(c).role !== 'admin') return c.json({ error: 'only admins may do this' }, 403);
    return next();
  };
  const userOf = (c: Context): TeamUser => {
    const user = c.get(USER_KEY as never) as TeamUser | undefined;
    if (!user) throw new HttpError(403, 'sign in first');
    return user;
  };
  for (const p of ['/api/*', '/site/*', '/images/*', '/files/*']) app.use(p, requireUser);

  app.get('/api/team/session', (c) => c.json({ user: userOf(c) }));

  app.use('/api/team/admin/*', requireAdmin);
  app.get('/api/team/admin/people', async (c) => {
    const [people, invites, allowedDomains] = await Promise.all([
      accounts.listUsers(),
      db.selectFrom('invites').selectAll().orderBy('created_at', 'desc').execute(),
      accounts.allowedDomains(),
    ]);
    return c.json({ people, invites, allowedDomains });
  });
  app.post('/api/team/admin/invites', async (c) => {
    const body = await jsonBody(c);
    const email = normaliseEmail(body.email);
    const role = roleOf(body.role);
    if (!email) throw new HttpError(400, 'Give a valid email address.');
    if (!(await accounts.isDomainAllowed(email))) throw new HttpError(400, `${email.slice(email.indexOf('@') + 1)} is not an allowed email domain.`);
    const admin = userOf(c);
    const { token } = await accounts.createPerson(email, role);
    const now = new Date().toISOString();
    await db.deleteFrom('invites').where('email', '=', email).execute();
    await db.insertInto('invites').values({ email, role, invited_by: admin.email, created_at: now, accepted_at: null }).execute();
    await opts.mail.send({
      to: email,
      subject: 'You are invited to edit the site',
      text:
        `${admin.name || admin.email} invited you to edit the site with Isomer Page Editor as ${role === 'admin' ? 'an admin' : 'an editor'}.\n\n` +
        `Sign in at ${opts.publicUrl}/ with a code sent to this address, or choose a password here (valid for 7 days, once):\n${setupLink(opts.publicUrl, token)}\n`,
    });
    await audit({ action: 'invite', actor: admin.email, target: email, detail: { role } });
    return c.json({ email, role }, 201);
  });
  app.put('/api/team/admin/role', async (c) => {
    const body = await jsonBody(c);
    const email = normaliseEmail(body.email);
    const role = roleOf(body.role);
    if (!email) throw new HttpError(400, 'Give a valid email address.');
    const person = await accounts.findUser(email);
    if (!person) throw new HttpError(404, 'No such person.');
    if (person.role === 'admin' && role !== 'admin') {
      const admins = (await accounts.listUsers()).filter((u) => u.role === 'admin');
      if (admins.length <= 1) throw new HttpError(409, 'The team needs at least one admin.');
    }
    await accounts.setRole(email, role);
    await audit({ action: 'role-change', actor: userOf(c).email, target: email, detail: { from: person.role, to: role } });
    return c.json({ email, role });
  });
  app.put('/api/team/admin/settings', async (c) => {
    const body = await jsonBody(c);
    const domains = body.allowedDomains;
    if (!Array.isArray(domains) || !domains.every((d) => typeof d === 'string' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d.trim()))) {
      throw new HttpError(400, 'allowedDomains must be a list of domain names.');
    }
    await accounts.setAllowedDomains(domains as string[]);
    const allowedDomains = await accounts.allowedDomains();
    await audit({ action: 'settings-change', actor: userOf(c).email, detail: { allowedDomains } });
    return c.json({ allowedDomains });
  });
  app.get('/api/team/admin/audit', async (c) => {
    const limit = Number(c.req.query('limit') ?? 50);
    const beforeText = c.req.query('before');
    const before = beforeText === undefined ? undefined : Number(beforeText);
    if (!Number.isInteger(limit) || (before !== undefined && !Number.isInteger(before))) throw new HttpError(400, 'limit and before must be whole numbers');
    const entries = await readAudit(db, { limit, before });
    return c.json({ entries, next: entries.length === Math.min(Math.max(limit, 1), 500) ? entries.at(-1)!.id : null });
  });
  app.route('/api/team/drafts', createDraftRoutes({ db, userOf, changeSetOf: opts.changeSetOf ?? (async (u) => u.id) }));
  app.route('/api/team/presence', createPresenceRoutes(new Presence(), userOf));
  app.all('/api/team/*', (c) => c.json({ error: 'not found' }, 404));

  // Every change to the site that succeeds (save, create, rename, delete, upload) goes in the audit log.
  app.use('/api/*', async (c, next) => {
    await next();
    if (SAFE_METHODS.has(c.req.method.toUpperCase()) || c.res.status >= 300) return;
    if (c.req.path.startsWith('/api/team/') || c.req.path.startsWith('/api/auth/')) return;
    const page = c.req.query('path');
    await audit({ action: 'site-change', actor: userOf(c).email, target: page ?? c.req.path, detail: { method: c.req.method, route: c.req.path } });
  });

  // The site's own routes (pages, drafts, change sets).
  const routeContext: TeamRouteContext = { siteDir: opts.siteDir, dataDir: opts.dataDir, userOf, audit, db, mail: opts.mail, publicUrl: opts.publicUrl, origins: [...origins], secret: serverSecret(opts.dataDir) };
  app.route('/', (opts.siteRoutes ?? changeSetsNotSetUp)(routeContext));
  // Before the app's catch-all; their paths are outside the session check above.
  if (opts.rootRoutes) app.route('/', opts.rootRoutes(routeContext));

  // Raw site files, read-only, for signed-in people.
  const siteFile = (prefix: string, keepPrefix: boolean) => async (c: Context) => {
    const rest = decodeUrlPath(new URL(c.req.url).pathname, prefix);
    if (rest === null) throw new HttpError(400, 'bad path');
    return serveSiteFile(opts.siteDir, keepPrefix ? `${prefix.slice(1)}${rest}` : rest);
  };
  app.get('/site/*', siteFile('/site/', false));
  app.get('/images/*', siteFile('/images/', true));
  app.get('/files/*', siteFile('/files/', true));

  // The app itself loads without a session: it shows the sign-in screen.
  app.get('*', (c) => serveApp(opts.appDir ? path.resolve(opts.appDir) : undefined, new URL(c.req.url).pathname, 'team', 'team'));
  app.all('*', (c) => c.json({ error: 'method not allowed' }, 405));
  return app;
}

/**
 * CSRF: every request that changes something must come from the editor's own origin. Browsers
 * always send Origin on such requests; one without it is refused too (SameSite=Strict cookies are
 * the second line).
 */
function originGuard(origins: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method.toUpperCase())) return next();
    const origin = c.req.header('origin')?.toLowerCase();
    if (!origin || !origins.has(origin)) return c.json({ error: 'cross-origin request refused' }, 403);
    if (c.req.header('sec-fetch-site') === 'cross-site') return c.json({ error: 'cross-site request refused' }, 403);
    return next();
  };
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) throw new HttpError(415, 'Content-Type must be application/json');
  const body = (await c.req.json().catch(() => null)) as unknown;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'request body must be a JSON object');
  return body as Record<string, unknown>;
}

function roleOf(value: unknown): TeamRole {
  if (value === 'admin' || value === 'editor') return value;
  throw new HttpError(400, 'role must be "admin" or "editor"');
}
