import { describe, expect, it } from 'vitest';
import { useJsdom } from '../node/useJsdom.ts';
import { relativeUrl, resolveOutput, scanLiquid } from './liquid.ts';
import { markdownToHtml, rawBlock } from './markdownToHtml.ts';
import { readAttributeList } from './kramdownAttributes.ts';

// jsdom's document, for queries in these tests.
const { document } = useJsdom();

const convert = (markdown: string, baseurl?: string) => markdownToHtml(markdown, baseurl === undefined ? {} : { site: { baseurl } });
const fragment = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
};

describe('Liquid with a static meaning is resolved before parsing', () => {
  it('absolute_url and relative_url give site-relative paths with the base URL', () => {
    const { html, report } = convert('See [the map]({{ "/files/map.pdf" | absolute_url }}).\n\n![Pier]({{- "/images/pier.png" | relative_url -}})', '/parks');
    expect(html).toContain('<a href="/parks/files/map.pdf">the map</a>');
    expect(html).toContain('<img src="/parks/images/pier.png" alt="Pier">');
    expect(report.filter((r) => r.kind === 'resolved').map((r) => [r.line, r.snippet])).toEqual([
      [1, '{{ "/files/map.pdf" | absolute_url }}'],
      [3, '{{- "/images/pier.png" | relative_url -}}'],
    ]);
  });

  it('site.baseurl and site.url, with the default base URL ""', () => {
    const { html } = convert('[Permits]({{site.baseurl}}/permits/) and [home]({{ site.url }}{{ site.baseurl }}/)');
    expect(html).toBe('<p><a href="/permits/">Permits</a> and <a href="/">home</a></p>\n');
    expect(convert('[Permits]({{site.baseurl}}/permits/)', '/sub').html).toContain('href="/sub/permits/"');
  });

  it('percent-encodes spaces as Jekyll does, so a link keeps working', () => {
    const { html } = convert('[Guide]({{- "/files/Trail Guide & Map.pdf" | absolute_url -}}) and [B]({{"/files/Annex B.pdf"}})');
    expect(html).toContain('href="/files/Trail%20Guide%20&amp;%20Map.pdf"');
    expect(html).toContain('href="/files/Annex%20B.pdf"');
  });

  it('resolves inside raw HTML attributes too', () => {
    const { html } = convert('<div class="logo"><img src="{{ "/images/logo.svg" | absolute_url }}" alt="Logo"></div>');
    expect(html).toContain('<img src="/images/logo.svg" alt="Logo">');
  });

  it('leaves absolute addresses alone and knows only the URL filters', () => {
    expect(relativeUrl('https://example.org/x', '/base')).toBe('https://example.org/x');
    expect(relativeUrl('files/a b.pdf', '/base/')).toBe('/base/files/a%20b.pdf');
    expect(relativeUrl('/already%20encoded', '')).toBe('/already%20encoded');
    expect(resolveOutput('"/x" | append: "y"', {})).toBeNull();
    expect(resolveOutput('page.url | relative_url', {})).toBeNull();
    expect(resolveOutput('site.title', {})).toBeNull();
    expect(resolveOutput('site.baseurl', { baseurl: '/b' })).toEqual({ value: '/b', what: 'site.baseurl' });
  });
});

