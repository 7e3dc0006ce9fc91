/**
 * The page API of team mode: the same routes as the local server (src/server/api.ts), each request
 * served from the signed-in editor's change set worktree, every write committed there as the editor.
 * Plus the change set itself: `GET /api/changesets`, `GET /api/changeset`,
 * `GET /api/changeset/compare?path=`, `POST /api/changeset/update`, `POST /api/changeset/resolve`.
 * Every answer names the change set in the `X-Isomer-Change-Set` header. Sign-in, the Origin check
 * and roles are the mounting server's job; `authorOf` says who is asking (null: nobody signed in).
 */
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { createApiRoutes, DEFAULT_MAX_PAGE_BYTES } from '../api.ts';
import { HttpError } from '../errors.ts';
import { PathQueue } from '../pathQueue.ts';
import { PageWatcher } from '../watcher.ts';
import type { ChangeSet, Editor, SiteRepository } from './repository.ts';

export const CHANGE_SET_HEADER = 'X-Isomer-Change-Set';

export interface ChangeSetRoutesOptions {
  repo: SiteRepository;
  authorOf: (c: Context) => Editor | null | Promise<Editor | null>;
  maxPageBytes?: number;
}

function onError(err: Error, c: Context) {
  if (err instanceof HttpError) return c.json({ error: err.message, ...err.body }, err.status);
  if (err instanceof HTTPException) return c.json({ error: err.message || 'request failed' }, err.status);
  console.error('[change-sets]', err);
  return c.json({ error: 'internal server error' }, 500);
}

function describe(repo: SiteRepository, cs: ChangeSet) {
  return {
    id: cs.id,
    branch: cs.branch,
    published: repo.publishedBranch,
    owner: { name: cs.owner.name, email: cs.owner.email },
    createdAt: cs.createdAt,
    conflicts: cs.conflicts?.paths.map((p) => ({ path: p, choice: cs.conflicts!.choices[p] ?? null })) ?? [],
  };
}

export function createChangeSetRoutes(opts: ChangeSetRoutesOptions): Hono {
  const { repo } = opts;
  const apis = new Map<string, Hono>();

  /** The page API bound to one change set's worktree (made once per change set). */
  const apiFor = (cs: ChangeSet): Hono => {
    let app = apis.get(cs.id);
    if (!app) {
      const watcher = new PageWatcher(cs.dir);
      void watcher.list().catch(() => {}); // read the change set's pages now, before its page list is asked for
      app = new Hono();
      app.onError(onError);
      app.route(
        '/api',
        createApiRoutes({
          siteDir: cs.dir,
          queue: new PathQueue(),
          maxPageBytes: opts.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES,
          trashDir: path.join(repo.dataDir, 'trash', cs.id),
          watcher,
          onWritten: async (paths, summary) => {
            await repo.commit(cs, paths, summary, cs.owner);
          },
        }),
      );
      apis.set(cs.id, app);
    }
    return app;
  };

  const app = new Hono();
  app.onError(onError);
  // One change at a time per change set: a merge never runs while a save is writing the same worktree.
  const changes = new PathQueue();
  const exclusive = <T>(cs: ChangeSet, fn: () => Promise<T>) => changes.run(cs.id, fn);

  const signedIn = async (c: Context): Promise<{ user: Editor; cs: ChangeSet }> => {
    const user = await opts.authorOf(c);
    if (!user) throw new HTTPException(401, { message: 'sign in first' });
    const cs = await repo.changeSetFor(user);
    c.header(CHANGE_SET_HEADER, cs.branch);
    return { user, cs };
  };

  const pathOf = async (c: Context): Promise<string> => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'Content-Type must be application/json');
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body['path'] !== 'string') throw new HttpError(400, 'body must name a "path"');
    return body['path'] as string;
  };

  app.get('/api/changesets', async (c) => {
    await signedIn(c);
    const all = await Promise.all(repo.list().map(async (cs) => ({ ...describe(repo, cs), changed: await repo.changedFromPublished(cs) })));
    return c.json({ published: repo.publishedBranch, changeSets: all });
  });

  // Reading the change set first brings it up to date when the published branch moved.
  app.get('/api/changeset', async (c) => {
    const { cs } = await signedIn(c);
    const update = await exclusive(cs, () => repo.bringUpToDate(cs));
    return c.json({ ...describe(repo, cs), update, changed: await repo.changedFromPublished(cs) });
  });

  app.get('/api/changeset/compare', async (c) => {
    const { cs } = await signedIn(c);
    return c.json(await repo.versions(cs, c.req.query('path') ?? ''));
  });

  app.post('/api/changeset/update', async (c) => {
    const { cs } = await signedIn(c);
    return c.json(await exclusive(cs, () => repo.bringUpToDate(cs)));
  });

  app.post('/api/changeset/resolve', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'request body too large' }, 413) }), async (c) => {
    const { cs } = await signedIn(c);
    const rel = await pathOf(c);
    const body = (await c.req.json()) as { choice?: unknown };
    return c.json(await exclusive(cs, () => repo.resolve(cs, rel, body.choice as 'mine' | 'theirs')));
  });

  app.all('/api/*', async (c) => {
    const { cs } = await signedIn(c);
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
    const res = reading ? await apiFor(cs).fetch(c.req.raw) : await exclusive(cs, async () => apiFor(cs).fetch(c.req.raw));
    const out = new Response(res.body, res);
    out.headers.set(CHANGE_SET_HEADER, cs.branch);
    return out;
  });

  return app;
}
