/**
 * Everything that reads and writes pages (core, block schemas). Loaded on demand through
 * `src/store/pageCoreLoader.ts`, so the app's first screen does not wait for it. The markdown importer
 * is loaded only for a page that is still markdown (openedPage.ts), so tiptap pages never fetch it.
 */
export { openPageLoadingMarkdown, savePage } from '../core/openedPage.ts';
export { readPageFile, setFrontMatterValue, withFrontMatterText, frontMatterData } from '../core/pageFile.ts';
export { bodyCodec } from './bodyCodecInstance.ts';
