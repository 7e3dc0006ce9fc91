/**
 * Everything that reads and writes pages (core, markdown import, block schemas). Loaded on demand
 * through `src/store/pageCoreLoader.ts`, so the app's first screen does not wait for it.
 */
export { openPage, savePage } from '../core/pageDocument.ts';
export { readPageFile, setFrontMatterValue, withFrontMatterText, frontMatterData } from '../core/pageFile.ts';
export { bodyCodec } from './bodyCodecInstance.ts';
