// The contract every block passes, written once: `contract.test.ts` runs it on every registered block,
// and a block's own test file may run it on that block alone (`describeBlockContract(calloutBlock)`).
import { Editor } from '@tiptap/core';
import type { Node as PMNode, NodeType, Schema } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import fc from 'fast-check';
import { act, createElement, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ownsElement, ruleAccepts } from '../src/core/attributeRule.ts';
import type { AttributeRule, BlockDefinition, BlockFixture } from '../src/core/blockDefinition.ts';
import { BodyCodec } from '../src/core/bodyCodec.ts';
import { createSanitizer } from '../src/core/sanitize.ts';
import type { BlockPanelProps } from '../src/editor/blockPanelProps.ts';
import { blockRegistry } from './registry.ts';

/**
 * Real bugs the contract finds in blocks and that are not fixed yet: `block name: test name` → why.
 * Each listed test still runs and must still fail (so a fix shows up as a failure to remove the entry).
 */
export const KNOWN_GAPS: Record<string, string> = {};

/** Markup no block owns, besides the blocks' own fixtures: a block's allowances must not reach it. */
const GENERIC_SAMPLES = [
  '<div class="intro">\n<p>Some <span class="note">words</span> and <a href="/about/">a link</a></p>\n</div>',
  '<section id="facts">\n<h2>Facts</h2>\n<ul>\n<li>\n<p>One</p>\n</li>\n</ul>\n</section>',
  '<dl class="terms"><dt>Term</dt><dd>Meaning <small>aside</small></dd></dl>',
  '<figure>\n<img src="/images/a.png" alt="A">\n<figcaption>A caption</figcaption>\n</figure>',
];

/** Values an attribute rule accepts, to put on other blocks' markup: a list's values, or one the rule takes. */
function declaredValues(rule: AttributeRule): string[] {
  if (Array.isArray(rule)) return [...(rule as readonly string[])];
  return [['1', '120', 'true', 'x'].find((value) => ruleAccepts(rule, value)) ?? 'x'];
}

/** The node types a block defines (its TipTap nodes, not marks or plain extensions). */
function ownNodeTypes(block: BlockDefinition, schema: Schema): NodeType[] {
  return block.extensions.flatMap((e) => (e.type === 'node' && schema.nodes[e.name] ? [schema.nodes[e.name]!] : []));
}

function nodesOfTypes(doc: PMNode, types: readonly NodeType[]): PMNode[] {
  const found: PMNode[] = [];
  doc.descendants((node) => {
    if (types.includes(node.type)) found.push(node);
  });
  return found;
}

/** Every element of a fixture, parsed in the test's DOM. */
function elementsOf(fixtures: readonly BlockFixture[]): Element[] {
  return fixtures.flatMap((f) => {
    const template = document.createElement('template');
    template.innerHTML = f.html;
    return Array.from(template.content.querySelectorAll('*'));
  });
}

