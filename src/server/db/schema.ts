/** The team server's own tables (better-auth keeps its user, session, account and verification tables beside them). */
import type { Generated } from 'kysely';

export type TeamRole = 'admin' | 'editor';

export interface AuditLogTable {
  id: Generated<number>;
  /** ISO 8601, UTC. */
  at: string;
  /** e.g. `sign-in`, `save`, `publish`, `role-change`, `invite`. */
  action: string;
  /** Email of who did it, or null for the server itself (e.g. `admin create`). */
  actor: string | null;
  /** What it was done to (an email, a page path, a change set). */
  target: string | null;
  /** Extra facts as JSON text; never a password or token. */
  detail: string | null;
}

export interface TeamSettingsTable {
  key: string;
  value: string;
}

export interface InvitesTable {
  email: string;
  role: TeamRole;
  invited_by: string | null;
  created_at: string;
  accepted_at: string | null;
}

export interface SetupTokensTable {
  /** SHA-256 of the token, hex: the token itself is never stored. */
  token_hash: string;
  email: string;
  expires_at: string;
  used_at: string | null;
}

export interface SignInFailuresTable {
  /** Lower-cased email (known or not: unknown emails are locked the same way). */
  email: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

export interface DraftsTable {
  /** The change set the edits belong to (its id). */
  change_set: string;
  path: string;
  /** The draft as the app keeps it (document JSON, front matter, base etag), as JSON text. */
  body: string;
  /** ISO 8601, UTC. */
  saved_at: string;
  /** Email of who sent it. */
  saved_by: string;
}

export interface TeamTables {
  drafts: DraftsTable;
  audit_log: AuditLogTable;
  team_settings: TeamSettingsTable;
  invites: InvitesTable;
  setup_tokens: SetupTokensTable;
  sign_in_failures: SignInFailuresTable;
}
