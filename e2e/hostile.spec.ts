import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFragment } from 'parse5';
import { blockRegistry } from '../extensions/registry.ts';
import { BodyCodec } from '../src/core/bodyCodec.ts';
import { useJsdom } from '../src/core/node/useJsdom.ts';
import { hostileInputs as htmlHostileInputs, type HostileInput } from '../src/core/testing/hostileInputs.ts';
import { kramdownMissing, renderWithKramdown } from '../src/core/testing/kramdown.ts';
import { kramdownHostileInputs } from '../src/core/testing/kramdownHostileInputs.ts';
import { expect, test } from './fixtures.ts';

const PAGES = 8;
// HTML that is hostile as it stands, and bodies that become hostile once Jekyll's kramdown renders them.
const hostileInputs = [...htmlHostileInputs, ...kramdownHostileInputs];
const iframeHosts = blockRegistry.flatMap((b) => b.sanitizer?.iframeHosts ?? []);

/** Whether markup leaves the parser back at the top level (no unclosed <script>, <svg>, <table>…). */
function selfContained(html: string): boolean {
  const fragment = parseFragment(`${html}\n<p id="sentinel">x</p>`) as unknown as {
    childNodes: { tagName?: string; attrs?: { name: string; value: string }[] }[];
  };
  return fragment.childNodes.some((n) => n.tagName === 'p' && n.attrs?.some((a) => a.name === 'id' && a.value === 'sentinel'));
}

/**
 * Every hostile input, spread over a few pages. An input that swallows what follows it (an unclosed
 * <script>, a half-open <math>) goes last on its page, so it cannot hide the others.
 */
function batches(): HostileInput[][] {
  // A NUL byte makes a page file binary, refused before it is read (e2e/bad-input.spec.ts): those
  // inputs are tried by the Node codec below.
  const inputs = hostileInputs.filter((i) => !i.html.includes('\0'));
  const open = inputs.filter((i) => !selfContained(i.html));
  const closed = inputs.filter((i) => selfContained(i.html));
  const count = Math.max(PAGES, open.length);
  const pages: HostileInput[][] = Array.from({ length: count }, () => []);
  closed.forEach((input, index) => pages[index % count]!.push(input));
  open.forEach((input, index) => pages[index]!.push(input));
  return pages;
}

const pages = batches();

function pageTitle(index: number): string {
  return `Hostile ${index + 1}`;
}

