// @vitest-environment node
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { useJsdom } from './node/useJsdom.ts';
import { findSwallowingElement } from './swallowingElement.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

const BEFORE = '<p>Opening hours are posted at the gate.</p>';
const AFTER = '<p>The lawn is closed on Mondays.</p>\n\n<h2>Getting there</h2>\n\n<p>Take bus 12 to the harbour.</p>';

/** Malformed fragments left open, most of them mutation-XSS payloads. */
const swallowers = [
  '<math><mi><xmp>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 onerror=alert(1)&gt;">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<form>',
  '<style>',
  '<style><img title="',
  '<select>',
  '<select><option>',
  '<textarea>',
  '<noscript>',
  '<noscript><p title="',
  '<xmp>',
  '<iframe>',
  '<iframe src="https://www.youtube.com/embed/aBcD3fGh1jK">',
  '<noembed>',
  '<noframes>',
  '<title>',
  '<template>',
  '<script>',
  '<plaintext>',
  '<table>',
  '<!--',
];

function topLevel(doc: PMNode): PMNode[] {
  const nodes: PMNode[] = [];
  doc.forEach((node) => nodes.push(node));
  return nodes;
}

describe('a fragment left open does not take the blocks after it', () => {
  it.each(swallowers)('%s', (fragment) => {
    const body = `${BEFORE}\n\n${fragment}\n\n${AFTER}\n`;
    const imported = codec.importHtml(body);
    imported.doc.check();
    const nodes = topLevel(imported.doc);
    // The blocks before and after are blocks, with their words.
    expect(nodes[0]!.type.name).toBe('paragraph');
    expect(nodes.slice(-3).map((n) => [n.type.name, n.textContent])).toEqual([
      ['paragraph', 'The lawn is closed on Mondays.'],
      ['heading', 'Getting there'],
      ['paragraph', 'Take bus 12 to the harbour.'],
    ]);
    // The closing is reported where the fragment starts, naming the line the kept blocks start on.
    const closing = imported.report.find((r) => r.message.startsWith('Closed the '));
    expect(closing, JSON.stringify(imported.report)).toMatchObject({ kind: 'removed', line: 3 });
    expect(closing!.message).toContain('The blocks from line 5 on are kept as blocks.');
    // Written back: the blocks after it as they were, the fragment closed, nothing that runs.
    const html = codec.exportHtml(imported).html;
    expect(html.startsWith(`${BEFORE}\n\n`)).toBe(true);
    expect(html.endsWith(`\n\n${AFTER}\n`)).toBe(true);
    expect(html).not.toMatch(/onerror|<script|<xmp|<noscript|<plaintext/i);
    // Read again, it is stable: the same blocks, nothing more to close, written back byte for byte.
    const again = codec.importHtml(html);
    expect(again.report.filter((r) => r.kind === 'removed')).toEqual([]);
    expect(codec.exportHtml(again).html).toBe(html);
  });

  it('handles several in one body, each reported on its own line', () => {
    const body = `<style>\n\n<p>One.</p>\n\n<textarea>\n\n<p>Two.</p>\n\n<math><mi><xmp>\n\n<p>Three.</p>`;
    const imported = codec.importHtml(body);
    expect(topLevel(imported.doc).filter((n) => n.textContent !== '').map((n) => n.textContent)).toEqual(['One.', 'Two.', 'Three.']);
    expect(imported.report.filter((r) => r.message.startsWith('Closed the ')).map((r) => [r.line, r.message.slice(0, 22)])).toEqual([
      [1, 'Closed the <style> lef'],
      [5, 'Closed the <textarea> '],
      [9, 'Closed the <math> left'],
    ]);
    // Every report item that names a block names the right one.
    for (const item of imported.report) if (item.block !== undefined) expect(item.block).toBeLessThan(imported.doc.childCount);
  });

  it('leaves elements that are closed, or that take in nothing past a blank line, as they are', () => {
    for (const body of [
      '<style>\np { color: #333; }\n\n.note { color: #555; }\n</style>\n\n<p>After.</p>',
      '<form action="/search">\n\n<p>Inside the form.</p>\n\n</form>\n\n<p>After.</p>',
      '<table>\n\n<tr><td>1</td></tr>\n\n</table>\n\n<p>After.</p>',
      '<div>\n\n<p>A div left open keeps its blocks as written.</p>',
      '<p>Last.</p>\n<style>',
    ]) {
      expect(findSwallowingElement(body), body).toBeNull();
      const imported = codec.importHtml(body);
      expect(imported.report.filter((r) => r.message.startsWith('Closed the '))).toEqual([]);
      expect(codec.exportHtml(imported).html).toBe(body);
    }
  });
});
