import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { BLOCK_ELEMENTS, readCloseTag, readStartTag } from './kramdownHtml.ts';
import { markWrittenAsIs } from './kramdownTypography.ts';

/**
 * HTML inside a paragraph as kramdown reads it: span elements and comments are markup; the tag of a block
 * element (`<div>`), a closing tag that closes nothing open in the paragraph, a tag kramdown cannot read
 * (`<div class=a-b>`) and a processing instruction (`<?php … ?>`) are text, published as written.
 */
export function kramdownSpanHtml(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'kramdown_span_html', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === 'inline' && token.children?.some((child) => child.type === 'html_inline')) spanHtml(token.children);
    }
  });
}

function spanHtml(children: Token[]): void {
  const open: string[] = [];
  const asText = (token: Token) => {
    token.type = 'text';
    // Published as written: no curly quotes in its attributes.
    markWrittenAsIs(token);
  };
  for (const token of children) {
    if (token.type !== 'html_inline' || (token.meta as { kramdownRaw?: boolean } | null)?.kramdownRaw) continue;
    const html = token.content;
    if (html.startsWith('<!--')) continue;
    const close = readCloseTag(html, 0);
    if (close) {
      // kramdown reads an element's content up to its own closing tag: any other closing tag is text.
      if (open[open.length - 1] === close.name.toLowerCase()) open.pop();
      else asText(token);
      continue;
    }
    const start = readStartTag(html, 0);
    if (!start || start.end !== html.length || BLOCK_ELEMENTS.has(start.name.toLowerCase())) {
      asText(token);
      continue;
    }
    if (!start.closed) open.push(start.name.toLowerCase());
  }
}
