/**
 * Drafts on the server: the app sends the open page's unsaved edits every few seconds, so another
 * device of the same person (and later a reviewer) sees them. One draft per (change set, path);
 * a person reads and writes only the drafts of their own change set.
 */
import type { Kysely } from 'kysely';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { TeamTables } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { TeamUser } from '../auth/teamAuth.ts';

/** A draft holds a whole page's document: as large as a page may be, and then some for the JSON. */
export const MAX_DRAFT_BYTES = 24 * 1024 * 1024;

export interface DraftRoutesOptions {
  db: Kysely<TeamTables>;
  userOf(c: Context): TeamUser;
  /** The id of the signed-in person's change set. */
  changeSetOf(user: TeamUser): Promise<string>;
}

export interface ServerDraft {
  path: string;
  /** What the app kept (document, front matter, base etag), as it sent it. */
  draft: unknown;
  savedAt: string;
  savedBy: string;
}

export function pathOf(c: Context): string {
  const p = c.req.query('path') ?? '';
  // A site-relative page path: no absolute paths, no `..`, no control characters.
  if (!p || p.length > 1000 || p.startsWith('/') || p.split('/').some((s) => s === '..' || s === '') || /[\u0000-\u001f\u007f\\]/.test(p)) {
    throw new HttpError(400, 'path must be a page path in the site');
  }
  return p;
}

export function createDraftRoutes(opts: DraftRoutesOptions): Hono {
  const { db } = opts;
  const app = new Hono();
  const changeSet = (c: Context) => opts.changeSetOf(opts.userOf(c));

  app.get('/', async (c) => {
    const rows = await db.selectFrom('drafts').select(['path', 'saved_at', 'saved_by']).where('change_set', '=', await changeSet(c)).orderBy('path').execute();
    return c.json({ drafts: rows.map((r) => ({ path: r.path, savedAt: r.saved_at, savedBy: r.saved_by })) });
  });

  app.get('/page', async (c) => {
    const path = pathOf(c);
    const row = await db.selectFrom('drafts').selectAll().where('change_set', '=', await changeSet(c)).where('path', '=', path).executeTakeFirst();
    if (!row) return c.json({ error: 'no draft' }, 404);
    const found: ServerDraft = { path, draft: JSON.parse(row.body) as unknown, savedAt: row.saved_at, savedBy: row.saved_by };
    return c.json(found);
  });

  app.put('/page', bodyLimit({ maxSize: MAX_DRAFT_BYTES, onError: (c) => c.json({ error: 'draft too large' }, 413) }), async (c) => {
    const path = pathOf(c);
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) throw new HttpError(415, 'Content-Type must be application/json');
    const body = (await c.req.json().catch(() => null)) as { draft?: unknown } | null;
    if (!body || typeof body.draft !== 'object' || body.draft === null || Array.isArray(body.draft)) throw new HttpError(400, 'body must hold a "draft" object');
    const row = { change_set: await changeSet(c), path, body: JSON.stringify(body.draft), saved_at: new Date().toISOString(), saved_by: opts.userOf(c).email };
    await db
      .insertInto('drafts')
      .values(row)
      .onConflict((oc) => oc.columns(['change_set', 'path']).doUpdateSet({ body: row.body, saved_at: row.saved_at, saved_by: row.saved_by }))
      .execute();
    return c.json({ path, savedAt: row.saved_at });
  });

  app.delete('/page', async (c) => {
    const path = pathOf(c);
    await db.deleteFrom('drafts').where('change_set', '=', await changeSet(c)).where('path', '=', path).execute();
    return c.json({ path });
  });

  return app;
}
