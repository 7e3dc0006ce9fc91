import type { BodyCodec } from '../core/bodyCodec.ts';
import { measureEditable, type EditableMeasure } from '../core/editableMeasure.ts';
import { openPage, type OpenOptions } from '../core/pageDocument.ts';

export interface PageEditable extends EditableMeasure {
  path: string;
}

export interface EditableTotals extends EditableMeasure {
  pages: number;
  /** Pages with any body text. */
  bodyPages: number;
  /** Body pages with no raw block holding text. */
  fullyVisualPages: number;
  /** Share of the body text in visual blocks, in percent (100 when there is no text). */
  visualTextPercent: number;
  /** Share of the body pages that are fully visual, in percent (100 when there are none). */
  fullyVisualPercent: number;
}

export interface EditableReport {
  pages: PageEditable[];
  totals: EditableTotals;
}

/** The measure of one page file as the editor opens it (a markdown body after conversion). */
export function measurePageText(codec: BodyCodec, path: string, text: string, options: OpenOptions = {}): PageEditable {
  const opened = openPage(codec, text, options);
  return { path, ...measureEditable(opened.body.doc) };
}

export function editableTotals(pages: readonly PageEditable[]): EditableTotals {
  const sum = (pick: (page: PageEditable) => number) => pages.reduce((total, page) => total + pick(page), 0);
  const bodyPages = pages.filter((page) => page.bodyTextChars > 0);
  const fullyVisualPages = bodyPages.filter((page) => page.rawTextChars === 0).length;
  const bodyTextChars = sum((page) => page.bodyTextChars);
  const rawTextChars = sum((page) => page.rawTextChars);
  return {
    pages: pages.length,
    bodyPages: bodyPages.length,
    fullyVisualPages,
    bodyTextChars,
    rawTextChars,
    rawBlocks: sum((page) => page.rawBlocks),
    visualTextPercent: percent(bodyTextChars - rawTextChars, bodyTextChars),
    fullyVisualPercent: percent(fullyVisualPages, bodyPages.length),
  };
}

/** The report as `check --editable` prints it: a line per page, then the totals. */
export function formatEditableReport(report: EditableReport): string {
  const lines = report.pages.map((page) => {
    const visual = page.bodyTextChars - page.rawTextChars;
    const raw = page.rawBlocks > 0 ? `, ${page.rawTextChars} in ${page.rawBlocks} raw HTML block${page.rawBlocks === 1 ? '' : 's'}` : '';
    return `${page.path}: ${page.bodyTextChars} characters of body text, ${visual} visual (${percent(visual, page.bodyTextChars)}%)${raw}`;
  });
  const t = report.totals;
  lines.push(
    `Total: ${t.bodyTextChars} characters of body text, ${t.bodyTextChars - t.rawTextChars} visual (${t.visualTextPercent}%), ${t.rawTextChars} in ${t.rawBlocks} raw HTML blocks`,
    `Pages: ${t.fullyVisualPages} of ${t.bodyPages} pages with body text fully visual (${t.fullyVisualPercent}%); ${t.pages} pages read`,
  );
  return `${lines.join('\n')}\n`;
}

/** A percentage with one decimal, rounded down so that 99.96% never shows as 100%. */
function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part / whole) * 1000) / 10;
}
