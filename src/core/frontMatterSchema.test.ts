import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  checkFrontMatter,
  FIELD_HELP,
  KNOWN_FRONT_MATTER_KEYS,
  suggestPermalink,
  type FrontMatterCheck,
} from './frontMatterSchema.ts';
import { useJsdom } from './node/useJsdom.ts';

// Printed text is judged with a real HTML parser: jsdom here, the browser's DOM in the app.
useJsdom();

const TODAY = new Date(2024, 5, 1); // 1 June 2024, local time

const errorKeys = (check: FrontMatterCheck) => check.errors.map((i) => i.key);
const warningKeys = (check: FrontMatterCheck) => check.warnings.map((i) => i.key);
const page = (extra: Record<string, unknown> = {}) => ({ title: 'Park Rules', permalink: '/park-rules/', ...extra });

/** The YAML between the first two `---` lines, or null when the file has no front matter. */
function frontMatterText(text: string): string | null {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== '---') return null;
  const end = lines.indexOf('---', 1);
  if (end < 0) return null;
  return lines.slice(1, end).join('\n');
}

describe('title', () => {
  it('is required', () => {
    expect(checkFrontMatter({ permalink: '/a-page/' }).errors).toContainEqual({
      key: 'title',
      severity: 'error',
      message: 'The title is required.',
    });
    expect(errorKeys(checkFrontMatter(page({ title: '   ' })))).toContain('title');
    expect(errorKeys(checkFrontMatter(page({ title: null })))).toContain('title');
  });

  it('allows any punctuation', () => {
    for (const title of ['COVID-19', 'Park Rules v2.0', 'Q&A: "Why?" [draft] {x} 1 < 2 > 0 ~%^*_+-./\\`;', 'வரவேற்பு', '利用人工智能（AI）']) {
      const check = checkFrontMatter(page({ title }));
      expect(check.errors, title).toEqual([]);
      expect(warningKeys(check), title).not.toContain('title');
    }
  });

  it('warns when shorter than 4 characters after trimming', () => {
    expect(warningKeys(checkFrontMatter(page({ title: ' FAQ ' })))).toContain('title');
    expect(warningKeys(checkFrontMatter(page({ title: 'News' })))).not.toContain('title');
  });

  it('accepts up to 100 characters and rejects more', () => {
    expect(errorKeys(checkFrontMatter(page({ title: 'a'.repeat(100) })))).toEqual([]);
    expect(errorKeys(checkFrontMatter(page({ title: 'a'.repeat(101) })))).toContain('title');
    expect(errorKeys(checkFrontMatter(page({ title: `  ${'a'.repeat(100)}  ` })))).toEqual([]);
  });

  it('accepts a number with a warning, rejects nested values', () => {
    const num = checkFrontMatter(page({ title: 2024 }));
    expect(num.errors).toEqual([]);
    expect(warningKeys(num)).toContain('title');
    expect(errorKeys(checkFrontMatter(page({ title: { a: 1 } })))).toContain('title');
    expect(errorKeys(checkFrontMatter(page({ title: ['x'] })))).toContain('title');
  });
});

