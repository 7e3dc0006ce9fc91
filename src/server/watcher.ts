/**
 * Tells the editor when a page file changed on disk by something other than this server.
 *
 * Polling rather than fs.watch: recursive fs.watch is not dependable across platforms and Node
 * versions, and a site has at most a few thousand pages, so stat-ing them once a second is cheap.
 * The poll runs only while someone listens. A changed mtime or size is confirmed by hashing the
 * file, and versions this server wrote itself (announced with `expect`) are not reported.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from './errors.ts';
import { etagOf } from './etag.ts';
import { walkPageFiles } from './pages.ts';

export type PageEvent =
  | { type: 'changed'; path: string; etag: string }
  | { type: 'added'; path: string; etag: string }
  | { type: 'removed'; path: string };

interface Known {
  mtimeMs: number;
  size: number;
  etag: string | null;
}

export interface PageWatcherOptions {
  /** Poll interval in ms (default 1000). */
  intervalMs?: number;
}

export class PageWatcher {
  readonly #siteDir: string;
  readonly #interval: number;
  readonly #listeners = new Set<(e: PageEvent) => void>();
  /** Etags this server wrote (or is about to write), per page path. */
  readonly #own = new Map<string, Set<string>>();
  /** Paths this server removed or moved away. */
  readonly #ownRemoved = new Set<string>();
  #known: Map<string, Known> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #polling: Promise<void> | null = null;
  #closed = false;

  constructor(siteDir: string, opts: PageWatcherOptions = {}) {
    this.#siteDir = siteDir;
    this.#interval = opts.intervalMs ?? 1000;
  }

  /** Announces a write by this server, so that it is not reported as a change on disk. */
  expect(rel: string, etag: string): void {
    let set = this.#own.get(rel);
    if (!set) this.#own.set(rel, (set = new Set()));
    set.add(etag);
    if (set.size > 8) set.delete(set.values().next().value!);
  }

  /** Announces that this server removed (or renamed away) a page. */
  expectRemoved(rel: string): void {
    this.#ownRemoved.add(rel);
  }

  subscribe(listener: (e: PageEvent) => void): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stop();
    };
  }

  get listening(): number {
    return this.#listeners.size;
  }

  /** One poll now (tests); resolves when it is done. */
  async poll(): Promise<void> {
    this.#polling ??= this.#scan().finally(() => (this.#polling = null));
    return this.#polling;
  }

  close(): void {
    this.#closed = true;
    this.#listeners.clear();
    this.#stop();
  }

  #start(): void {
    if (this.#closed || this.#timer) return;
    void this.poll(); // the baseline
    this.#timer = setInterval(() => void this.poll(), this.#interval);
    this.#timer.unref();
  }

  #stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#known = null;
  }

  #emit(e: PageEvent): void {
    for (const l of this.#listeners) {
      try {
        l(e);
      } catch {
        // a broken listener must not stop the others
      }
    }
  }

  #isOwn(rel: string, etag: string): boolean {
    return this.#own.get(rel)?.has(etag) ?? false;
  }

  async #scan(): Promise<void> {
    let root: string;
    try {
      root = await realpath(this.#siteDir);
    } catch {
      return;
    }
    const rels: string[] = [];
    await walkPageFiles(root, rels);
    const baseline = this.#known === null;
    const previous = this.#known ?? new Map<string, Known>();
    const next = new Map<string, Known>();
    for (const rel of rels) {
      const file = path.join(root, ...rel.split('/'));
      let st;
      try {
        st = await stat(file);
      } catch (err) {
        if (errnoCode(err) === 'ENOENT') continue;
        throw err;
      }
      const before = previous.get(rel);
      if (before && before.mtimeMs === st.mtimeMs && before.size === st.size) {
        next.set(rel, before);
        continue;
      }
      if (baseline) {
        next.set(rel, { mtimeMs: st.mtimeMs, size: st.size, etag: null });
        continue;
      }
      let etag: string;
      try {
        etag = etagOf(await readFile(file));
      } catch {
        continue;
      }
      next.set(rel, { mtimeMs: st.mtimeMs, size: st.size, etag });
      if (before && before.etag !== null && before.etag === etag) continue; // touched, same bytes
      if (this.#isOwn(rel, etag)) continue;
      if (this.#listeners.size === 0 || this.#closed) continue;
      this.#emit(before ? { type: 'changed', path: rel, etag } : { type: 'added', path: rel, etag });
    }
    if (!baseline) {
      for (const rel of previous.keys()) {
        if (next.has(rel)) continue;
        if (this.#ownRemoved.delete(rel)) continue;
        this.#emit({ type: 'removed', path: rel });
      }
    }
    if (this.#listeners.size > 0) this.#known = next;
  }
}
