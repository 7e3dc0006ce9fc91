import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { etagOf, ifMatchSatisfied, parseEtagList } from './etag.ts';

describe('etag', () => {
  it('is the quoted sha256 hex of the bytes', () => {
    const bytes = Buffer.from('héllo\r\n', 'utf8');
    expect(etagOf(bytes)).toBe(`"${createHash('sha256').update(bytes).digest('hex')}"`);
    expect(etagOf(Buffer.from('a\n'))).not.toBe(etagOf(Buffer.from('a\r\n')));
  });
  it('parses etag lists', () => {
    expect(parseEtagList(undefined)).toEqual([]);
    expect(parseEtagList(' * ')).toBe('*');
    expect(parseEtagList('"a", W/"b" ,"c"')).toEqual(['"a"', 'W/"b"', '"c"']);
  });
  it('compares strongly', () => {
    expect(ifMatchSatisfied('"a"', '"a"')).toBe(true);
    expect(ifMatchSatisfied('"x", "a"', '"a"')).toBe(true);
    expect(ifMatchSatisfied('W/"a"', '"a"')).toBe(false);
    expect(ifMatchSatisfied('a', '"a"')).toBe(false);
    expect(ifMatchSatisfied('*', '"a"')).toBe(false);
    expect(ifMatchSatisfied(undefined, '"a"')).toBe(false);
  });
});
