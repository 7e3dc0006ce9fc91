/** Reviewers come from the team's real accounts: admins and editors as the sign-in tables hold them. */
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testDatabases.ts';
import { startTeamHarness, type TeamHarness } from '../team/testTeamServer.ts';
import { peopleFromStore } from './reviewRoutes.ts';

describe.each(testDatabaseTargets)('team people on $name', (target) => {
  let h: TeamHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('reads every account with its role from the store', async () => {
    h = await startTeamHarness(target);
    await h.createAdmin('ann@agency.gov.sg');
    await h.server.accounts.createPerson('bob@agency.gov.sg', 'editor', 'Bob Lim');
    const people = await peopleFromStore(h.server.database.db)();
    expect(people.map(({ email, name, role }) => ({ email, name, role })).sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: 'ann@agency.gov.sg', name: 'ann', role: 'admin' },
      { email: 'bob@agency.gov.sg', name: 'Bob Lim', role: 'editor' },
    ]);
    expect(people.every((p) => typeof p.id === 'string' && p.id.length > 0)).toBe(true);
  });
});
