import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import type { MarkdownReportItem } from './markdownToHtml.ts';

interface ScriptLinkEnv {
  report: MarkdownReportItem[];
  lineOf: (parsedLine: number) => number;
}

const SNIPPET_LENGTH = 120;

/**
 * Links and images to addresses that can run script (`javascript:`, `vbscript:`, `data:` other than
 * images, `file:`). CommonMark leaves such a link as its markdown text, which kramdown would still read as
 * a link wherever it meets it; kramdown itself makes the link (`[m](javascript&#58;alert(1))`). Here the
 * link is parsed as kramdown parses it, then a link becomes its text and an image its alt text, reported.
 */
export function scriptLinksAsText(md: MarkdownIt): void {
  const validate = md.validateLink.bind(md);
  // Judged as a browser reads the address kramdown publishes: entities and percent escapes decoded,
  // then the whitespace and control characters a browser skips in a scheme (`java&#x09;script:`) left out.
  // eslint-disable-next-line no-control-regex
  const allowed = (url: string) => validate(url) && validate(md.normalizeLinkText(url).replace(/[\u0000-\u0020\u007f-\u009f]+/g, ''));
  md.validateLink = () => true;
  md.core.ruler.after('inline', 'script_links_as_text', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === 'inline' && token.children) token.children = withoutScriptLinks(state, token, allowed);
    }
  });
}

function withoutScriptLinks(state: StateCore, inline: Token, allowed: (url: string) => boolean): Token[] {
  const env = state.env as ScriptLinkEnv;
  const report = (address: string, message: string) =>
    env.report.push({ kind: 'removed', line: env.lineOf(inline.map?.[0] ?? 0), message, snippet: snip(address) });
  const out: Token[] = [];
  // Per open link: whether it was dropped, so its closing token goes too.
  const dropped: boolean[] = [];
  for (const child of inline.children!) {
    if (child.type === 'link_open') {
      const href = child.attrGet('href') ?? '';
      const drop = !allowed(href);
      dropped.push(drop);
      if (drop) report(href, `Removed the link address "${snip(href)}": it could run script. The link text is kept.`);
      else out.push(child);
    } else if (child.type === 'link_close') {
      if (!dropped.pop()) out.push(child);
    } else if (child.type === 'image' && !allowed(child.attrGet('src') ?? '')) {
      const src = child.attrGet('src') ?? '';
      report(src, `Removed an image whose address "${snip(src)}" could run script. Its description is kept as text.`);
      const text = new state.Token('text', '', 0);
      text.content = child.content;
      out.push(text);
    } else {
      out.push(child);
    }
  }
  return out;
}

function snip(text: string): string {
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}