describe('other Liquid is kept verbatim', () => {
  it('a loop on lines of its own becomes a raw block holding it exactly', () => {
    const loop = '{% for ranger in site.data.rangers %}\n* **{{ ranger.name }}** ({{ ranger.park | upcase }})\n{% endfor %}';
    const { html, report } = convert(`## Rangers\n\n${loop}\n\nCall us any day.`);
    expect(html).toBe(`<h2>Rangers</h2>\n${rawBlock(loop)}\n<p>Call us any day.</p>\n`);
    const raw = fragment(html).querySelector('[data-raw-html]')!;
    expect(raw.getAttribute('data-raw-html')).toBe(loop);
    expect(report).toEqual([
      { kind: 'keptRaw', line: 3, message: 'Kept the Liquid {% for %}…{% endfor %} block as written, as a raw block.', snippet: expect.stringContaining('{% for ranger') },
    ]);
  });

  it('comments, raw sections, includes and unknown outputs standing alone', () => {
    const source = [
      '{%- comment -%}',
      'Edit _data/notices.yml, not this page.',
      '{%- endcomment -%}',
      'Intro text.',
      '{% include notice.html kind="info" %}',
      '{% raw %}{{ not liquid }}{% endraw %}',
      '{{ page.last_updated | date: "%d %B %Y" }}',
    ].join('\n');
    const { html, report } = convert(source);
    const raws = Array.from(fragment(html).querySelectorAll('[data-raw-html]')).map((el) => el.getAttribute('data-raw-html'));
    expect(raws).toEqual([
      '{%- comment -%}\nEdit _data/notices.yml, not this page.\n{%- endcomment -%}',
      '{% include notice.html kind="info" %}',
      '{% raw %}{{ not liquid }}{% endraw %}',
      '{{ page.last_updated | date: "%d %B %Y" }}',
    ]);
    expect(html).toContain('<p>Intro text.</p>');
    expect(report.map((r) => [r.kind, r.line])).toEqual([
      ['keptRaw', 1],
      ['keptRaw', 5],
      ['keptRaw', 6],
      ['keptRaw', 7],
    ]);
  });

  it('Liquid inside a paragraph stays as its literal text', () => {
    const { html, report } = convert('Open {% if site.summer %}until 9 pm{% endif %} daily, says {{ page.author | default: "the board" }}.');
    expect(html).toBe('<p>Open {% if site.summer %}until 9 pm{% endif %} daily, says {{ page.author | default: &quot;the board&quot; }}.</p>\n');
    expect(report.map((r) => [r.kind, r.message])).toEqual([
      ['keptRaw', 'Kept the Liquid {% if %}…{% endif %} block as written, as text.'],
      ['keptRaw', 'Kept the Liquid {{ page.author | default: "the board" }} as written, as text.'],
    ]);
  });

  it('Liquid inside raw HTML stays in that HTML, in place', () => {
    const source = '<ul class="parks">\n  {% for park in site.data.parks %}\n  <li><a href="{{ park.url }}">{{ park.name }}</a></li>\n  {% endfor %}\n</ul>';
    const { html, report } = convert(source);
    expect(html).toBe(source);
    expect(report[0]!.message).toBe('Kept the Liquid {% for %}…{% endfor %} block as written, inside the HTML around it.');
  });

  it('Liquid indented four spaces is not taken for code', () => {
    const { html } = convert('Text\n\n    {% include map.html %}\n\nMore');
    expect(fragment(html).querySelector('[data-raw-html]')!.getAttribute('data-raw-html')).toBe('{% include map.html %}');
    expect(html).not.toContain('<pre>');
  });

  it('in code, Liquid is code text', () => {
    const { html } = convert('```liquid\n{% for x in list %}\n{{ x | escape }}\n{% endfor %}\n```');
    expect(html).toBe('<pre><code class="language-liquid">{% for x in list %}\n{{ x | escape }}\n{% endfor %}\n</code></pre>\n');
  });

  it('a filter pipe in a table cell does not split the cell', () => {
    const { html } = convert('| Name | Value |\n|---|---|\n| title | {{ page.title | upcase }} |');
    const cells = Array.from(fragment(html).querySelectorAll('td')).map((td) => td.textContent);
    expect(cells).toEqual(['title', '{{ page.title | upcase }}']);
  });

  it('an unclosed tag is left as text and reported', () => {
    const { html, report } = convert('[Home]({{ site.baseurl }}/)\n\nBraces {{ like this');
    expect(html).toBe('<p><a href="/">Home</a></p>\n<p>Braces {{ like this</p>\n');
    expect(report.map((r) => [r.kind, r.line])).toEqual([
      ['resolved', 1],
      ['keptRaw', 3],
    ]);
  });

  it('many openers that never close take one pass, not one scan each', () => {
    const source = 'Prices {{ vary, see {% if a %}x{% endif %} below\n'.repeat(5000);
    const started = Date.now();
    const regions = scanLiquid(source);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(regions.filter((r) => r.kind === 'unclosed')).toHaveLength(5000);
    expect(regions.filter((r) => r.kind === 'kept')).toHaveLength(5000);
  });

  it('finds regions with exact offsets, nested blocks through their own end', () => {
    const source = 'a {% if x %}{% if y %}b{% endif %}{% endif %} c {{ site.baseurl }}';
    const regions = scanLiquid(source, { baseurl: '/b' });
    expect(regions.map((r) => [r.kind, source.slice(r.start, r.end)])).toEqual([
      ['kept', '{% if x %}{% if y %}b{% endif %}{% endif %}'],
      ['resolved', '{{ site.baseurl }}'],
    ]);
  });

  it('counts report lines in the markdown after multi-line Liquid', () => {
    const { report } = convert('{% comment %}\none\ntwo\n{% endcomment %}\n\n[Out](https://example.org/){:target="_blank"}');
    expect(report.map((r) => [r.kind, r.line])).toEqual([
      ['keptRaw', 1],
      ['resolved', 6],
    ]);
  });
});

