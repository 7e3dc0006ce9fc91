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
  // Without recursion (a block may nest deeply): each container waits on the stack for its children's text.
  interface Open {
    element: Element;
    children: ChildNode[];
    next: number;
    parts: string[];
  }
  const waiting = (el: Element): Open => ({ element: el, children: Array.from(el.childNodes), next: 0, parts: [] });
  const stack = [waiting(element)];
  for (;;) {
    const top = stack[stack.length - 1]!;
    const child = top.children[top.next++];
    if (child) {
      if (child.nodeType === 1 && isLaidOutContainer(child as Element)) stack.push(waiting(child as Element));
      else if (child.nodeType === 1) top.parts.push((child as Element).outerHTML);
      else if (child.nodeType === 8) top.parts.push(`<!--${child.textContent ?? ''}-->`);
      continue;
    }
    stack.pop();
    const text = laidOut(top.element, top.parts);
    if (stack.length === 0) return text;
    stack[stack.length - 1]!.parts.push(text);
  }
}

/** A container with each child's text on its own line. */
function laidOut(element: Element, children: string[]): string {
  if (children.length === 0) return element.outerHTML;
  // The start tag alone, from a copy without children (the whole element's markup would be written per level).
  const close = `</${element.localName}>`;
  const shallow = (element.cloneNode(false) as Element).outerHTML;
  return `${shallow.slice(0, shallow.length - close.length)}\n${children.join('\n')}\n${close}`;
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
