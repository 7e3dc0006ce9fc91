/**
 * Whether an uploaded SVG is plain drawing markup. A site serves `images/` without the editor's
 * Content-Security-Policy, so an SVG opened on its own there runs whatever it holds. The file is read
 * as XML (as the browser reads it), every element and attribute is judged by its namespace and local
 * name against src/core/svgAllowList.ts, and anything else is refused with the reason: the file is
 * stored exactly as uploaded or not at all, never rewritten.
 *
 * The XML parser loads on first use, so the browser fetches it only when someone uploads an SVG.
 */
import type { Attr, Document, Element, Node } from '@xmldom/xmldom';
import { lazyModule } from './lazyModule.ts';
import {
  ANIMATION_ELEMENTS,
  LINK_SCHEMES,
  METADATA_NAMESPACES,
  NOT_ANIMATABLE,
  SVG_ATTRIBUTES,
  SVG_ELEMENTS,
  SVG_NS,
  XLINK_ATTRIBUTES,
  XLINK_NS,
  XML_ATTRIBUTES,
  XML_NS,
  XMLNS_NS,
} from './svgAllowList.ts';

const xmldom = lazyModule(() => import('@xmldom/xmldom'));

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const PROCESSING_INSTRUCTION = 7;
const COMMENT = 8;
const DOCTYPE = 10;

const DOCTYPE_PROBLEM = 'it has a <!DOCTYPE> declaration, which can declare entities or load a DTD (an SVG needs none: delete that line and upload the file again)';

/** Why the SVG may not be uploaded (a phrase that follows "refused because"), or null when it may. */
export async function svgProblem(content: Uint8Array | string): Promise<string | null> {
  let text: string;
  try {
    text = typeof content === 'string' ? content : new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return 'it is not UTF-8 text';
  }
  const { DOMParser } = await xmldom.load();
  let parseError = '';
  let partial: Document | undefined;
  let doc: Document;
  try {
    // Any warning is fatal: a browser's XML parser refuses what this one would only warn about.
    const parser = new DOMParser({
      // XML 1.0 line ends only, as a browser reads them (the default also turns U+2028 into one).
      normalizeLineEndings: (source) => source.replace(/\r\n?/g, '\n'),
      onError: (_level, message, context: { doc?: Document } | undefined) => {
        parseError ||= message;
        partial = context?.doc;
        throw new Error(message);
      },
    });
    // A generic XML type, so that no namespace is assumed: a browser assumes none either.
    doc = parser.parseFromString(text, 'application/xml');
  } catch (err) {
    // An entity declared in a DOCTYPE fails to parse here: the DOCTYPE is the reason to give.
    if (partial?.doctype) return DOCTYPE_PROBLEM;
    return `it is not well-formed XML (${parseError || (err instanceof Error ? err.message : String(err))})`;
  }
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
    return `it is not an SVG image (the first element must be <svg xmlns="${SVG_NS}">)`;
  }
  return documentProblem(doc);
}

/** Every node of the document, in order, without recursion (a file may nest very deeply). */
function documentProblem(doc: Document): string | null {
  const stack: Node[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const problem = nodeProblem(node);
    if (problem) return problem;
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return null;
}

const lineOf = (node: Node) => ((node as { lineNumber?: number }).lineNumber ? ` (line ${(node as { lineNumber?: number }).lineNumber})` : '');

function nodeProblem(node: Node): string | null {
  switch (node.nodeType) {
    case DOCTYPE:
      return DOCTYPE_PROBLEM;
    case PROCESSING_INSTRUCTION:
      return processingInstructionProblem(node as Node & { target: string; data: string });
    case ELEMENT:
      return elementProblem(node as Element);
    default:
      return null;
  }
}

function processingInstructionProblem(pi: Node & { target: string; data: string }): string | null {
  if (pi.target !== 'xml') return `it has a processing instruction <?${pi.target} …?>${lineOf(pi)}, which can load a style sheet or a transform`;
  const encoding = /\bencoding\s*=\s*["']([^"']*)["']/.exec(pi.data)?.[1];
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) return `it declares the encoding ${encoding} (only UTF-8 is accepted)`;
  return null;
}

function elementProblem(el: Element): string | null {
  const ns = el.namespaceURI;
  const name = `<${el.nodeName}>`;
  if (ns === SVG_NS) {
    if (el.localName === 'script') return `it contains a ${name} element${lineOf(el)}, which runs script`;
    if (el.localName === 'foreignObject') return `it contains a ${name} element${lineOf(el)}, which can embed a web page`;
    if (!SVG_ELEMENTS.has(el.localName!)) return `it contains a ${name} element${lineOf(el)}, which uploaded SVGs may not use`;
  } else if (!ns || !METADATA_NAMESPACES.has(ns)) {
    return `it contains a ${name} element${lineOf(el)} from ${ns ? `the namespace ${ns}` : 'no namespace'}, which uploaded SVGs may not use`;
  }
  const attrs = Array.from({ length: el.attributes.length }, (_, i) => el.attributes.item(i)!);
  // Event handlers first: the clearest reason when an element has several.
  const handler = attrs.find((a) => (a.namespaceURI === null || a.namespaceURI === SVG_NS) && /^on/i.test(a.localName ?? a.name));
  if (handler) return `it contains an event handler attribute (${handler.name} on <${el.nodeName}>${lineOf(el)})`;
  for (const attr of attrs) {
    const problem = attributeProblem(el, attr);
    if (problem) return problem;
  }
  if (ns === SVG_NS && el.localName === 'style') return styleElementProblem(el);
  return null;
}

