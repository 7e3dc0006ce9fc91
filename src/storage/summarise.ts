/** Page summaries and etags computed in the browser (for the folder and file backends). */
import { summarisePage } from '../core/pageSummary.ts';

export { summarisePage };

/** The server's etag format: the quoted sha256 hex digest of the bytes. */
export async function etagOfBytes(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `"${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}"`;
}

/** Decodes UTF-8, saying whether the bytes were not valid UTF-8 (saving would change them). */
export function decodeUtf8(bytes: Uint8Array): { text: string; encodingError: boolean } {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const again = new TextEncoder().encode(text);
  const same = again.length === bytes.length && again.every((b, i) => b === bytes[i]);
  return { text, encodingError: !same };
}
