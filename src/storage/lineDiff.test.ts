import { describe, expect, it } from 'vitest';
import { lineDiff, sequenceDiff } from './lineDiff.ts';

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

describe('sequenceDiff', () => {
  it('compares any items, here blocks, with a comparator', () => {
    const before = [{ id: 1, html: '<p>a</p>' }, { id: 2, html: '<p>b</p>' }];
    const after = [{ id: 1, html: '<p>a</p>' }, { id: 3, html: '<h2>c</h2>' }];
    expect(sequenceDiff(before, after, (x, y) => x.html === y.html).map((d) => [d.type, d.value.html])).toEqual([
      ['same', '<p>a</p>'],
      ['removed', '<p>b</p>'],
      ['added', '<h2>c</h2>'],
    ]);
  });
  it('gives up aligning very different long texts without hanging, and still loses no line', () => {
    const before = Array.from({ length: 30_000 }, (_, i) => `old ${i}`);
    const after = Array.from({ length: 30_000 }, (_, i) => `new ${i}`);
    const diff = sequenceDiff(before, after);
    expect(diff.filter((d) => d.type === 'removed').map((d) => d.value)).toEqual(before);
    expect(diff.filter((d) => d.type === 'added').map((d) => d.value)).toEqual(after);
  });
});
