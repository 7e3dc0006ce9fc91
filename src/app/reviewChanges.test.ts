import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../core/bodyCodec.ts';
import { useJsdom } from '../core/node/useJsdom.ts';
import { blockRegistry } from '../../extensions/registry.ts';
import { blockChanges, settingChanges } from './reviewChanges.ts';

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
