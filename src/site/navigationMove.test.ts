import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveNavLinkTo, readNavigation, type NavPosition } from './navigation.ts';
import { siteYamlData } from './yamlTextEdit.ts';

const CORPUS = path.resolve('../shared/corpus/site-files');
const files = [
  ...readdirSync(CORPUS)
    .filter((name) => name.endsWith('_data__navigation.yml'))
    .map((name) => ({ name, text: readFileSync(path.join(CORPUS, name), 'utf8') })),
  { name: 'sample-site/_data/navigation.yml', text: readFileSync(path.resolve('sample-site/_data/navigation.yml'), 'utf8') },
];
const sample = files[files.length - 1]!.text;

describe('moving a navigation link between the top level and the sub-links', () => {
  it('makes a top-level link a sub-link: only its lines move', () => {
    const moved = moveNavLinkTo(sample, [3], [0, 0]);
    expect(moved).toBe(
      sample
        .replace('  - title: Volunteer\n    url: /volunteer/\n', '')
        .replace('    url: /about-us/\n', '    url: /about-us/\n    sublinks:\n      - title: Volunteer\n        url: /volunteer/\n'),
    );
  });

  it('takes a sub-link to the top level, where it is asked to go', () => {
    const moved = moveNavLinkTo(sample, [2, 1], [0]);
    const nav = readNavigation(moved);
    expect(nav.links.map((l) => l.title)).toEqual(['Coastal Trail', 'About Us', 'Our Organisation', 'Visit', 'Volunteer', 'News', 'Contact Us']);
    expect(nav.links[0]).toEqual({ title: 'Coastal Trail', kind: 'url', target: '/coastal-trail/', sublinks: [] });
    expect(nav.links[3]!.sublinks.map((s) => s.title)).toEqual(['Park Rules v2.0', 'Events Calendar', 'Permits']);
  });

  it('counts the new parent as the links are before the move', () => {
    // Volunteer (3) under Contact Us (5): Contact Us is the fifth link once Volunteer has left the top level.
    const moved = moveNavLinkTo(sample, [3], [5, 0]);
    const nav = readNavigation(moved);
    expect(nav.links.map((l) => l.title)).toEqual(['About Us', 'Our Organisation', 'Visit', 'News', 'Contact Us']);
    expect(nav.links[4]!.sublinks).toEqual([{ title: 'Volunteer', url: '/volunteer/' }]);
  });

  it('a link moved in and out again leaves the file as it was', () => {
    expect(moveNavLinkTo(moveNavLinkTo(sample, [3], [0, 0]), [0, 0], [3])).toBe(sample);
  });

  it('moves within one list as the move of that list', () => {
    expect(readNavigation(moveNavLinkTo(sample, [2, 3], [2, 0])).links[2]!.sublinks[0]!.title).toBe('Permits');
    expect(readNavigation(moveNavLinkTo(sample, [5], [0])).links[0]!.title).toBe('Contact Us');
  });

  it('refuses what the theme cannot show', () => {
    // A folder builds its own dropdown: no sub-links under it, and it cannot become one.
    expect(() => moveNavLinkTo(sample, [3], [1, 0])).toThrow(/cannot have sub-links/);
    expect(() => moveNavLinkTo(sample, [1], [0, 0])).toThrow(/Only a link to a page/);
    // A link with sub-links of its own stays at the top level.
    expect(() => moveNavLinkTo(moveNavLinkTo(sample, [3], [0, 0]), [0], [2, 0])).toThrow(/Only a link to a page/);
    expect(() => moveNavLinkTo(sample, [9], [0, 0])).toThrow(/No such link/);
  });

  it.each(files)('$name: each page link moved under the link before it and back keeps the file’s data', ({ text }) => {
    const nav = readNavigation(text);
    nav.links.forEach((link, i) => {
      const parent = nav.links[i - 1];
      if (i === 0 || link.kind !== 'url' || link.sublinks.length > 0 || !parent || (parent.kind !== 'url' && parent.kind !== 'none')) return;
      const under: NavPosition = [i - 1, parent.sublinks.length];
      const moved = moveNavLinkTo(text, [i], under);
      expect(readNavigation(moved).links[i - 1]!.sublinks.at(-1)).toEqual({ title: link.title, url: link.target });
      expect(readNavigation(moved).format).toBe(nav.format);
      const back = moveNavLinkTo(moved, under, [i]);
      expect(siteYamlData(back)).toEqual(siteYamlData(text));
    });
  });
});
