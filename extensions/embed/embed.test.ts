// @vitest-environment node
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { useJsdom } from '../../src/core/node/useJsdom.ts';
import { markupSkeleton, renderAlone as renderWith, samplePageBodies, tiptapCorpusBodies } from '../../src/core/testing/blockPages.ts';
import { blockRegistry } from '../registry.ts';
import { embedFromUrl, isAllowedEmbedSource } from './embedUrl.ts';
import { embedBlock } from './index.ts';

const { document } = useJsdom();
const codec = new BodyCodec(blockRegistry);
const OPEN_TAG = '<div class="iframe-wrapper">';

const corpusPages = tiptapCorpusBodies('<iframe');
const samplePages = samplePageBodies(['_about/Our Story.md', '_about/Our Parks/Harbour Lawn.md']);
const skeleton = (html: string) => markupSkeleton(document, html);
const renderAlone = (node: PMNode) => renderWith(codec, node);

describe('embeds over real and sample pages', () => {
  it('finds the five corpus pages with embeds', () => {
    expect(corpusPages.map((p) => p.name)).toEqual([
      expect.stringContaining('What Is TradeTrust'),
      expect.stringContaining('TradeTrust Readiness Programme'),
      expect.stringContaining('Trials'),
      expect.stringContaining('Video Guides__TradeTrust Overview'),
      expect.stringContaining('TradeTrust Newsletter May 2025'),
    ]);
  });

  it.each([...corpusPages, ...samplePages].map((p) => [p.name, p.body]))('%s: every embed is structured and the page saves byte for byte', (_name, body) => {
    const imported = codec.importHtml(body);
    imported.doc.check();
    expect(imported.report.filter((r) => r.kind !== 'keptRaw' || r.snippet.startsWith(OPEN_TAG))).toEqual([]);
    const embeds: PMNode[] = [];
    imported.doc.forEach((node) => {
      if (node.type.name === 'embed') embeds.push(node);
    });
    expect(embeds.length).toBe(body.split(OPEN_TAG).length - 1);
    expect(codec.exportHtml(imported).html).toBe(body);
    for (const node of embeds) {
      // Every attribute kept, in the order written.
      expect(renderAlone(node)).toBe((node.attrs['source'] as string).trim());
    }
    const fresh = codec.exportHtml(imported, { reuseSource: false }).html;
    expect(skeleton(fresh).filter((s) => s.startsWith('iframe'))).toEqual(skeleton(body).filter((s) => s.startsWith('iframe')));
  });
});

describe('embed allowlist', () => {
  it('keeps an iframe a page publishes from another host, locked, when it carries no script', () => {
    const html = '<div class="iframe-wrapper">\n<iframe src="https://tracker.example/watch" width="560"></iframe>\n</div>';
    const imported = codec.importHtml(html);
    expect(imported.report.map((r) => [r.kind, r.message])).toEqual([['keptRaw', expect.stringContaining('Embedded from tracker.example — kept as published.')]]);
    expect(imported.doc.child(0).type.name).toBe('publishedEmbed');
    expect(codec.exportHtml(imported).html).toBe(html);
  });

  it('removes an iframe from another host that carries script, says so, and keeps an empty embed to point elsewhere', () => {
    const html = '<div class="iframe-wrapper">\n<iframe src="https://tracker.example/watch" width="560" onload="alert(1)"></iframe>\n</div>';
    const imported = codec.importHtml(html);
    expect(imported.report.map((r) => [r.kind, r.message])).toEqual([['removed', expect.stringContaining('Removed embed from tracker.example')]]);
    expect(imported.doc.child(0).type.name).toBe('embed');
    expect(imported.doc.child(0).attrs['iframe']).toEqual({});
    const out = codec.exportHtml(imported).html;
    expect(out).not.toContain('tracker.example');
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe('<div class="iframe-wrapper"></div>');
  });

  it('allows every listed host over https', () => {
    for (const src of [
      'https://www.youtube.com/embed/a1',
      'https://youtube.com/embed/a1',
      'https://www.youtube-nocookie.com/embed/a1',
      'https://player.vimeo.com/video/1',
      'https://www.google.com/maps/embed?pb=1',
      'https://maps.google.com/maps?q=x&output=embed',
      'https://form.gov.sg/0123456789abcdef01234567',
      'https://www.form.gov.sg/0123456789abcdef01234567',
    ]) {
      expect(isAllowedEmbedSource(src)).toBe(true);
      const html = `<div class="iframe-wrapper"><iframe src="${src.replace(/&/g, '&amp;')}"></iframe></div>`;
      const imported = codec.importHtml(html);
      expect(imported.report).toEqual([]);
      expect(imported.doc.child(0).type.name).toBe('embed');
    }
  });

  it('does not treat other Google pages, http or other hosts as embeds', () => {
    expect(isAllowedEmbedSource('https://www.google.com/search?q=x')).toBe(false);
    expect(isAllowedEmbedSource('http://www.youtube.com/embed/a1')).toBe(false);
    expect(isAllowedEmbedSource('https://youtube.com.evil.example/embed/a1')).toBe(false);
    const imported = codec.importHtml('<div class="iframe-wrapper"><iframe src="https://www.google.com/search?q=x"></iframe></div>');
    expect(imported.doc.child(0).type.name).toBe('rawHtml');
  });

  it('keeps a wrapper holding more than one iframe, or text, as raw HTML', () => {
    for (const html of [
      '<div class="iframe-wrapper"><iframe src="https://www.youtube.com/embed/a1"></iframe><iframe src="https://www.youtube.com/embed/b2"></iframe></div>',
      '<div class="iframe-wrapper"><iframe src="https://www.youtube.com/embed/a1"></iframe><p>Caption</p></div>',
    ]) {
      const imported = codec.importHtml(html);
      expect(imported.doc.child(0).type.name).toBe('rawHtml');
      expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(html);
    }
  });

  it('the sanitiser keeps every fixture whole', () => {
    for (const fixture of embedBlock.fixtures!) expect(codec.sanitizer.sanitize(fixture.html).removed).toEqual([]);
  });
});

