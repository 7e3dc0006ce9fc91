import AxeBuilder from '@axe-core/playwright';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';

interface NavEntry {
  title: string;
  sublinks?: NavEntry[];
}

test('previews About Us as the site shows it, in a sandboxed frame, at desktop and mobile widths', async ({ page, site }) => {
  const navigation = parse(site.read('_data/navigation.yml')) as { links: NavEntry[] };
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  await expect(page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' })).toBeVisible();

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Preview' });
  await expect(dialog).toBeVisible();

  const iframe = dialog.locator('iframe[title="Page preview"]');
  const sandbox = await iframe.getAttribute('sandbox');
  expect(sandbox).not.toBeNull();
  expect(sandbox).not.toContain('allow-scripts');

  const frame = page.frameLocator('iframe[title="Page preview"]');
  const title = frame.locator('h1.page-title');
  await expect(title).toHaveText('About Us');
  // The banner is in the site's primary colour from _config.yml (#0b6e4f).
  await expect(frame.locator('.page-banner')).toHaveCSS('background-color', 'rgb(11, 110, 79)');
  await expect(frame.locator('.breadcrumb')).toContainText('Home');

  const nav = frame.getByRole('navigation', { name: 'Main' });
  for (const link of navigation.links) {
    if (!link.sublinks) {
      await expect(nav.getByRole('link', { name: link.title, exact: true })).toBeVisible();
      continue;
    }
    // A menu of sublinks opens on hover or focus.
    const menu = nav.getByRole('button', { name: link.title });
    await expect(menu).toBeVisible();
    await menu.hover();
    for (const sub of link.sublinks) await expect(nav.getByRole('link', { name: sub.title, exact: true })).toBeVisible();
  }
  // The logo comes from the local server.
  const logo = frame.locator('img.site-logo');
  await expect(logo).toHaveAttribute('src', '/images/logo.svg');
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await expect(frame.getByText('Welcome to the Harbourview Parks Board.')).toBeVisible();
  await expect(frame.locator('.isomer-content h1', { hasText: 'Our mission' })).toBeVisible();
  // No scripts ran and nothing from the editor leaked in.
  expect(await frame.locator('script').count()).toBe(0);
  await expect(frame.locator('.ProseMirror')).toHaveCount(0);

  // A link does not navigate the frame.
  await frame.getByRole('link', { name: 'our volunteers' }).click();
  await expect(title).toHaveText('About Us');

  await page.screenshot({ path: test.info().outputPath('preview-desktop.png') });

  // No serious or critical accessibility problem in the dialog or the preview inside it.
  const axe = await new AxeBuilder({ page }).include('dialog').exclude('iframe').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // axe cannot run inside a frame without scripts: the preview document is checked on a page of its own.
  const previewPage = await page.context().newPage();
  const srcdoc = (await iframe.getAttribute('srcdoc'))!;
  const previewUrl = new URL('/preview-for-axe', site.url).href;
  await previewPage.route(previewUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: srcdoc }));
  await previewPage.goto(previewUrl);
  const axePreview = await new AxeBuilder({ page: previewPage }).analyze();
  const seriousPreview = axePreview.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(seriousPreview.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await previewPage.close();

  await dialog.getByRole('button', { name: 'Mobile (375 px)' }).click();
  await expect(dialog.getByRole('button', { name: 'Mobile (375 px)' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Math.round((await iframe.boundingBox())?.width ?? 0)).toBe(375);
  await expect(title).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('preview-mobile.png') });

  await dialog.getByRole('button', { name: 'Close preview' }).click();
  await expect(dialog).toBeHidden();
});

test('shows unsaved changes and the left navigation of a collection page', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Who We Are', exact: true }).click();
  const firstParagraph = page.locator('.ProseMirror p').first();
  await expect(firstParagraph).toBeVisible();
  await firstParagraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Unsaved words.');

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.frameLocator('iframe[title="Page preview"]');
  await expect(frame.locator('h1.page-title')).toHaveText('Who We Are');
  await expect(frame.getByText('Unsaved words.')).toBeVisible();

  const left = frame.getByRole('navigation', { name: 'Pages in this section' });
  await expect(left).toBeVisible();
  // collection.yml order: Our Story, Who We Are, then the Our Parks folder.
  const items = left.locator('.left-nav__item');
  await expect(items.first()).toHaveText('Our Story');
  await expect(left.locator('[aria-current="page"]')).toHaveText('Who We Are');
  await expect(left.locator('.left-nav__group-title')).toHaveCount(1);
  await expect(frame.locator('.breadcrumb')).toContainText('About');
  await page.screenshot({ path: test.info().outputPath('preview-collection.png') });
});
