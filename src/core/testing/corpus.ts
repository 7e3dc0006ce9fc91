import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The shared corpus of real page files, beside the project root. Tests read it; nothing copies it. */
export const corpusDir = new URL('../../../../shared/corpus/pages/', import.meta.url);

if (!existsSync(corpusDir)) {
  throw new Error(`The page corpus is missing: expected it at ${corpusDir.pathname}`);
}

export interface CorpusPage {
  name: string;
  text: string;
}

export function readCorpus(): CorpusPage[] {
  return readdirSync(corpusDir)
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(encodeURIComponent(name), corpusDir), 'utf8') }));
}
