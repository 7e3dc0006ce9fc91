import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { useJsdom } from '../core/node/useJsdom.ts';
import { openPage, savePage } from '../core/pageDocument.ts';
import { frontMatterData, readPageFile } from '../core/pageFile.ts';
import { contactUsIssues } from './contactUs.ts';
import { newLayoutErrors, siteLayoutOf } from './layoutIssues.ts';
import { homepageIssues, insertItem, moveItem, newSection, parseFrontMatterText, readHomepage, removeItem, setIn, sourceText, type YamlPath } from './homepage.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

const SITE_FILES = '../shared/corpus/site-files/';
const realFiles = readdirSync(SITE_FILES)
  .filter((name) => name.endsWith('__index.md') || name.endsWith('__contact-us.md'))
  .map((name) => ({ name, text: readFileSync(SITE_FILES + name, 'utf8') }))
  // One site's contact page is an ordinary page: only the two layouts are edited here.
  .filter(({ text }) => /^layout: (homepage|contact_us)\s*$/m.test(text));
const sampleFiles = ['index.md', 'pages/contact-us.md'].map((name) => ({ name, text: readFileSync('sample-site/' + name, 'utf8') }));
const allFiles = [...realFiles, ...sampleFiles];

/** Every string in the data with its path. */
function stringLeaves(value: unknown, path: YamlPath = []): [YamlPath, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function changedLines(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return Math.max(a.length, b.length) - start - end;
}

describe('homepage and Contact Us files', () => {
  it('finds the real homepages and contact pages', () => {
    expect(realFiles.filter((f) => f.name.endsWith('__index.md')).length).toBeGreaterThanOrEqual(5);
    expect(realFiles.filter((f) => f.name.endsWith('__contact-us.md')).length).toBeGreaterThanOrEqual(3);
  });

  // The legacy homepage keeps its notification in a markdown body: it opens as an ordinary page.
  it.each(allFiles.filter(({ text }) => readPageFile(text).body.trim() === ''))('$name is saved byte for byte when nothing was edited', ({ text }) => {
    const opened = openPage(codec, text);
    expect(savePage(codec, opened, opened.body.doc).text).toBe(text);
  });

  it.each(allFiles)('$name: changing one string rewrites only its lines', ({ text }) => {
    const file = readPageFile(text);
    const data = frontMatterData(file);
    const leaves = stringLeaves(data);
    expect(leaves.length).toBeGreaterThan(0);
    for (const [path, value] of leaves) {
      const fm = file.frontMatterText;
      const edited = setIn(fm, path, value + ' (edited)');
      expect(edited, path.join('.')).not.toBeNull();
      const doc = parseFrontMatterText(edited!);
      expect(doc.getIn(path)).toBe(value + ' (edited)');
      // Everything else reads as before.
      const back = doc.toJS() as Record<string, unknown>;
      expect(stringLeaves(back).filter(([p]) => p.join('.') !== path.join('.'))).toEqual(leaves.filter(([p]) => p.join('.') !== path.join('.')));
      // The value's own lines (a folded value spans several) and no others.
      const valueLines = String(sourceText(fm, path)).split('\n').length;
      expect(changedLines(fm, edited!)).toBeLessThanOrEqual(Math.max(1, valueLines));
    }
  });

  it.each(allFiles.filter((f) => f.name.endsWith('index.md')))('$name: sections moved and moved back, added and removed, come back byte for byte', ({ text }) => {
    const fm = readPageFile(text).frontMatterText;
    const sections = readHomepage(frontMatterData(readPageFile(text))).sections;
    if (sections.length >= 3) {
      const moved = moveItem(fm, ['sections'], 1, 2)!;
      expect(moved).not.toBe(fm);
      const movedData = parseFrontMatterText(moved).toJS() as Record<string, unknown[]>;
      const data = parseFrontMatterText(fm).toJS() as Record<string, unknown[]>;
      expect(movedData['sections']![1]).toEqual(data['sections']![2]);
      expect(moveItem(moved, ['sections'], 2, 1)).toBe(fm);
    }
    if (sections.length >= 1) {
      const added = insertItem(fm, ['sections'], 1, newSection('infobar'))!;
      expect(readHomepage(parseFrontMatterText(added).toJS()).sections[1]!.type).toBe('infobar');
      expect(removeItem(added, ['sections'], 1)).toBe(fm);
    }
  });
});

describe('the rules over the real files', () => {
  it.each(realFiles)('$name: every issue names a field of a section, contact or location that is there', ({ text }) => {
    const data = frontMatterData(readPageFile(text));
    const issues = data['layout'] === 'homepage' ? homepageIssues(data) : contactUsIssues(data);
    for (const issue of issues) {
      // The field may be missing (a required one), but what holds it is there.
      let holder: unknown = data;
      for (const step of issue.path.slice(0, -1)) holder = (holder as Record<string | number, unknown>)[step];
      expect(holder, issue.path.join('.')).toBeTypeOf('object');
    }
  });
});

describe('text edits', () => {
  const fm = 'title: Home # the title\nsections:\n  - hero:\n      title: "Hello"\n      background: /images/a.png\n  - infobar:\n      title: Bar\n';

  it('keeps the quoting and the comment of an edited value', () => {
    expect(setIn(fm, ['title'], 'Welcome')).toBe(fm.replace('Home', 'Welcome'));
    expect(setIn(fm, ['sections', 0, 'hero', 'title'], 'Hi')).toBe(fm.replace('"Hello"', '"Hi"'));
  });

  it('rewrites a block string in place, keeping the keys after it', () => {
    const fm = 'sections:\n  - infobar:\n      description: >-\n        Old text\n      title: T\n';
    expect(setIn(fm, ['sections', 0, 'infobar', 'description'], 'New text')).toBe('sections:\n  - infobar:\n      description: >-\n        New text\n      title: T\n');
  });

  it('adds an absent key at its map indentation and removes it again', () => {
    const added = setIn(fm, ['sections', 1, 'infobar', 'button'], 'Go')!;
    expect(added).toBe(fm + '      button: Go\n');
    expect(setIn(added, ['sections', 1, 'infobar', 'button'], undefined)).toBe(fm);
  });

  it('removes the first key of a list item and keeps the dash', () => {
    const text = 'contacts:\n  - title: A\n    content: []\n';
    expect(setIn(text, ['contacts', 0, 'title'], undefined)).toBe('contacts:\n  - content: []\n');
  });

  it('moves a section above another', () => {
    const withPic = insertItem(fm, ['sections'], 2, newSection('infopic'))!;
    const moved = moveItem(withPic, ['sections'], 1, 2)!;
    expect(readHomepage(parseFrontMatterText(moved).toJS()).sections.map((s) => s.type)).toEqual(['hero', 'infopic', 'infobar']);
  });

  it('adds a list where there was none', () => {
    const text = insertItem('title: X\n', ['contacts'], 0, { title: 'A' })!;
    expect(text).toBe('title: X\ncontacts:\n  - title: A\n');
  });

  it('turns an empty [] into a block list in its place', () => {
    const text = 'locations:\n  - title: HQ\n    operating_hours: []\n    maps_link: ""\n';
    expect(insertItem(text, ['locations', 0, 'operating_hours'], 0, { days: 'Monday' })).toBe(
      'locations:\n  - title: HQ\n    operating_hours:\n      - days: Monday\n    maps_link: ""\n',
    );
  });

  it('refuses in-place edits of flow lists', () => {
    expect(moveItem('a: [1, 2]\n', ['a'], 0, 1)).toBeNull();
  });
});

describe('homepage rules', () => {
  it('states the limits and required fields of each section type', () => {
    const data = {
      sections: [
        { hero: { title: 'x'.repeat(61), key_highlights: [{}, {}, {}, {}, {}] } },
        { textcards: { title: '', cards: [{ title: 'Card', linktext: 'Go', url: '/' }] } },
        { infopic: { title: 'Pic', image: '/images/a.png' } },
        { resources: {} },
        { resources: {} },
      ],
    };
    const issues = homepageIssues(data).map((i) => `${i.severity} ${i.path.join('.')}: ${i.message}`);
    expect(issues).toContain('error sections.0.hero.title: At most 60 characters (now 61).');
    expect(issues).toContain('error sections.0.hero.key_highlights: At most 4 items (now 5).');
    expect(issues).toContain('error sections.1.textcards.title: This must be filled in.');
    expect(issues).toContain('warning sections.2.infopic.alt: The image is shown only with its alt.');
    expect(issues.some((i) => i.startsWith('error sections.4:'))).toBe(true);
  });

  it('keeps unknown section types and says nothing about them', () => {
    const view = readHomepage({ sections: [{ hero: {} }, { carousel: { slides: 3 } }] });
    expect(view.sections[1]).toMatchObject({ type: 'carousel', known: false });
    expect(homepageIssues({ sections: [{ hero: {} }, { carousel: { slides: 3 } }] })).toEqual([]);
  });
});

describe('Contact Us rules', () => {
  const page = (content: Record<string, string>[]) => ({ agency_name: 'Parks', contacts: [{ title: 'Enquiries', content }] });

  it('accepts the phone numbers and email addresses the spec gives, and empty lines', () => {
    expect(contactUsIssues(page([{ phone: '+65 6123 4567' }, { phone: '1800 123 4567' }, { email: 'a@b.gov.sg' }, { email: '' }]))).toEqual([]);
  });

  it('refuses other numbers and bad addresses', () => {
    const messages = contactUsIssues(page([{ phone: '6123 4567' }, { email: 'not-an-address' }])).map((i) => i.path.join('.'));
    expect(messages).toEqual(['contacts.0.content.0.phone', 'contacts.0.content.1.email']);
  });

  it('needs a contact, a title for each, and https map links', () => {
    expect(contactUsIssues({ agency_name: 'A', contacts: [] }).map((i) => i.message)).toContain('Add at least one contact.');
    const issues = contactUsIssues({ agency_name: 'A', contacts: [{ title: '' }], locations: [{ title: 'HQ', address: ['1 Road'], maps_link: 'http://maps.example' }] });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['contacts.0.title', 'locations.0.maps_link']);
  });
});