describe('permalink', () => {
  it('is required on pages', () => {
    expect(errorKeys(checkFrontMatter({ title: 'A page' }))).toEqual(['permalink']);
    expect(errorKeys(checkFrontMatter({ title: 'A page', permalink: '' }))).toEqual(['permalink']);
    expect(errorKeys(checkFrontMatter({ title: 'Home', layout: 'homepage' }, { kind: 'homepage' }))).toEqual(['permalink']);
  });

  it('is optional on resource posts, file and link entries', () => {
    const base = { title: 'Entry', date: '2024-01-01' };
    expect(errorKeys(checkFrontMatter({ ...base, layout: 'post' }, { today: TODAY }))).toEqual([]);
    expect(errorKeys(checkFrontMatter({ ...base, layout: 'file', file_url: '/files/a.pdf' }, { today: TODAY }))).toEqual([]);
    expect(errorKeys(checkFrontMatter({ ...base, layout: 'link', external: 'https://example.org/' }, { today: TODAY }))).toEqual([]);
    expect(errorKeys(checkFrontMatter({ title: 'Entry', date: '2024-01-01' }, { kind: 'resource-post', today: TODAY }))).toEqual([]);
  });

  it('is optional on resource room listing pages', () => {
    expect(errorKeys(checkFrontMatter({ title: 'News', layout: 'resources' }))).toEqual([]);
    expect(errorKeys(checkFrontMatter({ title: 'Announcements', layout: 'resources-alt' }))).toEqual([]);
  });

  it('must start with a slash and hold no spaces, ? or #', () => {
    for (const permalink of ['about-us/', 'https://example.org/about/', '/about us/', '/about/?x=1', '/about/#top', 42]) {
      expect(errorKeys(checkFrontMatter(page({ permalink }))), String(permalink)).toContain('permalink');
    }
  });

  it('accepts the root and ordinary addresses without comment', () => {
    for (const permalink of ['/', '/about-us/', '/about/our-parks/harbour-lawn/', '/media/2024/v2.0/']) {
      const check = checkFrontMatter(page({ permalink }));
      expect(check.errors, permalink).toEqual([]);
      expect(check.warnings, permalink).toEqual([]);
    }
  });

  it('only warns about capitals, ’, & and a missing trailing slash', () => {
    const capitals = checkFrontMatter(page({ permalink: '/application-guidelines/part-A/' }));
    expect(capitals.errors).toEqual([]);
    expect(capitals.warnings).toContainEqual({
      key: 'permalink',
      severity: 'warning',
      message: 'Permalinks usually use lowercase letters only; this one has capitals. It still works.',
    });
    for (const permalink of ['/grand-hotel-de-l’europe-1910s/', '/john-little-&-co/', '/about', "/l'europe/"]) {
      const check = checkFrontMatter(page({ permalink }));
      expect(check.errors, permalink).toEqual([]);
      expect(warningKeys(check), permalink).toContain('permalink');
    }
  });
});

describe('description', () => {
  it('warns over 160 characters', () => {
    expect(checkFrontMatter(page({ description: 'x'.repeat(160) })).warnings).toEqual([]);
    expect(warningKeys(checkFrontMatter(page({ description: 'x'.repeat(161) })))).toEqual(['description']);
  });
  it('accepts empty and null, rejects nested values', () => {
    expect(checkFrontMatter(page({ description: '' })).errors).toEqual([]);
    expect(checkFrontMatter(page({ description: null })).errors).toEqual([]);
    expect(errorKeys(checkFrontMatter(page({ description: ['a', 'b'] })))).toEqual(['description']);
  });
});

describe('image', () => {
  it('accepts site paths (with spaces), https URLs and empty values', () => {
    for (const image of ['/images/TradeTrust logos/logo.png', '/images/a%20b.png', 'https://example.org/x.png', '', null]) {
      expect(checkFrontMatter(page({ image })).errors, String(image)).toEqual([]);
    }
  });
  it('rejects javascript:, data:, http, relative and protocol-relative paths', () => {
    for (const image of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:image/png;base64,AAAA', 'http://example.org/x.png', 'images/x.png', '//evil.example/x.png', 42]) {
      expect(errorKeys(checkFrontMatter(page({ image }))), String(image)).toEqual(['image']);
    }
  });
  it('explains why javascript: is refused', () => {
    const [issue] = checkFrontMatter(page({ image: 'javascript:alert(1)' })).errors;
    expect(issue?.message).toMatch(/not allowed/);
  });
});

describe('variant', () => {
  it('accepts tiptap and markdown only', () => {
    expect(checkFrontMatter(page({ variant: 'tiptap' })).errors).toEqual([]);
    expect(checkFrontMatter(page({ variant: 'markdown' })).errors).toEqual([]);
    for (const variant of ['html', 'TipTap', '', null, 1]) {
      expect(errorKeys(checkFrontMatter(page({ variant }))), String(variant)).toEqual(['variant']);
    }
  });
});

describe('layout', () => {
  it('warns about layouts the template does not provide', () => {
    expect(checkFrontMatter(page({ layout: 'simple-page' })).warnings).toEqual([]);
    expect(warningKeys(checkFrontMatter(page({ layout: 'my-custom-layout' })))).toEqual(['layout']);
    expect(errorKeys(checkFrontMatter(page({ layout: 3 })))).toEqual(['layout']);
  });
});