describe('Instagram', () => {
  const blockquote = embedBlock.fixtures!.find((f) => f.name === 'Instagram post')!.html;

  it.each(['//www.instagram.com/embed.js', 'https://www.instagram.com/embed.js'])('keeps the post and its %s script, the script as raw HTML', (src) => {
    const body = `<p>Our latest post:</p>\n${blockquote}\n<script async src="${src}"></script>\n<p>More soon.</p>`;
    const imported = codec.importHtml(body);
    expect(imported.report.filter((r) => r.kind === 'removed' || r.kind === 'dropsOnEdit')).toEqual([]);
    expect(Array.from({ length: imported.doc.childCount }, (_, i) => imported.doc.child(i).type.name)).toEqual(['paragraph', 'instagramEmbed', 'rawHtml', 'paragraph']);
    expect(codec.exportHtml(imported).html).toBe(body);
    expect(codec.exportHtml(imported, { reuseSource: false }).html).toBe(body.replace(' async src', ' async="" src'));
  });

  it('removes any other script', () => {
    const imported = codec.importHtml(`${blockquote}\n<script async src="//www.instagram.com.evil.example/embed.js"></script>`);
    expect(imported.report.filter((r) => r.kind === 'removed').map((r) => r.message)).toEqual(['Removed <script> element.']);
    expect(codec.exportHtml(imported).html).not.toContain('<script');
  });

  it('reads only Instagram blockquotes as Instagram posts', () => {
    const imported = codec.importHtml('<blockquote class="instagram-media" data-instgrm-permalink="https://elsewhere.example/p/1/">\n<p>Quote</p>\n</blockquote>');
    expect(imported.doc.child(0).type.name).toBe('blockquote');
  });
});

