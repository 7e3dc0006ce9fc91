import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPageFile } from '../core/pageFile.ts';
import { DEFAULT_DROPDOWN_TITLE, heroMode, setHeroMode } from './heroMode.ts';
import { homepageIssues, parseFrontMatterText, readHomepage } from './homepage.ts';

const SITE_FILES = '../shared/corpus/site-files/';
const homepages = [
  ...readdirSync(SITE_FILES)
    .filter((name) => name.endsWith('__index.md'))
    .map((name) => ({ name, text: readFileSync(SITE_FILES + name, 'utf8') })),
  { name: 'sample index.md', text: readFileSync('sample-site/index.md', 'utf8') },
]
  .map(({ name, text }) => ({ name, fm: readPageFile(text).frontMatterText }))
  .filter(({ fm }) => {
    const sections = parseFrontMatterText(fm).toJS()?.sections;
    return Array.isArray(sections) && sections[0] && 'hero' in sections[0];
  });

const heroOf = (fm: string) => readHomepage(parseFrontMatterText(fm).toJS()).sections[0]!.fields;
const HERO = ['sections', 0, 'hero'];

describe('hero: button or dropdown', () => {
  const sample = homepages.find((h) => h.name === 'sample index.md')!.fm;

  it('switching to a dropdown removes the button and its link, adds a dropdown, says what went, and keeps the highlights', () => {
    const change = setHeroMode(sample, HERO, heroOf(sample), 'dropdown');
    expect(change.removed).toEqual(['the button "Plan your visit" (/coastal-trail/)']);
    const hero = heroOf(change.text!);
    expect(heroMode(hero)).toBe('dropdown');
    expect(hero['button']).toBeUndefined();
    expect(hero['url']).toBeUndefined();
    expect(hero['dropdown']).toEqual({ title: DEFAULT_DROPDOWN_TITLE, options: [{ title: 'Option', url: '/' }] });
    expect((hero['key_highlights'] as unknown[]).length).toBe(3);
    const dropdown = `      dropdown:\n        title: ${DEFAULT_DROPDOWN_TITLE}\n        options:\n          - title: Option\n            url: /\n`;
    expect(change.text).toBe(sample.replace('      button: Plan your visit\n      url: /coastal-trail/\n', '').replace('      backgroundColor: gray\n', `      backgroundColor: gray\n${dropdown}`));
    expect(homepageIssues(parseFrontMatterText(change.text!).toJS())).toEqual([]);
  });

  it('switching back removes the dropdown with its options and adds a button to fill in', () => {
    const dropdown = setHeroMode(sample, HERO, heroOf(sample), 'dropdown').text!;
    const change = setHeroMode(dropdown, HERO, heroOf(dropdown), 'button');
    expect(change.removed).toEqual([`the dropdown "${DEFAULT_DROPDOWN_TITLE}" with 1 option`]);
    const hero = heroOf(change.text!);
    expect(heroMode(hero)).toBe('button');
    expect(hero['dropdown']).toBeUndefined();
    expect([hero['button'], hero['url']]).toEqual(['Learn more', '/']);
  });

  it('asking for the mode the hero is in changes nothing', () => {
    expect(setHeroMode(sample, HERO, heroOf(sample), 'button')).toEqual({ text: sample, removed: [] });
  });

  it.each(homepages.map((h) => [h.name, h.fm] as const))('%s: a switch touches only the hero’s button, link and dropdown', (_name, fm) => {
    const before = parseFrontMatterText(fm).toJS();
    const after = setHeroMode(fm, HERO, heroOf(fm), 'dropdown').text;
    expect(after).not.toBeNull();
    const data = parseFrontMatterText(after!).toJS();
    const strip = (d: { sections: { hero: Record<string, unknown> }[] }) => {
      const { button: _b, url: _u, dropdown: _d, ...rest } = d.sections[0]!.hero;
      return { ...d, sections: [{ hero: rest }, ...d.sections.slice(1)] };
    };
    expect(strip(data)).toEqual(strip(before));
    // Every line after the hero is as it was.
    const tail = (text: string) => text.slice(text.indexOf('\n  - ', text.indexOf('- hero:') + 1));
    if (before.sections.length > 1) expect(tail(after!)).toBe(tail(fm));
  });

  it('states the dropdown’s limits and required fields, and that it hides a button', () => {
    const issues = homepageIssues({
      sections: [{ hero: { button: 'Go', url: '/go/', dropdown: { title: 'x'.repeat(31), options: [{ title: 'y'.repeat(31) }, { url: '/a/' }] } } }],
    }).map((i) => `${i.severity} ${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([
      'error sections.0.hero.dropdown.title: At most 30 characters (now 31).',
      'error sections.0.hero.dropdown.options.0.title: At most 30 characters (now 31).',
      'error sections.0.hero.dropdown.options.0.url: This must be filled in.',
      'error sections.0.hero.dropdown.options.1.title: This must be filled in.',
      'warning sections.0.hero.button: The dropdown takes the place of the button: this button is not shown.',
    ]);
    expect(homepageIssues({ sections: [{ hero: { dropdown: { options: [] } } }] }).map((i) => i.message)).toEqual(['A dropdown needs at least one option.']);
  });
});
