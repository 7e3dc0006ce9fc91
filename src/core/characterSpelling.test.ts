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

  it('leaves text it cannot align alone', () => {
    expect(respellLike('<p>Brand new’s</p>', '<p>Old&rsquo;s</p>')).toBe('<p>Brand new&rsquo;s</p>');
    expect(respellLike('<p>x&nbsp;y</p>', '')).toBe('<p>x&nbsp;y</p>');
  });
});
