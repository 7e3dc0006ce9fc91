/**
 * Browser-only backend for one page file opened with a file input. "Saving" hands the file back as
 * a download; the person replaces the original themselves.
 */
import type { PageContent, PageSummary, SaveResult, SiteInfo } from './siteApi.ts';
import { SiteApiError } from './siteApi.ts';
import type { SiteStorage } from './siteStorage.ts';
import { decodePageBytes } from '../core/pageBytes.ts';
import { etagOfBytes, summarisePage } from './summarise.ts';

/** Offers `text` as a download named `name`. */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function fileStorage(file: File): Promise<SiteStorage> {
  const path = file.name;
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A binary or non-UTF-8 file is refused here, with the reason, before anything opens.
  let text = decodePageBytes(bytes);
  let etag = await etagOfBytes(bytes);
  const modified = file.lastModified;

  return {
    kind: 'file',
    label: file.name,
    savesByDownload: true,
    async fetchSite(): Promise<SiteInfo> {
      return { title: file.name, baseurl: '', colors: null, resourcesName: null, navigation: null, collections: [], siteId: `file:${file.name}` };
    },
    async fetchPages(): Promise<PageSummary[]> {
      return [summarisePage(path, text, modified, null)];
    },
    async fetchPage(p: string): Promise<PageContent> {
      if (p !== path) throw new SiteApiError('Only the opened file is available.', 404);
      return { path, text, etag };
    },
    async savePage(p: string, next: string, ifEtag: string): Promise<SaveResult> {
      if (p !== path) throw new SiteApiError('Only the opened file can be saved.', 404);
      if (ifEtag !== etag) return { ok: false, conflict: { message: 'the file was saved in another way meanwhile', current: { text, etag } } };
      text = next;
      etag = await etagOfBytes(new TextEncoder().encode(next));
      downloadText(path, next);
      return { ok: true, etag };
    },
  };
}