describe('resource posts', () => {
  const post = (extra: Record<string, unknown>) => checkFrontMatter({ title: 'Trail opens', layout: 'post', ...extra }, { today: TODAY });

  it('need a date', () => {
    expect(errorKeys(post({}))).toEqual(['date']);
    expect(errorKeys(post({ date: null }))).toEqual(['date']);
  });

  it('accept YAML Date objects and YYYY-MM-DD strings', () => {
    expect(post({ date: new Date('2024-03-15T00:00:00Z') }).errors).toEqual([]);
    expect(post({ date: '2024-03-15' }).errors).toEqual([]);
    expect(post({ date: parse('date: 2024-03-15', { schema: 'yaml-1.1' }).date }).errors).toEqual([]);
  });

  it('reject dates that are not real dates', () => {
    for (const date of ['15-03-2024', '2024-02-30', 'soon', 20240315, new Date('nonsense')]) {
      expect(errorKeys(post({ date })), String(date)).toEqual(['date']);
    }
  });

  it('reject dates in the future, allow today', () => {
    expect(post({ date: '2024-06-01' }).errors).toEqual([]);
    expect(post({ date: new Date('2024-06-01T00:00:00Z') }).errors).toEqual([]);
    expect(errorKeys(post({ date: '2024-06-02' }))).toEqual(['date']);
    expect(errorKeys(post({ date: new Date('2030-01-01T00:00:00Z') }))).toEqual(['date']);
  });

  it('file entries need a file_url on the site', () => {
    const file = (extra: Record<string, unknown>) =>
      checkFrontMatter({ title: 'Report', layout: 'file', date: '2024-01-01', ...extra }, { today: TODAY });
    expect(errorKeys(file({}))).toEqual(['file_url']);
    expect(file({ file_url: '/files/Permit Guide & Checklist.pdf' }).errors).toEqual([]);
    expect(errorKeys(file({ file_url: 'javascript:alert(1)' }))).toEqual(['file_url']);
    expect(errorKeys(file({ file_url: 'files/a.pdf' }))).toEqual(['file_url']);
  });

  it('link entries need an https external address', () => {
    const link = (extra: Record<string, unknown>) =>
      checkFrontMatter({ title: 'Guide', layout: 'link', date: '2024-01-01', ...extra }, { today: TODAY });
    expect(errorKeys(link({}))).toEqual(['external']);
    expect(link({ external: 'https://example.org/a/b?c=1' }).errors).toEqual([]);
    const http = link({ external: 'http://example.org/' });
    expect(errorKeys(http)).toEqual(['external']);
    expect(http.errors[0]?.message).toMatch(/https/);
    expect(errorKeys(link({ external: 'javascript:alert(1)' }))).toEqual(['external']);
    expect(errorKeys(link({ external: 'example.org' }))).toEqual(['external']);
  });

  it('do not check the date of ordinary pages beyond its shape', () => {
    expect(checkFrontMatter(page({ date: '2099-01-01' }), { today: TODAY }).errors).toEqual([]);
    expect(warningKeys(checkFrontMatter(page({ date: 'last week' })))).toEqual(['date']);
  });
});

describe('navigation text keys', () => {
  it('must be text', () => {
    for (const key of ['third_nav_title', 'collection_name', 'breadcrumb', 'second_nav_title']) {
      expect(checkFrontMatter(page({ [key]: 'Our Parks ' })).errors, key).toEqual([]);
      expect(errorKeys(checkFrontMatter(page({ [key]: { a: 1 } }))), key).toEqual([key]);
      expect(errorKeys(checkFrontMatter(page({ [key]: ['x'] }))), key).toEqual([key]);
    }
  });
});

describe('unknown and nested keys', () => {
  it('lists unknown keys without an error', () => {
    const check = checkFrontMatter(page({ hero_colour: 'red', 'custom-key': 1 }));
    expect(check.errors).toEqual([]);
    expect(check.unknownKeys).toEqual(['hero_colour', 'custom-key']);
  });
  it('accepts nested homepage and contact structures', () => {
    const check = checkFrontMatter(
      page({
        layout: 'homepage',
        sections: [{ hero: { title: 'Hi', key_highlights: [{ title: 'a', url: '/a/' }] } }, { resources: { title: 'News' } }],
        contacts: [{ title: 'General', content: [{ phone: '+65 0000 0000' }] }],
        locations: [{ title: 'Office', address: ['1 Road'] }],
      }),
    );
    expect(check.errors).toEqual([]);
    expect(check.unknownKeys).toEqual([]);
  });
  it('knows every key of the site survey', () => {
    for (const key of ['title', 'permalink', 'third_nav_title', 'file_url', 'external', 'datagovsg-id', 'image-url', 'last_updated', 'feedback']) {
      expect(KNOWN_FRONT_MATTER_KEYS).toContain(key);
    }
    expect(KNOWN_FRONT_MATTER_KEYS).toHaveLength(25);
  });
});

