import { describe, expect, it } from 'vitest';
import { useJsdom } from '../node/useJsdom.ts';
import { kramdownMissing, renderWithKramdown } from '../testing/kramdown.ts';
import { typeset } from './kramdownTypography.ts';
import { markdownToHtml } from './markdownToHtml.ts';

/**
 * Converted markdown publishes the quotes, dashes and dots Jekyll's kramdown published: the text of
 * each converted body is compared with kramdown's own rendering of the markdown.
 */

const win = useJsdom();

const SAMPLES = [
  `Don't say "hello" -- or --- wait... it's the '80s.`,
  `He said, "'Quoted' words in a larger quote."`,
  `*word*'s "[link](https://example.org/)" 'quoted' and **"bold"**`,
  `line one\n"line two" and 'three'\n'four'`,
  `a&nbsp;b &rsquo; &amp; &quot;x&quot; &#8217; &lt; \\"escaped\\" \\'too\\'`,
  `\`code 'q'\` and ![alt's "text"](/a.png) then "done".`,
  `a <span title="x">it's "in" span</span> 'c' and <div class="x">d</div> "e"`,
  `# Heading's "title" -- here\n\nText << left >> and 5'10" tall.`,
  `| Name's | "Role" |\n|---|---|\n| Jo's -- lead | "Chair"... |`,
  `- one's "item"\n- two -- dash\n\n1. "Numbered"'s\n2. 'single' end'`,
  `"Quote at start", 'another', "x"s, '_under_' and "*em*" and "(paren)" and "..."`,
  `It's "Müller's" café's "naïve" 'élan' — “already curly” ‘too’.`,
];

describe('typeset', () => {
  it('follows kramdown on a few characters', () => {
    expect(typeset(`Don't "go" -- now...`)).toBe('Don’t “go” – now…');
    expect(typeset(`'80s`)).toBe('’80s');
    expect(typeset(`x << y >> z`)).toBe('x «\u00a0y\u00a0» z');
    // After other markup (an emphasis) a quote has no character before it.
    expect(typeset(`'s`, '', '')).toBe('’s');
  });
});

describe('converted markdown and kramdown', () => {
  const missing = kramdownMissing();

  it('publishes the same text, typographic characters included', () => {
    if (missing) throw new Error(missing);
    const published = renderWithKramdown(SAMPLES);
    const text = (html: string) => {
      const el = win.document.createElement('div');
      el.innerHTML = html;
      return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    SAMPLES.forEach((markdown, index) => {
      expect(text(markdownToHtml(markdown).html), markdown).toBe(text(published[index]!));
    });
  });

  it('keeps characters as characters, as kramdown publishes them', () => {
    const { html } = markdownToHtml(`It's&nbsp;here &rsquo;`);
    expect(html).toBe('<p>It’s\u00a0here ’</p>\n');
  });

  it('leaves quotes in markup kramdown reads as text, and in code, as written', () => {
    const { html } = markdownToHtml(`a <div class="x">b</div> and \`'c'\``);
    expect(html).toContain('&lt;div class=&quot;x&quot;&gt;');
    expect(html).toContain("<code>'c'</code>");
  });
});
