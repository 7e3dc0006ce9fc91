// An iframe from a host off the embed allowlist that a page already publishes (a Google Form) is kept as
// written in a locked block with a note, saved byte for byte, shown in Preview as the site shows it, and
// no new embed can be made from that host.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { createPage, newParagraphAfter, openBlockTab, openPage, save } from './helpers.ts';

// Our own words in the structure Google gives for a form's embed code.
const FORM =
  '<iframe src="https://docs.google.com/forms/d/e/1FAIpQLSeHarbourParksSurvey/viewform?embedded=true" width="640" height="900" frameborder="0" marginheight="0" marginwidth="0">Loading…</iframe>';
const BODY = `<p>Tell us about your visit.</p>\n${FORM}\n<p>Thank you for your time.</p>\n`;
const NOTE = 'Embedded from docs.google.com — kept as published. New embeds need an allowed host.';

test('a page with a Google Form keeps it locked, saves it byte for byte, and refuses a new embed from that host', async ({ page, site }) => {
  // Nothing leaves the machine: the form's own address fails at once wherever it is loaded.
  await page.route('https://docs.google.com/**', (route) => route.abort());
  const path = 'pages/visitor-survey.md';
  const original = createPage(site, path, 'Visitor survey', BODY);
  const canvas = await openPage(page, site, 'Visitor survey');

  // The locked block: the note and the markup as text, never an editable surface or a live frame.
  const locked = canvas.getByTestId('published-embed');
  await expect(locked).toHaveCount(1);
  await expect(locked).toContainText(NOTE);
  await expect(locked).toContainText('https://docs.google.com/forms/d/e/1FAIpQLSeHarbourParksSurvey/viewform?embedded=true');
  await expect(locked).toHaveAttribute('contenteditable', 'false');
  await expect(canvas.locator('iframe')).toHaveCount(0);

  // Selectable: a click selects the whole block.
  await locked.click();
  await expect(locked).toHaveClass(/ProseMirror-selectednode/);

  // Preview shows the form where the site does, as it shows every embed (a box: frames do not run there).
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.frameLocator('iframe[title="Page preview"]');
  await expect(preview.locator('.preview-embed')).toHaveText('Embedded content from docs.google.com (shown on the live site)');
  await page.getByRole('button', { name: 'Close preview' }).click();

  // An edit elsewhere saves the form exactly as it was written.
  await newParagraphAfter(page, 'Thank you for your time.');
  await page.keyboard.type('Questions? Write to us.');
  await save(page);
  expect(site.read(path)).toBe(original.replace('<p>Thank you for your time.</p>\n', '<p>Thank you for your time.</p>\n<p>Questions? Write to us.</p>\n'));

  // A new embed from that host is refused, with a message.
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menu', { name: 'Insert a block' }).getByRole('menuitem', { name: 'Embed', exact: true }).click();
  const panel = await openBlockTab(page);
  const address = panel.getByLabel('Address of the video, map or form');
  await address.fill('https://docs.google.com/forms/d/e/1FAIpQLSeHarbourParksSurvey/viewform');
  await address.press('Enter');
  await expect(panel.getByRole('alert')).toContainText('Embeds from docs.google.com are not allowed.');
  await expect(canvas.getByTestId('published-embed')).toHaveCount(1);
  await expect(canvas.locator('iframe[src*="docs.google.com"]')).toHaveCount(0);
});

test('a site that lists the host in _data/isomer-editor.yml edits such an embed as an ordinary embed', async ({ page, site }) => {
  await page.route('https://docs.google.com/**', (route) => route.abort());
  mkdirSync(join(site.dir, '_data'), { recursive: true });
  writeFileSync(join(site.dir, '_data', 'isomer-editor.yml'), 'embed_hosts:\n  - docs.google.com\n');
  const wrapped = `<p>Tell us about your visit.</p>\n<div class="iframe-wrapper">\n${FORM.replace('Loading…', '')}\n</div>\n`;
  createPage(site, 'pages/visitor-survey.md', 'Visitor survey', wrapped);
  const canvas = await openPage(page, site, 'Visitor survey');
  await expect(canvas.getByTestId('published-embed')).toHaveCount(0);
  await expect(canvas.locator('.embed-view iframe[src^="https://docs.google.com/forms/"]')).toHaveCount(1);
});
