import { lineCounter } from './lines.ts';
import type { LocatedNode } from './topLevelSegments.ts';

/**
 * The deepest a body's elements may nest. Browsers stop nesting at 512 (deeper elements become
 * siblings, so the page would no longer be what it says), and an Isomer layout wraps the body in a few
 * dozen elements of its own; 256 leaves room for both, is far above any real page (the corpus pages
 * nest 8 deep at most), and keeps the DOM code that walks a tree by recursion (ProseMirror's parser, the
 * DOM's own) well inside the call stack.
 */
export const MAX_NESTING_DEPTH = 256;

/** A body nested deeper than `MAX_NESTING_DEPTH`: the page is refused, not read in part. */
export class NestedTooDeeply extends Error {
  constructor(readonly line: number) {
    super(`Line ${line}: the markup is nested deeper than ${MAX_NESTING_DEPTH} levels, more than a page can hold; the page was not read.`);
    this.name = 'NestedTooDeeply';
  }

  /** The same error with its line counted from `firstLine`, the line its text starts on in a larger text. */
  from(firstLine: number): NestedTooDeeply {
    return new NestedTooDeeply(this.line + firstLine - 1);
  }
}

/** The error for an element starting at `offset` of `text` that nests too deeply. */
export function nestedTooDeeplyAt(text: string, offset: number): NestedTooDeeply {
  return new NestedTooDeeply(lineCounter(text)(offset));
}

/** Throws `NestedTooDeeply` when elements under `nodes` (parsed from `body`) nest deeper than the limit; no recursion. */
export function checkNestingDepth(body: string, nodes: readonly LocatedNode[]): void {
  // An element the parser implied (a `<tbody>`) has no location: its parent's stands for it.
  const pending = nodes.map((node) => ({ node, depth: 1, offset: 0 }));
  while (pending.length > 0) {
    const { node, depth, offset: parentOffset } = pending.pop()!;
    if (node.tagName === undefined) continue;
    const offset = node.sourceCodeLocation?.startOffset ?? parentOffset;
    if (depth > MAX_NESTING_DEPTH) throw nestedTooDeeplyAt(body, offset);
    for (const child of node.childNodes ?? []) pending.push({ node: child, depth: depth + 1, offset });
    for (const child of node.content?.childNodes ?? []) pending.push({ node: child, depth: depth + 1, offset });
  }
}
