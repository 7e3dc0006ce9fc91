/** Uploading images and files into the site's `images/` and `files/` folders. */
import { mkdir } from 'node:fs/promises';
import { atomicWriteFile } from './atomicWrite.ts';
import { HttpError, errnoCode, fsErrorToHttp } from './errors.ts';
import { isMediaDir, sitePathToUrl, type MediaDir } from './media.ts';
import { resolveSitePath } from './paths.ts';
import type { PathQueue } from './pathQueue.ts';

const MB = 1024 * 1024;

export const UPLOAD_RULES: Record<MediaDir, { extensions: readonly string[]; maxBytes: number }> = {
  images: { extensions: ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp'], maxBytes: 5 * MB },
  files: { extensions: ['pdf', 'docx', 'xlsx', 'pptx', 'csv', 'txt'], maxBytes: 20 * MB },
};

/** Largest body the upload route reads. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(UPLOAD_RULES).map((r) => r.maxBytes));

/**
 * The file name to store an upload under: the last path part only (a browser may send
 * `C:\fakepath\x.png`), control characters removed, spaces kept. Throws 400 when nothing usable is left.
 */
export function safeUploadName(raw: unknown): string {
  if (typeof raw !== 'string') throw new HttpError(400, 'name is required');
  const last = raw.split(/[/\\]/).pop() ?? '';
  const name = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '' || name === '.' || name === '..') throw new HttpError(400, 'name is required');
  if (name.startsWith('.')) throw new HttpError(400, 'name must not start with "."');
  if (name.length > 200) throw new HttpError(400, 'name is too long (200 characters at most)');
  return name;
}

function extensionOf(name: string): string {
  const m = /\.([^.]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  png: (b) => b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  jpg: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  jpeg: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  gif: (b) => b.length >= 6 && String.fromCharCode(...b.subarray(0, 4)) === 'GIF8',
  webp: (b) => b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
  pdf: (b) => b.length >= 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-',
  docx: (b) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04,
  xlsx: (b) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04,
  pptx: (b) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04,
};

/**
 * Why an SVG may not be uploaded, or null when it is plain drawing markup. SVG is a document that
 * can run script when opened on its own, so anything active is refused (not silently rewritten).
 */
export function svgProblem(text: string): string | null {
  if (!/<svg[\s>]/i.test(text)) return 'it is not an SVG image';
  if (/<script[\s>/]/i.test(text)) return 'it contains a <script> element';
  const handler = /<[^>]*?\s(on[a-z]+)\s*=/i.exec(text);
  if (handler) return `it contains an event handler attribute (${handler[1]!.toLowerCase()})`;
  if (/<foreignObject[\s>/]/i.test(text)) return 'it contains a <foreignObject> element';
  if (/(?:href|src)\s*=\s*["']?\s*(?:javascript|data:text\/html|vbscript):/i.test(text)) return 'it contains a javascript: link';
  if (/<!ENTITY/i.test(text)) return 'it declares XML entities';
  if (/<(?:iframe|embed|object)[\s>/]/i.test(text)) return 'it embeds other documents';
  return null;
}

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
  if (!isMediaDir(params.dir)) throw new HttpError(400, 'dir must be "images" or "files"');
  const dir = params.dir;
  const name = safeUploadName(params.name);
  const rules = UPLOAD_RULES[dir];
  const ext = extensionOf(name);
  if (!rules.extensions.includes(ext)) {
    throw new HttpError(415, `${dir} accepts only ${rules.extensions.map((e) => `.${e}`).join(', ')} files`);
  }
  if (bytes.length === 0) throw new HttpError(400, 'the file is empty');
  if (bytes.length > rules.maxBytes) throw new HttpError(413, `${dir} may be ${rules.maxBytes / MB} MB at most`);
  const signature = SIGNATURES[ext];
  if (signature && !signature(bytes)) throw new HttpError(415, `the file's content is not a .${ext} file`);
  if (ext === 'svg') {
    const problem = svgProblem(Buffer.from(bytes).toString('utf8'));
    if (problem) throw new HttpError(415, `this SVG was refused because ${problem}`);
  }

  const rel = `${dir}/${name}`;
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
