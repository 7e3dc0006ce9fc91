import { blockRegistry } from '../../extensions/registry.ts';

/** The CSS every block brings, in registry order, for the canvas and the preview. */
export function registryCss(): string {
  return blockRegistry
    .filter((b) => b.css)
    .map((b) => `/* ${b.name} */\n${b.css}`)
    .join('\n');
}

/** Puts the blocks' CSS into the page once. */
export function injectBlockStyles(doc: Document = document): void {
  if (doc.querySelector('style[data-block-css]')) return;
  const style = doc.createElement('style');
  style.setAttribute('data-block-css', '');
  style.textContent = registryCss();
  doc.head.appendChild(style);
}
