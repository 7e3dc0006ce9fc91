import { Fragment, type Mark, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { compactAttrs } from './compactAttrs.ts';

/**
 * `doc` made again in `schema`, a schema with the same node and mark types (the editor's: the codec's
 * blocks plus the editing tools): the document reading `doc`'s JSON would make, without writing and
 * reading the JSON (tens of milliseconds on a long page), with its attributes compacted (see
 * `compactAttrs`) before any view draws them, and with one mark object for each mark of `doc`.
 */
export function docInSchema(doc: PMNode, schema: Schema): PMNode {
  const marks = new Map<Mark, Mark>();
  const markIn = (mark: Mark): Mark => {
    let copy = marks.get(mark);
    if (!copy) {
      const defaults = (mark.type as unknown as { instance: Mark | null }).instance;
      const type = schema.marks[mark.type.name];
      if (!type) throw new RangeError(`Unknown mark type: ${mark.type.name}`);
      copy = type.create(defaults && mark.attrs === defaults.attrs ? null : mark.attrs);
      marks.set(mark, copy);
    }
    return copy;
  };
  const copy = (node: PMNode): PMNode => {
    const nodeMarks = node.marks.length === 0 ? node.marks : node.marks.map(markIn);
    if (node.isText) return schema.text(node.text!, nodeMarks);
    // Mapped, not pushed: an array the exact length of the children (thousands of nodes each hold one).
    const children = node.content.content.map(copy);
    const attrs = node.attrs === (node.type as unknown as { defaultAttrs: unknown }).defaultAttrs ? null : node.attrs;
    const type = schema.nodes[node.type.name];
    if (!type) throw new RangeError(`Unknown node type: ${node.type.name}`);
    return type.create(attrs, Fragment.fromArray(children), nodeMarks);
  };
  const made = copy(doc);
  compactAttrs(made);
  return made;
}
