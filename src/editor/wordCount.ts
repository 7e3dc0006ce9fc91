import type { Node as PMNode } from '@tiptap/pm/model';

export interface TextCounts {
  words: number;
  /** Characters of the text, spaces included; block breaks and images count for nothing. */
  characters: number;
}

/** Counts of each top-level block, kept while the block is unchanged (a node never changes). */
const blockCounts = new WeakMap<PMNode, TextCounts>();

function countBlock(block: PMNode): TextCounts {
  // Blocks and line breaks inside the block separate words, as they separate them on the page.
  const text = block.textBetween(0, block.content.size, ' ', ' ');
  let characters = 0;
  block.descendants((node) => {
    if (node.isText) characters += node.text!.length;
  });
  return { words: text.split(/\s+/).filter(Boolean).length, characters };
}

/**
 * Words and characters of a page. Only blocks edited since the last count are counted again, so a
 * count on a large page costs one pass over its top-level blocks, not over all its text.
 */
export function countText(doc: PMNode): TextCounts {
  let words = 0;
  let characters = 0;
  doc.forEach((block) => {
    let counts = blockCounts.get(block);
    if (!counts) {
      counts = countBlock(block);
      blockCounts.set(block, counts);
    }
    words += counts.words;
    characters += counts.characters;
  });
  return { words, characters };
}
