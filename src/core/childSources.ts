import { splitTopLevel } from './topLevelSegments.ts';

/**
 * Where the children of a container block sit in its source text: the start tag, the whitespace
 * before the first child, each child's own text and the whitespace after it, and the end tag. With
 * it, an edited container is written back as its source with only the edited children replaced.
 */
export interface ChildSources {
  /** The start tag as written, and a key of the element name and attributes it was read with. */
  open: string;
  openKey: string;
  leading: string;
  children: { html: string; after: string }[];
  close: string;
}

// A start tag: name, then attributes (quoted values may hold `>`), then `>` or `/>`.
const START_TAG = /^<[a-zA-Z][^\t\n\f\r />]*(?:[\t\n\f\r /]+(?:[^\t\n\f\r />"'=][^\t\n\f\r />=]*(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r >]+))?)?)*[\t\n\f\r /]*>/;

/**
 * How a block type keeps its children's sources: `true`, or options. `joinPrevious`: elements that
 * belong to the child before them (a list written directly in a list, `<ol><li>…</li><ol>…</ol>`,
 * is read into the item before it).
 */
export type ChildSourcesSpec = true | { joinPrevious?: readonly string[] };

/**
 * Splits a container's source into its parts, when it holds exactly `childCount` top-level children
 * and nothing else (no text or comments between them); null otherwise.
 */
export function childSourcesOf(html: string, tag: string, childCount: number, openKey: string, spec: ChildSourcesSpec = true): ChildSources | null {
  const open = START_TAG.exec(html)?.[0];
  const close = new RegExp(`</${tag}[\\t\\n\\f\\r ]*>$`, 'i').exec(html)?.[0];
  if (!open || !close || !html.toLowerCase().startsWith(`<${tag}`) || open.length + close.length > html.length) return null;
  const inner = html.slice(open.length, html.length - close.length);
  let split;
  try {
    split = splitTopLevel(inner);
  } catch {
    // Needs the full parser, or nests too deeply: the container is then written whole when edited.
    return null;
  }
  if (split.segments.some((s) => s.kind === 'comment')) return null;
  const joinPrevious = spec === true ? [] : (spec.joinPrevious ?? []);
  const children: { html: string; after: string }[] = [];
  for (const segment of split.segments) {
    const previous = children[children.length - 1];
    const name = /^<([a-zA-Z][^\t\n\f\r />]*)/.exec(segment.html)?.[1]?.toLowerCase();
    if (previous && name && joinPrevious.includes(name)) {
      previous.html += previous.after + segment.html;
      previous.after = segment.after;
    } else {
      children.push({ html: segment.html, after: segment.after });
    }
  }
  if (children.length !== childCount) return null;
  return { open, openKey, leading: split.leading, children, close };
}
