/**
 * Lockout after repeated failed sign-ins: 10 failures within 15 minutes lock the email for 15
 * minutes. Unknown emails are counted and locked the same way, so a lockout tells nothing.
 */
import type { Kysely } from 'kysely';
import type { TeamTables } from '../db/schema.ts';

export const MAX_FAILURES = 10;
export const LOCK_MS = 15 * 60 * 1000;

export class SignInLockout {
  constructor(
    private readonly db: Kysely<TeamTables>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The time the lock ends, or null when the email may try to sign in. */
  async lockedUntil(email: string): Promise<Date | null> {
    const row = await this.db.selectFrom('sign_in_failures').select('locked_until').where('email', '=', email).executeTakeFirst();
    if (!row?.locked_until) return null;
    const until = new Date(row.locked_until);
    return until.getTime() > this.now() ? until : null;
  }

  /** Counts a failure; returns true when this one locks the email. */
  async recordFailure(email: string): Promise<boolean> {
    const now = this.now();
    const row = await this.db.selectFrom('sign_in_failures').selectAll().where('email', '=', email).executeTakeFirst();
    const windowOver = !row || now - new Date(row.first_failure_at).getTime() > LOCK_MS;
    const failures = windowOver ? 1 : row.failures + 1;
    const locks = failures >= MAX_FAILURES;
    const values = {
      failures: locks ? 0 : failures,
      first_failure_at: windowOver || locks ? new Date(now).toISOString() : row.first_failure_at,
      locked_until: locks ? new Date(now + LOCK_MS).toISOString() : (row?.locked_until ?? null),
    };
    if (row) await this.db.updateTable('sign_in_failures').set(values).where('email', '=', email).execute();
    else await this.db.insertInto('sign_in_failures').values({ email, ...values }).onConflict((oc) => oc.column('email').doUpdateSet(values)).execute();
    return locks;
  }

  async clear(email: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
  }
}
