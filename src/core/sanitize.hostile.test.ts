// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMSerializer, type Node as PMNode } from '@tiptap/pm/model';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { setDomWindow, type DomWindow } from './dom.ts';
import { useJsdom } from './node/useJsdom.ts';
import { isSafeUrl } from './safeUrl.ts';
import { createSanitizer, type Sanitizer } from './sanitize.ts';
import { hostileInputs } from './testing/hostileInputs.ts';

/** What the blocks allow: the only scripts and iframes that may remain. */
const iframeHosts = blockRegistry.flatMap((b) => b.sanitizer?.iframeHosts ?? []);
const scriptSources = new Set(blockRegistry.flatMap((b) => b.sanitizer?.scriptSources ?? []));

const BAD_SCHEME = /(?:javascript|vbscript|livescript|mocha):|data:text\/html|data:image\/svg\+xml|data:application\/(?:xhtml|x-javascript|javascript)/i;
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'data', 'cite', 'ping', 'codebase', 'imagesrcset']);
const NEVER_ALLOWED = new Set(['object', 'embed', 'applet', 'base', 'meta', 'link', 'frame', 'frameset', 'portal', 'isindex', 'use', 'animate', 'set', 'handler', 'listener']);

/** What a browser ignores when it reads a scheme, plus entities a second parse could decode. */
function normalise(value: string): string {
  return value
    .replace(/&(#x[0-9a-f]+|#\d+|colon|tab|newline);?/gi, (_, e: string) => {
      const l = e.toLowerCase();
      if (l === 'colon') return ':';
      if (l === 'tab' || l === 'newline') return '';
      const code = l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff\ufffd]+/g, '');
}

function unsafeCss(css: string): boolean {
  const decoded = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/\\/g, '');
  return /expression\s*\(|-moz-binding|behavior\s*:|@import/i.test(decoded) || BAD_SCHEME.test(normalise(decoded));
}

function hostAllowed(src: string): boolean {
  try {
    const url = new URL(src.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    const host = url.hostname.toLowerCase();
    return iframeHosts.some((entry) => (entry.startsWith('.') ? host.endsWith(entry) || host === entry.slice(1) : host === entry));
  } catch {
    return false;
  }
}

/** Every element under a root, template contents included. */
function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    out.push(el);
    if (el.localName === 'template') out.push(...allElements((el as HTMLTemplateElement).content));
  }
  return out;
}

