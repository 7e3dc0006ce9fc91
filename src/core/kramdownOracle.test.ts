import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import type { Node as PMNode } from '@tiptap/pm/model';
import { PUBLISHED_EMBED_TYPE } from '../../extensions/embed/publishedEmbed.ts';
import { BodyCodec } from './bodyCodec.ts';
import { domWindow } from './dom.ts';
import { kramdownSafeBody } from './kramdown/kramdownSafeBody.ts';
import { SPAN_ELEMENTS } from './kramdown/markdownZones.ts';
import { useJsdom } from './node/useJsdom.ts';
import { openPage, savePage } from './pageDocument.ts';
import { readPageFile } from './pageFile.ts';
import { hostAllowed } from './sanitize.ts';
import { readCorpus } from './testing/corpus.ts';
import { hostileInputs } from './testing/hostileInputs.ts';
import { kramdownHostileInputs } from './testing/kramdownHostileInputs.ts';
import { kramdownMissing, renderWithKramdown } from './testing/kramdown.ts';

/**
 * Jekyll's real kramdown as the oracle of what a saved body publishes. Every hostile input, every
 * corpus page after conversion and every block fixture's export is rendered by it (in batches, one
 * Ruby process each): nothing that can run may come out, and for a clean body kramdown's HTML must be
 * the editor's HTML, whitespace aside. Without kramdown these tests fail and say why.
 */

useJsdom();
const missing = kramdownMissing();
const codec = new BodyCodec(blockRegistry);
const iframeHosts = codec.sanitizer.iframeHosts;

/** Renders the batch, or fails every test that needs it with the reason kramdown is missing. */
function rendered(bodies: string[]): () => string[] {
  let html: string[] | null = null;
  return () => {
    if (missing) throw new Error(missing);
    html ??= renderWithKramdown(bodies);
    return html;
  };
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite', 'srcset', 'ping'];
const RUNS = ['script', 'object', 'embed', 'applet', 'base', 'frame', 'frameset', 'meta', 'link'];

/**
 * The hosts of iframes the editor kept as published: the locked blocks of the document, which hold
 * them. An iframe off the allowlist that a page already publishes, with no script on it, may stay.
 */
function keptEmbedHosts(doc: PMNode): string[] {
  const hosts: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === PUBLISHED_EMBED_TYPE) hosts.push(...(node.attrs['hosts'] as string[]));
  });
  return hosts;
}

