import { describe, expect, it } from 'vitest';
import { insertListItem, moveListItem, removeKey, removeListItem, setValue, siteYamlData } from './yamlTextEdit.ts';

describe('YAML text edits', () => {
  it('keeps the quoting a value was written in, and comments beside it', () => {
    expect(setValue("a: 'x' # note\nb: 1\n", ['a'], 'y')).toBe("a: 'y' # note\nb: 1\n");
    expect(setValue('a: "x"\n', ['a'], 'y')).toBe('a: "y"\n');
    expect(setValue('a: x\n', ['a'], 'true')).toBe('a: "true"\n');
    expect(setValue('a: x\n', ['a'], 'has: colon')).toBe('a: "has: colon"\n');
  });

  it('rewrites a block string (>-, |) as a block with its header comment and the line after it kept', () => {
    const folded = 'title: T\ndescription: >- # one line\n  Old text\n  folded here\nbaseurl: ""\n';
    expect(setValue(folded, ['description'], 'New text')).toBe('title: T\ndescription: >- # one line\n  New text\nbaseurl: ""\n');
    expect(siteYamlData(setValue(folded, ['description'], 'New text\n'))).toEqual({ title: 'T', description: 'New text\n', baseurl: '' });
    // A line break a fold would eat: written quoted on one line, the comment and the next key kept.
    expect(setValue(folded, ['description'], 'Two\nlines')).toBe('title: T\ndescription: "Two\\nlines" # one line\nbaseurl: ""\n');
    const literal = 'a: |\n    line one\n    line two\nb: 1\n';
    expect(setValue(literal, ['a'], 'first\n\nthird\n')).toBe('a: |\n    first\n\n    third\nb: 1\n');
    expect(setValue('a: |-\r\n  x\r\nb: 1\r\n', ['a'], 'y')).toBe('a: |-\r\n  y\r\nb: 1\r\n');
    expect(setValue('a: >\n  x\n', ['a'], ' edge spaces ')).toBe('a: " edge spaces "\n');
  });

  it('fills an empty value and adds a missing key under the right mapping', () => {
    expect(setValue('contact_us: \nshow_reach: false\n', ['contact_us'], '/c/')).toBe('contact_us: /c/\nshow_reach: false\n');
    expect(setValue('contact_us:\nx: 1\n', ['contact_us'], '/c/')).toBe('contact_us: /c/\nx: 1\n');
    expect(setValue('a: 1\nsocial:\n  fb: x\nz: 2\n', ['social', 'tiktok'], 't')).toBe('a: 1\nsocial:\n  fb: x\n  tiktok: t\nz: 2\n');
    expect(setValue('a: 1\n', ['social', 'tiktok'], 't')).toBe('a: 1\nsocial:\n  tiktok: t\n');
    expect(setValue('a: 1', ['b'], 'x')).toBe('a: 1\nb: x\n');
    expect(setValue('social: {}\n', ['social', 'fb'], 'x')).toBe('social: { fb: x }\n');
  });

  it('keeps CRLF line endings', () => {
    expect(setValue('a: 1\r\nb:\r\n  c: 2\r\n', ['b', 'd'], 'x')).toBe('a: 1\r\nb:\r\n  c: 2\r\n  d: x\r\n');
  });

  it('moves, inserts and removes list items as their own lines', () => {
    const text = 'links:\n  # first\n  - title: A\n    url: /a/\n  - {title: B, url: /b/}\n  - title: C\nend: 1\n';
    const moved = moveListItem(text, ['links'], 2, 0);
    // A comment above the first item stays at the top of the list.
    expect(moved).toBe('links:\n  # first\n  - title: C\n  - title: A\n    url: /a/\n  - {title: B, url: /b/}\nend: 1\n');
    expect(moveListItem(moved, ['links'], 0, 2)).toBe(text);
    const inserted = insertListItem(text, ['links'], 1, { title: 'N', url: '/n/' });
    expect(inserted).toBe('links:\n  # first\n  - title: A\n    url: /a/\n  - title: N\n    url: /n/\n  - {title: B, url: /b/}\n  - title: C\nend: 1\n');
    expect(removeListItem(inserted, ['links'], 1)).toBe(text);
    expect(siteYamlData(removeListItem('links:\n  - a\nend: 1\n', ['links'], 0))).toEqual({ links: [], end: 1 });
    expect(insertListItem('links: []\n', ['links'], 0, { title: 'A' })).toBe('links: [ { title: A } ]\n');
    expect(moveListItem('s: [a, b, c]\n', ['s'], 2, 0)).toBe('s: [ c, a, b ]\n');
  });

  it('removes a key with its lines', () => {
    expect(removeKey('a: 1\nb:\n  - x\n  - y\nc: 3\n', ['b'])).toBe('a: 1\nc: 3\n');
  });

  it('refuses a file that does not parse', () => {
    expect(() => setValue('a: [\n', ['a'], 'x')).toThrow(/does not parse/);
  });
});
