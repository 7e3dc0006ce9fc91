import { describe, expect, it } from 'vitest';
import { pageVariant, readPageFile } from '../pageFile.ts';
import { readCorpus } from '../testing/corpus.ts';
import { hostileInputs } from '../testing/hostileInputs.ts';
import { kramdownHostileInputs } from '../testing/kramdownHostileInputs.ts';
import { kramdownSafeBody } from './kramdownSafeBody.ts';
import { findMarkdownZones } from './markdownZones.ts';

// Which kramdown reads these is checked against kramdown itself in kramdownOracle.test.ts.
const zonesOf = (body: string) => findMarkdownZones(body).map((z) => body.slice(z.start, z.end));

describe('markdown zones', () => {
  it('finds none in block HTML, its content included', () => {
    expect(zonesOf('<p>[a](b) *c*</p>\n<div>\n[d](e)\n\n<p>{: x}</p>\n</div>\n<h2>#</h2><ul><li>- x</li></ul>')).toEqual([]);
  });

  it('finds top-level text, span elements at a line start, and what follows a block on its line or the next', () => {
    expect(zonesOf('x *y*')).toEqual(['x *y*']);
    expect(zonesOf('<span>[b](c)</span>')).toEqual(['<span>[b](c)</span>']);
    expect(zonesOf('<p>q</p>x *y*')).toEqual(['x *y*']);
    expect(zonesOf('<!-- c -->[g](h)')).toEqual(['[g](h)']);
    expect(zonesOf('<div>\nx\n</div>\n[d](e)')).toEqual(['[d](e)']);
  });

  it('ends a paragraph where kramdown does: a blank line or a line starting with block HTML', () => {
    expect(zonesOf('a\nb\n<div>c</div>\n\nd')).toEqual(['a\nb', 'd']);
    expect(zonesOf('a\n<span>b</span>\n<p>c</p>')).toEqual(['a\n<span>b</span>']);
  });

  it('trusts an indented element after markdown no more (it may be inside a list item)', () => {
    expect(zonesOf('- x\n\n  <div>\n\n[a](b)\n\n</div>')).toEqual(['- x', '  <div>', '[a](b)', '</div>']);
  });

  it('runs to the end of the body from a fence, math or an extension', () => {
    expect(zonesOf('~~~\n\n<div>\n~~~\n[a](b)\n</div>')).toEqual(['~~~\n\n<div>\n~~~\n[a](b)\n</div>']);
    expect(zonesOf('{::comment}\n\n<div>x</div>')).toEqual(['{::comment}\n\n<div>x</div>']);
  });

  it('reads tags as strictly as kramdown: an unquoted value that is not a word makes no tag', () => {
    expect(zonesOf('<div class=a-b>[x](y)</div>')).toEqual(['<div class=a-b>[x](y)</div>']);
    expect(zonesOf('<div class=ab>[x](y)</div>')).toEqual([]);
  });

  it('counts an element with a markdown attribute, at any depth, as markdown', () => {
    expect(zonesOf('<div>\n<p markdown="1">[a](b)</p>\n</div>')).toEqual(['<div>', '<p markdown="1">[a](b)</p>', '</div>']);
    expect(zonesOf('<div><div><p markdown="span">*a*</p></div></div>')).toHaveLength(1);
  });

  it('is linear: a long body of blocks and deep nesting scan quickly', () => {
    const body = '<p>a <b>b</b></p>\n'.repeat(20_000) + '<div>'.repeat(20_000) + '</div>'.repeat(20_000);
    const started = performance.now();
    expect(findMarkdownZones(body)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('kramdownSafeBody', () => {
  it('leaves block HTML byte for byte, markdown-like text in it included', () => {
    const body = '<p>[a](b) {: x} *c* "d" -- e</p>\n<div><p>`f`</p></div>\n';
    expect(kramdownSafeBody(body)).toEqual({ body, findings: [] });
  });

  it('writes markdown in a zone as character references and reports it', () => {
    const { body, findings } = kramdownSafeBody('<p>q</p>\n[a](javascript:alert(1)) *b*');
    expect(body).toBe('<p>q</p>\n&#91;a&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; &#42;b&#42;');
    expect(findings.map((f) => f.kind)).toEqual(['markdown']);
  });

  it('removes attribute lists, extensions and definitions, and reports them', () => {
    const { body, findings } = kramdownSafeBody('![i](x){: onerror="alert(9)"}\n\n{::options parse_block_html="true" /}\n\n[f]: javascript:alert(6)\n');
    expect(body).not.toMatch(/\{:|\]:/);
    expect(findings.filter((f) => f.kind === 'syntax').map((f) => f.snippet)).toEqual(['{: onerror="alert(9)"}', '{::options parse_block_html="true" /}', '[f]: javascript:alert(6)']);
  });

  it('keeps Liquid as written, and markdown that Liquid builds and that makes no link', () => {
    const loop = '{% for rule in site.data.rules %}\n* {{ rule }}\n{% endfor %}';
    expect(kramdownSafeBody(loop).body).toBe(loop);
    expect(kramdownSafeBody("[m]({{ 'javascript:alert(1)' | relative_url }})").body).toBe("&#91;m&#93;&#40;{{ 'javascript:alert(1)' | relative_url }}&#41;");
  });

  it('rewrites tags kramdown reads otherwise: a repeated attribute, a tag inside a value', () => {
    expect(kramdownSafeBody('<div><a href="/ok" HREF="javascript:x">x</a></div>').body).toBe('<div><a href="/ok">x</a></div>');
    expect(kramdownSafeBody('<p><span data-x=\'<img src=x onerror="y">\'>x</span></p>').body).toBe(
      '<p><span data-x="&lt;img src=x onerror=&quot;y&quot;&gt;">x</span></p>',
    );
    expect(kramdownSafeBody('<div><?x <img src=x onerror="y">></div>').body).toBe('<div>></div>');
  });

  it('finds nothing more in what it wrote (hostile inputs)', () => {
    for (const { html } of [...hostileInputs, ...kramdownHostileInputs]) {
      const once = kramdownSafeBody(html).body;
      expect(kramdownSafeBody(once), html).toEqual({ body: once, findings: [] });
    }
  });

  it('finds nothing in the tiptap pages of the corpus, so they save byte for byte', () => {
    const bodies = readCorpus()
      .map((page) => readPageFile(page.text))
      .filter((file) => pageVariant(file) === 'tiptap');
    expect(bodies.length).toBeGreaterThan(10);
    for (const file of bodies) expect(kramdownSafeBody(file.body).findings).toEqual([]);
  });
});
