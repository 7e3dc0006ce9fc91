import type { Attrs, Mark, Node as PMNode } from '@tiptap/pm/model';

/**
 * ProseMirror builds the attributes of each node and mark it makes as an object without a prototype,
 * which V8 keeps as a hash table: about three times the memory of an object with the same properties
 * laid out in fields. A large page has thousands of nodes, nearly all with attributes of their own
 * (their sources), so that is megabytes. This gives the nodes and marks of `doc` such objects instead:
 * the same properties in the same order, the same values, still without a prototype. Attributes shared
 * with a type's defaults are left as they are, as are text nodes (they have none).
 */
export function compactAttrs(doc: PMNode): void {
  const done = new Set<Attrs>();
  const compact = (holder: PMNode | Mark, defaults: Attrs | null): void => {
    const attrs = holder.attrs;
    if (attrs === defaults || done.has(attrs)) return;
    const copy: Record<string, unknown> = {};
    for (const name in attrs) copy[name] = attrs[name];
    // Setting the prototype of an object with fields keeps its fields (creating one without does not).
    const fields = Object.setPrototypeOf(copy, null) as Attrs;
    done.add(fields);
    (holder as { attrs: Attrs }).attrs = fields;
  };
  doc.descendants((node) => {
    if (!node.isText) compact(node, (node.type as unknown as { defaultAttrs: Attrs | null }).defaultAttrs);
    for (const mark of node.marks) compact(mark, (mark.type as unknown as { instance: Mark | null }).instance?.attrs ?? null);
  });
}
