import type { BodyCodec } from '../core/bodyCodec.ts';
import { openPage, savePage, type OpenOptions } from '../core/pageDocument.ts';
import { frontMatterSafetyIssues } from '../core/frontMatterSchema.ts';
import { frontMatterData, readPageFile } from '../core/pageFile.ts';

export interface ReportSnippet {
  line: number;
  snippet: string;
  message: string;
}

/** What converting one page did, as the report JSON holds it. */
export interface PageConversion {
  path: string;
  status: 'converted' | 'unchanged' | 'failed';
  warnings: string[];
  removed: ReportSnippet[];
  keptRaw: ReportSnippet[];
  /** What a markdown conversion rewrote to what it means (Liquid such as `relative_url`, attribute lists). */
  resolved: ReportSnippet[];
  /** The text to write; null when the page failed. */
  output: string | null;
}

/**
 * Converts one page file's text to a tiptap page (markdown bodies included). `options.site` holds the
 * site's `baseurl` and `url` when the page belongs to a site. Never throws: a failure is a status.
 */
export function convertPageText(codec: BodyCodec, path: string, text: string, options: OpenOptions = {}): PageConversion {
  const result: PageConversion = { path, status: 'unchanged', warnings: [], removed: [], keptRaw: [], resolved: [], output: text };
  try {
    const file = readPageFile(text);
    if (file.frontMatterError) {
      const { message, line, column } = file.frontMatterError;
      result.warnings.push(`The page settings do not parse (line ${line}, column ${column}): ${message} They were kept as written.`);
    }
    for (const w of file.frontMatterWarnings) result.warnings.push(`Line ${w.line}: ${w.message}`);
    // Layouts print the settings as they are: a page whose settings could run script is not written.
    const unsafe = file.hasFrontMatter && !file.frontMatterError ? frontMatterSafetyIssues(frontMatterData(file)).filter((i) => i.severity === 'error') : [];
    if (unsafe.length > 0) {
      result.status = 'failed';
      result.output = null;
      for (const issue of unsafe) result.warnings.push(`Not written: the page setting "${issue.key}" is unsafe. ${issue.message}`);
      return result;
    }

    const opened = openPage(codec, text, options);
    const saved = savePage(codec, opened, opened.body.doc);
    for (const item of opened.report) {
      const entry = { line: item.line, snippet: item.snippet, message: item.message };
      if (item.kind === 'removed') result.removed.push(entry);
      else if (item.kind === 'keptRaw') result.keptRaw.push(entry);
      else if (item.kind === 'resolved') result.resolved.push(entry);
      else result.warnings.push(`Line ${item.line}: ${item.message}`);
    }
    result.output = saved.text;
    result.status = saved.text === text ? 'unchanged' : 'converted';
  } catch (error) {
    result.status = 'failed';
    result.output = null;
    result.warnings.push(error instanceof Error ? error.message : String(error));
  }
  return result;
}
