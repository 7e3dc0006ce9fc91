import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from './errors.ts';

const MAX_DEPTH = 32;

export interface WalkOptions {
  /** Entries (files or folders) to pass over, by name and depth below the start (0 = directly in it). */
  skip: (name: string, depth: number) => boolean;
  /** Called for each regular file, with its real path and its path relative to the site. */
  onFile: (abs: string, rel: string, name: string) => void | Promise<void>;
  /** Called for each folder walked into (not the start), before its files, with its depth as for `skip`. */
  onFolder?: (abs: string, rel: string, depth: number) => void;
}

/**
 * Walks the files below `dir` (`rel` is its site-relative path, '' for the site folder). Folders that
 * vanish or cannot be read are passed over; symlinks are never followed, so a walk cannot leave the
 * site or loop; it stops 32 folders deep.
 */
export async function walkFiles(dir: string, rel: string, options: WalkOptions, depth = 0): Promise<void> {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') return;
    throw err;
  }
  for (const entry of entries) {
    if (options.skip(entry.name, depth)) continue;
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      options.onFolder?.(abs, childRel, depth);
      await walkFiles(abs, childRel, options, depth + 1);
    }
    else if (entry.isFile()) await options.onFile(abs, childRel, entry.name);
  }
}
