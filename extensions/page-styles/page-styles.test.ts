// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { blockRegistry } from '../registry.ts';
import { scopedToCanvas } from './schema.ts';

const codec = new BodyCodec(blockRegistry);

describe('page styles', () => {
  it('keeps a style element byte for byte as a page styles block, not raw HTML', () => {
    const body = '<style>\n  .people-grid{display:grid;grid-template-columns:1fr 1fr}\n</style>\n<p>Hello</p>';
    const imported = codec.importHtml(body);
    expect(imported.report).toEqual([]);
    expect(imported.doc.firstChild!.type.name).toBe('pageStyles');
    expect(imported.doc.firstChild!.attrs['css']).toBe('\n  .people-grid{display:grid;grid-template-columns:1fr 1fr}\n');
    expect(codec.exportHtml(imported).html).toBe(body);
  });

  it.each([
    ['@import', '@import "https://example.net/x.css";\n.a { color: red; }'],
    ['a javascript: address', '.a { background: url(javascript:alert(1)); }'],
    ['an escaped javascript: address', '.a { background: url(\\6a avascript:alert(1)); }'],
    ['expression()', '.a { width: expression(alert(1)); }'],
    ['behavior', '.a { behavior: url(/x.htc); }'],
    ['a remote font', '@font-face { font-family: X; src: url(https://fonts.example.net/x.woff2); }'],
    ['an image from another site', '.a { background: url("//cdn.example.net/bg.png"); }'],
  ])('removes and reports CSS with %s', (_what, css) => {
    const imported = codec.importHtml(`<style>${css}</style>\n<p>Text stays</p>`);
    const removed = imported.report.filter((r) => r.kind === 'removed');
    expect(removed.length).toBeGreaterThan(0);
    expect(removed[0]!.message).toMatch(/<style> element/);
    const out = codec.exportHtml(imported).html;
    expect(out).not.toContain('<style');
    expect(out).toContain('<p>Text stays</p>');
  });

  it('keeps images of the site itself', () => {
    const body = '<style>.hero { background: url(/images/hero.jpg) no-repeat; }</style>';
    expect(codec.importHtml(body).report).toEqual([]);
  });

  it('scopes the CSS to the canvas', () => {
    expect(scopedToCanvas('p { color: red; }')).toBe('@scope (.isomer-canvas .ProseMirror) {\np { color: red; }\n}');
  });
});
