// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { createEditorExtensions } from './createEditorExtensions.ts';
import { loadBlockViews } from './lazyBlockViews.ts';

const codec = new BodyCodec(blockRegistry);

const page = [
  '<style>\n.isomer-details summary { color: #123456; }\n</style>',
  '<p>Before</p>',
  '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">',
  '<details class="isomer-details">\n<summary>Question</summary>\n<div data-type="detailsContent" class="isomer-details-content">\n<p>Answer</p>\n</div>\n</details>',
  '</div>',
  '<p>After</p>',
].join('\n');

describe('block views loaded after the page shows', () => {
  it('draws the blocks plainly first, then with their own views, the page unchanged', async () => {
    const element = document.body.appendChild(document.createElement('div'));
    const imported = codec.importHtml(page);
    const editor = new Editor({ element, extensions: createEditorExtensions(codec), content: codec.toJSON(imported.doc) });
    const before = editor.state.doc;
    // Before: the page styles are an empty box (their CSS would reach the whole app), the item its plain markup.
    expect(element.querySelector('.page-styles-chip')).toBeNull();
    expect(element.querySelectorAll('.block-view-pending')).toHaveLength(1);
    expect(element.querySelector('style')).toBeNull();
    expect(element.querySelector('.accordion-item-view')).toBeNull();
    expect(element.querySelector('details')).not.toBeNull();
    expect(element.querySelector('.block-drag-handle')).toBeNull();

    await loadBlockViews(editor);
    expect(element.querySelector('.page-styles-chip')).not.toBeNull();
    expect(element.querySelector('style')?.textContent).toContain('@scope (.isomer-canvas .ProseMirror)');
    expect(element.querySelector('.block-view-pending')).toBeNull();
    expect(element.querySelectorAll('.accordion-item-view')).toHaveLength(1);
    expect(element.querySelector('.block-drag-handle')).not.toBeNull();
    // The text around them is the same, and nothing changed in the document.
    expect(element.textContent).toContain('Before');
    expect(element.textContent).toContain('After');
    expect(editor.state.doc).toBe(before);
    expect(codec.exportHtml({ doc: editor.state.doc, leading: imported.leading, trailing: imported.trailing }).html).toBe(page);

    // Loading again adds nothing twice.
    await loadBlockViews(editor);
    expect(element.querySelectorAll('.block-drag-handle')).toHaveLength(1);
    editor.destroy();
    element.remove();
  });
});
