// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { BodyCodec } from '../../core/bodyCodec.ts';
import { createEditorExtensions } from '../createEditorExtensions.ts';
import { cleanPastedHtml } from './cleanPastedHtml.ts';
import googleDocs from './fixtures/google-docs.html?raw';
import webPage from './fixtures/web-page.html?raw';
import wordDesktop from './fixtures/word-desktop.html?raw';
import wordOnline from './fixtures/word-online.html?raw';
import { loadPasteCleaner } from './pasteCleanup.ts';
import { usePasteNoticeStore } from './pasteNotice.ts';

const codec = new BodyCodec(blockRegistry);
const fixtures: Record<string, string> = { 'word-desktop': wordDesktop, 'word-online': wordOnline, 'google-docs': googleDocs, 'web-page': webPage };
const fixture = (name: string) => fixtures[name]!;

// The editor loads its paste cleaner on first focus; these pastes come through `pasteHTML` directly.
beforeAll(() => loadPasteCleaner());

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  usePasteNoticeStore.getState().dismiss();
});

/** Pastes into an empty page through the editor's own pipeline and returns the HTML the page would save. */
function pasteAndExport(html: string): string {
  editor = new Editor({ extensions: createEditorExtensions(codec), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
  const handled = editor.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
  expect(handled).toBe(true);
  return codec.exportHtml({ doc: editor.state.doc, leading: '', trailing: '' }).html;
}

const squash = (html: string) => html.replace(/\s*\n\s*/g, '');

/** Nothing of the office or web page formatting may reach the page. */
function expectNoJunk(html: string) {
  expect(html).not.toMatch(/class="(?!tight)/);
  expect(html).not.toMatch(/\bstyle=/);
  expect(html).not.toMatch(/<span\b/);
  expect(html).not.toMatch(/<div\b/);
  expect(html).not.toMatch(/mso-|Mso|SCXW|BCX0|TrackedChange|fui-|___|docs-internal-guid|<o:p|\[if|\bdir=|\blang=|data-ccp|data-contrast/);
  expect(html).not.toContain('<img');
  expect(html).not.toContain('<script');
}

describe('pasting from Word (desktop)', () => {
  it('keeps headings, marks, lists (nested), links and tables; drops the junk and the local image', () => {
    const html = pasteAndExport(fixture('word-desktop'));
    const flat = squash(html);
    expectNoJunk(html);
    expect(flat).toContain('<h1>Picnic shelter bookings</h1>');
    expect(flat).toContain('<h2>What to bring</h2>');
    expect(flat).toMatch(/<strong>30 days<\/strong>/);
    expect(flat).toMatch(/<em>booking conditions<\/em>/);
    expect(flat).toMatch(/<u>cancellation terms<\/u>/);
    // The bullets, with the second-level item nested under the second bullet.
    expect(flat).toMatch(/<ul[^>]*><li><p>Your booking confirmation<\/p><\/li><li><p>Rubbish bags for what you take home<\/p><ul[^>]*><li><p>Recycling goes in the blue bins<\/p><\/li><\/ul><\/li><\/ul>/);
    // The numbered list is an <ol> without its typed-out numbers.
    expect(flat).toMatch(/<ol[^>]*><li><p>Fill in the <a href="https:\/\/www\.harbourview-parks\.example\/permits\/"[^>]*>permit form<\/a><\/p><\/li><li><p>Pay the deposit within three days<\/p><\/li><\/ol>/);
    expect(flat).not.toMatch(/>\s*(?:·|o|1\.|2\.)\s*</);
    expect(flat).toMatch(/<table[^>]*>.*<strong>Shelter<\/strong>.*Lawn Shelter A.*40.*<\/table>/);
    expect(flat).toContain('Questions go to the Harbour Lawn office.');
    expect(usePasteNoticeStore.getState().message).toMatch(/image.*media library/i);
  });
});

describe('pasting from Word Online', () => {
  it('turns role="heading" into a heading, merges the one-item lists, nests by level and keeps the table', () => {
    const html = pasteAndExport(fixture('word-online'));
    const flat = squash(html);
    expectNoJunk(html);
    expect(flat).toContain('<h2>Volunteer ranger days</h2>');
    expect(flat).toContain('<strong>first Saturday</strong>');
    expect(flat).toContain('<em>No experience is needed.</em>');
    expect(flat).toContain(' Sign up ');
    expect(flat).toMatch(/<a href="https:\/\/www\.harbourview-parks\.example\/volunteer\/"[^>]*>on the volunteer page<\/a>/);
    expect(flat).not.toContain('<u>on the volunteer page');
    expect(flat).toMatch(/<ul[^>]*><li><p>Wear closed shoes<\/p><\/li><li><p>Bring a hat and water<\/p><ul[^>]*><li><p>A refillable bottle is best<\/p><\/li><\/ul><\/li><\/ul>/);
    expect(flat.match(/<ul/g)).toHaveLength(2);
    expect(flat).toMatch(/<table[^>]*>.*Month.*Meeting point.*March.*Pier gate.*<\/table>/);
    expect(usePasteNoticeStore.getState().message).toBeNull();
  });
});

describe('pasting from Google Docs', () => {
  it('unwraps the docs-internal-guid wrapper, turns styled spans into marks, keeps lists, links and tables', () => {
    const html = pasteAndExport(fixture('google-docs'));
    const flat = squash(html);
    expectNoJunk(html);
    expect(flat).toContain('<h2>Mangrove boardwalk reopening</h2>');
    // The whole paste is not bold just because Google wraps it in <b>.
    expect(flat).toMatch(/<p>The boardwalk reopens on <strong>1 June<\/strong> after repairs\. Tide times are <em>posted at the entrance<\/em><u> every morning<\/u>\. See the <a href="https:\/\/www\.harbourview-parks\.example\/coastal-trail\/"[^>]*>coastal trail map<\/a>\.<\/p>/);
    expect(flat).toMatch(/<ol[^>]*><li><p>Enter from the north gate<\/p><ul[^>]*><li><p>The south gate stays shut<\/p><\/li><\/ul><\/li><li><p>Keep to the boards<\/p><\/li><\/ol>/);
    expect(flat).toMatch(/<table[^>]*>.*<strong>Section<\/strong>.*<strong>Length<\/strong>.*Inner loop.*1\.2 km.*<\/table>/);
    expect(usePasteNoticeStore.getState().message).toMatch(/An image in what you pasted was not added/);
  });
});

describe('pasting from a web page', () => {
  it('drops Fluent UI classes, wrappers and scripts; keeps the heading, text, link, list and table', () => {
    const html = pasteAndExport(fixture('web-page'));
    const flat = squash(html);
    expectNoJunk(html);
    expect(flat).not.toContain('onclick');
    expect(flat).toContain('<h3>Opening hours</h3>');
    expect(flat).toContain('<p>Parks are open from <strong>7am to 10pm</strong> every day, <em>including public holidays</em>.</p>');
    expect(flat).toMatch(/<p>Check the <a href="https:\/\/www\.harbourview-parks\.example\/park-rules\/"[^>]*>park rules<\/a> before you visit\.<\/p>/);
    expect(flat).toMatch(/<ul[^>]*><li><p>Dogs on a lead<\/p><\/li><li><p>No open fires<\/p><\/li><\/ul>/);
    expect(flat).toMatch(/<table[^>]*>.*<th[^>]*><p>Park<\/p><\/th>.*<td[^>]*><p>Harbour Lawn<\/p><\/td>.*<\/table>/);
    expect(flat).toContain('Photos:');
    expect(usePasteNoticeStore.getState().message).toMatch(/image/);
  });
});

describe('cleanPastedHtml', () => {
  it('counts data: images and removes them', () => {
    const out = cleanPastedHtml('<p>Hi <img src="data:image/png;base64,AAAA"> there</p>');
    expect(out.removedImages).toBe(1);
    expect(out.html).toBe('<p>Hi  there</p>');
  });

  it('leaves a copy from inside the editor alone, apart from data: images', () => {
    const internal = '<div class="isomer-card-grid" data-pm-slice="0 0 []"><div class="isomer-card"><div class="isomer-card-body"><div class="isomer-card-title">A</div></div></div></div>';
    expect(cleanPastedHtml(internal)).toEqual({ html: internal, removedImages: 0 });
    const withImage = '<p data-pm-slice="1 1 []">x</p><div class="isomer-image-wrapper"><img src="data:image/gif;base64,R0lG" alt=""></div>';
    const out = cleanPastedHtml(withImage);
    expect(out.removedImages).toBe(1);
    expect(out.html).not.toContain('isomer-image-wrapper');
  });

  it('keeps a site image inside its wrapper', () => {
    const out = cleanPastedHtml('<div class="isomer-image-wrapper"><img style="width: 50%" height="auto" width="100%" alt="Pier" src="/images/pier.png"></div>');
    expect(out.removedImages).toBe(0);
    expect(out.html).toContain('<img style="width: 50%" height="auto" width="100%" alt="Pier" src="/images/pier.png">');
  });

  it('turns text-only wrappers into paragraphs instead of running them together', () => {
    expect(cleanPastedHtml('<div>One</div><div>Two</div>').html).toBe('<p>One</p><p>Two</p>');
  });

  it('keeps a javascript: link out of the editor (the sanitiser runs after the cleaner)', () => {
    const html = pasteAndExport('<p><a href="javascript:alert(1)">bad</a> and <a href="/ok/">good</a></p>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="/ok/"');
  });
});
