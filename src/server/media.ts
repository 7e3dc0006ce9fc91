/** Listing of the site's media folders (`images/`, `files/`). */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { HttpError, errnoCode } from './errors.ts';
import { resolveSitePath } from './paths.ts';
import { isMediaDir, sitePathToUrl, type MediaDir, type MediaFile } from '../core/mediaRules.ts';

export { MEDIA_DIRS, isMediaDir, sitePathToUrl, type MediaDir, type MediaFile } from '../core/mediaRules.ts';

const MAX_DEPTH = 32;

async function walk(dir: string, rel: string, depth: number, out: MediaFile[]): Promise<void> {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') return;
    throw err;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.includes('\\')) continue; // .keep, .DS_Store …; not addressable
    const childRel = `${rel}/${e.name}`;
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) {
      await walk(abs, childRel, depth + 1, out);
    } else if (e.isFile()) {
      try {
        const st = await stat(abs);
        out.push({ path: childRel, url: sitePathToUrl(childRel), size: st.size, modified: Math.floor(st.mtimeMs) });
      } catch {
        // vanished meanwhile
      }
    }
    // symlinks are skipped
  }
}

export async function listMedia(siteDir: string, dir: unknown): Promise<{ dir: MediaDir; files: MediaFile[] }> {
  if (!isMediaDir(dir)) throw new HttpError(400, 'dir must be "images" or "files"');
  const resolved = await resolveSitePath(siteDir, dir);
  const files: MediaFile[] = [];
  if (resolved.exists) await walk(resolved.real, dir, 0, files);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { dir, files };
}
