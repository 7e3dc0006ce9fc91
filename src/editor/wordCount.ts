import type { Node as PMNode } from '@tiptap/pm/model';

export interface TextCounts {
  words: number;
  /** Characters of the text, spaces included; block breaks and images count for nothing. */
  characters: number;
}

/** Counts of each top-level block, kept while the block is unchanged (a node never changes). */
const blockCounts = new WeakMap<PMNode, TextCounts>();

// What `\s` matches: the characters that separate words.
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code > 127 &&
      (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff))
  );
}

/**
 * Counts one block by reading its text nodes in place: building its text and splitting it into words
 * made a string per word, about a megabyte to throw away for the first count of a large page.
 */
function countBlock(block: PMNode): TextCounts {
  let words = 0;
  let characters = 0;
  // Blocks and leaves inside the block (line breaks, images) separate words, as they do on the page;
  // text nodes side by side (other marks) do not.
  let inWord = false;
  block.descendants((node) => {
    if (!node.isText) {
      inWord = false;
      return true;
    }
    const text = node.text!;
    characters += text.length;
    for (let i = 0; i < text.length; i++) {
      if (isSpace(text.charCodeAt(i))) inWord = false;
      else if (!inWord) {
        inWord = true;
        words++;
      }
    }
    return false;
  });
  return { words, characters };
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
