import { describe, expect, it } from 'vitest';
import { appendToOrder, removeFromOrder, renameInOrder } from './collectionOrder.ts';

const YML = [
  '# comment kept',
  'collections:',
  '  about:',
  '    output: true',
  '    order:',
  '      - Who we are?.md',
  '      - "Our Parks/.keep"',
  '      - >-',
  '        Our Parks/A very long',
  '        name.md',
  '      - "FAQ: Q|A & more’s.md"',
  '',
].join('\n');

describe('collection.yml order edits', () => {
  it('appends one line and leaves the rest byte for byte', () => {
    const out = appendToOrder(YML, 'about', 'Our Parks/Lakes & Ponds: new.md')!;
    expect(out).toBe(YML.replace('more’s.md"\n', 'more’s.md"\n      - "Our Parks/Lakes & Ponds: new.md"\n'));
  });
  it('appends after a folded last entry and to a file without a final newline', () => {
    const folded = YML.replace('      - "FAQ: Q|A & more’s.md"\n', '');
    expect(appendToOrder(folded, 'about', 'x.md')).toBe(folded + '      - x.md\n');
    const noNewline = YML.trimEnd();
    expect(appendToOrder(noNewline, 'about', 'x.md')).toBe(noNewline + '\n      - x.md');
  });
  it('does not list an entry twice, and gives null without an order list', () => {
    expect(appendToOrder(YML, 'about', 'Who we are?.md')).toBe(YML);
    expect(appendToOrder('collections:\n  about:\n    output: true\n', 'about', 'x.md')).toBeNull();
    expect(appendToOrder('not: [valid', 'about', 'x.md')).toBeNull();
  });
  it('appends to a flow list through the YAML document', () => {
    const out = appendToOrder('collections:\n  about:\n    order: []\n', 'about', 'Tamil தமிழ்.md')!;
    expect(out).toContain('Tamil தமிழ்.md');
  });
  it('removes and renames entries in place', () => {
    expect(removeFromOrder(YML, 'about', 'Our Parks/.keep')).toBe(YML.replace('      - "Our Parks/.keep"\n', ''));
    expect(removeFromOrder(YML, 'about', 'missing.md')).toBeNull();
    expect(renameInOrder(YML, 'about', 'Who we are?.md', 'Who we are.md')).toBe(YML.replace('- Who we are?.md', '- Who we are.md'));
    expect(renameInOrder(YML, 'about', 'FAQ: Q|A & more’s.md', 'FAQ.md')).toBe(YML.replace('- "FAQ: Q|A & more’s.md"', '- FAQ.md'));
  });
});
