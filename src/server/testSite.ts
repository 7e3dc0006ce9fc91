/** Test helper: builds a small Isomer-like site in a fresh temp folder (used by the *.test.ts files). */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIXTURE_FILES: Record<string, string | Uint8Array> = {
  '_config.yml': [
    'title: Parks Board',
    'url: https://www.example.gov.sg',
    'baseurl: ""',
    'permalink: none',
    'resources_name: news-and-events',
    'colors:',
    '  primary-color: "#005eb8"',
    '  secondary-color: "#ff8200"',
    'defaults:',
    '  - scope: {path: ""}',
    '    values: {layout: page}',
    '',
  ].join('\n'),
  '_data/navigation.yml': [
    'logo: /images/Parks logos/logo.png',
    'links:',
    '  - title: About',
    '    collection: about',
    '  - title: News and Events',
    '    resource_room: true',
    '',
  ].join('\n'),
  '_about/collection.yml': [
    'collections:',
    '  about:',
    '    output: true',
    '    order:',
    '      - Who we are?.md',
    '      - "Our Parks/.keep"',
    '      - Our Parks/Lakes.md',
    '      - "FAQ: Q|A & more’s.md"',
    '',
  ].join('\n'),
  '_about/Who we are?.md': '---\ntitle: Who we are?\npermalink: /about/who-we-are/\nvariant: tiptap\n---\n<p>Hello</p>',
  '_about/Our Parks/.keep': '',
  '_about/Our Parks/Lakes.md':
    '---\ntitle: Lakes\npermalink: /about/lakes/\nvariant: markdown\nthird_nav_title: Our Parks\n---\n# Lakes\n\n![lake](/images/Graphics /lake one.png)\n',
  '_about/FAQ: Q|A & more’s.md': '---\ntitle:  "FAQ"\npermalink: /about/faq/\n\n---\nBody\n',
  '_interactive-workshops/தமிழ்/பக்கம்.md': '---\ntitle: தமிழ் பக்கம்\nthird_nav_title: தமிழ்\n---\nவணக்கம்\n',
  '_interactive-workshops/华文/页面.md': '---\ntitle: 华文页面\nthird_nav_title: 华文\n---\n你好\n',
  'index.md': '---\nlayout: homepage\ntitle: Home\npermalink: /\nsections:\n  - hero:\n      title: Welcome\n---',
  'pages/contact-us.md': '---\nlayout: contact_us\ntitle: Contact Us\npermalink: /contact-us/\n---\n',
  'pages/datagov.md': '',
  'pages/crlf.md': '---\r\ntitle: CRLF page\r\npermalink: /crlf/\r\n---\r\nLine one\r\nLine two\r\n',
  'pages/bom.md': '\uFEFF---\ntitle: BOM page\n---\nbody',
  'pages/broken.md': '---\ntitle: Broken\nthumbnail_image: [unclosed\n---\nbody\n',
  'news-and-events/index.html': '---\nlayout: resources\ntitle: News and Events\n---\n',
  'news-and-events/press/index.html': '---\nlayout: resources-alt\ntitle: Press\n---\n',
  'news-and-events/press/_posts/2020-01-27-post-Launch.md': '---\ntitle: Launch\ndate: 2020-01-27\nlayout: post\n---\nLaunched.\n',
  'images/Graphics /lake one.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
  'images/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  'images/.keep': '',
  'files/doc & notes.pdf': '%PDF-1.4 test',
  'README.md': '# readme',
  '_site/about/index.md': '---\ntitle: built\n---\n',
  'node_modules/pkg/readme.md': '# pkg',
  '.git/info.md': 'x',
  '.github/template.md': 'x',
  '_includes/inc.md': 'x',
  '_layouts/page.md': 'x',
  '_data/thing.md': 'x',
  'assets/x.md': 'x',
};

export interface TestSite {
  /** Parent temp folder (holds `site/` and anything a test puts beside it). */
  base: string;
  siteDir: string;
  cleanup(): Promise<void>;
}

export async function makeTestSite(files: Record<string, string | Uint8Array> = FIXTURE_FILES): Promise<TestSite> {
  const base = await mkdtemp(path.join(tmpdir(), 'site-server-test-'));
  const siteDir = path.join(base, 'site');
  await mkdir(siteDir);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(siteDir, ...rel.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return { base, siteDir, cleanup: () => rm(base, { recursive: true, force: true }) };
}
