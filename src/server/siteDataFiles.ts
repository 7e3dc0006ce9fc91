/**
 * Reading and writing the site's data files (`_data/navigation.yml`, `_data/footer.yml`, the editable
 * settings of `_config.yml`): only these, named by what they are rather than by path, with the page
 * rules for writes (atomic, `If-Match`, per-path queue) and the site file rules for content.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodePageBytes, UnreadablePageFile } from '../core/pageBytes.ts';
import { isSiteFileName, SITE_FILES, siteFileProblems, type SiteFileName } from '../site/siteFiles.ts';
import { atomicWriteFile } from './atomicWrite.ts';
import { errnoCode, fsErrorToHttp, HttpError } from './errors.ts';
import { etagOf, ifMatchSatisfied, parseEtagList } from './etag.ts';
import { resolveSitePath } from './paths.ts';
import type { PathQueue } from './pathQueue.ts';

export interface SiteDataFile {
  name: SiteFileName;
  path: string;
  /** Null when the file does not exist yet (navigation and footer may be created). */
  text: string | null;
  etag: string | null;
}

function fileName(name: unknown): SiteFileName {
  if (!isSiteFileName(name)) throw new HttpError(404, 'no such site file (navigation, footer or settings)');
  return name;
}

async function readBytes(file: string): Promise<Buffer | null> {
  try {
    if (!(await stat(file)).isFile()) throw new HttpError(403, 'not a file');
    return await readFile(file);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return fsErrorToHttp(err, 'site file');
  }
}

function decode(bytes: Buffer): string {
  try {
    return decodePageBytes(bytes);
  } catch (err) {
    if (err instanceof UnreadablePageFile) throw new HttpError(415, err.message.replace(/\.$/, ''));
    throw err;
  }
}

async function locate(siteDir: string, name: unknown) {
  const which = fileName(name);
  const resolved = await resolveSitePath(siteDir, SITE_FILES[which]);
  return { which, resolved };
}

export async function readSiteDataFile(siteDir: string, name: unknown): Promise<SiteDataFile> {
  const { which, resolved } = await locate(siteDir, name);
  const bytes = await readBytes(resolved.real);
  return { name: which, path: SITE_FILES[which], text: bytes ? decode(bytes) : null, etag: bytes ? etagOf(bytes) : null };
}

export interface WriteSiteDataFile {
  text: string;
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
}

/**
 * Writes a site file: `If-Match` with the etag it was read at (428 without, 409 with the current text
 * when stale), or `If-None-Match: *` to create navigation or footer. Refused (400, `unsafe`) when the
 * content breaks a rule, or changes a `_config.yml` key that is not an editable setting.
 */
export async function writeSiteDataFile(siteDir: string, name: unknown, req: WriteSiteDataFile, queue: PathQueue): Promise<{ etag: string; created: boolean }> {
  const { which, resolved } = await locate(siteDir, name);
  const bytes = Buffer.from(req.text, 'utf8');
  return queue.run(resolved.real, async () => {
    const current = await readBytes(resolved.real);
    const before = current ? decode(current) : null;
    if (current === null) {
      if (which === 'settings') throw new HttpError(404, '_config.yml not found');
      if (parseEtagList(req.ifNoneMatch) !== '*') throw new HttpError(404, 'site file not found (send If-None-Match: * to create it)');
    } else {
      if (parseEtagList(req.ifNoneMatch) === '*') throw new HttpError(409, 'site file already exists', { current: { text: before, etag: etagOf(current) } });
      if (!req.ifMatch || parseEtagList(req.ifMatch) === '*') throw new HttpError(428, 'If-Match with the etag of the edited version is required');
      if (!ifMatchSatisfied(req.ifMatch, etagOf(current))) {
        throw new HttpError(409, 'site file changed on disk since it was loaded', { current: { text: before, etag: etagOf(current) } });
      }
    }
    const problems = siteFileProblems(which, before, req.text);
    if (problems.length) throw new HttpError(400, problems[0]!.message, { unsafe: problems });
    try {
      if (current === null) {
        const parent = path.dirname(resolved.real);
        if (!(await stat(parent).catch(() => null))?.isDirectory()) throw new HttpError(404, `${path.dirname(SITE_FILES[which])}/ not found`);
        await atomicWriteFile(resolved.real, bytes, { exclusive: true });
      } else {
        await atomicWriteFile(resolved.real, bytes);
      }
    } catch (err) {
      if (err instanceof HttpError) throw err;
      fsErrorToHttp(err, 'site file');
    }
    return { etag: etagOf(bytes), created: current === null };
  });
}
