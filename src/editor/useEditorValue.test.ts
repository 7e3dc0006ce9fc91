// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { tableEditingKey } from '@tiptap/pm/tables';
import { createElement } from 'react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { createEditorExtensions } from './createEditorExtensions.ts';
import { sameData, useEditorValue } from './useEditorValue.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const codec = new BodyCodec(blockRegistry);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** An editor on one paragraph, and a component showing whether bold is on at the cursor. */
function setUp() {
  const editor = new Editor({ element: document.body.appendChild(document.createElement('div')), extensions: createEditorExtensions(codec), content: '<p>Some words</p>' });
  const counts = { selector: 0, renders: 0 };
  function BoldState() {
    counts.renders++;
    const state = useEditorValue(editor, (e) => {
      counts.selector++;
      return { bold: e.isActive('bold') };
    });
    return createElement('span', null, state.bold ? 'bold' : 'plain');
  }
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  act(() => root.render(createElement(BoldState)));
  cleanups.push(() => {
    act(() => root.unmount());
    editor.destroy();
  });
  return { editor, counts, container };
}

const afterPaint = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe('useEditorValue: the chrome reads the editor once a frame, after it paints', () => {
  it('does not run its selector inside a transaction made while typing, and shows the new value after the frame', async () => {
    const { editor, counts, container } = setUp();
    expect(container.textContent).toBe('plain');
    // (The focus event alone: jsdom cannot lay out the caret that focusing would scroll to.)
    await vi.waitFor(() => expect(editor.isInitialized).toBe(true));
    editor.view.dom.dispatchEvent(new FocusEvent('focus'));
    expect(editor.isFocused).toBe(true);
    // The first focus loads table editing, which installs itself with a transaction of its own: its
    // frame is read first, however late a busy machine gets to it.
    await vi.waitFor(() => expect(tableEditingKey.get(editor.state)).toBeDefined());
    await afterPaint();
    const before = { ...counts };

    editor.commands.setTextSelection({ from: 1, to: 5 });
    editor.commands.toggleBold();
    editor.commands.insertContent('x');
    // Three transactions: nothing read yet, so none of them waited for it.
    expect(counts.selector).toBe(before.selector);
    expect(container.textContent).toBe('plain');

    await afterPaint();
    expect(container.textContent).toBe('bold');
    // Read once for the frame (and once more by the render it caused).
    expect(counts.selector - before.selector).toBeLessThanOrEqual(2);
  });

  it('shows a change made while the editor does not have the focus (from a panel\'s control) at once', () => {
    const { editor, container } = setUp();
    expect(editor.isFocused).toBe(false);
    act(() => {
      editor.commands.setTextSelection({ from: 1, to: 5 });
      editor.commands.toggleBold();
    });
    expect(container.textContent).toBe('bold');
  });

  it('does not re-render when what it reads is unchanged', async () => {
    const { editor, counts } = setUp();
    await afterPaint();
    const renders = counts.renders;
    editor.commands.insertContentAt(3, 'more ');
    await afterPaint();
    editor.commands.insertContentAt(3, 'and more ');
    await afterPaint();
    expect(counts.renders).toBe(renders);
  });
});

describe('sameData', () => {
  it('compares arrays and plain objects by their contents, anything else by identity', () => {
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
    const node = { type: 'x' };
    expect(sameData(new Map([[1, node]]), new Map([[1, node]]))).toBe(false);
  });
});
