// @vitest-environment jsdom
// Commands need TipTap's editor, which needs a browser-like global DOM.
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';

const codec = new BodyCodec(blockRegistry);
const makeEditor = testEditors(codec);
let editor: Editor | null = null;

describe('setIsomerImage', () => {
  const make = () => {
    editor = makeEditor({ content: { type: 'doc', content: [{ type: 'paragraph' }] } });
    editor.commands.focus('end');
    return editor;
  };
  const exported = (e: Editor) => codec.exportHtml({ doc: e.state.doc, leading: '', trailing: '' }).html;

  it('inserts an image in Isomer markup', () => {
    const e = make();
    expect(e.commands.setIsomerImage({ src: '/images/new photo.png', alt: 'A new photo', width: 50 })).toBe(true);
    expect(exported(e)).toContain('<div class="isomer-image-wrapper">\n<img style="width: 50%" height="auto" width="100%" alt="A new photo" src="/images/new photo.png">\n</div>');
  });

  it('inserts a linked image, and updates then unlinks the selected one', () => {
    const e = make();
    e.commands.setIsomerImage({ src: '/a.png', alt: '', href: 'https://www.example.org/' });
    expect(exported(e)).toContain('<a class="isomer-image-wrapper" href="https://www.example.org/">\n<img style="width: 100%" height="auto" width="100%" alt="" src="/a.png">\n</a>');
    let pos = -1;
    e.state.doc.forEach((n, offset) => {
      if (n.type.name === 'isomerImage') pos = offset;
    });
    e.view.dispatch(e.state.tr.setSelection(NodeSelection.create(e.state.doc, pos)));
    e.commands.setIsomerImage({ src: '/b.png', alt: 'B', width: 25, href: '' });
    const images: string[] = [];
    e.state.doc.forEach((n) => n.type.name === 'isomerImage' && images.push(n.attrs['src'] as string));
    expect(images).toEqual(['/b.png']);
    expect(exported(e)).toContain('<div class="isomer-image-wrapper">\n<img style="width: 25%" height="auto" width="100%" alt="B" src="/b.png">\n</div>');
  });
});

