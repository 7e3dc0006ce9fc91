/**
 * The generic rules: the attributes an element may carry when no block owns it (markup kept as raw HTML,
 * the layout container, inline markup), and the attributes an owned element with
 * `unknownAttributes: 'keep'` may carry besides its own list. Nothing else is allowed on an element no block
 * owns; a block's own allowances (`sanitizer.elements`) never widen these. Values still pass the
 * sanitiser's checks (addresses, CSS, plain class names and ids). Described in docs/blocks.md.
 */

/** Attributes any element may carry: what a site's CSS, anchors and scripts, and assistive technology, read. */
const ANY_ELEMENT = ['class', 'id', 'lang', 'dir', 'title', 'role'];
/** Attribute name prefixes any element may carry (`data-*` for a site's scripts, `aria-*`). */
const ANY_ELEMENT_PREFIXES = ['data-', 'aria-'];

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** Layout wrappers (what the layout container block takes). */
const LAYOUT = ['div', 'section', 'article', 'aside', 'figure', 'figcaption', 'center', 'header', 'footer', 'main', 'nav', 'address', 'hgroup', 'dl', 'dt', 'dd'];
/** Text blocks, lists, tables, images, links and text-level markup. */
const TEXT = [
  'p', ...HEADINGS, 'blockquote', 'pre', 'ul', 'ol', 'li', 'img', 'picture',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'a', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'ins', 'sup', 'sub', 'mark', 'code', 'small', 'big', 'font',
  'abbr', 'acronym', 'cite', 'dfn', 'kbd', 'samp', 'var', 'q', 'time', 'bdi', 'bdo', 'data', 'tt', 'label',
];

/**
 * Inline `style`: on layout and text elements only, where a site styles its words and wrappers. Not on
 * rules, embeds, scripts, forms, media or accordions: a block that wants it there declares it.
 */
const STYLED = new Set([...LAYOUT, ...TEXT]);

const CELL = ['colspan', 'rowspan', 'headers', 'scope', 'abbr', 'width', 'height', 'align', 'valign', 'bgcolor', 'nowrap'];
const ROWS = ['align', 'valign', 'bgcolor'];
const MEDIA = ['src', 'controls', 'width', 'height', 'poster', 'preload', 'loop', 'muted', 'playsinline'];

/** Attributes of the element's own, by tag (HTML's meaning for that element, presentational ones included). */
const BY_TAG: Record<string, readonly string[]> = {
  a: ['href', 'target', 'rel', 'download', 'hreflang', 'name', 'type'],
  img: ['src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding', 'align', 'border', 'hspace', 'vspace', 'usemap'],
  source: ['src', 'srcset', 'sizes', 'media', 'type', 'width', 'height'],
  video: MEDIA,
  audio: MEDIA,
  track: ['src', 'kind', 'srclang', 'label', 'default'],
  ol: ['start', 'type', 'reversed'],
  ul: ['type'],
  li: ['value', 'type'],
  table: ['width', 'border', 'cellpadding', 'cellspacing', 'align', 'bgcolor', 'summary', 'frame', 'rules'],
  caption: ['align'],
  colgroup: ['span', 'width', 'align', 'valign'],
  col: ['span', 'width', 'align', 'valign'],
  thead: ROWS,
  tbody: ROWS,
  tfoot: ROWS,
  tr: ROWS,
  td: CELL,
  th: CELL,
  hr: ['align', 'size', 'width', 'noshade', 'color'],
  font: ['color', 'face', 'size'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite', 'datetime'],
  del: ['cite', 'datetime'],
  time: ['datetime'],
  data: ['value'],
  details: ['open'],
  label: ['for'],
  // Form controls (a page's own search box or button; addresses pass the address checks).
  form: ['action', 'method', 'name', 'target'],
  button: ['type', 'name', 'value', 'disabled'],
  input: ['type', 'name', 'value', 'placeholder', 'checked', 'disabled', 'readonly', 'required', 'min', 'max', 'step', 'size', 'maxlength'],
  select: ['name', 'multiple', 'disabled', 'required', 'size'],
  option: ['value', 'selected', 'disabled', 'label'],
  optgroup: ['label', 'disabled'],
  textarea: ['name', 'rows', 'cols', 'placeholder', 'disabled', 'readonly', 'required', 'maxlength'],
  fieldset: ['name', 'disabled'],
  br: ['clear'],
  map: ['name'],
  area: ['href', 'alt', 'shape', 'coords', 'target', 'rel'],
  style: ['media'],
  // (A script stays only when its address is one a block lists in `scriptSources`.)
  script: ['src', 'async', 'defer'],
  ...Object.fromEntries(['div', 'p', ...HEADINGS, 'center', 'section', 'article', 'aside', 'header', 'footer', 'figure', 'figcaption'].map((tag) => [tag, ['align']])),
};

/** Whether the generic rules let an element with this tag carry the attribute (names in lower case). */
export function genericAllows(tag: string, name: string): boolean {
  return isAnyElementAttribute(name) || (name === 'style' && STYLED.has(tag)) || (BY_TAG[tag]?.includes(name) ?? false);
}

/** Whether every element may carry the attribute under the generic rules (`class`, `id`, `data-*`, …). */
export function isAnyElementAttribute(name: string): boolean {
  return ANY_ELEMENT.includes(name) || ANY_ELEMENT_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** Every attribute name the generic rules mention (for the sanitiser's list of names it knows). */
export const GENERIC_ATTRIBUTE_NAMES: readonly string[] = [...new Set([...ANY_ELEMENT, 'style', ...Object.values(BY_TAG).flat()])];
