/**
 * Atomic file replacement: write a temp file in the same folder, fsync, then rename over the target.
 * Readers therefore see either the old or the new bytes, never a torn file.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from './errors.ts';

export interface AtomicWriteOptions {
  /**
   * Create only: fail with an EEXIST error when the target already exists (no overwrite).
   * Otherwise the target is replaced (or created) and keeps its old permission bits.
   */
  exclusive?: boolean;
}

/** Name of a temp file next to `file`. Dot-prefixed so that listings skip it. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.isomer-tmp-${randomBytes(8).toString('hex')}`);
}

/** True for names produced by tempPathFor. */
export function isTempName(name: string): boolean {
  return /^\.isomer-tmp-[0-9a-f]{16}$/.test(name);
}

export async function atomicWriteFile(file: string, data: Uint8Array | string, opts: AtomicWriteOptions = {}): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;

  let oldMode: number | undefined;
  if (!opts.exclusive) {
    try {
      const st = await stat(file);
      oldMode = st.mode & 0o7777;
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') throw err;
    }
  }

  const tmp = tempPathFor(file);
  // New files get the usual 0o666 minus umask; existing files get their old mode below.
  const handle = await open(tmp, 'wx', 0o666);
  let moved = false;
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (oldMode !== undefined) await chmod(tmp, oldMode);

    if (opts.exclusive) {
      // link() fails with EEXIST instead of overwriting: an atomic "create if absent".
      try {
        await link(tmp, file);
      } catch (err) {
        const code = errnoCode(err);
        if (code === 'EEXIST') throw err;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw err;
        // File system without hard links: check, then rename (small race, still never torn).
        if (await exists(file)) throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), { code: 'EEXIST' });
        await rename(tmp, file);
        moved = true;
      }
    } else {
      await rename(tmp, file);
      moved = true;
    }
  } finally {
    if (!moved) await unlink(tmp).catch(() => {});
  }
  await syncDir(path.dirname(file));
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Best effort: persist the rename itself (not supported everywhere, e.g. on Windows). */
async function syncDir(dir: string): Promise<void> {
  let h;
  try {
    h = await open(dir, 'r');
    await h.sync();
  } catch {
    // ignore
  } finally {
    await h?.close().catch(() => {});
  }
}
