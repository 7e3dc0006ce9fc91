import { Mark, Node } from '@tiptap/core';
import { elementSpec as h } from '../../src/core/domSpec.ts';
import { attributesOf, CONTAINER_TAGS, INLINE_MARKUP_TAGS, layoutKind, standsAsBlockChild } from './layoutElements.ts';

// Below every other block's rules (ProseMirror's default is 50): the specific blocks win where they match.
const FALLBACK_PRIORITY = 10;
const hidden = (value: unknown) => ({ default: value, rendered: false, parseHTML: () => null });

/** Element name and attributes, kept exactly as written. */
const elementAttributes = () => ({ tag: hidden('div'), attributes: hidden({}) });

/** A rule for every layout tag, taking the elements of one kind. */
function layoutRules(kind: ReturnType<typeof layoutKind>, attrs: (el: HTMLElement, tag: string) => Record<string, unknown>, context?: string) {
  return CONTAINER_TAGS.map((tag) => ({
    tag,
    priority: FALLBACK_PRIORITY,
    ...(context ? { context } : {}),
    getAttrs: (el: HTMLElement) => (layoutKind(el) === kind ? attrs(el, tag) : false),
  }));
}

const tagAndAttributes = (el: HTMLElement, tag: string) => ({ tag, attributes: attributesOf(el) });

function render(node: { attrs: Record<string, unknown> }, ...children: 0[]) {
  return h(node.attrs['tag'] as string, { ...(node.attrs['attributes'] as Record<string, string>) }, ...children);
}

/**
 * A layout wrapper holding blocks (`<div class="people-grid">`, `<section>`, `<figure>` …): its
 * element and attributes are kept as written, its children are ordinary blocks, nested containers too.
 */
export const LayoutContainer = Node.create({
  name: 'layoutContainer',
  group: 'block',
  content: 'block*',
  defining: true,
  selectable: true,
  draggable: true,

  addAttributes: elementAttributes,

  // The core keeps where each child sits in the source: an edit in one child rewrites that child only.
  extendNodeSchema(extension) {
    return extension.name === 'layoutContainer' ? { childSources: true } : {};
  },

  parseHTML() {
    return [
      ...layoutRules('blocks', tagAndAttributes),
      // Runs of text between its blocks are read as text runs (see `LayoutRun`).
      ...layoutRules('runs', tagAndAttributes).map((rule) => ({ ...rule, contentElement: withTextRuns })),
    ];
  },

  renderHTML({ node }) {
    return render(node, 0);
  },
});

/** A node of the page's DOM (`Node` here is TipTap's). */
type DomNode = globalThis.Node;

/** The element the core writes a text run as: its content stands in its place (no page can hold one; the sanitiser removes it). */
export const TEXT_RUN_TAG = 'isomer-run';

/**
 * A copy of a layout element with each run of text-level content between its blocks wrapped in a
 * text-run element; the whitespace around a run stays outside it.
 */
function withTextRuns(element: HTMLElement): HTMLElement {
  const copy = element.cloneNode(false) as HTMLElement;
  const document = element.ownerDocument;
  let run: DomNode[] = [];
  const flush = () => {
    let end = run.length;
    while (end > 0 && isBlank(run[end - 1]!)) end--;
    const trailing = run.slice(end);
    let start = 0;
    while (start < end && isBlank(run[start]!)) start++;
    for (const node of run.slice(0, start)) copy.appendChild(node);
    if (start < end) {
      const wrapper = document.createElement(TEXT_RUN_TAG);
      for (const node of run.slice(start, end)) wrapper.appendChild(node);
      copy.appendChild(wrapper);
    }
    for (const node of trailing) copy.appendChild(node);
    run = [];
  };
  for (let child = element.firstChild; child; child = child.nextSibling) {
    const clone = child.cloneNode(true);
    if (standsAsBlockChild(child)) {
      flush();
      copy.appendChild(clone);
    } else {
      run.push(clone);
    }
  }
  flush();
  return copy;
}

function isBlank(node: DomNode): boolean {
  return node.nodeType === 8 || (node.nodeType === 3 && /^[\t\n\f\r ]*$/.test(node.textContent ?? ''));
}

/**
 * Text standing between the blocks of a layout (`<div><a href>Back</a><div class="nav">…</div></div>`),
 * edited as text and written back as it stood: no element of its own wraps it in the page. In the
 * canvas its element is inline, as the text is on the page.
 */
export const LayoutRun = Node.create({
  name: 'layoutRun',
  group: 'block',
  content: 'inline*',

  parseHTML() {
    return [{ tag: TEXT_RUN_TAG, context: 'layoutContainer/' }];
  },

  renderHTML() {
    return [TEXT_RUN_TAG, 0];
  },
});

/** A layout element holding only text-level content (a caption under a photo, a name in a card). */
export const LayoutText = Node.create({
  name: 'layoutText',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes: elementAttributes,

  parseHTML() {
    return layoutRules('inline', tagAndAttributes);
  },

  renderHTML({ node }) {
    return render(node, 0);
  },
});


/** An inline element no other mark understands (`<span class>`, `<font>`, `<small>` …), kept with its tag and attributes. */
export const InlineMarkup = Mark.create({
  name: 'inlineMarkup',
  // Several may wrap the same text (`<font><span>…</span></font>`).
  excludes: '',

  addAttributes: elementAttributes,

  parseHTML() {
    return [
      ...INLINE_MARKUP_TAGS.map((tag) => ({ tag, priority: FALLBACK_PRIORITY, getAttrs: (el: HTMLElement) => tagAndAttributes(el, tag) })),
      // A layout element inside text (`<h6><center>…</center></h6>`) stays markup of that text.
      ...layoutRules('text', tagAndAttributes),
    ];
  },

  renderHTML({ mark }) {
    return render(mark, 0);
  },
});

/**
 * A layout element inside a container that mixes text with blocks (`<div>Name<p>…</p></div>`): no
 * block can edit it without moving its text, so it stays raw markup in its place. The core writes
 * the markup of its `data-raw-html` placeholder where it stands.
 */
export const LayoutRaw = Node.create({
  name: 'layoutRaw',
  group: 'block',
  atom: true,
  selectable: true,

  addAttributes() {
    return { html: hidden('') };
  },

  parseHTML() {
    return layoutRules('mixed', (el) => ({ html: el.outerHTML }), 'layoutContainer/');
  },

  renderHTML({ node }) {
    return ['div', { 'data-raw-html': node.attrs['html'] as string }];
  },
});
