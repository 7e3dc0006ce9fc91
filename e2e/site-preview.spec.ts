import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test, type TestSite } from './fixtures.ts';

const siteGroup = (page: Page) => page.getByRole('navigation', { name: 'Site pages' }).getByRole('region', { name: 'Site' });

/**
 * Serious or critical problems axe finds in the preview document, checked on a page of its own (no
 * scripts run in the frame); the whole document is attached as a screenshot too.
 */
async function previewViolations(page: Page, site: TestSite, iframe: Locator, testInfo: TestInfo, name: string): Promise<string[]> {
  const previewPage = await page.context().newPage();
  const srcdoc = (await iframe.getAttribute('srcdoc'))!;
  const url = new URL('/site-preview-for-axe', site.url).href;
  await previewPage.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: srcdoc }));
  await previewPage.goto(url);
  const results = await new AxeBuilder({ page: previewPage }).analyze();
  await testInfo.attach(name, { body: await previewPage.screenshot({ fullPage: true }), contentType: 'image/png' });
  await previewPage.setViewportSize({ width: 375, height: 800 });
  await testInfo.attach(`${name}-mobile`, { body: await previewPage.screenshot({ fullPage: true }), contentType: 'image/png' });
  await previewPage.close();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

test('the homepage preview shows the unsaved hero title, the sections in order and the footer, at desktop and mobile widths', async ({ page, site }, testInfo) => {
  await page.goto(site.url);
  await siteGroup(page).getByRole('button', { name: 'Homepage', exact: true }).click();
  const hero = page.getByLabel('Homepage', { exact: true }).locator('section').first();
  await hero.getByRole('textbox', { name: /^Hero title/ }).fill('Parks by the harbour');

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Preview' });
  const iframe = dialog.locator('iframe[title="Page preview"]');
  expect(await iframe.getAttribute('sandbox')).not.toContain('allow-scripts');
  const frame = page.frameLocator('iframe[title="Page preview"]');
  await expect(frame.locator('.hero h1')).toHaveText('Parks by the harbour');
  await expect(frame.getByRole('region', { name: 'Notification' })).toContainText('The Sunset Pier boardwalk is closed');
  // Each section in order, on the theme's alternating backgrounds; no page banner on the homepage.
  const sections = frame.locator('section[data-section-type]');
  await expect(sections).toHaveCount(4);
  await expect(sections.nth(1)).toHaveAttribute('data-section-type', 'infobar');
  await expect(sections.nth(1)).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(sections.nth(2)).toHaveCSS('background-color', 'rgb(242, 242, 242)');
  await expect(frame.locator('.page-banner')).toHaveCount(0);
  await expect(frame.getByRole('img', { name: 'Boardwalk through mangroves' })).toBeVisible();
  // The footer from _data/footer.yml.
  const footer = frame.locator('footer.site-footer');
  await expect(footer.getByRole('link', { name: 'Feedback' })).toHaveAttribute('href', 'https://form.gov.sg/000000000000000000000000');
  await expect(footer.getByRole('link', { name: 'Facebook' })).toBeVisible();
  await attachScreenshot(page, testInfo, 'homepage-preview-desktop');

  expect(await previewViolations(page, site, iframe, testInfo, 'homepage-preview-whole')).toEqual([]);
  const axe = await new AxeBuilder({ page }).include('dialog').exclude('iframe').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await dialog.getByRole('button', { name: 'Mobile (375 px)' }).click();
  await expect.poll(async () => Math.round((await iframe.boundingBox())?.width ?? 0)).toBe(375);
  // Small screens show the hero without its subtitle, as the theme does.
  await expect(frame.locator('.hero h1')).toBeVisible();
  await expect(frame.locator('.hero__subtitle')).toBeHidden();
  await attachScreenshot(page, testInfo, 'homepage-preview-mobile');
  await dialog.getByRole('button', { name: 'Close preview' }).click();
});

