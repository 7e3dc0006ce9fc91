/**
 * The benchmark's site: a fresh folder with the sample site's config, the generated stress page, the
 * largest corpus page converted to a tiptap page, and a real image for every address the stress page uses.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockRegistry } from '../extensions/registry.ts';
import { convertPageText } from '../src/cli/convertPage.ts';
import { BodyCodec } from '../src/core/bodyCodec.ts';
import { useJsdom } from '../src/core/node/useJsdom.ts';
import { readPageFile, setFrontMatterValue, writePageFile } from '../src/core/pageFile.ts';
import { readCorpus } from '../src/core/testing/corpus.ts';
import { generateStressPage, STRESS_IMAGE_COUNT } from './generateStressPage.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BenchPage {
  /** Short name used in the results. */
  id: 'stress' | 'largest';
  label: string;
  /** Path of the page file in the site. */
  path: string;
  /** Its permalink: the page list's button carries it as its title. */
  permalink: string;
  /** The page file as written before every run (a save changes it). */
  text: string;
  htmlBytes: number;
  topLevelBlocks: number;
  /** Text of the last block, to tell when the editor shows the whole page. */
  lastText: string;
  /** The start of the paragraph in the middle of the page, where keystrokes are typed. */
  middleText: string;
}

export interface BenchSite {
  dir: string;
  pages: BenchPage[];
  /** Writes every page back as it was before a run. */
  reset(): void;
}

function lastTextOf(doc: ReturnType<BodyCodec['importHtml']>['doc']): string {
  for (let i = doc.childCount - 1; i >= 0; i--) {
    const node = doc.child(i);
    if (node.type.name !== 'rawHtml' && node.textContent.trim().length > 0) return node.textContent.trim().slice(0, 40);
  }
  throw new Error('The page has no block with text.');
}

function middleTextOf(doc: ReturnType<BodyCodec['importHtml']>['doc']): string {
  const middle = Math.floor(doc.childCount / 2);
  for (let d = 0; d < doc.childCount; d++) {
    for (const i of [middle + d, middle - d]) {
      const node = i >= 0 && i < doc.childCount ? doc.child(i) : null;
      if (node?.type.name === 'paragraph' && node.textContent.trim().length >= 30) return node.textContent.trim().slice(0, 30);
    }
  }
  throw new Error('The page has no paragraph to type in.');
}

export function prepareBenchSite(dir: string): BenchSite {
  useJsdom();
  const codec = new BodyCodec(blockRegistry);
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'sample-site', '_config.yml'), join(dir, '_config.yml'));
  mkdirSync(join(dir, 'pages'), { recursive: true });

  // A real image for every address: the sample site's photos, copied under the names the page uses.
  const photos = readdirSync(join(root, 'sample-site', 'images', 'park photos'))
    .filter((n) => n.endsWith('.png'))
    .sort()
    .map((n) => join(root, 'sample-site', 'images', 'park photos', n));
  mkdirSync(join(dir, 'images', 'bench'), { recursive: true });
  for (let i = 0; i < STRESS_IMAGE_COUNT; i++) {
    copyFileSync(photos[i % photos.length]!, join(dir, 'images', 'bench', `photo-${String(i + 1).padStart(3, '0')}.png`));
  }

  const stress = generateStressPage();
  const stressDoc = codec.importHtml(stress.body).doc;

  const largestCorpus = readCorpus().sort((a, b) => b.text.length - a.text.length)[0]!;
  const converted = convertPageText(codec, largestCorpus.name, largestCorpus.text);
  if (converted.output === null) throw new Error(`The largest corpus page did not convert: ${converted.warnings.join(' ')}`);
  let largestFile = readPageFile(converted.output);
  largestFile = setFrontMatterValue(largestFile, 'permalink', '/bench-largest/');
  const largestText = writePageFile(largestFile);
  const largestBody = readPageFile(largestText).body;
  const largestDoc = codec.importHtml(largestBody).doc;

  const pages: BenchPage[] = [
    {
      id: 'stress',
      label: 'stress page (generated)',
      path: 'pages/bench-stress.md',
      permalink: '/bench-stress/',
      text: stress.text,
      htmlBytes: Buffer.byteLength(stress.body),
      topLevelBlocks: stressDoc.childCount,
      lastText: stress.lastBlockText,
      middleText: stress.middleParagraphText.slice(0, 30),
    },
    {
      id: 'largest',
      label: `largest corpus page (${Math.round(Buffer.byteLength(largestCorpus.text) / 1000)} KB markdown)`,
      path: 'pages/bench-largest.md',
      permalink: '/bench-largest/',
      text: largestText,
      htmlBytes: Buffer.byteLength(largestBody),
      topLevelBlocks: largestDoc.childCount,
      lastText: lastTextOf(largestDoc),
      middleText: middleTextOf(largestDoc),
    },
  ];
  const reset = () => {
    for (const page of pages) writeFileSync(join(dir, page.path), page.text);
  };
  reset();
  return { dir, pages, reset };
}
