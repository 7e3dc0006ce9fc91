import { defaultTreeAdapter, html as parse5Html, parseFragment, serializeOuter, type DefaultTreeAdapterTypes, type SerializerOptions } from 'parse5';

/*
 * A small DOM of plain objects, enough for the codec to read a block and render it back: parse rules
 * and DOM specs of the blocks, ProseMirror's parser and serialiser, and the codec's comparisons. In
 * Node, jsdom builds each element through several layers (wrappers, live collections, mutation
 * records), and reading a page costs several times what parsing it does; this tree costs little more
 * than parse5's own. Anything outside that subset throws, and the codec reads the block with jsdom
 * instead. HTML elements only, in a standards-mode document.
 */

/** What a block asked of the light DOM that it does not have. */
export class LightDomUnsupported extends Error {
  constructor(what: string) {
    super(`The light DOM does not support ${what}.`);
    this.name = 'LightDomUnsupported';
  }
}

const XHTML = parse5Html.NS.HTML;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

export interface LightAttribute {
  readonly name: string;
  value: string;
}

export abstract class LightNode {
  parentNode: LightParent | null = null;
  nextSibling: LightNode | null = null;
  previousSibling: LightNode | null = null;
  // Accessors, not fields: a field declared here would be defined on every node, over the subclasses' getters.
  abstract get nodeType(): number;
  abstract get nodeName(): string;

  constructor(readonly ownerDocument: LightDocument) {}

  get parentElement(): LightElement | null {
    return this.parentNode instanceof LightElement ? this.parentNode : null;
  }

  get firstChild(): LightNode | null {
    return null;
  }

  get textContent(): string {
    return '';
  }

  get nodeValue(): string | null {
    return null;
  }

  hasChildNodes(): boolean {
    return this.firstChild !== null;
  }

  contains(other: LightNode | null): boolean {
    for (let node = other; node; node = node.parentNode) if (node === this) return true;
    return false;
  }

  abstract isEqualNode(other: LightNode | null): boolean;
}

/** The first element from `node` on, walking one way along its siblings. */
function firstElement(node: LightNode | null, step: 'nextSibling' | 'previousSibling'): LightElement | null {
  for (; node; node = node[step]) if (node instanceof LightElement) return node;
  return null;
}

/** A node that holds children: an element or a fragment. */
export abstract class LightParent extends LightNode {
  private first: LightNode | null = null;
  private last: LightNode | null = null;
  private cachedChildren: LightNode[] | null = null;

  override get firstChild(): LightNode | null {
    return this.first;
  }

  get lastChild(): LightNode | null {
    return this.last;
  }

  get childNodes(): LightNode[] {
    if (!this.cachedChildren) {
      const list: LightNode[] = [];
      for (let child = this.first; child; child = child.nextSibling) list.push(child);
      this.cachedChildren = list;
    }
    return this.cachedChildren;
  }

  get children(): LightElement[] {
    return this.childNodes.filter((child): child is LightElement => child instanceof LightElement);
  }

  get childElementCount(): number {
    return this.children.length;
  }

  get firstElementChild(): LightElement | null {
    return firstElement(this.first, 'nextSibling');
  }

  get lastElementChild(): LightElement | null {
    return firstElement(this.last, 'previousSibling');
  }

