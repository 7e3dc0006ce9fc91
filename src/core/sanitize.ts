import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { ownsElement, ruleAccepts } from './attributeRule.ts';
import type { BlockDefinition, OwnedElement } from './blockDefinition.ts';
import { domWindow, type DomWindow } from './dom.ts';
import { GENERIC_ATTRIBUTE_NAMES, genericAllows } from './genericMarkup.ts';
import { isSafeUrl } from './safeUrl.ts';
import { siteEmbedHosts } from './siteEmbedHosts.ts';

/** One thing the sanitiser removed, described for a person. */
export interface Removal {
  /** e.g. `<script> element`, `onerror attribute on <img>`, `embed from evil.example`. */
  what: string;
  /** A short excerpt of the removed markup. */
  snippet: string;
}

export interface SanitizeResult {
  html: string;
  removed: Removal[];
  /** Embeds from hosts off the allowlist that were kept as the site publishes them (`keepPublishedEmbeds`). */
  keptEmbeds: KeptEmbed[];
}

/** An iframe from a host off the allowlist, kept because the page already publishes it and it carries no script. */
export interface KeptEmbed {
  host: string;
  snippet: string;
}

export interface SanitizeOptions {
  /**
   * Keep iframes from hosts off the allowlist when they carry no script (no `srcdoc`, no handlers, an
   * https address): for markup a page already publishes, never for new markup (paste, edits).
   */
  keepPublishedEmbeds?: boolean;
}

export interface Sanitizer {
  sanitize(html: string, options?: SanitizeOptions): SanitizeResult;
  /**
   * The markup as the sanitiser parsed it (the `<body>` of an inert document), when sanitising found
   * nothing to remove and changed nothing; otherwise null, and `sanitize` says what it removed. Spares
   * a caller that needs both the verdict and the parsed markup a second parse.
   */
  parseClean(html: string): HTMLElement | null;
  /** The hosts an embed may come from, for messages (the site's own, `siteEmbedHosts`, are allowed too). */
  readonly iframeHosts: readonly string[];
}

/** Attribute values DOMPurify keeps (it tests every attribute it does not know to be safe against this). */
export const ALLOWED_URI = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

export const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'manifest', 'codebase'];
const SNIPPET_LENGTH = 120;
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
// A raw block nested in another block keeps its markup in this attribute; the codec parses it as HTML.
const RAW_HTML_ATTRIBUTE = 'data-raw-html';

/**
 * Builds the one sanitiser of the app from what every block allows. Used on import, paste, preview and
 * export. An element a block owns (`sanitizer.elements`) keeps what that block allows; any other element
 * what the generic rules allow (`genericMarkup.ts`).
 */
