/** Test helper: a team server on a fresh git site, a real SMTP server, and a cookie-keeping client. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestDatabaseTarget } from '../db/testDatabases.ts';
import { smtpTransport } from '../mail/mailTransport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/testSmtpServer.ts';
import { createFirstAdmin, startTeamServer, type RunningTeamServer, type TeamServerOptions } from './teamServer.ts';

export interface TeamHarness {
  server: RunningTeamServer;
  smtp: TestSmtpServer;
  siteDir: string;
  dataDir: string;
  /** Makes `email` an admin and returns the setup link `admin create` prints. */
  createAdmin(email: string): Promise<string>;
  client(): TestClient;
  close(): Promise<void>;
}

export function makeGitSite(): string {
  const siteDir = mkdtempSync(path.join(tmpdir(), 'team-site-'));
  writeFileSync(path.join(siteDir, 'index.md'), '---\ntitle: Home\n---\nHello\n');
  const git = (...args: string[]) => execFileSync('git', ['-C', siteDir, ...args], { stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=Site', '-c', 'user.email=site@agency.gov.sg', 'commit', '-q', '-m', 'Site as it is');
  return siteDir;
}

export async function startTeamHarness(target: TestDatabaseTarget, extra: Partial<TeamServerOptions> = {}): Promise<TeamHarness> {
  const siteDir = extra.siteDir ?? makeGitSite();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'team-data-'));
  const where = target.location();
  const smtp = await startTestSmtpServer();
  const mail = smtpTransport({ url: smtp.url, from: 'Editor <no-reply@agency.gov.sg>' });
  const common = { siteDir, dataDir, database: target.name === 'sqlite' ? path.join(dataDir, 'team.sqlite') : where.location, databaseSchema: where.schema, mail };
  const server = await startTeamServer({ ...common, port: 0, ...extra });
  return {
    server,
    smtp,
    siteDir,
    dataDir,
    createAdmin: (email) => createFirstAdmin({ ...common, publicUrl: server.publicUrl, email }),
    client: () => new TestClient(server.publicUrl),
    async close() {
      await server.close();
      await smtp.close();
      await where.cleanup();
      rmSync(siteDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser stand-in: keeps cookies and sends the editor's Origin on changes, as a browser would. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];

  constructor(readonly base: string) {}

  async request(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (method !== 'GET' && method !== 'HEAD' && !('origin' in lower(h))) h.Origin = new URL(this.base).origin;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    if (this.cookies.size > 0 && !('cookie' in lower(h))) h.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(new URL(urlPath, this.base), { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get = (p: string, headers?: Record<string, string>) => this.request('GET', p, undefined, headers);
  post = (p: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', p, body ?? {}, headers);
  put = (p: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', p, body ?? {}, headers);

  signInWithPassword(email: string, password: string) {
    return this.post('/api/auth/sign-in/email', { email, password });
  }
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The text of a received mail, quoted-printable soft breaks undone. */
export function mailText(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
}

export function tokenOfLink(link: string): string {
  const m = /#token=([A-Za-z0-9_-]+)/.exec(link);
  if (!m) throw new Error(`no setup token in ${link}`);
  return m[1]!;
}