describe('safety: what layouts print and where addresses lead', () => {
  const errorsOf = (extra: Record<string, unknown>) => checkFrontMatter(page(extra)).errors;
  const messageFor = (extra: Record<string, unknown>, key: string) => errorsOf(extra).find((i) => i.key === key)?.message ?? '';

  it('refuses markup that can run in every printed field, and says what it found', () => {
    expect(messageFor({ title: '<img src=x onerror=alert(1)>' }, 'title')).toBe(
      'This text holds markup that could run on the published site: an "onerror" event handler on <img>. Layouts print it as HTML, so remove it. Plain formatting such as <b>, <i>, <em>, <strong>, <br> and links to web addresses is allowed.',
    );
    expect(messageFor({ description: '<script>alert(1)</script>' }, 'description')).toMatch(/a <script> element/);
    for (const key of ['third_nav_title', 'breadcrumb', 'notification', 'second_nav_title', 'collection_name', 'excerpt', 'agency_name', 'custom_key']) {
      expect(messageFor({ [key]: 'News <svg onload=alert(1)>' }, key), key).toMatch(/"onload" event handler on <svg>/);
    }
  });

  it('allows plain inline formatting and safe links in printed fields', () => {
    for (const title of ['Rates <b>from 2024</b>', 'Line<br>break', '<a href="https://www.example.gov.sg/">Agency</a> news', 'Q&amp;A', 'Singapore\'s "Green" Plan']) {
      expect(checkFrontMatter(page({ title })).errors, title).toEqual([]);
    }
    expect(checkFrontMatter(page({ description: '<a href="javascript:alert(1)">x</a>' })).errors[0]?.message).toMatch(/address "javascript:alert\(1\)" in href on <a>/);
  });

  it('only warns about headings and other markup that changes the look', () => {
    const check = checkFrontMatter(page({ description: '<h3>Opening hours</h3>' }));
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([{ key: 'description', severity: 'warning', message: 'Layouts print this text as HTML, so a <h3> element here becomes part of the page. It cannot run anything, but it can change what follows it.' }]);
  });

  it('decodes entities before judging, in text and in addresses', () => {
    expect(messageFor({ title: '&lt;img src=x onerror=alert(1)&gt;' }, 'title')).toMatch(/encoded markup that decodes to an "onerror" event handler/);
    expect(messageFor({ image: '&#106;avascript:alert(1)' }, 'image')).toMatch(/"javascript:alert\(1\)" could run a program/);
    expect(messageFor({ permalink: '&#x2F;/evil.example/x/' }, 'permalink')).toMatch(/leads to another website/);
  });

  it('refuses a quote that ends the attribute a layout prints the text in', () => {
    expect(messageFor({ title: 'Parks" onmouseover="alert(1)' }, 'title')).toMatch(/a quote that ends the attribute it is printed in, then an "onmouseover" event handler/);
  });

  it('refuses unsafe addresses in every address field, nested ones too, and says where', () => {
    for (const key of ['image', 'thumbnail_image', 'image-url', 'feedback', 'file_url', 'external']) {
      expect(messageFor({ [key]: 'java\tscript:alert(1)' }, key), key).toMatch(/This address type is not allowed/);
    }
    const sections = [
      { hero: { title: 'Welcome', url: '/ok/', button: 'Go', key_highlights: [{ title: 'A', url: 'javascript:alert(1)' }] } },
      { infopic: { title: 'B', image: 'data:image/svg+xml,<svg onload=alert(1)>', url: '/b/' } },
    ];
    const messages = errorsOf({ layout: 'homepage', sections }).filter((i) => i.key === 'sections').map((i) => i.message);
    expect(messages).toEqual([
      expect.stringMatching(/^In sections › item 1 › hero › key_highlights › item 1 › url: This address type is not allowed: "javascript:alert\(1\)"/),
      expect.stringMatching(/^In sections › item 2 › infopic › image: This address type is not allowed/),
    ]);
    const contacts = [{ title: 'Call', content: [{ other: '<img src=x onerror=alert(1)>' }] }];
    expect(messageFor({ layout: 'contact_us', contacts }, 'contacts')).toMatch(/^In contacts › item 1 › content › item 1 › other: This text holds markup/);
    expect(messageFor({ locations: [{ title: 'HQ', maps_link: 'vbscript:x' }] }, 'locations')).toMatch(/maps_link: This address type is not allowed/);
  });

  it('keeps safe nested addresses: paths, https, mailto', () => {
    const sections = [{ hero: { title: 'Hi', url: 'https://example.gov.sg/', key_highlights: [{ title: 'a', url: '/a/' }, { title: 'b', url: 'mailto:a@example.gov.sg' }] } }];
    expect(checkFrontMatter(page({ layout: 'homepage', sections })).errors).toEqual([]);
  });

  it('refuses permalinks that lead to another host', () => {
    for (const permalink of ['//evil.example/x', '//evil.example', '/\\evil.example/x', ' //evil.example/']) {
      expect(messageFor({ permalink }, 'permalink'), permalink).toBe('A page address that starts with // leads to another website, not to a page of this site. Start it with a single /, for example /about-us/.');
    }
    // Two slashes further on are only unusual.
    expect(checkFrontMatter(page({ permalink: '/a//b/' })).errors).toEqual([]);
  });

  it('gives a key with a safety error that error alone', () => {
    const check = checkFrontMatter(page({ image: 'javascript:alert(1)' }));
    expect(check.errors.filter((i) => i.key === 'image')).toHaveLength(1);
  });

  it('refuses bidirectional control characters in titles, written or encoded', () => {
    for (const char of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`;
      expect(messageFor({ title: `Annual report${char}fdp.exe` }, 'title'), code).toBe(`It holds an invisible character (${code}) that changes the direction of the text, so it would read differently from what it is. Remove it.`);
    }
    expect(messageFor({ title: 'Report&#x202E;fdp' }, 'title')).toMatch(/U\+202E/);
    expect(messageFor({ third_nav_title: 'Group\u2067' }, 'third_nav_title')).toMatch(/U\+2067/);
    expect(messageFor({ sections: [{ hero: { title: 'x\u202e' } }] }, 'sections')).toMatch(/^In sections › item 1 › hero › title: .*U\+202E/);
    // Marks that belong to right-to-left text are not controls of this kind.
    expect(checkFrontMatter(page({ title: 'Name \u200f(RLM)' })).errors).toEqual([]);
  });

  it('refuses what it cannot check for depth rather than passing it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(messageFor({ sections: deep }, 'sections')).toMatch(/nested too deeply to be checked/);
  });
});

describe('odd input', () => {
  it('never throws', () => {
    const odd: unknown[] = [null, undefined, 42, 'text', [], [1, 2], new Date(), { title: 5, permalink: 7, date: {}, image: [], variant: {}, layout: null }, Object.create(null)];
    for (const data of odd) {
      expect(() => checkFrontMatter(data as Record<string, unknown>)).not.toThrow();
    }
    expect(errorKeys(checkFrontMatter(null as unknown as Record<string, unknown>))).toEqual(['title', 'permalink']);
    expect(errorKeys(checkFrontMatter('text' as unknown as Record<string, unknown>))).toContain('');
  });
});

describe('suggestPermalink', () => {
  it('makes a lowercase slug between slashes', () => {
    expect(suggestPermalink('About Us')).toBe('/about-us/');
    expect(suggestPermalink('COVID-19: What You Need to Know!')).toBe('/covid-19-what-you-need-to-know/');
    expect(suggestPermalink('Park Rules v2.0')).toBe('/park-rules-v2-0/');
    expect(suggestPermalink('Sunset Pier’s Boardwalk')).toBe('/sunset-piers-boardwalk/');
    expect(suggestPermalink('Café & Kiosk')).toBe('/cafe-and-kiosk/');
  });
  it('puts the page under a prefix', () => {
    expect(suggestPermalink('Harbour Lawn', '/about/our-parks')).toBe('/about/our-parks/harbour-lawn/');
    expect(suggestPermalink('Harbour Lawn', 'About/Our Parks/')).toBe('/about/our-parks/harbour-lawn/');
  });
  it('falls back when the title has no Latin letters, and shortens long titles', () => {
    expect(suggestPermalink('வரவேற்பு')).toBe('/page/');
    const long = suggestPermalink('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(82);
    expect(long).toMatch(/^\/[a-z0-9-]+\/$/);
    expect(long).not.toMatch(/-\/$/);
  });
  it('always suggests a permalink that passes the check without warnings', () => {
    for (const title of ['About Us', 'Q&A', '   ', 'Sunset Pier’s Boardwalk', 'வரவேற்பு', 'A/B testing']) {
      const check = checkFrontMatter({ title: 'A title', permalink: suggestPermalink(title, 'about') });
      expect(check.errors, title).toEqual([]);
      expect(check.warnings, title).toEqual([]);
    }
  });
});

describe('FIELD_HELP', () => {
  it('has a label and help for the main keys and explains derived ones', () => {
    for (const key of ['title', 'permalink', 'description', 'image', 'date', 'file_url', 'external', 'third_nav_title']) {
      expect(FIELD_HELP[key]?.label, key).toBeTruthy();
      expect(FIELD_HELP[key]?.help, key).toBeTruthy();
    }
    expect(FIELD_HELP.third_nav_title?.derived).toMatch(/folder/);
    expect(FIELD_HELP.title?.derived).toBeUndefined();
  });
});

describe('real pages (corpus)', () => {
  const dir = new URL('../../../shared/corpus/pages/', import.meta.url);

  it('has no permalink errors on pages that carry one, and never throws', () => {
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThan(50);
    let unparsable = 0;
    let checked = 0;
    for (const name of names) {
      const text = readFileSync(new URL(encodeURIComponent(name), dir), 'utf8');
      const yamlText = frontMatterText(text);
      if (yamlText === null) continue;
      let data: unknown;
      try {
        data = parse(yamlText);
      } catch {
        unparsable += 1;
        continue;
      }
      let check: FrontMatterCheck | undefined;
      expect(() => {
        check = checkFrontMatter((data ?? {}) as Record<string, unknown>);
      }, name).not.toThrow();
      checked += 1;
      const fm = (data ?? {}) as Record<string, unknown>;
      if (fm.permalink !== undefined) {
        expect(check!.errors.filter((i) => i.key === 'permalink'), name).toEqual([]);
      }
    }
    // One corpus file has a TAB after a value that strict parsers reject; the `yaml` package may accept it.
    expect(unparsable).toBeLessThanOrEqual(1);
    expect(checked).toBeGreaterThanOrEqual(60);
  });
});

describe('sample site', () => {
  const root = fileURLToPath(new URL('../../sample-site/', import.meta.url));
  const today = new Date();

  function pageFiles(dirPath: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(dirPath)) {
      const full = join(dirPath, name);
      if (statSync(full).isDirectory()) {
        if (name === 'images' || name === 'files' || name === '_data') continue;
        out.push(...pageFiles(full));
      } else if ((name.endsWith('.md') || name.endsWith('.html')) && name !== 'README.md') {
        out.push(full);
      }
    }
    return out;
  }

  it('has pages whose front matter passes with no errors', () => {
    const files = pageFiles(root);
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const yamlText = frontMatterText(readFileSync(file, 'utf8'));
      expect(yamlText, file).not.toBeNull();
      const data = parse(yamlText!, { schema: 'yaml-1.1' }) as Record<string, unknown>;
      const rel = file.slice(root.length);
      const kind = rel.includes('/_posts/') ? 'resource-post' : rel === 'index.md' ? 'homepage' : rel.startsWith('_') ? 'collection-page' : 'page';
      const check = checkFrontMatter(data, { kind, today });
      expect(check.errors, rel).toEqual([]);
      expect(check.unknownKeys, rel).toEqual([]);
    }
  });

  it('has the expected warnings: a capitalised permalink', () => {
    const text = readFileSync(join(root, 'pages/permits.md'), 'utf8');
    const check = checkFrontMatter(parse(frontMatterText(text)!) as Record<string, unknown>);
    expect(check.warnings.map((w) => w.key)).toContain('permalink');
  });
});
