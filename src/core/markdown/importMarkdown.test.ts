import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { readSiteConfig } from '../../cli/siteConfig.ts';
import { convertPageText } from '../../cli/convertPage.ts';
import { BodyCodec } from '../bodyCodec.ts';
import { useJsdom } from '../node/useJsdom.ts';
import { openPage, savePage } from '../pageDocument.ts';
import { frontMatterData, readPageFile } from '../pageFile.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
const hasBlock = (name: string) => codec.schema.nodes[name] !== undefined;

function convertText(text: string, baseurl?: string) {
  const opened = openPage(codec, text, baseurl === undefined ? {} : { site: { baseurl } });
  const saved = savePage(codec, opened, opened.body.doc);
  return { opened, saved, types: opened.body.doc.content.content.map((n) => n.type.name) };
}

const page = (body: string, variant = '') => `---\ntitle: Trail notes\npermalink: /trail-notes/\n${variant}---\n${body}`;

describe('openPage on a markdown page', () => {
  it('converts the body, keeps the format and counts report lines in the whole file', () => {
    const text = page('# Trail notes\n\nSee the [map]({{ "/files/map.pdf" | relative_url }}){:target="_blank"}.\n', 'variant: markdown\n');
    const { opened, saved, types } = convertText(text, '/parks');
    expect(opened.format).toBe('markdown');
    expect(types).toEqual(['heading', 'paragraph']);
    expect(opened.report.map((r) => [r.kind, r.line])).toEqual([
      ['resolved', 8],
      ['resolved', 8],
    ]);
    expect(saved.text).toBe(
      '---\ntitle: Trail notes\npermalink: /trail-notes/\nvariant: tiptap\n---\n' +
        '<h1>Trail notes</h1>\n<p>See the <a href="/parks/files/map.pdf" target="_blank" rel="noopener noreferrer">map</a>.</p>\n',
    );
  });

  it('kept Liquid is a raw block holding the Liquid, written back verbatim', () => {
    const loop = '{% for notice in site.data.notices %}\n<p class="notice">{{ notice.text }}</p>\n{% endfor %}';
    const text = page(`Notices:\n\n${loop}\n\n{% comment %}Keep this list short.{% endcomment %}\n\nThanks.`);
    const { opened, saved, types } = convertText(text);
    expect(types).toEqual(['paragraph', 'rawHtml', 'rawHtml', 'paragraph']);
    expect(opened.body.doc.child(1).attrs['html']).toBe(loop);
    expect(readPageFile(saved.text).body).toBe(`<p>Notices:</p>\n${loop}\n{% comment %}Keep this list short.{% endcomment %}\n<p>Thanks.</p>`);
    expect(opened.report.map((r) => [r.kind, r.line, r.message])).toEqual([
      ['keptRaw', 7, 'Kept the Liquid {% for %}…{% endfor %} block as written, as a raw block.'],
      ['keptRaw', 11, 'Kept the Liquid {% comment %}…{% endcomment %} block as written, as a raw block.'],
    ]);
    // Converting the converted page again changes nothing.
    const again = openPage(codec, saved.text);
    expect(savePage(codec, again, again.body.doc).text).toBe(saved.text);
  });

  it('raw HTML goes through the blocks: image wrappers, embeds, page styles, layouts, and raw blocks for the rest', () => {
    const text = page(
      [
        '<div class="isomer-image-wrapper"><img style="width: 50%" height="auto" width="100%" alt="A jetty" src="/images/jetty.png"></div>',
        '',
        '<div class="bp-youtube"><iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" frameborder="0" allowfullscreen></iframe></div>',
        '',
        '<!-- a note for editors -->',
        '',
        '<style>.jetty { border: 0; }</style>',
        '',
        '###### <center>Small print</center>',
        '',
        '<section class="banner">Welcome</section>',
      ].join('\n'),
    );
    const { opened, types } = convertText(text);
    expect(types).toEqual(['isomerImage', hasBlock('embed') ? 'embed' : 'rawHtml', 'rawHtml', 'pageStyles', 'heading', 'layoutText']);
    const heading = opened.body.doc.child(4);
    expect([heading.attrs['level'], heading.textContent]).toEqual([6, 'Small print']);
    expect(opened.report.filter((r) => r.kind === 'keptRaw').map((r) => r.line)).toEqual([9]);
    expect(opened.report.find((r) => r.kind === 'resolved')).toMatchObject({ line: 7, snippet: '<div class="bp-youtube">' });
  });

  it('markdown images and tables become image and table blocks', () => {
    const text = page('![A jetty at dawn](/images/jetty.png)\n\n| Stage | Length |\n|---|---|\n| 1 | 1.2 km |\n');
    const { opened, types } = convertText(text);
    expect(types).toEqual(['isomerImage', hasBlock('table') ? 'table' : 'rawHtml']);
    if (hasBlock('table')) {
      const cells: string[] = [];
      opened.body.doc.child(1).descendants((node) => {
        if (node.type.name === 'tableCell' || node.type.name === 'tableHeader') cells.push(node.textContent);
      });
      expect(cells).toEqual(['Stage', 'Length', '1', '1.2 km']);
    }
  });

  it('keeps CRLF line endings, Liquid included', () => {
    const text = '---\r\ntitle: Agency\r\n---\r\n\r\n<div class="agency">\r\n  {% for a in site.data.agencies %}\r\n  <p>{{ a.name }}</p>\r\n  {% endfor %}\r\n</div>\r\n';
    const { saved } = convertText(text);
    expect(saved.text).toBe(
      '---\r\ntitle: Agency\r\nvariant: tiptap\r\n---\r\n\r\n<div class="agency">\r\n  {% for a in site.data.agencies %}\r\n  <p>{{ a.name }}</p>\r\n  {% endfor %}\r\n</div>\r\n',
    );
  });

  it('what the sanitiser blocks never reaches the file, in kept Liquid and attribute lists too', () => {
    const text = page(
      '{% if site.promo %}\n<script>alert(1)</script>\n<p>Promo</p>\n{% endif %}\n\n[x](/x){:onclick="alert(2)" href="javascript:alert(3)"}\n',
    );
    const { opened, saved } = convertText(text);
    expect(saved.text).not.toMatch(/alert|<script|javascript:/);
    expect(saved.text).toContain('{% if site.promo %}');
    expect(saved.text).toContain('<p>Promo</p>');
    const removed = opened.report.filter((r) => r.kind === 'removed');
    expect(removed.map((r) => r.line)).toEqual(expect.arrayContaining([5, 10]));
    expect(removed.some((r) => r.message === 'Removed <script> element.')).toBe(true);
  });

  it('an empty markdown body stays empty', () => {
    const { saved, types } = convertText(page('\n'));
    expect(types).toEqual(['paragraph']);
    expect(readPageFile(saved.text).body).toBe('\n');
  });
});

