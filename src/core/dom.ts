/**
 * The core parses and renders HTML through a DOM it is handed: the browser's own window, or a jsdom
 * window in Node (see `node/useJsdom.ts`). It never reaches for a global `document` by itself.
 */
export type DomWindow = Window & typeof globalThis;

let current: DomWindow | null = null;

export function setDomWindow(win: DomWindow): void {
  current = win;
}

export function domWindow(): DomWindow {
  if (current) return current;
  if (typeof window !== 'undefined' && typeof window.document !== 'undefined') {
    current = window as DomWindow;
    return current;
  }
  throw new Error('No DOM is available: call useJsdom() from src/core/node/useJsdom.ts first.');
}

// While a block is rendered into another document (see `withDomDocument`), that document.
let rendering: Document | null = null;

/** The document blocks build their elements in: the window's, or the one a render is working in. */
export function domDocument(): Document {
  return rendering ?? domWindow().document;
}

/** The document `withDomDocument` is running in, if any. */
export function renderingDocument(): Document | null {
  return rendering;
}

/** Runs `render` with `domDocument()` answering `document`, so that blocks building elements build them there. */
export function withDomDocument<T>(document: Document, render: () => T): T {
  const previous = rendering;
  rendering = document;
  try {
    return render();
  } finally {
    rendering = previous;
  }
}
