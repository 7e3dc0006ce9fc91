// @vitest-environment jsdom
// In its own file: the paste cleaner must not be loaded yet when this paste comes.
import { Editor } from '@tiptap/core';
import { expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { BodyCodec } from '../../core/bodyCodec.ts';
import { createEditorExtensions } from '../createEditorExtensions.ts';
import { loadPasteCleaner } from './pasteCleanup.ts';

const codec = new BodyCodec(blockRegistry);

/** A paste event as the browser sends it (jsdom has no clipboard, so its data is given here). */
function pasteEvent(html: string): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  const data = { getData: (type: string) => (type === 'text/html' ? html : ''), files: [], types: ['text/html'] };
  Object.defineProperty(event, 'clipboardData', { value: data });
  return event;
}

it('a paste that comes before the cleaner has loaded waits for it and is cleaned all the same', async () => {
  const element = document.body.appendChild(document.createElement('div'));
  const editor = new Editor({ element, extensions: createEditorExtensions(codec), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
  const event = pasteEvent('<p class="MsoNormal" style="margin:0"><span style="mso-bidi-font-weight:bold">Picnic</span> shelter</p>');
  editor.view.dom.dispatchEvent(event);
  expect(event.defaultPrevented).toBe(true);
  expect(editor.getText()).toBe('');
  await loadPasteCleaner();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const html = codec.exportHtml({ doc: editor.state.doc, leading: '', trailing: '' }).html;
  expect(html).toContain('Picnic shelter');
  expect(html).not.toMatch(/Mso|style=|<span/);
  editor.destroy();
  element.remove();
});
