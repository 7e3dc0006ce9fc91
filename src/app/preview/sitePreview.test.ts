import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useJsdom } from '../../core/node/useJsdom.ts';
import type { PageSummary } from '../../storage/siteApi.ts';
import { buildPreviewDocument, type NavLink } from './previewDocument.ts';
import { contactUsHtml, footerHtml, homepageHtml, notificationHtml, printedHtml, printedUrl, type SitePreviewContext } from './sitePreview.ts';

const win = useJsdom();

const CORPUS = path.resolve('../shared/corpus/site-files');
const frontMatter = (text: string) => parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!) as Record<string, unknown>;
const sampleFile = (rel: string) => readFileSync(path.resolve('sample-site', rel), 'utf8');

const navLinks: NavLink[] = [
  { title: 'About Us', url: '/about-us/', sublinks: [] },
  { title: 'Contact Us', url: '/contact-us/', sublinks: [] },
];
const ctx: SitePreviewContext = { siteTitle: 'Harbourview Parks Board', resourcesName: 'news', pages: [], navLinks, year: 2026 };

/** The HTML as a browser reads it. */
const dom = (html: string) => {
  const doc = new win.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return doc.body;
};

describe('printed strings', () => {
  it('prints plain formatting as HTML, as the theme does', () => {
    expect(printedHtml('Line one<br>line <b>two</b>')).toBe('Line one<br>line <b>two</b>');
    expect(printedHtml('Tom &amp; Jerry')).toBe('Tom &amp; Jerry');
  });

  it('shows markup that could run as text', () => {
    expect(printedHtml('<img src=x onerror=alert(1)>Hi')).toBe('&lt;img src=x onerror=alert(1)&gt;Hi');
    expect(printedHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(printedHtml('<a href="javascript:alert(1)">x</a>')).not.toContain('<a');
  });

  it('links only addresses a browser would just follow', () => {
    expect(printedUrl('/park-rules/')).toBe('/park-rules/');
    expect(printedUrl('https://www.example.gov.sg/')).toBe('https://www.example.gov.sg/');
    expect(printedUrl('javascript:alert(1)')).toBeNull();
    expect(printedUrl('&#106;avascript:alert(1)')).toBeNull();
    expect(printedUrl('')).toBeNull();
  });
});

describe('homepageHtml', () => {
  const sample = frontMatter(sampleFile('index.md'));

  it('shows the sample homepage: notification, hero, then each section in order on alternating backgrounds', () => {
    const body = dom(homepageHtml(sample, ctx));
    expect(body.querySelector('.notification-bar')?.textContent).toContain('The Sunset Pier boardwalk is closed for repairs');
    const sections = Array.from(body.querySelectorAll('section[data-section-type]'));
    expect(sections.map((s) => s.getAttribute('data-section-type'))).toEqual(['hero', 'infobar', 'resources', 'infopic']);
    expect(sections.slice(1).map((s) => /home-section--(white|grey)/.exec(s.className)?.[1])).toEqual(['white', 'grey', 'white']);
    const hero = sections[0]!;
    expect(hero.className).toContain('hero--floating');
    expect(hero.querySelector('h1')?.textContent).toBe('Green spaces by the water');
    expect(hero.querySelector('.hero__box')?.className).toContain('hero__box--gray');
    expect(hero.querySelector('a.hero__button')?.getAttribute('href')).toBe('/coastal-trail/');
    expect(hero.querySelector('img.hero__background')?.getAttribute('src')).toBe('/images/hero-banner.png');
    expect(Array.from(hero.querySelectorAll('.key-highlights__item strong')).map((s) => s.textContent)).toEqual(['Park Rules', 'Volunteer', 'Permits']);
    // The first infopic has its text first; the picture carries its alt text.
    const infopic = sections[3]!;
    expect(infopic.className).not.toContain('infopic--image-first');
    expect(infopic.querySelector('img')?.getAttribute('alt')).toBe('Boardwalk through mangroves');
    expect(sections[2]!.querySelector('a.home-section__link')?.getAttribute('href')).toBe('/news/');
  });

  it('alternates infopic sides and keeps the order of the sections', () => {
    const infopic = (title: string) => ({ infopic: { title, image: '/images/a.png', alt: 'A' } });
    const data = { sections: [{ hero: { title: 'H' } }, infopic('One'), { infobar: { title: 'Bar' } }, infopic('Two'), infopic('Three')] };
    const body = dom(homepageHtml(data, ctx));
    const pics = Array.from(body.querySelectorAll('section[data-section-type="infopic"]'));
    expect(pics.map((p) => p.querySelector('h2')?.textContent)).toEqual(['One', 'Two', 'Three']);
    expect(pics.map((p) => p.classList.contains('infopic--image-first'))).toEqual([false, true, false]);
    // The picture comes first in the markup of an image-first infopic.
    expect(pics[1]!.querySelector('.home-section__inner')?.firstElementChild?.className).toBe('infopic__figure');
  });

  it('prints titles as the theme does, but never markup that could run, nor unsafe links', () => {
    const data = {
      notification: '<p></p>',
      sections: [
        { hero: { title: 'Parks<br>by the sea', subtitle: '<img src=x onerror=alert(1)>', button: 'Go', url: 'javascript:alert(1)' } },
        { infobar: { title: '"><script>alert(1)</script>', button: 'More', url: '/more/' } },
      ],
    };
    const html = homepageHtml(data, ctx);
    const body = dom(html);
    expect(body.querySelector('.notification-bar')).toBeNull();
    expect(body.querySelector('h1')?.innerHTML).toBe('Parks<br>by the sea');
    expect(body.querySelector('script')).toBeNull();
    expect(body.querySelector('[onerror]')).toBeNull();
    expect(body.querySelector('.hero__subtitle')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(body.querySelector('[data-section-type="infobar"] h2')?.textContent).toBe('"><script>alert(1)</script>');
    expect(html).not.toContain('javascript:');
    expect(body.querySelector('.hero__button')?.tagName).toBe('SPAN');
  });

  it('shows the hero dropdown in place of the button, and the image variant without text', () => {
    const dropdown = { dropdown: { title: 'I want to', options: [{ title: 'Apply', url: '/apply/' }] }, button: 'Hidden', url: '/x/' };
    const body = dom(homepageHtml({ sections: [{ hero: dropdown }] }, ctx));
    expect(body.querySelector('.hero__button')).toBeNull();
    expect(body.querySelector('.hero__options a')?.getAttribute('href')).toBe('/apply/');
    const image = dom(homepageHtml({ sections: [{ hero: { variant: 'image', title: 'Not shown', background: '/b.png' } }] }, ctx));
    expect(image.querySelector('h1')).toBeNull();
  });

  it('says so when the hero is not first, and an infopic without alt text shows no picture', () => {
    const body = dom(homepageHtml({ sections: [{ infopic: { title: 'T', image: '/a.png' } }] }, ctx));
    expect(body.querySelector('.homepage-error')).not.toBeNull();
    expect(body.querySelector('img')).toBeNull();
    expect(body.querySelector('.infopic__missing')).not.toBeNull();
  });

  it('lists the three newest posts of the resource room in a resources section', () => {
    const post = (title: string, modified: number): PageSummary => ({
      path: `news/updates/_posts/${title}.md`,
      title,
      permalink: `/news/${title}/`,
      variant: 'tiptap',
      layout: 'post',
      collection: null,
      thirdNavTitle: null,
      resourceCategory: 'updates',
      modified,
    });
    const pages = [post('old', 1), post('newest', 4), post('middle', 3), post('newer', 3), { ...post('not-a-post', 9), resourceCategory: null }];
    const body = dom(homepageHtml({ sections: [{ hero: {} }, { resources: { title: 'News' } }] }, { ...ctx, pages }));
    expect(Array.from(body.querySelectorAll('.resources__card')).map((c) => c.textContent)).toEqual(['newest', 'middle', 'newer']);
    expect(body.querySelector('.home-section__more')?.textContent).toContain('MORE');
  });

  it('lays out every homepage of the corpus, a section for each known one', () => {
    const files = readdirSync(CORPUS).filter((name) => name.endsWith('__index.md'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const name of files) {
      const data = frontMatter(readFileSync(path.join(CORPUS, name), 'utf8'));
      const known = (Array.isArray(data['sections']) ? data['sections'] : []).filter((s) =>
        ['hero', 'infobar', 'infopic', 'textcards', 'infocols', 'announcements', 'resources'].includes(Object.keys(s ?? {})[0] ?? ''),
      );
      const body = dom(homepageHtml(data, ctx));
      expect(body.querySelectorAll('section[data-section-type]').length, name).toBe(known.length);
      expect(body.querySelector('script'), name).toBeNull();
    }
  });
});

describe('notificationHtml', () => {
  it('shows the bar only when text is left after stripping markup', () => {
    expect(notificationHtml('')).toBe('');
    expect(notificationHtml(null)).toBe('');
    expect(notificationHtml('<b> </b>')).toBe('');
    expect(notificationHtml('Closed <b>today</b>')).toContain('Closed <b>today</b>');
  });
});

describe('contactUsHtml', () => {
  it('shows the sample page: agency, locations with map and hours, contacts with phone and email links', () => {
    const body = dom(contactUsHtml(frontMatter(sampleFile('pages/contact-us.md')), ctx));
    expect(body.querySelector('.contact-us__intro')?.textContent).toBe('Get in touch with Harbourview Parks Board');
    const location = body.querySelector('.contact-location')!;
    expect(location.querySelector('.contact-location__address')?.innerHTML).toBe('1 Harbour Lawn Road<br>Harbourview Park<br>Harbourview 000001');
    // No map link: a search for the address.
    expect(location.querySelector('a.contact-location__map')?.getAttribute('href')).toContain('query=1%20Harbour%20Lawn%20Road');
    expect(Array.from(location.querySelectorAll('.contact-hours__days')).map((p) => p.textContent)).toEqual(['Monday to Friday', 'Saturday and Sunday']);
    const contacts = Array.from(body.querySelectorAll('.contact'));
    expect(contacts.map((c) => c.querySelector('.contact__title')?.textContent)).toEqual(['General enquiries', 'Report a fallen tree or damaged facility']);
    expect(contacts[0]!.querySelector('a.contact__phone')?.getAttribute('href')).toBe('tel:+6500000000');
    expect(contacts[0]!.querySelector('a.contact__email')?.getAttribute('href')).toBe('mailto:enquiries@harbourview-parks.example');
    expect(contacts[1]!.querySelector('.contact__email')).toBeNull();
  });

  it('falls back to the site title, skips locations without an address, and prints no markup that could run', () => {
    const data = {
      locations: [{ title: 'Nowhere', address: ['', ''] }],
      contacts: [{ title: 'Help', content: [{ other: 'Call <b>us</b><img src=x onerror=alert(1)>' }, { email: 'bad"@x.sg' }] }],
    };
    const body = dom(contactUsHtml(data, ctx));
    expect(body.querySelector('.contact-us__intro')?.textContent).toBe('Get in touch with Harbourview Parks Board');
    expect(body.querySelector('.contact-location')).toBeNull();
    expect(body.querySelector('[onerror]')).toBeNull();
    expect(body.querySelector('.contact__line')?.textContent).toContain('Call <b>us</b>');
  });
});

describe('contactUsHtml: feedback and image band', () => {
  it('links the footer\'s feedback form, not the page\'s own key, and draws the page image as a band at the bottom', () => {
    const data = { agency_name: 'Parks', feedback: 'https://form.gov.sg/page-key', image: '/images/lawn.jpg', contacts: [{ title: 'Help', content: [{ phone: '+65 6000 0000' }] }] };
    const body = dom(contactUsHtml(data, ctx, { feedback: 'https://form.gov.sg/footer-key' }));
    expect(body.querySelector('a.contact-feedback__link')?.getAttribute('href')).toBe('https://form.gov.sg/footer-key');
    const last = body.querySelector('.contact-us')!.lastElementChild!;
    expect(last.querySelector('img.contact-us__image')?.getAttribute('src')).toBe('/images/lawn.jpg');
  });

  it('shows no feedback link without one in the footer, and no band for an image address that would not load', () => {
    const body = dom(contactUsHtml({ feedback: 'https://form.gov.sg/page-key', image: 'javascript:alert(1)' }, ctx, { feedback: '' }));
    expect(body.querySelector('.contact-feedback')).toBeNull();
    expect(body.querySelector('.contact-us__band')).toBeNull();
  });
});

describe('contactUsHtml over the corpus', () => {
  it('shows every contact of every Contact Us page, and nothing that runs', () => {
    const files = readdirSync(CORPUS).filter((name) => name.endsWith('__pages__contact-us.md'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const name of files) {
      const data = frontMatter(readFileSync(path.join(CORPUS, name), 'utf8'));
      if (data['layout'] !== 'contact_us') continue;
      const body = dom(contactUsHtml(data, ctx));
      expect(body.querySelectorAll('.contact').length, name).toBe(Array.isArray(data['contacts']) ? data['contacts'].length : 0);
      expect(body.querySelector('script, [onerror], [onload]'), name).toBeNull();
    }
  });
});

describe('footerHtml', () => {
  it('shows the sample footer: the set links, REACH, the filled social media, and the navigation without Contact Us', () => {
    const body = dom(footerHtml(parse(sampleFile('_data/footer.yml')), ctx));
    const labels = (selector: string) => Array.from(body.querySelectorAll(`${selector} a`)).map((a) => a.textContent);
    expect(labels('.site-footer__nav')).toEqual(['About Us']);
    expect(labels('.site-footer__links')).toEqual(['Contact Us', 'Feedback', 'FAQ', 'REACH']);
    expect(labels('.site-footer__social')).toEqual(['Facebook', 'YouTube']);
    expect(labels('.site-footer__legal')).toEqual(['Report Vulnerability', 'Privacy Statement', 'Terms of Use']);
    expect(body.querySelector('.site-footer__legal a[href="/privacy/"]')).not.toBeNull();
    expect(body.querySelector('.site-footer__copy')?.textContent).toBe('© 2026 Harbourview Parks Board');
  });

  it('uses the footer’s own links, copyright holder and legal addresses, and no unsafe link', () => {
    const footer = {
      copyright_agency: 'Parks <i>Board</i>',
      privacy_policy: '/our-privacy/',
      faq: 'javascript:alert(1)',
      navlinks: [{ title: 'Only this', url: '/only/' }],
      links: [{ title: 'One', url: '/1/' }, { title: 'Two', url: '/2/' }, { title: 'Three', url: '/3/' }],
    };
    const html = footerHtml(footer, ctx);
    const body = dom(html);
    expect(Array.from(body.querySelectorAll('.site-footer__nav a')).map((a) => a.textContent)).toEqual(['Only this']);
    expect(Array.from(body.querySelectorAll('.site-footer__links > li')).map((a) => a.textContent)).toEqual(['FAQ', 'One', 'Two']);
    expect(html).not.toContain('javascript:');
    expect(body.querySelector('.site-footer__copy')?.innerHTML).toBe('© 2026 Parks <i>Board</i>');
    expect(body.querySelector('.site-footer__legal a[href="/our-privacy/"]')).not.toBeNull();
  });

  it('is part of every page’s preview', () => {
    const pages: PageSummary[] = [];
    const html = buildPreviewDocument({
      site: { title: 'Harbourview', colors: null, resourcesName: null, navigation: { links: [{ title: 'Visit', url: '/visit/' }] }, collections: [] },
      pages,
      path: 'pages/a.md',
      title: 'A',
      bodyHtml: '<p>Body</p>',
      css: '',
      footer: { feedback: 'https://form.example/1' },
    });
    const body = dom(html.replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, ''));
    expect(body.querySelector('.site-footer__nav a')?.textContent).toBe('Visit');
    expect(body.querySelector('.site-footer__links a')?.getAttribute('href')).toBe('https://form.example/1');
    expect(body.querySelector('.page-title')?.textContent).toBe('A');
  });

  it('replaces the banner and content column with the homepage’s own layout', () => {
    const html = buildPreviewDocument({
      site: null,
      pages: [],
      path: 'index.md',
      title: 'Home',
      bodyHtml: '',
      css: '',
      ownLayoutHtml: homepageHtml({ sections: [{ hero: { title: 'Welcome' } }] }, ctx),
    });
    const body = dom(html.replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, ''));
    expect(body.querySelector('.page-banner')).toBeNull();
    expect(body.querySelector('main .hero h1')?.textContent).toBe('Welcome');
  });
});
