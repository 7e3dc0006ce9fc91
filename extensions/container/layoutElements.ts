/** Layout wrappers the container block takes when no other block claims them. */
export const CONTAINER_TAGS = [
  'div', 'section', 'article', 'aside', 'figure', 'figcaption', 'center', 'header', 'footer', 'main', 'nav', 'address', 'hgroup',
] as const;

/** Elements that stand as blocks inside a container; anything else there is inline (text-level) content. */
const BLOCK_CHILD_TAGS = new Set<string>([
  ...CONTAINER_TAGS,
  'blockquote', 'details', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'iframe', 'ol', 'ul', 'p', 'pre', 'table',
]);

/** Text-level elements inside a layout: those of the text block's marks and of the inline markup mark. */
export const INLINE_MARKUP_TAGS = ['span', 'font', 'small', 'big', 'abbr', 'acronym', 'cite', 'dfn', 'kbd', 'samp', 'var', 'q', 'time', 'bdi', 'bdo', 'ins', 'data', 'tt'];
const KNOWN_INLINE_TAGS = new Set([...INLINE_MARKUP_TAGS, 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'sup', 'sub', 'code', 'mark', 'br', 'img']);

const TEXT_BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Whether a layout element stands inside text (`<h6><center>…</center></h6>`): there it is text-level
 * markup, since a block would split the text around it.
 */
export function standsInText(element: Element): boolean {
  const parent = element.parentElement;
  return parent !== null && (TEXT_BLOCK_TAGS.has(parent.localName) || KNOWN_INLINE_TAGS.has(parent.localName));
}

/** Whether every element inside is text-level markup some mark keeps (nothing a paragraph would drop). */
export function holdsOnlyKnownInline(element: Element): boolean {
  const all = element.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    if (!KNOWN_INLINE_TAGS.has(all[i]!.localName)) return false;
  }
  return true;
}

/** Whether a child of a layout stands as a block there (anything else is text-level content). */
export function standsAsBlockChild(node: Node): boolean {
  return node.nodeType === 1 && standsAsBlock(node as Element);
}

/** A bare image, or a link holding only one: an image block of its own inside a layout. */
export function isBareImage(element: Element): boolean {
  if (element.localName === 'img') return true;
  return element.localName === 'a' && soleImageIn(element) !== null;
}

/** The one `<img>` a link holds with nothing but whitespace beside it; null otherwise. */
export function soleImageIn(link: Element): Element | null {
  let image: Element | null = null;
  for (let child = link.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).localName === 'img' && !image) image = child as Element;
    else if (child.nodeType !== 3 || !/^[\t\n\f\r ]*$/.test(child.textContent ?? '')) return null;
  }
  return image;
}

function standsAsBlock(element: Element): boolean {
  return BLOCK_CHILD_TAGS.has(element.localName) || isBareImage(element);
}

/**
 * What a layout element holds: only blocks, only text-level content, blocks with runs of text between
 * them that marks keep (`<div><a>Back</a><div>…</div></div>`), or anything else mixed (kept raw).
 */
export type LayoutContent = 'blocks' | 'inline' | 'runs' | 'mixed';

/** How the container block takes a layout element: as blocks, as text, as markup inside text, or (anything else) raw. */
export function layoutKind(element: Element): LayoutContent | 'text' | 'none' {
  // `data-type` marks the structure of another block's markup (an accordion's parts): not a layout.
  if (element.hasAttribute('data-type')) return 'none';
  if (standsInText(element)) return 'text';
  const content = layoutContent(element);
  return content === 'inline' && !holdsOnlyKnownInline(element) ? 'mixed' : content;
}

export function layoutContent(element: Element): LayoutContent {
  let blocks = false;
  let images = false;
  let inline = false;
  let unknownInline = false;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      if (isBareImage(child as Element)) images = true;
      else if (standsAsBlock(child as Element)) blocks = true;
      else {
        inline = true;
        if (!KNOWN_INLINE_TAGS.has((child as Element).localName) || !holdsOnlyKnownInline(child as Element)) unknownInline = true;
      }
    } else if (child.nodeType === 3 && !/^[\t\n\f\r ]*$/.test(child.textContent ?? '')) {
      inline = true;
    }
  }
  if (blocks && inline) return unknownInline ? 'mixed' : 'runs';
  // Images beside text (a logo above a name, split by <br>) stand in that text as inline images.
  if (inline) return 'inline';
  return blocks || images ? 'blocks' : 'inline';
}

/** An element's attributes in source order, exactly as written. */
export function attributesOf(element: Element): Record<string, string> {
  const out: Record<string, string> = {};
  const attrs = element.attributes;
  for (let i = 0; i < attrs.length; i++) out[attrs[i]!.name] = attrs[i]!.value;
  return out;
}

/** The words a label shows for a layout: its classes (or id), else its tag. */
export function layoutName(tag: string, attributes: Record<string, string>): string {
  const classes = (attributes['class'] ?? '').trim().split(/\s+/).filter(Boolean);
  if (classes.length > 0) return classes.join(' ');
  if (attributes['id']) return `#${attributes['id']}`;
  return tag;
}
