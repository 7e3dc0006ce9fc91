import { findParentNodeClosestToPos, Node, type Attribute } from '@tiptap/core';
import { Fragment, type Node as PMNode, type ResolvedPos } from '@tiptap/pm/model';
import { NodeSelection, TextSelection, type EditorState } from '@tiptap/pm/state';
import { elementSpec as spec } from '../../src/core/domSpec.ts';
import { insertBlock } from '../../src/core/insertBlock.ts';

export type AccordionColour = 'white' | 'gray';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    accordion: {
      /** Inserts an accordion with the given number of empty items, the cursor in the first question. */
      insertAccordion: (items?: number) => ReturnType;
      /** Sets the colour of the accordion around the selection. */
      setAccordionColour: (colour: AccordionColour) => ReturnType;
      /** Adds an empty item after the item holding the selection (or at the end of a selected accordion). */
      addAccordionItem: () => ReturnType;
      /** Removes the item holding the selection; the last item takes the accordion with it. */
      removeAccordionItem: () => ReturnType;
      /** Moves the item holding the selection one place up or down. */
      moveAccordionItem: (direction: 'up' | 'down') => ReturnType;
    };
  }
}

const COLOUR_CLASS = /^isomer-accordion-(white|gray)$/;

/** Every attribute of an element except those a node manages itself, in the order written. */
export function otherAttributes(element: HTMLElement, managed: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) {
    if (!managed.includes(attribute.name)) result[attribute.name] = attribute.value;
  }
  return result;
}

/** Unmanaged attributes, kept and written back after the managed ones. */
function extraAttributes(managed: readonly string[]): Attribute {
  return { default: {}, rendered: false, parseHTML: (element) => otherAttributes(element, managed) };
}

/** The class attribute as written ('' when absent, so that nothing is added on export). */
function classAttribute(fallback: string): Attribute {
  return { default: fallback, rendered: false, parseHTML: (element) => element.getAttribute('class') ?? '' };
}

function colourOf(classes: string): AccordionColour | null {
  for (const token of classes.split(/\s+/)) {
    const match = COLOUR_CLASS.exec(token);
    if (match) return match[1] as AccordionColour;
  }
  return null;
}

/** The accordion's class list: as written, with the colour class set to the current colour in its place. */
export function accordionClasses(classes: string, colour: AccordionColour | null): string {
  if (colourOf(classes) === colour) return classes;
  const tokens = classes.split(/\s+/).filter((t) => t !== '');
  const wanted = colour ? `isomer-accordion-${colour}` : null;
  const at = tokens.findIndex((t) => COLOUR_CLASS.test(t));
  if (at !== -1) {
    if (wanted) tokens[at] = wanted;
    else tokens.splice(at, 1);
  } else if (wanted) {
    const base = tokens.indexOf('isomer-accordion');
    tokens.splice(base === -1 ? tokens.length : base + 1, 0, wanted);
  }
  return tokens.join(' ');
}

export const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'blockquote', 'details', 'summary', 'pre', 'hr', 'section', 'figure', 'img', 'iframe']);

/** An accordion holds only items: anything else beside them is not an Isomer accordion. */
function isAccordionElement(element: HTMLElement): boolean {
  return element.children.length > 0 && Array.from(element.children).every((child) => child.localName === 'details') && onlyWhitespaceText(element);
}

/** An item is one question then one answer. */
function isItemElement(element: HTMLElement): boolean {
  const [summary, content, ...rest] = Array.from(element.children);
  return (
    rest.length === 0 &&
    summary?.localName === 'summary' &&
    content?.localName === 'div' &&
    content.getAttribute('data-type') === 'detailsContent' &&
    onlyWhitespaceText(element) &&
    // A question is a line of text: blocks inside it would not survive as one.
    !Array.from(summary.querySelectorAll('*')).some((el) => BLOCK_TAGS.has(el.localName))
  );
}

export function onlyWhitespaceText(element: Element): boolean {
  return Array.from(element.childNodes).every((child) => child.nodeType !== 3 || /^\s*$/.test(child.textContent ?? ''));
}

