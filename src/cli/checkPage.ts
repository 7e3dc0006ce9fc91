import type { BodyCodec } from '../core/bodyCodec.ts';
import { checkFrontMatter, type PageKind } from '../core/frontMatterSchema.ts';
import { NestedTooDeeply } from '../core/nestingDepth.ts';
import { openPage, type OpenedPage } from '../core/pageDocument.ts';
import { frontMatterData, pageVariant, readPageFile } from '../core/pageFile.ts';

export interface PageProblem {
  severity: 'error' | 'warning';
  message: string;
  line?: number;
}

/** The kind of page a site path is, which decides the front matter rules. */
export function pageKindOf(path: string, layout: unknown): PageKind {
  if (layout === 'homepage') return 'homepage';
  if (/(^|\/)_posts\//.test(path)) return 'resource-post';
  if (/^_[^/]+\//.test(path)) return 'collection-page';
  return 'page';
}

/** Every problem of one page file: front matter that does not parse or break the rules, and body markup. */
export function checkPageText(codec: BodyCodec, path: string, text: string): PageProblem[] {
  const problems: PageProblem[] = [];
  const file = readPageFile(text);
  if (file.frontMatterError) {
    problems.push({ severity: 'error', line: file.frontMatterError.line, message: `The page settings do not parse: ${file.frontMatterError.message}` });
  }
  for (const w of file.frontMatterWarnings) problems.push({ severity: 'warning', line: w.line, message: w.message });
  if (file.hasFrontMatter && !file.frontMatterError) {
    const data = frontMatterData(file);
    const result = checkFrontMatter(data, { kind: pageKindOf(path, data['layout']) });
    for (const issue of [...result.errors, ...result.warnings]) {
      problems.push({ severity: issue.severity, message: `${issue.key}: ${issue.message}` });
    }
  }
  if (pageVariant(file) === 'tiptap') {
    let opened: OpenedPage;
    try {
      opened = openPage(codec, text);
    } catch (err) {
      if (!(err instanceof NestedTooDeeply)) throw err;
      problems.push({ severity: 'error', message: err.message });
      return problems;
    }
    for (const item of opened.report) {
      if (item.kind === 'removed') problems.push({ severity: 'error', line: item.line, message: `${item.message} ${item.snippet}` });
    }
  }
  return problems;
}
