/** Uploading images and files into the site's `images/` and `files/` folders. */
import { mkdir } from 'node:fs/promises';
import { atomicWriteFile } from './atomicWrite.ts';
import { HttpError, errnoCode, fsErrorToHttp } from './errors.ts';
import { checkUpload, sitePathToUrl } from '../core/mediaRules.ts';
import { resolveSitePath } from './paths.ts';
import type { PathQueue } from './pathQueue.ts';
import { underRulesAsync } from './ruleErrors.ts';

export { MAX_UPLOAD_BYTES, UPLOAD_RULES, safeUploadName } from '../core/mediaRules.ts';
export { svgProblem } from '../core/svgCheck.ts';

export interface UploadResult {
  path: string;
  url: string;
  size: number;
  /** True when an existing file was replaced. */
  replaced: boolean;
}

export async function uploadMedia(
  siteDir: string,
  queue: PathQueue,
  params: { dir: unknown; name: unknown; overwrite: boolean },
  bytes: Uint8Array,
): Promise<UploadResult> {
  const { dir, rel } = await underRulesAsync(() => checkUpload(params.dir, params.name, bytes));
  const folder = await resolveSitePath(siteDir, dir);
  if (!folder.exists) await mkdir(folder.real, { recursive: true });
  const target = await resolveSitePath(siteDir, rel);
  return queue.run(target.real, async () => {
    const existed = (await resolveSitePath(siteDir, rel)).exists;
    if (existed && !params.overwrite) {
      throw new HttpError(409, `${rel} already exists; upload again with overwrite to replace it`, { path: rel, url: sitePathToUrl(rel) });
    }
    try {
      await atomicWriteFile(target.real, bytes, { exclusive: !params.overwrite });
    } catch (err) {
      if (errnoCode(err) === 'EEXIST') throw new HttpError(409, `${rel} already exists`, { path: rel });
      fsErrorToHttp(err, 'file');
    }
    return { path: rel, url: sitePathToUrl(rel), size: bytes.length, replaced: existed };
  });
}
