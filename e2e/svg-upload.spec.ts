/**
 * SVG uploads on the published site. Every sample (src/core/testing/svgSamples.ts) is uploaded through
 * the real server; each file it stores is then opened on its own in Chromium from a plain static server
 * with no Content-Security-Policy, as a published site serves `images/`, and its links are clicked.
 * Nothing may run: no dialog, no `window.__pwned`, no page opened at a script URL.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { HOSTILE_SVGS, LEGITIMATE_SVGS } from '../src/core/testing/svgSamples.ts';
import { expect, test } from './fixtures.ts';

const TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.html': 'text/html' };

/** Serves `dir` as a plain static host does: no CSP, no sandbox, only the content type. */
async function plainStaticServer(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
    const file = join(dir, path);
    try {
      if (!file.startsWith(dir + sep)) throw new Error('outside the folder');
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined);

test('every SVG the server stores is inert when opened on its own without a CSP, links clicked', async ({ page, context, site }) => {
  test.setTimeout(180_000);
  // Upload every sample through the real server, as the media library does.
  const accepted: string[] = [];
  const samples = [...HOSTILE_SVGS.map((s) => ({ ...s, hostile: true })), ...LEGITIMATE_SVGS.map((s) => ({ ...s, hostile: false }))];
  for (const [i, sample] of samples.entries()) {
    const name = `sample ${i}.svg`;
    const res = await fetch(new URL(`/api/media?dir=images&name=${encodeURIComponent(name)}`, site.url), {
      method: 'POST',
      headers: { 'X-Isomer-Token': site.server.token, Origin: site.url.replace(/\/$/, ''), 'Content-Type': 'application/octet-stream' },
      body: new TextEncoder().encode(sample.svg),
    });
    if (res.status === 201) accepted.push(name);
    expect({ sample: sample.name, status: res.status }).toEqual({ sample: sample.name, status: sample.hostile ? 415 : 201 });
  }
  expect(accepted).toHaveLength(LEGITIMATE_SVGS.length);

  // Controls, written straight to the folder (not uploaded): the harness sees script that does run.
  mkdirSync(join(site.dir, 'controls'));
  writeFileSync(join(site.dir, 'controls/onload.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  writeFileSync(join(site.dir, 'controls/link.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:window.__pwned=1"><rect width="100" height="100"/></a></svg>');

  const { url, server } = await plainStaticServer(site.dir);
  try {
    const dialogs: string[] = [];
    const popups: string[] = [];
    context.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => {});
    });
    context.on('page', (popup) => {
      if (popup === page) return;
      popups.push(popup.url());
      void popup.close();
    });
    // Links to other sites stay on this machine.
    await context.route((u) => !u.href.startsWith(url), (route) => route.abort());

    await page.goto(`${url}controls/onload.svg`);
    await expect.poll(() => dialogs.length).toBe(1);
    await page.goto(`${url}controls/link.svg`);
    await page.locator('a').click();
    await expect.poll(() => pwned(page)).toBe(1);
    dialogs.length = 0;

    let clicked = 0;
    for (const name of accepted) {
      const fileUrl = `${url}images/${encodeURIComponent(name)}`;
      await page.goto(fileUrl);
      // Animations that start at load, and any script a file would run, have had time to run.
      await page.waitForTimeout(300);
      expect(await pwned(page), name).toBeUndefined();
      const links = await page.locator('a').count();
      for (let i = 0; i < links; i++) {
        if (!page.url().startsWith(fileUrl)) await page.goto(fileUrl);
        const link = page.locator('a').nth(i);
        if (!(await link.isVisible())) continue;
        await link.click();
        clicked++;
        await page.waitForTimeout(200);
        // A script URL runs in the page without leaving it; any other link leaves for a real address.
        if (page.url().startsWith(fileUrl)) expect(await pwned(page), `${name}, link ${i}`).toBeUndefined();
        else expect(page.url(), `${name}, link ${i}`).toMatch(/^(?:https?:|chrome-error:)/);
      }
    }
    expect(clicked).toBeGreaterThanOrEqual(4);
    expect(dialogs).toEqual([]);
    for (const popup of popups) expect(popup).toMatch(/^(?:https?:|about:blank|chrome-error:)/);
  } finally {
    server.close();
  }
});

test('the media library says SVGs are refused rather than cleaned, and why one was refused', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('button', { name: 'Media', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Media library' });
  await expect(dialog.getByText(/An SVG is stored exactly as uploaded: one that holds script or loads other files is refused, not cleaned/)).toBeVisible();

  const hidden = HOSTILE_SVGS.find((s) => s.name === '> inside an earlier attribute hides onload')!;
  await dialog.locator('#media-upload-input').setInputFiles({ name: 'badge.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(hidden.svg) });
  await expect(dialog.getByRole('alert')).toContainText('this SVG was refused because it contains an event handler attribute (onload on <rect>');

  const logo = LEGITIMATE_SVGS.find((s) => s.name.startsWith('Inkscape'))!.svg;
  await dialog.locator('#media-upload-input').setInputFiles({ name: 'badge.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(logo) });
  await expect(dialog.getByText('Uploaded images/badge.svg.')).toBeVisible();
  expect(site.read('images/badge.svg')).toBe(logo);
});
