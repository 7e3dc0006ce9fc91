import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { useJsdom } from './node/useJsdom.ts';
import { openPageInBrowser } from './openedPage.ts';
import { openPage, openPageWith } from './pageDocument.ts';
import { parsePageFile, readPageFile } from './pageFile.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

const markdownPage = '---\ntitle: Trail notes\n---\n# Trail notes\n\nSee the [map]({{ "/files/map.pdf" | relative_url }}).\n';
const tiptapPage = '---\ntitle: Trail notes\nvariant: tiptap\n---\n<h1>Trail notes</h1>\n<p>See the map.</p>\n';

describe('openPageInBrowser', () => {
  it('opens a markdown page as openPage does, loading the importer', async () => {
    const eager = openPage(codec, markdownPage, { site: { baseurl: '/parks' } });
    const { opened: lazy, frontMatterPending } = await openPageInBrowser(codec, markdownPage, { site: { baseurl: '/parks' } });
    expect(frontMatterPending).toBe(false);
    expect(lazy.file).toEqual(eager.file);
    expect(lazy.format).toBe('markdown');
    expect(lazy.body.doc.toJSON()).toEqual(eager.body.doc.toJSON());
    expect(lazy.report).toEqual(eager.report);
    expect(lazy.body.doc.textContent).toContain('See the map');
  });

  it('opens a tiptap page without the markdown importer', async () => {
    const { opened: lazy, frontMatterPending } = await openPageInBrowser(codec, tiptapPage);
    expect(lazy.format).toBe('tiptap');
    // Opened from the front matter text alone; parsing it afterwards gives the file openPage reads.
    expect(frontMatterPending).toBe(true);
    expect(lazy.file.frontMatter).toBeNull();
    expect(parsePageFile(lazy.file)).toEqual(readPageFile(tiptapPage));
    expect(lazy.body.doc.toJSON()).toEqual(openPage(codec, tiptapPage).body.doc.toJSON());
    // The same page opens with no importer at all: the tiptap path never asks for one.
    const noImporter = (() => {
      throw new Error('the importer was used');
    }) as unknown as Parameters<typeof openPageWith>[0];
    expect(openPageWith(noImporter, codec, tiptapPage).body.doc.toJSON()).toEqual(lazy.body.doc.toJSON());
  });

  it('opens a markdown page with an empty body without the importer', async () => {
    const { opened: lazy } = await openPageInBrowser(codec, '---\ntitle: Empty\n---\n');
    expect(lazy.format).toBe('markdown');
    expect(lazy.report).toEqual([]);
  });

  it('opens a tiptap page with broken front matter from its body, keeping the text for the error', async () => {
    const broken = '---\nvariant: tiptap\ntitle: [unclosed\n---\n<p>Kept.</p>\n';
    const { opened, frontMatterPending } = await openPageInBrowser(codec, broken);
    expect(frontMatterPending).toBe(true);
    expect(opened.body.doc.textContent).toBe('Kept.');
    const parsed = parsePageFile(opened.file);
    expect(parsed.frontMatterError).toMatchObject({ line: 4 });
    expect(parsed.frontMatterText).toBe('variant: tiptap\ntitle: [unclosed\n');
  });
});