describe('embedFromUrl', () => {
  const src = (input: string) => {
    const result = embedFromUrl(input);
    return 'error' in result ? result.error : result.iframe['src'];
  };

  it('turns YouTube watch, short, share and embed addresses into an embed address', () => {
    expect(src('https://www.youtube.com/watch?v=aBcD3fGh1jK')).toBe('https://www.youtube.com/embed/aBcD3fGh1jK');
    expect(src('https://m.youtube.com/watch?v=aBcD3fGh1jK&t=1m30s')).toBe('https://www.youtube.com/embed/aBcD3fGh1jK?start=90');
    expect(src('youtube.com/watch?v=aBcD3fGh1jK&list=PL123')).toBe('https://www.youtube.com/embed/aBcD3fGh1jK?list=PL123');
    expect(src('https://www.youtube.com/shorts/aBcD3fGh1jK')).toBe('https://www.youtube.com/embed/aBcD3fGh1jK');
    expect(src('https://youtu.be/aBcD3fGh1jK?si=xyz&t=42')).toBe('https://www.youtube.com/embed/aBcD3fGh1jK?start=42');
    expect(src('https://www.youtube-nocookie.com/embed/aBcD3fGh1jK')).toBe('https://www.youtube-nocookie.com/embed/aBcD3fGh1jK');
    expect(src('https://www.youtube.com/channel/UC123')).toMatch(/does not point to a video/);
  });

  it('writes YouTube embeds with the attributes the CMS writes, plus a title', () => {
    const result = embedFromUrl('https://youtu.be/aBcD3fGh1jK');
    expect(result).toEqual({
      provider: 'youtube',
      iframe: {
        src: 'https://www.youtube.com/embed/aBcD3fGh1jK',
        width: '560',
        height: '315',
        frameborder: '0',
        allowfullscreen: 'true',
        referrerpolicy: 'strict-origin-when-cross-origin',
        allow: 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share',
        title: 'YouTube video player',
      },
    });
  });

  it('turns Vimeo pages into player addresses', () => {
    expect(src('https://vimeo.com/123456789')).toBe('https://player.vimeo.com/video/123456789');
    expect(src('https://vimeo.com/123456789/abc123def0')).toBe('https://player.vimeo.com/video/123456789?h=abc123def0');
    expect(src('https://vimeo.com/channels/staffpicks/123456789')).toBe('https://player.vimeo.com/video/123456789');
    expect(src('https://player.vimeo.com/video/123456789?h=abc')).toBe('https://player.vimeo.com/video/123456789?h=abc');
  });

  it('takes Google Maps embed addresses and pasted embed code, and explains other map links', () => {
    expect(src('https://www.google.com/maps/embed?pb=!1m18!1m12')).toBe('https://www.google.com/maps/embed?pb=!1m18!1m12');
    expect(src('<iframe src="https://www.google.com/maps/embed?pb=!1m2&amp;x=1" width="600" height="450"></iframe>')).toBe('https://www.google.com/maps/embed?pb=!1m2&x=1');
    expect(src('https://maps.google.com/maps?q=harbour&output=embed')).toBe('https://maps.google.com/maps?q=harbour&output=embed');
    expect(src('https://www.google.com/maps/place/Harbour')).toMatch(/Embed a map/);
    expect(src('https://maps.app.goo.gl/abc')).toMatch(/Embed a map/);
  });

  it('turns FormSG addresses into the form embed', () => {
    expect(embedFromUrl('https://form.gov.sg/0123456789abcdef01234567')).toEqual({
      provider: 'formsg',
      iframe: { style: 'width: 100%; height: 500px', src: 'https://form.gov.sg/0123456789abcdef01234567', id: 'iframe', title: 'Form' },
    });
    expect(src('https://www.form.gov.sg/0123456789abcdef01234567')).toBe('https://form.gov.sg/0123456789abcdef01234567');
    expect(src('https://form.gov.sg/')).toMatch(/does not point to a form/);
  });

  it('names the host it refuses', () => {
    expect(embedFromUrl('https://example.com/video')).toEqual({
      error: 'Embeds from example.com are not allowed. You can embed YouTube, Vimeo, Google Maps and FormSG.',
    });
    expect(embedFromUrl('https://www.tiktok.com/@a/video/1')).toEqual({
      error: 'Embeds from www.tiktok.com are not allowed. You can embed YouTube, Vimeo, Google Maps and FormSG.',
    });
    expect(src('javascript:alert(1)')).toMatch(/not a web address/);
    expect(src('')).toMatch(/Paste the address/);
    expect(src('https://www.instagram.com/p/abc/')).toMatch(/Instagram/);
  });

  it('gives only addresses the sanitiser allows', () => {
    for (const input of ['https://youtu.be/aBcD3fGh1jK', 'https://vimeo.com/1', 'https://www.google.com/maps/embed?pb=1', 'https://form.gov.sg/0123456789abcdef01234567']) {
      const result = embedFromUrl(input);
      if ('error' in result) throw new Error(result.error);
      expect(isAllowedEmbedSource(result.iframe['src']!)).toBe(true);
    }
  });
});
