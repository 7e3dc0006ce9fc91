import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testDatabases.ts';
import { Presence, PRESENCE_TTL_MS } from './presence.ts';
import { startTeamHarness, tokenOfLink, type TeamHarness } from './testTeamServer.ts';

describe('presence', () => {
  it('shows a person on the page of their latest heartbeat until they leave or go quiet', () => {
    let now = 1_000_000;
    const p = new Presence(() => now);
    p.beat({ email: 'ann@a.gov.sg', name: 'Ann' }, 'pages/a.md');
    p.beat({ email: 'bob@a.gov.sg', name: '' }, 'pages/a.md');
    expect(p.list().map((e) => [e.path, e.name])).toEqual([['pages/a.md', 'Ann'], ['pages/a.md', 'bob@a.gov.sg']]);
    p.beat({ email: 'ann@a.gov.sg', name: 'Ann' }, 'pages/b.md');
    expect(p.list().map((e) => [e.path, e.email])).toEqual([['pages/a.md', 'bob@a.gov.sg'], ['pages/b.md', 'ann@a.gov.sg']]);
    // Leaving another page than the one they are on changes nothing.
    p.leave('ann@a.gov.sg', 'pages/a.md');
    expect(p.list()).toHaveLength(2);
    p.leave('ann@a.gov.sg', 'pages/b.md');
    expect(p.list().map((e) => e.email)).toEqual(['bob@a.gov.sg']);
    now += PRESENCE_TTL_MS - 1;
    expect(p.list()).toHaveLength(1);
    now += 2;
    expect(p.list()).toEqual([]);
  });
});

const sqlite = testDatabaseTargets.find((t) => t.name === 'sqlite')!;

describe('presence routes', () => {
  let h: TeamHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('take heartbeats from signed-in people only and list who is where', async () => {
    h = await startTeamHarness(sqlite);
    expect((await h.client().get('/api/team/presence')).status).toBe(401);
    const c = h.client();
    const link = await h.createAdmin('ann@agency.gov.sg');
    await c.post('/api/team/setup', { token: tokenOfLink(link), name: 'Ann Tan', password: 'correct horse battery staple' });
    expect((await c.signInWithPassword('ann@agency.gov.sg', 'correct horse battery staple')).status).toBe(200);
    expect((await c.post('/api/team/presence?path=pages%2Fa.md')).status).toBe(200);
    expect((await c.post('/api/team/presence?path=..%2Fa.md')).status).toBe(400);
    expect((await c.post('/api/team/presence?path=pages%2Fa.md', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect(await (await c.get('/api/team/presence')).json()).toEqual({ editing: [{ path: 'pages/a.md', email: 'ann@agency.gov.sg', name: 'Ann Tan' }] });
    expect((await c.request('DELETE', '/api/team/presence?path=pages%2Fa.md')).status).toBe(200);
    expect(await (await c.get('/api/team/presence')).json()).toEqual({ editing: [] });
  });
});
