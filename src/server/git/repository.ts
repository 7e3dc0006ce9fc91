/**
 * The site's git repository in team mode. Every editor works in a change set of their own: a branch
 * `edit/<name>/<id>` checked out in a git worktree under `<dataDir>/worktrees/`, so saves never touch
 * the folder anyone else reads. Every save is one commit authored by the editor. The published
 * branch is only ever read (merged from), never written. Git work that changes worktrees (making
 * change sets, merges) runs one step at a time per repository (one write queue); a save's commit is
 * written by the server itself and its branch moved by one long-lived update-ref process, which
 * takes the moves in order; file writes run in parallel in their own worktrees.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, realpath, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { atomicWriteFile, isTempName } from '../atomicWrite.ts';
import { errnoCode, HttpError } from '../errors.ts';
import { isInside, validateSitePath } from '../paths.ts';
import { PathQueue } from '../pathQueue.ts';
import { git, GitError, splitZ } from './git.ts';
import {
  commitBody,
  EXECUTABLE_MODE,
  FILE_MODE,
  findTreeEntry,
  identLine,
  identWrittenAsIs,
  isTreeMode,
  TREE_MODE,
  treeOfCommit,
  withTreeEntry,
  writeLooseObject,
} from './gitObjects.ts';
import { ObjectReader } from './objectReader.ts';
import { RefUpdater } from './refUpdater.ts';

/** The signed-in person a change set belongs to. */
export interface Editor {
  id: string;
  name: string;
  email: string;
}

export type Choice = 'mine' | 'theirs';

export interface PendingConflicts {
  /** The published commit the change set is being brought up to. */
  theirs: string;
  /** Pages changed on both sides. */
  paths: string[];
  choices: Record<string, Choice>;
}

export interface ChangeSet {
  id: string;
  owner: Editor;
  branch: string;
  /** The change set's worktree. */
  dir: string;
  createdAt: string;
  conflicts?: PendingConflicts;
}

export type UpdateResult =
  | { state: 'up-to-date' }
  | { state: 'merged'; commit: string }
  | { state: 'conflicts'; paths: string[] };

export interface OpenSiteRepositoryOptions {
  /** The site's git working copy (its checked-out branch is left alone). */
  siteDir: string;
  /** The server's own state: worktrees, the change set registry, the lock. Outside the site. */
  dataDir: string;
  /** Default: the branch checked out in siteDir. */
  publishedBranch?: string;
  /** For tests: sees every git child process as it starts. */
  onGitSpawn?: (args: readonly string[], pid: number | undefined) => void;
}

const REGISTRY = 'changesets.json';
/** How long a change set's saves pause before its worktree index is brought level (see #syncIndexSoon). */
const INDEX_SYNC_DELAY_MS = 5000;
const LOCK = 'server.pid';

/** Lowercase ASCII words joined by `-`, for branch names. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Name and email go into commit headers: refuse anything that could break or forge a header. */
export function checkEditor(user: Editor): Editor {
  const ok = (s: unknown, max: number) => typeof s === 'string' && s.trim() !== '' && s.length <= max && !/[\u0000-\u001f\u007f<>]/.test(s);
  if (!ok(user.id, 200)) throw new HttpError(400, 'the user id is not usable');
  if (!ok(user.name, 200)) throw new HttpError(400, 'the user name is not usable in a commit');
  if (!ok(user.email, 320) || !/^[^@\s]+@[^@\s]+$/.test(user.email)) throw new HttpError(400, 'the user email is not usable in a commit');
  return { id: user.id, name: user.name.trim(), email: user.email.trim() };
}

function authorEnv(user: Editor): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: user.name,
    GIT_AUTHOR_EMAIL: user.email,
    GIT_COMMITTER_NAME: user.name,
    GIT_COMMITTER_EMAIL: user.email,
  };
}

/** A commit message line: no control characters, bounded length. */
function messageLine(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM';
  }
}

async function acquireLock(dataDir: string): Promise<string> {
  const file = path.join(dataDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return file;
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw err;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) {
        throw new Error(`another server (process ${pid}) is using the data folder ${dataDir}; stop it first`);
      }
      await unlink(file).catch(() => {}); // left by a server that is gone
    }
  }
  throw new Error(`could not lock the data folder ${dataDir}`);
}