describe('kramdown attribute lists', () => {
  it('apply to the link before them and leave the text', () => {
    const { html, report } = convert('Read the [rules](https://example.org/rules){:target="_blank"} first.');
    expect(html).toBe('<p>Read the <a href="https://example.org/rules" target="_blank" rel="noopener noreferrer">rules</a> first.</p>\n');
    expect(report).toEqual([
      {
        kind: 'resolved',
        line: 1,
        message: 'Applied the kramdown attribute list to the link before it (target="_blank" rel="noopener noreferrer").',
        snippet: '{:target="_blank"}',
      },
    ]);
  });

  it('with a space, other pairs, classes and ids; on images too', () => {
    const { html } = convert('[a](/a){: target="_blank" title="Opens a new tab"} [b](/b){:.button #go data-kind=\'x\'} ![c](/c.png){: width="50%"}');
    expect(html).toBe(
      '<p><a href="/a" target="_blank" title="Opens a new tab" rel="noopener noreferrer">a</a> ' +
        '<a href="/b" class="button" id="go" data-kind="x">b</a> <img src="/c.png" alt="c" width="50%"></p>\n',
    );
  });

  it('two on one line, with underscores, do not make emphasis', () => {
    const { html } = convert('[a](/a){:target="_blank"} and [b](/b){:target="_blank"}');
    expect(html).toBe('<p><a href="/a" target="_blank" rel="noopener noreferrer">a</a> and <a href="/b" target="_blank" rel="noopener noreferrer">b</a></p>\n');
  });

  it('a list on the line after a paragraph applies to it; after a heading, to the heading', () => {
    expect(convert('Mind the tide.\n{: .warning}').html).toBe('<p class="warning">Mind the tide.</p>\n');
    expect(convert('## Hours\n{: #hours}\n\nText').html).toBe('<h2 id="hours">Hours</h2>\n<p>Text</p>\n');
    expect(convert('{: .lead}\nFirst words.').html).toContain('<p class="lead">');
  });

  it('what cannot apply is dropped and reported', () => {
    const blockTarget = convert('A paragraph.\n{:target="_blank"}');
    expect(blockTarget.html).toBe('<p>A paragraph.</p>\n');
    expect(blockTarget.report).toEqual([
      { kind: 'removed', line: 2, message: 'Dropped target from a kramdown attribute list: it has no meaning on a <p>.', snippet: '{:target="_blank"}' },
    ]);
    const nothing = convert('<div>html</div>\n\n{: .orphan}');
    expect(nothing.html).toBe('<div>html</div>\n');
    expect(nothing.report.map((r) => r.kind)).toEqual(['removed']);
  });

  it('text that only looks like a list stays', () => {
    expect(convert('Set {:a} in the config.').html).toBe('<p>Set {:a} in the config.</p>\n');
    expect(readAttributeList('{::nomarkdown}')).toBeNull();
    expect(readAttributeList('{: .a #b c="d" e}')).toEqual({ text: '{: .a #b c="d" e}', attributes: [['class', 'a'], ['id', 'b'], ['c', 'd']], references: ['e'] });
  });
});

