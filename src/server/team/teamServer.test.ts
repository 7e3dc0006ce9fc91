import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testDatabases.ts';
import { mailText, startTeamHarness, tokenOfLink, type TeamHarness } from './testTeamServer.ts';

const ADMIN = 'ann@agency.gov.sg';
const ADMIN_PASSWORD = 'correct horse battery staple';
const EDITOR = 'bob@agency.gov.sg';

describe.each(testDatabaseTargets)('team server on $name', (target) => {
  let h: TeamHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('takes the first admin from the setup link to inviting an editor who signs in with an emailed code', async () => {
    h = await startTeamHarness(target);
    const link = await h.createAdmin(ADMIN);
    expect(link).toMatch(new RegExp(`^${h.server.publicUrl}/account/setup#token=`));

    const admin = h.client();
    expect((await admin.get('/api/team/session')).status).toBe(401);
    const setup = await admin.post('/api/team/setup', { token: tokenOfLink(link), name: 'Ann Tan', password: ADMIN_PASSWORD });
    expect(setup.status).toBe(200);
    expect(await setup.json()).toEqual({ email: ADMIN });
    // The link works once.
    expect((await h.client().post('/api/team/setup', { token: tokenOfLink(link), name: 'X', password: 'another long password' })).status).toBe(400);

    expect((await admin.signInWithPassword(ADMIN, ADMIN_PASSWORD)).status).toBe(200);
    const session = await admin.get('/api/team/session');
    expect(await session.json()).toEqual({ user: expect.objectContaining({ email: ADMIN, name: 'Ann Tan', role: 'admin' }) });

    expect((await admin.post('/api/team/admin/invites', { email: 'eve@elsewhere.com', role: 'editor' })).status).toBe(400);
    const invite = await admin.post('/api/team/admin/invites', { email: EDITOR, role: 'editor' });
    expect(invite.status).toBe(201);
    const inviteMail = mailText((await h.smtp.nextTo(EDITOR)).raw);
    expect(inviteMail).toContain(`${h.server.publicUrl}/account/setup#token=`);

    const editor = h.client();
    expect((await editor.post('/api/auth/email-otp/send-verification-otp', { email: EDITOR, type: 'sign-in' })).status).toBe(200);
    const code = /code is (\d{6})/.exec(mailText((await h.smtp.nextTo(EDITOR)).raw))![1]!;
    expect((await editor.post('/api/auth/sign-in/email-otp', { email: EDITOR, otp: code })).status).toBe(200);
    expect(await (await editor.get('/api/team/session')).json()).toEqual({ user: expect.objectContaining({ email: EDITOR, role: 'editor' }) });

    const people = (await (await admin.get('/api/team/admin/people')).json()) as { people: { email: string; role: string }[]; invites: { email: string }[]; allowedDomains: string[] };
    expect(people.people.map((p) => [p.email, p.role])).toEqual([[ADMIN, 'admin'], [EDITOR, 'editor']]);
    expect(people.invites.map((i) => i.email)).toEqual([EDITOR]);
    expect(people.allowedDomains).toEqual(['agency.gov.sg']);

    const audit = (await (await admin.get('/api/team/admin/audit')).json()) as { entries: { action: string; actor: string | null; target: string | null }[] };
    expect(audit.entries.map((e) => [e.action, e.actor, e.target]).reverse()).toEqual([
      ['admin-create', null, ADMIN],
      ['account-setup', ADMIN, null],
      ['sign-in', ADMIN, null],
      ['invite', ADMIN, EDITOR],
      ['sign-in', EDITOR, null],
    ]);
  });
});

describe('team server with change sets', () => {
  it("commits a signed-in editor's save on their own change set, as them, and leaves the published branch alone", async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { openSiteRepository } = await import('../git/repository.ts');
    const { createChangeSetRoutes } = await import('../git/changeSetRoutes.ts');
    const { makeGitSite } = await import('./testTeamServer.ts');
    const siteDir = makeGitSite();
    const repo = await openSiteRepository({ siteDir, dataDir: mkdtempSync(path.join(tmpdir(), 'team-changesets-')) });
    const h = await startTeamHarness(testDatabaseTargets[0]!, {
      siteDir,
      siteRoutes: (ctx) => createChangeSetRoutes({ repo, authorOf: (c) => ctx.userOf(c) }),
    });
    try {
      const git = (...args: string[]) => execFileSync('git', ['-C', siteDir, ...args], { encoding: 'utf8' }).trim();
      const mainBefore = git('rev-parse', 'main');
      const admin = h.client();
      expect((await admin.post('/api/team/setup', { token: tokenOfLink(await h.createAdmin(ADMIN)), name: 'Ann Tan', password: ADMIN_PASSWORD })).status).toBe(200);
      expect((await h.client().get('/api/changeset')).status).toBe(401);
      expect((await admin.signInWithPassword(ADMIN, ADMIN_PASSWORD)).status).toBe(200);
      const changeSet = (await (await admin.get('/api/changeset')).json()) as { branch: string };
      expect(changeSet.branch).toMatch(/^edit\//);
      const page = (await (await admin.get('/api/page?path=index.md')).json()) as { text: string; etag: string };
      const saved = await admin.request('PUT', '/api/page?path=index.md', { text: page.text.replace('Hello', 'Hello, team') }, { 'If-Match': page.etag });
      expect(saved.status).toBe(200);
      expect(git('log', '-1', '--format=%an <%ae>', changeSet.branch)).toBe(`Ann Tan <${ADMIN}>`);
      expect(git('show', `${changeSet.branch}:index.md`)).toContain('Hello, team');
      expect(git('rev-parse', 'main')).toBe(mainBefore);
      const audit = (await (await admin.get('/api/team/admin/audit')).json()) as { entries: { action: string; actor: string; target: string }[] };
      expect(audit.entries[0]).toMatchObject({ action: 'site-change', actor: ADMIN, target: 'index.md' });
    } finally {
      await h.close();
      await repo.close();
    }
  });
});