/** Runs in the page: what in the editor's DOM could run code. */
function editorDangers(iframeHosts: string[]): string[] {
  const root = document.querySelector('.ProseMirror');
  if (!root) return ['no editor'];
  const found: string[] = [];
  const bad = /(?:javascript|vbscript):|data:text\/html/i;
  const compact = (v: string) => v.replace(/[\u0000-\u0020\u007f-\u009f\ufffd]+/g, '');
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const tag = el.localName;
    if (['script', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'frame', 'frameset'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'iframe') {
      let host = '';
      try {
        const url = new URL(el.getAttribute('src') ?? '');
        if (url.protocol === 'https:' || url.protocol === 'http:') host = url.hostname.toLowerCase();
      } catch {
        // not an absolute address: not allowed
      }
      if (!iframeHosts.some((h) => (h.startsWith('.') ? host.endsWith(h) || host === h.slice(1) : host === h))) found.push(`<iframe src="${el.getAttribute('src')}">`);
    }
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${attr.name} on <${tag}>`);
      if (attr.name === 'srcdoc') found.push(`srcdoc on <${tag}>`);
      if (bad.test(compact(attr.value))) found.push(`${attr.name}="${attr.value}" on <${tag}>`);
    }
  }
  // Handlers anywhere in the app (React never writes on* attributes).
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) found.push(`${attr.name} on <${el.localName}> outside the editor`);
  }
  return found;
}

test.describe('hostile markup in the editor', () => {
  test(`opens ${pages.flat().length} hostile inputs on ${pages.length} pages and nothing runs`, async ({ page, site }) => {
    test.setTimeout(180_000);
    pages.forEach((inputs, index) => {
      const body = [`<p>Hostile page ${index + 1} begins</p>`, ...inputs.map((i) => i.html)].join('\n\n');
      const text = `---\ntitle: ${pageTitle(index)}\npermalink: /hostile-${index + 1}/\nvariant: tiptap\n---\n${body}\n`;
      writeFileSync(join(site.dir, 'pages', `hostile-${index + 1}.md`), text);
    });

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(site.url);
    const nav = page.getByRole('navigation', { name: 'Site pages' });
    // Control: the listener does see a dialog when one opens.
    await page.evaluate(() => setTimeout(() => alert('control'), 0));
    await expect.poll(() => dialogs.length).toBe(1);
    dialogs.length = 0;

    for (const [index, inputs] of pages.entries()) {
      await test.step(`${pageTitle(index)}: ${inputs.map((i) => i.name).join('; ')}`, async () => {
        await nav.getByRole('button', { name: pageTitle(index), exact: true }).click();
        const editor = page.locator('.ProseMirror');
        await expect(editor).toBeVisible();
        await expect(editor).toContainText(`Hostile page ${index + 1} begins`);
        // Give images, animations and focus handlers the chance to fire.
        await page.mouse.move(300, 300);
        await page.mouse.move(700, 500);
        await page.waitForTimeout(750);

        expect(dialogs, 'dialogs opened by hostile markup').toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(await page.evaluate(editorDangers, iframeHosts)).toEqual([]);
        // The page was read, and what was taken out is reported.
        await expect(page.getByText(/removed because (it is|they are) not allowed on a page/)).toBeVisible();

        // The preview renders the exported page: nothing may run there either.
        await page.getByRole('button', { name: 'Preview', exact: true }).click();
        await expect(page.getByTitle('Page preview')).toBeVisible();
        await page.waitForTimeout(500);
        expect(dialogs, 'dialogs opened from the preview').toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        await page.getByRole('button', { name: 'Close preview' }).click();
      });
    }
    expect(pageErrors.filter((m) => /pwned|alert/i.test(m))).toEqual([]);
  });

  test('every input, imported and exported by the Node codec and rendered by kramdown, runs nothing when Chromium shows it as the site would', async ({ page }) => {
    test.setTimeout(600_000);
    useJsdom();
    const codec = new BodyCodec(blockRegistry);
    // Nothing leaves the browser: hostile addresses fail at once.
    await page.route('**/*', (route) => route.abort());
    let dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => {});
    });

    const missing = kramdownMissing();
    if (missing) throw new Error(missing);
    const cases = hostileInputs.flatMap((input) =>
      [true, false].map((reuseSource) => ({ input, reuseSource, exported: codec.exportHtml(codec.importHtml(input.html), { reuseSource }).html })),
    );
    // What the site publishes is the body as kramdown renders it; the body as written is tried too.
    const published = renderWithKramdown(cases.map((c) => c.exported));
    const ran: string[] = [];
    for (const [index, { input, reuseSource, exported: body }] of cases.entries()) {
      for (const [form, exported] of [['as written', body], ['as kramdown renders it', published[index]!]] as const) {
        dialogs = [];
        // setContent writes a new document into the same window: clear what an earlier input may have set.
        await page.evaluate(() => delete (window as unknown as { __pwned?: unknown }).__pwned);
        // The page as the site's layout wraps a body: scripts on, a real HTML parser, the body's own <body>.
        await page.setContent(`<!doctype html><html><head><title>Site</title></head><body><main><div class="content">${exported}</div></main><footer>Footer</footer></body></html>`);
        await page.mouse.move(10, 10);
        await page.mouse.move(200, 60);
        await page.waitForTimeout(30);
        const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
        if (dialogs.length > 0 || pwned !== undefined) ran.push(`${input.name} (reuseSource: ${reuseSource}, ${form}): ${JSON.stringify({ dialogs, pwned, exported })}`);
      }
    }
    expect(ran).toEqual([]);
  });
});
