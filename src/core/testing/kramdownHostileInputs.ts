import type { HostileInput } from './hostileInputs.ts';

/**
 * Bodies that are harmless HTML to a browser but become script once Jekyll's kramdown renders them:
 * markdown outside block HTML, kramdown's own syntax, and markup kramdown reads otherwise than a
 * browser. Names start with `kramdown:`. The kramdown oracle test renders each one after the codec has
 * read and written it; the hostile e2e spec opens them in the editor like the other hostile inputs.
 */
export const kramdownHostileInputs: HostileInput[] = [
  { name: 'kramdown: image with an attribute list', html: '![i](x){: onerror="alert(9)"}' },
  { name: 'kramdown: options turn on block HTML parsing', html: '{::options parse_block_html="true" /}\n<p>[c](javascript:alert(3))</p>' },
  { name: 'kramdown: top-level link', html: '[a](javascript:alert(1))' },
  { name: 'kramdown: link in a top-level span', html: '<span>[b](javascript:alert(2))</span>' },
  { name: 'kramdown: link after a comment', html: '<!-- x -->[g](javascript:alert(7))' },
  { name: 'kramdown: link on the line after a block', html: '<div>\nx\n</div>\n[d](javascript:alert(4))' },
  { name: 'kramdown: reference definition', html: '<p>a</p>\n\n[f]: javascript:alert(6)\n\n[f]' },
  { name: 'kramdown: link after a closing tag on the same line', html: '<p>q</p>[x](javascript:alert(1))' },
  { name: 'kramdown: entity-encoded scheme in a link', html: '[m](javascript&#58;alert(1))' },
  { name: 'kramdown: Liquid around a javascript link', html: "[m]({{ 'javascript:alert(1)' | relative_url }})" },
  { name: 'kramdown: markdown attribute on a paragraph', html: '<div>\n<p markdown="1">[a](javascript:alert(1))</p>\n</div>' },
  { name: 'kramdown: markdown attribute at the top', html: '<div markdown="1">\n[a](javascript:alert(1))\n</div>' },
  { name: 'kramdown: nomarkdown extension', html: '{::nomarkdown}\n<p>x</p>\n{:/nomarkdown}\n[a](javascript:alert(1))' },
  { name: 'kramdown: comment extension hiding a block end', html: '{::comment}\n\n<div>\n{:/comment}\n[a](javascript:alert(1))\n</div>' },
  { name: 'kramdown: block attribute list with a handler', html: '<p>x</p>\n{: onmouseover="alert(1)"}' },
  { name: 'kramdown: span element at a line start', html: '<em>[a](javascript:alert(1))</em>' },
  { name: 'kramdown: image link at a line start', html: '<a href="/x">[a](javascript:alert(1))</a>' },
  { name: 'kramdown: reference link in a top-level strong', html: '<strong>[a][r]</strong>\n\n[r]: javascript:alert(1)' },
  { name: 'kramdown: autolink-style reference', html: '[r]\n\n[r]: vbscript:msgbox(1)' },
  { name: 'kramdown: data URL link', html: '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'kramdown: list item ending a raw div', html: '- x\n\n  <div>\n\n[a](javascript:alert(1))\n\n</div>' },
  { name: 'kramdown: fenced code ending inside a div', html: '~~~\n\n<div>\n~~~\n[a](javascript:alert(1))\n</div>' },
  { name: 'kramdown: footnote', html: 'x[^1]\n\n[^1]: [a](javascript:alert(1))' },
  { name: 'kramdown: div with an unquoted hyphenated value', html: '<div class=a-b>[x](javascript:alert(1))</div>' },
  { name: 'kramdown: tag hidden in an attribute value', html: "<p title=\"a\"><span title=a/b data-x='<img src=x onerror=\"alert(1)\">'>x</span></p>" },
  { name: 'kramdown: attribute given twice', html: '<div><a href="/ok" href="javascript:alert(1)">x</a></div>' },
  { name: 'kramdown: attribute given twice in another case', html: '<p><a href="/ok" HREF="javascript:alert(1)">x</a></p>' },
  { name: 'kramdown: bogus comment hiding a tag', html: '<div><!x <img src=x onerror="alert(1)">></div>' },
  { name: 'kramdown: processing instruction hiding a tag', html: '<div><?x <img src=x onerror="alert(1)">></div>' },
  { name: 'kramdown: comment split by a blank line', html: 'x <!-- [a](javascript:alert(1))\n\n-->' },
  // (No scheme in the value itself: the editor's own check counts one in any attribute.)
  { name: 'kramdown: attribute value over lines holding a list', html: '<a href="/x" title=\'y\n- ![z](x){: onerror="alert(1)"}\'>q</a>' },
  { name: 'kramdown: indented code hiding nothing', html: '    <p>[a](javascript:alert(1))</p>' },
  { name: 'kramdown: definition list term', html: 'term\n: [a](javascript:alert(1))' },
  { name: 'kramdown: heading with a link', html: '# [a](javascript:alert(1))' },
  { name: 'kramdown: table cell with a link', html: '| a |\n|---|\n| [b](javascript:alert(1)) |' },
  { name: 'kramdown: iframe content in a paragraph', html: 'x <iframe>[a](javascript:alert(1))</iframe>' },
  { name: 'kramdown: plaintext ended by kramdown', html: '<plaintext>\n</plaintext>\n\n[a](javascript:alert(1))' },
  { name: 'kramdown: abbreviation and link', html: '*[HTML]: x\n\nHTML [a](javascript:alert(1))' },
  { name: 'kramdown: setext heading over a div', html: '<div>[a](javascript:alert(1))</div>\n---' },
  { name: 'kramdown: definition followed by a div line', html: 'term\n: x\n<div>[a](javascript:alert(1))</div>' },
  { name: 'kramdown: paragraph followed by an upper-case link line', html: 'x\n<A href="/y">[a](javascript:alert(1))</A>' },
  // kramdown reads a tag here, but writes it back as text a browser reads as text too.
  { name: 'kramdown: tag with a non-ASCII name inside a paragraph', html: '<p><é onmouseover="alert(1)">x</é></p>', nothingToRemove: true },
  { name: 'kramdown: tag with a non-ASCII name at a line start', html: '<é title="[a](javascript:alert(1))">q</é>' },
  { name: 'kramdown: math block', html: '$$\n<div>\n$$\n[a](javascript:alert(1))\n</div>' },
];
