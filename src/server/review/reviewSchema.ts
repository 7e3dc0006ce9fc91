/** The review tables (kept beside the team tables; their migration follows the team migrations). */
import type { Generated } from 'kysely';

/** What a request's row stores; `approved` and `changes_requested` are worked out again on every read. */
export type ReviewState = 'open' | 'approved' | 'changes_requested' | 'published' | 'closed';

export interface ReviewRequestsTable {
  id: Generated<number>;
  change_set_id: string;
  branch: string;
  title: string;
  description: string;
  requester_id: string;
  requester_email: string;
  requester_name: string;
  /** JSON list of the reviewers' emails. */
  reviewers: string;
  state: ReviewState;
  created_at: string;
  updated_at: string;
  /** The merge commit on the published branch, once published. */
  published_commit: string | null;
  published_by: string | null;
}

export interface ReviewDecisionsTable {
  id: Generated<number>;
  request_id: number;
  reviewer_email: string;
  reviewer_name: string;
  decision: 'approved' | 'changes_requested';
  /** The change set's head the decision was made on: a later commit withdraws an approval. */
  commit_id: string;
  note: string;
  at: string;
}

export interface ReviewCommentsTable {
  id: Generated<number>;
  request_id: number;
  /** The first comment of the thread, for replies. */
  parent_id: number | null;
  author_email: string;
  author_name: string;
  body: string;
  /** Page the thread is on (null: on the request as a whole). */
  path: string | null;
  /** Block the thread is on now (null: on the page as a whole). */
  block_index: number | null;
  /** The block as the comment was made on it: its hash and (the start of) its text. */
  block_hash: string | null;
  block_text: string | null;
  /** The block as the thread last found it, edited since perhaps: its hash and likeness (see pageBlocks.ts). */
  anchor_hash: string | null;
  anchor_likeness: string | null;
  /** 1 when the block was changed so that no block like it is left. */
  outdated: number;
  resolved: number;
  resolved_by: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  recipient_email: string;
  request_id: number | null;
  kind: string;
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface ShareLinksTable {
  id: Generated<number>;
  request_id: number;
  /** SHA-256 of the token, hex: the token itself is never stored. */
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ReviewTables {
  review_requests: ReviewRequestsTable;
  review_decisions: ReviewDecisionsTable;
  review_comments: ReviewCommentsTable;
  notifications: NotificationsTable;
  share_links: ShareLinksTable;
  team_settings: { key: string; value: string };
}
