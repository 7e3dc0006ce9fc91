import type { Node as PMNode } from '@tiptap/pm/model';
import type { BodyCodec, BodyDocument, BodyReportItem } from './bodyCodec.ts';
import type { SiteOptions } from './markdown/liquid.ts';
import type { Removal } from './sanitize.ts';
import { isCertainlyTiptap, splitPageFile, withBody, writePageFile, type PageFile } from './pageFileText.ts';
import { NestedTooDeeply } from './nestingDepth.ts';
import { FullParserNotLoaded, loadFullParser } from './topLevelSegments.ts';

// Opening and saving pages without the markdown importer or the YAML parser loaded: the browser fetches
// markdown-it and liquidjs only for a page that is still markdown, and the YAML parser (`pageFile.ts`)
// after a tiptap page is editable. `pageDocument.ts` adds the synchronous `openPage` and `savePage`.

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

/** Sets one front-matter key: `setFrontMatterValue` of `pageFile.ts`. */
export type FrontMatterSetter = typeof import('./pageFile.ts').setFrontMatterValue;

/** True when the page's body must go through the markdown importer. */
function needsMarkdownImport(format: OpenedPage['format'], file: PageFile): boolean {
  return format === 'markdown' && file.body.trim() !== '';
}

/** A page opened in the browser, maybe before its front matter was parsed. */
export interface OpenedPageInBrowser {
  opened: OpenedPage;
  /**
   * True when the page opened from its front matter text alone (it is certainly tiptap): the file's
   * `frontMatter`, `frontMatterError` and `frontMatterWarnings` are empty until `parsePageFile` of
   * `pageFile.ts` fills them in.
   */
  frontMatterPending: boolean;
}

/**
 * Opens a page in the browser, loading the YAML parser and the markdown importer only when needed: a
 * page that is certainly tiptap opens from its body alone, any other waits for its front matter.
 */
export async function openPageInBrowser(codec: BodyCodec, text: string, options: OpenOptions = {}): Promise<OpenedPageInBrowser> {
  const parts = splitPageFile(text);
  if (isCertainlyTiptap(parts.frontMatterText)) {
    const file: PageFile = { ...parts, frontMatter: null, frontMatterError: null, frontMatterWarnings: [] };
    return { opened: await withFullParserIfNeeded(() => openPageFile(file, 'tiptap', null, codec, options)), frontMatterPending: true };
  }
  const { parsePageFile, pageVariant } = await import('./pageFile.ts');
  const file = parsePageFile(parts);
  const format = pageVariant(file);
  // Converted markdown is not always markup the strict scanner splits: the full parser comes along.
  const importMarkdown = needsMarkdownImport(format, file)
    ? (await Promise.all([import('./markdown/importMarkdown.ts'), loadFullParser()]))[0].importMarkdown
    : null;
  return { opened: await withFullParserIfNeeded(() => openPageFile(file, format, importMarkdown, codec, options)), frontMatterPending: false };
}

/**
 * Runs `open`, and again once the full HTML parser is loaded if the body needed it: most bodies split
 * without it, so a page opens without fetching it.
 */
async function withFullParserIfNeeded<T>(open: () => T): Promise<T> {
  try {
    return open();
  } catch (err) {
    if (!(err instanceof FullParserNotLoaded)) throw err;
    await loadFullParser();
    return open();
  }
}

/** The lines before the body (the front matter and its fences): added to a body's line, the file's line. */
export function bodyStartLineOf(file: PageFile): number {
  return lineCount(file.openingFence + file.frontMatterText + file.closingFence);
}

/**
 * Opens a split and parsed page file as the given format. A markdown body is converted (Liquid with a
 * static meaning resolved, the rest kept as raw blocks) and then read like a tiptap body; its report
 * says what the conversion did.
 */
export function openPageFile(
  file: PageFile,
  format: OpenedPage['format'],
  importMarkdown: MarkdownImporter | null,
  codec: BodyCodec,
  options: OpenOptions,
): OpenedPage {
  const bodyStartLine = bodyStartLineOf(file);
  let body: BodyDocument;
  let bodyReport: BodyReportItem[];
  try {
    if (needsMarkdownImport(format, file)) {
      if (!importMarkdown) throw new Error('The markdown importer is not loaded.');
      ({ body, report: bodyReport } = importMarkdown(codec, file.body, { site: options.site }));
    } else {
      body = codec.importHtml(file.body);
      bodyReport = body.report;
    }
  } catch (err) {
    // Its line counted in the body: counted in the whole file instead.
    throw err instanceof NestedTooDeeply ? err.from(bodyStartLine + 1) : err;
  }
  const report = bodyReport.map((item) => ({ ...item, line: item.line + bodyStartLine }));
  return { file, format, body, report };
}

/**
 * The page file for the edited document and front matter. A page nobody edited comes out byte for
 * byte as it was read; a markdown page is written as a tiptap page (which is where the front-matter
 * setter, and so the YAML parser, is needed).
 */
export function savePageWith(
  setFrontMatterValue: FrontMatterSetter,
  codec: BodyCodec,
  opened: OpenedPage,
  doc: PMNode,
  file: PageFile = opened.file,
): SavedPage {
  const { html, removed } = codec.exportHtml({ ...opened.body, doc });
  let next = withBody(file, html);
  if (opened.format !== 'tiptap' && !next.frontMatterError && !isFrontMatterLayout(next)) next = setFrontMatterValue(next, 'variant', 'tiptap');
  return { text: writePageFile(next), removed };
}

/**
 * The homepage and Contact Us layouts print their front matter and no body: an empty body of theirs
 * stays as it is, so a save changes only the front matter lines that were edited.
 */
function isFrontMatterLayout(file: PageFile): boolean {
  const layout = file.frontMatter?.get('layout');
  return (layout === 'homepage' || layout === 'contact_us') && file.body.trim() === '';
}

function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