export async function openSiteRepository(opts: OpenSiteRepositoryOptions): Promise<SiteRepository> {
  let siteDir: string;
  try {
    siteDir = await realpath(opts.siteDir);
  } catch {
    throw new Error(`the site folder ${opts.siteDir} does not exist`);
  }
  const notRepo = `${opts.siteDir} is not a git working copy. Make it one with: cd "${opts.siteDir}" && git init && git add -A && git commit -m "Site as it was"`;
  let top: string;
  try {
    top = (await git(siteDir, ['rev-parse', '--show-toplevel'])).stdout.trim();
  } catch {
    throw new Error(notRepo);
  }
  if ((await realpath(top)) !== siteDir) throw new Error(`${notRepo} (it is inside the repository ${top}; open that folder instead)`);
  const commonDir = path.resolve(siteDir, (await git(siteDir, ['rev-parse', '--git-common-dir'])).stdout.trim());

  await mkdir(opts.dataDir, { recursive: true });
  const dataDir = await realpath(opts.dataDir);
  if (isInside(siteDir, dataDir)) throw new Error('the data folder must be outside the site folder (it is never committed)');

  let published = opts.publishedBranch;
  if (!published) {
    try {
      published = (await git(siteDir, ['symbolic-ref', '--short', 'HEAD'])).stdout.trim();
    } catch {
      throw new Error('the site folder has no branch checked out; name the published branch');
    }
  }
  await assertBranchName(siteDir, published);
  if (published.startsWith('edit/')) throw new Error('the published branch cannot be a change set branch');
  try {
    await git(siteDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${published}`]);
  } catch {
    throw new Error(`the site repository has no branch ${published}`);
  }

  const writing = await objectWriting(siteDir, commonDir);
  const lockFile = await acquireLock(dataDir);
  const repo = new SiteRepository(siteDir, commonDir, dataDir, published, lockFile, writing, opts.onGitSpawn);
  try {
    await repo.recover();
  } catch (err) {
    await repo.close();
    throw err;
  }
  return repo;
}

/** How saves may write git objects themselves; null when git must (see `objectWriting`). */
interface ObjectWriting {
  /** core.fileMode: the executable bit of a file says its mode. */
  fileMode: boolean;
}

/**
 * Whether the server may write a save's objects itself rather than through git: only in a SHA-1
 * repository whose files git stores as they are. Attributes (a global or repository attributes file;
 * `.gitattributes` in the site is checked on each save) can ask git to convert files as it stores
 * them (line endings, LFS), and a shared repository wants other permissions: git does those.
 */
async function objectWriting(siteDir: string, commonDir: string): Promise<ObjectWriting | null> {
  const format = (await git(siteDir, ['rev-parse', '--show-object-format'])).stdout.trim();
  if (format !== 'sha1') return null;
  const config = new Map<string, string>();
  for (const item of splitZ((await git(siteDir, ['config', '-z', '--list'])).stdout)) {
    const nl = item.indexOf('\n');
    config.set((nl < 0 ? item : item.slice(0, nl)).toLowerCase(), nl < 0 ? 'true' : item.slice(nl + 1));
  }
  if (config.has('core.attributesfile') || config.has('core.sharedrepository')) return null;
  const xdg = process.env['XDG_CONFIG_HOME'] || path.join(homedir(), '.config');
  if (existsSync(path.join(commonDir, 'info', 'attributes')) || existsSync(path.join(xdg, 'git', 'attributes'))) return null;
  return { fileMode: !/^(false|no|off|0)$/i.test(config.get('core.filemode') ?? 'true') };
}

/** A save the server does not write itself: git does it (see `objectWriting`). */
class LeaveToGit extends Error {}

async function assertBranchName(cwd: string, name: string): Promise<void> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(name)) throw new Error(`${name} is not a usable branch name`);
  try {
    await git(cwd, ['check-ref-format', '--branch', name]);
  } catch {
    throw new Error(`${name} is not a usable branch name`);
  }
}

export class SiteRepository {
  readonly siteDir: string;
  readonly dataDir: string;
  readonly publishedBranch: string;
  readonly #commonDir: string;
  readonly #lockFile: string;
  readonly #onGitSpawn: OpenSiteRepositoryOptions['onGitSpawn'];
  /** One write queue per repository: every git step that writes runs alone. */
  readonly #queue = new PathQueue();
  readonly #perChangeSet = new PathQueue();
  #changeSets: ChangeSet[] = [];
  #closed = false;
  readonly #commitListeners = new Set<(cs: ChangeSet, commit: string) => void>();
  readonly #writing: ObjectWriting | null;
  readonly #objects: ObjectReader;
  readonly #refs: RefUpdater;
  /** Each change set's branch tip and its tree, as this server last committed or read it. */
  readonly #tips = new Map<string, { commit: string; tree: string }>();
  /** Change sets whose worktree index lags their branch (commits made without it). */
  readonly #indexBehind = new Set<string>();
  /** Per change set: the index is brought level once its saves pause (see #syncIndexSoon). */
  readonly #indexTimers = new Map<string, NodeJS.Timeout>();
  /** Paths of a change set written but whose commit failed: the next commit takes them too. */
  readonly #uncommitted = new Map<string, Set<string>>();
  /** Trees read or written lately, by id (git's encoding); the oldest go first. */
  readonly #trees = new Map<string, Buffer>();

  constructor(
    siteDir: string,
    commonDir: string,
    dataDir: string,
    published: string,
    lockFile: string,
    writing: ObjectWriting | null,
    onGitSpawn?: OpenSiteRepositoryOptions['onGitSpawn'],
  ) {
    this.siteDir = siteDir;
    this.#commonDir = commonDir;
    this.dataDir = dataDir;
    this.publishedBranch = published;
    this.#lockFile = lockFile;
    this.#writing = writing;
    this.#onGitSpawn = onGitSpawn;
    this.#objects = new ObjectReader(siteDir, onGitSpawn);
    this.#refs = new RefUpdater(siteDir, 'commit: a save in the editor', onGitSpawn);
  }

  get worktreesDir(): string {
    return path.join(this.dataDir, 'worktrees');
  }

  #git(cwd: string, args: readonly string[], opts: { env?: Record<string, string>; okCodes?: number[] } = {}) {
    return git(cwd, args, { ...opts, onSpawn: this.#onGitSpawn ? (pid) => this.#onGitSpawn!(args, pid) : undefined });
  }

  /** One step at a time within a change set (its worktree and index). */
  #inChangeSet<T>(cs: ChangeSet, fn: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('the repository is closed'));
    return this.#perChangeSet.run(cs.id, fn);
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.#queue.run('repo', fn);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#indexTimers.values()) clearTimeout(timer);
    // Let the commits already under way finish.
    while (this.#perChangeSet.size > 0) await new Promise((r) => setTimeout(r, 10));
    await this.#queue.run('repo', async () => {});
    this.#objects.close();
    this.#refs.close();
    await unlink(this.#lockFile).catch(() => {});
  }

  async #saveRegistry(): Promise<void> {
    await atomicWriteFile(path.join(this.dataDir, REGISTRY), `${JSON.stringify({ version: 1, changeSets: this.#changeSets }, null, 2)}\n`);
  }

  async #loadRegistry(): Promise<void> {
    let text: string;
    try {
      text = await readFile(path.join(this.dataDir, REGISTRY), 'utf8');
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return;
      throw err;
    }
    const data = JSON.parse(text) as { changeSets?: ChangeSet[] };
    this.#changeSets = (data.changeSets ?? []).filter(
      (cs) => cs && typeof cs.branch === 'string' && cs.branch.startsWith('edit/') && typeof cs.dir === 'string' && isInside(this.worktreesDir, cs.dir),
    );
  }

  /** Published branch's current commit. */
  async publishedTip(): Promise<string> {
    return (await this.#git(this.siteDir, ['rev-parse', '--verify', `refs/heads/${this.publishedBranch}^{commit}`])).stdout.trim();
  }

  /**
   * Puts the repository back into a consistent state after a server stopped mid-way: stale lock
   * files of our worktrees and branches, worktrees half made or gone, an unfinished merge, and
   * files written but not yet committed (committed now, as the change set's owner).
   */
  async recover(): Promise<void> {
    await this.#serial(async () => {
      await this.#loadRegistry();
      await mkdir(this.worktreesDir, { recursive: true });
      // Only this server writes our worktrees and edit/ branches, and we hold the data folder's lock.
      await removeLocks(path.join(this.#commonDir, 'refs', 'heads', 'edit'));
      const admin = path.join(this.#commonDir, 'worktrees');
      for (const name of await readdir(admin).catch(() => [] as string[])) {
        const gitdir = await readFile(path.join(admin, name, 'gitdir'), 'utf8').catch(() => '');
        if (gitdir && isInside(this.worktreesDir, path.dirname(gitdir.trim()))) {
          await unlink(path.join(admin, name, 'index.lock')).catch(() => {});
        }
      }
      const known = new Set(this.#changeSets.map((cs) => path.basename(cs.dir)));
      for (const name of await readdir(this.worktreesDir)) {
        if (!known.has(name)) await rm(path.join(this.worktreesDir, name), { recursive: true, force: true });
      }
      await this.#git(this.siteDir, ['worktree', 'prune']);
      for (const cs of this.#changeSets) {
        if (!(await this.#worktreeHealthy(cs))) {
          await rm(cs.dir, { recursive: true, force: true });
          await this.#git(this.siteDir, ['worktree', 'prune']);
          await this.#addWorktree(cs.branch, cs.dir);
          continue;
        }
        if (existsSync(path.join(await this.#gitDirOf(cs), 'MERGE_HEAD'))) await this.#git(cs.dir, ['merge', '--abort']).catch(() => {});
        await this.#commitLeftovers(cs);
      }
      await this.#saveRegistry();
    });
  }

  async #gitDirOf(cs: ChangeSet): Promise<string> {
    return path.resolve(cs.dir, (await this.#git(cs.dir, ['rev-parse', '--git-dir'])).stdout.trim());
  }

  async #worktreeHealthy(cs: ChangeSet): Promise<boolean> {
    try {
      if (!(await stat(path.join(cs.dir, '.git'))).isFile()) return false;
      const head = (await this.#git(cs.dir, ['symbolic-ref', 'HEAD'])).stdout.trim();
      const top = (await this.#git(cs.dir, ['rev-parse', '--show-toplevel'])).stdout.trim();
      return head === `refs/heads/${cs.branch}` && (await realpath(top)) === cs.dir;
    } catch {
      return false;
    }
  }

  async #commitLeftovers(cs: ChangeSet): Promise<void> {
    // The last server may have committed without the worktree's index: bring it level first, so that
    // only what was written and never committed shows as changed.
    this.#indexBehind.add(cs.id);
    await this.#syncIndex(cs);
    // Temp files of writes that never finished: the page itself still holds its old bytes.
    const all = await this.#git(cs.dir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']);
    for (const entry of splitZ(all.stdout)) {
      const rel = entry.slice(3);
      if (entry.startsWith('??') && isTempName(path.posix.basename(rel))) await unlink(path.join(cs.dir, ...rel.split('/'))).catch(() => {});
    }
    const changed = await this.#changedPaths(cs.dir, []);
    if (changed.length === 0) return;
    await this.#commitPaths(cs, changed, `Recover changes saved before a restart: ${changed.join(', ')}`, cs.owner);
  }

  /** Makes the branch (from the published branch) when missing, and checks it out in `dir`. */
  async #addWorktree(branch: string, dir: string): Promise<void> {
    const exists = await this.#git(this.siteDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { okCodes: [1] });
    if (exists.exitCode === 0) await this.#git(this.siteDir, ['worktree', 'add', '--quiet', '--', dir, branch]);
    else await this.#git(this.siteDir, ['worktree', 'add', '--quiet', '-b', branch, '--', dir, `refs/heads/${this.publishedBranch}`]);
  }

  /** Every change set (a copy). */
  list(): ChangeSet[] {
    return this.#changeSets.map((cs) => structuredClone(cs));
  }

  /** The open change set of `user`, made on first use. */
  async changeSetFor(userIn: Editor): Promise<ChangeSet> {
    const user = checkEditor(userIn);
    if (this.#closed) throw new Error('the repository is closed');
    const found = this.#changeSets.find((cs) => cs.owner.id === user.id);
    if (found) return found;
    return this.#serial(async () => {
      const again = this.#changeSets.find((cs) => cs.owner.id === user.id);
      if (again) return again;
      const idSlug = slugify(user.id, createHash('sha256').update(user.id).digest('hex').slice(0, 12));
      let branch = `edit/${slugify(user.name, 'editor')}/${idSlug}`;
      // Two people whose slugs collide get a hashed suffix rather than sharing a branch.
      if (this.#changeSets.some((cs) => cs.branch === branch)) branch += `-${createHash('sha256').update(user.id).digest('hex').slice(0, 8)}`;
      await assertBranchName(this.siteDir, branch);
      const dir = path.join(this.worktreesDir, createHash('sha256').update(branch).digest('hex').slice(0, 16));
      await rm(dir, { recursive: true, force: true });
      await this.#git(this.siteDir, ['worktree', 'prune']);
      await this.#addWorktree(branch, dir);
      const cs: ChangeSet = { id: path.basename(dir), owner: user, branch, dir, createdAt: new Date().toISOString() };
      this.#changeSets.push(cs);
      await this.#saveRegistry();
      return cs;
    });
  }

  /** Paths (site-relative) among `paths` (all when empty) that differ from the change set's last commit. */
  async #changedPaths(dir: string, paths: string[]): Promise<string[]> {
    const out = await this.#git(dir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...(paths.length ? paths : ['.'])]);
    const changed: string[] = [];
    for (const entry of splitZ(out.stdout)) {
      const rel = entry.slice(3);
      if (isTempName(path.posix.basename(rel))) continue; // a write still in progress
      changed.push(rel);
    }
    return changed;
  }

  async #commitPaths(cs: ChangeSet, paths: string[], message: string, author: Editor): Promise<void> {
    this.#tips.delete(cs.id);
    await this.#git(cs.dir, ['add', '-A', '--', ...paths]);
    await this.#git(cs.dir, ['commit', '--quiet', '--no-verify', '-m', messageLine(message), '--', ...paths], { env: authorEnv(author) });
  }

  /**
   * Commits what changed among `paths` in the change set's worktree, as one commit by `author`.
   * The server writes the commit's objects itself (the pages' blobs, the trees on their way to the
   * root, the commit) from the change set's last tree, which it keeps, so a save starts no git process.
   * The branch moves through the repository's one update-ref process, only if it is still where the
   * commit started from; git locks each branch, so merges of other change sets run meanwhile. Where git must store the files itself (attributes, links,
   * identities git would alter) the commit is made with plumbing in the change set's own index.
   * Returns false when nothing had changed.
   */
  async commit(cs: ChangeSet, paths: string[], summary: string, author: Editor): Promise<boolean> {
    for (const p of paths) validateSitePath(p);
    const who = checkEditor(author);
    if (paths.length === 0) return false;
    return this.#inChangeSet(cs, async () => {
      // Pages written before whose commit failed go with this one: nothing saved is left out.
      // Only once: a path whose commit keeps failing must not hold up every later save.
      const earlier = [...(this.#uncommitted.get(cs.id) ?? [])].filter((p) => !paths.includes(p));
      this.#uncommitted.delete(cs.id);
      const all = [...new Set([...paths, ...earlier])];
      const message = messageLine(earlier.length ? `${summary} (and ${earlier.join(', ')})` : summary);
      let committed: boolean;
      try {
        committed = (await this.#commitObjects(cs, all, message, who)) ?? (await this.#commitWithIndex(cs, all, message, who));
      } catch (err) {
        this.#tips.delete(cs.id);
        this.#uncommitted.set(cs.id, new Set(paths));
        throw err;
      }
      const tip = this.#tips.get(cs.id);
      if (committed && tip) this.#tellCommitListeners(cs, tip.commit);
      return committed;
    });
  }

  #tellCommitListeners(cs: ChangeSet, commit: string): void {
    for (const listener of this.#commitListeners) {
      try {
        listener(cs, commit);
      } catch (err) {
        console.error('[repository] a commit listener failed:', err instanceof Error ? err.message : 'unknown error');
      }
    }
  }

  /** Calls `listener` after each save committed to a change set; returns how to stop. */
  onCommit(listener: (cs: ChangeSet, commit: string) => void): () => void {
    this.#commitListeners.add(listener);
    return () => void this.#commitListeners.delete(listener);
  }

  /** The commit made with git's plumbing in the change set's index (stage, write the tree, commit). */
  async #commitWithIndex(cs: ChangeSet, paths: string[], message: string, who: Editor): Promise<boolean> {
    await this.#syncIndex(cs);
    // --remove: a path gone from the worktree (a delete, a rename's old name) leaves the index too.
    await this.#git(cs.dir, ['update-index', '--add', '--remove', '--', ...paths]);
    const tree = (await this.#git(cs.dir, ['write-tree'])).stdout.trim();
    const [head, headTree] = (await this.#git(cs.dir, ['rev-parse', 'HEAD', 'HEAD^{tree}'])).stdout.trim().split('\n');
    if (tree === headTree) return false;
    const commit = (await this.#git(cs.dir, ['commit-tree', tree, '-p', head!, '-m', message], { env: authorEnv(who) })).stdout.trim();
    await this.#serial(() => this.#git(cs.dir, ['update-ref', '-m', `commit: ${message}`, `refs/heads/${cs.branch}`, commit, head!]));
    this.#tips.set(cs.id, { commit, tree });
    return true;
  }

  /**
   * The commit with objects the server writes itself; null when git must store these files (see
   * `objectWriting`). A branch moved by something else meanwhile is read again and the pages
   * committed on top of it, once.
   */
  async #commitObjects(cs: ChangeSet, paths: string[], message: string, who: Editor): Promise<boolean | null> {
    if (!this.#writing || !identWrittenAsIs(who.name) || !identWrittenAsIs(who.email)) return null;
    try {
      const files: { names: Buffer[]; blob: { mode: string; id: string } | null }[] = [];
      for (const rel of paths) {
        const parts = rel.split('/');
        if (parts.includes('.gitattributes')) return null;
        files.push({ names: parts.map((p) => Buffer.from(p, 'utf8')), blob: await this.#storeFile(path.join(cs.dir, ...parts)) });
      }
      for (let attempt = 0; ; attempt++) {
        const tip = this.#tips.get(cs.id) ?? (await this.#readTip(cs));
        let tree = tip.tree;
        for (const f of files) tree = (await this.#editTree(tree, f.names, f.blob)) ?? (await this.#writeTree(Buffer.alloc(0)));
        if (tree === tip.tree) {
          this.#tips.set(cs.id, tip);
          return false;
        }
        const body = commitBody({ tree, parents: [tip.commit], ident: identLine(who.name, who.email), message });
        const commit = await writeLooseObject(this.#objectsDir, 'commit', body);
        this.#tips.delete(cs.id);
        try {
          // The update-ref process takes branch moves one at a time, in order: a save waits for other
          // saves' moves, never for a merge of another change set in the write queue.
          await this.#refs.update(`refs/heads/${cs.branch}`, commit, tip.commit);
        } catch (err) {
          const now = await this.#readTip(cs);
          if (now.commit !== commit) {
            // Moved by something else meanwhile: commit on top of where it is now, once.
            if (attempt > 0 || now.commit === tip.commit) throw err;
            this.#tips.set(cs.id, now);
            continue;
          }
        }
        this.#tips.set(cs.id, { commit, tree });
        this.#indexBehind.add(cs.id);
        this.#syncIndexSoon(cs);
        return true;
      }
    } catch (err) {
      if (err instanceof LeaveToGit) return null;
      throw err;
    }
  }

  get #objectsDir(): string {
    return path.join(this.#commonDir, 'objects');
  }

  /** Stores a worktree file as a blob: its mode and id, or null when it is gone. */
  async #storeFile(file: string): Promise<{ mode: string; id: string } | null> {
    let st;
    try {
      st = await lstat(file);
    } catch (err) {
      if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return null;
      throw err;
    }
    if (!st.isFile()) throw new LeaveToGit(); // a link or a folder: git knows how it stores those
    const id = await writeLooseObject(this.#objectsDir, 'blob', await readFile(file));
    // Without core.fileMode the tree keeps the mode it had (see #editTree); 100644 stands for "as before".
    return { mode: this.#writing!.fileMode && st.mode & 0o100 ? EXECUTABLE_MODE : FILE_MODE, id };
  }

  /** The branch's tip and tree as the repository has them now. */
  async #readTip(cs: ChangeSet): Promise<{ commit: string; tree: string }> {
    const found = await this.#objects.read(`refs/heads/${cs.branch}`);
    if (!found || found.type !== 'commit') throw new Error(`the branch ${cs.branch} is missing`);
    return { commit: found.id, tree: treeOfCommit(found.body) };
  }

  async #tree(id: string): Promise<Buffer> {
    const cached = this.#trees.get(id);
    if (cached) {
      this.#trees.delete(id);
      this.#trees.set(id, cached);
      return cached;
    }
    const found = await this.#objects.read(id);
    if (!found || found.type !== 'tree') throw new Error(`tree ${id} is missing`);
    this.#remember(id, found.body);
    return found.body;
  }

  #remember(id: string, tree: Buffer): void {
    this.#trees.set(id, tree);
    // A few trees per change set on the way to its pages: enough for a busy team; about 11 MB at most
    // with folders of 2,000 pages (a tree takes some 44 bytes an entry).
    while (this.#trees.size > 128) this.#trees.delete(this.#trees.keys().next().value!);
  }

  async #writeTree(tree: Buffer): Promise<string> {
    const id = await writeLooseObject(this.#objectsDir, 'tree', tree);
    this.#remember(id, tree);
    return id;
  }

  /**
   * The tree `treeId` (none: empty) with the file at `names` set to `blob` or removed, its new trees
   * written; null when the tree ends up empty (git keeps no empty folders).
   */
  async #editTree(treeId: string | null, names: Buffer[], blob: { mode: string; id: string } | null): Promise<string | null> {
    const tree = treeId ? await this.#tree(treeId) : Buffer.alloc(0);
    if (findTreeEntry(tree, Buffer.from('.gitattributes'))) throw new LeaveToGit();
    const [name, ...rest] = names as [Buffer, ...Buffer[]];
    const old = findTreeEntry(tree, name);
    let entry: { mode: string; id: string } | null;
    if (rest.length > 0) {
      if (old && !isTreeMode(old.mode)) throw new LeaveToGit(); // a file or submodule where a folder is wanted
      const sub = await this.#editTree(old?.id ?? null, rest, blob);
      entry = sub === null ? null : { mode: TREE_MODE, id: sub };
    } else {
      if (old && old.mode !== FILE_MODE && old.mode !== EXECUTABLE_MODE) throw new LeaveToGit(); // a folder, link or submodule
      entry = blob && !this.#writing!.fileMode && old ? { ...blob, mode: old.mode } : blob;
    }
    const changed = withTreeEntry(tree, name, entry);
    if (changed.length === 0) return null;
    if (changed === tree) return treeId;
    return this.#writeTree(changed);
  }

  /**
   * The index is not needed to save, but whoever looks into the worktree with git (or merges there)
   * expects it to match the branch: once the change set's saves pause, bring it level, off any save.
   */
  #syncIndexSoon(cs: ChangeSet): void {
    clearTimeout(this.#indexTimers.get(cs.id));
    const timer = setTimeout(() => {
      this.#indexTimers.delete(cs.id);
      this.#inChangeSet(cs, () => this.#syncIndex(cs)).catch(() => {}); // tried again before any merge
    }, INDEX_SYNC_DELAY_MS);
    timer.unref();
    this.#indexTimers.set(cs.id, timer);
  }

  /** Brings the worktree's index level with its branch when commits were made without it. */
  async #syncIndex(cs: ChangeSet): Promise<void> {
    if (!this.#indexBehind.has(cs.id)) return;
    // What `git reset --mixed` does, without touching refs: the index becomes the branch's tree (keeping
    // what it knew of unchanged files); the worktree is left as it is.
    await this.#git(cs.dir, ['read-tree', '--reset', 'HEAD']);
    this.#indexBehind.delete(cs.id);
  }

  /** Pages the change set changes compared with the published branch. */
  async changedFromPublished(cs: ChangeSet): Promise<string[]> {
    const out = await this.#git(this.siteDir, ['diff', '--name-only', '-z', '--no-renames', `refs/heads/${this.publishedBranch}...refs/heads/${cs.branch}`]);
    return splitZ(out.stdout);
  }

  /**
   * Brings the change set up to the published branch: a merge (a fast-forward when the change set has
   * no commits of its own) when no page changed on both sides; otherwise the pages in conflict are
   * recorded and nothing in the worktree changes until each is resolved.
   */
  bringUpToDate(cs: ChangeSet): Promise<UpdateResult> {
    return this.#inChangeSet(cs, () => this.#bringUpToDate(cs));
  }

  #bringUpToDate(cs: ChangeSet): Promise<UpdateResult> {
    return this.#serial(async () => {
      await this.#syncIndex(cs);
      const theirs = await this.publishedTip();
      const ancestor = await this.#git(cs.dir, ['merge-base', '--is-ancestor', theirs, 'HEAD'], { okCodes: [1] });
      if (ancestor.exitCode === 0) {
        if (cs.conflicts) {
          delete cs.conflicts;
          await this.#saveRegistry();
        }
        return { state: 'up-to-date' };
      }
      const probe = await this.#git(cs.dir, ['merge-tree', '--write-tree', '--name-only', '-z', 'HEAD', theirs], { okCodes: [1] });
      if (probe.exitCode === 1) {
        const fields = splitZ(probe.stdout);
        const paths: string[] = [];
        for (const f of fields.slice(1)) {
          if (f === '') break;
          if (!paths.includes(f)) paths.push(f);
        }
        const choices = cs.conflicts?.theirs === theirs ? cs.conflicts.choices : {};
        cs.conflicts = { theirs, paths, choices: Object.fromEntries(Object.entries(choices).filter(([p]) => paths.includes(p))) };
        await this.#saveRegistry();
        if (paths.every((p) => cs.conflicts!.choices[p])) return this.#mergeWithChoices(cs);
        return { state: 'conflicts', paths };
      }
      await this.#syncIndex(cs);
      this.#tips.delete(cs.id);
      await this.#git(cs.dir, ['merge', '--no-edit', '-m', messageLine(`Bring up to date with ${this.publishedBranch}`), theirs], {
        env: authorEnv(cs.owner),
      });
      delete cs.conflicts;
      await this.#saveRegistry();
      return { state: 'merged', commit: (await this.#git(cs.dir, ['rev-parse', 'HEAD'])).stdout.trim() };
    });
  }

  /** Brings every change set up to date (call when the published branch moved). */
  async ensureUpToDate(): Promise<Map<string, UpdateResult>> {
    const results = new Map<string, UpdateResult>();
    for (const cs of this.#changeSets) results.set(cs.branch, await this.bringUpToDate(cs));
    return results;
  }

  /** Keeps the editor's version ('mine') or the published one ('theirs') of a page in conflict. */
  async resolve(cs: ChangeSet, rel: string, choice: Choice): Promise<UpdateResult> {
    validateSitePath(rel);
    if (choice !== 'mine' && choice !== 'theirs') throw new HttpError(400, 'choice must be "mine" or "theirs"');
    return this.#inChangeSet(cs, async () => {
      await this.#serial(async () => {
        if (!cs.conflicts?.paths.includes(rel)) throw new HttpError(409, `${rel} is not in conflict`);
        cs.conflicts.choices[rel] = choice;
        await this.#saveRegistry();
      });
      return this.#bringUpToDate(cs);
    });
  }

  /** The two sides of a page in conflict (null when that side has no such page), and their common base. */
  async versions(cs: ChangeSet, rel: string): Promise<{ mine: string | null; theirs: string | null; base: string | null }> {
    validateSitePath(rel);
    const theirsRef = cs.conflicts?.theirs ?? `refs/heads/${this.publishedBranch}`;
    const show = async (rev: string) => {
      const r = await this.#git(cs.dir, ['cat-file', '-e', `${rev}:${rel}`], { okCodes: [1, 128] });
      if (r.exitCode !== 0) return null;
      return (await this.#git(cs.dir, ['cat-file', 'blob', `${rev}:${rel}`])).stdout;
    };
    const base = (await this.#git(cs.dir, ['merge-base', 'HEAD', theirsRef], { okCodes: [1] })).stdout.trim();
    return { mine: await show('HEAD'), theirs: await show(theirsRef), base: base ? await show(base) : null };
  }

  /** Runs inside the queue: the merge, with each conflict settled by the editor's choice. */
  async #mergeWithChoices(cs: ChangeSet): Promise<UpdateResult> {
    const pending = cs.conflicts!;
    await this.#syncIndex(cs);
    this.#tips.delete(cs.id);
    const merge = await this.#git(cs.dir, ['merge', '--no-ff', '--no-commit', pending.theirs], { okCodes: [1], env: authorEnv(cs.owner) });
    if (merge.exitCode === 1) {
      const unmerged = splitZ((await this.#git(cs.dir, ['diff', '--name-only', '-z', '--diff-filter=U'])).stdout);
      for (const p of unmerged) {
        const choice = pending.choices[p];
        if (!choice) {
          await this.#git(cs.dir, ['merge', '--abort']);
          throw new HttpError(409, `${p} is in conflict and has no choice yet`);
        }
        const side = choice === 'mine' ? '--ours' : '--theirs';
        const has = await this.#git(cs.dir, ['checkout', side, '--', p], { okCodes: [1] });
        if (has.exitCode === 0) await this.#git(cs.dir, ['add', '--', p]);
        else await this.#git(cs.dir, ['rm', '--quiet', '--force', '--ignore-unmatch', '--', p]);
      }
    }
    const kept = pending.paths.filter((p) => pending.choices[p] === 'mine');
    const taken = pending.paths.filter((p) => pending.choices[p] === 'theirs');
    const parts = [`Bring up to date with ${this.publishedBranch}`];
    if (kept.length) parts.push(`kept mine: ${kept.join(', ')}`);
    if (taken.length) parts.push(`took theirs: ${taken.join(', ')}`);
    await this.#git(cs.dir, ['commit', '--quiet', '--no-verify', '-m', messageLine(parts.join('; '))], { env: authorEnv(cs.owner) });
    delete cs.conflicts;
    await this.#saveRegistry();
    return { state: 'merged', commit: (await this.#git(cs.dir, ['rev-parse', 'HEAD'])).stdout.trim() };
  }
}

async function removeLocks(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await removeLocks(p);
    else if (e.name.endsWith('.lock')) await unlink(p).catch(() => {});
  }
}

export { GitError };
