/** Read-only serving of raw site files (`/site/*`, `/images/*`, `/files/*`) and of the built app. */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { HttpError, errnoCode } from './errors.ts';
import { hasHiddenSegment, resolveSitePath } from './paths.ts';
import { APP_CSP, SITE_FILE_CSP } from './security.ts';

const MIME: Record<string, string> = {
  '.apng': 'image/apng',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.zip': 'application/zip',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
};

export function contentTypeFor(fileName: string): string {
  return MIME[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Decodes the path part of a request URL after `prefix` (e.g. `/site/`) into a site-relative path.
 * Each segment is percent-decoded separately, so `%2F` cannot introduce a separator. Returns null
 * when the path is not decodable.
 */
export function decodeUrlPath(rawPathname: string, prefix: string): string | null {
  if (!rawPathname.startsWith(prefix)) return null;
  const parts = rawPathname.slice(prefix.length).split('/');
  const out: string[] = [];
  for (const part of parts) {
    let seg: string;
    try {
      seg = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (seg.includes('/')) return null;
    out.push(seg);
  }
  return out.join('/');
}

/**
 * A stream that opens the file only when first read, so a response whose body is never consumed
 * (HEAD requests, aborted clients) does not hold a file descriptor.
 */
function lazyFileStream(file: string): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= (Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>).getReader();
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel(reason) {
        await reader?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

function fileResponse(file: string, size: number, mtimeMs: number, headers: Record<string, string>): Response {
  return new Response(lazyFileStream(file), {
    status: 200,
    headers: {
      'Content-Type': contentTypeFor(file),
      'Content-Length': String(size),
      'Last-Modified': new Date(mtimeMs).toUTCString(),
      'Cache-Control': 'no-cache',
      ...headers,
    },
  });
}

/**
 * Serves one raw site file, read-only. Hidden paths answer 404; paths leading out of the site 403;
 * bad syntax 400. Responses carry a sandboxing CSP so that an SVG or HTML file from the site
 * cannot run script with the editor's origin.
 */
export async function serveSiteFile(siteDir: string, rel: string): Promise<Response> {
  const resolved = await resolveSitePath(siteDir, rel);
  if (hasHiddenSegment(resolved.rel)) throw new HttpError(404, 'not found');
  let st;
  try {
    st = await stat(resolved.real);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new HttpError(404, 'not found');
    throw err;
  }
  if (!st.isFile()) throw new HttpError(404, 'not found');
  const isPdf = path.extname(resolved.real).toLowerCase() === '.pdf';
  // Browsers refuse to render PDFs in a sandboxed document; their viewers do not run page script anyway.
  const headers: Record<string, string> = isPdf ? {} : { 'Content-Security-Policy': SITE_FILE_CSP };
  return fileResponse(resolved.real, st.size, st.mtimeMs, headers);
}

function escapeHtmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const TOKEN_META_NAME = 'isomer-editor-token';
/** Present (content `team`) when the page is served by the team server: the app then asks for sign-in. */
export const MODE_META_NAME = 'isomer-editor-mode';

/** Inserts `<meta name="isomer-editor-token" content="…">` right after `<head>` (or at the start). */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${escapeHtmlAttr(token)}">`;
  const m = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!m) return meta + html;
  const at = m.index + m[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

const APP_HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': APP_CSP,
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

export const NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Isomer Page Editor</title></head>
<body><h1>Isomer Page Editor</h1><p>The editor app is not built. Run <code>npm run build</code> and start the server again.</p></body></html>
`;

/**
 * Serves the built single-page app from `appDir`: an existing file for the URL path, or
 * `index.html` (with the session token injected) for anything else.
 */
export async function serveApp(appDir: string | undefined, rawPathname: string, token: string, mode?: 'team'): Promise<Response> {
  const notBuilt = () =>
    new Response(NOT_BUILT_HTML, { status: rawPathname === '/' ? 200 : 404, headers: APP_HTML_HEADERS });
  if (!appDir) return notBuilt();

  const rel = decodeUrlPath(rawPathname, '/');
  if (rel && rel !== 'index.html' && !hasHiddenSegment(rel)) {
    try {
      const resolved = await resolveSitePath(appDir, rel);
      const st = await stat(resolved.real);
      if (st.isFile()) {
        const headers: Record<string, string> = { 'Content-Security-Policy': APP_CSP };
        if (rel.startsWith('assets/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
        return fileResponse(resolved.real, st.size, st.mtimeMs, headers);
      }
    } catch {
      // not an app file: fall back to index.html
    }
  }

  let html: string;
  try {
    html = await readFile(path.join(appDir, 'index.html'), 'utf8');
  } catch {
    return notBuilt();
  }
  let page = injectToken(html, token);
  if (mode) page = page.replace(/(<meta name="isomer-editor-token"[^>]*>)/, `$1<meta name="${MODE_META_NAME}" content="${mode}">`);
  return new Response(page, { status: 200, headers: APP_HTML_HEADERS });
}
