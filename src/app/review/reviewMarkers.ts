/**
 * Markers beside the canvas blocks that review threads are on. The blocks carry a node decoration
 * (mapped through every edit by ProseMirror, so nothing is worked out again while typing); the
 * markers are buttons in a layer beside the editor, outside its text box, placed from the blocks'
 * DOM once a frame at most. No React.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

/** One marker: beside the document's top-level node `node`. */
export interface ReviewMarker {
  /** Names the marker to `onOpen` (the first thread's id). */
  key: string;
  node: number;
  /** What the button says to a screen reader, e.g. "2 review comments on this block". */
  label: string;
  count: number;
  resolved: boolean;
}

export const reviewMarkersKey = new PluginKey<DecorationSet>('reviewMarkers');

/** Sets the markers: `view.dispatch(setReviewMarkers(view.state.tr, markers))`. */
export const setReviewMarkers = (tr: Transaction, markers: ReviewMarker[]): Transaction => tr.setMeta(reviewMarkersKey, markers).setMeta('addToHistory', false);

function decorate(doc: PMNode, markers: ReviewMarker[]): DecorationSet {
  const starts: number[] = [];
  doc.forEach((_node, offset) => void starts.push(offset));
  const decorations = markers.flatMap((marker) => {
    const from = starts[marker.node];
    const node = from === undefined ? null : doc.nodeAt(from);
    if (from === undefined || !node) return [];
    return [Decoration.node(from, from + node.nodeSize, { class: marker.resolved ? 'review-commented review-commented--resolved' : 'review-commented' }, { marker })];
  });
  return DecorationSet.create(doc, decorations);
}

/** The plugin; `onOpen` is called with a marker's key and its button when the button is pressed. */
export function reviewMarkersPlugin(onOpen: (key: string, button: HTMLElement) => void): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: reviewMarkersKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const markers = tr.getMeta(reviewMarkersKey) as ReviewMarker[] | undefined;
        return markers ? decorate(tr.doc, markers) : set.map(tr.mapping, tr.doc);
      },
    },
    props: {
      decorations: (state) => reviewMarkersKey.getState(state),
    },
    view: (view) => markerLayer(view, onOpen),
  });
}

/** The layer of markers beside one editor view, and its buttons by marker key. */
interface MarkerLayer {
  element: HTMLDivElement;
  buttons: Map<string, HTMLButtonElement>;
  onOpen: (key: string, button: HTMLElement) => void;
  /** A plugin view holds it: ProseMirror remakes every plugin view when any plugin joins the editor. */
  held: boolean;
}

// Kept across those remakes, so that a marker (and the focus on it) does not blink out and back.
const layers = new WeakMap<EditorView, MarkerLayer>();

function markerLayer(view: EditorView, onOpen: (key: string, button: HTMLElement) => void) {
  const host = view.dom.parentElement;
  let layer = layers.get(view);
  if (!layer) {
    const element = document.createElement('div');
    element.className = 'review-markers';
    host?.appendChild(element);
    if (host && getComputedStyle(host).position === 'static') host.style.position = 'relative';
    layer = { element, buttons: new Map(), onOpen, held: true };
    layers.set(view, layer);
  }
  const mine = layer;
  mine.onOpen = onOpen;
  mine.held = true;
  const { buttons } = mine;
  let frame = 0;

  const place = () => {
    frame = 0;
    if (!host) return;
    const hostRect = host.getBoundingClientRect();
    const seen = new Set<string>();
    for (const decoration of reviewMarkersKey.getState(view.state)?.find() ?? []) {
      const marker = (decoration.spec as { marker: ReviewMarker }).marker;
      const dom = view.nodeDOM(decoration.from);
      if (!(dom instanceof HTMLElement)) continue;
      seen.add(marker.key);
      let button = buttons.get(marker.key);
      if (!button) {
        const b = document.createElement('button');
        b.type = 'button';
        b.addEventListener('click', () => mine.onOpen(marker.key, b));
        buttons.set(marker.key, b);
        mine.element.appendChild(b);
        button = b;
      }
      button.className = marker.resolved ? 'review-marker review-marker--resolved' : 'review-marker';
      button.setAttribute('aria-label', marker.label);
      button.title = marker.label;
      button.textContent = String(marker.count);
      const rect = dom.getBoundingClientRect();
      button.style.top = `${rect.top - hostRect.top + host.scrollTop}px`;
      button.style.left = `${rect.right - hostRect.left + 6}px`;
    }
    for (const [key, button] of buttons) {
      if (seen.has(key)) continue;
      button.remove();
      buttons.delete(key);
    }
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(place);
  };
  const resized = new ResizeObserver(schedule);
  resized.observe(view.dom);
  schedule();

  return {
    update(_view: EditorView, before: EditorState) {
      if (view.state.doc !== before.doc || reviewMarkersKey.getState(view.state) !== reviewMarkersKey.getState(before)) schedule();
    },
    destroy() {
      cancelAnimationFrame(frame);
      resized.disconnect();
      mine.held = false;
      // Remade at once (another plugin joined): the new view holds the layer. Otherwise it goes.
      queueMicrotask(() => {
        if (mine.held) return;
        mine.element.remove();
        layers.delete(view);
      });
    },
  };
}
