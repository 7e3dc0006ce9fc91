import type { BodyCodec } from './bodyCodec.ts';
import { importMarkdown } from './markdown/importMarkdown.ts';
import { openPageWith, type OpenedPage, type OpenOptions } from './openedPage.ts';

// The browser opens pages through `openedPage.ts`, which loads the markdown importer only when needed.
export { openPageLoadingMarkdown, openPageWith, savePage, type OpenedPage, type OpenOptions, type SavedPage } from './openedPage.ts';

/**
 * Opens a page file. A markdown body is converted (Liquid with a static meaning resolved, the rest kept
 * as raw blocks) and then read like a tiptap body; its report says what the conversion did.
 */
export function openPage(codec: BodyCodec, text: string, options: OpenOptions = {}): OpenedPage {
  return openPageWith(importMarkdown, codec, text, options);
}