function attributeProblem(el: Element, attr: Attr): string | null {
  const ns = attr.namespaceURI;
  const local = attr.localName ?? attr.name;
  const where = `${attr.name} on <${el.nodeName}>${lineOf(el)}`;
  if (ns === XMLNS_NS) return null;
  if (ns === XML_NS) return XML_ATTRIBUTES.has(local) ? null : `it contains the attribute ${where}, which uploaded SVGs may not use`;
  if (ns === XLINK_NS) {
    if (!XLINK_ATTRIBUTES.has(local)) return `it contains the attribute ${where}, which uploaded SVGs may not use`;
    return local === 'href' ? referenceProblem(el, attr) : null;
  }
  if (ns !== null) return METADATA_NAMESPACES.has(ns) ? null : `it contains the attribute ${where} from the namespace ${ns}, which uploaded SVGs may not use`;
  // Attributes without a namespace on a metadata element mean nothing to a browser.
  if (el.namespaceURI !== SVG_NS) return null;
  if (!SVG_ATTRIBUTES.has(local) && !/^(?:aria|data)-[\w.-]+$/.test(local)) return `it contains the attribute ${where}, which uploaded SVGs may not use`;
  if (local === 'href') return referenceProblem(el, attr);
  if (local === 'attributeName' && ANIMATION_ELEMENTS.has(el.localName!)) {
    const problem = animationTargetProblem(attr.value);
    if (problem) return `<${el.nodeName} attributeName="${attr.value}">${lineOf(el)} ${problem}`;
  }
  if (/^(?:aria|data)-/.test(local)) return null;
  // Presentation attributes are read as CSS, so they could load what a style sheet can.
  const css = cssProblem(attr.value);
  return css ? `the attribute ${where} ${css}` : null;
}

function animationTargetProblem(target: string): string | null {
  const name = target.trim();
  const local = name.slice(name.lastIndexOf(':') + 1);
  if (/^href$/i.test(local)) return 'animates a link or reference (href), which could turn it into script';
  if (/^on/i.test(local)) return 'animates an event handler';
  if (!SVG_ATTRIBUTES.has(local) || NOT_ANIMATABLE.has(local)) return `animates ${name}, which uploaded SVGs may not animate`;
  return null;
}

/**
 * A reference as the browser reads it: character references are already decoded by the parser; tabs
 * and line breaks are dropped and the ends trimmed, as URL parsing does (`java&#x09;script:`).
 */
function referenceProblem(el: Element, attr: Attr): string | null {
  const url = attr.value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (url === '' || url.startsWith('#')) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  const where = `its <${el.nodeName} ${attr.name}>${lineOf(el)}`;
  const shown = JSON.stringify(url.length > 60 ? `${url.slice(0, 60)}…` : url);
  if (scheme === 'javascript' || scheme === 'vbscript') return `${where} is a ${scheme}: URL, which runs script`;
  if (el.namespaceURI === SVG_NS && el.localName === 'a') {
    if (scheme === undefined || LINK_SCHEMES.has(scheme)) return null;
    return `${where} links to a ${scheme}: address (links may go to http:, https:, mailto: and tel: addresses only)`;
  }
  if (scheme === 'data') return `${where} embeds a data: URL; only references to an #id in the same file are allowed`;
  return `${where} refers to another file or address (${shown}); only references to an #id in the same file are allowed`;
}

/** A `<style>` element holds only CSS text, judged as the browser concatenates it. */
function styleElementProblem(style: Element): string | null {
  let css = '';
  for (let child = style.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT || child.nodeType === CDATA) css += (child as Node & { data: string }).data;
    else if (child.nodeType !== COMMENT) return `its <${style.nodeName}> element${lineOf(style)} holds markup instead of CSS`;
  }
  const problem = cssProblem(css);
  return problem ? `its <${style.nodeName}> element${lineOf(style)} ${problem}` : null;
}

/**
 * Why CSS may load or run something, or null. Escapes are refused rather than decoded (`u\72l(` is
 * `url(`), so a plain search finds every function; comments cannot split a function name from its `(`.
 */
export function cssProblem(css: string): string | null {
  if (css.includes('\\')) return 'uses a CSS escape (\\), which could hide what it loads';
  if (/@import/i.test(css)) return 'imports a style sheet (@import)';
  // CSS whitespace only: any other character before `#` makes the address a file of the site.
  for (const m of css.matchAll(/url\([ \t\n\r\f]*['"]?[ \t\n\r\f]*([^'")]*)/gi)) {
    if (!m[1]!.startsWith('#')) return `loads ${JSON.stringify(m[0])}…; CSS may only use url(#id) to refer to this file`;
  }
  const loader = /(image-set|image|cross-fade|element|src)\(/i.exec(css);
  if (loader) return `loads images with ${loader[1]}()`;
  if (/expression\s*\(|-moz-binding|behavior\s*:|javascript:/i.test(css)) return 'contains CSS that can run script';
  return null;
}
