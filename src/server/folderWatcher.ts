/**
 * Notices changes below a folder with one operating-system watch per folder (inotify on Linux,
 * FSEvents on macOS, ReadDirectoryChangesW on Windows), never by polling: idle, it costs nothing.
 *
 * Why not `fs.watch(dir, { recursive: true })`: on Linux, Node 20 emulates it with one watch and a
 * synchronous stat per file, everywhere below (`.git`, `_site`, images included), which runs into the
 * system's limit of watches on a large site. Why not chokidar: it also watches every file. A folder's
 * watch already reports its files being created, written, renamed and removed, so one per folder is
 * enough, and folders a page cannot live in (`skip`) are not watched at all.
 *
 * What it reports is a site-relative path to look at again (a file, or a folder whose whole content
 * may have changed), never a conclusion: the caller stats it. Events can be lost (a full kernel
 * queue, a network drive); `onTrouble` asks the caller for a full scan when a watch fails.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { walkFiles } from './walkFiles.ts';

export interface FolderWatcherOptions {
  /** Folders (and files) to ignore, by name and depth below the root (0 = directly in it), as `walkFiles` takes. */
  skip: (name: string, depth: number) => boolean;
  /** Something at this site-relative path (a file or a folder) may have changed. */
  onChange: (rel: string) => void;
  /** A watch failed or could not be set up: changes may have been missed. */
  onTrouble: () => void;
}

export class FolderWatcher {
  readonly #root: string;
  readonly #opts: FolderWatcherOptions;
  /** One watch per folder, by site-relative path ('' is the root), with the folder's inode. */
  readonly #watches = new Map<string, { watch: FSWatcher; ino: number }>();
  #closed = false;

  /** `root` must be a real path (no symlinks), as `realpath` gives. */
  constructor(root: string, opts: FolderWatcherOptions) {
    this.#root = root;
    this.#opts = opts;
  }

  /** Watches the root and every folder below it that is not skipped; resolves once all are watched. */
  async start(): Promise<void> {
    this.#watch('');
    await this.#watchBelow('', 0);
  }

  /**
   * Watches again from the start when `force` says changes were missed (a watch may have died with
   * its folder: the site folder removed and made again, as a change set's folder after a crash) or
   * when the root folder is not the one watched; true when it did.
   */
  async renew(force: boolean): Promise<boolean> {
    const root = this.#watches.get('');
    if (this.#closed || (!force && root && root.ino === inodeOf(this.#root))) return false;
    if (inodeOf(this.#root) === null) return false; // not there (yet)
    for (const { watch } of this.#watches.values()) watch.close();
    this.#watches.clear();
    await this.start();
    return true;
  }

  /** How many folders are watched (the bench reports it). */
  get folders(): number {
    return this.#watches.size;
  }

  close(): void {
    this.#closed = true;
    for (const { watch } of this.#watches.values()) watch.close();
    this.#watches.clear();
  }

  #abs(rel: string): string {
    return rel === '' ? this.#root : path.join(this.#root, ...rel.split('/'));
  }

  async #watchBelow(rel: string, depth: number): Promise<void> {
    await walkFiles(this.#abs(rel), rel, {
      skip: this.#opts.skip,
      onFile: () => {},
      onFolder: (_abs, folderRel) => this.#watch(folderRel),
    }, depth);
  }

  #watch(rel: string): void {
    if (this.#closed || this.#watches.has(rel)) return;
    const ino = inodeOf(this.#abs(rel));
    if (ino === null) return; // gone already: its parent's event reports it
    let w: FSWatcher;
    try {
      // Not persistent: a watch never keeps the process alive.
      w = watch(this.#abs(rel), { persistent: false }, (_event, name) => this.#onEvent(rel, name));
    } catch {
      // Gone already (its parent's event reports it), or out of watches.
      this.#opts.onTrouble();
      return;
    }
    w.on('error', () => {
      if (this.#watches.get(rel)?.watch !== w) return; // watched again since
      this.#unwatch(rel);
      this.#opts.onChange(rel);
    });
    this.#watches.set(rel, { watch: w, ino });
  }

  /** Replaces the watch of one folder (it may have died), and reports the folder to look at. */
  #watchAgain(rel: string): void {
    const dead = this.#watches.get(rel);
    if (!dead) return;
    dead.watch.close();
    this.#watches.delete(rel);
    void lstat(this.#abs(rel)).then(
      (st) => {
        if (!st.isDirectory() || this.#watches.has(rel)) return;
        this.#watch(rel);
        return this.#watchBelow(rel, rel === '' ? 0 : rel.split('/').length).then(() => this.#opts.onChange(rel));
      },
      () => {}, // gone: its parent's watch reports it; the root is watched again by `renew`
    );
  }

  /** Stops watching a folder and every folder below it. */
  #unwatch(rel: string): void {
    for (const [r, { watch }] of this.#watches) {
      if (r === rel || (rel === '' ? true : r.startsWith(`${rel}/`))) {
        watch.close();
        this.#watches.delete(r);
      }
    }
  }

  #onEvent(folder: string, name: string | Buffer | null): void {
    if (this.#closed) return;
    if (name === null) {
      this.#opts.onChange(folder); // the platform did not say what changed: look at the whole folder
      return;
    }
    const child = folder === '' ? String(name) : `${folder}/${String(name)}`;
    const depth = folder === '' ? 0 : folder.split('/').length;
    // A watch names its own folder when that folder is removed, and is dead from then on (a folder
    // made again at the same path is another folder): set it up again if the folder is there.
    if (String(name) === path.basename(this.#abs(folder))) this.#watchAgain(folder);
    if (this.#opts.skip(String(name), depth)) return;
    this.#opts.onChange(child);
    // A folder made, moved in or removed: watch (or stop watching) it and what it holds; unless it
    // was watched again meanwhile (a later event, or a new start).
    const before = this.#watches.get(child);
    void lstat(this.#abs(child)).then(
      (st) => {
        const watched = this.#watches.get(child);
        if (watched !== before) return;
        if (!st.isDirectory()) {
          if (watched) this.#unwatch(child); // a folder replaced by a file
          return;
        }
        if (watched?.ino === st.ino) return;
        if (watched) this.#unwatch(child); // removed and made again: the old watch follows the old folder
        this.#watch(child);
        return this.#watchBelow(child, depth + 1).then(() => this.#opts.onChange(child));
      },
      () => {
        if (before && this.#watches.get(child) === before) this.#unwatch(child);
      },
    );
  }
}

function inodeOf(abs: string): number | null {
  try {
    return statSync(abs).ino;
  } catch {
    return null;
  }
}