function withClass(classes: string, rest: Record<string, string>): Record<string, string> {
  return classes === '' ? rest : { class: classes, ...rest };
}

/** `<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">` holding the items. */
export const Accordion = Node.create({
  name: 'accordion',
  group: 'block',
  content: 'accordionItem+',
  defining: true,
  isolating: true,
  draggable: true,

  addAttributes() {
    return {
      colour: {
        default: null,
        rendered: false,
        parseHTML: (element) => colourOf(element.getAttribute('class') ?? ''),
      },
      classes: classAttribute('isomer-accordion'),
      extraAttributes: extraAttributes(['data-type', 'class']),
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="detailGroup"]', priority: 1000, getAttrs: (element) => (isAccordionElement(element) ? null : false) }];
  },

  renderHTML({ node }) {
    const classes = accordionClasses(node.attrs['classes'] as string, node.attrs['colour'] as AccordionColour | null);
    return spec('div', { 'data-type': 'detailGroup', ...withClass(classes, node.attrs['extraAttributes'] as Record<string, string>) }, 0);
  },

  addCommands() {
    return {
      insertAccordion:
        (items = 2) =>
        ({ tr, dispatch, editor }) => {
          const count = Math.max(1, Math.floor(items));
          const node = editor.schema.nodeFromJSON({
            type: this.name,
            attrs: { colour: 'white', classes: 'isomer-accordion isomer-accordion-white' },
            content: Array.from({ length: count }, () => emptyItemJSON()),
          });
          if (dispatch) {
            const inserted = insertBlock(tr, node);
            // accordion > item > summary: the summary's text starts three positions in.
            if (inserted !== -1) tr.setSelection(TextSelection.create(tr.doc, inserted + 3));
            tr.scrollIntoView();
          }
          return true;
        },

      setAccordionColour:
        (colour) =>
        ({ state, tr, dispatch }) => {
          const found = findAround(state, this.name);
          if (!found) return false;
          if (dispatch) tr.setNodeMarkup(found.pos, undefined, { ...found.node.attrs, colour });
          return true;
        },

      addAccordionItem:
        () =>
        ({ state, tr, dispatch, editor }) => {
          const item = findAround(state, 'accordionItem');
          const accordion = item ? null : findAround(state, this.name);
          if (!item && !accordion) return false;
          const at = item ? item.pos + item.node.nodeSize : accordion!.pos + accordion!.node.nodeSize - 1;
          if (dispatch) {
            tr.insert(at, editor.schema.nodeFromJSON(emptyItemJSON()));
            tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView();
          }
          return true;
        },

      removeAccordionItem:
        () =>
        ({ state, tr, dispatch }) => {
          const item = findAround(state, 'accordionItem');
          if (!item) return false;
          const accordion = findParentNodeClosestToPos(state.doc.resolve(item.pos), (n) => n.type.name === this.name);
          if (!accordion) return false;
          if (dispatch) {
            const [from, to] =
              accordion.node.childCount === 1
                ? [accordion.pos, accordion.pos + accordion.node.nodeSize]
                : [item.pos, item.pos + item.node.nodeSize];
            tr.delete(from, to);
            tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(from, tr.doc.content.size)), -1)).scrollIntoView();
          }
          return true;
        },

      moveAccordionItem:
        (direction) =>
        ({ state, tr, dispatch }) => {
          const item = findAround(state, 'accordionItem');
          if (!item) return false;
          const $item = state.doc.resolve(item.pos);
          const index = $item.index();
          const parent = $item.parent;
          const other = direction === 'up' ? index - 1 : index + 1;
          if (other < 0 || other >= parent.childCount) return false;
          if (dispatch) {
            const offsetInItem = state.selection.from - item.pos;
            const neighbour = parent.child(other);
            if (direction === 'up') {
              const neighbourPos = item.pos - neighbour.nodeSize;
              tr.delete(item.pos, item.pos + item.node.nodeSize).insert(neighbourPos, item.node);
              tr.setSelection(TextSelection.near(tr.doc.resolve(neighbourPos + offsetInItem)));
            } else {
              const newPos = item.pos + neighbour.nodeSize;
              tr.delete(item.pos, item.pos + item.node.nodeSize).insert(newPos, item.node);
              tr.setSelection(TextSelection.near(tr.doc.resolve(newPos + offsetInItem)));
            }
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      // Enter in a question goes to its answer: a question is one line.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type.name !== 'accordionSummary') return false;
        const after = $from.after();
        return editor.commands.command(({ tr }) => {
          tr.setSelection(TextSelection.near(tr.doc.resolve(after + 1)));
          return true;
        });
      },
    };
  },
});