export function createSanitizer(blocks: readonly BlockDefinition[], win: DomWindow = domWindow()): Sanitizer {
  const iframeHosts: string[] = [];
  const scriptSources = new Set<string>();
  for (const block of blocks) {
    iframeHosts.push(...(block.sanitizer?.iframeHosts ?? []));
    block.sanitizer?.scriptSources?.forEach((s) => scriptSources.add(s));
  }
  const owned: OwnedElement[] = blocks.flatMap((block) => block.sanitizer?.elements ?? []);
  const tags = new Set(owned.map((element) => element.tag));
  // (Handlers and `srcdoc` run script: no block can allow them.)
  const ownedNames = owned.flatMap((element) => Object.keys(element.attributes).map((name) => name.toLowerCase())).filter((name) => !/^on|^srcdoc$/.test(name));
  if (iframeHosts.length > 0) tags.add('iframe');
  if (scriptSources.size > 0) tags.add('script');

  const purify: DOMPurify = createDOMPurify(win as unknown as Window & typeof globalThis);
  const config: Config = {
    // HTML comments are notes for editors: kept (DOMPurify still drops those that could hide markup).
    ADD_TAGS: [...tags, '#comment'],
    // The names DOMPurify may let through; which element may carry which, the attribute hook decides.
    ADD_ATTR: [...new Set([...GENERIC_ATTRIBUTE_NAMES, ...ownedNames])],
    FORCE_BODY: true,
    ALLOW_DATA_ATTR: true,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    RETURN_TRUSTED_TYPE: false,
  };
  const domConfig: Config = { ...config, RETURN_DOM: true };
  // Removals our hooks make, which DOMPurify's own `removed` list does not know about.
  let hookRemovals: Removal[] = [];
  let keepPublishedEmbeds = false;
  let keptEmbeds: KeptEmbed[] = [];
  // While `parseClean` runs: set when DOMPurify rewrites an attribute value without reporting it (it trims them).
  let trackRewrites = false;
  let rewritten = false;

  purify.addHook('uponSanitizeElement', (node, data) => {
    const element = node as Element;
    if (data.tagName === 'body') {
      // A stray <html …> or <body …> tag lends its attributes to the parsing document's own elements,
      // which never reach the output: report them rather than drop them silently.
      for (const owner of [element.ownerDocument.documentElement, element]) {
        for (const attribute of Array.from(owner.attributes)) {
          hookRemovals.push({ what: `${attribute.name} attribute on <${owner.localName}>`, snippet: truncate(`${attribute.name}="${attribute.value}"`) });
          owner.removeAttribute(attribute.name);
        }
      }
    } else if (data.tagName === 'iframe') {
      const src = element.getAttribute('src') ?? '';
      const host = hostOf(src);
      const allowed = host !== null && (hostAllowed(host, iframeHosts) || hostAllowed(host, siteEmbedHosts()));
      if (allowed && !element.hasAttribute('srcdoc')) return;
      if (host && keepPublishedEmbeds && isPublishableEmbed(element)) {
        keptEmbeds.push({ host, snippet: snippetOf(element) });
        return;
      }
      const why = keepPublishedEmbeds ? 'it can run script or is not https' : `embeds are allowed only from ${[...iframeHosts, ...siteEmbedHosts()].join(', ') || 'no site'}`;
      hookRemovals.push({
        what: host ? `embed from ${host} (${why})` : 'embed without a web address',
        snippet: snippetOf(element),
      });
      element.parentNode?.removeChild(element);
    } else if (data.tagName === 'script') {
      const src = element.getAttribute('src') ?? '';
      // Only an HTML <script> loads from `src`: an SVG one loads from `href`, which the list never checked.
      const loadsOnlySrc = element.namespaceURI === HTML_NAMESPACE && !element.hasAttribute('href') && !element.hasAttribute('xlink:href');
      if (!scriptSources.has(src) || !loadsOnlySrc || (element.textContent ?? '').trim() !== '') {
        hookRemovals.push({ what: '<script> element', snippet: snippetOf(element) });
        element.parentNode?.removeChild(element);
      }
    } else if (data.tagName === 'style') {
      const css = element.textContent ?? '';
      if (hasUnsafeCss(css) || loadsFromOtherSites(css)) {
        const what = hasUnsafeCss(css) ? '<style> element with an unsafe address' : '<style> element that loads from another site (fonts or images from elsewhere)';
        hookRemovals.push({ what, snippet: snippetOf(element) });
        element.parentNode?.removeChild(element);
      }
    }
  });

  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    const value = data.attrValue;
    // (An attribute not found by its lower-case name, such as SVG's `viewBox`, counts as rewritten too.)
    if (trackRewrites && !rewritten && (node as Element).getAttribute(name) !== value) rewritten = true;
    let unsafe = false;
    if (URL_ATTRIBUTES.includes(name)) unsafe = !isSafeUrl(value);
    else if (name === 'srcset' || name === 'imagesrcset') unsafe = value.split(',').some((part) => !isSafeUrl(part.trim().split(/\s+/)[0] ?? ''));
    else if (name === 'style') unsafe = hasUnsafeCss(value);
    else if (name === 'id' || name === 'class') unsafe = !isPlainNames(value, name === 'class');
    else if (name === 'srcdoc') unsafe = true;
    if (!unsafe) unsafe = !allows(node as Element, name, value);
    if (unsafe) {
      data.keepAttr = false;
      data.forceKeepAttr = undefined;
    }
  });

  return {
    iframeHosts,
    sanitize,
    parseClean,
  };

  /**
   * Whether the element may carry the attribute: by the declarations that own it (all of them, so no
   * block's allowance reaches another's element), or by the generic rules when none does. Inline SVG and
   * MathML keep DOMPurify's own profiles.
   */
  function allows(element: Element, name: string, value: string): boolean {
    if (element.namespaceURI !== HTML_NAMESPACE) return true;
    const tag = element.localName;
    const owners = owned.filter((o) => ownsElement(o, element));
    if (owners.length === 0) return genericAllows(tag, name);
    if (name === 'class') return true;
    return owners.every((o) => {
      const rule = Object.entries(o.attributes).find(([n]) => n.toLowerCase() === name)?.[1];
      if (rule === undefined) return o.unknownAttributes === 'keep' && genericAllows(tag, name);
      return ruleAccepts(rule, value);
    });
  }

  // DOMPurify keeps its list of what it removed until its next call, and the elements in it keep the
  // whole document it parsed: once read, the list is emptied so that a page's markup is not held.
  function forgetRemoved(): void {
    purify.removed.length = 0;
  }

  function parseClean(html: string): HTMLElement | null {
    // Raw-block markup in an attribute is judged only by `sanitize`, on its own.
    if (/data-raw-html/i.test(html)) return null;
    hookRemovals = [];
    keepPublishedEmbeds = false;
    trackRewrites = true;
    rewritten = false;
    let body: HTMLElement | null;
    try {
      body = purify.sanitize(html, domConfig) as unknown as HTMLElement | null;
    } finally {
      trackRewrites = false;
    }
    // DOMPurify lists the placeholder element it parses through; anything else it touched, even text
    // it does not report, means the tree is not the markup as written.
    const untouched = hookRemovals.length === 0 && !rewritten && purify.removed.every((entry, i) => i === 0 && isPlaceholder(entry));
    forgetRemoved();
    return body && untouched ? body : null;
  }

  function sanitize(html: string, options: SanitizeOptions = {}): SanitizeResult {
    hookRemovals = [];
    keptEmbeds = [];
    keepPublishedEmbeds = options.keepPublishedEmbeds === true;
    let clean: string;
    try {
      clean = purify.sanitize(html, config) as string;
    } finally {
      keepPublishedEmbeds = false;
    }
    const removed = [...hookRemovals, ...purify.removed.map(describeRemoval).filter((r): r is Removal => r !== null)];
    forgetRemoved();
    const kept = keptEmbeds;
    // (Markup held in a raw block's attribute is new markup: judged without keeping anything.)
    if (clean.includes(RAW_HTML_ATTRIBUTE)) clean = sanitizeRawHtmlAttributes(clean, removed);
    return { html: clean, removed, keptEmbeds: kept };
  }

  /**
   * The markup a raw block holds in `data-raw-html` becomes HTML when the block is rendered, so it is
   * sanitised like any other markup (DOMPurify sees only an attribute). Changed values are replaced.
   */
  function sanitizeRawHtmlAttributes(html: string, removed: Removal[]): string {
    const template = win.document.createElement('template');
    template.innerHTML = html;
    let changed = false;
    const visit = (root: ParentNode) => {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        if (element.localName === 'template') visit((element as HTMLTemplateElement).content);
        const value = element.getAttribute(RAW_HTML_ATTRIBUTE);
        if (value === null) continue;
        const inner = sanitize(value);
        if (inner.removed.length === 0) continue;
        removed.push(...inner.removed.map((r) => ({ what: `${r.what.replace(/\.$/, '')} inside raw HTML`, snippet: r.snippet })));
        element.setAttribute(RAW_HTML_ATTRIBUTE, inner.html);
        changed = true;
      }
    };
    visit(template.content);
    return changed ? template.innerHTML : html;
  }
}