describe('markdown and raw HTML', () => {
  it('headings up to h6, with raw HTML inside', () => {
    const { html } = convert('# One\n## Two\n### Three\n#### Four\n##### Five\n###### <center>Six, centred</center>');
    expect(html).toBe('<h1>One</h1>\n<h2>Two</h2>\n<h3>Three</h3>\n<h4>Four</h4>\n<h5>Five</h5>\n<h6><center>Six, centred</center></h6>\n');
  });

  it('fenced code with its language, quotes, lists', () => {
    const { html } = convert('```yaml\nopen: true\n```\n\n> Leave no trace.\n\n- Water\n- Hat\n\n1. Park\n2. Walk');
    expect(html).toBe(
      '<pre><code class="language-yaml">open: true\n</code></pre>\n<blockquote>\n<p>Leave no trace.</p>\n</blockquote>\n' +
        '<ul>\n<li>Water</li>\n<li>Hat</li>\n</ul>\n<ol>\n<li>Park</li>\n<li>Walk</li>\n</ol>\n',
    );
  });

  it('an image alone in a paragraph becomes an image block; among text it stays inline', () => {
    expect(convert('![A heron](/images/heron.jpg "Grey heron")').html).toBe(
      '<div class="isomer-image-wrapper"><img src="/images/heron.jpg" alt="A heron" title="Grey heron"></div>\n',
    );
    expect(convert('Look: ![A heron](/images/heron.jpg)').html).toBe('<p>Look: <img src="/images/heron.jpg" alt="A heron"></p>\n');
  });

  it('link addresses with spaces are read as kramdown reads them', () => {
    const { html, report } = convert('![Trail map](/images/park photos/trail map.png)\n\n`[x](a b)` stays code');
    expect(html).toContain('<img src="/images/park%20photos/trail%20map.png" alt="Trail map">');
    expect(html).toContain('<code>[x](a b)</code>');
    expect(report.map((r) => [r.kind, r.line, r.message])).toEqual([['resolved', 1, 'Read a link address with spaces as kramdown reads it.']]);
  });

  it('pipe tables become th/td cells holding paragraphs, every cell text kept', () => {
    const { html } = convert('| Park | Length |\n|:-----|-------:|\n| Harbour **Lawn** | 1.2 km |\n| Pier | |');
    expect(html).toBe(
      '<table>\n<thead>\n<tr>\n<th style="text-align:left"><p>Park</p></th>\n<th style="text-align:right"><p>Length</p></th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td style="text-align:left"><p>Harbour <strong>Lawn</strong></p></td>\n<td style="text-align:right"><p>1.2 km</p></td>\n</tr>\n' +
        '<tr>\n<td style="text-align:left"><p>Pier</p></td>\n<td style="text-align:right"><p></p></td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('old bp-youtube wrappers become embed wrappers, reported', () => {
    const { html, report } = convert('Watch:\n\n<div class="bp-youtube">\n<iframe src="https://www.youtube.com/embed/abc123" allowfullscreen></iframe>\n</div>');
    expect(html).toContain('<div class="iframe-wrapper">\n<iframe src="https://www.youtube.com/embed/abc123" allowfullscreen></iframe>\n</div>');
    expect(report).toEqual([
      { kind: 'resolved', line: 3, message: 'Turned the old video wrapper (bp-youtube) into an embed block.', snippet: '<div class="bp-youtube">' },
    ]);
  });

  it('comments, style blocks and unknown HTML pass through for the codec', () => {
    const source = '<!-- Updated by the parks team. -->\n\n<style>\n.note { color: green; }\n\n.note p { margin: 0; }\n</style>\n\n<section id="intro">Hello</section>';
    // Blank lines between blocks go; inside the style block they stay.
    expect(convert(source).html).toBe(
      '<!-- Updated by the parks team. -->\n<style>\n.note { color: green; }\n\n.note p { margin: 0; }\n</style>\n<section id="intro">Hello</section>',
    );
  });

  it('maps every HTML line to its markdown line', () => {
    const { html, lineMap } = convert('# Title\n\nText\n\n<div>\none\ntwo\n</div>\n\n{% for a in b %}\n{{ a }}\n{% endfor %}\n\nEnd');
    const lines = html.split('\n');
    expect(lines[lineMap.indexOf(3)]).toBe('<p>Text</p>');
    expect(lines[lineMap.indexOf(7)]).toBe('two');
    expect(lines[lineMap.indexOf(10)]).toMatch(/^<div data-raw-html=/);
    expect(lines[lineMap.indexOf(14)]).toBe('<p>End</p>');
  });
});
