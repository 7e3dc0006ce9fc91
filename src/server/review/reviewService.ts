/**
 * Review requests on change sets: reviewers, comments anchored to blocks, approvals that a later
 * commit withdraws, and publishing — a merge commit into the published branch naming the request
 * and its approvers, pushed when the site has a remote. Knows no HTTP framework.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NewAuditEntry } from '../db/auditLog.ts';
import type { TeamTables } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { MailTransport } from '../mail/mailTransport.ts';
import { validateSitePath } from '../paths.ts';
import { PathQueue } from '../pathQueue.ts';
import { git, splitZ } from '../git/git.ts';
import type { ChangeSet, SiteRepository } from '../git/repository.ts';
import type { BuildChecks } from '../build/buildChecks.ts';
import { pageBlocks, reanchor, type PageBlock } from './pageBlocks.ts';
import { reviewBuildCheck, type ReviewBuildCheck } from './reviewBuildCheck.ts';
import type { ReviewCommentsTable, ReviewState, ReviewTables } from './reviewSchema.ts';

/** A signed-in person, as the team server knows them. */
export interface ReviewUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'editor';
}

export interface ReviewServiceOptions {
  /** The team store (its migrations make the review tables). */
  db: Kysely<TeamTables>;
  repo: SiteRepository;
  mail: MailTransport;
  audit(entry: NewAuditEntry): Promise<void>;
  /** Everyone on the team (reviewers are chosen among its admins). */
  people(): Promise<ReviewUser[]>;
  /** The address people open, for links in emails and share links. */
  publicUrl: string;
  /** Builds change sets with Jekyll before publishing; without it there is no build check. */
  buildChecks?: BuildChecks;
}

export interface ChangedFile {
  path: string;
  /** git's letter: A added, M changed, D deleted. */
  status: 'A' | 'M' | 'D';
}

export interface Decision {
  reviewer: { email: string; name: string };
  decision: 'approved' | 'changes_requested';
  commit: string;
  note: string;
  at: string;
  /** An approval of an earlier commit than the change set's head no longer counts. */
  withdrawn: boolean;
}

export interface Comment {
  id: number;
  parentId: number | null;
  author: { email: string; name: string };
  body: string;
  path: string | null;
  blockIndex: number | null;
  /** (The start of) the block's text when the comment was made. */
  blockText: string | null;
  /** The block was edited since the comment was made on it (the thread followed it). */
  blockEdited: boolean;
  outdated: boolean;
  resolved: boolean;
  resolvedBy: string | null;
  createdAt: string;
}

/** A page's review threads for its editor (see ReviewService.threadsOnPage). */
export interface PageThreads {
  request: { id: number; title: string; state: ReviewState };
  /** The text of each of the page's top-level blocks, as the change set has it: what `blockIndex` counts. */
  blocks: string[];
  /** The threads on the page (on a block or on the page as a whole) and their replies. */
  comments: Comment[];
}

export interface ReviewRequest {
  id: number;
  changeSetId: string;
  branch: string;
  title: string;
  description: string;
  requester: { id: string; email: string; name: string };
  reviewers: string[];
  state: ReviewState;
  head: string | null;
  createdAt: string;
  updatedAt: string;
  publishedCommit: string | null;
  publishedBy: string | null;
}

/** A share link as the request lists it (its token is shown once, when made, and never stored). */
export interface ShareLinkInfo {
  id: number;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** A notification in the app. */
export interface NotificationInfo {
  id: number;
  requestId: number | null;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
}

export const REQUESTER_MAY_PUBLISH = 'review.requesterMayPublish';
export const SHARE_LINK_DAYS = 7;
const MAX_SHARE_LINK_DAYS = 30;
const MAX_TEXT = 20_000;
/** How much of a block a thread keeps to find it again once edited. */
const MAX_LIKENESS = 20_000;

const now = () => new Date().toISOString();
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

function text(value: unknown, what: string, max: number, required = true): string {
  if (value === undefined || value === null) value = '';
  if (typeof value !== 'string') throw new HttpError(400, `${what} must be text`);
  const t = value.replace(/\r\n?/g, '\n').trim();
  if (required && !t) throw new HttpError(400, `Give a ${what}.`);
  if (t.length > max) throw new HttpError(400, `The ${what} is too long (at most ${max} characters).`);
  return t;
}

/** One header-safe line for a commit message. */
const line = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

export class ReviewService {
  readonly #db: Kysely<ReviewTables>;
  readonly #opts: ReviewServiceOptions;
  /** Publishes run one at a time: each merges into the branch the previous one moved. */
  readonly #publishing = new PathQueue();

