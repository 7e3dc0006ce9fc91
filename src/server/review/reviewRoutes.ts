/**
 * The review API (`/api/reviews…`, `/api/notifications…`) for signed-in people, and the public
 * `/share/:token/…` pages of a share link. Mount at the server's root, before the app's catch-all:
 * `app.route('/', createReviewRoutes({ db, repo, mail, userOf, audit, publicUrl }))`, or the two
 * halves apart with `reviewRouteParts`.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { NewAuditEntry } from '../db/auditLog.ts';
import type { TeamTables } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { SiteRepository } from '../git/repository.ts';
import type { MailTransport } from '../mail/mailTransport.ts';
import { BuildChecks } from '../build/buildChecks.ts';
import { ReviewService, type ChangedFile, type Comment, type Decision, type ReviewRequest, type ReviewUser, type ShareLinkInfo } from './reviewService.ts';
import type { ReviewBuildCheck } from './reviewBuildCheck.ts';
import type { SiteInfo } from '../../core/siteInfo.ts';
import type { PageSummary } from '../../core/pageSummary.ts';
import { pageBlocks } from './pageBlocks.ts';
import { isSharedPage, shareAddress, SHARED_IMAGE, SHARED_IMAGES_DIR, sharedPageHtml, sharedPageImages, shareIndexHtml } from './sharePage.ts';
import { gitBlob } from '../git/git.ts';
import { readPageFile } from '../../core/pageFile.ts';
import { siteLayoutOf } from '../../site/siteLayout.ts';
import { listPages } from '../pages.ts';
import { getSiteInfo } from '../siteInfo.ts';
import { contentTypeFor } from '../staticFiles.ts';
import { validateSitePath } from '../paths.ts';
import { PREVIEW_IMAGES_PATH, previewImageSigner } from './previewImages.ts';
import { SITE_FILES } from '../../site/siteFiles.ts';

export interface ReviewRoutesOptions {
  /** The team store, or how to reach it once the server has opened it. */
  db: Kysely<TeamTables> | (() => Kysely<TeamTables>);
  repo: SiteRepository;
  mail: MailTransport;
  /** The signed-in person (throws, or returns nothing, without a session). */
  userOf(c: Context): ReviewUser | null | undefined;
  audit(entry: NewAuditEntry): Promise<void>;
  publicUrl: string;
  /** Everyone on the team; default: the accounts table of the store. */
  people?: () => Promise<ReviewUser[]>;
  /** Origins allowed to change things; default: the public URL's. */
  origins?: string[];
  /** The build check before publishing; default: Debian's Jekyll, when it is installed. */
  buildChecks?: BuildChecks;
  /** The server's secret, which signs the previews' image addresses; default: one for this process. */
  secret?: string;
}

/** Files edited on screens of their own (with the homepage and Contact Us pages). */
const SITE_DATA_FILES = Object.values(SITE_FILES);

/** A changed file of a request, with both versions' texts (null: not in that version, or too big). */
export interface ReviewFile extends ChangedFile {
  published: string | null;
  changed: string | null;
  tooBig: boolean;
  /** Pages: their blocks' texts (what comments anchor to) … */
  blocks?: { published: string[] | null; changed: string[] | null };
  /** … and the page as the site shows it. */
  preview?: { published: string | null; changed: string | null };
}

/** `GET /api/reviews/:id`. */
export interface ReviewDetail {
  request: ReviewRequest;
  files: ReviewFile[];
  decisions: Decision[];
  comments: Comment[];
  shareLinks: ShareLinkInfo[];
  /** Null when the request is published or closed. */
  buildCheck: ReviewBuildCheck | null;
  /** The site around the changed site files (settings, navigation, footer, homepage, Contact Us); null when none changed. */
  site: ReviewSite | null;
}

/** The site files at one side of the change. */
export interface SiteTexts {
  config: string | null;
  navigation: string | null;
  footer: string | null;
  homepage: string | null;
}

/** What the review screen needs to show site-file changes through their screens' previews. */
export interface ReviewSite {
  info: SiteInfo;
  pages: PageSummary[];
  published: SiteTexts;
  changed: SiteTexts;
}

