import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../core/bodyCodec.ts';
import { useJsdom } from '../core/node/useJsdom.ts';
import { blockRegistry } from '../../extensions/registry.ts';
import { blockChanges, frontMatterFieldChanges, settingChanges } from './reviewChanges.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);
const doc = (html: string) => codec.importHtml(html).doc;

describe('blockChanges', () => {
  it('names the blocks changed, added and removed, in page order, with where they are now', () => {
    const before = doc('<h2>One</h2>\n<p>Two</p>\n<p>Three</p>\n<hr>');
    const after = doc('<h2>One</h2>\n<p>Two, edited</p>\n<p>Three</p>\n<p>Four</p>');
    expect(blockChanges(before, after)).toEqual([
      { kind: 'changed', label: 'Text', snippet: 'Two, edited', index: 1 },
      { kind: 'removed', label: 'Divider', snippet: '', index: null },
      { kind: 'added', label: 'Text', snippet: 'Four', index: 3 },
    ]);
  });

  it('separates the text of the blocks inside a block with spaces', () => {
    const before = doc('<p>Intro</p>');
    const after = doc(
      '<p>Intro</p>\n<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n<details class="isomer-details">\n' +
        '<summary>Digital Skills</summary>\n<div data-type="detailsContent" class="isomer-details-content">\n<p>Courses on weekdays</p>\n</div>\n</details>\n</div>',
    );
    expect(blockChanges(before, after).find((c) => c.label === 'Accordion')?.snippet).toBe('Digital Skills Courses on weekdays');
  });

  it('finds nothing when the page is as it was', () => {
    expect(blockChanges(doc('<p>Same</p>'), doc('<p>Same</p>'))).toEqual([]);
  });
});

describe('settingChanges', () => {
  it('lists the settings with other values, added or removed', () => {
    expect(settingChanges({ title: 'A', permalink: '/a/', layout: 'page' }, { title: 'B', permalink: '/a/', description: 'New' })).toEqual([
      { key: 'title', before: 'A', after: 'B' },
      { key: 'layout', before: 'page', after: '(not set)' },
      { key: 'description', before: '(not set)', after: 'New' },
    ]);
  });
});

describe('frontMatterFieldChanges', () => {
  const home = {
    layout: 'homepage',
    notification: 'Closed today',
    sections: [
      { hero: { title: 'Parks', key_highlights: [{ title: 'Map', url: '/map/' }] } },
      { infobar: { title: 'Visit', button: 'GO', url: '/visit/' } },
      { infopic: { title: 'Trees', image: '/t.jpg', alt: 'Trees' } },
    ],
  };

  it('lists the changed fields section by section, with their values before and now', () => {
    const after = structuredClone(home);
    after.notification = '';
    after.sections[0]!.hero!.title = 'Harbour parks';
    after.sections[0]!.hero!.key_highlights![0]!.url = '/maps/';
    expect(frontMatterFieldChanges(home, after)).toEqual([
      { title: 'Page', rows: [{ key: 'notification', before: 'Closed today', after: '' }] },
      {
        title: 'sections 1 (hero)',
        rows: [
          { key: 'hero › title', before: 'Parks', after: 'Harbour parks' },
          { key: 'hero › key_highlights 1 › url', before: '/map/', after: '/maps/' },
        ],
      },
    ]);
  });

  it('shows an added and a removed section with all their fields, and nothing for an unchanged page', () => {
    const after = { ...home, sections: [home.sections[0]!, home.sections[2]!, { textcards: { title: 'More' } }] };
    expect(frontMatterFieldChanges(home, after)).toEqual([
      { title: 'sections 2 (infobar): removed', rows: [
        { key: 'infobar › title', before: 'Visit', after: '(not set)' },
        { key: 'infobar › button', before: 'GO', after: '(not set)' },
        { key: 'infobar › url', before: '/visit/', after: '(not set)' },
      ] },
      { title: 'sections 3 (textcards): added', rows: [{ key: 'textcards › title', before: '(not set)', after: 'More' }] },
    ]);
    expect(frontMatterFieldChanges(home, structuredClone(home))).toEqual([]);
  });

  it('names Contact Us contacts by their title', () => {
    const before = { agency_name: 'Parks', contacts: [{ title: 'General', content: [{ phone: '+65 6000 0000' }, { email: 'a@b.sg' }] }] };
    const after = { agency_name: 'Parks Board', contacts: [{ title: 'General', content: [{ phone: '+65 6000 0001' }, { email: 'a@b.sg' }] }] };
    expect(frontMatterFieldChanges(before, after)).toEqual([
      { title: 'Page', rows: [{ key: 'agency_name', before: 'Parks', after: 'Parks Board' }] },
      { title: 'contacts 1 (“General”)', rows: [{ key: 'content 1 › phone', before: '+65 6000 0000', after: '+65 6000 0001' }] },
    ]);
  });
});
