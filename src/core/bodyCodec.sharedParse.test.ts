// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from './bodyCodec.ts';
import { markdownToHtml } from './markdown/markdownToHtml.ts';
import { useJsdom } from './node/useJsdom.ts';
import { pageVariant, readPageFile } from './pageFile.ts';
import { readCorpus } from './testing/corpus.ts';
import { hostileInputs } from './testing/hostileInputs.ts';
import { importOutcome } from './testing/importOutcome.ts';
import { trickyBodies as tricky } from './testing/trickyBodies.ts';

// The codec reads the blocks of a clean body from the sanitiser's parse of the whole body. A codec
// whose sanitiser never hands out its parse reads every block from its own text: both must agree.
useJsdom();
const codec = new BodyCodec(blockRegistry);
const perBlock = new BodyCodec(blockRegistry);
Object.assign(perBlock.sanitizer, { parseClean: () => null });

const corpusBodies = readCorpus().map(({ name, text }) => {
  const page = readPageFile(text);
  return [name, pageVariant(page) === 'markdown' ? markdownToHtml(page.body).html : page.body] as const;
});

describe('blocks read from the whole body parse', () => {
  it.each([...corpusBodies, ...tricky.map((html) => [html, html] as const), ...hostileInputs.map((h) => [h.name, h.html] as const)])(
    'match blocks parsed one by one: %s',
    (_name, body) => {
      expect(importOutcome(codec, body)).toEqual(importOutcome(perBlock, body));
    },
  );

  it('is how clean corpus bodies are read', () => {
    const clean = corpusBodies.filter(([, body]) => body !== '' && codec.sanitizer.parseClean(body) !== null);
    expect(clean.length).toBeGreaterThan(50);
  });
});
