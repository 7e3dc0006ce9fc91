import { afterEach, describe, expect, it } from 'vitest';
import type { TeamDatabase } from '../db/openDatabase.ts';
import { openTestDatabase, testDatabaseTargets } from '../db/testDatabases.ts';
import { LOCK_MS, MAX_FAILURES, SignInLockout } from './signInLockout.ts';

describe.each(testDatabaseTargets)('sign-in lockout on $name', (target) => {
  let opened: TeamDatabase | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('locks on the tenth failure within 15 minutes, for 15 minutes, then counts afresh', async () => {
    opened = await openTestDatabase(target);
    let now = Date.UTC(2026, 11, 3, 8, 0, 0);
    const lockout = new SignInLockout(opened.db, () => now);
    const email = 'bob@agency.gov.sg';
    for (let i = 1; i < MAX_FAILURES; i++) expect(await lockout.recordFailure(email)).toBe(false);
    expect(await lockout.lockedUntil(email)).toBeNull();
    expect(await lockout.recordFailure(email)).toBe(true);
    expect((await lockout.lockedUntil(email))?.getTime()).toBe(now + LOCK_MS);
    expect(await lockout.lockedUntil('ann@agency.gov.sg')).toBeNull();

    now += LOCK_MS - 1000;
    expect(await lockout.lockedUntil(email)).not.toBeNull();
    now += 2000;
    expect(await lockout.lockedUntil(email)).toBeNull();
    expect(await lockout.recordFailure(email)).toBe(false);
  });

  it('forgets failures older than the window, and clears them on a successful sign-in', async () => {
    opened = await openTestDatabase(target);
    let now = Date.UTC(2026, 11, 3, 8, 0, 0);
    const lockout = new SignInLockout(opened.db, () => now);
    const email = 'bob@agency.gov.sg';
    for (let i = 1; i < MAX_FAILURES; i++) await lockout.recordFailure(email);
    now += LOCK_MS + 1000;
    // Nine failures long ago and one now: no lock.
    expect(await lockout.recordFailure(email)).toBe(false);
    for (let i = 2; i < MAX_FAILURES; i++) await lockout.recordFailure(email);
    await lockout.clear(email);
    expect(await lockout.recordFailure(email)).toBe(false);
    expect(await lockout.lockedUntil(email)).toBeNull();
  });
});
