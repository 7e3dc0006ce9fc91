import { describe, expect, it } from 'vitest';
import { siteFileOf } from './folderStorage.ts';

describe('siteFileOf: the folder file an image address names', () => {
  it('decodes percent-encoding, keeps raw spaces and drops a query', () => {
    expect(siteFileOf('/images/park%20photos/lawn.png')).toBe('images/park photos/lawn.png');
    expect(siteFileOf('/images/park photos/lawn.png?v=2')).toBe('images/park photos/lawn.png');
    expect(siteFileOf('/images/100%.png')).toBe('images/100%.png');
  });

  it('removes the site baseurl', () => {
    expect(siteFileOf('/parks/images/a.png', '/parks')).toBe('images/a.png');
  });

  it('names nothing outside the folder, hidden or on another site', () => {
    for (const src of ['https://example.org/a.png', '//example.org/a.png', 'images/a.png', '/images/../../a.png', '/images/%2e%2e/a.png', '/.git/config', '/images/a%2F.git%2Fconfig', '/images/a%5C..%5Cb.png', 'data:image/png;base64,AA']) {
      expect(siteFileOf(src)).toBeNull();
    }
  });
});
