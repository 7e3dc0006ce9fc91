import { Fragment, type Attrs, type Mark, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { attrsInFields, holdsDefaults } from './compactAttrs.ts';

/**
 * `doc` made again in `schema`, a schema with the same node and mark types (the editor's: the codec's
 * blocks plus the editing tools): the document reading `doc`'s JSON would make, without writing and
 * reading the JSON (tens of milliseconds on a long page), and with compact attributes before any view
 * draws them (see `compactAttrs.ts`): a node or mark whose attributes hold its type's defaults shares
 * its type's defaults object, any other has its own in fields. One mark object for each mark of `doc`.
 */
export function docInSchema(doc: PMNode, schema: Schema): PMNode {
  const marks = new Map<Mark, Mark>();
  const markIn = (mark: Mark): Mark => {
    let copy = marks.get(mark);
    if (!copy) {
      const type = schema.marks[mark.type.name];
      if (!type) throw new RangeError(`Unknown mark type: ${mark.type.name}`);
      const defaults = (type as unknown as { instance: Mark | null }).instance?.attrs ?? null;
      const shared = defaults !== null && holdsDefaults(mark.attrs, defaults);
      copy = type.create(shared ? null : mark.attrs);
      if (!shared) setAttrs(copy, attrsInFields(copy.attrs));
      marks.set(mark, copy);
    }
    return copy;
  };
  const copy = (node: PMNode): PMNode => {
    const nodeMarks = node.marks.length === 0 ? node.marks : node.marks.map(markIn);
    if (node.isText) return schema.text(node.text!, nodeMarks);
    // Mapped, not pushed: an array the exact length of the children (thousands of nodes each hold one).
    const children = node.content.content.map(copy);
    const type = schema.nodes[node.type.name];
    if (!type) throw new RangeError(`Unknown node type: ${node.type.name}`);
    const defaults = (type as unknown as { defaultAttrs: Attrs | null }).defaultAttrs;
    const shared = defaults !== null && holdsDefaults(node.attrs, defaults);
    const made = type.create(shared ? null : node.attrs, Fragment.fromArray(children), nodeMarks);
    if (!shared) setAttrs(made, attrsInFields(made.attrs));
    return made;
  };
  return copy(doc);
}

/** Gives a node or mark just made, and not yet seen by anything else, other attributes of the same values. */
function setAttrs(holder: PMNode | Mark, attrs: Attrs): void {
  (holder as { attrs: Attrs }).attrs = attrs;
}