/** An address a page may already publish in an iframe off the allowlist: https, no user name, no backslash. */
function plainHttps(src: string): boolean {
  return /^https:\/\/[^/\\@?#]+(?:[/?#]|$)/i.test(src.trim()) && !src.includes('\\');
}

/**
 * Everything dangerous in some HTML, found by parsing it and looking at every element and attribute:
 * once as a fragment (innerHTML), once inside a whole page, where a stray `<body onload>` lands on the
 * page's own body. `published`: iframes off the allowlist with a plain https address are what a page
 * already publishes, not a danger (their attributes are still checked).
 */
function dangers(win: DomWindow, html: string, published = false): string[] {
  const container = win.document.createElement('div');
  container.innerHTML = html;
  const page = new win.DOMParser().parseFromString(`<!doctype html><html><head></head><body><div class="content">${html}`, 'text/html');
  const found = [...scan(allElements(container), published), ...scan([page.documentElement, ...allElements(page.documentElement)], published)];
  return [...new Set(found)];
}

function scan(elements: Element[], published: boolean): string[] {
  const found: string[] = [];
  for (const el of elements) {
    const tag = el.localName;
    if (NEVER_ALLOWED.has(tag)) found.push(`<${tag}> element`);
    if (tag === 'script') {
      const src = el.getAttribute('src');
      const allowed =
        el.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
        src !== null &&
        scriptSources.has(src) &&
        (el.textContent ?? '').trim() === '' &&
        !el.hasAttribute('href') &&
        !el.hasAttribute('xlink:href');
      if (!allowed) found.push(`<script> ${el.outerHTML.slice(0, 80)}`);
    }
    const src = el.getAttribute('src') ?? '';
    if (tag === 'iframe' && !hostAllowed(src) && !(published && plainHttps(src))) found.push(`iframe src=${src}`);
    if (tag === 'style' && unsafeCss(el.textContent ?? '')) found.push(`<style> ${el.textContent}`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (/^on/.test(name)) found.push(`${name} on <${tag}>`);
      if (name === 'srcdoc') found.push(`srcdoc on <${tag}>`);
      if (name === 'style' && unsafeCss(attr.value)) found.push(`style="${attr.value}" on <${tag}>`);
      const value = normalise(attr.value);
      if (BAD_SCHEME.test(value)) found.push(`${name}="${attr.value}" on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && /^data:/i.test(value)) found.push(`${name}="${attr.value}" on <${tag}>`);
      // SVG animation could retarget an attribute to a script address.
      if (name === 'attributename' && /^(?:xlink:)?href$|^on/i.test(attr.value.trim())) found.push(`attributeName=${attr.value} on <${tag}>`);
    }
  }
  return found;
}

/** The checks of one DOM: the window the app runs under in a browser test, or the Node path's jsdom. */
function hostileSuite(label: string, setup: () => DomWindow) {
  describe(label, () => {
    let win: DomWindow;
    let sanitizer: Sanitizer;
    let codec: BodyCodec;

    beforeAll(() => {
      win = setup();
      sanitizer = createSanitizer(blockRegistry, win);
      codec = new BodyCodec(blockRegistry);
    });

    it('has at least 120 distinct hostile inputs', () => {
      expect(hostileInputs.length).toBeGreaterThanOrEqual(120);
      expect(new Set(hostileInputs.map((i) => i.name)).size).toBe(hostileInputs.length);
      expect(new Set(hostileInputs.map((i) => i.html)).size).toBe(hostileInputs.length);
    });

    it('sees the dangers in the raw inputs (the checker itself works)', () => {
      // Some inputs are dangerous only under another parse (scripting on, a later re-parse): most must show.
      const seen = hostileInputs.filter((i) => !i.nothingToRemove && dangers(win, i.html).length > 0);
      expect(seen.length).toBeGreaterThan(hostileInputs.length * 0.85);
      for (const i of hostileInputs.filter((i) => i.nothingToRemove)) expect(dangers(win, i.html)).toEqual([]);
    });

    describe.each(hostileInputs.map((input) => [input.name, input] as const))('%s', (_name, input) => {
      it('sanitize() leaves nothing dangerous and reports what it removed', () => {
        const { html, removed } = sanitizer.sanitize(input.html);
        expect(dangers(win, html), html).toEqual([]);
        // The serialise-parse round trip must not grow anything (mutation XSS).
        const reparsed = win.document.createElement('div');
        reparsed.innerHTML = html;
        expect(dangers(win, reparsed.innerHTML), reparsed.innerHTML).toEqual([]);
        if (input.nothingToRemove) expect(removed).toEqual([]);
        else expect(removed.length, html).toBeGreaterThan(0);
        for (const r of removed) {
          expect(r.what).toBeTruthy();
          expect(typeof r.snippet).toBe('string');
        }
      });

      it('sanitize() is stable: its output sanitises to itself with nothing removed', () => {
        const once = sanitizer.sanitize(input.html).html;
        const twice = sanitizer.sanitize(once);
        expect(dangers(win, twice.html)).toEqual([]);
        expect(twice.removed, once).toEqual([]);
      });

      it.each([
        ['reusing the source', true],
        ['re-serialising every block', false],
      ] as const)('import then export (%s) leaves nothing dangerous and the import reports a removal', (_how, reuseSource) => {
        const doc = codec.importHtml(input.html);
        const removedItems = doc.report.filter((r) => r.kind === 'removed');
        if (input.nothingToRemove || input.keptAsPublished) expect.soft(removedItems).toEqual([]);
        else expect.soft(removedItems.length, `import report: ${JSON.stringify(doc.report)}`).toBeGreaterThan(0);
        // An iframe off the allowlist stays only as published, in a locked block, and the report says so.
        const locked = doc.report.some((r) => r.kind === 'keptRaw' && r.message.includes('kept as published'));
        if (input.keptAsPublished) expect(locked, JSON.stringify(doc.report)).toBe(true);

        // The document the editor would show holds nothing dangerous either.
        const shown = editorHtml(win, codec, doc.doc);
        expect(dangers(win, shown), shown).toEqual([]);

        const exported = codec.exportHtml(doc, { reuseSource });
        expect(dangers(win, exported.html, true), exported.html).toEqual([]);
        expect(dangers(win, exported.html).length > 0, `an iframe off the list without a locked block: ${exported.html}`).toBe(locked);
        const reparsed = win.document.createElement('div');
        reparsed.innerHTML = exported.html;
        expect(dangers(win, reparsed.innerHTML, true), reparsed.innerHTML).toEqual([]);
        // And once more through the codec: what was written opens clean.
        const again = codec.exportHtml(codec.importHtml(reparsed.innerHTML), { reuseSource });
        expect(dangers(win, again.html, true), again.html).toEqual([]);
      });
    });
  });
}

/** The document as the editor's DOM would hold it: every node rendered, and raw blocks' markup as HTML. */
function editorHtml(win: DomWindow, codec: BodyCodec, doc: PMNode): string {
  const container = win.document.createElement('div');
  container.appendChild(DOMSerializer.fromSchema(codec.schema).serializeFragment(doc.content, { document: win.document }));
  const raw: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'rawHtml') raw.push(String(node.attrs['html'] ?? ''));
    return true;
  });
  return [container.innerHTML, ...raw].join('\n');
}

hostileSuite('in the jsdom test environment (the window the browser code sees)', () => {
  const win = window as unknown as DomWindow;
  setDomWindow(win);
  return win;
});

hostileSuite('through useJsdom() (the Node path of the CLI and the server)', () => useJsdom());

describe('isSafeUrl', () => {
  const good = [
    'https://www.example.org/',
    'http://example.org/a?b=c#d',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:parks@example.org',
    'MAILTO:parks@example.org?subject=Hi',
    'tel:+6561234567',
    '/relative/path/',
    '/images/Brand Kit/logo%20small v2.png',
    '#anchor',
    '?query=1',
    '../x',
    './x.html',
    'page.html',
    'x',
    '',
    '%6Aavascript:alert(1)',
    'images/a:b.png'.replace(':', '%3A'),
    '  https://example.org/  ',
    'https://example.org/javascript:alert(1)',
    '/search?q=javascript:alert(1)',
    '#javascript:alert(1)',
  ];
  const bad = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0001javascript:alert(1)',
    '\u001fjavascript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\u0000script:alert(1)',
    'java\ufffdscript:alert(1)',
    '\u200bjavascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)',
    'javascript&colon;alert(1)',
    'java&Tab;script:alert(1)',
    'java&NewLine;script:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'data:image/png;base64,iVBORw0KGgo=',
    'file:///etc/passwd',
    'blob:https://example.org/uuid',
    'filesystem:https://example.org/x',
    'livescript:alert(1)',
    'ftp://example.org/',
    'intent://x#Intent;end',
    '\\\\evil.example\\share',
    '/\\evil.example/',
    'jar:https://example.org/x.jar!/',
  ];
  it.each(good)('allows %j', (url) => expect(isSafeUrl(url)).toBe(true));
  it.each(bad)('refuses %j', (url) => expect(isSafeUrl(url)).toBe(false));
});
