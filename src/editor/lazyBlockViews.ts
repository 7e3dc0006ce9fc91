import type { Editor, NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { whenIdleAfterPaint } from '../core/firstUse.ts';
import { lazyModule } from '../core/lazyModule.ts';
import { registerLatePlugin } from './selectionBeforeKeys.ts';

const views = lazyModule(() => import('./blockNodeViews.ts'));

/**
 * The blocks with views of their own (blockNodeViews.ts). Leaves (`true`) show an empty box until
 * the views load: their plain markup would load an embed's frame or apply page CSS to the whole app.
 * Blocks with content show their plain markup meanwhile.
 */
const VIEWED_BLOCKS: Record<string, boolean> = {
  rawHtml: true,
  accordionItem: false,
  details: false,
  embed: true,
  publishedEmbed: true,
  layoutContainer: false,
  layoutRaw: true,
  pageStyles: true,
};

/** The node views the editor is created with: each is the block's own once loaded. */
export function lazyBlockNodeViews(): Record<string, NodeViewRenderer> {
  return Object.fromEntries(
    Object.entries(VIEWED_BLOCKS).map(([name, leaf]) => {
      const view: NodeViewRenderer = (props) => {
        const own = views.loaded()?.blockNodeViews[name];
        if (own) return own(props);
        if (!leaf) return null as unknown as ReturnType<NodeViewRenderer>; // the node's own markup
        const dom = document.createElement('div');
        dom.className = 'block-view-pending';
        dom.contentEditable = 'false';
        // Once the views are here, a redraw makes this box the block's own view.
        return { dom, update: () => views.loaded() === undefined };
      };
      return [name, view];
    }),
  );
}

interface DocViewDesc {
  markDirty(from: number, to: number): void;
}

/** Draws again, with their own views, the blocks drawn before the views loaded. */
function redrawViewedBlocks(view: EditorView): void {
  const docView = (view as unknown as { docView?: DocViewDesc }).docView;
  if (typeof docView?.markDirty !== 'function') {
    // Without the view's internals: a new set of node views (new functions) redraws the whole page.
    const nodeViews = Object.fromEntries(Object.entries(view.props.nodeViews ?? {}).map(([name, make]) => [name, (...args: Parameters<typeof make>) => make(...args)]));
    view.setProps({ nodeViews });
    return;
  }
  let marked = false;
  view.state.doc.descendants((node: PMNode, pos: number) => {
    if (!(node.type.name in VIEWED_BLOCKS)) return true;
    docView.markDirty(pos, pos + node.nodeSize);
    marked = true;
    return false; // its whole content is drawn again with it
  });
  if (marked) view.updateState(view.state);
}

const withViews = new WeakSet<Editor>();

/**
 * Loads the block views and their plugins into the editor and redraws the blocks that were waiting for
 * them. Resolves once done (at once if the editor is gone meanwhile).
 */
export async function loadBlockViews(editor: Editor): Promise<void> {
  const module = await views.load();
  if (editor.isDestroyed || withViews.has(editor)) return;
  withViews.add(editor);
  // (The first plugin reads the caret as the page shows it; the redraw right after keeps it.)
  for (const plugin of module.blockViewPlugins()) registerLatePlugin(editor, plugin);
  redrawViewedBlocks(editor.view);
}

/** Loads the block views once the page has painted and the browser is idle (or on the first focus). */
export function loadBlockViewsWhenIdle(editor: Editor): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    editor.off('focus', start);
    void loadBlockViews(editor).catch(() => {
      // A failed load leaves the plain blocks; the next focus tries again.
      started = false;
      editor.on('focus', start);
    });
  };
  editor.on('focus', start);
  whenIdleAfterPaint(start);
}
