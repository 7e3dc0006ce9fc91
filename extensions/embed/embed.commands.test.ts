// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';

const codec = new BodyCodec(blockRegistry);

describe('embed commands', () => {
  const makeEditor = testEditors(codec);
  let editor: Editor | null = null;

  function start(): Editor {
    editor = makeEditor({ content: { type: 'doc', content: [{ type: 'paragraph' }] } });
    return editor;
  }

  function exported(e: Editor): string {
    return codec.exportHtml({ doc: e.state.doc, leading: '', trailing: '' }).html;
  }

  it('insertEmbed turns a YouTube address into Isomer embed markup, selected', () => {
    const e = start();
    expect(e.commands.insertEmbed('https://www.youtube.com/watch?v=aBcD3fGh1jK')).toBe(true);
    e.state.doc.check();
    expect(e.state.selection instanceof NodeSelection && e.state.selection.node.type.name).toBe('embed');
    const html = exported(e);
    expect(html).toContain(
      '<div class="iframe-wrapper">\n<iframe src="https://www.youtube.com/embed/aBcD3fGh1jK" width="560" height="315" frameborder="0" allowfullscreen="true" ' +
        'referrerpolicy="strict-origin-when-cross-origin" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" title="YouTube video player"></iframe>\n</div>',
    );
    const reread = codec.importHtml(html);
    expect(reread.report.filter((r) => r.kind !== 'keptRaw')).toEqual([]);
    expect(codec.exportHtml(reread, { reuseSource: false }).html).toBe(html);
  });

  it('insertEmbed writes the FormSG style exactly', () => {
    const e = start();
    expect(e.commands.insertEmbed('https://form.gov.sg/0123456789abcdef01234567')).toBe(true);
    expect(exported(e)).toContain('<div class="iframe-wrapper">\n<iframe style="width: 100%; height: 500px" src="https://form.gov.sg/0123456789abcdef01234567" id="iframe" title="Form"></iframe>\n</div>');
  });

  it('insertEmbed refuses other hosts and changes nothing', () => {
    const e = start();
    const before = e.state.doc;
    expect(e.commands.insertEmbed('https://example.com/video')).toBe(false);
    expect(e.state.doc.eq(before)).toBe(true);
  });

  it('an empty embed gets its address later; the same provider keeps its size and attributes', () => {
    const e = start();
    expect(e.commands.insertEmbed()).toBe(true);
    expect(exported(e)).toContain('<div class="iframe-wrapper"></div>');
    expect(e.commands.setEmbedUrl('https://example.com/x')).toBe(false);
    expect(e.commands.setEmbedUrl('https://vimeo.com/123456789')).toBe(true);
    expect(exported(e)).toContain('<iframe src="https://player.vimeo.com/video/123456789" width="640" height="360"');

    const body = '<div class="iframe-wrapper">\n<iframe height="200" width="300" allowfullscreen="true" frameborder="0" src="https://www.youtube.com/embed/aaaaaaaaaaa"></iframe>\n</div>';
    e.commands.setContent(codec.toJSON(codec.importHtml(body).doc));
    e.commands.setNodeSelection(0);
    expect(e.commands.setEmbedUrl('https://youtu.be/bbbbbbbbbbb')).toBe(true);
    expect(exported(e)).toBe(body.replace('aaaaaaaaaaa', 'bbbbbbbbbbb'));
  });
});