  override get textContent(): string {
    let text = '';
    for (let child = this.first; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child instanceof LightParent) text += child.textContent;
    }
    return text;
  }

  appendChild<T extends LightNode>(child: T): T {
    return this.insertBefore(child, null);
  }

  append(...nodes: LightNode[]): void {
    for (const node of nodes) this.appendChild(node);
  }

  insertBefore<T extends LightNode>(child: T, reference: LightNode | null): T {
    if (!(child instanceof LightNode)) throw new LightDomUnsupported('a node of another DOM');
    if (child instanceof LightFragment) {
      for (const node of [...child.childNodes]) this.insertBefore(node, reference);
      return child;
    }
    if (reference && reference.parentNode !== this) throw new LightDomUnsupported('inserting before a node of another parent');
    if (child.contains(this)) throw new LightDomUnsupported('inserting a node into itself');
    child.parentNode?.removeChild(child);
    const before = reference ? reference.previousSibling : this.last;
    child.parentNode = this;
    child.previousSibling = before;
    child.nextSibling = reference;
    if (before) before.nextSibling = child;
    else this.first = child;
    if (reference) reference.previousSibling = child;
    else this.last = child;
    this.cachedChildren = null;
    return child;
  }

  removeChild<T extends LightNode>(child: T): T {
    if (child.parentNode !== this) throw new LightDomUnsupported('removing a node of another parent');
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    else this.first = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    else this.last = child.previousSibling;
    child.parentNode = null;
    child.previousSibling = null;
    child.nextSibling = null;
    this.cachedChildren = null;
    return child;
  }

  protected sameChildren(other: LightParent): boolean {
    let a = this.first;
    let b = other.first;
    for (; a && b; a = a.nextSibling, b = b.nextSibling) if (!a.isEqualNode(b)) return false;
    return a === null && b === null;
  }

  /** Elements below this node, in document order, matching a list of tag names or `*`: no other selectors. */
  querySelectorAll(selectors: string): LightElement[] {
    const names = selectors.split(',').map((s) => s.trim());
    if (!names.every((name) => /^(?:[a-z][a-z0-9]*|\*)$/.test(name))) throw new LightDomUnsupported(`the selector "${selectors}"`);
    const all = names.includes('*');
    const found: LightElement[] = [];
    // Document order without recursion: down to the first child, else on to the nearest next sibling.
    let node: LightNode | null = this.first;
    while (node) {
      if (node instanceof LightElement && (all || names.includes(node.localName))) found.push(node);
      if (node instanceof LightParent && node.first) {
        node = node.first;
        continue;
      }
      while (node && node !== this && !node.nextSibling) node = node.parentNode;
      node = node && node !== this ? node.nextSibling : null;
    }
    return found;
  }

  querySelector(selectors: string): LightElement | null {
    return this.querySelectorAll(selectors)[0] ?? null;
  }
}

/** Text and comments: a string of data. */
abstract class LightCharacterData extends LightNode {
  constructor(
    ownerDocument: LightDocument,
    public data: string,
  ) {
    super(ownerDocument);
  }

  override get nodeValue(): string {
    return this.data;
  }

  isEqualNode(other: LightNode | null): boolean {
    return other instanceof LightCharacterData && other.nodeType === this.nodeType && other.data === this.data;
  }
}

export class LightText extends LightCharacterData {
  get nodeType(): number {
    return TEXT_NODE;
  }

  get nodeName(): string {
    return '#text';
  }

  override get textContent(): string {
    return this.data;
  }
}

export class LightComment extends LightCharacterData {
  get nodeType(): number {
    return COMMENT_NODE;
  }

  get nodeName(): string {
    return '#comment';
  }
}

/** The class list of an element, read-only, as the parse rules read it. */
class LightClassList {
  private readonly tokens: string[];

  constructor(value: string | null) {
    this.tokens = value === null ? [] : [...new Set(value.split(/[\t\n\f\r ]+/).filter(Boolean))];
  }

  get length(): number {
    return this.tokens.length;
  }

  get value(): string {
    return this.tokens.join(' ');
  }

  item(index: number): string | null {
    return this.tokens[index] ?? null;
  }

  contains(token: string): boolean {
    return this.tokens.includes(token);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.tokens[Symbol.iterator]();
  }
}

/**
 * The style of an element without a `style` attribute: every property is empty, as in a browser.
 * Setting a style (or reading one that is set) needs a CSS parser, which this tree does not have.
 */
const EMPTY_STYLE = new Proxy(Object.freeze({ length: 0, cssText: '', getPropertyValue: () => '' }), {
  get(target, property) {
    if (property in target) return target[property as keyof typeof target];
    if (typeof property === 'string' && /^[a-zA-Z]+$/.test(property)) return '';
    throw new LightDomUnsupported(`style.${String(property)}`);
  },
  set(_target, property) {
    throw new LightDomUnsupported(`setting style.${String(property)}`);
  },
});

/**
 * The style of an element with a `style` attribute, for parse rules that look for properties it does
 * not set (which are empty). A property it sets would need the browser's normalised value: unsupported.
 */
