export { markdownToHtml, type MarkdownOptions, type MarkdownReportItem, type MarkdownResult } from './markdownToHtml.ts';
export { importMarkdown, type ImportedMarkdown } from './importMarkdown.ts';
export { relativeUrl, resolveOutput, scanLiquid, type LiquidRegion, type SiteOptions } from './liquid.ts';
export { readAttributeList, type AttributeList } from './kramdownAttributes.ts';