/** The element DOMPurify parses through with `FORCE_BODY` and then removes: not a removal of the user's. */
function isPlaceholder(entry: object): boolean {
  return 'element' in entry && entry.element instanceof Object && (entry.element as Node).nodeType === 1 && (entry.element as Node).nodeName.toLowerCase() === 'remove';
}

function describeRemoval(entry: { element?: Node; attribute?: Attr | null; from?: Node }): Removal | null {
  if ('element' in entry && entry.element) {
    const node = entry.element;
    if (node.nodeType === 3) return null; // whitespace text DOMPurify moves around
    if (node.nodeType === 8) return { what: 'HTML comment', snippet: `<!--${truncate(node.textContent ?? '')}-->` };
    const name = node.nodeName.toLowerCase();
    // FORCE_BODY parses through a placeholder element of DOMPurify's own, which it then removes.
    if (name === 'remove') return null;
    return { what: `<${name}> element`, snippet: snippetOf(node as Element) };
  }
  if (entry.attribute && entry.from) {
    const { name, value } = entry.attribute;
    return { what: `${name} attribute on <${entry.from.nodeName.toLowerCase()}>`, snippet: truncate(`${name}="${value}"`) };
  }
  return null;
}

function snippetOf(element: Element): string {
  return truncate((element as { outerHTML?: string }).outerHTML ?? element.nodeName);
}

