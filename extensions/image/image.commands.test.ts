// @vitest-environment jsdom
// Commands need TipTap's editor, which needs a browser-like global DOM.
import type { Editor } from '@tiptap/core';
import { NodeSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';
import { touchesImages } from './schema.ts';

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


describe('touchesImages', () => {
  /** Whether each transaction the action dispatches touches an image, in order. */
  const watch = (e: Editor, action: () => void): boolean[] => {
    const seen: boolean[] = [];
    const listener = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.docChanged) seen.push(touchesImages(transaction));
    };
    e.on('transaction', listener);
    action();
    e.off('transaction', listener);
    return seen;
  };
  const imageAt = (e: Editor) => {
    let pos = -1;
    e.state.doc.forEach((n, offset) => {
      if (n.type.name === 'isomerImage') pos = offset;
    });
    return pos;
  };

  it('is true when an image is inserted, described, moved by an attribute step or deleted; false for typing beside one', () => {
    const e = makeEditor({ content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Before' }] }] } });
    e.commands.focus('end');
    expect(watch(e, () => e.commands.setIsomerImage({ src: '/a.png', alt: null }))).toContain(true);
    e.commands.focus('start');
    expect(watch(e, () => e.commands.insertContent('typed'))).toEqual([false]);
    const pos = imageAt(e);
    expect(watch(e, () => e.view.dispatch(e.state.tr.setNodeMarkup(pos, undefined, { ...e.state.doc.nodeAt(pos)!.attrs, alt: 'A' })))).toEqual([true]);
    expect(watch(e, () => e.view.dispatch(e.state.tr.setNodeAttribute(imageAt(e), 'alt', null)))).toEqual([true]);
    expect(watch(e, () => e.view.dispatch(e.state.tr.delete(imageAt(e), imageAt(e) + 1)))).toEqual([true]);
    expect(imageAt(e)).toBe(-1);
  });

  it('sees an image inside a card, and not when typing in the same card', () => {
    const html =
      '<div class="isomer-card-grid"><div class="isomer-card"><div class="isomer-card-image"><div class="isomer-image-wrapper"><img src="/c.png"></div></div>' +
      '<div class="isomer-card-body"><div class="isomer-card-title">Title</div></div></div></div>';
    const e = makeEditor({ content: codec.toJSON(codec.importHtml(html).doc) });
    let titlePos = -1;
    let cardImagePos = -1;
    e.state.doc.descendants((n, p) => {
      if (n.type.name === 'cardImage') cardImagePos = p;
      if (n.isTextblock && titlePos < 0) titlePos = p + 1;
    });
    expect(cardImagePos).toBeGreaterThan(0);
    expect(titlePos).toBeGreaterThan(0);
    expect(watch(e, () => e.view.dispatch(e.state.tr.insertText('x', titlePos)))).toEqual([false]);
    expect(watch(e, () => e.view.dispatch(e.state.tr.setNodeAttribute(cardImagePos, 'alt', 'Card')))).toEqual([true]);
  });
});
