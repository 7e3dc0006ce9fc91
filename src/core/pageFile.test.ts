import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  frontMatterData,
  pageVariant,
  readPageFile,
  setFrontMatterValue,
  withBody,
  writePageFile,
} from './pageFile.ts';
import { isCertainlyTiptap, splitPageFile } from './pageFileText.ts';
import { corpusDir } from './testing/corpus.ts';

const corpusFiles = readdirSync(corpusDir).sort();

describe('readPageFile / writePageFile', () => {
  it('finds all 62 corpus pages', () => {
    expect(corpusFiles).toHaveLength(62);
  });

  it.each(corpusFiles)('round-trips %s byte for byte', (name) => {
    const text = readFileSync(new URL(encodeURIComponent(name), corpusDir), 'utf8');
    expect(writePageFile(readPageFile(text))).toBe(text);
  });

  it('reads an empty file as a page without front matter', () => {
    const page = readPageFile('');
    expect(page.hasFrontMatter).toBe(false);
    expect(page.body).toBe('');
    expect(writePageFile(page)).toBe('');
  });

  it('reads a front-matter-only file with no final newline', () => {
    const text = '---\ntitle: Only settings\nlayout: file\n---';
    const page = readPageFile(text);
    expect(page.hasFrontMatter).toBe(true);
    expect(page.body).toBe('');
    expect(frontMatterData(page)).toEqual({ title: 'Only settings', layout: 'file' });
    expect(writePageFile(page)).toBe(text);
  });

  it('keeps CRLF line endings, also in edited keys', () => {
    const text = '---\r\ntitle: Old\r\npermalink: /old/\r\n---\r\n<p>Hi</p>\r\n';
    const page = readPageFile(text);
    expect(page.eol).toBe('\r\n');
    expect(page.body).toBe('<p>Hi</p>\r\n');
    const edited = setFrontMatterValue(page, 'title', 'New');
    expect(writePageFile(edited)).toBe('---\r\ntitle: New\r\npermalink: /old/\r\n---\r\n<p>Hi</p>\r\n');
  });

  it('opens front matter with a TAB after a value, as Jekyll does, with a warning on its line', () => {
    const corppass = corpusFiles.find((n) => n.endsWith('corppass.md'))!;
    const text = readFileSync(new URL(encodeURIComponent(corppass), corpusDir), 'utf8');
    const page = readPageFile(text);
    expect(page.frontMatterError).toBeNull();
    expect(page.frontMatterWarnings).toHaveLength(1);
    expect(page.frontMatterWarnings[0]!.line).toBe(8);
    expect(String(frontMatterData(page)['thumbnail_image'])).toMatch(/ThumbNail\.jpg$/);
    expect(writePageFile(page)).toBe(text);
    // Editing another key leaves the TAB where it was.
    expect(writePageFile(setFrontMatterValue(page, 'title', 'CorpPass 2'))).toBe(
      text.replace('title: CorpPass\n', 'title: CorpPass 2\n'),
    );
  });

  it('keeps the raw text of front matter that does not parse, with a structured error', () => {
    const text = '---\ntitle: ok\n  bad: indentation: here\n---\n<p>kept</p>';
    const page = readPageFile(text);
    expect(page.frontMatter).toBeNull();
    expect(page.frontMatterError).toMatchObject({ line: 2, column: 8, message: expect.not.stringMatching(/at line/) });
    expect(page.body).toBe('<p>kept</p>');
    expect(writePageFile(page)).toBe(text);
    expect(() => setFrontMatterValue(page, 'title', 'x')).toThrow(/cannot be changed/);
  });

  it('reports a line and column for broken YAML', () => {
    const page = readPageFile('---\ntitle: ok\npermalink: [unclosed\n---\nbody');
    expect(page.frontMatterError).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(page.body).toBe('body');
  });

  it('reads a byte order mark before the fence, and keeps it', () => {
    const text = '\uFEFF---\r\ntitle: A\r\n---\r\nbody';
    const page = readPageFile(text);
    expect(frontMatterData(page)).toEqual({ title: 'A' });
    expect(page.body).toBe('body');
    expect(writePageFile(page)).toBe(text);
  });

  it('reads empty front matter, blank lines inside it, and does not take "----" for a fence', () => {
    expect(readPageFile('---\n---\nx')).toMatchObject({ hasFrontMatter: true, frontMatterText: '', body: 'x' });
    expect(readPageFile('---\na: 1\n\nb: 2\n\n---\nx').frontMatterText).toBe('a: 1\n\nb: 2\n\n');
    expect(readPageFile('---\na: 1\n----\nb\n---\n').frontMatterText).toBe('a: 1\n----\nb\n');
    expect(readPageFile('---').hasFrontMatter).toBe(false);
    expect(readPageFile('# Title\n---\n').hasFrontMatter).toBe(false);
  });

  it('treats a file without a closing fence as all body', () => {
    const text = '---\ntitle: never closed\n<p>x</p>';
    const page = readPageFile(text);
    expect(page.hasFrontMatter).toBe(false);
    expect(writePageFile(page)).toBe(text);
  });
});

