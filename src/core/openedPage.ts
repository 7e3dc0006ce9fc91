import type { Node as PMNode } from '@tiptap/pm/model';
import type { BodyCodec, BodyDocument, BodyReportItem } from './bodyCodec.ts';
import type { SiteOptions } from './markdown/liquid.ts';
import type { Removal } from './sanitize.ts';
import { pageVariant, readPageFile, setFrontMatterValue, withBody, writePageFile, type PageFile } from './pageFile.ts';

// Opening and saving pages without the markdown importer loaded: the browser fetches markdown-it and
// liquidjs only for a page that is still markdown. `pageDocument.ts` adds the synchronous `openPage`.

/** A page file opened for editing: its file parts and its body as a document. */
export interface OpenedPage {
  file: PageFile;
  /** The body format on disk. Saving always writes a tiptap page. */
  format: 'tiptap' | 'markdown';
  body: BodyDocument;
  /** Everything the import did that the user should know, with lines counted in the whole file. */
  report: BodyReportItem[];
}

export interface SavedPage {
  text: string;
  removed: Removal[];
}

export interface OpenOptions {
  /** The site the page belongs to (from its `_config.yml`), to resolve Liquid such as `relative_url`. */
  site?: SiteOptions;
}

/** Converts a markdown body: `importMarkdown` of `markdown/importMarkdown.ts`. */
export type MarkdownImporter = typeof import('./markdown/importMarkdown.ts').importMarkdown;

/** True when the page's body must go through the markdown importer. */
function needsMarkdownImport(file: PageFile): boolean {
  return pageVariant(file) === 'markdown' && file.body.trim() !== '';
}

/**
 * Opens a page file with the given markdown importer. A markdown body is converted (Liquid with a
 * static meaning resolved, the rest kept as raw blocks) and then read like a tiptap body; its report
 * says what the conversion did.
 */
export function openPageWith(importMarkdown: MarkdownImporter, codec: BodyCodec, text: string, options: OpenOptions = {}): OpenedPage {
  return openPageFile(readPageFile(text), importMarkdown, codec, options);
}

/** Like `openPageWith`, loading the markdown importer only when the page needs it. */
export async function openPageLoadingMarkdown(codec: BodyCodec, text: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const file = readPageFile(text);
  const importMarkdown = needsMarkdownImport(file) ? (await import('./markdown/importMarkdown.ts')).importMarkdown : null;
  return openPageFile(file, importMarkdown, codec, options);
}

function openPageFile(file: PageFile, importMarkdown: MarkdownImporter | null, codec: BodyCodec, options: OpenOptions): OpenedPage {
  const format = pageVariant(file);
  const bodyStartLine = lineCount(file.openingFence + file.frontMatterText + file.closingFence);
  let body: BodyDocument;
  let bodyReport: BodyReportItem[];
  if (needsMarkdownImport(file)) {
    if (!importMarkdown) throw new Error('The markdown importer is not loaded.');
    ({ body, report: bodyReport } = importMarkdown(codec, file.body, { site: options.site }));
  } else {
    body = codec.importHtml(file.body);
    bodyReport = body.report;
  }
  const report = bodyReport.map((item) => ({ ...item, line: item.line + bodyStartLine }));
  return { file, format, body, report };
}

/**
 * The page file for the edited document and front matter. A page nobody edited comes out byte for
 * byte as it was read; a markdown page is written as a tiptap page.
 */
export function savePage(codec: BodyCodec, opened: OpenedPage, doc: PMNode, file: PageFile = opened.file): SavedPage {
  const { html, removed } = codec.exportHtml({ ...opened.body, doc });
  let next = withBody(file, html);
  if (opened.format !== 'tiptap' && !next.frontMatterError) next = setFrontMatterValue(next, 'variant', 'tiptap');
  return { text: writePageFile(next), removed };
}

function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
