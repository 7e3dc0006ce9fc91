import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeGitSite, tokenOfLink } from '../server/team/testTeamServer.ts';

const bin = fileURLToPath(new URL('../../bin/isomer-editor.js', import.meta.url));

function cli(...args: string[]) {
  return spawnSync('node', [bin, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ISOMER_SMTP_URL: '' } });
}

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
};

describe('isomer-editor team commands', () => {
  it('refuses a site folder that is not a git working copy and says how to make one', () => {
    const plain = tempDir('not-git-');
    for (const args of [['admin', 'create', '--site', plain, '--email', 'ann@agency.gov.sg'], ['serve', '--team', '--site', plain]]) {
      const r = cli(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('is not a git working copy');
      expect(r.stderr).toContain('git init');
    }
  });

  it('keeps single-person mode on this computer: --host elsewhere and team options need --team', () => {
    const site = makeGitSite();
    cleanup.push(site);
    const wide = cli('serve', '--site', site, '--host', '0.0.0.0');
    expect(wide.status).toBe(2);
    expect(wide.stderr).toContain('--team');
    const data = cli('serve', '--site', site, '--data', tempDir('data-'));
    expect(data.status).toBe(2);
    expect(data.stderr).toContain('--data goes with --team');
  });

  it('admin create prints a one-time setup link that the team server accepts', async () => {
    const site = makeGitSite();
    cleanup.push(site);
    const data = tempDir('team-data-');
    const bad = cli('admin', 'create', '--site', site, '--data', data, '--email', 'not-an-email');
    expect(bad.status).toBe(2);
    const created = cli('admin', 'create', '--site', site, '--data', data, '--email', 'Ann@Agency.gov.sg', '--public-url', 'http://127.0.0.1:4173');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const link = /(http:\/\/127\.0\.0\.1:4173\/account\/setup#token=\S+)/.exec(created.stdout)![1]!;

    const server = spawn('node', [bin, 'serve', '--team', '--site', site, '--data', data, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ISOMER_SMTP_URL: '' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Open (http:\/\/\S+?)\/?\n/.exec(out);
          if (m) resolve(m[1]!);
        });
        server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      const origin = new URL(url).origin;
      expect((await fetch(`${url}/api/team/session`)).status).toBe(401);
      const setup = await fetch(`${url}/api/team/setup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ token: tokenOfLink(link), name: 'Ann', password: 'a long enough password' }),
      });
      expect(await setup.json()).toEqual({ email: 'ann@agency.gov.sg' });
      const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ email: 'ann@agency.gov.sg', password: 'a long enough password' }),
      });
      expect(signIn.status).toBe(200);
      // Review requests are served too: the API behind the session, share links open to all.
      expect((await fetch(`${url}/api/reviews`)).status).toBe(401);
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const reviews = await fetch(`${url}/api/reviews`, { headers: { Cookie: cookie } });
      expect(reviews.status).toBe(200);
      expect(await reviews.json()).toMatchObject({ requests: [] });
      const share = await fetch(`${url}/share/not-a-token/`);
      expect(share.status).toBe(404);
      expect(await share.text()).toContain('This link is not valid');
    } finally {
      server.kill('SIGTERM');
    }
  }, 240_000);
});
