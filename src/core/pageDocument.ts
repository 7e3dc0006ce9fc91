import type { Node as PMNode } from '@tiptap/pm/model';
import type { BodyCodec } from './bodyCodec.ts';
import { importMarkdown } from './markdown/importMarkdown.ts';
import { openPageFile, savePageWith, type MarkdownImporter, type OpenedPage, type OpenOptions, type SavedPage } from './openedPage.ts';
import { pageVariant, readPageFile, setFrontMatterValue, type PageFile } from './pageFile.ts';

// The synchronous page API (Node: command line, server, tests). The browser opens pages through
// `openedPage.ts`, which loads the YAML parser and the markdown importer only when needed.
export { openPageInBrowser, type OpenedPage, type OpenOptions, type SavedPage } from './openedPage.ts';

/**
 * Opens a page file. A markdown body is converted (Liquid with a static meaning resolved, the rest kept
 * as raw blocks) and then read like a tiptap body; its report says what the conversion did.
 */
export function openPage(codec: BodyCodec, text: string, options: OpenOptions = {}): OpenedPage {
  return openPageWith(importMarkdown, codec, text, options);
}

/** Like `openPage`, with the given markdown importer (used only for a markdown page). */
export function openPageWith(importer: MarkdownImporter, codec: BodyCodec, text: string, options: OpenOptions = {}): OpenedPage {
  const file = readPageFile(text);
  return openPageFile(file, pageVariant(file), importer, codec, options);
}

/**
 * The page file for the edited document and front matter. A page nobody edited comes out byte for
 * byte as it was read; a markdown page is written as a tiptap page.
 */
export function savePage(codec: BodyCodec, opened: OpenedPage, doc: PMNode, file: PageFile = opened.file): SavedPage {
  return savePageWith(setFrontMatterValue, codec, opened, doc, file);
}
