// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';
import { loadTableEditing } from './schema.ts';

const codec = new BodyCodec(blockRegistry);

describe('table editing loads after the editor is up', () => {
  const makeEditor = testEditors(codec);

  it('loads at the first use of the editor; tables insert at once, the other commands run once it has loaded', async () => {
    const e = makeEditor({ content: { type: 'doc', content: [{ type: 'paragraph' }] } });
    const keys = () => e.state.plugins.map((plugin) => (plugin as unknown as { key: string }).key);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

    // Created and shown, not used: nothing loads.
    await tick();
    expect(keys().some((key) => key.startsWith('tableEditingSlot$'))).toBe(true);
    expect(keys().some((key) => key.startsWith('selectingCells$'))).toBe(false);

    // Inserting a table needs no editing code; the row and column commands wait for it.
    expect(e.commands.insertTable({ rows: 2, cols: 2 })).toBe(true);
    expect(e.state.selection.$from.node(-1).type.name).toBe('tableHeader');
    expect(e.can().addRowAfter()).toBe(false);
    expect(e.commands.goToNextCell()).toBe(false);

    // The selection moved: the editing code loads and takes the table's place among the plugins.
    const transactions: number[] = [];
    e.on('transaction', () => transactions.push(1));
    await loadTableEditing();
    await tick();
    expect(keys().some((key) => key.startsWith('tableEditingSlot$'))).toBe(false);
    expect(keys().some((key) => key.startsWith('selectingCells$'))).toBe(true);
    expect(transactions.length).toBeGreaterThan(0); // menus are told to look again
    expect(e.can().addRowAfter()).toBe(true);
    expect(e.commands.addRowAfter()).toBe(true);
    expect(e.state.doc.firstChild!.childCount).toBe(3);
    expect(e.commands.goToNextCell()).toBe(true);
  });
});
