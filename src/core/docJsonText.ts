import type { Node as PMNode } from '@tiptap/pm/model';

/** Each top-level block's JSON text, kept while the block is unchanged (a node never changes). */
const blockTexts = new WeakMap<PMNode, string>();

function blockText(block: PMNode): string {
  let text = blockTexts.get(block);
  if (text === undefined) {
    text = JSON.stringify(block.toJSON());
    blockTexts.set(block, text);
  }
  return text;
}

/**
 * `JSON.stringify(doc.toJSON())`, written again only for the top-level blocks that changed since the
 * last call: keeping a draft of a large page while typing then costs about one block, not the page.
 */
export function docJsonText(doc: PMNode): string {
  // The document node without its blocks: its type and any attributes, as `toJSON` writes them.
  const shell = JSON.stringify(doc.type.create(doc.attrs).toJSON());
  if (doc.childCount === 0) return shell;
  const blocks: string[] = [];
  doc.forEach((block) => blocks.push(blockText(block)));
  return `${shell.slice(0, -1)},"content":[${blocks.join(',')}]}`;
}

/**
 * Writes the JSON text of the blocks of `doc` not written yet, a few milliseconds at a time in
 * separate tasks, so that a first draft of a large page never holds up a keystroke for long.
 * `docJsonText` is then quick.
 */
export async function writeBlockTextsInSlices(doc: PMNode, sliceMs = 4): Promise<void> {
  let next = 0;
  while (next < doc.childCount) {
    // At least one block a slice, however short.
    const end = performance.now() + sliceMs;
    do {
      blockText(doc.child(next++));
    } while (next < doc.childCount && performance.now() < end);
    if (next < doc.childCount) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
