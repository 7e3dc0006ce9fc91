/**
 * Minimal edits of a collection's `collection.yml` order list: the rest of the file (comments,
 * quoting, folded entries) stays byte for byte as it was.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLSeq } from 'yaml';

/** The YAML text of one plain scalar on its own (quoted only when it has to be). */
function scalarText(value: string): string {
  return new Document(value).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

function orderSeq(doc: Document, name: string): YAMLSeq<YamlNode> | null {
  const collections = doc.get('collections', true);
  if (!isMap(collections)) return null;
  const named: unknown = collections.get(name, true);
  const entry: unknown = isMap(named) ? named : collections.items.map((p) => p.value).find((v) => isMap(v));
  if (!isMap(entry)) return null;
  const order = entry.get('order', true);
  return isSeq(order) ? (order as YAMLSeq<YamlNode>) : null;
}

/** End of a node's text without the line break(s) a block scalar's range includes. */
function contentEnd(text: string, end: number): number {
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

function parse(text: string): Document | null {
  const doc = parseDocument(text, { logLevel: 'silent', prettyErrors: false, keepSourceTokens: true });
  return doc.errors.length ? null : doc;
}

/** Appends `entry` to the order list (unless already listed). Null when the file has no order list to edit. */
export function appendToOrder(text: string, name: string, entry: string): string | null {
  const doc = parse(text);
  if (!doc) return null;
  const seq = orderSeq(doc, name);
  if (!seq) return null;
  if (seq.items.some((i) => isScalar(i) && i.value === entry)) return text;
  const last = seq.items[seq.items.length - 1];
  if (!seq.flow && last && last.range && seq.range) {
    // Block list: a new `- entry` line after the last item, indented like the first one.
    const first = seq.items[0]!;
    const firstStart = first.range![0];
    const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
    const prefix = text.slice(lineStart, firstStart);
    const dash = prefix.indexOf('-');
    if (dash >= 0 && /^[ ]*-[ ]+$/.test(prefix)) {
      const indent = ' '.repeat(dash);
      const lineEnd = text.indexOf('\n', contentEnd(text, last.range[1]));
      const at = lineEnd === -1 ? text.length : lineEnd;
      return `${text.slice(0, at)}\n${indent}- ${scalarText(entry)}${text.slice(at)}`;
    }
  }
  seq.add(doc.createNode(entry));
  return doc.toString({ lineWidth: 0 });
}

/** Removes `entry` from the order list. Null when nothing was listed (or the file has no list). */
export function removeFromOrder(text: string, name: string, entry: string): string | null {
  const doc = parse(text);
  if (!doc) return null;
  const seq = orderSeq(doc, name);
  if (!seq) return null;
  const index = seq.items.findIndex((i) => isScalar(i) && i.value === entry);
  if (index < 0) return null;
  const item = seq.items[index]!;
  if (!seq.flow && item.range) {
    const start = item.range[0];
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (/^[ ]*-[ ]+$/.test(text.slice(lineStart, start))) {
      const lineEnd = text.indexOf('\n', contentEnd(text, item.range[1]));
      return text.slice(0, lineStart) + (lineEnd === -1 ? '' : text.slice(lineEnd + 1));
    }
  }
  seq.delete(index);
  return doc.toString({ lineWidth: 0 });
}

/** Replaces `from` with `to` in the order list. Null when `from` is not listed. */
export function renameInOrder(text: string, name: string, from: string, to: string): string | null {
  const doc = parse(text);
  if (!doc) return null;
  const seq = orderSeq(doc, name);
  if (!seq) return null;
  const item = seq.items.find((i) => isScalar(i) && i.value === from);
  if (!item || !isScalar(item)) return null;
  if (item.range) {
    const [start, valueEnd] = item.range;
    return text.slice(0, start) + scalarText(to) + text.slice(valueEnd);
  }
  item.value = to;
  return doc.toString({ lineWidth: 0 });
}
