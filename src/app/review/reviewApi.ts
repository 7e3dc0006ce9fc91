/**
 * The review API of the team server, for the review screen and the canvas. Its answers are typed by
 * the server's own types (type-only imports: nothing of the server enters the bundle).
 */
import type { ReviewState } from '../../server/review/reviewSchema.ts';
import type { ReviewDetail, ReviewFile } from '../../server/review/reviewRoutes.ts';
import type { Comment, Decision, NotificationInfo, PageThreads, ReviewRequest, ShareLinkInfo } from '../../server/review/reviewService.ts';
import type { SettingChange } from '../reviewChanges.ts';
import type { ReviewBuildCheck as BuildCheck } from '../../core/reviewBuildCheck.ts';

export type { BuildCheck, PageThreads, ReviewDetail, ReviewFile, ReviewRequest, ReviewState, SettingChange };
export type ReviewComment = Comment;
export type ReviewDecision = Decision;
export type ShareLink = ShareLinkInfo;
export type Notification = NotificationInfo;

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
  publish: (id: number, despiteBuildFailure = false) =>
    call<{ request: ReviewRequest; commit: string; pushed: boolean; pushError?: string }>('POST', `/api/reviews/${id}/publish`, despiteBuildFailure ? { despiteBuildFailure } : {}),
  close: (id: number) => call<ReviewRequest>('POST', `/api/reviews/${id}/close`, {}),
  share: (id: number, days: number) => call<{ id: number; url: string; expiresAt: string }>('POST', `/api/reviews/${id}/share-links`, { days }),
  revoke: (id: number, linkId: number) => call<void>('DELETE', `/api/reviews/${id}/share-links/${linkId}`),
  notifications: () => call<{ notifications: Notification[] }>('GET', '/api/notifications'),
  markRead: (ids: number[]) => call<void>('POST', '/api/notifications/read', { ids }),
};

