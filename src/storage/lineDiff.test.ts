import { describe, expect, it } from 'vitest';
import { lineDiff } from './lineDiff.ts';

describe('lineDiff', () => {
  it('marks changed lines and keeps the common ones', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nB\nc\nd')).toEqual([
      { type: 'same', text: 'a' },
      { type: 'removed', text: 'b' },
      { type: 'added', text: 'B' },
      { type: 'same', text: 'c' },
      { type: 'added', text: 'd' },
    ]);
  });
  it('handles empty texts and CRLF', () => {
    expect(lineDiff('', '')).toEqual([]);
    expect(lineDiff('x\r\ny', 'x\ny')).toEqual([
      { type: 'same', text: 'x' },
      { type: 'same', text: 'y' },
    ]);
  });
});
