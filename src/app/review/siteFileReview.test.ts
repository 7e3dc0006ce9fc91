import { describe, expect, it } from 'vitest';
import { readSampleSiteFile } from '../../core/testing/siteFiles.ts';
import { siteFieldChanges, siteFileKind, siteSideDocument, type ReviewSite, type SiteTexts } from './siteFileReview.ts';

const texts: SiteTexts = {
  config: readSampleSiteFile('_config.yml').text,
  navigation: readSampleSiteFile('_data/navigation.yml').text,
  footer: readSampleSiteFile('_data/footer.yml').text,
  homepage: readSampleSiteFile('index.md').text,
};
const site = (changed: Partial<SiteTexts>): ReviewSite => ({
  info: { title: 'Harbourview Parks Board', baseurl: '', colors: null, resourcesName: 'news', navigation: null, collections: [] },
  pages: [],
  published: texts,
  changed: { ...texts, ...changed },
});

describe('site files on the review screen', () => {
  it('knows which screen edits each file', () => {
    expect(siteFileKind('_data/navigation.yml', null, '')).toBe('navigation');
    expect(siteFileKind('_data/footer.yml', '', '')).toBe('footer');
    expect(siteFileKind('_config.yml', '', '')).toBe('settings');
    expect(siteFileKind('index.md', texts.homepage, texts.homepage)).toBe('homepage');
    expect(siteFileKind('pages/contact-us.md', null, readSampleSiteFile('pages/contact-us.md').text)).toBe('contact_us');
    expect(siteFileKind('pages/faq.md', null, readSampleSiteFile('pages/faq.md').text)).toBeNull();
    expect(siteFileKind('images/logo.svg', null, '')).toBeNull();
  });

  it('shows a navigation change in the header of the homepage, published and changed side by side, with the link before and now', () => {
    const navigation = texts.navigation!.replace('title: Volunteer\n    url: /volunteer/', 'title: Get involved\n    url: /volunteer/');
    const s = site({ navigation });
    const before = siteSideDocument('navigation', '_data/navigation.yml', texts.navigation, s.published, s, '');
    const after = siteSideDocument('navigation', '_data/navigation.yml', navigation, s.changed, s, '');
    expect(before).toContain('>Volunteer<');
    expect(before).not.toContain('Get involved');
    expect(after).toContain('Get involved');
    // The homepage itself, around the header.
    expect(after).toContain('Green spaces by the water');
    // A link renamed reads as the old one removed and the new one added, as on the navigation screen's review.
    const groups = siteFieldChanges('navigation', texts.navigation, navigation);
    expect(groups.map((g) => g.title)).toEqual(['links 4 (“Volunteer”): removed', expect.stringMatching(/^links 4 \(“Get involved”\)/)]);
    expect(groups[1]!.rows).toContainEqual({ key: 'title', before: '(not set)', after: 'Get involved' });
  });

  it("shows a homepage hero change through the homepage's preview, and footer and settings changes around it", () => {
    const homepage = texts.homepage!.replace('title: Green spaces by the water', 'title: Parks for everyone');
    const s = site({ homepage });
    expect(siteSideDocument('homepage', 'index.md', texts.homepage, s.published, s, '')).toContain('Green spaces by the water');
    expect(siteSideDocument('homepage', 'index.md', homepage, s.changed, s, '')).toContain('Parks for everyone');
    expect(siteFieldChanges('homepage', texts.homepage, homepage)).toEqual([
      { title: 'sections 1 (hero)', rows: [{ key: 'hero › title', before: 'Green spaces by the water', after: 'Parks for everyone' }] },
    ]);

    const footer = texts.footer!.replace('faq: /faq/', 'faq: /questions/');
    const f = site({ footer });
    expect(siteSideDocument('footer', '_data/footer.yml', footer, f.changed, f, '')).toContain('href="/questions/"');
    expect(siteSideDocument('footer', '_data/footer.yml', texts.footer, f.published, f, '')).not.toContain('href="/questions/"');

    const config = texts.config!.replace('title: Harbourview Parks Board', 'title: Harbourview Parks');
    const c = site({ config });
    expect(siteSideDocument('settings', '_config.yml', config, c.changed, c, '')).toContain('<title>');
    expect(siteFieldChanges('settings', texts.config, config)).toEqual([{ title: expect.any(String), rows: [{ key: 'title', before: 'Harbourview Parks Board', after: 'Harbourview Parks' }] }]);
  });
});
