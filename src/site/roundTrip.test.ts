import { describe, expect, it } from 'vitest';
import { useJsdom } from '../core/node/useJsdom.ts';
import { changedLines, readSampleSiteFile, readSiteFiles } from '../core/testing/siteFiles.ts';
import { FOOTER_FIELDS } from './footer.ts';
import { addNavLink, moveNavLink, readNavigation, removeNavLink, renameNavLink } from './navigation.ts';
import { readForm, writeFieldValue } from './siteForm.ts';
import { changesOutsideSettings, SETTINGS_FIELDS } from './siteSettings.ts';

useJsdom();

const navigationFiles = [...readSiteFiles('_data__navigation.yml'), readSampleSiteFile('_data/navigation.yml')];
const footerFiles = [...readSiteFiles('_data__footer.yml'), readSampleSiteFile('_data/footer.yml')];
const configFiles = [...readSiteFiles('__config.yml'), readSampleSiteFile('_config.yml')];

describe('site data files: no-op round trip is byte-identical', () => {
  it('finds the real files', () => {
    expect(navigationFiles.length).toBeGreaterThanOrEqual(7);
    expect(footerFiles.length).toBeGreaterThanOrEqual(6);
    expect(configFiles.length).toBeGreaterThanOrEqual(7);
  });

  it.each(footerFiles)('footer $name: every field written back with its own value changes nothing', ({ text }) => {
    const form = readForm(text, FOOTER_FIELDS);
    let out = text;
    for (const field of FOOTER_FIELDS) out = writeFieldValue(out, field, form[field.path.join('.')]!);
    expect(out).toBe(text);
  });

  it.each(configFiles)('settings $name: every field written back with its own value changes nothing', ({ text }) => {
    const form = readForm(text, SETTINGS_FIELDS);
    let out = text;
    for (const field of SETTINGS_FIELDS) out = writeFieldValue(out, field, form[field.path.join('.')]!);
    expect(out).toBe(text);
    expect(changesOutsideSettings(text, out)).toEqual([]);
  });

  it.each(navigationFiles)('navigation $name: renaming each link to its own title and moving it back changes nothing', ({ text }) => {
    const nav = readNavigation(text);
    expect(nav.links.length).toBeGreaterThan(0);
    let out = text;
    nav.links.forEach((link, i) => {
      out = renameNavLink(out, [i], link.title);
      link.sublinks.forEach((sub, j) => (out = renameNavLink(out, [i, j], sub.title)));
    });
    expect(out).toBe(text);
    if (nav.links.length > 1) {
      const last = nav.links.length - 1;
      out = moveNavLink(moveNavLink(out, null, last, 0), null, 0, last);
      expect(out).toBe(text);
    }
  });
});

describe('site data files: an edit changes only its own lines', () => {
  it.each(navigationFiles)('navigation $name: rename, move first, add and remove', ({ text }) => {
    const nav = readNavigation(text);
    const renamed = renameNavLink(text, [0], 'Renamed link');
    const diff = changedLines(text, renamed);
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toEqual([diff.removed[0]!.replace(nav.links[0]!.title, 'Renamed link')]);
    expect(readNavigation(renamed).links[0]!.title).toBe('Renamed link');

    const last = nav.links.length - 1;
    const moved = moveNavLink(text, null, last, 0);
    const after = readNavigation(moved);
    expect(after.links.map((l) => l.title)).toEqual([nav.links[last]!.title, ...nav.links.slice(0, last).map((l) => l.title)]);
    expect(moved.split('\n').sort()).toEqual(text.split('\n').sort()); // the same lines, in another order

    const added = addNavLink(text, { title: 'New page', kind: 'url', target: '/new-page/' });
    expect(readNavigation(added).links.at(-1)).toEqual({ title: 'New page', kind: 'url', target: '/new-page/', sublinks: [] });
    expect(readNavigation(added).format).toBe(nav.format);
    const addDiff = changedLines(text, added);
    expect(addDiff.removed.filter((l) => l.trim() !== '')).toEqual([]);
    expect(addDiff.added.filter((l) => l.trim() !== '')).toHaveLength(2);

    expect(removeNavLink(added, [nav.links.length])).toBe(text);
  });

  it('the older format keeps its sub-links key and top-level list', () => {
    const legacy = navigationFiles.find((f) => readNavigation(f.text).format === 'legacy');
    expect(legacy).toBeDefined();
    const text = legacy!.text;
    const parent = readNavigation(text).links.findIndex((l) => l.sublinks.length > 1);
    const out = addNavLink(text, { title: 'Another', kind: 'url', target: '/another/' }, parent);
    expect(readNavigation(out).links[parent]!.sublinks.at(-1)).toEqual({ title: 'Another', url: '/another/' });
    expect(out).toContain('sub-links:');
    expect(out).not.toContain('sublinks:');
    expect(() => addNavLink(text, { title: 'Folder', kind: 'collection', target: 'about' })).toThrow(/older format/);
  });

  it.each(configFiles)('settings $name: changing the primary colour changes one line', ({ text }) => {
    const field = SETTINGS_FIELDS.find((f) => f.path.join('.') === 'colors.primary-color')!;
    if (readForm(text, [field])['colors.primary-color'] === '') return expect(text).not.toMatch(/primary-color/);
    const out = writeFieldValue(text, field, '#123456');
    const diff = changedLines(text, out);
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toHaveLength(1);
    expect(diff.added[0]).toContain('#123456');
    // The quotes the file used are kept.
    expect(diff.added[0]!.replace('123456', '')).toBe(diff.removed[0]!.replace(/[0-9a-f]{6}/i, ''));
    expect(changesOutsideSettings(text, out)).toEqual([]);
    expect(changesOutsideSettings(text, out.replace(/^baseurl:.*$/m, 'baseurl: /x'))).toEqual(text.match(/^baseurl:/m) ? ['baseurl'] : []);
  });

  it.each(footerFiles)('footer $name: a social address set adds or changes only its line', ({ text }) => {
    const field = FOOTER_FIELDS.find((f) => f.path.join('.') === 'social_media.telegram')!;
    const out = writeFieldValue(text, field, 'https://t.me/example');
    expect(readForm(out, FOOTER_FIELDS)['social_media.telegram']).toBe('https://t.me/example');
    const diff = changedLines(text, out);
    expect(diff.added.filter((l) => l.includes('https://t.me/example'))).toHaveLength(1);
    // A block mapping gains one line (or its `telegram:` line changes); a flow one (`{}`) is rewritten on its own line.
    expect(diff.removed.length).toBeLessThanOrEqual(1);
    for (const line of diff.removed) expect(line).toMatch(/telegram:|social_media: \{/);
  });
});