/** Runs the block contract on `block`, read by a codec over the registry (and the block, if it is not registered). */
export function describeBlockContract(block: BlockDefinition): void {
  const blocks = blockRegistry.includes(block) ? blockRegistry : [...blockRegistry, block].sort((a, b) => a.order - b.order);
  const codec = new BodyCodec(blocks);
  const fixtures = block.fixtures ?? [];
  const editors: Editor[] = [];
  afterEach(() => {
    for (const editor of editors.splice(0)) editor.destroy();
  });
  const newEditor = (content: object) => {
    const editor = new Editor({ extensions: codec.extensions, content });
    editors.push(editor);
    return editor;
  };
  // The contract's test names, with a known gap expected to fail rather than pass.
  const test = (name: string, body: () => unknown) => {
    const gap = KNOWN_GAPS[`${block.name}: ${name}`];
    return gap ? it.fails(`${name} (known gap: ${gap})`, body) : it(name, body);
  };

  describe(`block ${block.name}`, () => {
    test('is registered, with at least one fixture and one insert entry', () => {
      expect(blockRegistry.map((b) => b.name)).toContain(block.name);
      expect(blockRegistry).toContain(block);
      expect(fixtures.length).toBeGreaterThan(0);
      expect(block.insertEntries?.length ?? 0).toBeGreaterThan(0);
    });

    it.each(fixtures.map((f) => [f.name, f.html] as const))('fixture "%s" round-trips byte for byte and idempotently', (_fixture, html) => {
      const imported = codec.importHtml(html);
      if (block.name !== 'raw-html') expect(imported.report.filter((r) => r.kind === 'keptRaw')).toEqual([]);
      expect(codec.exportHtml(imported).html).toBe(html);
      // Written again from the document: the fixture must be the writer's own layout.
      const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
      expect(fresh).toBe(html);
      expect(codec.exportHtml(codec.importHtml(fresh), { reuseSource: false }).html).toBe(fresh);
    });

    it.each(fixtures.map((f) => [f.name, f.html] as const))('the sanitiser keeps fixture "%s"', (_fixture, html) => {
      expect(codec.sanitizer.sanitize(html).removed).toEqual([]);
    });

    it.each((block.nearMisses ?? []).map((f) => [f.name, f.html] as const))('near miss "%s" is not read as this block, and is kept', (_fixture, html) => {
      const imported = codec.importHtml(html);
      const types = ownNodeTypes(block, codec.schema);
      expect(nodesOfTypes(imported.doc, types).map((n) => n.type.name)).toEqual([]);
      expect(codec.exportHtml(imported).html).toBe(html);
    });

    it.each((block.hostile ?? []).map((f) => [f.name, f.html] as const))('hostile "%s" is cleaned and reported', (_fixture, html) => {
      const imported = codec.importHtml(html);
      expect(imported.report.filter((r) => r.kind === 'removed').length).toBeGreaterThan(0);
      const saved = codec.exportHtml(imported).html;
      expect(codec.sanitizer.sanitize(saved).removed).toEqual([]);
    });

    test('every allowance it gives the sanitiser is used by a fixture', () => {
      const elements = elementsOf(fixtures);
      for (const owned of block.sanitizer?.elements ?? []) {
        const mine = elements.filter((e) => ownsElement(owned, e));
        expect(mine.length, `no fixture has <${owned.tag}${owned.className ? ` class="${owned.className}"` : ''}>`).toBeGreaterThan(0);
        for (const [name, rule] of Object.entries(owned.attributes)) {
          const values = mine.flatMap((e) => (e.hasAttribute(name) ? [e.getAttribute(name)!] : []));
          expect(values.length, `no fixture has ${name} on <${owned.tag}>`).toBeGreaterThan(0);
          if (Array.isArray(rule)) {
            for (const value of rule) expect(values, `no fixture has ${name}="${value}" on <${owned.tag}>`).toContain(value);
          }
        }
      }
    });

    // (A block that declares no attribute has no allowance to hold anywhere.)
    const declared = (block.sanitizer?.elements ?? []).flatMap((owned) => Object.entries(owned.attributes).map(([name, rule]) => [name, declaredValues(rule)] as const));
    if (declared.length > 0) test('its allowances hold on its own elements only', () => {
      // Markup with none of this block's nodes: the other blocks' fixtures, near misses and hostile
      // markup, and markup no block owns. Every attribute and value the block declares is put on every
      // element there; the sanitiser must then remove all that it removes without the block.
      const types = ownNodeTypes(block, codec.schema);
      const others = blocks.filter((b) => b !== block);
      const probes = [...others.flatMap((b) => [...(b.fixtures ?? []), ...(b.nearMisses ?? []), ...(b.hostile ?? [])].map((f) => f.html)), ...GENERIC_SAMPLES].filter(
        (html) => nodesOfTypes(codec.importHtml(html).doc, types).length === 0,
      );
      expect(probes.length).toBeGreaterThan(0);
      const without = createSanitizer(others);
      const rounds = Math.max(...declared.map(([, values]) => values.length));
      const leaks: string[] = [];
      for (const html of probes) {
        for (let round = 0; round < rounds; round++) {
          const template = document.createElement('template');
          template.innerHTML = html;
          for (const element of Array.from(template.content.querySelectorAll('*'))) {
            for (const [name, values] of declared) element.setAttribute(name, values[round % values.length]!);
          }
          const probe = template.innerHTML;
          const kept = codec.sanitizer.sanitize(probe).removed.map((r) => r.what);
          for (const removal of without.sanitize(probe).removed) {
            const at = kept.indexOf(removal.what);
            if (at === -1) leaks.push(`${removal.what} (${removal.snippet}) in ${html.slice(0, 60)}`);
            else kept.splice(at, 1);
          }
        }
      }
      expect(leaks, 'kept only because of this block, on markup it does not read').toEqual([]);
    });

    test('random documents of its fixtures, with random text, export and import back equal', () => {
      const docs = fixtures.map((f) => codec.importHtml(f.html).doc);
      const text = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", '\u00a0', 'é', '{', '%') });
      const arbitrary = fc.record({ picks: fc.array(fc.nat(docs.length - 1), { minLength: 1, maxLength: 3 }), words: fc.array(text, { minLength: 1, maxLength: 8 }) });
      fc.assert(
        fc.property(arbitrary, ({ picks, words }) => {
          let word = 0;
          const content = picks.flatMap((i) => docs[i]!.toJSON().content as object[]);
          // Every text of the document gets a random word: escaping is where writers slip. (Runs of
          // spaces collapse in HTML, so a word has single spaces and none at its ends.)
          const withWords = JSON.parse(JSON.stringify(content), (key, value) =>
            key === 'text' && typeof value === 'string' ? (words[word++ % words.length]!.replace(/ +/g, ' ').trim() || 'x') : value,
          ) as object[];
          const doc = codec.schema.nodeFromJSON({ type: 'doc', content: withWords });
          doc.check();
          const html = codec.exportHtml({ doc, leading: '', trailing: '' }, { reuseSource: false }).html;
          const back = codec.importHtml(html);
          expect(back.report.filter((r) => r.kind === 'removed')).toEqual([]);
          expect(codec.exportHtml(back, { reuseSource: false }).html).toBe(html);
        }),
        { numRuns: 25, seed: 18 },
      );
    });

    it.each((block.insertEntries ?? []).map((e) => [e.id, e] as const))('insert entry "%s" gives valid content from every cursor position', (_id, entry) => {
      // A page of common blocks and of this block's first fixture: the entry is tried wherever a cursor can be.
      const page = codec.importHtml(`<h2>Title</h2>\n<p>Some text</p>\n<ul>\n<li>\n<p>Item</p>\n</li>\n</ul>\n<blockquote>\n<p>Quoted</p>\n</blockquote>\n${fixtures[0]?.html ?? ''}`).doc;
      const positions: number[] = [];
      page.descendants((node, pos) => {
        if (node.inlineContent) for (let at = pos + 1; at <= pos + 1 + node.content.size; at += Math.max(1, node.content.size)) positions.push(at);
      });
      let inserted = 0;
      for (const at of positions) {
        const editor = newEditor(page.toJSON());
        editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at)));
        if (entry.allowed && !entry.allowed(editor.state)) continue;
        const before = editor.state.doc;
        if (!entry.insert(editor) || editor.state.doc.eq(before)) continue;
        inserted++;
        const doc = editor.state.doc;
        expect(() => doc.check(), `inserting at ${at}`).not.toThrow();
        const html = codec.exportHtml({ doc, leading: '', trailing: '' }).html;
        const reread = codec.importHtml(html);
        expect(reread.report.filter((r) => r.kind === 'removed'), `inserting at ${at}`).toEqual([]);
        // What the entry built comes back unchanged. Compared in the writer's own layout: an edited block
        // beside unedited ones is written as its neighbours are (one line, say), which a fresh write lays out anew.
        const fresh = codec.exportHtml({ doc, leading: '', trailing: '' }, { reuseSource: false }).html;
        expect(codec.exportHtml(reread, { reuseSource: false }).html, `inserting at ${at}`).toBe(fresh);
        expect(codec.exportHtml(reread).html, `inserting at ${at}`).toBe(html);
      }
      expect(inserted).toBeGreaterThan(0);
    });

    if (block.loadSettingsPanel) {
      test('its settings panel is for a node of its fixtures', () => {
        const docs = fixtures.map((f) => codec.importHtml(f.html).doc);
        const types = (block.settingsFor ?? []).flatMap((name) => (codec.schema.nodes[name] ? [codec.schema.nodes[name]!] : []));
        expect(docs.some((doc) => nodesOfTypes(doc, types).length > 0)).toBe(true);
      });

      it.each(fixtures.map((f) => [f.name, f.html] as const))('its settings panel renders for fixture "%s"', async (_fixture, html) => {
        const Panel = ((await block.loadSettingsPanel!()) as { default: ComponentType<BlockPanelProps> }).default;
        const editor = newEditor(codec.importHtml(html).doc.toJSON());
        const targets: { node: PMNode; pos: number }[] = [];
        editor.state.doc.descendants((node, pos) => {
          if ((block.settingsFor ?? []).includes(node.type.name)) targets.push({ node, pos });
        });
        (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
        for (const { node, pos } of targets) {
          const host = document.createElement('div');
          const root = createRoot(host);
          await act(async () => root.render(createElement(Panel, { editor, node, pos })));
          expect(host.textContent?.trim() || host.querySelector('input, select, button, textarea'), `panel for ${node.type.name} at ${pos}`).toBeTruthy();
          await act(async () => root.unmount());
        }
      });
    }
  });
}
