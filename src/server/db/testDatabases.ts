/** Test helper: the same suite runs on SQLite (a temp file) and on PostgreSQL (a fresh schema per database). */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type TeamDatabase } from './openDatabase.ts';

/** The PostgreSQL `npm test` makes sure of (scripts/ensureInstalled.mjs). */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabaseTarget {
  name: 'sqlite' | 'postgres';
  /** Where a server would be pointed (`--database`), plus the schema for PostgreSQL. */
  location(): { location: string; schema?: string; cleanup(): Promise<void> };
}

export const testDatabaseTargets: TestDatabaseTarget[] = [
  {
    name: 'sqlite',
    location() {
      const dir = mkdtempSync(path.join(tmpdir(), 'team-db-'));
      return { location: path.join(dir, 'team.sqlite'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    location() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      return {
        location: TEST_POSTGRES_URL,
        schema,
        async cleanup() {
          const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
          await client.connect();
          try {
            await client.query(`drop schema if exists "${schema}" cascade`);
          } finally {
            await client.end();
          }
        },
      };
    },
  },
];

/** Opens a fresh, migrated database of `target`; `close()` also removes it. */
export async function openTestDatabase(target: TestDatabaseTarget): Promise<TeamDatabase> {
  const where = target.location();
  const opened = await openDatabase(where.location, { schema: where.schema });
  return {
    ...opened,
    async close() {
      await opened.close();
      await where.cleanup();
    },
  };
}
