// @vitest-environment jsdom
// The panel's changes run through TipTap's editor, which needs a browser-like global DOM.
import { NodeSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { setAttrs } from '../../src/editor/settingsControls.tsx';
import { blockRegistry } from '../registry.ts';
import { setInlineImageLink } from './bareImageUi.tsx';

const codec = new BodyCodec(blockRegistry);
const makeEditor = testEditors(codec);

describe('an image standing in text, changed from its Block panel', () => {
  it('stays selected when its file is replaced and when it is linked, so the panel stays on it', () => {
    const body = codec.importHtml('<div class="partner"><img src="/images/events.png" alt="Harbour Events"><br><strong>Harbour Events</strong></div>');
    const editor = makeEditor({ content: body.doc.toJSON() });
    let pos = -1;
    editor.state.doc.descendants((node, at) => {
      if (node.type.name === 'inlineImage') pos = at;
    });
    expect(pos).toBeGreaterThan(0);
    editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, pos)));

    expect(setAttrs(editor, pos, 'inlineImage', { img: { src: '/images/volunteer.png', alt: 'Harbour Events' } })).toBe(true);
    const selection = editor.state.selection;
    expect(selection).toBeInstanceOf(NodeSelection);
    expect(selection.from).toBe(pos);
    expect((selection as NodeSelection).node.attrs['img']).toEqual({ src: '/images/volunteer.png', alt: 'Harbour Events' });

    expect(setInlineImageLink(editor, pos, '/events/')).toBe(true);
    expect(editor.state.selection).toBeInstanceOf(NodeSelection);
    expect(editor.state.selection.from).toBe(pos);
    expect(codec.exportHtml({ doc: editor.state.doc, leading: '', trailing: '' }).html).toContain(
      '<a href="/events/"><img src="/images/volunteer.png" alt="Harbour Events"></a>',
    );
  });
});
