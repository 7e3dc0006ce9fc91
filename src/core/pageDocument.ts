import type { Node as PMNode } from '@tiptap/pm/model';
import type { BodyCodec, BodyDocument, BodyReportItem } from './bodyCodec.ts';
import { importMarkdown } from './markdown/importMarkdown.ts';
import type { SiteOptions } from './markdown/liquid.ts';
import type { Removal } from './sanitize.ts';
import { pageVariant, readPageFile, setFrontMatterValue, withBody, writePageFile, type PageFile } from './pageFile.ts';

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

/**
 * Opens a page file. A markdown body is converted (Liquid with a static meaning resolved, the rest kept
 * as raw blocks) and then read like a tiptap body; its report says what the conversion did.
 */
export function openPage(codec: BodyCodec, text: string, options: OpenOptions = {}): OpenedPage {
  const file = readPageFile(text);
  const format = pageVariant(file);
  const bodyStartLine = lineCount(file.openingFence + file.frontMatterText + file.closingFence);
  let body: BodyDocument;
  let bodyReport: BodyReportItem[];
  if (format === 'markdown' && file.body.trim() !== '') {
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
