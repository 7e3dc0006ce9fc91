import type { LightBlockReader } from '../bodyCodec.ts';
import { ruleAccepts, type MergedPlainMarkup } from '../attributeRule.ts';
import { isSafeUrl } from '../safeUrl.ts';
import { ALLOWED_URI } from '../sanitize.ts';
import { LightDocument, LightElement, LightParent, parseLightFragment } from './lightDom.ts';

/*
 * Plain markup: elements and attributes that carry no script, load nothing unsafe and that the
 * sanitiser keeps exactly as written. Such a block needs no sanitising. Its parse rules run on the
 * light DOM; should one need something the light DOM lacks, the block is read with jsdom after all.
 * Which elements and attributes are plain, each block declares (`plainMarkup`); every plain element
 * may also have a class of plain words.
 */
const PLAIN_CLASS = /^[\w\s-]*$/;
// The sanitiser judges these by their meaning, not by the address test; every other attribute must pass it.
const NOT_ADDRESSES = new Set(['alt', 'title']);
const ADDRESSES = new Set(['href', 'src']);
// A style of plain lengths and keywords: no url(), no expression, no escapes.
const PLAIN_STYLE = /^\s*(?:(?:width|height|min-width|max-width|minwidth|text-align)\s*:\s*[\w.%#\s-]*;?\s*)*$/i;
// DOMPurify strips whitespace and control characters before its address test.
// eslint-disable-next-line no-control-regex
const ATTRIBUTE_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

function isPlainAttribute(plain: MergedPlainMarkup, tag: string, name: string, value: string): boolean {
  // The sanitiser trims values: one it would trim is not kept exactly as written.
  if (value !== value.replace(/^[\s\uFEFF\xA0]+|[\s\uFEFF\xA0]+$/g, '')) return false;
  if (name === 'class') return PLAIN_CLASS.test(value);
  const rules = plain.get(tag)?.get(name);
  if (!rules || !rules.some((rule) => ruleAccepts(rule, value))) return false;
  if (/[<>]/.test(value)) return false;
  if (name === 'style') return PLAIN_STYLE.test(value);
  if (ADDRESSES.has(name) && !isSafeUrl(value)) return false;
  return NOT_ADDRESSES.has(name) || ALLOWED_URI.test(value.replace(ATTRIBUTE_WHITESPACE, ''));
}

/** Whether everything under `parent` is plain markup: plain elements and attributes, and text. */
export function isPlainMarkup(parent: LightParent, plain: MergedPlainMarkup): boolean {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) continue;
    if (!(node instanceof LightElement) || !plain.has(node.localName)) return false;
    for (const attribute of node.attributes) if (!isPlainAttribute(plain, node.localName, attribute.name, attribute.value)) return false;
    if (!isPlainMarkup(node, plain)) return false;
  }
  return true;
}

/**
 * One element and whitespace: what a block's markup parses to unless the parser moved something out
 * of it (text in a table goes before the table, and jsdom puts it elsewhere than parse5 alone).
 */
function isOneElement(fragment: LightParent): boolean {
  let elements = 0;
  for (let node = fragment.firstChild; node; node = node.nextSibling) {
    if (node instanceof LightElement) elements++;
    else if (node.nodeType !== 3 || !/^\s*$/.test(node.textContent)) return false;
  }
  return elements === 1;
}

/** Reads a block of plain markup into the light DOM; null for anything else. */
export function createLightBlockReader(): LightBlockReader {
  const document = new LightDocument();
  return {
    document: document as unknown as Document,
    read(html, plain) {
      const fragment = parseLightFragment(html, document);
      return fragment && isOneElement(fragment) && isPlainMarkup(fragment, plain) ? (fragment as unknown as Node) : null;
    },
  };
}
