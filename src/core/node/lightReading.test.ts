// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { BodyCodec, setLightBlockReader } from '../bodyCodec.ts';
import { markdownToHtml } from '../markdown/markdownToHtml.ts';
import { pageVariant, readPageFile } from '../pageFile.ts';
import { readCorpus } from '../testing/corpus.ts';
import { hostileInputs } from '../testing/hostileInputs.ts';
import { importOutcome } from '../testing/importOutcome.ts';
import { trickyBodies } from '../testing/trickyBodies.ts';
import { splitTopLevel } from '../topLevelSegments.ts';
import { LightDocument, LightElement, parseLightFragment } from './lightDom.ts';
import { createLightBlockReader, isPlainMarkup } from './lightReading.ts';
import { useJsdom } from './useJsdom.ts';

// In Node, blocks of plain markup are read from a light DOM instead of jsdom. Everything here checks
// that this changes nothing but the time it takes: the same documents, reports and saved files, the
// same parse and serialisation as jsdom, and nothing read that the sanitiser would have touched.
const { document } = useJsdom();
const codec = new BodyCodec(blockRegistry);
const reader = createLightBlockReader();

const corpusBodies = readCorpus().map(({ name, text }) => {
  const page = readPageFile(text);
  return [name, pageVariant(page) === 'markdown' ? markdownToHtml(page.body).html : page.body] as const;
});
const fixtureBodies = blockRegistry.flatMap((block) => (block.fixtures ?? []).map((f) => [`${block.name}: ${f.name}`, f.html] as const));
const allBodies = [
  ...corpusBodies,
  ...fixtureBodies,
  ...trickyBodies.map((html) => [html, html] as const),
  ...hostileInputs.map((h) => [h.name, h.html] as const),
];

function outcome(body: string, light: boolean) {
  setLightBlockReader(light ? reader : null);
  try {
    return importOutcome(codec, body);
  } finally {
    setLightBlockReader(reader);
  }
}

/** The element segments of every body, as the codec reads them one by one. */
const segments = allBodies.flatMap(([name, body]) =>
  splitTopLevel(body)
    .segments.filter((s) => s.kind === 'element')
    .map((s) => [name, s.html] as const),
);

describe('reading plain blocks without jsdom', () => {
  it.each(allBodies)('gives the same document, report and saved file: %s', (_name, body) => {
    expect(outcome(body, true)).toEqual(outcome(body, false));
  });

  it('reads most of the corpus that way', () => {
    const corpusSegments = corpusBodies.flatMap(([, body]) => splitTopLevel(body).segments.filter((s) => s.kind === 'element'));
    const plain = corpusSegments.filter((s) => reader.read(s.html, codec.plainMarkup) !== null);
    expect(plain.length / corpusSegments.length).toBeGreaterThan(0.9);
  });

  it('reads only markup the sanitiser keeps exactly as written', () => {
    let plain = 0;
    for (const [, html] of segments) {
      if (reader.read(html, codec.plainMarkup) === null) continue;
      plain++;
      expect(codec.sanitizer.sanitize(html).removed, html).toEqual([]);
      expect(codec.sanitizer.parseClean(html), html).not.toBeNull();
    }
    expect(plain).toBeGreaterThan(1000);
  });

  it('never takes hostile markup for plain', () => {
    const hostile = hostileInputs.filter((h) => !h.nothingToRemove);
    for (const input of hostile) {
      const blocks = splitTopLevel(input.html).segments.filter((s) => s.kind === 'element');
      const removing = blocks.filter((s) => codec.sanitizer.sanitize(s.html).removed.length > 0);
      for (const block of removing) expect(reader.read(block.html, codec.plainMarkup), `${input.name}: ${block.html}`).toBeNull();
    }
    for (const html of [
      '<p><a href="javascript:alert(1)">x</a></p>',
      '<p><a href=" java\tscript:alert(1)">x</a></p>',
      '<p onclick="alert(1)">x</p>',
      '<p><img src="x" onerror="alert(1)"></p>',
      '<div style="background: url(javascript:alert(1))">x</div>',
      '<p><img src="x" style="width: expression(alert(1))"></p>',
      '<div data-raw-html="&lt;script&gt;alert(1)&lt;/script&gt;"></div>',
      '<p><a href="/x" title="a/>b">x</a></p>',
      '<p><a href="/x" target="javascript:x">x</a></p>',
      '<p id="cookie">x</p>',
      '<p><!-- note -->x</p>',
      '<svg><p>x</p></svg>',
      '<template><p>x</p></template>',
      '<iframe src="https://www.youtube.com/embed/x"></iframe>',
      '<table><tr><td>x</td></tr>moved out</table>',
      '<p><a href=" /spaced ">x</a></p>',
    ]) {
      expect(reader.read(html, codec.plainMarkup), html).toBeNull();
    }
  });
});