  constructor(opts: ReviewServiceOptions) {
    this.#db = opts.db as unknown as Kysely<ReviewTables>;
    this.#opts = opts;
  }

  get repo(): SiteRepository {
    return this.#opts.repo;
  }

  // --- Git facts ---

  #git(args: string[], opts: Parameters<typeof git>[2] = {}) {
    return git(this.repo.siteDir, args, opts);
  }

  /** The live change set (the repository hands out copies; its own object is the one to update). */
  async changeSet(id: string): Promise<ChangeSet> {
    const copy = this.repo.list().find((cs) => cs.id === id);
    if (!copy) throw new HttpError(404, 'That change set no longer exists.');
    return this.repo.changeSetFor(copy.owner);
  }

  async head(branch: string): Promise<string | null> {
    const r = await this.#git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], { okCodes: [1] });
    return r.exitCode === 0 ? r.stdout.trim() : null;
  }

  /** Pages and site files the change set changes, from git. */
  async changedFiles(branch: string): Promise<ChangedFile[]> {
    const out = await this.#git(['diff', '--name-status', '-z', '--no-renames', `refs/heads/${this.repo.publishedBranch}...refs/heads/${branch}`]);
    const parts = splitZ(out.stdout);
    const files: ChangedFile[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) files.push({ status: parts[i]!.charAt(0) as ChangedFile['status'], path: parts[i + 1]! });
    return files;
  }

  /** Files a published merge commit changed on the published branch. */
  async filesOfCommit(commit: string): Promise<ChangedFile[]> {
    const out = await this.#git(['diff', '--name-status', '-z', '--no-renames', `${commit}^1`, commit]);
    const parts = splitZ(out.stdout);
    const files: ChangedFile[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) files.push({ status: parts[i]!.charAt(0) as ChangedFile['status'], path: parts[i + 1]! });
    return files;
  }

  /** A file's text at a revision, or null when it has no such file there. */
  async fileAt(rev: string, rel: string): Promise<string | null> {
    const r = await this.#git(['cat-file', '-e', `${rev}:${rel}`], { okCodes: [1, 128] });
    if (r.exitCode !== 0) return null;
    return (await this.#git(['cat-file', 'blob', `${rev}:${rel}`])).stdout;
  }

  /** Commits after `commit` on the way to `head` that are the editor's own (not merges bringing it up to date). */
  async #ownCommitsSince(commit: string, head: string): Promise<number> {
    if (commit === head) return 0;
    const r = await this.#git(['rev-list', '--count', '--no-merges', `${commit}..${head}`], { okCodes: [128] });
    return r.exitCode === 0 ? Number(r.stdout.trim()) : 1;
  }

  // --- Requests ---

