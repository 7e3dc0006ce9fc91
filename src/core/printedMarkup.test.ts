import { describe, expect, it } from 'vitest';
import { useJsdom } from './node/useJsdom.ts';
import { decodedText, decodedUrl, isSafeUrlValue, judgePrintedText } from './printedMarkup.ts';

useJsdom();

const errors = (text: string) => judgePrintedText(text).filter((f) => f.severity === 'error').map((f) => f.what);
const warnings = (text: string) => judgePrintedText(text).filter((f) => f.severity === 'warning').map((f) => f.what);

describe('judgePrintedText', () => {
  it('accepts plain text and plain inline formatting', () => {
    for (const text of [
      'Park Rules',
      'Singapore\'s "Green" Plan',
      'Tom &amp; Jerry',
      'a < b > c',
      'COVID-19: what you need to know',
      'Line one<br>line two',
      '<b>Bold</b>, <i>italic</i>, <em>em</em>, <strong>strong</strong>, <u>u</u>, <sup>2</sup>',
      '<a href="https://www.example.gov.sg/a?b=1&amp;c=2">a link</a>',
      '<a href="/about-us/" target="_blank" rel="noopener">site link</a>',
      '<a href="mailto:help@example.gov.sg">mail</a>',
      'Use &lt;b&gt; for bold',
    ]) {
      expect(judgePrintedText(text), text).toEqual([]);
    }
  });

  it('refuses elements that run or load things', () => {
    expect(errors('<script>alert(1)</script>')).toEqual(['a <script> element']);
    expect(errors('<img src=x onerror=alert(1)>')[0]).toBe('an "onerror" event handler on <img>');
    expect(errors('<img src=/images/a.png>')).toEqual(['an <img> element']);
    for (const tag of ['iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'video', 'audio', 'template', 'noscript', 'textarea', 'x-widget']) {
      expect(errors(`Title <${tag}>`).join(' '), tag).toContain(`<${tag}> element`);
    }
    expect(errors('<svg onload=alert(1)>')[0]).toBe('an "onload" event handler on <svg>');
    expect(errors('<math><mtext>x</mtext></math>')[0]).toBe('a <math> element');
  });

  it('refuses any event handler, also on inline formatting and on tags the parser merges into <body>', () => {
    expect(errors('<b onmouseover="alert(1)">x</b>')).toEqual(['an "onmouseover" event handler on <b>']);
    expect(errors('<a href="/x" ONCLICK="alert(1)">x</a>')[0]).toBe('an "onclick" event handler on <a>');
    expect(errors('Hello <body onload=alert(1)>')).toEqual(['an "onload" event handler on <body>']);
    expect(errors('<html onpageshow=alert(1)>')).toEqual(['an "onpageshow" event handler on <html>']);
  });

  it('refuses unsafe addresses in links, however they are written', () => {
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java&#x09;script:alert(1)', '&#106;avascript:alert(1)', '&#x6A;avascript&colon;alert(1)', 'javascript&#58;alert(1)', '&Tab;javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'java&NewLine;script:alert(1)']) {
      expect(errors(`<a href="${href}">x</a>`).join(' '), href).toMatch(/in href on <a>/);
    }
  });

  it('refuses a quote that leaves the attribute a layout prints the text in, then runs something', () => {
    expect(errors('x" onmouseover="alert(1)')).toEqual(['a quote that ends the attribute it is printed in, then an "onmouseover" event handler on <span>']);
    expect(errors("x' autofocus onfocus='alert(1)")).toEqual(['a quote that ends the attribute it is printed in, then an "onfocus" event handler on <span>']);
    expect(errors('x" style="x" href="javascript:alert(1)').join(' ')).toMatch(/address "javascript:alert\(1\)"/);
    // A quote alone only ends the attribute early: shown wrongly, but nothing runs.
    expect(judgePrintedText('The "Green" Plan and l\'Europe')).toEqual([]);
  });

  it('decodes entities and judges the decoded text again', () => {
    expect(errors('&lt;script&gt;alert(1)&lt;/script&gt;')).toEqual(['encoded markup that decodes to a <script> element']);
    expect(errors('&#60;img src=x onerror=alert(1)&#62;')[0]).toBe('encoded markup that decodes to an "onerror" event handler on <img>');
    expect(errors('&amp;lt;script&amp;gt;')).toEqual(['encoded markup that decodes to a <script> element']);
    expect(errors('<b>&lt;iframe src=x&gt;</b>')).toEqual(['encoded markup that decodes to an <iframe> element']);
    expect(errors('x&quot; onclick=&quot;alert(1)')[0]).toMatch(/^encoded markup that decodes to a quote that ends the attribute/);
  });

  it('catches markup that hides from a naive reader (mutation and nesting tricks)', () => {
    expect(errors('<noscript><p title="</noscript><img src=x onerror=alert(1)>">').length).toBeGreaterThan(0);
    expect(errors('<svg><a href="javascript:alert(1)">x</a></svg>')).toContain('the address "javascript:alert(1)" in href on <a>');
    // A browser reads an unknown element named "scr<script" and the text "ipt>alert(1)": nothing runs.
    expect(errors('<scr<script>ipt>alert(1)</script>')).toEqual([]);
    expect(warnings('<scr<script>ipt>alert(1)</script>')).toEqual(['a <scr<script> element']);
    expect(errors('<IMG SRC=x OnErRoR=alert(1)>')[0]).toBe('an "onerror" event handler on <img>');
    expect(errors('</title><script>alert(1)</script>')).toEqual(['a <script> element']);
  });

  it('only warns about markup that changes the look: headings, paragraphs, comments', () => {
    expect(warnings('<h3>Notice</h3>')).toEqual(['a <h3> element']);
    expect(errors('<h3>Notice</h3>')).toEqual([]);
    expect(warnings('Draft <y> version')).toEqual(['a <y> element']);
    expect(warnings('Closed <!-- until Monday -->')).toEqual(['an HTML comment, which hides the text after it']);
  });

  it('lists errors before warnings', () => {
    expect(judgePrintedText('<h2>x</h2><script>1</script>').map((f) => f.severity)).toEqual(['error', 'warning']);
  });
});

