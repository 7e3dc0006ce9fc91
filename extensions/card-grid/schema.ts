import { Node, type JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { elementSpec as h } from '../../src/core/domSpec.ts';
import {
  IMAGE_WRAPPER_CLASS,
  imageAttributeSpecs,
  imageIssues,
  imageSpec,
  readExtras,
  readImage,
  soleImage,
  withExtras,
  type ExtraAttributes,
  type ImageAttrs,
} from '../image/schema.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    cardGrid: {
      /** Inserts a card grid of `count` (1–18) placeholder cards at the selection. */
      insertCardGrid: (count?: number) => ReturnType;
    };
  }
}

export const MAX_CARDS = 18;
export const MAX_DESCRIPTION_LENGTH = 300;

const GRID_CLASS = 'isomer-card-grid';
const CARD_CLASS = 'isomer-card';
const CARD_IMAGE_CLASS = 'isomer-card-image';
const CARD_BODY_CLASS = 'isomer-card-body';
// Formatting an editor may type in card text. Links are left out: a clickable card is itself a link.
const CARD_TEXT_MARKS = 'bold italic underline strike superscript subscript code highlight';

const hidden = (value: unknown) => ({ default: value, rendered: false, parseHTML: () => null });
/** Extra classes and attributes of an element, kept so that re-rendering drops nothing. */
const extrasSpecs = () => ({ extraClass: hidden(''), extra: hidden({}) });
const extrasOf = (el: Element, managed: readonly string[], own: string) => readExtras(el, managed, [own]);
const renderAttrs = (node: PMNode, own: Record<string, string | null>, ownClass: string) =>
  withExtras(own, ownClass, node.attrs['extraClass'] as string, node.attrs['extra'] as ExtraAttributes);

const TEXT_CLASSES = ['isomer-card-title', 'isomer-card-description', 'isomer-card-link'];
// Elements that cannot sit in a line of card text; a grid holding one is left to the raw block.
const NOT_IN_CARD_TEXT = new Set('p div ul ol li table h1 h2 h3 h4 h5 h6 blockquote pre hr img iframe details section a'.split(' '));

/** Whether an element below `el` is one of `tags` (a walk rather than a selector: this runs for every card on import). */
function holdsAny(el: Element, tags: Set<string>): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (tags.has(child.localName) || holdsAny(child, tags)) return true;
  }
  return false;
}

/** Element children, or null when there is text (other than whitespace) or a comment beside them. */
function elementChildren(el: Element): Element[] | null {
  const out: Element[] = [];
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 1) out.push(child as Element);
    else if (child.nodeType !== 3 || !/^\s*$/.test(child.textContent ?? '')) return null;
  }
  return out;
}

function isCardBody(el: Element): boolean {
  if (el.localName !== 'div' || !el.classList.contains(CARD_BODY_CLASS)) return false;
  const parts = elementChildren(el);
  if (!parts) return false;
  let last = -1;
  for (const part of parts) {
    const index = part.localName === 'div' ? TEXT_CLASSES.findIndex((c) => part.classList.contains(c)) : -1;
    // Title, description and link text, each at most once and in that order.
    if (index <= last || holdsAny(part, NOT_IN_CARD_TEXT)) return false;
    last = index;
  }
  return true;
}

function isCard(el: Element): boolean {
  if ((el.localName !== 'a' && el.localName !== 'div') || !el.classList.contains(CARD_CLASS)) return false;
  const parts = elementChildren(el);
  if (!parts || parts.length === 0 || parts.length > 2) return false;
  const [first, second] = parts;
  if (parts.length === 2) return first!.classList.contains(CARD_IMAGE_CLASS) && readCardImage(first as HTMLElement) !== false && isCardBody(second!);
  return isCardBody(first!) || (first!.classList.contains(CARD_IMAGE_CLASS) && readCardImage(first as HTMLElement) !== false);
}

/**
 * Whether a grid has exactly the shape the card nodes express. Anything else (parts out of order,
 * unknown elements, text between cards) would be rearranged on edit, so it stays a raw block.
 */
export function isIsomerGrid(el: Element): boolean {
  const cards = elementChildren(el);
  return cards !== null && cards.length > 0 && cards.every(isCard);
}

