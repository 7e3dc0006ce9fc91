import { describe, expect, it } from 'vitest';
import { respellLike } from './characterSpelling.ts';
import { useJsdom } from './node/useJsdom.ts';

useJsdom();

describe('respellLike', () => {
  it('writes each shared character as the source spelled it', () => {
    const source = '<p>Open&nbsp;daily, it&rsquo;s free, it’s green, it&#8217;s &#x2019;here&#x2019;</p>';
    const fresh = '<p>Open&nbsp;nightly, it’s free, it’s green, it’s ’here’</p>';
    expect(respellLike(fresh, source)).toBe('<p>Open&nbsp;nightly, it&rsquo;s free, it’s green, it&#8217;s &#x2019;here&#x2019;</p>');
  });

  it('keeps a literal no-break space literal where the source had one', () => {
    const source = '<ul>\n<li>9\u00a0am</li>\n<li>5\u00a0pm</li>\n</ul>';
    const fresh = '<ul>\n<li>10&nbsp;am</li>\n<li>5&nbsp;pm</li>\n</ul>';
    expect(respellLike(fresh, source)).toBe('<ul>\n<li>10\u00a0am</li>\n<li>5\u00a0pm</li>\n</ul>');
  });

  it('spells a newly typed character as its text run does, else as the block does', () => {
    const source = '<p>one&rsquo;s</p>\n<p>two’s</p>';
    // A quote typed in each paragraph, and a no-break space nobody wrote before.
    const fresh = '<p>one’s’</p>\n<p>two’s’&nbsp;x</p>';
    expect(respellLike(fresh, source)).toBe('<p>one&rsquo;s&rsquo;</p>\n<p>two’s’&nbsp;x</p>');
  });

  it('never writes markup characters as themselves', () => {
    const source = '<p>A & B < C > D</p>';
    const fresh = '<p>A &amp; B &lt; C &gt; D!</p>';
    expect(respellLike(fresh, source)).toBe(fresh);
  });

  it('touches neither tags nor attributes nor raw text', () => {
    const source = '<p title="it&rsquo;s">it&rsquo;s</p><style>q::before{content:"&rsquo;"}</style>';
    const fresh = '<p title="it’s" class="x">it’s!</p><style>q::before{content:"’"}</style>';
    expect(respellLike(fresh, source)).toBe('<p title="it’s" class="x">it&rsquo;s!</p><style>q::before{content:"’"}</style>');
  });

  it('reads text that only looks like a reference as text', () => {
    const source = '<p>&madeup; and&nbsp;more</p>';
    const fresh = '<p>&amp;madeup; and&nbsp;less</p>';
    expect(respellLike(fresh, source)).toBe(fresh);
  });

  it('keeps the line breaks of a wrapped paragraph, and white space at its edges', () => {
    const source = '<p>\n  First line of\n  the text&nbsp;here<br>\n  next line\n</p>';
    const fresh = '<p>First line of the new text&nbsp;here<br>next line</p>';
    expect(respellLike(fresh, source)).toBe('<p>\n  First line of\n  the new text&nbsp;here<br>\n  next line\n</p>');
  });

  it('keeps white space the editor dropped only where nobody sees it', () => {
    // A space deleted between two words stays deleted.
    expect(respellLike('<p>onetwo</p>', '<p>one two</p>')).toBe('<p>onetwo</p>');
    expect(respellLike('<p><strong>bold</strong></p>', '<p><strong>bold</strong>\n</p>')).toBe('<p><strong>bold</strong>\n</p>');
  });

  it('writes the white space of preformatted text as the editor holds it', () => {
    const source = '<pre><code>a  b\n  c\n</code></pre>';
    expect(respellLike('<pre><code>a b\n  c\n</code></pre>', source)).toBe('<pre><code>a b\n  c\n</code></pre>');
  });

  it('aligns a long block quickly', () => {
    const row = (n: number) => `<tr><td>Row ${n}&nbsp;&ndash; it&rsquo;s\nwrapped</td></tr>\n`;
    const source = `<table><tbody>\n${Array.from({ length: 2000 }, (_, n) => row(n)).join('')}</tbody></table>`;
    const fresh = source.replace(/&nbsp;/g, '\u00a0').replace(/&ndash;/g, '–').replace(/&rsquo;/g, '’').replace(/\n(?=wrapped)/g, ' ').replace('Row 7', 'Line 7');
    const started = performance.now();
    expect(respellLike(fresh, source)).toBe(source.replace('Row 7', 'Line 7'));
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('leaves text it cannot align alone', () => {
    expect(respellLike('<p>Brand new’s</p>', '<p>Old&rsquo;s</p>')).toBe('<p>Brand new&rsquo;s</p>');
    expect(respellLike('<p>x&nbsp;y</p>', '')).toBe('<p>x&nbsp;y</p>');
  });
});

describe('respellLike on tags', () => {
  it('writes a start tag as the source wrote one of the same name and attributes', () => {
    const source = '<p><a class="nav-btn" href="#C1">One</a>\n<a class=\'x\' href="/a?b=1&amp;c=2">Two</a></p>';
    const fresh = '<p><a href="#C1" class="nav-btn">OneX</a>\n<a href="/a?b=1&amp;c=2" class="x">Two</a></p>';
    expect(respellLike(fresh, source)).toBe('<p><a class="nav-btn" href="#C1">OneX</a>\n<a class=\'x\' href="/a?b=1&amp;c=2">Two</a></p>');
  });

  it('keeps the fresh tag when the attributes differ or the source value is ambiguous', () => {
    expect(respellLike('<p><a href="#b" class="c">x</a></p>', '<p><a class="c" href="#a">x</a></p>')).toBe('<p><a href="#b" class="c">x</a></p>');
    // `&amp ` without `;` reads as `& ` in an attribute: not the same spelling to rely on.
    expect(respellLike('<p><a href="?a=&amp;amp b" title="t">x</a></p>', '<p><a title="t" href="?a=&amp b">x</a></p>')).toBe('<p><a href="?a=&amp;amp b" title="t">x</a></p>');
  });
});

describe('respellLike at the end of a block', () => {
  it('does not give a space typed at the end of the text the line break that follows the block', () => {
    const source = '<div class="p"><br><strong>Trail Friends</strong></div>\n  ';
    expect(respellLike('<div class="p"><br><strong>Trail Friends Club</strong></div>', source)).toBe('<div class="p"><br><strong>Trail Friends Club</strong></div>');
  });

  it('keeps layout white space between tags apart from spaces within text', () => {
    // The paragraph's words were deleted: the line break before </div> must not take the spelling of a space between them.
    const source = '<div class="c">\n<p>The park opens</p>\n</div>';
    expect(respellLike('<div class="c">\n<p></p>\n</div>', source)).toBe('<div class="c">\n<p></p>\n</div>');
  });
});
