// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { onUpdatesThrottled } from './throttledUpdates.ts';

const codec = new BodyCodec(blockRegistry);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function setUp(intervalMs: number) {
  const editor = new Editor({ element: document.body.appendChild(document.createElement('div')), extensions: codec.extensions, content: '<p>Some words</p>' });
  const runs: number[] = [];
  const stop = onUpdatesThrottled(editor, () => runs.push(performance.now()), intervalMs);
  cleanups.push(() => {
    stop();
    editor.destroy();
  });
  return { editor, runs, stop };
}

describe('onUpdatesThrottled', () => {
  it('runs first once the page has painted and the browser is idle, not while it is set up', async () => {
    const { runs } = setUp(100);
    expect(runs).toHaveLength(0);
    await vi.waitFor(() => expect(runs).toHaveLength(1));
  });

  it('runs once for an edit made before the first run, and at most once per interval for edits after', async () => {
    const { editor, runs } = setUp(100);
    editor.commands.insertContentAt(1, 'a ');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(runs).toHaveLength(1);
    for (let i = 0; i < 5; i++) editor.commands.insertContentAt(1, 'b ');
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(99);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(runs).toHaveLength(2);
  });

  it('never runs once stopped', async () => {
    const { runs, stop } = setUp(100);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(runs).toHaveLength(0);
  });
});