/** Texts of changed files larger than this are left out of a request's answer (the diff says so). */
const MAX_TEXT_BYTES = 512 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD']);
const USER = 'reviewUser';

/** The team's people from the accounts table the sign-in library keeps in the same store. */
export function peopleFromStore(db: Kysely<TeamTables>): () => Promise<ReviewUser[]> {
  return async () => {
    const { rows } = await sql<{ id: string; email: string; name: string; role: string | null }>`select id, email, name, role from ${sql.table('user')}`.execute(db);
    return rows.map((r) => ({ id: String(r.id), email: r.email, name: r.name, role: r.role === 'admin' ? 'admin' : 'editor' }));
  };
}

function onError(err: Error, c: Context) {
  if (err instanceof HttpError) return c.json({ error: err.message, ...err.body }, err.status);
  if (err instanceof HTTPException) return c.json({ error: err.message || 'request failed' }, err.status);
  console.error('[review]', err instanceof Error ? err.message : 'unexpected error');
  return c.json({ error: 'internal server error' }, 500);
}

/** Everything at the server's root: the API under `/api`, share links under `/share`. */
export function createReviewRoutes(opts: ReviewRoutesOptions): Hono {
  const parts = reviewRouteParts(opts);
  const app = new Hono();
  app.onError(onError);
  app.route('/api', parts.api);
  app.route('/', parts.share);
  return app;
}

/**
 * The two halves, for a server that mounts them apart: `api` (paths `/reviews…`, `/notifications…`,
 * `/review-settings`, to mount under `/api` behind the session check) and `share` (paths `/share/…`,
 * to mount at the root, outside the session check and before the app's catch-all). One service
 * serves both, so publishes stay one at a time.
 */