describe('decoding', () => {
  it('decodes an address as a browser reads it from an attribute', () => {
    expect(decodedUrl('/files/a&amp;b.pdf')).toBe('/files/a&b.pdf');
    expect(decodedUrl('&#106;avascript:alert(1)')).toBe('javascript:alert(1)');
    expect(decodedUrl('/plain/')).toBe('/plain/');
  });

  it('judges addresses after decoding', () => {
    for (const safe of ['/about-us/', 'https://example.gov.sg/x', 'mailto:a@example.gov.sg', '/files/a&amp;b.pdf', '']) expect(isSafeUrlValue(safe), safe).toBe(true);
    for (const unsafe of [
      'javascript:alert(1)',
      '&#106;avascript:alert(1)',
      '&#0000106avascript:alert(1)', // padded, and no semicolon: browsers still decode it
      '&#106avascript:alert(1)',
      'javascript&#x3A;alert(1)',
      'JAVASCRIPT&colon;alert(1)',
      'java&Tab;script:alert(1)',
      'java&#13;script:x',
      'javas\u0000cript:alert(1)',
      '\u0001javascript:alert(1)',
      '&#x26;#106;avascript:alert(1)', // encoded twice
      '&#x64;ata:text/html,x',
      ' vbscript:x',
      '/\\evil.example/',
    ]) {
      expect(isSafeUrlValue(unsafe), JSON.stringify(unsafe)).toBe(false);
    }
  });

  it('gives the text a browser shows', () => {
    expect(decodedText('A&#x202E;B')).toBe('A\u202eB');
    expect(decodedText('<b>x</b> &amp; y')).toBe('x & y');
  });
});