/** The grid: `<div class="isomer-card-grid">` holding the cards. */
export const CardGrid = Node.create({
  name: 'cardGrid',
  group: 'block',
  // The 18-card limit is reported by cardGridIssues rather than enforced here, so that a page with
  // more cards still opens without losing any.
  content: 'card+',
  isolating: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return extrasSpecs();
  },

  parseHTML() {
    return [{ tag: `div.${GRID_CLASS}`, priority: 1000, getAttrs: (el) => (isIsomerGrid(el) ? extrasOf(el, [], GRID_CLASS) : false) }];
  },

  renderHTML({ node }) {
    return h('div', renderAttrs(node, {}, GRID_CLASS), 0);
  },

  addCommands() {
    return {
      insertCardGrid:
        (count = 3) =>
        ({ commands }) =>
          commands.insertContent(placeholderGrid(count)),
    };
  },
});

const CARD_LINK_ATTRIBUTES = ['href', 'rel', 'target'];

/** A card: `<a class="isomer-card" href rel>` when the whole card is a link, `<div class="isomer-card">` otherwise. */
export const Card = Node.create({
  name: 'card',
  content: 'cardImage? cardBody',
  isolating: true,

  addAttributes() {
    return {
      clickable: hidden(false),
      href: hidden(null),
      rel: hidden(null),
      target: hidden(null),
      ...extrasSpecs(),
    };
  },

  parseHTML() {
    return [
      {
        tag: `a.${CARD_CLASS}`,
        context: 'cardGrid/',
        priority: 1000,
        getAttrs: (el) => ({
          clickable: true,
          href: el.getAttribute('href'),
          rel: el.getAttribute('rel'),
          target: el.getAttribute('target'),
          ...extrasOf(el, CARD_LINK_ATTRIBUTES, CARD_CLASS),
        }),
      },
      { tag: `div.${CARD_CLASS}`, context: 'cardGrid/', priority: 1000, getAttrs: (el) => ({ clickable: false, ...extrasOf(el, [], CARD_CLASS) }) },
    ];
  },

  renderHTML({ node }) {
    if (node.attrs['clickable']) {
      const own = { href: node.attrs['href'] as string | null, rel: node.attrs['rel'] as string | null, target: node.attrs['target'] as string | null };
      return h('a', renderAttrs(node, own, CARD_CLASS), 0);
    }
    return h('div', renderAttrs(node, {}, CARD_CLASS), 0);
  },
});

/** Reads `<div class="isomer-card-image"><div class="isomer-image-wrapper"><img></div></div>`; false for anything else. */
function readCardImage(el: HTMLElement): Record<string, unknown> | false {
  const wrapper = soleChild(el);
  if (!wrapper || wrapper.localName !== 'div' || !wrapper.classList.contains(IMAGE_WRAPPER_CLASS)) return false;
  const img = soleImage(wrapper);
  if (!img) return false;
  const outer = extrasOf(el, [], CARD_IMAGE_CLASS);
  const inner = readExtras(wrapper, [], [IMAGE_WRAPPER_CLASS]);
  return { ...readImage(img), ...outer, wrapperClass: inner.extraClass, wrapperExtra: inner.extra };
}

function soleChild(el: Element): Element | null {
  let found: Element | null = null;
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 1 && !found) found = child as Element;
    else if (child.nodeType !== 3 || !/^\s*$/.test(child.textContent ?? '')) return null;
  }
  return found;
}

/** The card's picture, edited through the settings panel (no text is typed in it). */
export const CardImage = Node.create({
  name: 'cardImage',
  atom: true,
  selectable: true,

  addAttributes() {
    return { ...imageAttributeSpecs(), wrapperClass: hidden(''), wrapperExtra: hidden({}), ...extrasSpecs() };
  },

  parseHTML() {
    return [{ tag: `div.${CARD_IMAGE_CLASS}`, context: 'card/', priority: 1000, getAttrs: (el) => readCardImage(el) }];
  },

  renderHTML({ node }) {
    const wrapper = withExtras({}, IMAGE_WRAPPER_CLASS, node.attrs['wrapperClass'] as string, node.attrs['wrapperExtra'] as ExtraAttributes);
    return h('div', renderAttrs(node, {}, CARD_IMAGE_CLASS), h('div', wrapper, imageSpec(node.attrs as unknown as ImageAttrs)));
  },
});

