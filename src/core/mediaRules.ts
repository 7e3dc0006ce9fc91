/**
 * The site's media folders (`images/`, `files/`) and what may be uploaded into them: shared by the
 * site server and the browser-only folder backend.
 */
import { SiteRuleError } from './pageRules.ts';
import { svgProblem } from './svgCheck.ts';

export const MEDIA_DIRS = ['images', 'files'] as const;
export type MediaDir = (typeof MEDIA_DIRS)[number];

export interface MediaFile {
  /** Site-relative path, e.g. `images/Graphics /a b.png`. */
  path: string;
  /** Root-relative URL with each segment percent-encoded, e.g. `/images/Graphics%20/a%20b.png`. */
  url: string;
  size: number;
  modified: number;
}

export function isMediaDir(v: unknown): v is MediaDir {
  return typeof v === 'string' && (MEDIA_DIRS as readonly string[]).includes(v);
}

/** `images/a b.png` → `/images/a%20b.png`: the address a page uses for a site file. */
export function sitePathToUrl(rel: string): string {
  return '/' + rel.split('/').map(encodeURIComponent).join('/');
}

const MB = 1024 * 1024;

export const UPLOAD_RULES: Record<MediaDir, { extensions: readonly string[]; maxBytes: number }> = {
  images: { extensions: ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp'], maxBytes: 5 * MB },
  files: { extensions: ['pdf', 'docx', 'xlsx', 'pptx', 'csv', 'txt'], maxBytes: 20 * MB },
};

/** Largest upload of any kind. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(UPLOAD_RULES).map((r) => r.maxBytes));

/**
 * The file name to store an upload under: the last path part only (a browser may send
 * `C:\fakepath\x.png`), control characters removed, spaces kept. Throws 400 when nothing usable is left.
 */
export function safeUploadName(raw: unknown): string {
  if (typeof raw !== 'string') throw new SiteRuleError(400, 'name is required');
  const last = raw.split(/[/\\]/).pop() ?? '';
  const name = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '' || name === '.' || name === '..') throw new SiteRuleError(400, 'name is required');
  if (name.startsWith('.')) throw new SiteRuleError(400, 'name must not start with "."');
  if (name.length > 200) throw new SiteRuleError(400, 'name is too long (200 characters at most)');
  return name;
}

function extensionOf(name: string): string {
  const m = /\.([^.]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const zip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The first bytes each binary type starts with, so a renamed file of another kind is refused. */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  png: (b) => b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  jpg: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  jpeg: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  gif: (b) => b.length >= 6 && ascii(b, 0, 4) === 'GIF8',
  webp: (b) => b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  pdf: (b) => b.length >= 5 && ascii(b, 0, 5) === '%PDF-',
  docx: zip,
  xlsx: zip,
  pptx: zip,
};

/**
 * Checks an upload (folder, name, type by extension and content, size, SVG safety: src/core/svgCheck.ts)
 * and says where it goes. Rejects with SiteRuleError: 400 bad folder, name or empty file; 415 wrong type
 * or an SVG that could run script or load anything; 413 too large.
 */
export async function checkUpload(dir: unknown, rawName: unknown, bytes: Uint8Array): Promise<{ dir: MediaDir; name: string; rel: string }> {
  if (!isMediaDir(dir)) throw new SiteRuleError(400, 'dir must be "images" or "files"');
  const name = safeUploadName(rawName);
  const rules = UPLOAD_RULES[dir];
  const ext = extensionOf(name);
  if (!rules.extensions.includes(ext)) {
    throw new SiteRuleError(415, `${dir} accepts only ${rules.extensions.map((e) => `.${e}`).join(', ')} files`);
  }
  if (bytes.length === 0) throw new SiteRuleError(400, 'the file is empty');
  if (bytes.length > rules.maxBytes) throw new SiteRuleError(413, `${dir} may be ${rules.maxBytes / MB} MB at most`);
  const signature = SIGNATURES[ext];
  if (signature && !signature(bytes)) throw new SiteRuleError(415, `the file's content is not a .${ext} file`);
  if (ext === 'svg') {
    const problem = await svgProblem(bytes);
    if (problem) throw new SiteRuleError(415, `this SVG was refused because ${problem}`);
  }
  return { dir, name, rel: `${dir}/${name}` };
}