describe('the light DOM', () => {
  const light = new LightDocument();
  const viaJsdom = (html: string) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    return div.innerHTML;
  };
  const viaLight = (html: string) => {
    const fragment = parseLightFragment(html, light);
    // Text the parser moves out of a table lands elsewhere in jsdom: such a block is never read light.
    if (!fragment || fragment.childNodes.some((n) => n.nodeType === 3 && n.textContent.trim() !== '')) return null;
    const div = light.createElement('div');
    div.append(...fragment.childNodes);
    return div.innerHTML;
  };

  it('parses and serialises every block as jsdom does', () => {
    let compared = 0;
    for (const [, html] of segments) {
      const ours = viaLight(html);
      if (ours === null) continue;
      compared++;
      expect(ours, html).toBe(viaJsdom(html));
    }
    expect(compared).toBeGreaterThan(2000);
    for (const html of ['<p>a &amp; b &lt; c &gt; d\u00a0e "f"</p>', '<p title="a &amp; &quot;b&quot; \u00a0c <d>">x</p>', '<p>a<br>b<img src="/x.png" alt="">c</p><hr>']) {
      expect(viaLight(html)).toBe(viaJsdom(html));
    }
  });

  it('compares trees as isEqualNode does: attribute order aside, everything counts', () => {
    const pair = (a: string, b: string) => {
      const x = parseLightFragment(a, light)!.firstChild!;
      const y = parseLightFragment(b, light)!.firstChild!;
      const jx = document.createElement('div');
      const jy = document.createElement('div');
      jx.innerHTML = a;
      jy.innerHTML = b;
      expect(x.isEqualNode(y), `${a} / ${b}`).toBe(jx.firstChild!.isEqualNode(jy.firstChild));
      return x.isEqualNode(y);
    };
    expect(pair('<a href="/x" title="t">a</a>', '<a title="t" href="/x">a</a>')).toBe(true);
    expect(pair('<p>a<b>b</b></p>', '<p>a<b>c</b></p>')).toBe(false);
    expect(pair('<p class="x">a</p>', '<p>a</p>')).toBe(false);
    expect(pair('<p>a </p>', '<p>a</p>')).toBe(false);
  });

  it('refuses what it cannot answer as a browser would, so the block is read with jsdom', () => {
    const [styled] = parseLightFragment('<img style="width: 50%" src="/x.png">', light)!.childNodes as LightElement[];
    const style = styled!.style as unknown as Record<string, unknown>;
    expect(style['whiteSpace']).toBe('');
    expect(() => style['width']).toThrow(/light DOM/);
    expect(() => {
      (light.createElement('p').style as unknown as Record<string, unknown>)['cssText'] = 'color: red';
    }).toThrow(/light DOM/);
    expect(() => styled!.matches('img')).toThrow(/light DOM/);
    expect(() => styled!.querySelectorAll('img.x')).toThrow(/light DOM/);
    expect(() => light.createElementNS('http://www.w3.org/2000/svg', 'svg')).toThrow(/light DOM/);
    expect(parseLightFragment('<svg><path d="M0"/></svg>', light)).toBeNull();
  });

  it('knows plain markup from the rest', () => {
    const plain = (html: string) => isPlainMarkup(parseLightFragment(html, light)!, codec.plainMarkup);
    expect(plain('<p>Open <strong>daily</strong>, <a href="/visit" target="_blank" rel="noopener">see hours</a>.</p>')).toBe(true);
    expect(plain('<div class="isomer-image-wrapper"><img style="width: 100%" height="auto" width="100%" alt="" src="/a.png"></div>')).toBe(true);
    expect(plain('<table style="minWidth: 100%"><tbody><tr><td colspan="1" rowspan="1"><p>x</p></td></tr></tbody></table>')).toBe(true);
    expect(plain('<p><span style="color: red">x</span></p>')).toBe(false);
    expect(plain('<div data-type="other">x</div>')).toBe(false);
  });
});
