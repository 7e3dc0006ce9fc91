/**
 * The judge of printed front matter against the real thing: each value is printed, unescaped, into the
 * places an Isomer layout prints settings (the <title>, page content, double- and single-quoted
 * attributes), shown in Chromium with scripts on, its links clicked. Whatever ran must have been refused.
 */
import { test as base } from '@playwright/test';
import { useJsdom } from '../src/core/node/useJsdom.ts';
import { judgePrintedText } from '../src/core/printedMarkup.ts';
import { expect } from './fixtures.ts';

/** Plain and formatted text, which must keep passing. */
const PLAIN = [
  'Park Rules',
  'Singapore\'s "Green" Plan',
  'Rates <b>from 2024</b><br>and <i>fees</i>',
  '<a href="https://www.example.gov.sg/">Agency</a> news',
  '<h3>Opening hours</h3>',
  'Tom &amp; Jerry &lt;3',
  '<scr<script>ipt>window.__ran("split tag")</script>',
];

/** Ways to run script where a setting is printed. */
const HOSTILE = [
  '<img src=x onerror=window.__ran("img")>',
  '<svg onload=window.__ran("svg")>',
  '<details open ontoggle=window.__ran("details")>x</details>',
  '<body onload=window.__ran("body")>',
  '</title><script>window.__ran("title")</script>',
  '<noscript><p title="</noscript><img src=x onerror=window.__ran(&quot;noscript&quot;)>">',
  '<a id=go href="javascript:window.__ran(\'link\')">go</a>',
  '<a href="&#106;avascript:window.__ran(\'entity link\')">go</a>',
  '<a href="java&#x09;script:window.__ran(\'tab link\')">go</a>',
  '<style>@import "x";</style><img src=x onerror=window.__ran("style+img")>',
  'x" autofocus tabindex=1 onfocus="window.__ran(\'double quote\')',
  "x' autofocus tabindex=1 onfocus='window.__ran(\"single quote\")",
  'x"><img src=x onerror=window.__ran("attribute breakout")>',
  '<object data="javascript:window.__ran(\'object\')"></object>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__ran("math")>',
];
const VALUES = [...PLAIN, ...HOSTILE];

/** The value printed as Isomer layouts print settings. */
const layout = (value: string) =>
  `<!doctype html><html><head><title>${value}</title><meta property="og:title" content="${value}"></head>` +
  `<body><nav><a title='${value}'>Home</a></nav><div class="breadcrumb" data-title="${value}">x</div><h1>${value}</h1><p>${value}</p></body></html>`;

base('every printed value that runs in Chromium is one the judge refuses', async ({ page }) => {
  base.setTimeout(180_000);
  useJsdom();
  await page.route('**/*', (route) => route.abort());
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));

  const ranIn: Record<string, string[]> = {};
  let current = '';
  // Script that runs says so on the console: heard from any frame, whatever the page did next.
  page.on('console', (message) => {
    if (message.text().startsWith('RAN ')) (ranIn[current] ??= []).push(message.text().slice(4));
  });
  const reporter = () => {
    (window as unknown as { __ran: (what: string) => void }).__ran = (what: string) => console.log(`RAN ${what}`);
  };
  await page.addInitScript(reporter);
  for (const value of VALUES) {
    current = value;
    // setContent rewrites the document of the same window, which keeps the reporter.
    await page.evaluate(reporter).catch(() => {});
    await page.setContent(layout(value), { waitUntil: 'domcontentloaded', timeout: 5000 }).catch(() => {});
    for (const link of await page.locator('a').all()) await link.click({ timeout: 1000, noWaitAfter: true }).catch(() => {});
    await page.waitForTimeout(100);
  }
  current = '';

  const refused = (value: string) => judgePrintedText(value).some((f) => f.severity === 'error');
  // The harness sees script run, in content, in quoted attributes and through encoded links.
  const seen = ['img', 'svg', 'details', 'title', 'entity link', 'tab link', 'double quote', 'single quote'];
  expect(Object.values(ranIn).flat()).toEqual(expect.arrayContaining(seen));
  expect(Object.keys(ranIn).filter((value) => !refused(value))).toEqual([]);
  for (const value of PLAIN) expect(refused(value), value).toBe(false);
});
