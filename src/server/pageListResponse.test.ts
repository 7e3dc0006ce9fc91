import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { summarisePage } from '../core/pageSummary.ts';
import { pageListResponder } from './pageListResponse.ts';

const pages = Array.from({ length: 200 }, (_, i) => summarisePage(`pages/p-${i}.md`, `---\ntitle: Page ${i}\n---\n`, i, null));

describe('pageListResponder', () => {
  it('sends the list gzipped to a browser that accepts it, and plain otherwise', async () => {
    const respond = pageListResponder();
    const zipped = await respond(pages, 'gzip, deflate, br');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual({ pages });

    for (const refused of [undefined, 'identity', 'br', 'gzip;q=0', 'deflate, gzip;q=0.0']) {
      const plain = await respond(pages, refused);
      expect(plain.headers.get('content-encoding'), String(refused)).toBeNull();
      expect(await plain.json()).toEqual({ pages });
    }
    expect((await respond(pages, 'gzip;q=0.5')).headers.get('content-encoding')).toBe('gzip');
  });

  it('writes the list again once it changed', async () => {
    const respond = pageListResponder();
    expect(((await (await respond(pages, undefined)).json()) as { pages: unknown[] }).pages).toHaveLength(200);
    const fewer = pages.slice(0, 3);
    expect(((await (await respond(fewer, undefined)).json()) as { pages: unknown[] }).pages).toHaveLength(3);
  });
});
