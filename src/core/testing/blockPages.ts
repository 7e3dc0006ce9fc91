import { readFileSync } from 'node:fs';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { BodyCodec } from '../bodyCodec.ts';
import { pageVariant, readPageFile, type PageFile } from '../pageFile.ts';
import { readCorpus } from './corpus.ts';

/** A page body to run a block's tests over, named for the test titles. */
export interface NamedBody {
  name: string;
  body: string;
}

/** Every corpus page, read into front matter and body. */
export function corpusPageFiles(): { name: string; page: PageFile }[] {
  return readCorpus().map(({ name, text }) => ({ name, page: readPageFile(text) }));
}

/** The bodies of the corpus's tiptap pages whose HTML contains `marker`. */
export function tiptapCorpusBodies(marker: string): NamedBody[] {
  return corpusPageFiles()
    .filter(({ page }) => pageVariant(page) === 'tiptap' && page.body.includes(marker))
    .map(({ name, page }) => ({ name, body: page.body }));
}

/** The bodies of pages of the bundled sample site, by path inside it. */
export function samplePageBodies(paths: string[]): NamedBody[] {
  return paths.map((path) => ({
    name: `sample-site/${path}`,
    body: readPageFile(readFileSync(new URL(`../../../sample-site/${path}`, import.meta.url), 'utf8')).body,
  }));
}

/** Tags and attributes of every element (those `keep` accepts), in document order: markup without its text layout. */
export function markupSkeleton(document: Document, html: string, keep: (tag: string) => boolean = () => true): string[] {
  const el = document.createElement('div');
  el.innerHTML = html;
  return Array.from(el.querySelectorAll('*'))
    .filter((e) => keep(e.localName))
    .map((e) => [e.localName, ...Array.from(e.attributes).map((a) => `${a.name}="${a.value}"`)].join(' '));
}

/** One block exported on its own, from its attributes (never from its kept source). */
export function renderAlone(codec: BodyCodec, node: PMNode): string {
  return codec.exportHtml({ doc: codec.schema.nodes['doc']!.create(null, [node]), leading: '', trailing: '' }, { reuseSource: false }).html;
}
