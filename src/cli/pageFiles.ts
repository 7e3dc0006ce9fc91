import { lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Folders of a site that hold no pages, or that a tool made.
const SKIPPED_FOLDERS = new Set(['node_modules', '_site', '.git', '_includes', '_layouts', 'assets', 'images', 'files', '.workspace']);
const PAGE_NAME = /\.(md|markdown)$/i;

export interface FoundPage {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the input (POSIX separators); the file name alone for a single file. */
  relativePath: string;
}

/** A file or folder that looks like part of the input but is not read, and why. */
export interface SkippedEntry {
  relativePath: string;
  reason: string;
}

export interface FoundPages {
  pages: FoundPage[];
  /** Symbolic links: never followed (they may lead out of the folder, or round in a loop), always reported. */
  skipped: SkippedEntry[];
}

/** The page files under a file or folder: `.md` and `.markdown` files, sorted, any name. */
export function findPageFiles(input: string): FoundPages {
  const found: FoundPages = { pages: [], skipped: [] };
  const name = input.split(sep).pop()!;
  if (lstatSync(input).isSymbolicLink() && statSync(input).isFile()) {
    found.skipped.push({ relativePath: name, reason: symlinkReason(input, 'file') });
    return found;
  }
  if (statSync(input).isFile()) {
    found.pages.push({ path: input, relativePath: name });
    return found;
  }
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      const relativePath = relative(input, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isSymbolicLink()) {
        if (PAGE_NAME.test(entry.name)) found.skipped.push({ relativePath, reason: symlinkReason(full, 'file') });
        else if (!entry.name.startsWith('.') && pointsToFolder(full)) found.skipped.push({ relativePath, reason: symlinkReason(full, 'folder') });
      } else if (entry.isFile() && PAGE_NAME.test(entry.name)) {
        found.pages.push({ path: full, relativePath });
      }
    }
  };
  walk(input);
  return found;
}

function pointsToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a broken link or a loop: no folder to miss
  }
}

function symlinkReason(path: string, kind: 'file' | 'folder'): string {
  return `a symbolic link (to ${readlinkSync(path)}), not followed: give the ${kind} it points to instead.`;
}