  async #row(id: number) {
    if (!Number.isInteger(id) || id <= 0) throw new HttpError(404, 'No such review request.');
    const row = await this.#db.selectFrom('review_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new HttpError(404, 'No such review request.');
    return row;
  }

  async #admins(): Promise<ReviewUser[]> {
    return (await this.#opts.people()).filter((p) => p.role === 'admin');
  }

  async create(user: ReviewUser, input: { title?: unknown; description?: unknown; reviewers?: unknown }): Promise<ReviewRequest> {
    const title = text(input.title, 'title', 200);
    const description = text(input.description, 'description', MAX_TEXT, false);
    if (!Array.isArray(input.reviewers) || input.reviewers.length === 0) throw new HttpError(400, 'Choose at least one reviewer.');
    const admins = await this.#admins();
    const reviewers = [...new Set(input.reviewers.map((e) => String(e).trim().toLowerCase()))];
    for (const email of reviewers) {
      if (email === user.email.toLowerCase()) throw new HttpError(400, 'You cannot review your own request: choose another admin.');
      if (!admins.some((a) => a.email.toLowerCase() === email)) throw new HttpError(400, `${email} is not an admin, and only admins review.`);
    }
    const cs = await this.repo.changeSetFor(user);
    const open = await this.#db
      .selectFrom('review_requests')
      .select('id')
      .where('change_set_id', '=', cs.id)
      .where('state', 'not in', ['published', 'closed'])
      .executeTakeFirst();
    if (open) throw new HttpError(409, `Your changes are already under review (request #${open.id}).`, { requestId: Number(open.id) });
    if ((await this.changedFiles(cs.branch)).length === 0) throw new HttpError(409, 'Nothing to review: your change set has no changes from the published site.');
    const at = now();
    const inserted = await this.#db
      .insertInto('review_requests')
      .values({
        change_set_id: cs.id,
        branch: cs.branch,
        title,
        description,
        requester_id: user.id,
        requester_email: user.email,
        requester_name: user.name,
        reviewers: JSON.stringify(reviewers),
        state: 'open',
        created_at: at,
        updated_at: at,
        published_commit: null,
        published_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(inserted.id);
    await this.#notify(reviewers, id, 'review-requested', `${user.name} asks you to review "${title}".`);
    return this.get(id);
  }

  async list(): Promise<ReviewRequest[]> {
    const rows = await this.#db.selectFrom('review_requests').select('id').orderBy('id', 'desc').limit(200).execute();
    return Promise.all(rows.map((r) => this.get(Number(r.id))));
  }

  /** The request with its state worked out from its decisions and the change set's head. */
  async get(id: number): Promise<ReviewRequest> {
    const row = await this.#row(id);
    const head = await this.head(row.branch);
    let state = row.state;
    if (state !== 'published' && state !== 'closed') {
      const latest = latestPerReviewer(await this.decisions(id));
      if (latest.some((d) => d.decision === 'changes_requested')) state = 'changes_requested';
      else if (latest.some((d) => d.decision === 'approved' && !d.withdrawn)) state = 'approved';
      else state = 'open';
      if (state !== row.state) await this.#db.updateTable('review_requests').set({ state }).where('id', '=', id).execute();
    }
    return {
      id: Number(row.id),
      changeSetId: row.change_set_id,
      branch: row.branch,
      title: row.title,
      description: row.description,
      requester: { id: row.requester_id, email: row.requester_email, name: row.requester_name },
      reviewers: JSON.parse(row.reviewers) as string[],
      state,
      head,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      publishedCommit: row.published_commit,
      publishedBy: row.published_by,
    };
  }

  async decisions(id: number): Promise<Decision[]> {
    const row = await this.#row(id);
    const head = row.published_commit ? null : await this.head(row.branch);
    const rows = await this.#db.selectFrom('review_decisions').selectAll().where('request_id', '=', id).orderBy('id').execute();
    const out: Decision[] = [];
    for (const d of rows) {
      const withdrawn = d.decision === 'approved' && head !== null && (await this.#ownCommitsSince(d.commit_id, head)) > 0;
      out.push({ reviewer: { email: d.reviewer_email, name: d.reviewer_name }, decision: d.decision, commit: d.commit_id, note: d.note, at: d.at, withdrawn });
    }
    return out;
  }

  async #openRow(id: number) {
    const row = await this.#row(id);
    if (row.state === 'published') throw new HttpError(409, 'This request is already published.');
    if (row.state === 'closed') throw new HttpError(409, 'This request is closed.');
    return row;
  }

  async #decide(user: ReviewUser, id: number, decision: 'approved' | 'changes_requested', noteIn: unknown): Promise<ReviewRequest> {
    const row = await this.#openRow(id);
    if (user.role !== 'admin') throw new HttpError(403, 'Only admins review.');
    if (user.id === row.requester_id || user.email.toLowerCase() === row.requester_email.toLowerCase()) {
      throw new HttpError(403, 'You cannot approve or decline your own request.');
    }
    const note = text(noteIn, 'note', MAX_TEXT, decision === 'changes_requested');
    const head = await this.head(row.branch);
    if (!head) throw new HttpError(409, 'The change set of this request no longer exists.');
    await this.#db
      .insertInto('review_decisions')
      .values({ request_id: id, reviewer_email: user.email, reviewer_name: user.name, decision, commit_id: head, note, at: now() })
      .execute();
    await this.#db.updateTable('review_requests').set({ updated_at: now() }).where('id', '=', id).execute();
    const what = decision === 'approved' ? 'approved' : 'asked for changes to';
    await this.#notify([row.requester_email], id, decision, `${user.name} ${what} "${row.title}".${note ? `\n\n${note}` : ''}`);
    return this.get(id);
  }

  approve(user: ReviewUser, id: number, note?: unknown) {
    return this.#decide(user, id, 'approved', note);
  }

  requestChanges(user: ReviewUser, id: number, note: unknown) {
    return this.#decide(user, id, 'changes_requested', note);
  }

  async close(user: ReviewUser, id: number): Promise<ReviewRequest> {
    const row = await this.#openRow(id);
    if (user.role !== 'admin' && user.id !== row.requester_id) throw new HttpError(403, 'Only the requester or an admin may close this request.');
    await this.#db.updateTable('review_requests').set({ state: 'closed', updated_at: now() }).where('id', '=', id).execute();
    await this.#revokeAllLinks(id);
    await this.#notify(this.#others(row, user), id, 'closed', `${user.name} closed "${row.title}" without publishing.`);
    return this.get(id);
  }

  // --- Settings ---

  async requesterMayPublish(): Promise<boolean> {
    const row = await this.#db.selectFrom('team_settings').select('value').where('key', '=', REQUESTER_MAY_PUBLISH).executeTakeFirst();
    return row?.value === 'true';
  }

  async setRequesterMayPublish(user: ReviewUser, allowed: boolean): Promise<void> {
    if (user.role !== 'admin') throw new HttpError(403, 'Only admins change this setting.');
    await this.#db.deleteFrom('team_settings').where('key', '=', REQUESTER_MAY_PUBLISH).execute();
    await this.#db.insertInto('team_settings').values({ key: REQUESTER_MAY_PUBLISH, value: String(allowed) }).execute();
    await this.#opts.audit({ action: 'settings-change', actor: user.email, detail: { requesterMayPublish: allowed } });
  }

  // --- Publishing ---

  /**
   * Brings the change set up to date with the published branch (refusing on pages changed on both
   * sides), then merges it into the published branch with a commit naming the request and its
   * approvers, and pushes when the site has a remote.
   */
  publish(user: ReviewUser, id: number, opts: { despiteBuildFailure?: boolean } = {}): Promise<{ request: ReviewRequest; commit: string; pushed: boolean; pushError?: string }> {
    return this.#publishing.run('publish', () => this.#publish(user, id, opts.despiteBuildFailure === true));
  }

  /**
   * The build check of a request's latest changes (started in the background when not known yet), or
   * null when the request is published or closed, or the server has no build check.
   */
  async buildCheck(request: ReviewRequest): Promise<ReviewBuildCheck | null> {
    const checks = this.#opts.buildChecks;
    if (!checks || !request.head || request.state === 'published' || request.state === 'closed') return null;
    try {
      return await reviewBuildCheck(checks, request.head, await this.repo.publishedTip());
    } catch (err) {
      // The review itself goes on without it.
      console.error('[build check]', err instanceof Error ? err.message : 'failed');
      return { state: 'unavailable', message: 'The build check could not run for these changes; the server log says why.' };
    }
  }

  /** Starts the build check of the change set's new commit when it is under review. */
  async checkCommit(branch: string): Promise<void> {
    const open = await this.#db.selectFrom('review_requests').select('id').where('branch', '=', branch).where('state', 'not in', ['published', 'closed']).executeTakeFirst();
    if (open) await this.buildCheck(await this.get(Number(open.id)));
  }

  async #publish(user: ReviewUser, id: number, despiteBuildFailure: boolean) {
    const row = await this.#openRow(id);
    const before = await this.get(id);
    const isRequester = user.id === row.requester_id;
    if (user.role !== 'admin') {
      if (!isRequester) throw new HttpError(403, 'Only an admin or the requester may publish.');
      if (!(await this.requesterMayPublish())) throw new HttpError(403, 'Only an admin may publish on this site.');
      if (before.state !== 'approved') throw new HttpError(409, 'This request needs an approval of its latest changes before you can publish it.');
    }
    // A finished check that says the site does not build: only an admin may publish, and says so knowingly.
    const check = await this.buildCheck(before);
    if (check?.state === 'done' && check.outcome === 'failed') {
      if (user.role !== 'admin') throw new HttpError(409, 'The site does not build with these changes: fix the build errors the review shows, or ask an admin.', { buildFailed: true });
      if (!despiteBuildFailure) {
        throw new HttpError(409, 'The site does not build with these changes. Publish anyway only if you are sure: the published site would not update.', { buildFailed: true });
      }
    }
    const cs = await this.changeSet(row.change_set_id);
    const update = await this.repo.bringUpToDate(cs);
    if (update.state === 'conflicts') {
      throw new HttpError(
        409,
        `The published site changed ${update.paths.join(', ')} since these changes were made. ` +
          'The editor must choose which version to keep for each of them before this can be published.',
        { conflicts: update.paths },
      );
    }
    const head = await this.head(cs.branch);
    if (!head) throw new HttpError(409, 'The change set of this request no longer exists.');
    const approvers = latestPerReviewer(await this.decisions(id)).filter((d) => d.decision === 'approved' && !d.withdrawn);
    // Bringing it up to date never withdraws an approval, but a non-admin still needs a standing one.
    if (user.role !== 'admin' && approvers.length === 0) throw new HttpError(409, 'The approval was withdrawn by a later change; ask for a new review.');
    const published = this.repo.publishedBranch;
    const tip = await this.repo.publishedTip();
    const ahead = await this.#git(['rev-list', '--count', `${tip}..${head}`]);
    if (Number(ahead.stdout.trim()) === 0) throw new HttpError(409, 'Nothing to publish: the published site already has these changes.');
    const message = [
      line(`Publish review request #${id}: ${row.title}`),
      '',
      line(`Requested by: ${row.requester_name} <${row.requester_email}>`),
      line(`Approved by: ${approvers.length ? approvers.map((a) => `${a.reviewer.name} <${a.reviewer.email}>`).join(', ') : 'nobody (published by an admin without approval)'}`),
      line(`Published by: ${user.name} <${user.email}>`),
      line(`Change set: ${cs.branch}`),
      '',
    ].join('\n');
    const who = { GIT_AUTHOR_NAME: line(user.name), GIT_AUTHOR_EMAIL: line(user.email), GIT_COMMITTER_NAME: line(user.name), GIT_COMMITTER_EMAIL: line(user.email) };
    // The change set already holds the published tip, so the merge's tree is the change set's.
    const commit = (await this.#git(['commit-tree', `${head}^{tree}`, '-p', tip, '-p', head, '-m', message], { env: who })).stdout.trim();
    await this.#moveBranch(published, commit, tip, message);
    const push = await this.#push(published);
    await this.#db
      .updateTable('review_requests')
      .set({ state: 'published', published_commit: commit, published_by: user.email, updated_at: now() })
      .where('id', '=', id)
      .execute();
    await this.#revokeAllLinks(id);
    await this.#opts.audit({
      action: 'publish',
      actor: user.email,
      target: cs.branch,
      detail: { request: id, title: row.title, commit, approvers: approvers.map((a) => a.reviewer.email), pushed: push.pushed },
    });
    await this.#notify(this.#others(row, user), id, 'published', `${user.name} published "${row.title}".`);
    await this.#tellOverlapping(id, row.title, await this.#git(['diff', '--name-only', '-z', tip, commit]).then((r) => splitZ(r.stdout)));
    return { request: await this.get(id), commit, ...push };
  }

  /** Moves the published branch from `from` to `to`; a working copy that has it checked out follows. */
  async #moveBranch(branch: string, to: string, from: string, message: string): Promise<void> {
    const checkedOut = await this.#git(['symbolic-ref', '--quiet', 'HEAD'], { okCodes: [1] });
    if (checkedOut.stdout.trim() === `refs/heads/${branch}`) {
      // Moving the branch under changes nobody committed would make them look like an undoing of the publish.
      const dirty = await this.#git(['status', '--porcelain', '--untracked-files=no']);
      if (dirty.stdout.trim() !== '') {
        throw new HttpError(409, `The site folder has changes nobody committed on ${branch}; commit or discard them there before publishing.`);
      }
      // A fast-forward of the checked-out branch: the site folder shows what is published.
      const r = await this.#git(['merge', '--ff-only', '--quiet', to], { okCodes: [1, 128] });
      if (r.exitCode === 0) return;
      throw new HttpError(409, 'The published branch moved while publishing; try again.');
    }
    const r = await this.#git(['update-ref', '-m', line(message.split('\n')[0]!), `refs/heads/${branch}`, to, from], { okCodes: [128] });
    if (r.exitCode !== 0) throw new HttpError(409, 'The published branch moved while publishing; try again.');
  }

  /** Pushes the published branch to its remote (its upstream's, else `origin`) when the site has one. */
  async #push(branch: string): Promise<{ pushed: boolean; pushError?: string }> {
    const remotes = (await this.#git(['remote'])).stdout.split('\n').filter(Boolean);
    const configured = (await this.#git(['config', '--get', `branch.${branch}.remote`], { okCodes: [1] })).stdout.trim();
    const remote = configured && remotes.includes(configured) ? configured : remotes.includes('origin') ? 'origin' : null;
    if (!remote) return { pushed: false };
    try {
      await this.#git(['push', '--quiet', remote, `refs/heads/${branch}:refs/heads/${branch}`]);
      return { pushed: true };
    } catch (err) {
      const pushError = `Published here, but could not push to ${remote}: ${err instanceof Error ? err.message : 'unknown error'}`;
      return { pushed: false, pushError };
    }
  }

  /** Other open requests changing the same files are told they will be brought up to date first. */
  async #tellOverlapping(id: number, title: string, paths: string[]): Promise<void> {
    const rows = await this.#db.selectFrom('review_requests').selectAll().where('id', '!=', id).where('state', 'not in', ['published', 'closed']).execute();
    for (const other of rows) {
      const theirs = (await this.changedFiles(other.branch)).map((f) => f.path);
      const both = theirs.filter((p) => paths.includes(p));
      if (both.length === 0) continue;
      await this.#notify(
        [other.requester_email, ...(JSON.parse(other.reviewers) as string[])],
        Number(other.id),
        'published-overlap',
        `"${title}" was just published and also changes ${both.join(', ')}. "${other.title}" will be brought up to date with it before it is published.`,
      );
    }
  }

  // --- Comments ---

  async comment(user: ReviewUser, id: number, input: { body?: unknown; path?: unknown; blockIndex?: unknown; parentId?: unknown }): Promise<Comment> {
    const row = await this.#openRow(id);
    const body = text(input.body, 'comment', MAX_TEXT);
    let values: Pick<ReviewCommentsTable, 'parent_id' | 'path' | 'block_index' | 'block_hash' | 'block_text' | 'anchor_hash' | 'anchor_likeness'> = {
      parent_id: null,
      path: null,
      block_index: null,
      block_hash: null,
      block_text: null,
      anchor_hash: null,
      anchor_likeness: null,
    };
    if (input.parentId !== undefined && input.parentId !== null) {
      if (!Number.isInteger(input.parentId)) throw new HttpError(400, 'parentId must be a comment number');
      const parent = await this.#db.selectFrom('review_comments').selectAll().where('id', '=', input.parentId as number).where('request_id', '=', id).executeTakeFirst();
      if (!parent) throw new HttpError(404, 'No such comment to reply to.');
      const root = parent.parent_id ?? Number(parent.id);
      values = { ...values, parent_id: root };
    } else if (input.path !== undefined && input.path !== null) {
      if (typeof input.path !== 'string') throw new HttpError(400, 'path must be text');
      validateSitePath(input.path);
      const rel = input.path;
      const pageText = await this.fileAt(`refs/heads/${row.branch}`, rel);
      if (pageText === null) throw new HttpError(404, `${rel} is not in this change set.`);
      values = { ...values, path: rel };
      if (input.blockIndex !== undefined && input.blockIndex !== null) {
        const index = Number(input.blockIndex);
        const blocks = pageBlocks(pageText);
        if (!Number.isInteger(index) || !blocks[index]) throw new HttpError(400, `The page has no block ${String(input.blockIndex)}.`);
        const block = blocks[index]!;
        values = { ...values, block_index: index, block_hash: block.hash, block_text: block.text.slice(0, 200), anchor_hash: block.hash, anchor_likeness: block.likeness.slice(0, MAX_LIKENESS) };
      }
    }
    const inserted = await this.#db
      .insertInto('review_comments')
      .values({ ...values, request_id: id, author_email: user.email, author_name: user.name, body, outdated: 0, resolved: 0, resolved_by: null, created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.#db.updateTable('review_requests').set({ updated_at: now() }).where('id', '=', id).execute();
    const where = values.path ? ` on ${values.path}` : '';
    await this.#notify(this.#others(row, user), id, 'comment', `${user.name} commented${where} in "${row.title}":\n\n${body}`);
    return (await this.comments(id)).find((c) => c.id === Number(inserted.id))!;
  }

  async resolve(user: ReviewUser, id: number, commentId: number, resolved = true): Promise<Comment> {
    const row = await this.#row(id);
    const c = await this.#db.selectFrom('review_comments').selectAll().where('id', '=', commentId).where('request_id', '=', id).executeTakeFirst();
    if (!c) throw new HttpError(404, 'No such comment.');
    const mine = (email: string) => email.toLowerCase() === user.email.toLowerCase();
    if (user.role !== 'admin' && !mine(row.requester_email) && !mine(c.author_email)) {
      throw new HttpError(403, 'Only the requester, the comment\'s author or an admin may resolve it.');
    }
    if (c.parent_id !== null) throw new HttpError(400, 'Resolve the thread, not a reply.');
    await this.#db
      .updateTable('review_comments')
      .set({ resolved: resolved ? 1 : 0, resolved_by: resolved ? user.email : null })
      .where('id', '=', commentId)
      .execute();
    return (await this.comments(id)).find((x) => x.id === commentId)!;
  }

  /**
   * The request's comments, block threads re-anchored to the page as the change set has it now:
   * moved with their block, following it when it was edited a little, or marked outdated when no
   * block like it is left (an outdated thread comes back only if its block does, as it was).
   */
  async comments(id: number): Promise<Comment[]> {
    const row = await this.#row(id);
    const rev = row.published_commit ?? `refs/heads/${row.branch}`;
    const rows = await this.#db.selectFrom('review_comments').selectAll().where('request_id', '=', id).orderBy('id').execute();
    const blocksOf = new Map<string, PageBlock[] | null>();
    for (const c of rows) {
      if (c.path === null || c.block_index === null || c.block_hash === null) continue;
      if (!blocksOf.has(c.path)) {
        const t = await this.fileAt(rev, c.path);
        blocksOf.set(c.path, t === null ? null : pageBlocks(t));
      }
      const blocks = blocksOf.get(c.path);
      const outdated = Boolean(Number(c.outdated));
      const anchor = { index: Number(c.block_index), hash: c.anchor_hash ?? c.block_hash, likeness: c.anchor_likeness ?? c.block_text ?? '' };
      const where = blocks ? reanchor(blocks, anchor, !outdated) : ({ state: 'outdated' } as const);
      let change: Partial<Pick<ReviewCommentsTable, 'block_index' | 'outdated' | 'anchor_hash' | 'anchor_likeness'>> = {};
      if (where.state === 'moved') change = { block_index: where.index, outdated: 0 };
      else if (where.state === 'edited') change = { block_index: where.index, anchor_hash: where.block.hash, anchor_likeness: where.block.likeness.slice(0, MAX_LIKENESS) };
      else if (where.state === 'outdated' && !outdated) change = { outdated: 1 };
      else if (where.state === 'same' && outdated) change = { outdated: 0 };
      if (Object.keys(change).length === 0) continue;
      Object.assign(c, change);
      await this.#db.updateTable('review_comments').set(change).where('id', '=', c.id).execute();
    }
    return rows.map((c) => ({
      id: Number(c.id),
      parentId: c.parent_id === null ? null : Number(c.parent_id),
      author: { email: c.author_email, name: c.author_name },
      body: c.body,
      path: c.path,
      blockIndex: c.block_index === null ? null : Number(c.block_index),
      blockText: c.block_text,
      blockEdited: c.block_hash !== null && c.anchor_hash !== null && c.anchor_hash !== c.block_hash,
      outdated: Boolean(Number(c.outdated)),
      resolved: Boolean(Number(c.resolved)),
      resolvedBy: c.resolved_by,
      createdAt: c.created_at,
    }));
  }

  /**
   * The review threads on one page of `user`'s own change set, while it is under review (null
   * otherwise), with the page's blocks as the change set has them: what the editing canvas puts its
   * markers beside.
   */
  async threadsOnPage(user: ReviewUser, rel: string): Promise<PageThreads | null> {
    validateSitePath(rel);
    const cs = this.repo.list().find((c) => c.owner.id === user.id);
    if (!cs) return null;
    const row = await this.#db
      .selectFrom('review_requests')
      .select(['id', 'branch'])
      .where('change_set_id', '=', cs.id)
      .where('state', 'not in', ['published', 'closed'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!row) return null;
    const id = Number(row.id);
    const [request, all, text] = await Promise.all([this.get(id), this.comments(id), this.fileAt(`refs/heads/${row.branch}`, rel)]);
    const roots = new Set(all.filter((c) => c.parentId === null && c.path === rel).map((c) => c.id));
    return {
      request: { id, title: request.title, state: request.state },
      blocks: text === null ? [] : pageBlocks(text).map((b) => b.text),
      comments: all.filter((c) => roots.has(c.id) || (c.parentId !== null && roots.has(c.parentId))),
    };
  }

  // --- Share links ---

  async createShareLink(user: ReviewUser, id: number, daysIn?: unknown): Promise<{ id: number; url: string; expiresAt: string }> {
    const row = await this.#openRow(id);
    if (user.role !== 'admin' && user.id !== row.requester_id) throw new HttpError(403, 'Only the requester or an admin may share this request.');
    const days = daysIn === undefined || daysIn === null ? SHARE_LINK_DAYS : Number(daysIn);
    if (!Number.isFinite(days) || days <= 0 || days > MAX_SHARE_LINK_DAYS) throw new HttpError(400, `A share link lasts from 1 to ${MAX_SHARE_LINK_DAYS} days.`);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
    const inserted = await this.#db
      .insertInto('share_links')
      .values({ request_id: id, token_hash: tokenHash(token), created_by: user.email, created_at: now(), expires_at: expiresAt, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.#opts.audit({ action: 'share-link', actor: user.email, target: row.branch, detail: { request: id, expiresAt } });
    return { id: Number(inserted.id), url: `${this.#opts.publicUrl.replace(/\/+$/, '')}/share/${token}/`, expiresAt };
  }

  async shareLinks(id: number): Promise<ShareLinkInfo[]> {
    const rows = await this.#db.selectFrom('share_links').select(['id', 'created_by', 'created_at', 'expires_at', 'revoked_at']).where('request_id', '=', id).orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at }));
  }

  async revokeShareLink(user: ReviewUser, id: number, linkId: number): Promise<void> {
    const row = await this.#row(id);
    if (user.role !== 'admin' && user.id !== row.requester_id) throw new HttpError(403, 'Only the requester or an admin may revoke this link.');
    const r = await this.#db.updateTable('share_links').set({ revoked_at: now() }).where('id', '=', linkId).where('request_id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new HttpError(404, 'No such share link, or it is already revoked.');
    await this.#opts.audit({ action: 'share-link-revoke', actor: user.email, target: row.branch, detail: { request: id, link: linkId } });
  }

  async #revokeAllLinks(id: number): Promise<void> {
    await this.#db.updateTable('share_links').set({ revoked_at: now() }).where('request_id', '=', id).where('revoked_at', 'is', null).execute();
  }

  /** The branch a share token opens, or null when the token is unknown, revoked or expired. */
  async shareTarget(token: string): Promise<{ requestId: number; branch: string } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const link = await this.#db.selectFrom('share_links').selectAll().where('token_hash', '=', tokenHash(token)).executeTakeFirst();
    if (!link || link.revoked_at !== null || Date.parse(link.expires_at) <= Date.now()) return null;
    const row = await this.#db.selectFrom('review_requests').select(['branch', 'state']).where('id', '=', link.request_id).executeTakeFirst();
    if (!row || row.state === 'published' || row.state === 'closed') return null;
    return { requestId: Number(link.request_id), branch: row.branch };
  }

  // --- Notifications ---

  #others(row: { requester_email: string; reviewers: string }, user: ReviewUser): string[] {
    return [row.requester_email, ...(JSON.parse(row.reviewers) as string[])].filter((e) => e.toLowerCase() !== user.email.toLowerCase());
  }

  /** A notification in the app and an email for each recipient; a mail server that fails does not undo the action. */
  async #notify(recipients: string[], requestId: number, kind: string, message: string): Promise<void> {
    const unique = [...new Set(recipients.map((r) => r.toLowerCase()))];
    const link = `${this.#opts.publicUrl.replace(/\/+$/, '')}/#/review/${requestId}`;
    for (const to of unique) {
      await this.#db.insertInto('notifications').values({ recipient_email: to, request_id: requestId, kind, message, created_at: now(), read_at: null }).execute();
      // Not awaited: a slow mail server must not hold up a decision or a publish that is already made.
      void this.#opts.mail
        .send({ to, subject: `Review: ${message.split('\n')[0]!.slice(0, 150)}`, text: `${message}\n\nOpen the review: ${link}\n` })
        .catch((err: unknown) => console.error('[review] could not send a notification:', err instanceof Error ? err.message : 'unknown error'));
    }
  }

  async notifications(user: ReviewUser): Promise<NotificationInfo[]> {
    const rows = await this.#db
      .selectFrom('notifications')
      .selectAll()
      .where('recipient_email', '=', user.email.toLowerCase())
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
    return rows.map((n) => ({ id: Number(n.id), requestId: n.request_id === null ? null : Number(n.request_id), kind: n.kind, message: n.message, createdAt: n.created_at, read: n.read_at !== null }));
  }

  async markRead(user: ReviewUser, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#db
      .updateTable('notifications')
      .set({ read_at: now() })
      .where('recipient_email', '=', user.email.toLowerCase())
      .where('id', 'in', ids)
      .where('read_at', 'is', null)
      .execute();
  }
}

/** Each reviewer's last word. */
function latestPerReviewer(decisions: Decision[]): Decision[] {
  const by = new Map<string, Decision>();
  for (const d of decisions) by.set(d.reviewer.email.toLowerCase(), d);
  return [...by.values()];
}