describe('which pages open on these screens', () => {
  it('opens a homepage with sections and a Contact Us page, each with an empty body', () => {
    expect(siteLayoutOf('layout: homepage\nsections:\n  - hero: {}\n', '')).toBe('homepage');
    expect(siteLayoutOf('layout: contact_us\ncontacts: []\n', '\n')).toBe('contact_us');
    // The legacy homepage (no sections) and a Contact Us page with a body open as pages.
    expect(siteLayoutOf('layout: homepage\n', '')).toBeNull();
    expect(siteLayoutOf('layout: contact_us\n', '<p>Call us</p>')).toBeNull();
  });

  it('refuses a save only for the mistakes the edits brought in', () => {
    const before = { agency_name: 'Parks', contacts: [{ title: 'A', content: [{ phone: '+65 0000 0000' }] }] };
    expect(newLayoutErrors('contact_us', before, before)).toEqual([]);
    const after = { ...before, contacts: [...before.contacts, { title: 'B', content: [{ email: 'no address' }] }] };
    expect(newLayoutErrors('contact_us', before, after).map((i) => i.path.join('.'))).toEqual(['contacts.1.content.0.email']);
  });
});

describe('pairs of fields inside list items', () => {
  it('an announcement’s link text without its address (or the other way round) is flagged on the missing half', () => {
    const item = { title: 'T', date: '01 March 2026', announcement: 'A' };
    const issues = homepageIssues({
      sections: [{ hero: {} }, { announcements: { announcement_items: [{ ...item, link_text: 'Read more' }, { ...item, link_url: '/news/' }, { ...item, link_text: 'Read', link_url: '/r/' }] } }],
    }).map((i) => `${i.severity} ${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([
      'warning sections.1.announcements.announcement_items.0.link_url: The link_text is shown only with its link_url.',
      'warning sections.1.announcements.announcement_items.1.link_text: The link_text is shown only with its link_url.',
    ]);
  });
});
