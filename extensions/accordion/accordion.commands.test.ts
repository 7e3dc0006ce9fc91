// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';
import { accordionBlock } from './index.ts';

const codec = new BodyCodec(blockRegistry);

describe('accordion commands', () => {
  const makeEditor = testEditors(codec);
  let editor: Editor | null = null;

  function start(content: string | object = { type: 'doc', content: [{ type: 'paragraph' }] }): Editor {
    editor = makeEditor({ content });
    return editor;
  }

  function exported(e: Editor): string {
    return codec.exportHtml({ doc: e.state.doc, leading: '', trailing: '' }).html;
  }

  const item = (q: string, a: string) =>
    `<details class="isomer-details">\n<summary>${q}</summary>\n<div data-type="detailsContent" class="isomer-details-content">\n<p>${a}</p>\n</div>\n</details>`;
  const accordion = (colour: string, ...items: string[]) =>
    `<div data-type="detailGroup" class="isomer-accordion isomer-accordion-${colour}">\n${items.join('\n')}\n</div>`;

  it('insertAccordion puts the cursor in the first question, ready to type', () => {
    const e = start();
    expect(e.commands.insertAccordion(3)).toBe(true);
    const { $from } = e.state.selection;
    expect($from.parent.type.name).toBe('accordionSummary');
    e.commands.insertContent('First question');
    e.state.doc.check();
    const html = exported(e);
    expect(html).toContain(accordion('white', item('First question', ''), item('', ''), item('', '')));
    const reread = codec.importHtml(html);
    expect(reread.report.filter((r) => r.kind === 'keptRaw')).toEqual([]);
    expect(codec.exportHtml(reread, { reuseSource: false }).html).toBe(html);
  });

  it('Enter in a question moves to its answer', () => {
    const e = start();
    e.commands.insertAccordion(1);
    e.commands.insertContent('Question');
    // Straight to the view: the keyboardShortcut command replays steps only, not selection moves.
    e.view.someProp('handleKeyDown', (f) => f(e.view, new KeyboardEvent('keydown', { key: 'Enter' })));
    expect(e.state.selection.$from.parent.type.name).toBe('paragraph');
    expect(e.state.selection.$from.node(-1).type.name).toBe('accordionContent');
    e.commands.insertContent('Answer');
    expect(exported(e)).toContain(accordion('white', item('Question', 'Answer')));
  });

  it('setAccordionColour switches white and gray, keeping other classes in place', () => {
    const html = accordionBlock.fixtures!.find((f) => f.name === 'accordion group class kept in place')!.html;
    const e = start(codec.toJSON(codec.importHtml(html).doc));
    e.commands.setTextSelection(5);
    expect(e.commands.setAccordionColour('gray')).toBe(true);
    expect(exported(e)).toBe(html.replace('isomer-accordion-white', 'isomer-accordion-gray'));
    e.commands.setAccordionColour('white');
    expect(exported(e)).toBe(html);
  });

  it('adds, moves and removes items; removing the last item removes the accordion', () => {
    const html = accordion('white', item('One', 'a'), item('Two', 'b'));
    const e = start(codec.toJSON(codec.importHtml(html).doc));
    // Cursor in the first question.
    e.commands.setTextSelection(4);
    expect(e.state.selection.$from.parent.type.name).toBe('accordionSummary');
    expect(e.commands.addAccordionItem()).toBe(true);
    expect(e.state.selection.$from.parent.type.name).toBe('accordionSummary');
    e.commands.insertContent('New');
    expect(exported(e)).toBe(accordion('white', item('One', 'a'), item('New', ''), item('Two', 'b')));
    expect(e.commands.moveAccordionItem('down')).toBe(true);
    expect(exported(e)).toBe(accordion('white', item('One', 'a'), item('Two', 'b'), item('New', '')));
    expect(e.state.selection.$from.parent.textContent).toBe('New');
    expect(e.commands.moveAccordionItem('down')).toBe(false);
    expect(e.commands.moveAccordionItem('up')).toBe(true);
    expect(e.commands.removeAccordionItem()).toBe(true);
    expect(exported(e)).toBe(accordion('white', item('One', 'a'), item('Two', 'b')));
    e.commands.removeAccordionItem();
    e.commands.removeAccordionItem();
    expect(e.state.doc.firstChild?.type.name).not.toBe('accordion');
    expect(exported(e)).not.toContain('detailGroup');
    e.state.doc.check();
  });

  it('commands outside an accordion do nothing', () => {
    const e = start();
    expect(e.commands.setAccordionColour('gray')).toBe(false);
    expect(e.commands.addAccordionItem()).toBe(false);
    expect(e.commands.removeAccordionItem()).toBe(false);
  });

  it('an item can be opened and closed through its attribute while its question stays text', () => {
    const html = accordion('gray', item('Question', 'Answer'));
    const e = start(codec.toJSON(codec.importHtml(html).doc));
    const itemPos = 1;
    e.commands.command(({ tr }) => {
      tr.setNodeAttribute(itemPos, 'open', true);
      return true;
    });
    expect(exported(e)).toBe(html.replace('<details class="isomer-details">', '<details class="isomer-details" open="">'));
    e.commands.setTextSelection(3);
    e.commands.insertContent('The ');
    expect(e.state.selection instanceof TextSelection).toBe(true);
    expect(exported(e)).toContain('<summary>The Question</summary>');
  });
});
