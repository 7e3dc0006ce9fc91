/** Longest site-relative path accepted from a client. */
export const MAX_PATH_LENGTH = 4096;

/**
 * Why a client-supplied, site-relative POSIX path is not acceptable, or null: it must be a non-empty
 * string without NUL bytes or backslashes, relative (not `/x` or `C:/x`), and without `..`, `.` or
 * empty segments (so no leading, trailing or double slashes). The server and a site folder opened
 * in the browser both check paths with it.
 */
export function sitePathProblem(rel: unknown): string | null {
  if (typeof rel !== 'string' || rel.length === 0) return 'path is required';
  if (rel.length > MAX_PATH_LENGTH) return 'path is too long';
  if (rel.includes('\0')) return 'path must not contain NUL bytes';
  if (rel.includes('\\')) return 'path must not contain backslashes';
  if (rel.startsWith('/') || /^[A-Za-z]:(\/|$)/.test(rel)) return 'path must be relative to the site folder';
  for (const seg of rel.split('/')) {
    if (seg === '..') return 'path must not contain ".." segments';
    if (seg === '.' || seg === '') return 'path must not contain empty or "." segments';
  }
  return null;
}
