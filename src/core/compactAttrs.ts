import type { Attrs } from '@tiptap/pm/model';

/*
 * ProseMirror builds the attributes of each node and mark it makes as an object without a prototype,
 * which V8 keeps as a hash table: about three times the memory of an object with the same properties
 * laid out in fields. A large page has thousands of nodes, those of its top-level blocks each with
 * attributes of their own (their sources), so that is megabytes. `docInSchema` gives the nodes and marks
 * of the editor's document compact attributes instead (`attrsInFields`), or, where they hold the type's
 * defaults (most nodes inside a block: a source is only a top-level block's), the type's one defaults
 * object (`holdsDefaults`).
 */

/**
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

/**
 * A copy of `attrs` with the same properties in the same order, the same values, still without a
 * prototype, but in fields; its empty object values are the one `EMPTY_ATTRIBUTE_VALUE`.
 */
export function attrsInFields(attrs: Attrs): Attrs {
  const copy: Record<string, unknown> = {};
  for (const name in attrs) {
    const value: unknown = attrs[name];
    copy[name] = isEmptyPlainObject(value) ? EMPTY_ATTRIBUTE_VALUE : value;
  }
  // Setting the prototype of an object with fields keeps its fields (creating one without does not).
  return Object.setPrototypeOf(copy, null) as Attrs;
}

/** Whether `attrs` holds a type's `defaults` (an empty object counting as the same as another). */
export function holdsDefaults(attrs: Attrs, defaults: Attrs): boolean {
  for (const name in defaults) {
    const value: unknown = attrs[name];
    const fallback: unknown = defaults[name];
    if (value !== fallback && !(isEmptyPlainObject(value) && isEmptyPlainObject(fallback))) return false;
  }
  return true;
}