function emptyItemJSON() {
  return {
    type: 'accordionItem',
    content: [{ type: 'accordionSummary' }, { type: 'accordionContent', content: [{ type: 'paragraph' }] }],
  };
}

/** The node of the given type that is selected or holds the selection. */
function findAround(state: EditorState, typeName: string): { node: PMNode; pos: number } | null {
  const { selection } = state;
  if (selection instanceof NodeSelection && selection.node.type.name === typeName) return { node: selection.node, pos: selection.from };
  const $pos: ResolvedPos = selection.$from;
  const found = findParentNodeClosestToPos($pos, (n) => n.type.name === typeName);
  return found ? { node: found.node, pos: found.pos } : null;
}

/** `<details class="isomer-details">`: one question and its answer. `open` is kept when written. */
export const AccordionItem = Node.create({
  name: 'accordionItem',
  content: 'accordionSummary accordionContent',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      open: { default: false, rendered: false, parseHTML: (element) => (element.hasAttribute('open') ? true : null) },
      classes: classAttribute('isomer-details'),
      extraAttributes: extraAttributes(['class', 'open']),
    };
  },

  parseHTML() {
    return [{ tag: 'details', context: 'accordion/', priority: 1000, getAttrs: (element) => (isItemElement(element) ? null : false) }];
  },

  renderHTML({ node }) {
    const attrs = withClass(node.attrs['classes'] as string, {});
    if (node.attrs['open']) attrs['open'] = '';
    return spec('details', { ...attrs, ...(node.attrs['extraAttributes'] as Record<string, string>) }, 0);
  },
});

/** `<summary>`: the question, typed in place. */
export const AccordionSummary = Node.create({
  name: 'accordionSummary',
  content: 'inline*',
  defining: true,
  isolating: true,
  selectable: false,

  addAttributes() {
    return { extraAttributes: extraAttributes([]) };
  },

  parseHTML() {
    // Also the question of a `<details>` in other markup (details.ts).
    return [{ tag: 'summary', context: 'accordionItem/|details/', priority: 1000 }];
  },

  renderHTML({ node }) {
    return spec('summary', { ...(node.attrs['extraAttributes'] as Record<string, string>) }, 0);
  },
});

/** `<div data-type="detailsContent" class="isomer-details-content">`: the answer, any blocks. */
export const AccordionContent = Node.create({
  name: 'accordionContent',
  content: 'block+',
  defining: true,
  selectable: false,

  addAttributes() {
    return {
      classes: classAttribute('isomer-details-content'),
      extraAttributes: extraAttributes(['data-type', 'class']),
    };
  },

  parseHTML() {
    return [
      {
        // An empty answer is read as one empty paragraph, as the editor would make it.
        tag: 'div[data-type="detailsContent"]',
        context: 'accordionItem/',
        priority: 1001,
        getAttrs: (element) => (element.children.length === 0 && /^\s*$/.test(element.textContent ?? '') ? null : false),
        getContent: (_element, schema) => Fragment.from(schema.nodes['paragraph']!.create()),
      },
      { tag: 'div[data-type="detailsContent"]', context: 'accordionItem/', priority: 1000 },
    ];
  },

  renderHTML({ node }) {
    return spec('div', { 'data-type': 'detailsContent', ...withClass(node.attrs['classes'] as string, node.attrs['extraAttributes'] as Record<string, string>) }, 0);
  },
});

export const accordionExtensions = [Accordion, AccordionItem, AccordionSummary, AccordionContent];
