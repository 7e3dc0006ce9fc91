import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Folders of a site that hold no pages, or that a tool made.
const SKIPPED_FOLDERS = new Set(['node_modules', '_site', '.git', '_includes', '_layouts', 'assets', 'images', 'files', '.workspace']);

export interface FoundPage {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the input (POSIX separators); the file name alone for a single file. */
  relativePath: string;
}

/** The page files under a file or folder: `.md` and `.markdown` files, sorted, any name. */
export function findPageFiles(input: string): FoundPage[] {
  const stats = statSync(input);
  if (stats.isFile()) return [{ path: input, relativePath: input.split(sep).pop()! }];
  const found: FoundPage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) {
        found.push({ path: full, relativePath: relative(input, full).split(sep).join('/') });
      }
    }
  };
  walk(input);
  return found;
}
