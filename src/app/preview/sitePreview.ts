/**
 * The parts of the preview that the theme builds from data rather than from a page body: the homepage
 * (its notification bar and sections), the Contact Us page and the footer of every page. Pure: no
 * React, no stores. The theme prints these strings unescaped, so they are printed as HTML here too,
 * unless their markup could run (the [safety] rules of `printedMarkup.ts`): then they show as text.
 */
import { decodedText, isSafeUrlValue, judgePrintedText } from '../../core/printedMarkup.ts';
import { readHomepage } from '../../site/homepage.ts';
import { heroLayout, homepageBands } from '../../site/homepageBands.ts';
import { readContactUs } from '../../site/contactUs.ts';
import type { PageSummary } from '../../storage/siteApi.ts';
import { escapeHtml, type NavLink } from './previewDocument.ts';

export interface SitePreviewContext {
  siteTitle: string;
  resourcesName: string | null;
  pages: readonly PageSummary[];
  /** The navigation's links (the footer lists them as its columns). */
  navLinks: readonly NavLink[];
  /** The year the © line shows (the site shows its build date). */
  year?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A value as the theme prints it: strings and numbers; anything else prints nothing. */
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const filled = (v: unknown) => str(v).trim() !== '';

/** A printed string as HTML: as written, unless its markup could run on the site (then as text). */
export function printedHtml(value: unknown): string {
  const text = str(value);
  if (text === '') return '';
  return judgePrintedText(text).some((f) => f.severity === 'error') ? escapeHtml(text) : text;
}

/** An address for an href or src: null when a browser would not just follow or load it. */
export function printedUrl(value: unknown): string | null {
  const url = str(value).trim();
  if (url === '' || !isSafeUrlValue(url)) return null;
  return url;
}

function link(url: unknown, inner: string, className: string): string {
  const href = printedUrl(url);
  return href ? `<a class="${className}" href="${escapeHtml(href)}">${inner}</a>` : `<span class="${className}">${inner}</span>`;
}

function image(src: unknown, alt: unknown, className: string): string {
  const url = printedUrl(src);
  return url ? `<img class="${className}" src="${escapeHtml(url)}" alt="${escapeHtml(decodedText(str(alt)))}">` : '';
}

const heading = (level: 2 | 3, value: unknown, className: string) =>
  filled(value) ? `<h${level} class="${className}">${printedHtml(value)}</h${level}>` : '';
const para = (value: unknown, className: string) => (filled(value) ? `<p class="${className}">${printedHtml(value)}</p>` : '');

/** The notification bar: only on the homepage, and only when text is left once its markup is stripped. */
export function notificationHtml(value: unknown): string {
  if (decodedText(str(value)).trim() === '') return '';
  return `<div class="notification-bar" role="region" aria-label="Notification"><div class="notification-bar__text">${printedHtml(value)}</div><span class="notification-bar__close" aria-hidden="true">×</span></div>`;
}

function heroHtml(f: Record<string, unknown>): string {
  const { variant, boxed, size, alignment, colour } = heroLayout(f);
  let action = '';
  const dropdown = isRecord(f['dropdown']) ? f['dropdown'] : null;
  if (dropdown) {
    const options = list(dropdown['options'])
      .filter(isRecord)
      .map((o) => `<li>${link(o['url'], printedHtml(o['title']), 'hero__option')}</li>`)
      .join('');
    const title = filled(dropdown['title']) ? printedHtml(dropdown['title']) : 'I want to…';
    action = `<div class="hero__dropdown"><button type="button" class="hero__dropdown-button" aria-haspopup="true">${title} <span aria-hidden="true">▾</span></button><ul class="hero__options">${options}</ul></div>`;
  } else if (filled(f['button']) && filled(f['url'])) {
    action = link(f['url'], printedHtml(f['button']), 'hero__button');
  }
  const text =
    variant === 'image'
      ? ''
      : `<div class="hero__box${boxed ? ` hero__box--${size} hero__box--${alignment} hero__box--${colour}` : ''}">${
          filled(f['title']) ? `<h1 class="hero__title">${printedHtml(f['title'])}</h1>` : ''
        }${para(f['subtitle'], 'hero__subtitle')}${action}</div>`;
  const highlights = list(f['key_highlights'])
    .filter(isRecord)
    .map((h) => `<li class="key-highlights__item">${link(h['url'], `<strong>${printedHtml(h['title'])}</strong><span>${printedHtml(h['description'])}</span>`, 'key-highlights__link')}</li>`)
    .join('');
  return `<section class="hero hero--${variant}" data-section-type="hero"><div class="hero__banner">${image(f['background'], '', 'hero__background')}${text}</div>${
    highlights ? `<ul class="key-highlights">${highlights}</ul>` : ''
  }</section>`;
}

function bandStart(type: string, shade: string, extra = ''): string {
  return `<section class="home-section home-section--${shade}${extra}" data-section-type="${escapeHtml(type)}"><div class="home-section__inner">`;
}

const moreLink = (text: unknown, url: unknown) => (filled(text) && filled(url) ? `<p class="home-section__more">${link(url, `${printedHtml(text)} <span aria-hidden="true">→</span>`, 'home-section__link')}</p>` : '');

function sectionHtml(type: string, f: Record<string, unknown>, shade: string, imageFirst: boolean, ctx: SitePreviewContext): string {
  const intro = para(f['subtitle'], 'home-section__subtitle') + heading(2, f['title'], 'home-section__title');
  switch (type) {
    case 'infobar':
      return `${bandStart(type, shade, ' home-section--centred')}${intro}${para(f['description'], 'home-section__description')}${moreLink(f['button'], f['url'])}</div></section>`;
    case 'infopic': {
      // The theme shows an error text instead of the picture unless both the image and its alt text are set.
      const picture =
        filled(f['image']) && filled(f['alt'])
          ? image(f['image'], f['alt'], 'infopic__image')
          : '<p class="infopic__missing">The image and its alt text are both needed to show the picture.</p>';
      const text = `<div class="infopic__text">${para(f['subtitle'], 'home-section__subtitle')}<h2 class="home-section__title">${printedHtml(f['title'])}</h2>${para(
        f['description'],
        'home-section__description',
      )}${moreLink(f['button'], f['url'])}</div>`;
      const figure = `<div class="infopic__figure">${picture}</div>`;
      return `${bandStart(type, shade, ` infopic${imageFirst ? ' infopic--image-first' : ''}`)}${imageFirst ? figure + text : text + figure}</div></section>`;
    }
    case 'resources': {
      const room = ctx.resourcesName ?? 'resources';
      const posts = ctx.pages
        .filter((p) => p.resourceCategory)
        .sort((a, b) => b.modified - a.modified || a.title.localeCompare(b.title))
        .slice(0, 3)
        .map((p) => `<li class="resources__card">${link(p.permalink, escapeHtml(p.title), 'resources__link')}</li>`)
        .join('');
      const button = filled(f['button']) ? f['button'] : 'MORE';
      return `${bandStart(type, shade)}${intro}<ul class="resources__cards">${posts}</ul>${moreLink(button, `/${room}/`)}</div></section>`;
    }
    case 'announcements': {
      const items = list(f['announcement_items'])
        .filter(isRecord)
        .map(
          (a) =>
            `<li class="announcement">${heading(3, a['title'], 'announcement__title')}${para(a['date'], 'announcement__date')}${para(a['announcement'], 'announcement__text')}${
              filled(a['link_text']) && filled(a['link_url']) ? link(a['link_url'], printedHtml(a['link_text']), 'home-section__link') : ''
            }</li>`,
        )
        .join('');
      return `${bandStart(type, shade)}${intro}<ul class="announcements">${items}</ul></div></section>`;
    }
    case 'textcards': {
      const cards = list(f['cards'])
        .filter(isRecord)
        .map((c) => `<li class="textcard">${link(c['url'], `${heading(3, c['title'], 'textcard__title')}${para(c['description'], 'textcard__text')}<span class="textcard__more">${printedHtml(c['linktext'])}</span>`, 'textcard__link')}</li>`)
        .join('');
      return `${bandStart(type, shade, ' home-section--centred')}${intro}${para(f['description'], 'home-section__description')}<ul class="cards">${cards}</ul></div></section>`;
    }
    case 'infocols': {
      const boxes = list(f['infoboxes'])
        .filter(isRecord)
        .map((b) => `<li class="infocol">${heading(3, b['title'], 'infocol__title')}${para(b['description'], 'infocol__text')}</li>`)
        .join('');
      return `${bandStart(type, shade)}${intro}<ul class="cards infocols">${boxes}</ul>${moreLink(f['linktext'], f['url'])}</div></section>`;
    }
    default:
      return '';
  }
}

/** The homepage as the theme lays it out: the notification bar, then each section in order. */
export function homepageHtml(data: Record<string, unknown>, ctx: SitePreviewContext): string {
  const { sections } = readHomepage(data);
  const bands = homepageBands(sections);
  const parts = sections.map((section, i) => {
    // Sections of a type the theme does not know print nothing there.
    if (!section.known || !section.type) return '';
    if (section.type === 'hero') return heroHtml(section.fields);
    return sectionHtml(section.type, section.fields, bands[i]!.shade, bands[i]!.imageFirst, ctx);
  });
  const error = sections[0]?.type !== 'hero' ? '<h2 class="homepage-error">The homepage needs a hero section first.</h2>' : '';
  return notificationHtml(data['notification']) + error + parts.join('');
}

/** A Google Maps search for an address, as the theme links a location without a map link. */
function mapsSearch(address: string[]): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address.join(' '))}`;
}

/**
 * The Contact Us page's content: "Get in touch with …", its locations, its contacts, the feedback link
 * and the page's `image` band. The feedback link comes from `_data/footer.yml` (`footer`), not from the
 * page's own `feedback` key, which the theme does not read.
 */
export function contactUsHtml(data: Record<string, unknown>, ctx: SitePreviewContext, footer: unknown = null): string {
  const view = readContactUs(data);
  const agency = filled(view.agency_name) ? printedHtml(view.agency_name) : escapeHtml(ctx.siteTitle);
  const locations = view.locations
    .map((l) => {
      const address = l.address.map(str).filter((line) => line.trim() !== '');
      if (address.length === 0) return '';
      const mapUrl = filled(l.maps_link) ? l.maps_link : mapsSearch(address.map(decodedText));
      const hours = l.operating_hours
        .map((h) => `<li class="contact-hours__item">${para(h['days'], 'contact-hours__days')}${para(h['time'], 'contact-hours__time')}${para(h['description'], 'contact-hours__note')}</li>`)
        .join('');
      return `<section class="contact-location">${heading(3, l.title, 'contact-location__title')}<p class="contact-location__address">${address.map(printedHtml).join('<br>')}</p><p>${link(
        mapUrl,
        'VIEW MAP',
        'contact-location__map',
      )}</p>${hours ? `<h4 class="contact-hours__heading">Operating Hours</h4><ul class="contact-hours">${hours}</ul>` : ''}</section>`;
    })
    .join('');
  const contacts = view.contacts
    .map((c) => {
      const lines = c.lines
        .map(({ kind, value }) => {
          const text = str(value).trim();
          if (!text) return '';
          if (kind === 'phone') return `<p class="contact__line">${link(`tel:${text.replace(/\s+/g, '')}`, escapeHtml(text), 'contact__phone')}</p>`;
          if (kind === 'email') return `<p class="contact__line">${link(`mailto:${text}`, escapeHtml(text), 'contact__email')}</p>`;
          if (kind === 'other') return `<div class="contact__line">${printedHtml(value)}</div>`;
          return '';
        })
        .join('');
      return `<li class="contact">${filled(c.title) ? `<p class="contact__title"><strong>${printedHtml(c.title)}</strong></p>` : ''}${lines}</li>`;
    })
    .join('');
  const feedbackUrl = isRecord(footer) ? footer['feedback'] : null;
  const feedback = filled(feedbackUrl)
    ? `<section class="contact-feedback"><h3 class="contact-us__heading">Feedback</h3><p>${link(feedbackUrl, 'Send us your feedback', 'contact-feedback__link')}</p></section>`
    : '';
  // The band at the bottom of the page; decorative, so no alt text.
  const band = image(data['image'], '', 'contact-us__image');
  return `<div class="contact-us"><h2 class="contact-us__intro">Get in touch with ${agency}</h2>${locations ? `<div class="contact-locations">${locations}</div>` : ''}${
    contacts ? `<h3 class="contact-us__heading">Contact Us</h3><ul class="contacts">${contacts}</ul>` : ''
  }${feedback}${band ? `<div class="contact-us__band">${band}</div>` : ''}</div>`;
}

const SOCIAL: [string, string][] = [
  ['facebook', 'Facebook'],
  ['twitter', 'X'],
  ['youtube', 'YouTube'],
  ['instagram', 'Instagram'],
  ['linkedin', 'LinkedIn'],
  ['telegram', 'Telegram'],
  ['tiktok', 'TikTok'],
];

/**
 * The footer from `_data/footer.yml` (`null`: none), as the theme prints it: the site title, the
 * navigation's links as columns (or `navlinks`), the fixed-label links that are set, social media, the
 * legal links and the © line.
 */
export function footerHtml(footer: unknown, ctx: SitePreviewContext): string {
  const f = isRecord(footer) ? footer : {};
  const item = (url: unknown, label: string) => `<li>${link(url, label, 'site-footer__link')}</li>`;
  const columns = (Array.isArray(f['navlinks']) ? f['navlinks'].filter(isRecord).map((l) => ({ title: str(l['title']), url: str(l['url']) || null })) : ctx.navLinks)
    .filter((l) => !/^(contact us|faq)$/i.test(l.title.trim()))
    // Shown as text, as the header shows them.
    .map((l) => item(l.url, escapeHtml(l.title)))
    .join('');
  const fixed = [
    filled(f['contact_us']) ? item(f['contact_us'], 'Contact Us') : '',
    filled(f['feedback']) ? item(f['feedback'], 'Feedback') : '',
    filled(f['faq']) ? item(f['faq'], 'FAQ') : '',
    f['show_reach'] === true ? item('https://www.reach.gov.sg/', 'REACH') : '',
    ...list(f['links'])
      .filter(isRecord)
      .slice(0, 2)
      .map((l) => item(l['url'], printedHtml(l['title']))),
  ].join('');
  const social = isRecord(f['social_media']) ? f['social_media'] : {};
  const icons = SOCIAL.filter(([key]) => filled(social[key]))
    .map(([key, label]) => item(social[key], label))
    .join('');
  const privacy = filled(f['privacy_policy']) ? f['privacy_policy'] : '/privacy/';
  const terms = filled(f['terms_of_use']) ? f['terms_of_use'] : '/terms-of-use/';
  const holder = filled(f['copyright_agency']) ? printedHtml(f['copyright_agency']) : escapeHtml(ctx.siteTitle);
  const year = ctx.year ?? new Date().getFullYear();
  return `<footer class="site-footer"><div class="site-footer__inner">
<p class="site-footer__title">${escapeHtml(ctx.siteTitle)}</p>
${columns ? `<ul class="site-footer__nav" aria-label="Site sections">${columns}</ul>` : ''}
${fixed ? `<ul class="site-footer__links">${fixed}</ul>` : ''}
${icons ? `<ul class="site-footer__social" aria-label="Social media">${icons}</ul>` : ''}
<ul class="site-footer__legal">${item('https://www.tech.gov.sg/report_vulnerability', 'Report Vulnerability')}${item(privacy, 'Privacy Statement')}${item(terms, 'Terms of Use')}</ul>
<p class="site-footer__copy">© ${year} ${holder}</p>
</div></footer>`;
}
