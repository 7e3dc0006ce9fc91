/** Page summaries and etags computed in the browser (for the folder and file backends). */
import { summarisePage } from '../core/pageSummary.ts';

export { summarisePage };

/** The server's etag format: the quoted sha256 hex digest of the bytes. */
export async function etagOfBytes(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `"${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}"`;
}