describe('setFrontMatterValue', () => {
  const text = [
    '---',
    '# a comment that stays',
    "title: 'Quoted title'",
    'permalink: /a/',
    'description: A long description that was folded',
    '  over two lines by the CMS.',
    '',
    'image: /images/x.png # trailing comment',
    '---',
    '<p>body</p>',
  ].join('\n');

  it('changes only the edited key', () => {
    const page = setFrontMatterValue(readPageFile(text), 'permalink', '/b/');
    expect(writePageFile(page)).toBe(text.replace('permalink: /a/', 'permalink: /b/'));
  });

  it('rewrites a folded value in place', () => {
    const page = setFrontMatterValue(readPageFile(text), 'description', 'Short');
    const out = writePageFile(page);
    expect(out).toContain("title: 'Quoted title'\npermalink: /a/\ndescription: Short\n\nimage: /images/x.png # trailing comment\n");
    expect(out).toContain('# a comment that stays');
  });

  it('sets variant: tiptap in place or appends it last', () => {
    const withVariant = readPageFile('---\ntitle: T\nvariant: markdown\npermalink: /t/\n---\nx');
    expect(writePageFile(setFrontMatterValue(withVariant, 'variant', 'tiptap'))).toBe(
      '---\ntitle: T\nvariant: tiptap\npermalink: /t/\n---\nx',
    );
    const without = readPageFile(text);
    const out = writePageFile(setFrontMatterValue(without, 'variant', 'tiptap'));
    expect(out).toBe(text.replace('\n---\n<p>', '\nvariant: tiptap\n---\n<p>'));
    expect(pageVariant(readPageFile(out))).toBe('tiptap');
  });

  it('writes a new key after title and permalink, before variant, keeping every other byte', () => {
    const page = readPageFile('---\ntitle: T\npermalink: /t/\nvariant: tiptap\n---\n<p>x</p>');
    expect(writePageFile(setFrontMatterValue(page, 'description', 'About T'))).toBe(
      '---\ntitle: T\npermalink: /t/\ndescription: About T\nvariant: tiptap\n---\n<p>x</p>',
    );
    const crlf = readPageFile('---\r\ntitle: T\r\n# layout comes from the site\r\nlayout: page\r\nvariant: tiptap\r\n---\r\nx');
    expect(writePageFile(setFrontMatterValue(crlf, 'description', 'D'))).toBe(
      '---\r\ntitle: T\r\n# layout comes from the site\r\nlayout: page\r\ndescription: D\r\nvariant: tiptap\r\n---\r\nx',
    );
    const noVariant = readPageFile('---\ntitle: T\npermalink: /t/\nimage: /images/a.png\n---\nx');
    expect(writePageFile(setFrontMatterValue(noVariant, 'description', 'D'))).toBe(
      '---\ntitle: T\npermalink: /t/\ndescription: D\nimage: /images/a.png\n---\nx',
    );
  });

  it('quotes values that need it and removes keys', () => {
    const page = readPageFile(text);
    const quoted = setFrontMatterValue(page, 'title', 'Rules: v2.0 # new');
    expect(frontMatterData(quoted)['title']).toBe('Rules: v2.0 # new');
    const removed = setFrontMatterValue(page, 'image', undefined);
    expect(writePageFile(removed)).not.toContain('image:');
    expect(frontMatterData(removed)['permalink']).toBe('/a/');
  });

  it('adds front matter to a page that had none', () => {
    const page = setFrontMatterValue(readPageFile('<p>x</p>'), 'title', 'New');
    expect(writePageFile(page)).toBe('---\ntitle: New\n---\n<p>x</p>');
  });

  it('keeps the body when only the body changes', () => {
    const page = withBody(readPageFile(text), '<p>changed</p>');
    expect(writePageFile(page)).toBe(text.replace('<p>body</p>', '<p>changed</p>'));
  });
});

