import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { appendAudit, readAudit } from './auditLog.ts';
import { openDatabase, type TeamDatabase } from './openDatabase.ts';
import { openTestDatabase, testDatabaseTargets } from './testDatabases.ts';

describe.each(testDatabaseTargets)('team database on $name', (target) => {
  let opened: TeamDatabase | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('makes every table and keeps the audit log in order, newest first, page by page', async () => {
    opened = await openTestDatabase(target);
    const { db } = opened;
    for (let i = 0; i < 5; i++) await appendAudit(db, { action: 'save', actor: 'ann@agency.gov.sg', target: `page-${i}.md`, detail: { n: i } });
    const first = await readAudit(db, { limit: 2 });
    expect(first.map((e) => e.target)).toEqual(['page-4.md', 'page-3.md']);
    expect(first[0]!.detail).toEqual({ n: 4 });
    const next = await readAudit(db, { limit: 2, before: first[1]!.id });
    expect(next.map((e) => e.target)).toEqual(['page-2.md', 'page-1.md']);
    for (const table of ['team_settings', 'invites', 'setup_tokens', 'sign_in_failures'] as const) {
      expect(await db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
  });

  it('refuses to change or delete audit entries, even by direct SQL', async () => {
    opened = await openTestDatabase(target);
    const { db } = opened;
    await appendAudit(db, { action: 'sign-in', actor: 'ann@agency.gov.sg' });
    await expect(db.updateTable('audit_log').set({ actor: 'someone-else' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await readAudit(db)).map((e) => e.actor)).toEqual(['ann@agency.gov.sg']);
  });

  it('opens an existing store again without migrating twice', async () => {
    const where = target.location();
    try {
      const a = await openDatabase(where.location, { schema: where.schema });
      await appendAudit(a.db, { action: 'sign-in', actor: 'x@agency.gov.sg' });
      await a.close();
      const b = await openDatabase(where.location, { schema: where.schema });
      expect((await readAudit(b.db)).length).toBe(1);
      await b.close();
    } finally {
      await where.cleanup();
    }
  });
});
