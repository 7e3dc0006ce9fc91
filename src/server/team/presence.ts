/**
 * Who is editing which page now. The app sends a heartbeat about every 15 s while a page is open;
 * a person not heard from for PRESENCE_TTL_MS is no longer shown. Kept in memory: it is only about now.
 */
import { Hono, type Context } from 'hono';
import type { TeamUser } from '../auth/teamAuth.ts';
import { pathOf } from './draftRoutes.ts';

export const PRESENCE_TTL_MS = 45_000;

export interface PresenceEntry {
  path: string;
  email: string;
  name: string;
  /** ms since the epoch of the last heartbeat. */
  seenAt: number;
}

export class Presence {
  /** By email: a person is on one page at a time (their latest heartbeat). */
  readonly #byPerson = new Map<string, PresenceEntry>();

  constructor(private readonly now: () => number = Date.now) {}

  beat(user: Pick<TeamUser, 'email' | 'name'>, path: string): void {
    this.#byPerson.set(user.email, { path, email: user.email, name: user.name || user.email, seenAt: this.now() });
  }

  leave(email: string, path?: string): void {
    const entry = this.#byPerson.get(email);
    if (entry && (path === undefined || entry.path === path)) this.#byPerson.delete(email);
  }

  /** Everyone heard from recently, by page. */
  list(): PresenceEntry[] {
    const cutoff = this.now() - PRESENCE_TTL_MS;
    for (const [email, entry] of this.#byPerson) if (entry.seenAt < cutoff) this.#byPerson.delete(email);
    return [...this.#byPerson.values()].sort((a, b) => a.path.localeCompare(b.path) || a.email.localeCompare(b.email));
  }
}

/** `GET /` lists who is where; `POST /?path=` is a heartbeat; `DELETE /?path=` leaves the page. */
export function createPresenceRoutes(presence: Presence, userOf: (c: Context) => TeamUser): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json({ editing: presence.list().map(({ path, email, name }) => ({ path, email, name })) }));
  app.post('/', (c) => {
    presence.beat(userOf(c), pathOf(c));
    return c.json({ ok: true });
  });
  app.delete('/', (c) => {
    presence.leave(userOf(c).email, pathOf(c));
    return c.json({ ok: true });
  });
  return app;
}