describe('splitPageFile / isCertainlyTiptap (no YAML needed)', () => {
  const corpusText = (name: string) => readFileSync(new URL(encodeURIComponent(name), corpusDir), 'utf8');

  /** The shortcut may only say "tiptap" where the parse says so too (or cannot say anything). */
  function expectShortcutAgrees(frontMatterText: string) {
    const eol = frontMatterText === '' || frontMatterText.endsWith('\n') ? '' : '\n';
    const file = readPageFile(`---\n${frontMatterText}${eol}---\n`);
    if (isCertainlyTiptap(frontMatterText) && !file.frontMatterError) expect(pageVariant(file)).toBe('tiptap');
  }

  it.each(corpusFiles)('splits %s as readPageFile does, and the shortcut agrees with the parse', (name) => {
    const text = corpusText(name);
    const parts = splitPageFile(text);
    expect(writePageFile(parts)).toBe(text);
    const file = readPageFile(text);
    expect(parts).toEqual({ ...file, frontMatter: undefined, frontMatterError: undefined, frontMatterWarnings: undefined });
    if (isCertainlyTiptap(parts.frontMatterText)) expect(pageVariant(file)).toBe('tiptap');
    // The same page once converted (variant set as saving does) is recognised without the parse.
    if (!file.frontMatterError) {
      const converted = setFrontMatterValue(file, 'variant', 'tiptap');
      expect(pageVariant(converted)).toBe('tiptap');
      const mentions = file.frontMatterText.split('variant').length - 1;
      const onlyTopLevelVariant = mentions === 1 && /^variant: \w+\r?$/m.test(file.frontMatterText);
      if (mentions === 0 || onlyTopLevelVariant) expect(isCertainlyTiptap(converted.frontMatterText)).toBe(true);
    }
  });

  it('recognises every corpus page whose parsed variant is tiptap', () => {
    const parsedTiptap = corpusFiles.filter((name) => pageVariant(readPageFile(corpusText(name))) === 'tiptap');
    const certain = corpusFiles.filter((name) => isCertainlyTiptap(splitPageFile(corpusText(name)).frontMatterText));
    expect(parsedTiptap.length).toBeGreaterThan(0);
    expect(certain).toEqual(parsedTiptap);
  });

  it('says "tiptap" only for one plain top-level line', () => {
    const certain = ['variant: tiptap\n', 'title: A\nvariant: "tiptap"\n', "variant:   'tiptap'   # converted\r\n", 'a: 1\nvariant: tiptap'];
    for (const text of certain) {
      expect(isCertainlyTiptap(text)).toBe(true);
      expectShortcutAgrees(text);
    }
    const unknown = [
      '',
      'variant: markdown\n',
      'variant: tiptap2\n',
      'variant: tiptap#x\n',
      '  variant: tiptap\n',
      'variant: tiptap\nvariant: markdown\n',
      'variant: tiptap\n"variant": markdown\n',
      'description: |\n  variant: tiptap\n',
      'title: "variant"\nvariant: tiptap\n',
      'variant : tiptap\n',
      'variant: !!str tiptap\n',
    ];
    for (const text of unknown) {
      expect(isCertainlyTiptap(text), text).toBe(false);
      expectShortcutAgrees(text);
    }
  });

  it('never disagrees with the parse where a variant line sits inside another value', () => {
    const tricky = ['title: "a\nvariant: tiptap\nb"\n', 'tags: [a,\nvariant: tiptap\n]\n', 'd: |\nvariant: tiptap\n', '? x\nvariant: tiptap\n'];
    for (const text of tricky) expectShortcutAgrees(text);
  });
});
