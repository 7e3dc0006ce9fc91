/** The audit log: who signed in, saved, published or changed whose role. Only appends and reads. */
import type { Kysely } from 'kysely';
import type { TeamTables } from './schema.ts';

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  target: string | null;
  detail: Record<string, unknown> | null;
}

export interface NewAuditEntry {
  action: string;
  actor?: string | null;
  target?: string | null;
  detail?: Record<string, unknown>;
}

export async function appendAudit(db: Kysely<TeamTables>, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      action: entry.action,
      actor: entry.actor ?? null,
      target: entry.target ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

/** Newest first; `before` is the id of the last entry of the previous page. */
export async function readAudit(db: Kysely<TeamTables>, opts: { limit?: number; before?: number } = {}): Promise<AuditEntry[]> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
  if (opts.before !== undefined) q = q.where('id', '<', opts.before);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}