export function reviewRouteParts(opts: ReviewRoutesOptions): { api: Hono; share: Hono; service: ReviewService } {
  let store: Kysely<TeamTables> | undefined;
  const db = () => (store ??= typeof opts.db === 'function' ? opts.db() : opts.db);
  const buildChecks = opts.buildChecks ?? new BuildChecks(opts.repo.siteDir);
  const service = new ReviewService({ ...opts, buildChecks, db: lazyDatabase(db), people: opts.people ?? (() => peopleFromStore(db())()) });
  // A commit to a change set under review is built in the background, so its check is ready when someone looks.
  opts.repo.onCommit((cs) => {
    service.checkCommit(cs.branch).catch((err: unknown) => console.error('[build check]', err instanceof Error ? err.message : 'could not start'));
  });
  const origins = new Set((opts.origins ?? [new URL(opts.publicUrl).origin]).map((o) => o.toLowerCase()));
  const signer = previewImageSigner(opts.secret ?? randomBytes(32).toString('hex'));
  const app = new Hono();
  app.onError(onError);

  // --- Signed in only; changes only from the editor's own origin ---
  const guard: MiddlewareHandler = async (c, next) => {
    let user: ReviewUser | null | undefined;
    try {
      user = opts.userOf(c);
    } catch {
      user = null;
    }
    if (!user) return c.json({ error: 'sign in first' }, 401);
    if (!SAFE_METHODS.has(c.req.method.toUpperCase())) {
      const origin = c.req.header('origin')?.toLowerCase();
      if (!origin || !origins.has(origin) || c.req.header('sec-fetch-site') === 'cross-site') return c.json({ error: 'cross-origin request refused' }, 403);
    }
    c.set(USER as never, user as never);
    return next();
  };
  for (const p of ['/reviews', '/reviews/*', '/notifications', '/notifications/*', '/review-settings']) app.use(p, guard);
  const me = (c: Context) => c.get(USER as never) as ReviewUser;
  const idOf = (c: Context, name = 'id') => {
    const n = Number(c.req.param(name));
    if (!Number.isInteger(n) || n <= 0) throw new HttpError(404, 'not found');
    return n;
  };

  app.get('/reviews', async (c) => c.json({ requests: await service.list(), requesterMayPublish: await service.requesterMayPublish() }));
  app.post('/reviews', async (c) => {
    const request = await service.create(me(c), await jsonBody(c));
    await service.buildCheck(request);
    return c.json(request, 201);
  });
  app.get('/reviews/people', async (c) => {
    const admins = (await (opts.people ?? peopleFromStore(db()))()).filter((p) => p.role === 'admin' && p.email !== me(c).email);
    return c.json({ reviewers: admins.map((a) => ({ email: a.email, name: a.name })) });
  });
  // Before `/reviews/:id`. No review (no change set, or none under review) is not an error: `null`.
  app.get('/reviews/threads-on-page', async (c) => {
    const rel = c.req.query('path');
    if (!rel) throw new HttpError(400, 'Say which page: ?path=');
    return c.json({ threads: await service.threadsOnPage(me(c), rel) });
  });
  app.get('/reviews/:id', async (c) => {
    const id = idOf(c);
    const request = await service.get(id);
    const { rev, base, files } = await sidesOf(service, request);
    const config = await service.fileAt(rev, '_config.yml');
    // The previews have no origin of their own (no cookie): their images come from signed addresses.
    const imagesAt = { published: signer.prefix(id, 'published'), changed: signer.prefix(id, 'changed') };
    const withTexts = await Promise.all(
      files.map(async (f): Promise<ReviewFile> => {
        const [published, changed] = await Promise.all([service.fileAt(base, f.path), service.fileAt(rev, f.path)]);
        const tooBig = (published?.length ?? 0) + (changed?.length ?? 0) > MAX_TEXT_BYTES;
        if (tooBig) return { ...f, published: null, changed: null, tooBig };
        // Pages also come as their blocks (what comments anchor to) and as the site shows them.
        const page = isSharedPage(f.path)
          ? {
              blocks: { published: published === null ? null : pageBlocks(published).map((b) => b.text), changed: changed === null ? null : pageBlocks(changed).map((b) => b.text) },
              preview: {
                published: published === null ? null : sharedPageHtml(f.path, published, config, false, imagesAt.published),
                changed: changed === null ? null : sharedPageHtml(f.path, changed, config, true, imagesAt.changed),
              },
            }
          : {};
        return { ...f, published, changed, tooBig, ...page };
      }),
    );
    const [decisions, comments, shareLinks, buildCheck] = await Promise.all([service.decisions(id), service.comments(id), service.shareLinks(id), service.buildCheck(request)]);
    // Homepage, Contact Us, navigation, footer and settings are shown through their editors' previews: these need the site around them.
    const site = withTexts.some((f) => isSiteFile(f.path, f.published) || isSiteFile(f.path, f.changed))
      ? { info: await getSiteInfo(service.repo.siteDir), pages: await listPages(service.repo.siteDir), published: await siteTextsAt(service, base), changed: await siteTextsAt(service, rev) }
      : null;
    const detail: ReviewDetail = { request, files: withTexts, decisions, comments, shareLinks, buildCheck, site };
    return c.json(detail);
  });
  app.post('/reviews/:id/comments', async (c) => c.json(await service.comment(me(c), idOf(c), await jsonBody(c)), 201));
  app.post('/reviews/:id/comments/:cid/reply', async (c) => {
    const body = await jsonBody(c);
    return c.json(await service.comment(me(c), idOf(c), { body: body.body, parentId: idOf(c, 'cid') }), 201);
  });
  app.post('/reviews/:id/comments/:cid/resolve', async (c) => {
    const body = await jsonBody(c);
    return c.json(await service.resolve(me(c), idOf(c), idOf(c, 'cid'), body.resolved !== false));
  });
  app.post('/reviews/:id/approve', async (c) => c.json(await service.approve(me(c), idOf(c), (await jsonBody(c)).note)));
  app.post('/reviews/:id/request-changes', async (c) => c.json(await service.requestChanges(me(c), idOf(c), (await jsonBody(c)).note)));
  app.post('/reviews/:id/publish', async (c) => c.json(await service.publish(me(c), idOf(c), { despiteBuildFailure: (await jsonBody(c)).despiteBuildFailure === true })));
  app.post('/reviews/:id/close', async (c) => c.json(await service.close(me(c), idOf(c))));
  app.post('/reviews/:id/share-links', async (c) => c.json(await service.createShareLink(me(c), idOf(c), (await jsonBody(c)).days), 201));
  app.delete('/reviews/:id/share-links/:linkId', async (c) => {
    await service.revokeShareLink(me(c), idOf(c), idOf(c, 'linkId'));
    return c.body(null, 204);
  });
  app.put('/review-settings', async (c) => {
    const body = await jsonBody(c);
    if (typeof body.requesterMayPublish !== 'boolean') throw new HttpError(400, 'requesterMayPublish must be true or false');
    await service.setRequesterMayPublish(me(c), body.requesterMayPublish);
    return c.json({ requesterMayPublish: await service.requesterMayPublish() });
  });
  app.get('/notifications', async (c) => c.json({ notifications: await service.notifications(me(c)) }));
  app.post('/notifications/read', async (c) => {
    const ids = (await jsonBody(c)).ids;
    if (!Array.isArray(ids) || !ids.every((n) => Number.isInteger(n))) throw new HttpError(400, 'ids must be a list of numbers');
    await service.markRead(me(c), ids as number[]);
    return c.body(null, 204);
  });
  app.all('/reviews/*', (c) => c.json({ error: 'not found' }, 404));

  // --- Share links: no session; the change set's pages only, read-only ---
  const share = new Hono();
  share.onError(onError);
  const shareHeaders = (res: Response): Response => {
    // Images from the link itself ('self': its own images address), from other sites over https, or inline.
    res.headers.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; font-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    res.headers.set('Cache-Control', 'no-store');
    res.headers.set('Referrer-Policy', 'no-referrer');
    res.headers.set('X-Robots-Tag', 'noindex, nofollow');
    res.headers.set('X-Content-Type-Options', 'nosniff');
    return res;
  };
  const notShared = (c: Context) => shareHeaders(c.html('<!doctype html><title>Not found</title><p>This link is not valid: it was revoked, it expired, or the changes were published.</p>', 404));
  share.get('/share/:token/*', async (c) => {
    const target = await service.shareTarget(c.req.param('token'));
    if (!target) return notShared(c);
    const prefix = `/share/${c.req.param('token')}/`;
    const pathname = new URL(c.req.url).pathname;
    if (!pathname.startsWith(prefix)) return c.redirect(prefix);
    let wanted: string;
    try {
      wanted = decodeURIComponent(pathname.slice(prefix.length)).replace(/\/+$/, '');
    } catch {
      return notShared(c);
    }
    const rev = `refs/heads/${target.branch}`;
    const pages: { rel: string; text: string; address: string }[] = [];
    for (const f of await service.changedFiles(target.branch)) {
      if (f.status === 'D' || !isSharedPage(f.path)) continue;
      const text = await service.fileAt(rev, f.path);
      if (text !== null) pages.push({ rel: f.path, text, address: shareAddress(f.path, text) });
    }
    const config = await service.fileAt(rev, '_config.yml');
    // An image one of the shared pages shows, from the change set's tree: nothing else of the site.
    if (wanted.startsWith(SHARED_IMAGES_DIR)) {
      const file = wanted.slice(SHARED_IMAGES_DIR.length);
      return (await pageImage(c, rev, file, pages, config)) ?? notShared(c);
    }
    if (wanted === '') {
      const request = await service.get(target.requestId);
      const list = pages.map((p) => ({ address: p.address, title: (/^title:\s*["']?(.*?)["']?\s*$/m.exec(p.text)?.[1] ?? '') || p.rel }));
      return shareHeaders(c.html(shareIndexHtml(request.title, list)));
    }
    const page = pages.find((p) => p.address === wanted);
    if (!page) return notShared(c);
    return shareHeaders(c.html(sharedPageHtml(page.rel, page.text, config, true, `${prefix}${SHARED_IMAGES_DIR}`)));
  });
  share.get(`${PREVIEW_IMAGES_PATH}:id/:side/:expires/:signature/*`, async (c) => {
    const { id, side, expires, signature } = c.req.param();
    if (!signer.valid(id, side, expires, signature)) return notShared(c);
    const prefix = `${PREVIEW_IMAGES_PATH}${id}/${side}/${expires}/${signature}/`;
    const pathname = new URL(c.req.url).pathname;
    if (!pathname.startsWith(prefix)) return notShared(c);
    let file: string;
    try {
      file = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return notShared(c);
    }
    let request: ReviewRequest;
    try {
      request = await service.get(Number(id));
    } catch {
      return notShared(c);
    }
    const { rev, base, files } = await sidesOf(service, request);
    const sideRev = side === 'published' ? base : rev;
    const pages: { rel: string; text: string }[] = [];
    for (const f of files) {
      if (!isSharedPage(f.path)) continue;
      const text = await service.fileAt(sideRev, f.path);
      if (text !== null) pages.push({ rel: f.path, text });
    }
    // The same settings the previews were made with (they give the site's base address).
    const res = await pageImage(c, sideRev, file, pages, await service.fileAt(rev, '_config.yml'));
    if (!res) return notShared(c);
    // Loaded by documents of no origin: the server's same-origin resource policy would refuse them.
    res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    return res;
  });
  share.get('/share/:token', (c) => c.redirect(`/share/${c.req.param('token')}/`));
  share.all('/share/*', (c) => shareHeaders(c.json({ error: 'share links are read-only' }, 405)));
  share.all(`${PREVIEW_IMAGES_PATH}*`, (c) => notShared(c));
  return { api: app, share, service };

  /** An image one of `pages` shows, from the tree at `rev`: nothing else of the site (null). */
  async function pageImage(c: Context, rev: string, file: string, pages: { rel: string; text: string }[], config: string | null): Promise<Response | null> {
    try {
      validateSitePath(file);
    } catch {
      return null;
    }
    if (!SHARED_IMAGE.test(file) || !pages.some((p) => sharedPageImages(p.rel, p.text, config).includes(file))) return null;
    const bytes = await gitBlob(service.repo.siteDir, rev, file);
    if (!bytes) return null;
    const res = shareHeaders(c.body(new Uint8Array(bytes), 200, { 'Content-Type': contentTypeFor(file) }));
    // An SVG opened on its own is a document: it may not run anything.
    if (/\.svg$/i.test(file)) res.headers.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    return res;
  }
}

/** A request's two sides: the tree with its changes (`rev`), the published one before them (`base`), and the files that differ. */
async function sidesOf(service: ReviewService, request: ReviewRequest): Promise<{ rev: string; base: string; files: ChangedFile[] }> {
  const rev = request.publishedCommit ? `${request.publishedCommit}` : `refs/heads/${request.branch}`;
  const base = request.publishedCommit ? `${request.publishedCommit}^1` : `refs/heads/${service.repo.publishedBranch}`;
  const files = request.publishedCommit ? await service.filesOfCommit(request.publishedCommit) : await service.changedFiles(request.branch);
  return { rev, base, files };
}

/** Whether a file is one of those edited on their own screens: settings, navigation, footer, the homepage, Contact Us. */
function isSiteFile(rel: string, text: string | null): boolean {
  if (SITE_DATA_FILES.includes(rel)) return true;
  if (text === null || !/\.(md|html)$/i.test(rel)) return false;
  const file = readPageFile(text);
  return siteLayoutOf(file.frontMatterText, file.body) !== null;
}

/** The texts of the site files at a revision, for the previews of the other side of a change. */
async function siteTextsAt(service: ReviewService, rev: string): Promise<SiteTexts> {
  const [config, navigation, footer, homepage] = await Promise.all([SITE_FILES.settings, SITE_FILES.navigation, SITE_FILES.footer, 'index.md'].map((rel) => service.fileAt(rev, rel)));
  return { config: config ?? null, navigation: navigation ?? null, footer: footer ?? null, homepage: homepage ?? null };
}

/** A Kysely that is looked up on first use (the server opens its store after making its routes). */
function lazyDatabase(get: () => Kysely<TeamTables>): Kysely<TeamTables> {
  return new Proxy({} as Kysely<TeamTables>, {
    get(_target, key) {
      const db = get() as unknown as Record<PropertyKey, unknown>;
      const value = db[key];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(db) : value;
    },
  });
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) throw new HttpError(415, 'Content-Type must be application/json');
  const body = (await c.req.json().catch(() => null)) as unknown;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'request body must be a JSON object');
  return body as Record<string, unknown>;
}
