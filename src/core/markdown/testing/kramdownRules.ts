/**
 * Markdown that reads differently in kramdown and CommonMark, one case per rule of kramdown's, with the HTML
 * kramdown makes of it (tests check that against kramdown itself). Our own words, no corpus text.
 */
export const KRAMDOWN_RULES: { rule: string; markdown: string; kramdown: string }[] = [
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
    rule: 'in a quote, text after a closing tag is a paragraph of the same quote',
    markdown: '> <div>Note</div> *Open* daily\n> until 6 pm',
    kramdown: '<blockquote><div>Note</div><p><em>Open</em> daily\nuntil 6 pm</p></blockquote>',
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
