import { createHash } from 'node:crypto';

/** Strong entity tag for file bytes: the quoted sha256 hex digest. */
export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('hex')}"`;
}

/**
 * Parses an If-Match / If-None-Match header into its list of entity tags.
 * Returns '*' for the wildcard, [] for a missing/empty header. Weak tags are kept with their `W/`
 * prefix so that they never compare equal to a strong tag.
 */
export function parseEtagList(header: string | undefined | null): string[] | '*' {
  if (header == null) return [];
  const trimmed = header.trim();
  if (trimmed === '*') return '*';
  const tags: string[] = [];
  const re = /\s*((?:W\/)?"[^"]*")\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < trimmed.length && (m = re.exec(trimmed))) tags.push(m[1]!);
  return tags;
}

/** Strong comparison of an If-Match header against the current etag. */
export function ifMatchSatisfied(header: string | undefined | null, current: string): boolean {
  const tags = parseEtagList(header);
  if (tags === '*') return false; // a page editor must say which version it edited
  return tags.includes(current);
}
