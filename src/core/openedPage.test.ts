import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { useJsdom } from './node/useJsdom.ts';
import { openPageLoadingMarkdown, openPageWith } from './openedPage.ts';
import { openPage } from './pageDocument.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

const markdownPage = '---\ntitle: Trail notes\n---\n# Trail notes\n\nSee the [map]({{ "/files/map.pdf" | relative_url }}).\n';
const tiptapPage = '---\ntitle: Trail notes\nvariant: tiptap\n---\n<h1>Trail notes</h1>\n<p>See the map.</p>\n';

describe('openPageLoadingMarkdown', () => {
  it('opens a markdown page as openPage does, loading the importer', async () => {
    const eager = openPage(codec, markdownPage, { site: { baseurl: '/parks' } });
    const lazy = await openPageLoadingMarkdown(codec, markdownPage, { site: { baseurl: '/parks' } });
    expect(lazy.format).toBe('markdown');
    expect(lazy.body.doc.toJSON()).toEqual(eager.body.doc.toJSON());
    expect(lazy.report).toEqual(eager.report);
    expect(lazy.body.doc.textContent).toContain('See the map');
  });

  it('opens a tiptap page without the markdown importer', async () => {
    const lazy = await openPageLoadingMarkdown(codec, tiptapPage);
    expect(lazy.format).toBe('tiptap');
    expect(lazy.body.doc.toJSON()).toEqual(openPage(codec, tiptapPage).body.doc.toJSON());
    // The same page opens with no importer at all: the tiptap path never asks for one.
    const noImporter = (() => {
      throw new Error('the importer was used');
    }) as unknown as Parameters<typeof openPageWith>[0];
    expect(openPageWith(noImporter, codec, tiptapPage).body.doc.toJSON()).toEqual(lazy.body.doc.toJSON());
  });

  it('opens a markdown page with an empty body without the importer', async () => {
    const lazy = await openPageLoadingMarkdown(codec, '---\ntitle: Empty\n---\n');
    expect(lazy.format).toBe('markdown');
    expect(lazy.report).toEqual([]);
  });
});
