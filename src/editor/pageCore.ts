/**
 * Everything that reads and writes pages (core, block schemas). Loaded on demand through
 * `src/store/pageCoreLoader.ts`, so the app's first screen does not wait for it. The markdown importer
 * is loaded only for a page that is still markdown, and the YAML parser (`frontMatterCore.ts`) after a
 * tiptap page is editable (openedPage.ts), so opening a tiptap page fetches neither. The full HTML
 * parser, for bodies the strict scanner is not sure of, is loaded by such a page and otherwise after
 * the editor is idle (topLevelSegments.ts).
 */
export { openPageInBrowser, savePageWith } from '../core/openedPage.ts';
export { bodyCodec } from './bodyCodecInstance.ts';
export { loadFullParser } from '../core/topLevelSegments.ts';
