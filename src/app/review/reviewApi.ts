/** The review API of the team server, for the review screen. */
import type { SettingChange } from '../reviewChanges.ts';

export type ReviewState = 'open' | 'approved' | 'changes_requested' | 'published' | 'closed';

export interface ReviewRequest {
  id: number;
  branch: string;
  title: string;
  description: string;
  requester: { id: string; email: string; name: string };
  reviewers: string[];
  state: ReviewState;
  updatedAt: string;
  publishedCommit: string | null;
}

export interface ReviewFile {
  path: string;
  status: 'A' | 'M' | 'D';
  published: string | null;
  changed: string | null;
  tooBig: boolean;
  blocks?: { published: string[] | null; changed: string[] | null };
  preview?: { published: string | null; changed: string | null };
}

export interface ReviewComment {
  id: number;
  parentId: number | null;
  author: { email: string; name: string };
  body: string;
  path: string | null;
  blockIndex: number | null;
  blockText: string | null;
  blockEdited: boolean;
  outdated: boolean;
  resolved: boolean;
  createdAt: string;
}

export interface ReviewDecision {
  reviewer: { email: string; name: string };
  decision: 'approved' | 'changes_requested';
  note: string;
  at: string;
  withdrawn: boolean;
}

export interface ShareLink {
  id: number;
  createdBy: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface ReviewDetail {
  request: ReviewRequest;
  files: ReviewFile[];
  decisions: ReviewDecision[];
  comments: ReviewComment[];
  shareLinks: ShareLink[];
}

/** The review threads on a page of the editor's own change set, while it is under review. */
export interface PageThreads {
  request: { id: number; title: string; state: ReviewState };
  /** The text of each of the page's blocks, as the change set has it: what `blockIndex` counts. */
  blocks: string[];
  comments: ReviewComment[];
}

export interface Notification {
  id: number;
  requestId: number | null;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
}

export type { SettingChange };

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(data.error ?? `The server answered ${res.status}.`);
  return data as T;
}

export const reviewApi = {
  list: () => call<{ requests: ReviewRequest[]; requesterMayPublish: boolean }>('GET', '/api/reviews'),
  reviewers: () => call<{ reviewers: { email: string; name: string }[] }>('GET', '/api/reviews/people'),
  create: (title: string, description: string, reviewers: string[]) => call<ReviewRequest>('POST', '/api/reviews', { title, description, reviewers }),
  get: (id: number) => call<ReviewDetail>('GET', `/api/reviews/${id}`),
  threadsOnPage: (path: string) => call<{ threads: PageThreads | null }>('GET', `/api/reviews/threads-on-page?path=${encodeURIComponent(path)}`),
  comment: (id: number, body: string, path?: string | null, blockIndex?: number | null) => call<ReviewComment>('POST', `/api/reviews/${id}/comments`, { body, path, blockIndex }),
  reply: (id: number, commentId: number, body: string) => call<ReviewComment>('POST', `/api/reviews/${id}/comments/${commentId}/reply`, { body }),
  resolve: (id: number, commentId: number, resolved: boolean) => call<ReviewComment>('POST', `/api/reviews/${id}/comments/${commentId}/resolve`, { resolved }),
  approve: (id: number, note: string) => call<ReviewRequest>('POST', `/api/reviews/${id}/approve`, { note }),
  requestChanges: (id: number, note: string) => call<ReviewRequest>('POST', `/api/reviews/${id}/request-changes`, { note }),
  publish: (id: number) => call<{ request: ReviewRequest; commit: string; pushed: boolean; pushError?: string }>('POST', `/api/reviews/${id}/publish`, {}),
  close: (id: number) => call<ReviewRequest>('POST', `/api/reviews/${id}/close`, {}),
  share: (id: number, days: number) => call<{ id: number; url: string; expiresAt: string }>('POST', `/api/reviews/${id}/share-links`, { days }),
  revoke: (id: number, linkId: number) => call<void>('DELETE', `/api/reviews/${id}/share-links/${linkId}`),
  notifications: () => call<{ notifications: Notification[] }>('GET', '/api/notifications'),
  markRead: (ids: number[]) => call<void>('POST', '/api/notifications/read', { ids }),
};