/** `<div class="isomer-card-body">`: the title, description and link text, each optional, in that order. */
export const CardBody = Node.create({
  name: 'cardBody',
  content: 'cardTitle? cardDescription? cardLink?',
  isolating: true,

  addAttributes() {
    return extrasSpecs();
  },

  parseHTML() {
    return [{ tag: `div.${CARD_BODY_CLASS}`, context: 'card/', priority: 1000, getAttrs: (el) => extrasOf(el, [], CARD_BODY_CLASS) }];
  },

  renderHTML({ node }) {
    return h('div', renderAttrs(node, {}, CARD_BODY_CLASS), 0);
  },
});

/** A line of card text typed in place: `<div class="isomer-card-title|description|link">`. */
function cardText(name: string, cssClass: string) {
  return Node.create({
    name,
    content: 'inline*',
    marks: CARD_TEXT_MARKS,
    defining: true,
    isolating: true,

    addAttributes() {
      return extrasSpecs();
    },

    parseHTML() {
      return [{ tag: `div.${cssClass}`, context: 'cardBody/', priority: 1000, getAttrs: (el) => extrasOf(el, [], cssClass) }];
    },

    renderHTML({ node }) {
      return h('div', renderAttrs(node, {}, cssClass), 0);
    },
  });
}

export const CardTitle = cardText('cardTitle', 'isomer-card-title');
export const CardDescription = cardText('cardDescription', 'isomer-card-description');
export const CardLink = cardText('cardLink', 'isomer-card-link');

export const cardGridExtensions = [CardGrid, Card, CardImage, CardBody, CardTitle, CardDescription, CardLink];

/** A grid of placeholder cards, as TipTap content. */
export function placeholderGrid(count: number): JSONContent {
  const n = Math.max(1, Math.min(MAX_CARDS, Math.floor(Number.isFinite(count) ? count : 3)));
  const text = (type: string, words: string): JSONContent => ({ type, content: [{ type: 'text', text: words }] });
  const cards: JSONContent[] = Array.from({ length: n }, (_, i) => ({
    type: 'card',
    content: [
      {
        type: 'cardBody',
        content: [text('cardTitle', `Card title ${i + 1}`), text('cardDescription', 'A sentence or two about what this card leads to.')],
      },
    ],
  }));
  return { type: 'cardGrid', content: cards };
}

export interface CardGridIssue {
  level: 'warning' | 'error';
  message: string;
  /** 0-based index of the card concerned, when there is one. */
  card?: number;
}

export interface CardGridIssueOptions {
  /** A description over the limit is a warning on a page as opened, an error once the card is edited. */
  descriptionLimitIsError?: boolean;
}

/** What an editor should be told about a card grid: the card count, empty cards, long descriptions. */
export function cardGridIssues(grid: PMNode, options: CardGridIssueOptions = {}): CardGridIssue[] {
  const issues: CardGridIssue[] = [];
  if (grid.childCount === 0) issues.push({ level: 'error', message: 'A card grid needs at least one card.' });
  if (grid.childCount > MAX_CARDS) {
    issues.push({ level: 'error', message: `A card grid holds at most ${MAX_CARDS} cards; this one has ${grid.childCount}.` });
  }
  grid.forEach((card, _offset, index) => {
    const label = `Card ${index + 1}`;
    let body: PMNode | null = null;
    let image: PMNode | null = null;
    card.forEach((child) => {
      if (child.type.name === 'cardBody') body = child;
      if (child.type.name === 'cardImage') image = child;
    });
    const parts = new Map<string, PMNode>();
    (body as PMNode | null)?.forEach((child) => parts.set(child.type.name, child));
    const filled = ['cardTitle', 'cardDescription', 'cardLink'].filter((name) => (parts.get(name)?.textContent.trim() ?? '') !== '');
    if (filled.length === 0) {
      issues.push({ level: 'error', message: `${label} needs a title, a description or link text.`, card: index });
    }
    const description = parts.get('cardDescription')?.textContent ?? '';
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      issues.push({
        level: options.descriptionLimitIsError ? 'error' : 'warning',
        message: `${label}: the description has ${description.length} characters; at most ${MAX_DESCRIPTION_LENGTH} are allowed.`,
        card: index,
      });
    }
    if (card.attrs['clickable'] && !((card.attrs['href'] as string | null) ?? '').trim()) {
      issues.push({ level: 'warning', message: `${label} is clickable but has no link address.`, card: index });
    }
    if (image) {
      for (const issue of imageIssues((image as PMNode).attrs as Partial<ImageAttrs>)) {
        issues.push({ level: issue.level, message: `${label} image: ${issue.message}`, card: index });
      }
    }
  });
  return issues;
}
