// @vitest-environment node
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { openPage, savePage } from '../../src/core/pageDocument.ts';
import { publishedEmbedNote } from '../../src/core/siteEmbedHosts.ts';
import { readCorpus } from '../../src/core/testing/corpus.ts';
import { blockRegistry } from '../registry.ts';
import { isAllowedEmbedSource } from './embedUrl.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
const NOTE = publishedEmbedNote(['docs.google.com']);

function topLevel(doc: PMNode): PMNode[] {
  const nodes: PMNode[] = [];
  doc.forEach((node) => nodes.push(node));
  return nodes;
}

describe('corpus pages that publish an iframe from a host off the allowlist', () => {
  const offList = readCorpus().filter(({ text }) =>
    [...text.matchAll(/<iframe\b[^>]*?\ssrc=["']([^"']*)["']/gi)].some((match) => !isAllowedEmbedSource(match[1]!)),
  );

  it('are found (a Google Form on a survey page)', () => {
    expect(offList.map((p) => p.name)).toEqual([expect.stringContaining('pa-ccc__pages__demo-en')]);
  });

  it.each(offList.map((p) => [p.name, p.text]))('%s keeps its iframe exactly, locked, with the note', (_name, text) => {
    const opened = openPage(codec, text);
    const locked = topLevel(opened.body.doc).filter((n) => n.type.name === 'publishedEmbed');
    expect(locked.length).toBeGreaterThan(0);
    expect(opened.report.filter((r) => r.message === NOTE)).toHaveLength(locked.length);
    expect(opened.report.filter((r) => r.kind === 'removed')).toEqual([]);
    const saved = savePage(codec, opened, opened.body.doc).text;
    for (const iframe of text.match(/<iframe\b[\s\S]*?<\/iframe>/gi)!) expect(saved).toContain(iframe);
    // Saved and opened again, the page is unchanged byte for byte.
    const again = openPage(codec, saved);
    expect(savePage(codec, again, again.body.doc).text).toBe(saved);
  });

  it('and no corpus page with only allowed embeds gets a locked block', () => {
    for (const { name, text } of readCorpus()) {
      if (offList.some((p) => p.name === name)) continue;
      const opened = openPage(codec, text);
      expect(topLevel(opened.body.doc).filter((n) => n.type.name === 'publishedEmbed'), name).toEqual([]);
    }
  });
});
