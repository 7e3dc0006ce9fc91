/** Kysely migrations of the team tables; the same on SQLite and PostgreSQL. */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { commentAnchorsMigration, reviewMigration } from '../review/reviewMigrations.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

const initial = (kind: DatabaseKind): Migration => ({
  async up(db: Kysely<unknown>) {
    const isPostgres = kind === 'postgres';
    await db.schema
      .createTable('audit_log')
      .addColumn('id', isPostgres ? 'bigserial' : 'integer', (c) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('target', 'text')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    // Append-only, enforced by the database itself and not only by the absence of an API.
    if (isPostgres) {
      await sql`create function audit_log_refuse() returns trigger language plpgsql as $$ begin raise exception 'the audit log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function audit_log_refuse()`.execute(db);
    } else {
      await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
    }
    await db.schema
      .createTable('team_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('invites')
      .addColumn('email', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .execute();
    await db.schema
      .createTable('setup_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('sign_in_failures')
      .addColumn('email', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('first_failure_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();
  },
});

/** Unsaved edits kept on the server, one per (change set, path), so another device can pick them up. */
const drafts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('drafts')
      .addColumn('change_set', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('saved_at', 'text', (c) => c.notNull())
      .addColumn('saved_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('drafts_pk', ['change_set', 'path'])
      .execute();
  },
};

export function teamMigrations(kind: DatabaseKind): MigrationProvider {
  return {
    async getMigrations() {
      return {
        '2026-12-01-initial': initial(kind),
        '2026-12-03-review': reviewMigration(kind),
        '2026-12-03-team-drafts': drafts,
        '2026-12-04-comment-anchors': commentAnchorsMigration,
      };
    },
  };
}
