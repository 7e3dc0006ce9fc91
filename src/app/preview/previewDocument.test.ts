import { describe, expect, it } from 'vitest';
import type { PageSummary } from '../../storage/siteApi.ts';
import { buildPreviewDocument, leftNavigation, navigationLinks, type PreviewSite } from './previewDocument.ts';

const page = (path: string, title: string, permalink: string | null, extra: Partial<PageSummary> = {}): PageSummary => ({
  path,
  title,
  permalink,
  variant: 'tiptap',
  layout: null,
  collection: /^_([^/]+)\//.exec(path)?.[1] ?? null,
  thirdNavTitle: null,
  resourceCategory: null,
  modified: 0,
  ...extra,
});

const pages = [
  page('pages/about-us.md', 'About Us', '/about-us/'),
  page('_about/Who We Are.md', 'Who We Are', '/about/who-we-are/'),
  page('_about/Our Story.md', 'Our Story', '/about/our-story/'),
  page('_about/Our Parks/Harbour Lawn.md', 'Harbour Lawn', '/about/parks/harbour-lawn/', { thirdNavTitle: 'Our Parks' }),
];

const site: PreviewSite = {
  title: 'Harbourview <Parks>',
  colors: { 'primary-color': '#0b6e4f', 'secondary-color': 'red;}body{display:none' },
  resourcesName: 'news',
  navigation: {
    logo: '/images/logo.svg',
    links: [
      { title: 'About Us', url: '/about-us/' },
      { title: 'Our Organisation', collection: 'about' },
      { title: 'Visit', sublinks: [{ title: 'Rules', url: '/park-rules/' }, { title: 'Bad', url: 'javascript:alert(1)' }] },
      { title: 'News', resource_room: true },
    ],
  },
  collections: [{ name: 'about', order: ['Our Story.md', 'Who We Are.md', 'Our Parks/.keep', 'Our Parks/Harbour Lawn.md'] }],
};

describe('the preview document', () => {
  it('resolves navigation links: url, collection (first page in order), resource room, sublinks', () => {
    const { logo, links } = navigationLinks(site, pages);
    expect(logo).toBe('/images/logo.svg');
    expect(links.map((l) => [l.title, l.url])).toEqual([
      ['About Us', '/about-us/'],
      ['Our Organisation', '/about/our-story/'],
      ['Visit', null],
      ['News', '/news/'],
    ]);
    expect(links[2]!.sublinks.map((l) => l.title)).toEqual(['Rules', 'Bad']);
  });

  it('lists a collection in collection.yml order, with third-level folders as groups, the current page marked', () => {
    const groups = leftNavigation('_about/Who We Are.md', pages, site.collections);
    expect(groups).toEqual([
      { title: null, items: [{ title: 'Our Story', url: '/about/our-story/', current: false }, { title: 'Who We Are', url: '/about/who-we-are/', current: true }] },
      { title: 'Our Parks', items: [{ title: 'Harbour Lawn', url: '/about/parks/harbour-lawn/', current: false }] },
    ]);
    expect(leftNavigation('pages/about-us.md', pages, site.collections)).toEqual([]);
  });

  it('escapes text, refuses unsafe colours and link addresses, and puts the body in place', () => {
    const html = buildPreviewDocument({ site, pages, path: '_about/Our Story.md', title: 'Our <Story>', bodyHtml: '<p>Body</p>', css: '.x{}' });
    expect(html).toContain('<h1 class="page-title">Our &lt;Story&gt;</h1>');
    expect(html).toContain('--site-secondary: #1f4e79');
    expect(html).not.toContain('display:none');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<span>Bad</span>');
    expect(html).toContain('<div class="isomer-content"><p>Body</p></div>');
    expect(html).toMatch(/<ol><li><a href="\/">Home<\/a><\/li><li>About<\/li><li aria-current="page">Our &lt;Story&gt;<\/li><\/ol>/);
    expect(html).toContain('class="left-nav"');
    expect(html).not.toMatch(/<script/i);
  });
});
