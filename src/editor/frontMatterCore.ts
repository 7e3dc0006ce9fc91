import type { Node as PMNode } from '@tiptap/pm/model';
import type { BodyCodec } from '../core/bodyCodec.ts';
import { savePageWith, type OpenedPage, type SavedPage } from '../core/openedPage.ts';
import { setFrontMatterValue, type PageFile } from '../core/pageFile.ts';

/**
 * What needs the YAML parser: reading and changing front matter, and saving. Loaded through
 * `src/store/frontMatterCoreLoader.ts` once the page is editable, so opening a tiptap page does not wait.
 */
export { frontMatterData, parsePageFile, readPageFile, setFrontMatterValue, withFrontMatterText } from '../core/pageFile.ts';

/** `savePage` of `pageDocument.ts`, without the markdown importer that module loads. */
export function savePage(codec: BodyCodec, opened: OpenedPage, doc: PMNode, file: PageFile = opened.file): SavedPage {
  return savePageWith(setFrontMatterValue, codec, opened, doc, file);
}
