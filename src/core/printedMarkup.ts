/**
 * Judges text that Isomer layouts print unescaped (titles, descriptions, breadcrumbs, homepage
 * sections…): what markup in it would do on the published site. Text is read with a real HTML parser
 * (the DOM the core is handed: the browser's, or jsdom in Node), never with patterns over the markup,
 * where a layout may print it: as page content, and inside a double- or single-quoted attribute.
 * Entities are decoded and the decoded text judged again (a feed reader or script may decode it once more).
 */
import { domWindow } from './dom.ts';
import { isSafeUrl } from './safeUrl.ts';
import { URL_ATTRIBUTES } from './sanitize.ts';

/** What markup in a printed text would do: `error` can run or load something, `warning` only changes the look. */
export interface PrintedFinding {
  severity: 'error' | 'warning';
  /** What was found, as a phrase for an editor: `an "onerror" event handler on <img>`. */
  what: string;
}

/** Plain inline formatting, which a title or description may hold. */
const INLINE_FORMATTING = new Set([
  'a', 'abbr', 'b', 'bdi', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

/** Elements that cannot run or load anything but break the layout around them (real titles hold headings). */
const INERT_BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr']);

/** The elements every parsed document has; markup can only lend them attributes (`<body onload=…>`). */
const DOCUMENT_ELEMENTS = new Set(['html', 'head', 'body']);

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const ATTRIBUTE_WRAPPER = 'data-printed';
/** Layers of entities decoded and judged again (`&amp;lt;script&amp;gt;` is two). */
const DECODE_LAYERS = 3;
const QUOTES = ['"', "'"] as const;

/** Verdicts already given: the settings panel judges every string of the page again on each keystroke. */
const verdicts = new Map<string, PrintedFinding[]>();
const VERDICTS_KEPT = 2000;

/**
 * What markup in `text` would do where a layout prints it; the findings found, errors first.
 * Text with no `<`, `>`, quote or `&` holds no markup and is not parsed.
 */
export function judgePrintedText(text: string): PrintedFinding[] {
  let verdict = verdicts.get(text);
  if (!verdict) {
    if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
    verdict = judge(text);
    verdicts.set(text, verdict);
  }
  return verdict.map((f) => ({ ...f }));
}

function judge(text: string): PrintedFinding[] {
  const findings: PrintedFinding[] = [];
  let layer = text;
  for (let depth = 0; depth < DECODE_LAYERS && /[<>"'&]/.test(layer); depth++) {
    const encoded = depth > 0 ? `encoded markup that decodes to ` : '';
    const asContent = parseInBody(layer);
    for (const f of judgeDocument(asContent)) findings.push({ ...f, what: encoded + f.what });
    for (const quote of QUOTES) {
      if (!layer.includes(quote)) continue;
      const inAttribute = parseInBody(`<span ${ATTRIBUTE_WRAPPER}=${quote}${layer}${quote}></span>`);
      for (const f of judgeDocument(inAttribute)) {
        if (f.severity === 'error') findings.push({ ...f, what: `${encoded}a quote that ends the attribute it is printed in, then ${f.what}` });
      }
    }
    const decoded = asContent.body?.textContent ?? '';
    if (decoded === layer) break;
    layer = decoded;
  }
  return dedupe(findings).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** The text a browser shows for `text` printed as page content: entities decoded, tags dropped. */
export function decodedText(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return parseInBody(text).body?.textContent ?? text;
}

/** An address as a browser reads it from an attribute: entities decoded, cut where the attribute ends. */
export function decodedUrl(value: string): string {
  if (!/[&"]/.test(value)) return value;
  const link = parseInBody(`<a href="${value}"></a>`).body?.querySelector('a');
  return link?.getAttribute('href') ?? value;
}

/** True when a browser would follow `value` only to a web address, mail, phone or a path (after decoding). */
export function isSafeUrlValue(value: string): boolean {
  return isSafeUrl(decodedUrl(value));
}

function parseInBody(html: string): Document {
  const win = domWindow();
  // A document made by DOMParser is inert: nothing in it runs or loads.
  return new win.DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}`, 'text/html');
}

function judgeDocument(doc: Document): PrintedFinding[] {
  const findings: PrintedFinding[] = [];
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    const name = element.localName;
    // Handlers and addresses first: they say best what would run.
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name === ATTRIBUTE_WRAPPER) continue;
      if (/^on/i.test(attribute.name)) {
        findings.push({ severity: 'error', what: `an "${attribute.name}" event handler on <${name}>` });
      } else if (URL_ATTRIBUTES.includes(attribute.name.toLowerCase()) && !isSafeUrl(attribute.value)) {
        findings.push({ severity: 'error', what: `the address "${shorten(attribute.value)}" in ${attribute.name} on <${name}>` });
      }
    }
    const isHtml = element.namespaceURI === HTML_NAMESPACE;
    if (!isHtml || !(DOCUMENT_ELEMENTS.has(name) || INLINE_FORMATTING.has(name))) {
      // An unknown element ("<y>") does nothing but hide its tag; a custom element ("<x-y>") might be given behaviour.
      const inert = isHtml && (INERT_BLOCKS.has(name) || element instanceof domWindow().HTMLUnknownElement);
      if (inert) findings.push({ severity: 'warning', what: `a <${name}> element` });
      else findings.push({ severity: 'error', what: `${article(name)} <${name}> element` });
    }
  }
  const comments = doc.createNodeIterator(doc, domWindow().NodeFilter.SHOW_COMMENT);
  if (comments.nextNode()) findings.push({ severity: 'warning', what: 'an HTML comment, which hides the text after it' });
  return findings;
}

function dedupe(findings: PrintedFinding[]): PrintedFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.what) && Boolean(seen.add(f.what)));
}

const article = (name: string) => (/^[aeiou]/.test(name) ? 'an' : 'a');
const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
