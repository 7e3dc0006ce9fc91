/**
 * Confinement of client-supplied, site-relative POSIX paths to the site folder.
 *
 * Rules:
 *  - syntax (400): non-empty string, no NUL, no backslash, not absolute (`/x`, `C:/x`),
 *    no `..`, `.` or empty segments (so no leading/trailing/double slashes);
 *  - real location (403): the real path of the target (or of its nearest existing ancestor, when
 *    the target does not exist yet) must stay inside the real path of the site folder, so a
 *    symlink cannot lead out of the site.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { sitePathProblem } from '../core/sitePath.ts';
import { HttpError, errnoCode } from './errors.ts';

export { MAX_PATH_LENGTH } from '../core/sitePath.ts';

/** Checks the syntax of a site-relative path and returns its segments. Throws HttpError(400). */
export function validateSitePath(rel: unknown): string[] {
  const problem = sitePathProblem(rel);
  if (problem !== null) throw new HttpError(400, problem);
  return (rel as string).split('/');
}

/** True when any segment is a dot-file or dot-folder (`.git`, `.keep`, `.env` …). */
export function hasHiddenSegment(rel: string): boolean {
  return rel.split('/').some((seg) => seg.startsWith('.'));
}

/** True when `p` is `root` or lies below it (both absolute, already resolved). */
export function isInside(root: string, p: string): boolean {
  if (p === root) return true;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return p.startsWith(prefix);
}

export interface ResolvedSitePath {
  /** The site-relative path as given. */
  rel: string;
  /** Real path of the site folder. */
  root: string;
  /** `root` joined with `rel` (no symlinks resolved). */
  abs: string;
  /**
   * Where the file really is (symlinks resolved): the realpath of the target when it exists,
   * otherwise the realpath of its nearest existing ancestor joined with the remaining segments.
   * Reads and writes should use this.
   */
  real: string;
  /** Whether something (file, folder or symlink) exists at `abs`. */
  exists: boolean;
}

/**
 * Validates `rel` and resolves it inside `siteDir`.
 * Throws HttpError(400) for bad syntax and HttpError(403) when the real path leaves the site.
 */
export async function resolveSitePath(siteDir: string, rel: unknown): Promise<ResolvedSitePath> {
  const segments = validateSitePath(rel);
  const root = await realpath(siteDir);
  const abs = path.join(root, ...segments);

  // Find the nearest existing ancestor (or the target itself).
  let existing = abs;
  let rest: string[] = [];
  for (;;) {
    try {
      await lstat(existing);
      break;
    } catch (err) {
      const code = errnoCode(err);
      // A folder on the way that is a symbolic link loop: nothing there can be reached.
      if (code === 'ELOOP') throw new HttpError(403, 'path goes through a symbolic link loop');
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
      if (existing === root) break; // the root always exists (realpath succeeded); defensive
      rest = [path.basename(existing), ...rest];
      existing = path.dirname(existing);
    }
  }

  let realExisting: string;
  try {
    realExisting = await realpath(existing);
  } catch (err) {
    // Dangling symlink or symlink loop: we cannot tell where it points, so refuse.
    throw new HttpError(403, errnoCode(err) === 'ELOOP' ? 'path goes through a symbolic link loop' : 'path leads outside the site folder');
  }
  const real = rest.length ? path.join(realExisting, ...rest) : realExisting;
  if (!isInside(root, real)) throw new HttpError(403, 'path leads outside the site folder');
  return { rel: rel as string, root, abs, real, exists: rest.length === 0 };
}

/** Converts an absolute path below `root` to a site-relative POSIX path. */
export function toSiteRelative(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