function declaredStyle(source: string): object {
  if (/[()\\"'/]/.test(source)) throw new LightDomUnsupported(`the style "${source}"`);
  const declared = new Set<string>();
  for (const declaration of source.split(';')) {
    if (declaration.trim() === '') continue;
    const colon = declaration.indexOf(':');
    if (colon === -1) throw new LightDomUnsupported(`the style "${source}"`);
    declared.add(declaration.slice(0, colon).trim().toLowerCase());
  }
  const unsupported = (name: string) => new LightDomUnsupported(`reading ${name} from the style "${source}"`);
  const read = (name: string) => {
    if (declared.has(name)) throw unsupported(name);
    return '';
  };
  return new Proxy(
    { length: declared.size, getPropertyValue: read },
    {
      get(target, property) {
        if (property === 'length' || property === 'getPropertyValue') return target[property];
        if (typeof property === 'string' && /^[a-zA-Z]+$/.test(property)) return read(property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
        throw unsupported(String(property));
      },
      set(_target, property) {
        throw new LightDomUnsupported(`setting style.${String(property)}`);
      },
    },
  );
}

export class LightElement extends LightParent {
  readonly namespaceURI = XHTML;
  readonly attributes: LightAttribute[] = [];

  constructor(
    ownerDocument: LightDocument,
    readonly localName: string,
  ) {
    super(ownerDocument);
  }

  get nodeType(): number {
    return ELEMENT_NODE;
  }

  get tagName(): string {
    return this.localName.toUpperCase();
  }

  get nodeName(): string {
    return this.tagName;
  }

  private attribute(name: string): LightAttribute | undefined {
    const lower = name.toLowerCase();
    return this.attributes.find((a) => a.name === lower);
  }

  getAttribute(name: string): string | null {
    return this.attribute(name)?.value ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attribute(name) !== undefined;
  }

  hasAttributes(): boolean {
    return this.attributes.length > 0;
  }

  getAttributeNames(): string[] {
    return this.attributes.map((a) => a.name);
  }

  setAttribute(name: string, value: unknown): void {
    if (!/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(name)) throw new LightDomUnsupported(`the attribute name "${name}"`);
    const existing = this.attribute(name);
    if (existing) existing.value = String(value);
    else this.attributes.push({ name: name.toLowerCase(), value: String(value) });
  }

  setAttributeNS(namespace: string | null, name: string, value: unknown): void {
    if (namespace !== null) throw new LightDomUnsupported('namespaced attributes');
    this.setAttribute(name, value);
  }

  removeAttribute(name: string): void {
    const index = this.attributes.findIndex((a) => a.name === name.toLowerCase());
    if (index !== -1) this.attributes.splice(index, 1);
  }

  get id(): string {
    return this.getAttribute('id') ?? '';
  }

  get className(): string {
    return this.getAttribute('class') ?? '';
  }

  get classList(): LightClassList {
    return new LightClassList(this.getAttribute('class'));
  }

  get style(): never {
    const source = this.getAttribute('style');
    return (source === null ? EMPTY_STYLE : declaredStyle(source)) as never;
  }

  get nextElementSibling(): LightElement | null {
    return firstElement(this.nextSibling, 'nextSibling');
  }

  get previousElementSibling(): LightElement | null {
    return firstElement(this.previousSibling, 'previousSibling');
  }

  /** A table's rows, as `HTMLTableElement.rows` lists them. */
  get rows(): LightElement[] {
    if (this.localName !== 'table') throw new LightDomUnsupported(`rows of <${this.localName}>`);
    const rows: LightElement[] = [];
    const sections = this.children;
    const rowsOf = (section: LightElement) => section.children.filter((c) => c.localName === 'tr');
    for (const section of sections) if (section.localName === 'thead') rows.push(...rowsOf(section));
    for (const section of sections) {
      if (section.localName === 'tr') rows.push(section);
      else if (section.localName === 'tbody') rows.push(...rowsOf(section));
    }
    for (const section of sections) if (section.localName === 'tfoot') rows.push(...rowsOf(section));
    return rows;
  }

  matches(selector: string): never {
    throw new LightDomUnsupported(`matching "${selector}"`);
  }

  closest(selector: string): never {
    throw new LightDomUnsupported(`closest("${selector}")`);
  }

  get outerHTML(): string {
    return serializeOuter(this as never, SERIALIZER);
  }

  get innerHTML(): string {
    let html = '';
    for (let child = this.firstChild; child; child = child.nextSibling) html += serializeOuter(child as never, SERIALIZER);
    return html;
  }

  isEqualNode(other: LightNode | null): boolean {
    if (!(other instanceof LightElement) || other.localName !== this.localName || other.attributes.length !== this.attributes.length) return false;
    for (const attribute of this.attributes) if (other.getAttribute(attribute.name) !== attribute.value) return false;
    return this.sameChildren(other);
  }
}

export class LightFragment extends LightParent {
  get nodeType(): number {
    return DOCUMENT_FRAGMENT_NODE;
  }

  get nodeName(): string {
    return '#document-fragment';
  }

  isEqualNode(other: LightNode | null): boolean {
    return other instanceof LightFragment && this.sameChildren(other);
  }
}

/** Makes the nodes of the tree; stands in for `Document` where the codec and the blocks create elements. */
export class LightDocument {
  readonly nodeType = DOCUMENT_NODE;

  createElement(name: string): LightElement {
    if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(name)) throw new LightDomUnsupported(`the element name "${name}"`);
    return new LightElement(this, name.toLowerCase());
  }

  createElementNS(namespace: string | null, name: string): LightElement {
    if (namespace !== XHTML) throw new LightDomUnsupported(`elements in ${namespace ?? 'no namespace'}`);
    return this.createElement(name);
  }

  createTextNode(data: string): LightText {
    return new LightText(this, String(data));
  }

  createComment(data: string): LightComment {
    return new LightComment(this, String(data));
  }

  createDocumentFragment(): LightFragment {
    return new LightFragment(this);
  }
}

/** parse5's serialiser reads the tree through this: the same serialiser jsdom uses, so the same HTML. */
const serializingAdapter = {
  isElementNode: (node: LightNode) => node.nodeType === ELEMENT_NODE,
  isTextNode: (node: LightNode) => node.nodeType === TEXT_NODE,
  isCommentNode: (node: LightNode) => node.nodeType === COMMENT_NODE,
  isDocumentTypeNode: () => false,
  getTagName: (node: LightElement) => node.localName,
  getNamespaceURI: (node: LightElement) => node.namespaceURI,
  getAttrList: (node: LightElement) => node.attributes,
  getChildNodes: (node: LightNode) => (node instanceof LightParent ? node.childNodes : []),
  getParentNode: (node: LightNode) => node.parentNode,
  getTextNodeContent: (node: LightText) => node.data,
  getCommentNodeContent: (node: LightComment) => node.data,
  getTemplateContent: () => {
    throw new LightDomUnsupported('template contents');
  },
};
const SERIALIZER = { treeAdapter: serializingAdapter, scriptingEnabled: false } as unknown as SerializerOptions<never>;

const DIV_CONTEXT = defaultTreeAdapter.createElement('div', XHTML, []);

/**
 * `html` parsed as the content of a `<div>`, as `element.innerHTML = html` parses it in a
 * standards-mode document; null when it holds anything but HTML elements, text and comments.
 */
export function parseLightFragment(html: string, document: LightDocument): LightFragment | null {
  // As jsdom parses: scripting disabled, so <noscript> holds markup, not text.
  const parsed = parseFragment(DIV_CONTEXT, html, { scriptingEnabled: false });
  const fragment = document.createDocumentFragment();
  return copyChildren(parsed, fragment, document) ? fragment : null;
}

function copyChildren(from: DefaultTreeAdapterTypes.ParentNode, to: LightParent, document: LightDocument): boolean {
  // Each parsed parent with its copy, in turn, without recursion.
  const pending: [DefaultTreeAdapterTypes.ParentNode, LightParent][] = [[from, to]];
  while (pending.length > 0) {
    const [source, target] = pending.pop()!;
    for (const node of source.childNodes) {
      if (defaultTreeAdapter.isTextNode(node)) {
        target.appendChild(document.createTextNode(node.value));
      } else if (defaultTreeAdapter.isCommentNode(node)) {
        target.appendChild(document.createComment(node.data));
      } else if (defaultTreeAdapter.isElementNode(node)) {
        if (node.namespaceURI !== XHTML || node.tagName === 'template') return false;
        const element = new LightElement(document, node.tagName);
        for (const attribute of node.attrs) {
          if (attribute.namespace) return false;
          element.attributes.push({ name: attribute.name, value: attribute.value });
        }
        target.appendChild(element);
        pending.push([node, element]);
      } else {
        return false;
      }
    }
  }
  return true;
}
