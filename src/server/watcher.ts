/**
 * The site folder's pages as the server knows them: the page list answered from memory, and the
 * editor told when a page file changed on disk by something other than this server.
 *
 * The first listing (or the first listener) reads every page once; from then on a watch per folder
 * (`FolderWatcher`) says which paths to look at again, and only those are stat-ed and, when their
 * inode, size or mtime moved, read again. A change is confirmed by hashing the file: a file touched
 * with the same bytes is no change, and versions this server wrote itself (announced with `expect`)
 * are not reported. A full scan (stat only, every page) every `intervalMs` catches what a watch can
 * miss (a full kernel queue, a network drive).
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isListedPageFile, skippedInPageList } from '../core/pageRules.ts';
import { resourceCategoryOf, summarisePage, type PageSummary } from '../core/pageSummary.ts';
import { errnoCode } from './errors.ts';
import { etagOf } from './etag.ts';
import { FolderWatcher } from './folderWatcher.ts';
import { walkPageFiles } from './pages.ts';
import { readSiteConfig, resourcesNameOf } from './siteInfo.ts';

export type PageEvent =
  | { type: 'changed'; path: string; etag: string }
  | { type: 'added'; path: string; etag: string }
  | { type: 'removed'; path: string };

interface Known {
  mtimeMs: number;
  size: number;
  ino: number;
  etag: string;
  summary: PageSummary;
}

export interface PageWatcherOptions {
  /** Full scan interval in ms, the safety net behind the folder watches (default 60 000). */
  intervalMs?: number;
}

