import type { Node as PMNode } from '@tiptap/pm/model';

/** Each top-level block's JSON text, kept while the block is unchanged (a node never changes). */
const blockTexts = new WeakMap<PMNode, string>();

/**
 * `JSON.stringify(doc.toJSON())`, written again only for the top-level blocks that changed since the
 * last call: keeping a draft of a large page while typing then costs about one block, not the page.
 */
export function docJsonText(doc: PMNode): string {
  // The document node without its blocks: its type and any attributes, as `toJSON` writes them.
  const shell = JSON.stringify(doc.type.create(doc.attrs).toJSON());
  if (doc.childCount === 0) return shell;
  const blocks: string[] = [];
  doc.forEach((block) => {
    let text = blockTexts.get(block);
    if (text === undefined) {
      text = JSON.stringify(block.toJSON());
      blockTexts.set(block, text);
    }
    blocks.push(text);
  });
  return `${shell.slice(0, -1)},"content":[${blocks.join(',')}]}`;
}
