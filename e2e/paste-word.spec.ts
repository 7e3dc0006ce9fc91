import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

const wordHtml = readFileSync(new URL('../src/editor/paste/fixtures/word-desktop.html', import.meta.url), 'utf8');

test('pasting a Word capture keeps its structure, drops the junk and asks for the image to be uploaded', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  const paragraph = page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' });
  await expect(paragraph).toBeVisible();
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');

  await page.locator('.ProseMirror').evaluate((editor, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Picnic shelter bookings');
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, wordHtml);

  await expect(page.locator('.ProseMirror h1', { hasText: 'Picnic shelter bookings' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'media library' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('after-paste.png') });

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const file = site.read('pages/about-us.md');
  const start = file.indexOf('<h1>Picnic shelter bookings</h1>');
  const end = file.indexOf('Harbour Lawn office.</p>');
  expect(start).toBeGreaterThan(file.indexOf('<p>Welcome to the Harbourview Parks Board.</p>'));
  expect(end).toBeGreaterThan(start);
  const pasted = file.slice(start, end).replace(/\s*\n\s*/g, '');
  expect(pasted).toContain('<strong>30 days</strong>');
  expect(pasted).toContain('<em>booking conditions</em>');
  expect(pasted).toContain('<u>cancellation terms</u>');
  expect(pasted).toContain('<h2>What to bring</h2>');
  expect(pasted).toMatch(/<ul[^>]*><li><p>Your booking confirmation<\/p><\/li><li><p>Rubbish bags for what you take home<\/p><ul[^>]*><li><p>Recycling goes in the blue bins<\/p><\/li><\/ul><\/li><\/ul>/);
  expect(pasted).toMatch(/<ol[^>]*><li><p>Fill in the <a href="https:\/\/www\.harbourview-parks\.example\/permits\/"[^>]*>permit form<\/a><\/p><\/li>/);
  expect(pasted).toMatch(/<table[^>]*>.*Lawn Shelter A.*<\/table>/);
  expect(pasted).not.toMatch(/Mso|mso-|<span|style=|class="(?!tight)|<o:p|<img|file:|lang=/);
  // The rest of the page is as it was.
  expect(file).toContain('<p>We look after the parks, beaches and coastal trails of Harbourview, from\nthe busy Harbour Lawn to the quiet corners of the mangrove boardwalk.</p>');
});