/** Files read or stat-ed in one go before the event loop gets a turn (a few ms of work). */
const SLICE = 256;
/** Changes reported within this many ms are looked at together (a `git merge` writes many files). */
const SETTLE_MS = 20;
/** How long a path this server wrote is looked at again on each listing, in case its event is late. */
const OWN_WRITE_RECHECK_MS = 10_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class PageWatcher {
  readonly #siteDir: string;
  readonly #interval: number;
  readonly #listeners = new Set<(e: PageEvent) => void>();
  /** Etags this server wrote (or is about to write), per page path. */
  readonly #own = new Map<string, Set<string>>();
  /** Paths this server removed or moved away. */
  readonly #ownRemoved = new Set<string>();
  /** Paths this server wrote or removed lately, with when: looked at again before each listing. */
  readonly #recent = new Map<string, number>();
  /** Paths the folder watches reported, not looked at yet. */
  readonly #pending = new Set<string>();
  #known: Map<string, Known> | null = null;
  #sorted: PageSummary[] | null = null;
  #root: string | null = null;
  #resourcesName: string | null = null;
  #folders: FolderWatcher | null = null;
  #starting: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #settleTimer: NodeJS.Timeout | null = null;
  /** Every look at the files runs in this chain, one at a time. */
  #work: Promise<void> = Promise.resolve();
  #fullScanWanted = false;
  /** Pages read again or forgotten so far (a full scan compares it before and after). */
  #changes = 0;
  #closed = false;

  constructor(siteDir: string, opts: PageWatcherOptions = {}) {
    this.#siteDir = siteDir;
    this.#interval = opts.intervalMs ?? 60_000;
  }

  /** Announces a write by this server, so that it is not reported as a change on disk. */
  expect(rel: string, etag: string): void {
    let set = this.#own.get(rel);
    if (!set) this.#own.set(rel, (set = new Set()));
    set.add(etag);
    if (set.size > 8) set.delete(set.values().next().value!);
    this.#recent.set(rel, Date.now());
  }

  /** Announces that this server removed (or renamed away) a page. */
  expectRemoved(rel: string): void {
    this.#ownRemoved.add(rel);
    this.#recent.set(rel, Date.now());
  }

  subscribe(listener: (e: PageEvent) => void): () => void {
    this.#listeners.add(listener);
    void this.#start().catch(() => {});
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get listening(): number {
    return this.#listeners.size;
  }

  /** Folders watched (0 before the first listing or listener). */
  get watchedFolders(): number {
    return this.#folders?.folders ?? 0;
  }

  /** Every `.md` page of the site, sorted by path, as `listPages` gives it; from memory once known. */
  async list(): Promise<PageSummary[]> {
    await this.#start();
    // Reports already queued by the system come in before the answer.
    await nextTurn();
    const now = Date.now();
    for (const [rel, at] of this.#recent) {
      if (now - at > OWN_WRITE_RECHECK_MS) this.#recent.delete(rel);
      else this.#pending.add(rel);
    }
    await this.#queue(() => this.#lookAtPending());
    if (this.#known === null) throw new Error('the page watcher is closed');
    this.#sorted ??= [...this.#known.values()].map((k) => k.summary).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return this.#sorted;
  }

  /** A full scan now (tests, and the safety net); resolves when it is done. */
  async poll(): Promise<void> {
    await this.#start();
    await this.#queue(() => this.#fullScan(false));
  }

  /** Resolves once the changes reported so far have been looked at (tests, the bench). */
  async settled(): Promise<void> {
    await nextTurn();
    await this.#queue(() => this.#lookAtPending());
  }

  close(): void {
    this.#closed = true;
    this.#listeners.clear();
    this.#folders?.close();
    this.#folders = null;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#settleTimer) clearTimeout(this.#settleTimer);
    this.#timer = this.#settleTimer = null;
  }

  #start(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the page watcher is closed'));
    this.#starting ??= (async () => {
      this.#root = await realpath(this.#siteDir);
      this.#resourcesName = resourcesNameOf((await readSiteConfig(this.#root)).data);
      // Watches first, so that nothing written during the first scan goes unnoticed.
      const folders = new FolderWatcher(this.#root, {
        skip: skippedInPageList,
        onChange: (rel) => this.#reported(rel),
        onTrouble: () => {
          this.#fullScanWanted = true;
          this.#reported('');
        },
      });
      this.#folders = folders;
      await folders.start();
      await this.#queue(() => this.#fullScan(true));
      if (this.#closed) return folders.close();
      await this.#queue(() => this.#lookAtPending()); // what changed during the first scan
      this.#timer = setInterval(() => void this.#queue(() => this.#fullScan(false)).catch(() => {}), this.#interval);
      this.#timer.unref();
    })();
    // A site folder missing now may be there at the next request.
    this.#starting.catch(() => {
      this.#folders?.close();
      this.#starting = null;
    });
    return this.#starting;
  }

  #queue(job: () => Promise<void>): Promise<void> {
    const run = this.#work.then(job);
    this.#work = run.catch(() => {});
    return run;
  }

  #reported(rel: string): void {
    if (this.#closed) return;
    this.#pending.add(rel);
    this.#settleTimer ??= setTimeout(() => {
      this.#settleTimer = null;
      void this.#queue(() => this.#lookAtPending()).catch(() => {});
    }, SETTLE_MS);
  }

  #emit(e: PageEvent): void {
    if (this.#closed) return;
    for (const l of this.#listeners) {
      try {
        l(e);
      } catch {
        // a broken listener must not stop the others
      }
    }
  }

  #abs(rel: string): string {
    return path.join(this.#root!, ...rel.split('/'));
  }

  async #lookAtPending(): Promise<void> {
    if (this.#known === null || this.#pending.size === 0) return;
    if (this.#fullScanWanted) {
      this.#fullScanWanted = false;
      this.#pending.clear();
      return this.#fullScan(false);
    }
    const rels = [...this.#pending];
    this.#pending.clear();
    if (rels.includes('')) return this.#fullScan(false); // the whole site
    if (rels.includes('_config.yml')) await this.#readResourcesName();
    let n = 0;
    for (const rel of rels) {
      if (!isPageLocation(rel)) continue;
      let st: Stats | null = null;
      try {
        st = statSync(this.#abs(rel), { throwIfNoEntry: false }) ?? null;
      } catch (err) {
        if (errnoCode(err) !== 'ENOTDIR' && errnoCode(err) !== 'EACCES') throw err;
      }
      if (st?.isDirectory()) {
        // A folder made, moved in, or its watch lost: every page below it.
        const found: string[] = [];
        await walkPageFiles(this.#root!, found, rel);
        await this.#visit(found, `${rel}/`);
        continue;
      }
      if (st?.isFile() && isListedPageFile(path.posix.basename(rel))) this.#check(rel, st, false);
      else if (this.#known.has(rel)) this.#forget(rel);
      else if (!st) this.#forgetBelow(`${rel}/`, new Set()); // a folder removed or moved away
      if (++n % SLICE === 0) await nextTurn();
    }
  }

  /**
   * Walks the whole site: stats every page, reads the changed ones, forgets the vanished ones. When
   * it finds a change the watches did not report, it sets them up again and looks once more.
   */
  async #fullScan(baseline: boolean): Promise<void> {
    if (this.#closed) return;
    if (baseline) this.#known = new Map();
    else {
      await this.#lookAtPending();
      await this.#readResourcesName();
    }
    const changesBefore = this.#changes;
    const rels: string[] = [];
    await walkPageFiles(this.#root!, rels);
    await this.#visit(rels, '', baseline);
    if (!baseline && (await this.#folders?.renew(this.#changes !== changesBefore))) {
      const again: string[] = [];
      await walkPageFiles(this.#root!, again);
      await this.#visit(again, '');
    }
  }

  /** Looks at `rels` (every page below `under`, '' for the site) and forgets the known pages below `under` not among them. */
  async #visit(rels: string[], under: string, baseline = false): Promise<void> {
    const seen = new Set<string>();
    for (let i = 0; i < rels.length; i++) {
      const rel = rels[i]!;
      seen.add(rel);
      const st = statSync(this.#abs(rel), { throwIfNoEntry: false });
      if (st?.isFile()) this.#check(rel, st, baseline);
      else this.#forget(rel);
      if ((i + 1) % SLICE === 0) await nextTurn();
    }
    this.#forgetBelow(under, seen);
  }

  /** Reads the page again if its inode, size or mtime moved; reports it unless the bytes are the same or this server wrote them. */
  #check(rel: string, st: Stats, baseline: boolean): void {
    const known = this.#known!;
    const before = known.get(rel);
    if (before && before.mtimeMs === st.mtimeMs && before.size === st.size && before.ino === st.ino) return;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.#abs(rel));
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') return this.#forget(rel);
      throw err;
    }
    const etag = etagOf(bytes);
    const summary = summarisePage(rel, bytes.toString('utf8'), Math.floor(st.mtimeMs), this.#resourcesName);
    known.set(rel, { mtimeMs: st.mtimeMs, size: st.size, ino: st.ino, etag, summary });
    this.#sorted = null;
    this.#changes++;
    if (baseline || (before && before.etag === etag)) return; // touched, same bytes
    if (this.#own.get(rel)?.has(etag)) return;
    this.#emit(before ? { type: 'changed', path: rel, etag } : { type: 'added', path: rel, etag });
  }

  #forget(rel: string): void {
    if (!this.#known!.delete(rel)) return;
    this.#sorted = null;
    this.#changes++;
    if (this.#ownRemoved.delete(rel)) return;
    this.#emit({ type: 'removed', path: rel });
  }

  /** Forgets the known pages whose path starts with `prefix` ('' for all) and that are not in `keep`. */
  #forgetBelow(prefix: string, keep: Set<string>): void {
    for (const rel of [...this.#known!.keys()]) {
      if (rel.startsWith(prefix) && !keep.has(rel)) this.#forget(rel);
    }
  }

  async #readResourcesName(): Promise<void> {
    const name = resourcesNameOf((await readSiteConfig(this.#root!)).data);
    if (name === this.#resourcesName) return;
    this.#resourcesName = name;
    for (const k of this.#known!.values()) k.summary = { ...k.summary, resourceCategory: resourceCategoryOf(k.summary.path, name) };
    this.#sorted = null;
  }
}

/** True when a site-relative path may hold pages: no segment is skipped by the page list. */
function isPageLocation(rel: string): boolean {
  if (rel === '') return true;
  return rel.split('/').every((segment, depth) => !skippedInPageList(segment, depth));
}
