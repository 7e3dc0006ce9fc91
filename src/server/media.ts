/** Listing of the site's media folders (`images/`, `files/`). */
import { stat } from 'node:fs/promises';
import { HttpError } from './errors.ts';
import { resolveSitePath } from './paths.ts';
import { walkFiles } from './walkFiles.ts';
import { isMediaDir, sitePathToUrl, type MediaDir, type MediaFile } from '../core/mediaRules.ts';

export { MEDIA_DIRS, isMediaDir, sitePathToUrl, type MediaDir, type MediaFile } from '../core/mediaRules.ts';

export async function listMedia(siteDir: string, dir: unknown): Promise<{ dir: MediaDir; files: MediaFile[] }> {
  if (!isMediaDir(dir)) throw new HttpError(400, 'dir must be "images" or "files"');
  const resolved = await resolveSitePath(siteDir, dir);
  const files: MediaFile[] = [];
  if (resolved.exists) {
    await walkFiles(resolved.real, dir, {
      skip: (name) => name.startsWith('.') || name.includes('\\'), // .keep, .DS_Store …; not addressable
      onFile: async (abs, rel) => {
        try {
          const st = await stat(abs);
          files.push({ path: rel, url: sitePathToUrl(rel), size: st.size, modified: Math.floor(st.mtimeMs) });
        } catch {
          // vanished meanwhile
        }
      },
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { dir, files };
}
