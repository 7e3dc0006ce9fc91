import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testDatabases.ts';
import { startTeamHarness, tokenOfLink, type TeamHarness } from './testTeamServer.ts';

const ADMIN = 'ann@agency.gov.sg';
const PASSWORD = 'correct horse battery staple';

describe.each(testDatabaseTargets)('drafts on the server, on $name', (target) => {
  let h: TeamHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function signedIn(email: string) {
    const link = await h!.createAdmin(email);
    const first = h!.client();
    expect((await first.post('/api/team/setup', { token: tokenOfLink(link), name: email.split('@')[0], password: PASSWORD })).status).toBe(200);
    expect((await first.signInWithPassword(email, PASSWORD)).status).toBe(200);
    return first;
  }

  it('keeps a person’s draft per page for their other devices, and only for them', async () => {
    h = await startTeamHarness(target);
    const laptop = await signedIn(ADMIN);
    const phone = h.client();
    expect((await phone.signInWithPassword(ADMIN, PASSWORD)).status).toBe(200);

    // No session, no drafts; a change from another origin is refused.
    expect((await h.client().get('/api/team/drafts/page?path=pages/a.md')).status).toBe(401);
    expect((await laptop.put('/api/team/drafts/page?path=pages/a.md', { draft: {} }, { Origin: 'https://evil.example' })).status).toBe(403);

    expect((await phone.get('/api/team/drafts/page?path=pages/a.md')).status).toBe(404);
    // A whole page's document, larger than the API's usual 64 KB.
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(200_000) }] }] };
    const put = await laptop.put('/api/team/drafts/page?path=pages/a.md', { draft: { doc, frontMatterText: 'title: A\n', baseEtag: '"e1"' } });
    expect(put.status).toBe(200);
    const got = await phone.get('/api/team/drafts/page?path=pages/a.md');
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ path: 'pages/a.md', savedBy: ADMIN, draft: { doc, frontMatterText: 'title: A\n', baseEtag: '"e1"' } });

    // A newer draft replaces the older one.
    expect((await phone.put('/api/team/drafts/page?path=pages/a.md', { draft: { doc: 'newer' } })).status).toBe(200);
    expect((await phone.put('/api/team/drafts/page?path=pages/b.md', { draft: { doc: 'b' } })).status).toBe(200);
    expect(((await (await laptop.get('/api/team/drafts/page?path=pages/a.md')).json()) as { draft: unknown }).draft).toEqual({ doc: 'newer' });
    const list = (await (await laptop.get('/api/team/drafts')).json()) as { drafts: { path: string }[] };
    expect(list.drafts.map((d) => d.path)).toEqual(['pages/a.md', 'pages/b.md']);

    // Someone else has drafts of their own and sees none of these.
    const other = await signedIn('cy@agency.gov.sg');
    expect((await other.get('/api/team/drafts/page?path=pages/a.md')).status).toBe(404);
    expect(((await (await other.get('/api/team/drafts')).json()) as { drafts: unknown[] }).drafts).toEqual([]);

    expect((await laptop.request('DELETE', '/api/team/drafts/page?path=pages/a.md')).status).toBe(200);
    expect((await phone.get('/api/team/drafts/page?path=pages/a.md')).status).toBe(404);
  });

  it('refuses paths outside the site and bodies that are not drafts', async () => {
    h = await startTeamHarness(target);
    const c = await signedIn(ADMIN);
    for (const bad of ['', '/etc/passwd', '../x.md', 'pages/../../x.md', 'a//b.md']) {
      expect((await c.put(`/api/team/drafts/page?path=${encodeURIComponent(bad)}`, { draft: {} })).status).toBe(400);
    }
    expect((await c.put('/api/team/drafts/page?path=a.md', { draft: 'text' })).status).toBe(400);
    expect((await c.put('/api/team/drafts/page?path=a.md', ['x'])).status).toBe(400);
  });
});
