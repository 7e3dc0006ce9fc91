/**
 * Writes new or edited blocks in one readable, deterministic layout, the one Isomer pages already
 * use: each child of a block container on its own line, text-level markup on one line.
 */
const BLOCK_CONTAINERS = new Set([
  'div', 'ul', 'ol', 'li', 'table', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'details', 'blockquote', 'section',
  'article', 'aside', 'figure', 'header', 'footer', 'main', 'nav', 'center', 'address', 'hgroup',
]);
// Links that wrap blocks (a clickable card, a linked image) are laid out like containers.
const BLOCK_LINK_CLASSES = ['isomer-card', 'isomer-image-wrapper'];

export function formatElement(element: Element): string {
  if (!isLaidOutContainer(element)) return element.outerHTML;
  const children: string[] = [];
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 1) children.push(formatElement(child as Element));
    else if (child.nodeType === 8) children.push(`<!--${child.textContent ?? ''}-->`);
  }
  const open = element.outerHTML.slice(0, element.outerHTML.length - element.innerHTML.length - `</${element.localName}>`.length);
  if (children.length === 0) return element.outerHTML;
  return `${open}\n${children.join('\n')}\n</${element.localName}>`;
}

function isLaidOutContainer(element: Element): boolean {
  const tag = element.localName;
  const container =
    BLOCK_CONTAINERS.has(tag) || (tag === 'a' && BLOCK_LINK_CLASSES.some((c) => element.classList.contains(c)));
  if (!container) return false;
  // Only where whitespace between children means nothing: every child is an element or blank text.
  return Array.from(element.childNodes).every(
    (child) => child.nodeType === 1 || child.nodeType === 8 || (child.nodeType === 3 && /^\s*$/.test(child.textContent ?? '')),
  );
}