/** What in `html` could run script once a browser loads it. `keptHosts`: see `keptEmbedHosts`. */
function executableParts(html: string, keptHosts: readonly string[] = []): string[] {
  const container = domWindow().document.implementation.createHTMLDocument('').createElement('div');
  container.innerHTML = html;
  const found: string[] = [];
  for (const el of Array.from(container.querySelectorAll('*'))) {
    const tag = el.localName;
    if (RUNS.includes(tag)) found.push(`<${tag}>`);
    if (tag === 'iframe') {
      let host = '';
      try {
        const url = new URL(el.getAttribute('src') ?? '');
        if (url.protocol === 'https:') host = url.hostname.toLowerCase();
      } catch {
        // not an absolute address
      }
      if (!hostAllowed(host, iframeHosts) && !(host !== '' && keptHosts.includes(host))) found.push(`<iframe src="${el.getAttribute('src')}">`);
    }
    for (const attribute of Array.from(el.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${name} on <${tag}>`);
      if (name === 'srcdoc') found.push(`srcdoc on <${tag}>`);
      // The DOM has decoded character references; a browser also ignores control characters and spaces.
      const value = attribute.value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
      if ((URL_ATTRIBUTES.includes(name) || name.endsWith(':href')) && /(?:^|,)(?:javascript|vbscript|data):/.test(value)) {
        found.push(`${name}="${attribute.value}" on <${tag}>`);
      }
    }
  }
  return found;
}

/**
 * A canonical text of the DOM of `html`: whitespace collapsed, empty text left out, attributes sorted.
 * `wrapInline`: top-level runs of text and kramdown's span elements are put in a paragraph, as kramdown
 * publishes them (and as the editor reads them).
 */
function canonicalDom(html: string, wrapInline: boolean): string {
  const document = domWindow().document.implementation.createHTMLDocument('');
  const container = document.createElement('div');
  container.innerHTML = html;
  if (wrapInline) {
    let paragraph: Element | null = null;
    for (const child of Array.from(container.childNodes)) {
      const inline = child.nodeType === 3 ? /\S/.test(child.textContent ?? '') : child.nodeType === 1 && SPAN_ELEMENTS.has((child as Element).localName);
      const blank = child.nodeType === 3 && !inline;
      if (inline) {
        if (!paragraph) {
          paragraph = document.createElement('p');
          container.insertBefore(paragraph, child);
        }
        paragraph.appendChild(child);
      } else if (!blank || !paragraph) {
        paragraph = null;
      } else {
        paragraph.appendChild(child);
      }
    }
  }
  const out: string[] = [];
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text) out.push(text);
      } else if (child.nodeType === 8) {
        out.push(`<!--${(child.textContent ?? '').replace(/\s+/g, ' ').trim()}-->`);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const attributes = Array.from(el.attributes)
          .map((a) => `${a.name}="${a.value.replace(/\s+/g, ' ').trim()}"`)
          .sort();
        out.push(`<${[el.localName, ...attributes].join(' ')}>`);
        visit(el.localName === 'template' ? (el as HTMLTemplateElement).content : el);
        out.push(`</${el.localName}>`);
      }
    }
  };
  visit(container);
  return out.join('\n');
}

/** The body a page file gets when opened and saved without edits (a markdown page converted). */
function savedBody(text: string): { body: string; clean: boolean; keptHosts: string[] } {
  const opened = openPage(codec, text);
  const saved = savePage(codec, opened, opened.body.doc);
  return { body: readPageFile(saved.text).body, clean: !opened.report.some((item) => item.kind === 'removed'), keptHosts: keptEmbedHosts(opened.body.doc) };
}

describe("Jekyll's kramdown renders what the editor saves", () => {
  it('is installed (apt-get install ruby-kramdown ruby-kramdown-parser-gfm)', () => {
    expect(missing).toBeNull();
  });

  describe('hostile inputs: nothing that can run is published', () => {
    const inputs = [...hostileInputs, ...kramdownHostileInputs];
    const saved = inputs.map((input) => {
      const imported = codec.importHtml(input.html);
      return { ...input, keptHosts: keptEmbedHosts(imported.doc), body: codec.exportHtml(imported).html };
    });
    const published = rendered(saved.map((s) => s.body));
    const exportStepAlone = rendered(kramdownHostileInputs.map((input) => kramdownSafeBody(input.html).body));

    it.each(saved.map((s, index) => [s.name, index] as const))('%s', (_name, index) => {
      const html = published()[index]!;
      expect(executableParts(html, saved[index]!.keptHosts), `${saved[index]!.body}\n→\n${html}`).toEqual([]);
    });

    const harmful = kramdownHostileInputs.filter((input) => !input.nothingToRemove);
    it.each(harmful.map((input) => [input.name, input.html] as const))('%s is reported on import', (_name, html) => {
      const report = codec.importHtml(html).report;
      expect(report.filter((item) => item.kind === 'removed').length, JSON.stringify(report)).toBeGreaterThan(0);
    });

    it.each(kramdownHostileInputs.map((input) => [input.name, input.html] as const))('%s is safe after the export step alone', (name, html) => {
      const index = kramdownHostileInputs.findIndex((input) => input.name === name);
      expect(executableParts(exportStepAlone()[index]!), html).toEqual([]);
    });

    it('the inputs render to something (the oracle is not blind)', () => {
      const raw = rendered(kramdownHostileInputs.map((input) => input.html))();
      const dangerous = raw.filter((html) => executableParts(html).length > 0);
      // Most of these run script when published as written.
      expect(dangerous.length).toBeGreaterThan(kramdownHostileInputs.length / 2);
    });
  });

  describe('text an editor types', () => {
    const typed = ['[a](javascript:alert(1))', '{: onclick="alert(1)"}', '*b* `c` {::nomarkdown}<x>{:/}', '[f]: javascript:alert(6)', '    indented', '# not a heading', '"quotes" -- and...'];
    const bodies = typed.map((text) => {
      const paragraph = codec.schema.nodes['paragraph']!.create(null, codec.schema.text(text));
      return codec.exportHtml({ doc: codec.schema.nodes['doc']!.create(null, [paragraph]), leading: '', trailing: '' }).html;
    });
    const published = rendered(bodies);

    it.each(typed.map((text, index) => [text, index] as const))('%s is published as typed', (text, index) => {
      const container = domWindow().document.createElement('div');
      container.innerHTML = published()[index]!;
      expect(container.querySelectorAll('*').length).toBe(1);
      expect(container.textContent!.trim()).toBe(text.trim());
    });
  });

  describe('corpus pages, converted and saved', () => {
    const pages = readCorpus().map((page) => ({ name: page.name, ...savedBody(page.text) }));
    const published = rendered(pages.map((page) => page.body));
    let compared = 0;

    it.each(pages.map((page, index) => [page.name, index] as const))('%s', (_name, index) => {
      const page = pages[index]!;
      const html = published()[index]!;
      expect(executableParts(html, page.keptHosts)).toEqual([]);
      if (!page.clean) return;
      expect(canonicalDom(html, false)).toBe(canonicalDom(page.body, true));
      compared++;
    });

    it('compared most pages in full (the clean ones)', () => {
      expect(compared).toBeGreaterThan(pages.length * 0.8);
    });
  });

  describe('block fixtures, exported', () => {
    const fixtures = blockRegistry.flatMap((block) =>
      (block.fixtures ?? []).flatMap((fixture) => {
        const imported = codec.importHtml(fixture.html);
        const name = `${block.name}: ${fixture.name}`;
        return [
          { name: `${name} (as read)`, body: codec.exportHtml(imported).html },
          { name: `${name} (written anew)`, body: codec.exportHtml(imported, { reuseSource: false }).html },
        ];
      }),
    );
    const published = rendered(fixtures.map((fixture) => fixture.body));

    it.each(fixtures.map((fixture, index) => [fixture.name, index] as const))('%s', (_name, index) => {
      const html = published()[index]!;
      expect(executableParts(html)).toEqual([]);
      expect(canonicalDom(html, false)).toBe(canonicalDom(fixtures[index]!.body, true));
    });
  });
});
