import type { Attrs, Mark, Node as PMNode } from '@tiptap/pm/model';

/**
 * ProseMirror builds the attributes of each node and mark it makes as an object without a prototype,
 * which V8 keeps as a hash table: about three times the memory of an object with the same properties
 * laid out in fields. A large page has thousands of nodes, nearly all with attributes of their own
 * (their sources), so that is megabytes. This gives the nodes and marks of `doc` such objects instead:
 * the same properties in the same order, the same values, still without a prototype. Attributes equal
 * to the type's defaults (most nodes inside a block: a source is only a top-level block's) become the
 * type's one defaults object; text nodes are left as they are (they have none).
 *
 * A value that is an empty plain object (the extra attributes a block keeps, when it keeps none: images,
 * cards, table cells, accordions) becomes one shared, frozen empty object: every such node read from a
 * page had one of its own, some 7,000 of them on the stress page.
 */
export const EMPTY_ATTRIBUTE_VALUE: Readonly<Record<string, never>> = Object.freeze({});

function isEmptyPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const _name in value) return false;
  return true;
}

/** A copy of `attrs` without a prototype, its properties in fields, its empty object values shared. */
export function attrsInFields(attrs: Attrs): Attrs {
  const copy: Record<string, unknown> = {};
  for (const name in attrs) {
    const value: unknown = attrs[name];
    copy[name] = isEmptyPlainObject(value) ? EMPTY_ATTRIBUTE_VALUE : value;
  }
  // Setting the prototype of an object with fields keeps its fields (creating one without does not).
  return Object.setPrototypeOf(copy, null) as Attrs;
}

/** Whether `attrs` holds the type's defaults: then it can be the type's own defaults object. */
function sameValues(attrs: Attrs, defaults: Attrs): boolean {
  for (const name in defaults) {
    const value: unknown = attrs[name];
    const fallback: unknown = defaults[name];
    if (value !== fallback && !(isEmptyPlainObject(value) && isEmptyPlainObject(fallback))) return false;
  }
  return true;
}

export function compactAttrs(doc: PMNode): void {
  const done = new Set<Attrs>();
  const compact = (holder: PMNode | Mark, defaults: Attrs | null): void => {
    const attrs = holder.attrs;
    if (attrs === defaults || done.has(attrs)) return;
    if (defaults && sameValues(attrs, defaults)) {
      (holder as { attrs: Attrs }).attrs = defaults;
      return;
    }
    const fields = attrsInFields(attrs);
    done.add(fields);
    (holder as { attrs: Attrs }).attrs = fields;
  };
  doc.descendants((node) => {
    if (!node.isText) compact(node, (node.type as unknown as { defaultAttrs: Attrs | null }).defaultAttrs);
    for (const mark of node.marks) compact(mark, (mark.type as unknown as { instance: Mark | null }).instance?.attrs ?? null);
  });
}
