/**
 * The team server's store: SQLite (a file in the data folder) by default, PostgreSQL for a
 * `postgres://` URL. Both go through Kysely and the same migrations.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { teamMigrations, type DatabaseKind } from './migrations.ts';
import type { TeamTables } from './schema.ts';

export interface TeamDatabase {
  db: Kysely<TeamTables>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL only: tables live in this schema (made if missing), e.g. one per test run. */
  schema?: string;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens (and migrates) the store at `location`: a `postgres://` URL or an SQLite file path. */
export async function openDatabase(location: string, opts: OpenDatabaseOptions = {}): Promise<TeamDatabase> {
  const kind: DatabaseKind = isPostgresUrl(location) ? 'postgres' : 'sqlite';
  let db: Kysely<TeamTables>;
  if (kind === 'postgres') {
    if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`Not a schema name: ${opts.schema}`);
    if (opts.schema) {
      const setup = new pg.Client({ connectionString: location });
      await setup.connect();
      try {
        await setup.query(`create schema if not exists "${opts.schema}"`);
      } finally {
        await setup.end();
      }
    }
    const pool = new pg.Pool({ connectionString: location, max: 10, ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}) });
    db = new Kysely<TeamTables>({ dialect: new PostgresDialect({ pool }) });
  } else {
    mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
    const sqlite = new Database(location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<TeamTables>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  // Kysely looks for its migration tables in every schema unless told which: another schema's would do.
  const migrationTableSchema = kind === 'postgres' && opts.schema ? { migrationTableSchema: opts.schema } : {};
  const { error } = await new Migrator({ db, provider: teamMigrations(kind), ...migrationTableSchema }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, kind, close: () => db.destroy() };
}

/** The default SQLite file of a data folder. */
export function defaultDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'team.sqlite');
}
