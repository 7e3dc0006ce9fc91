/** The review API inside a real team server: real sign-in sessions, its Origin check, real git with a remote. */
import { writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testDatabases.ts';
import { git } from '../git/git.ts';
import { openSiteRepository, type SiteRepository } from '../git/repository.ts';
import { makeTestRepo, type TestRepo } from '../git/testRepo.ts';
import { createChangeSetRoutes } from '../git/changeSetRoutes.ts';
import { startTeamHarness, tokenOfLink, type TeamHarness, type TestClient } from '../team/testTeamServer.ts';
import { teamReviewRoutes } from './teamReview.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const PASSWORD = 'correct horse battery staple';
const PAGE = 'pages/contact-us.md';

describe.each(testDatabaseTargets)('review in the team server on $name', (target) => {
  let t: TestRepo | undefined;
  let repo: SiteRepository | undefined;
  let h: TeamHarness | undefined;
  afterEach(async () => {
    await h?.close();
    await repo?.close();
    await t?.cleanup();
    h = undefined;
    repo = undefined;
    t = undefined;
  });

  async function signedIn(token: string, name: string, email: string): Promise<TestClient> {
    const client = h!.client();
    expect((await client.post('/api/team/setup', { token, name, password: PASSWORD })).status).toBe(200);
    expect((await client.signInWithPassword(email, PASSWORD)).status).toBe(200);
    return client;
  }

  it('lets a signed-in editor ask for review and another admin approve and publish, with the merge pushed', async () => {
    t = await makeTestRepo();
    repo = await openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir });
    const theRepo = repo;
    const port = await freePort();
    h = await startTeamHarness(target, {
      siteDir: t.siteDir,
      port,
      // The same wiring as `serve --team`.
      ...teamReviewRoutes(theRepo, (ctx) => createChangeSetRoutes({ repo: theRepo, authorOf: (c) => ctx.userOf(c) })),
    });
    const bala = await signedIn(tokenOfLink(await h.createAdmin('bala@agency.gov.sg')), 'Bala Kumar', 'bala@agency.gov.sg');
    const { token } = await h.server.accounts.createPerson('anna@agency.gov.sg', 'editor', 'Anna Tan');
    const anna = await signedIn(token, 'Anna Tan', 'anna@agency.gov.sg');
    expect((await h.client().get('/api/reviews')).status).toBe(401);

    // Anna saves in her change set (as the page API would).
    const me = ((await (await anna.get('/api/team/session')).json()) as { user: { id: string; name: string; email: string } }).user;
    const cs = await repo.changeSetFor(me);
    await writeFile(path.join(cs.dir, PAGE), '---\nlayout: contact_us\ntitle: Contact the Parks Board\npermalink: /contact-us/\n---\n');
    await repo.commit(cs, [PAGE], `Save ${PAGE}`, me);

    const reviewers = (await (await anna.get('/api/reviews/people')).json()) as { reviewers: { email: string }[] };
    expect(reviewers.reviewers.map((r) => r.email)).toEqual(['bala@agency.gov.sg']);
    const created = await anna.post('/api/reviews', { title: 'Contact page title', reviewers: ['bala@agency.gov.sg'] });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    // The site's routes still answer beside the review API.
    expect((await anna.get('/api/changesets')).status).toBe(200);

    // A share link shows the draft to someone not signed in, until it is revoked.
    const made = await anna.post(`/api/reviews/${id}/share-links`, { days: 7 });
    expect(made.status).toBe(201);
    const link = (await made.json()) as { id: number; url: string };
    expect(link.url.startsWith(`http://127.0.0.1:${port}/share/`)).toBe(true);
    const visitor = h.client();
    const shared = await visitor.get(new URL(link.url).pathname);
    expect(shared.status).toBe(200);
    expect(await shared.text()).toContain('Contact page title');
    expect((await anna.request('DELETE', `/api/reviews/${id}/share-links/${link.id}`)).status).toBe(204);
    expect((await visitor.get(new URL(link.url).pathname)).status).toBe(404);
    expect((await anna.post(`/api/reviews/${id}/approve`, {})).status).toBe(403);
    expect((await bala.post(`/api/reviews/${id}/approve`, {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await bala.post(`/api/reviews/${id}/approve`, { note: 'Fine.' })).status).toBe(200);
    const published = await bala.post(`/api/reviews/${id}/publish`, {});
    expect(published.status).toBe(200);
    const { commit, pushed } = (await published.json()) as { commit: string; pushed: boolean };
    expect(pushed).toBe(true);
    const message = (await git(t.siteDir, ['log', '-1', '--format=%B', 'main'])).stdout;
    expect(message).toContain('Publish review request #1: Contact page title');
    expect(message).toContain('Requested by: Anna Tan <anna@agency.gov.sg>');
    expect(message).toContain('Approved by: Bala Kumar <bala@agency.gov.sg>');
    expect((await git(t.remote, ['rev-parse', 'main'])).stdout.trim()).toBe(commit);
    const audit = (await (await bala.get('/api/team/admin/audit')).json()) as { entries: { action: string; actor: string }[] };
    expect(audit.entries.find((e) => e.action === 'publish')?.actor).toBe('bala@agency.gov.sg');
  });
});
