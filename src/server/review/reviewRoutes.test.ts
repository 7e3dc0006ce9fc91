/** The review API and share links over HTTP, on real git and a real store (SQLite and PostgreSQL). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../db/auditLog.ts';
import { testDatabaseTargets } from '../db/testDatabases.ts';
import { publishElsewhere } from '../git/testRepo.ts';
import { smtpTransport } from '../mail/mailTransport.ts';
import { previewImageSigner } from './previewImages.ts';
import { createReviewRoutes } from './reviewRoutes.ts';
import { ANNA, BALA, PAGE, PEOPLE, pageText, reviewFixture, type ReviewFixture } from './testReview.ts';

const ORIGIN = 'http://editor.example.gov.sg';
const SECRET = 'the server secret of these tests';

describe.each(testDatabaseTargets)('review routes on $name', (target) => {
  let f: ReviewFixture;
  let app: ReturnType<typeof createReviewRoutes>;
  /** Tests sign in with a header; the team server reads its session instead. */
  const userOf = (c: Context) => PEOPLE.find((p) => p.id === c.req.header('x-test-user')) ?? null;
  const as = (who: string | null, p: string, init: { method?: string; body?: unknown; origin?: string | null } = {}) => {
    const headers: Record<string, string> = {};
    if (who) headers['x-test-user'] = who;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.method && init.method !== 'GET' && init.origin !== null) headers.Origin = init.origin ?? ORIGIN;
    return app.request(`${ORIGIN}${p}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  };
  const post = (who: string, p: string, body: unknown = {}) => as(who, p, { method: 'POST', body });

  beforeEach(async () => {
    f = await reviewFixture(target);
    app = createReviewRoutes({
      db: f.database.db,
      repo: f.repo,
      mail: smtpTransport({ url: f.smtp.url, from: 'Editor <no-reply@example.gov.sg>' }),
      userOf,
      audit: (e) => appendAudit(f.database.db, e),
      publicUrl: ORIGIN,
      people: async () => PEOPLE,
      secret: SECRET,
    });
  });
  afterEach(async () => {
    await f.close();
  });

  it('needs a session for every route and the editor origin for every change', async () => {
    expect((await as(null, '/api/reviews')).status).toBe(401);
    expect((await as(null, '/api/notifications')).status).toBe(401);
    await f.save(ANNA, PAGE, pageText('<p>Changed</p>'));
    expect((await as(ANNA.id, '/api/reviews', { method: 'POST', body: { title: 'x', reviewers: [BALA.email] }, origin: 'http://evil.example' })).status).toBe(403);
    expect((await as(ANNA.id, '/api/reviews', { method: 'POST', body: { title: 'x', reviewers: [BALA.email] }, origin: null })).status).toBe(403);
    expect((await as(ANNA.id, '/api/reviews')).status).toBe(200);
    expect(((await (await as(ANNA.id, '/api/reviews')).json()) as { requests: unknown[] }).requests).toEqual([]);
  });

  it('gives the editor the threads on a page of her change set under review, with the page\'s blocks, and nobody else\'s', async () => {
    const threadsOf = async (who: string, rel: string) => (await (await as(who, `/api/reviews/threads-on-page?path=${encodeURIComponent(rel)}`)).json()) as { threads: unknown };
    expect((await threadsOf(ANNA.id, PAGE)).threads).toBeNull();
    await f.save(ANNA, PAGE, pageText('<h2>Parks</h2>\n<p>Open daily.</p>'));
    await f.save(ANNA, 'pages/other.md', pageText('<p>Other</p>'));
    expect((await threadsOf(ANNA.id, PAGE)).threads).toBeNull(); // changes, but not under review yet
    const { id } = (await (await post(ANNA.id, '/api/reviews', { title: 'Parks', reviewers: [BALA.email] })).json()) as { id: number };
    const onBlock = (await (await post(BALA.id, `/api/reviews/${id}/comments`, { body: 'Which hours?', path: PAGE, blockIndex: 1 })).json()) as { id: number };
    await post(ANNA.id, `/api/reviews/${id}/comments/${onBlock.id}/reply`, { body: '8 to 6.' });
    await post(BALA.id, `/api/reviews/${id}/comments`, { body: 'On the request.' });
    expect((await post(BALA.id, `/api/reviews/${id}/comments`, { body: 'Elsewhere.', path: 'pages/other.md', blockIndex: 0 })).status).toBe(201);
    const { threads } = (await threadsOf(ANNA.id, PAGE)) as { threads: { request: { id: number; title: string }; blocks: string[]; comments: { body: string; blockIndex: number | null }[] } };
    expect(threads.request).toMatchObject({ id, title: 'Parks', state: 'open' });
    expect(threads.blocks).toEqual(['Parks', 'Open daily.']);
    expect(threads.comments.map((c) => [c.body, c.blockIndex])).toEqual([
      ['Which hours?', 1],
      ['8 to 6.', null],
    ]);
    // The reviewer's own change set is not under review; a path outside the site is refused.
    expect((await threadsOf(BALA.id, PAGE)).threads).toBeNull();
    expect((await as(ANNA.id, '/api/reviews/threads-on-page?path=../etc/passwd')).status).toBe(400);
    expect((await as(ANNA.id, '/api/reviews/threads-on-page')).status).toBe(400);
    expect((await as(null, `/api/reviews/threads-on-page?path=${encodeURIComponent(PAGE)}`)).status).toBe(401);
  });

  it('shows a request with its changed files, both versions, comments and decisions, and publishes it', async () => {
    await f.save(ANNA, PAGE, pageText('<p>Hello</p>\n<p>Changed text.</p>'));
    const created = await post(ANNA.id, '/api/reviews', { title: 'About', description: 'Text', reviewers: [BALA.email] });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await post(BALA.id, `/api/reviews/${id}/comments`, { body: 'Good', path: PAGE, blockIndex: 1 })).status).toBe(201);
    const self = await post(ANNA.id, `/api/reviews/${id}/approve`);
    expect(self.status).toBe(403);
    expect((await post(BALA.id, `/api/reviews/${id}/approve`)).status).toBe(200);
    const got = (await (await as(BALA.id, `/api/reviews/${id}`)).json()) as {
      request: { state: string };
      files: { path: string; status: string; published: string; changed: string; blocks: { published: string[]; changed: string[] }; preview: { published: string; changed: string } }[];
      comments: { blockText: string }[];
      decisions: { decision: string }[];
    };
    expect(got.request.state).toBe('approved');
    expect(got.files).toHaveLength(1);
    expect(got.files[0]).toMatchObject({ path: PAGE, status: 'M' });
    expect(got.files[0]!.published).toContain('<p>Hello</p>');
    expect(got.files[0]!.published).not.toContain('Changed text.');
    expect(got.files[0]!.changed).toContain('Changed text.');
    expect(got.files[0]!.blocks).toEqual({ published: ['Hello'], changed: ['Hello', 'Changed text.'] });
    expect(got.files[0]!.preview.changed).toContain('<h1 class="page-title">Who we are?</h1>');
    expect(got.files[0]!.preview.changed).toContain('Changed text.');
    expect(got.files[0]!.preview.published).not.toContain('Changed text.');
    expect(got.comments[0]!.blockText).toBe('Changed text.');
    expect(got.decisions.map((d) => d.decision)).toEqual(['approved']);
    const published = await post(BALA.id, `/api/reviews/${id}/publish`);
    expect(published.status).toBe(200);
    expect(await f.out(f.t.siteDir, 'log', '-1', '--format=%B', 'main')).toContain('Approved by: Bala Kumar <bala@example.gov.sg>');
    const notes = (await (await as(ANNA.id, '/api/notifications')).json()) as { notifications: { id: number; kind: string; read: boolean }[] };
    expect(notes.notifications.map((n) => n.kind)).toEqual(['published', 'approved', 'comment']);
    expect((await post(ANNA.id, '/api/notifications/read', { ids: notes.notifications.map((n) => n.id) })).status).toBe(204);
    const after = (await (await as(ANNA.id, '/api/notifications')).json()) as { notifications: { read: boolean }[] };
    expect(after.notifications.every((n) => n.read)).toBe(true);
  });

  it('opens the change set pages to a share link holder, nothing else, until the link is revoked or expires', async () => {
    await f.save(ANNA, PAGE, pageText('<p>Hello</p>\n<p>Draft sentence.</p><script>alert(1)</script>'));
    const { id } = (await (await post(ANNA.id, '/api/reviews', { title: 'About', reviewers: [BALA.email] })).json()) as { id: number };
    const made = await post(ANNA.id, `/api/reviews/${id}/share-links`, { days: 2 });
    expect(made.status).toBe(201);
    const link = (await made.json()) as { id: number; url: string };
    const base = new URL(link.url).pathname;
    const list = await as(null, base);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain('href="about/who-we-are"');
    const page = await as(null, `${base}about/who-we-are/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Draft sentence.');
    expect(html).toContain('not published yet');
    expect(html).not.toContain('<script');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    // Not a page of the change set, not the API, no writes.
    expect((await as(null, `${base}about/lakes/`)).status).toBe(404);
    expect((await as(null, `${base}api/reviews`)).status).toBe(404);
    expect((await as(null, `${base}about/who-we-are/`, { method: 'POST', body: {} })).status).toBe(405);
    expect((await as(null, '/share/not-a-real-token-at-all-0123456789/')).status).toBe(404);

    // Revoked: gone.
    expect((await as(ANNA.id, `/api/reviews/${id}/share-links/${link.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await as(null, `${base}about/who-we-are/`)).status).toBe(404);
    expect((await as(null, base)).status).toBe(404);

    // Expired: gone.
    const second = (await (await post(ANNA.id, `/api/reviews/${id}/share-links`, {})).json()) as { id: number; url: string };
    const secondBase = new URL(second.url).pathname;
    expect((await as(null, secondBase)).status).toBe(200);
    await f.database.db.updateTable('share_links' as never).set({ expires_at: new Date(Date.now() - 1000).toISOString() } as never).where('id' as never, '=', second.id as never).execute();
    expect((await as(null, secondBase)).status).toBe(404);
  });

  it("shows the images of a shared page from the change set's tree, and no other file", async () => {
    const cs = await f.repo.changeSetFor(ANNA);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]);
    await mkdir(path.join(cs.dir, 'images', 'new photos'), { recursive: true });
    await writeFile(path.join(cs.dir, 'images', 'new photos', 'pond.png'), png);
    await writeFile(path.join(cs.dir, ...PAGE.split('/')), pageText('<p>Hello</p>\n<p><img src="/images/new%20photos/pond.png" alt="The pond"></p>\n<p><img src="https://www.gov.sg/logo.png" alt="Elsewhere"></p>'));
    await f.repo.commit(cs, [PAGE, 'images/new photos/pond.png'], 'Add a photo', ANNA);
    const { id } = (await (await post(ANNA.id, '/api/reviews', { title: 'Photo', reviewers: [BALA.email] })).json()) as { id: number };
    const link = (await (await post(ANNA.id, `/api/reviews/${id}/share-links`, {})).json()) as { id: number; url: string };
    const base = new URL(link.url).pathname;
    const html = await (await as(null, `${base}about/who-we-are/`)).text();
    const image = `${base}_images/images/new%20photos/pond.png`;
    expect(html).toContain(`src="${image}"`);
    expect(html).toContain('src="https://www.gov.sg/logo.png"');
    const got = await as(null, image);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(png);
    // Only the images the shared pages show: not another image, not a page's source, not the configuration.
    expect((await as(null, `${base}_images/images/logo.svg`)).status).toBe(404);
    expect((await as(null, `${base}_images/_config.yml`)).status).toBe(404);
    expect((await as(null, `${base}_images/${encodeURIComponent(PAGE)}`)).status).toBe(404);
    expect((await as(null, `${base}_images/images/new%20photos/../../_config.yml`)).status).toBe(404);
    expect((await as(null, `${base}_images/images%2Fnew%20photos%2F..%2F..%2F_config.yml`)).status).toBe(404);
    // Revoked: the image goes with the page.
    expect((await as(ANNA.id, `/api/reviews/${id}/share-links/${link.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await as(null, image)).status).toBe(404);
  });

  it("loads the review previews' images from signed addresses, each side from its own tree, and nothing else", async () => {
    const svg = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><title>${text}</title></svg>`;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 3]);
    // The published site shows a picture; the changes replace it and add a photo.
    await publishElsewhere(f.t, { [PAGE]: pageText('<p><img src="/images/pond.svg" alt="The pond"></p>'), 'images/pond.svg': svg('published'), 'images/other.svg': svg('other') });
    const mine = await f.repo.changeSetFor(ANNA);
    await mkdir(path.join(mine.dir, 'images', 'new photos'), { recursive: true });
    await writeFile(path.join(mine.dir, 'images', 'pond.svg'), svg('changed'));
    await writeFile(path.join(mine.dir, 'images', 'new photos', 'lawn.png'), png);
    await writeFile(path.join(mine.dir, ...PAGE.split('/')), pageText('<p><img src="/images/pond.svg" alt="The pond"></p>\n<p><img src="../../images/new%20photos/lawn.png" alt="The lawn"></p>'));
    await f.repo.commit(mine, [PAGE, 'images/pond.svg', 'images/new photos/lawn.png'], 'New photos', ANNA);
    const { id } = (await (await post(ANNA.id, '/api/reviews', { title: 'Photos', reviewers: [BALA.email] })).json()) as { id: number };
    const detail = (await (await as(BALA.id, `/api/reviews/${id}`)).json()) as { files: { path: string; preview?: { published: string; changed: string } }[] };
    const preview = detail.files.find((x) => x.path === PAGE)!.preview!;
    const srcs = (html: string) => [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    const [publishedPond] = srcs(preview.published);
    const [changedPond, lawn] = srcs(preview.changed);
    expect(publishedPond).toMatch(new RegExp(`^/review-images/${id}/published/\\d+/[\\w-]+/images/pond\\.svg$`));
    expect(lawn).toMatch(new RegExp(`^/review-images/${id}/changed/\\d+/[\\w-]+/images/new%20photos/lawn\\.png$`));
    // No session needed: each side from its own tree.
    const bytesOf = async (p: string, type: string) => {
      const res = await as(null, p);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      if (type === 'image/svg+xml') expect(res.headers.get('content-security-policy')).toContain('sandbox');
      return new Uint8Array(await res.arrayBuffer());
    };
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    expect(text(await bytesOf(publishedPond!, 'image/svg+xml'))).toBe(svg('published'));
    expect(text(await bytesOf(changedPond!, 'image/svg+xml'))).toBe(svg('changed'));
    expect(await bytesOf(lawn!, 'image/png')).toEqual(png);
    // Not the lawn on the published side, where no page shows it; no other image; no path tricks.
    expect((await as(null, publishedPond!.replace('images/pond.svg', 'images/new%20photos/lawn.png'))).status).toBe(404);
    const changedAt = changedPond!.replace(/images\/pond\.svg$/, '');
    for (const rest of ['images/other.svg', '_config.yml', encodeURIComponent(PAGE), 'images/new%20photos/../../_config.yml', 'images%2Fnew%20photos%2F..%2F..%2Fimages%2Fother.svg']) {
      expect((await as(null, changedAt + rest)).status).toBe(404);
    }
    // A tampered signature, another request or side under the same signature, and an expired address.
    const [, , , , expires, signature] = changedAt.split('/');
    const tampered = signature!.slice(0, -1) + (signature!.endsWith('A') ? 'B' : 'A');
    expect((await as(null, `/review-images/${id}/changed/${expires}/${tampered}/images/pond.svg`)).status).toBe(404);
    expect((await as(null, `/review-images/${id}/published/${expires}/${signature}/images/pond.svg`)).status).toBe(404);
    expect((await as(null, `/review-images/${id + 1}/changed/${expires}/${signature}/images/pond.svg`)).status).toBe(404);
    expect((await as(null, `/review-images/${id}/changed/${Number(expires) + 1}/${signature}/images/pond.svg`)).status).toBe(404);
    const expired = previewImageSigner(SECRET).prefix(id, 'changed', Date.now() - 2 * 60 * 60 * 1000);
    expect((await as(null, `${expired}images/pond.svg`)).status).toBe(404);
    expect((await as(null, `${previewImageSigner(SECRET).prefix(id, 'changed')}images/pond.svg`)).status).toBe(200);
    expect((await as(null, `${previewImageSigner('another secret').prefix(id, 'changed')}images/pond.svg`)).status).toBe(404);
  });

  it('sends the site around a changed navigation (both sides of it, the pages and settings), and nothing of it for a page change', async () => {
    await f.save(ANNA, PAGE, pageText('<p>Only a page</p>'));
    const { id } = (await (await post(ANNA.id, '/api/reviews', { title: 'Page', reviewers: [BALA.email] })).json()) as { id: number };
    expect(((await (await as(BALA.id, `/api/reviews/${id}`)).json()) as { site: unknown }).site).toBeNull();

    const before = (await f.out(f.t.siteDir, 'show', 'main:_data/navigation.yml'));
    const after = before.replace('title: About', 'title: About us');
    await f.save(ANNA, '_data/navigation.yml', after);
    const got = (await (await as(BALA.id, `/api/reviews/${id}`)).json()) as {
      site: { info: { title: string }; pages: { path: string }[]; published: { navigation: string; config: string }; changed: { navigation: string; homepage: string | null } };
    };
    expect(got.site.published.navigation).toBe(before);
    expect(got.site.changed.navigation).toBe(after);
    expect(got.site.published.config).toContain('title: Parks Board');
    expect(got.site.info.title).toBe('Parks Board');
    expect(got.site.pages.map((p) => p.path)).toContain(PAGE);
  });
});