test('the Contact Us preview shows the agency, locations and contacts as the site does', async ({ page, site }, testInfo) => {
  await page.goto(site.url);
  await siteGroup(page).getByRole('button', { name: 'Contact Us', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Page settings' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.frameLocator('iframe[title="Page preview"]');
  await expect(frame.locator('h1.page-title')).toHaveText('Contact Us');
  await expect(frame.getByRole('heading', { name: 'Get in touch with Harbourview Parks Board' })).toBeVisible();
  await expect(frame.getByRole('link', { name: 'enquiries@harbourview-parks.example' })).toHaveAttribute('href', 'mailto:enquiries@harbourview-parks.example');
  await expect(frame.getByText('Monday to Friday')).toBeVisible();
  // The feedback link the theme takes from _data/footer.yml.
  await expect(frame.getByRole('link', { name: 'Send us your feedback' })).toHaveAttribute('href', 'https://form.gov.sg/000000000000000000000000');
  await attachScreenshot(page, testInfo, 'contact-us-preview-desktop');
  const iframe = page.getByRole('dialog', { name: 'Preview' }).locator('iframe[title="Page preview"]');
  expect(await previewViolations(page, site, iframe, testInfo, 'contact-us-preview-whole')).toEqual([]);
});

test('unsaved navigation and footer edits are kept when leaving their screens, marked Unsaved, and show in a page’s preview', async ({ page, site }) => {
  const before = site.read('_data/navigation.yml');
  const footerBefore = site.read('_data/footer.yml');
  await page.goto(site.url);
  await siteGroup(page).getByRole('button', { name: 'Navigation', exact: true }).click();
  await page.getByLabel('Title of link 1').fill('Who we are');
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  // Another page, without being asked anything: the edit stays, and the Site group says it is unsaved.
  let asked = false;
  page.on('dialog', (d) => {
    asked = true;
    void d.dismiss();
  });
  await siteGroup(page).getByRole('button', { name: 'Footer', exact: true }).click();
  await page.getByLabel('Instagram').fill('https://www.instagram.com/harbourviewparks.example');
  await page.getByRole('navigation', { name: 'Site pages' }).getByRole('button', { name: 'About Us', exact: true }).click();
  await expect(page.locator('.ProseMirror')).toBeVisible();
  const navEntry = siteGroup(page).getByRole('button', { name: 'Navigation', exact: true });
  await expect(navEntry).toContainText('Unsaved');
  await expect(navEntry).toHaveAccessibleDescription(/not saved/);
  await expect(siteGroup(page).getByRole('button', { name: 'Footer', exact: true })).toContainText('Unsaved');
  await expect(siteGroup(page).getByRole('button', { name: 'Settings', exact: true })).not.toContainText('Unsaved');
  expect(asked).toBe(false);

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.frameLocator('iframe[title="Page preview"]');
  await expect(frame.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Who we are', exact: true })).toBeVisible();
  await expect(frame.locator('footer').getByRole('link', { name: 'Who we are', exact: true })).toBeVisible();
  await expect(frame.locator('footer').getByRole('link', { name: 'Instagram' })).toHaveAttribute('href', 'https://www.instagram.com/harbourviewparks.example');
  await page.getByRole('dialog', { name: 'Preview' }).getByRole('button', { name: 'Close preview' }).click();

  // Back on the screen, the edit is still there, and the file is untouched until it is saved.
  await navEntry.click();
  await expect(page.getByLabel('Title of link 1')).toHaveValue('Who we are');
  expect(site.read('_data/navigation.yml')).toBe(before);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(site.read('_data/navigation.yml')).toBe(before.replace('  - title: About Us\n', '  - title: Who we are\n'));
  await expect(navEntry).not.toContainText('Unsaved');
  expect(site.read('_data/footer.yml')).toBe(footerBefore);
});

test('the homepage canvas draws the same bands as its preview: order, backgrounds and infopic sides', async ({ page, site }, testInfo) => {
  await page.goto(site.url);
  await siteGroup(page).getByRole('button', { name: 'Homepage', exact: true }).click();
  const canvas = page.getByLabel('Homepage', { exact: true });
  // An infopic added at the end takes the next band and the next side, on both.
  await page.getByLabel('Add a section').selectOption('infopic');
  await page.getByRole('button', { name: 'Add section', exact: true }).click();
  const canvasSections = canvas.locator('section.site-section');
  await expect(canvasSections).toHaveCount(5);
  const canvasBands = await canvasSections.evaluateAll((nodes) =>
    nodes.map((n) => `${n.getAttribute('data-section-type')} ${/site-section--(\w+)/.exec(n.className)?.[1]} ${n.querySelector('.site-infopic--image-first') ? 'image-first' : 'text-first'}`),
  );
  await testInfo.attach('homepage-canvas', { body: await canvas.screenshot(), contentType: 'image/png' });

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.frameLocator('iframe[title="Page preview"]');
  const previewSections = frame.locator('section[data-section-type]');
  await expect(previewSections).toHaveCount(5);
  const previewBands = await previewSections.evaluateAll((nodes) =>
    nodes.map(
      (n) =>
        `${n.getAttribute('data-section-type')} ${n.classList.contains('hero') ? 'hero' : /home-section--(white|grey)/.exec(n.className)?.[1]} ${n.classList.contains('infopic--image-first') ? 'image-first' : 'text-first'}`,
    ),
  );
  await testInfo.attach('homepage-preview', { body: await page.getByRole('dialog', { name: 'Preview' }).screenshot(), contentType: 'image/png' });
  expect(previewBands).toEqual(canvasBands);
  expect(canvasBands[0]).toBe('hero hero text-first');
  expect(canvasBands.slice(1).map((b) => b.split(' ')[1])).toEqual(['white', 'grey', 'white', 'grey']);
  // The sample has one infopic already: the new one sits on the other side.
  expect(canvasBands.filter((b) => b.startsWith('infopic')).map((b) => b.split(' ')[2])).toEqual(['text-first', 'image-first']);
});

test('reviewing homepage changes shows the changed fields section by section, before and now', async ({ page, site }, testInfo) => {
  await page.goto(site.url);
  await siteGroup(page).getByRole('button', { name: 'Homepage', exact: true }).click();
  const hero = page.getByLabel('Homepage', { exact: true }).locator('section').first();
  const oldTitle = await hero.getByRole('textbox', { name: /^Hero title/ }).inputValue();
  await hero.getByRole('textbox', { name: /^Hero title/ }).fill('Parks by the harbour');
  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  const table = review.getByRole('table', { name: 'sections 1 (hero)' });
  await expect(table.getByRole('row', { name: /hero › title/ }).getByRole('cell')).toHaveText([oldTitle, 'Parks by the harbour']);
  // No empty block list for a page that is all front matter.
  await expect(review.getByRole('heading', { name: 'Content' })).toHaveCount(0);
  await testInfo.attach('homepage-review', { body: await review.screenshot(), contentType: 'image/png' });
});