describe('the sample site markdown pages', () => {
  const root = new URL('../../../sample-site/', import.meta.url);
  const site = readSiteConfig(fileURLToPath(new URL('_config.yml', root)));
  const convert = (name: string) => {
    const text = readFileSync(new URL(`pages/${name}`, root), 'utf8');
    const result = convertPageText(codec, name, text, { site });
    expect(result.status).toBe('converted');
    return { text, result, output: readPageFile(result.output!) };
  };
  // Static Liquid that must be gone after conversion.
  const STATIC_LIQUID = /\{\{-?\s*(?:site\.baseurl|site\.url|"[^"]*"\s*\|\s*(?:absolute_url|relative_url))\s*-?\}\}/;

  it('reads baseurl and url from _config.yml', () => {
    expect(site).toEqual({ baseurl: '', url: 'https://www.harbourview-parks.example' });
  });

  it('park-rules.md: loops and comments kept verbatim, URL Liquid resolved', () => {
    const { text, result, output } = convert('park-rules.md');
    expect(frontMatterData(output)['variant']).toBe('tiptap');
    const loop = /\{% for item in site\.data\.park-facilities %\}[\s\S]*?\{% endfor %\}/.exec(text)![0];
    const comment = /\{% comment %\}[\s\S]*?\{% endcomment %\}/.exec(text)![0];
    expect(output.body).toContain(`\n${loop}\n`);
    expect(output.body).toContain(`\n${comment}\n`);
    expect(output.body).not.toMatch(STATIC_LIQUID);
    expect(output.body).toContain('src="/images/logo.svg"');
    expect(output.body).toContain('href="/files/Permit%20Guide%20&amp;%20Checklist.pdf"');
    expect(output.body).toContain('<a href="/Permits/">permit</a>');
    expect(output.body).toContain('<h6><center>Version 2.0, in force from 1 January 2024</center></h6>');
    expect(result.keptRaw.filter((k) => k.message.startsWith('Kept the Liquid')).map((k) => k.line)).toEqual([12, 48]);
    expect(result.resolved.map((r) => r.snippet)).toEqual(
      expect.arrayContaining(['{{ "/images/logo.svg" | absolute_url }}', '{{site.baseurl}}', '{{- "/files/Permit Guide & Checklist.pdf" | relative_url -}}']),
    );
    expect(result.resolved.find((r) => r.snippet === '{:target="_blank"}')?.line).toBe(22);
  });

  it('permits.md and events-calendar.md: site.baseurl, absolute_url and attribute lists resolved', () => {
    for (const name of ['permits.md', 'events-calendar.md']) {
      const { output, result } = convert(name);
      expect(output.body).not.toMatch(STATIC_LIQUID);
      expect(output.body).not.toContain('{:');
      expect(output.body).toContain('target="_blank" rel="noopener noreferrer"');
      expect(result.resolved.length).toBeGreaterThanOrEqual(2);
      expect(result.removed).toEqual([]);
    }
    expect(convert('permits.md').output.body).toContain('href="/files/Permit%20Guide%20&amp;%20Checklist.pdf"');
    expect(convert('events-calendar.md').output.body).toContain('href="/files/annual-report-2024.pdf"');
  });

  it('coastal-trail.md: the old video wrapper becomes an embed, the table and code stay', () => {
    const { output, result } = convert('coastal-trail.md');
    expect(output.body).toContain('<div class="iframe-wrapper">');
    expect(output.body).toContain('<pre><code>start: 1.2650, 103.8001  Visitor Centre');
    expect(output.body).toContain('<td style="text-align:right"><p>1.8 km</p></td>');
    expect(result.resolved.map((r) => r.line)).toEqual(expect.arrayContaining([13, 17]));
  });
});

describe('report items point at their block', () => {
  it('gives each item of a sample page the index of the block it concerns', () => {
    const text = readFileSync(fileURLToPath(new URL('../../../sample-site/pages/park-rules.md', import.meta.url)), 'utf8');
    const { opened } = convertText(text);
    const loop = opened.report.find((r) => r.snippet.startsWith('{% for item'));
    expect(loop?.block).toBeDefined();
    const node = opened.body.doc.child(loop!.block!);
    expect(node.type.name).toBe('rawHtml');
    expect(node.attrs['html']).toContain('{% for item in site.data.park-facilities %}');
    for (const item of opened.report) {
      if (item.block !== undefined) expect(item.block).toBeLessThan(opened.body.doc.childCount);
    }
  });
});
