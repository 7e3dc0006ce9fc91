/**
 * Conversion throughput in Node: every corpus page converted (opened and saved as a tiptap page,
 * markdown pages included) several times, against a floor measured in the same run: parsing the same
 * bodies, the same number of times, with the same DOM implementation (jsdom `template.innerHTML`).
 * Run through tsx; prints one JSON object on stdout.
 */
import { JSDOM } from 'jsdom';
import { blockRegistry } from '../extensions/registry.ts';
import { convertPageText } from '../src/cli/convertPage.ts';
import { BodyCodec } from '../src/core/bodyCodec.ts';
import { useJsdom } from '../src/core/node/useJsdom.ts';
import { readPageFile } from '../src/core/pageFile.ts';
import { readCorpus } from '../src/core/testing/corpus.ts';

export interface ConversionBench {
  pages: number;
  bytes: number;
  repetitions: number;
  convertMs: number;
  floorMs: number;
  pagesPerSecond: number;
  mbPerSecond: number;
  floorPagesPerSecond: number;
  floorMbPerSecond: number;
  ratioToFloor: number;
  failed: string[];
}

export function runConversionBench(repetitions = 5): ConversionBench {
  const corpus = readCorpus();
  const bodies = corpus.map((p) => readPageFile(p.text).body);
  const bytes = corpus.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
  useJsdom();
  const codec = new BodyCodec(blockRegistry);
  const failed = new Set<string>();

  // One warm-up pass each, so both sides run compiled code.
  const convertAll = () => {
    for (const page of corpus) {
      const result = convertPageText(codec, page.name, page.text);
      if (result.status === 'failed') failed.add(page.name);
    }
  };
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  const template = document.createElement('template');
  let sink = 0;
  const parseAll = () => {
    for (const body of bodies) {
      template.innerHTML = body;
      sink += template.content.childNodes.length;
    }
  };
  convertAll();
  parseAll();

  // Each repetition times both, one after the other, so that a busy moment on a shared machine
  // weighs on both sides alike rather than on whichever ran then.
  let convertMs = 0;
  let floorMs = 0;
  for (let i = 0; i < repetitions; i++) {
    let start = performance.now();
    convertAll();
    convertMs += performance.now() - start;
    start = performance.now();
    parseAll();
    floorMs += performance.now() - start;
  }
  if (sink < 0) console.error(sink);

  const pagesDone = corpus.length * repetitions;
  const mb = (bytes * repetitions) / 1e6;
  return {
    pages: corpus.length,
    bytes,
    repetitions,
    convertMs,
    floorMs,
    pagesPerSecond: pagesDone / (convertMs / 1000),
    mbPerSecond: mb / (convertMs / 1000),
    floorPagesPerSecond: pagesDone / (floorMs / 1000),
    floorMbPerSecond: mb / (floorMs / 1000),
    ratioToFloor: convertMs / floorMs,
    failed: [...failed],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const reps = Number(process.argv[2] ?? 5);
  process.stdout.write(`${JSON.stringify(runConversionBench(reps))}\n`);
}
