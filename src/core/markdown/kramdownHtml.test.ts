import { beforeAll, describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { BodyCodec } from '../bodyCodec.ts';
import { useJsdom } from '../node/useJsdom.ts';
import { openPage, savePage } from '../pageDocument.ts';
import { readPageFile } from '../pageFile.ts';
import { kramdownMissing, renderWithKramdown } from '../testing/kramdown.ts';
import { markdownToHtml } from './markdownToHtml.ts';

const { document } = useJsdom();

/** HTML as a browser reads it, whitespace between tags aside and without kramdown's automatic heading ids. */
function normalized(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const heading of Array.from(template.content.querySelectorAll('h1, h2, h3, h4, h5, h6'))) heading.removeAttribute('id');
  return template.innerHTML.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
}

/** Each rule: markdown and, where it helps to read, the HTML kramdown makes of it (checked against kramdown too). */
const RULES: { rule: string; markdown: string; kramdown: string }[] = [
  {
    rule: 'a block element ends at its closing tag; a fenced code sample on the next line is code',
    markdown: '<div class="note">\nRead first.\n</div>\n```html\n<script src="/app.js"></script>\n```\nThen start.',
    kramdown: '<div class="note">\nRead first.\n</div>\n<pre><code class="language-html">&lt;script src="/app.js"&gt;&lt;/script&gt;\n</code></pre>\n<p>Then start.</p>',
  },
  {
    rule: 'text after a closing tag, on the same line, is a paragraph of markdown',
    markdown: '<div><p>Opening hours</p>\n</div> from *9 am*\ndaily',
    kramdown: '<div><p>Opening hours</p>\n</div>\n<p>from <em>9 am</em>\ndaily</p>',
  },
  {
    rule: 'blank lines and nested elements of the same name stay inside the block',
    markdown: '<div class="row">\n<div class="col">\n\n## Not a heading\n\n</div>\n</div>\n- a list',
    kramdown: '<div class="row">\n<div class="col">\n\n## Not a heading\n\n</div>\n</div>\n<ul><li>a list</li></ul>',
  },
  {
    rule: 'content of block HTML is raw, markdown left as written',
    markdown: '<section>\n*not emphasis* and [not a link](/x)\n</section>\n*emphasis*',
    kramdown: '<section>\n*not emphasis* and [not a link](/x)\n</section>\n<p><em>emphasis</em></p>',
  },
  {
    rule: 'markdown="1" on a block element: its content is markdown blocks; the attribute is not written',
    markdown: '<div class="box" markdown="1">\n## Fees\n\n*Free* entry\n</div>\nafter',
    kramdown: '<div class="box"><h2>Fees</h2><p><em>Free</em> entry</p></div><p>after</p>',
  },
  {
    rule: 'markdown="1" on p and markdown="span": markdown text; markdown="0": raw',
    markdown: '<p markdown="1">*Free* entry</p>\n<h3 markdown="span">**Fees**</h3>\n<div markdown="0">\n*raw*\n</div>',
    kramdown: '<p><em>Free</em> entry</p>\n<h3><strong>Fees</strong></h3>\n<div>\n*raw*\n</div>',
  },
  {
    rule: 'span-level HTML at the start of a line starts a paragraph',
    markdown: '<span class="tag">\nNew *trail*\n</span>\n\n<img src="/images/trail.png" alt="Trail">',
    kramdown: '<p><span class="tag">\nNew <em>trail</em>\n</span></p>\n<p><img src="/images/trail.png" alt="Trail"></p>',
  },
  {
    rule: 'a block element ends a paragraph; script, span elements and comments do not',
    markdown: 'Intro\n<div>Box</div>\nmore\n<script>track()</script>\n<!-- note -->\nend',
    kramdown: '<p>Intro</p>\n<div>Box</div>\n<p>more\n<script>track()</script>\n<!-- note -->\nend</p>',
  },
  {
    rule: 'a comment at a line start is a block; the rest of its line is markdown; indented, it is paragraph text',
    markdown: '<!-- updated\nin May -->  *Open* daily\n\n  <!-- aside --> text',
    kramdown: '<!-- updated\nin May -->\n<p><em>Open</em> daily</p>\n<p><!-- aside --> text</p>',
  },
  {
    rule: 'inside a paragraph, block tags and closing tags that close nothing are text',
    markdown: 'Call <div>us</div> now </span> <b>*today*</b> <?php echo 1 ?>',
    kramdown: '<p>Call &lt;div&gt;us&lt;/div&gt; now &lt;/span&gt; <b><em>today</em></b> &lt;?php echo 1 ?&gt;</p>',
  },
  {
    rule: 'script and style hold text up to their own closing tag',
    markdown: '<div>\n<script>\nvar s = "</div>";\n</script>\n</div>\n*after*',
    kramdown: '<div>\n<script>\nvar s = "</div>";\n</script>\n</div>\n<p><em>after</em></p>',
  },
  {
    rule: 'a tag kramdown cannot read (an unquoted value that is not a word) is text',
    markdown: '<div class=a-b>\nx\n</div>\n*y*',
    kramdown: '<p>&lt;div class=a-b&gt;\nx\n&lt;/div&gt;\n<em>y</em></p>',
  },
  {
    rule: 'a block element ends a list and a quote',
    markdown: '- item\n<div>box</div>\n> quote\n<div>box</div>',
    kramdown: '<ul><li>item</li></ul><div>box</div><blockquote><p>quote</p></blockquote><div>box</div>',
  },
  {
    rule: 'kramdown extensions: a comment stays hidden, nomarkdown content is published as written',
    markdown: '{::comment}\nDraft *note*\n{:/comment}\n\n{::nomarkdown}\n<b>*as written*</b>\n{:/}\n\nOpen {::comment}not shown{:/} daily {::nomarkdown}<i>*z*</i>{:/}.',
    kramdown: '<!-- Draft *note* -->\n<b>*as written*</b>\n<p>Open <!-- not shown --> daily <i>*z*</i>.</p>',
  },
  {
    rule: 'an extension without its closing mark, or of a name kramdown does not know, is text',
    markdown: '{::comment}\nnever closed\n\n{::note}\nx\n{:/note}',
    kramdown: '<p>{::comment}\nnever closed</p>\n<p>{::note}\nx\n{:/note}</p>',
  },
];

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
