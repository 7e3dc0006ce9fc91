/** Kysely migration of the review tables; the same on SQLite and PostgreSQL. */
import type { Kysely, Migration } from 'kysely';
import type { DatabaseKind } from '../db/migrations.ts';

export function reviewMigration(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const isPostgres = kind === 'postgres';
      const table = (name: string) =>
        db.schema.createTable(name).addColumn('id', isPostgres ? 'bigserial' : 'integer', (c) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement()));
      await table('review_requests')
        .addColumn('change_set_id', 'text', (c) => c.notNull())
        .addColumn('branch', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('requester_id', 'text', (c) => c.notNull())
        .addColumn('requester_email', 'text', (c) => c.notNull())
        .addColumn('requester_name', 'text', (c) => c.notNull())
        .addColumn('reviewers', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('published_commit', 'text')
        .addColumn('published_by', 'text')
        .execute();
      await db.schema.createIndex('review_requests_change_set').on('review_requests').column('change_set_id').execute();
      await table('review_decisions')
        .addColumn('request_id', 'integer', (c) => c.notNull())
        .addColumn('reviewer_email', 'text', (c) => c.notNull())
        .addColumn('reviewer_name', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('commit_id', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('review_decisions_request').on('review_decisions').column('request_id').execute();
      await table('review_comments')
        .addColumn('request_id', 'integer', (c) => c.notNull())
        .addColumn('parent_id', 'integer')
        .addColumn('author_email', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('path', 'text')
        .addColumn('block_index', 'integer')
        .addColumn('block_hash', 'text')
        .addColumn('block_text', 'text')
        .addColumn('outdated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('resolved_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('review_comments_request').on('review_comments').column('request_id').execute();
      await table('notifications')
        .addColumn('recipient_email', 'text', (c) => c.notNull())
        .addColumn('request_id', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('notifications_recipient').on('notifications').column('recipient_email').execute();
      await table('share_links')
        .addColumn('request_id', 'integer', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
    },
  };
}

/** Block threads follow their block as it is edited: where each was last found (null on older threads: the block as made). */
export const commentAnchorsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // One column a statement: SQLite adds no more.
    await db.schema.alterTable('review_comments').addColumn('anchor_hash', 'text').execute();
    await db.schema.alterTable('review_comments').addColumn('anchor_likeness', 'text').execute();
  },
};
