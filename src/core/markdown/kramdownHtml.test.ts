import { beforeAll, describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { BodyCodec } from '../bodyCodec.ts';
import { useJsdom } from '../node/useJsdom.ts';
import { openPage, savePage } from '../pageDocument.ts';
import { readPageFile } from '../pageFile.ts';
import { kramdownMissing, renderWithKramdown } from '../testing/kramdown.ts';
import { markdownToHtml } from './markdownToHtml.ts';
import { KRAMDOWN_RULES as RULES } from './testing/kramdownRules.ts';

const { document } = useJsdom();

/** HTML as a browser reads it, whitespace between tags aside and without kramdown's automatic heading ids. */
function normalized(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const heading of Array.from(template.content.querySelectorAll('h1, h2, h3, h4, h5, h6'))) heading.removeAttribute('id');
  return template.innerHTML.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
}

describe("markdown import reads block HTML as Jekyll's kramdown does", () => {
  let kramdown: string[] = [];
  beforeAll(() => {
    const missing = kramdownMissing();
    if (missing) throw new Error(missing);
    kramdown = renderWithKramdown(RULES.map((r) => r.markdown));
  });

  it.each(RULES.map((r, n) => [r.rule, n] as const))('%s', (_rule, n) => {
    const { markdown, kramdown: expected } = RULES[n]!;
    // The expectation written here is what kramdown makes, and the conversion makes the same.
    expect(normalized(kramdown[n]!)).toBe(normalized(expected));
    expect(normalized(markdownToHtml(markdown).html)).toBe(normalized(expected));
  });

  it('a page with a code sample right after </div> opens with the sample as code, nothing removed', () => {
    const codec = new BodyCodec(blockRegistry);
    const opened = openPage(codec, `---\ntitle: Setup\n---\n${RULES[0]!.markdown}\n`);
    const types = opened.body.doc.content.content.map((node) => node.type.name);
    // The element before the sample is a layout of its own; the sample after it is code.
    expect(types).toEqual(['layoutText', 'codeBlock', 'paragraph']);
    expect(opened.body.doc.child(1).textContent).toBe('<script src="/app.js"></script>\n');
    expect(opened.report.filter((r) => r.kind === 'removed')).toEqual([]);
  });

  it('reports the markdown attribute it read and an element never closed', () => {
    const { report } = markdownToHtml('Intro\n\n<div markdown="1">\n*x*\n</div>\n\n<section>\nopen to the end\n\n*raw*');
    expect(report.map((r) => [r.kind, r.line, r.message])).toEqual([
      ['resolved', 3, 'Left out the markdown="1" attribute and read its content as markdown, as kramdown does.'],
      ['keptRaw', 7, 'This <section> is never closed: kramdown publishes the rest of the page as written, and so it is kept.'],
    ]);
  });

  it('reports each extension, and the options it does not follow', () => {
    const { html, report } = markdownToHtml('{::options parse_block_html="true" /}\n\n{::comment}\nx\n{:/}\n\nText\nand {::nomarkdown}<b>y</b>{:/}');
    expect(html).not.toContain('options');
    expect(report.map((r) => [r.kind, r.line, r.message])).toEqual([
      ['removed', 1, 'Left out kramdown options set in the page ({::options}): the conversion does not follow them.'],
      ['resolved', 3, 'Turned a kramdown comment ({::comment}) into an HTML comment, hidden as before.'],
      ['resolved', 8, 'Kept the content of {::nomarkdown} as raw HTML, as kramdown publishes it.'],
    ]);
  });

  it('counts lines in the markdown after a line is broken at a closing tag', () => {
    const { html, lineMap, report } = markdownToHtml('<div>\none\n</div> [x](javascript:alert(1))\n\nlast');
    expect(report.map((r) => [r.kind, r.line])).toEqual([['removed', 3]]);
    const lines = html.split('\n');
    expect(lines[lineMap.indexOf(3) + 1]).toBe('<p>x</p>');
    expect(lines[lineMap.indexOf(5)]).toBe('<p>last</p>');
  });
});

describe('a link kramdown would publish as script comes out as its text, reported', () => {
  const codec = new BodyCodec(blockRegistry);
  const HOSTILE = [
    '[m](javascript&#58;alert(1))',
    "[m]({{ 'javascript:alert(1)' | relative_url }})",
    '<div>\nx\n</div>\n[m](javascript:alert(4))',
    '<!-- x -->[m](javascript:alert(7))',
    '<p>a</p>\n\n[f]: javascript:alert(6)\n\n[m][f]',
    '[m](<vbscript:msgbox(1)>) ![m](data:text/html,<script>alert(1)</script>)',
    '<span>[m](JaVaScRiPt:alert(2))</span> [m](&#106;avascript:alert(1)) [m](java&#x09;script:alert(1))',
    '[m][r]\n\n[r]: <javascript:alert(1)> "t"',
  ];

  it.each(HOSTILE)('%s', (markdown) => {
    const { html, report } = markdownToHtml(markdown);
    const template = document.createElement('template');
    template.innerHTML = html;
    expect(template.content.querySelectorAll('a, img')).toHaveLength(0);
    expect(template.content.textContent).toContain('m');
    expect(html).not.toMatch(/javascript|vbscript|data:/i);
    expect(report.filter((r) => r.kind === 'removed').length).toBeGreaterThan(0);
  });

  it('the converted page, rendered by kramdown, has no link or image that runs script', () => {
    const missing = kramdownMissing();
    if (missing) throw new Error(missing);
    const bodies = HOSTILE.map((markdown) => {
      const opened = openPage(codec, `---\ntitle: Trail\n---\n${markdown}\n`);
      expect(opened.report.some((r) => r.kind === 'removed')).toBe(true);
      return readPageFile(savePage(codec, opened, opened.body.doc).text).body;
    });
    const rendered = renderWithKramdown(bodies);
    rendered.forEach((html, n) => {
      expect(html, bodies[n]).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data)/i);
      expect(html, bodies[n]).not.toMatch(/&#0*58;|&colon;/i);
    });
  });
});