function truncate(text: string): string {
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}

export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Whether an iframe a page already publishes can stay although its host is off the allowlist: a plain
 * https address, and nothing that runs script in the page or the frame (`srcdoc`, handlers, unsafe addresses
 * or styles). DOMPurify would strip such attributes one by one; a frame carrying any of them goes whole.
 */
function isPublishableEmbed(element: Element): boolean {
  const src = (element.getAttribute('src') ?? '').trim();
  // A user name or a backslash in the address makes it look like another host's.
  if (!/^https:\/\/[^/\\@?#]+(?:[/?#]|$)/i.test(src) || src.includes('\\')) return false;
  for (const { name, value } of Array.from(element.attributes)) {
    if (name === 'srcdoc' || name.startsWith('on')) return false;
    if (URL_ATTRIBUTES.includes(name) && !isSafeUrl(value)) return false;
    if (name === 'style' && hasUnsafeCss(value)) return false;
  }
  return true;
}

export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => (entry.startsWith('.') ? host.endsWith(entry) || host === entry.slice(1) : host === entry));
}

/**
 * A `url()` in CSS may load only from the site itself or over https: a path, not `//other.host`, and
 * no other scheme (`http:` would be mixed content, `data:` can hold anything).
 */
function isSafeCssAddress(url: string): boolean {
  if (!isSafeUrl(url)) return false;
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return /^https:/i.test(trimmed);
  return !/^[\\/]{2}/.test(trimmed);
}

// An id or a class name is a plain name: no quotes, angle brackets, `=`, backslashes, Liquid braces or
// control characters, which only markup or template tricks need (and no spaces in an id).
const PLAIN_NAME = /^[^\s"'`<>=\\{}\u0000-\u001f\u007f]+$/;

function isPlainNames(value: string, several: boolean): boolean {
  const names = (several ? value.split(/[ \t\n\f\r]+/) : [value]).filter((name) => name !== '');
  return names.every((name) => PLAIN_NAME.test(name));
}

/** CSS with comments removed and escapes decoded, as a browser reads its keywords and addresses. */
function decodedCss(css: string): string {
  // CSS escapes (\6a) can spell a scheme; decode them before looking.
  // Comments can split a keyword ("ex/**/pression("), so they go first.
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/\\/g, '');
}

/**
 * A page's style sheet that loads from another site: a `url()` with a host (`https://…`, `//…`), such
 * as a remote web font. The published page would then depend on, and report visits to, that site.
 */
function loadsFromOtherSites(css: string): boolean {
  for (const match of decodedCss(css).matchAll(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
    if (/^[\s\u0000-\u001f]*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i.test(match[2] ?? '')) return true;
  }
  return false;
}

/** CSS that can run code or load an unsafe address: `expression()`, bindings, or a bad `url()`. */
function hasUnsafeCss(css: string): boolean {
  const decoded = decodedCss(css);
  if (/expression\s*\(|-moz-binding|behavior\s*:|javascript:|vbscript:/i.test(decoded)) return true;
  for (const match of decoded.matchAll(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
    if (!isSafeCssAddress(match[2] ?? '')) return true;
  }
  return /@import/i.test(decoded);
}
