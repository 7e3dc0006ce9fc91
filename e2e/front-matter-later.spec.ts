import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { bodyOf, createPage, frontMatterOf, openPage, save } from './helpers.ts';

// A tiptap page opens before the YAML parser is loaded; its settings and saving wait for it.

test('a tiptap page is editable before its settings are read; settings and saving wait for them', async ({ page, site }) => {
  const before = createPage(site, 'pages/later.md', 'Read Later', '<p>First words.</p>\n');
  // Hold back the front-matter code until the test lets it through.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route(/\/assets\/(frontMatterCore|pageFile)-[^/]*\.js$/, async (route) => {
    held++;
    await released;
    await route.continue();
  });

  await openPage(page, site, 'Read Later');
  const paragraph = page.locator('.ProseMirror p', { hasText: 'First words.' });
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' More');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  // The panel's own code needs the parser too: it shows that it is loading, not empty fields.
  await expect(page.getByRole('tabpanel')).toContainText('Loading');
  await expect(page.getByRole('tabpanel').getByRole('textbox')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  expect(site.read('pages/later.md')).toBe(before);
  expect(held).toBeGreaterThan(0);

  release();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('textbox', { name: 'Page title' })).toHaveValue('Read Later');
  expect(site.read('pages/later.md')).toBe(before.replace('First words.', 'First words. More'));
});

test('a tiptap page whose settings do not parse opens its body, shows the error, and saves them unchanged', async ({ page, site }) => {
  const text = '---\nvariant: tiptap\ntitle: [Broken\n---\n<p>Body kept.</p>\n';
  writeFileSync(join(site.dir, 'pages/broken-settings.md'), text);

  await openPage(page, site, 'broken-settings');
  const paragraph = page.locator('.ProseMirror p', { hasText: 'Body kept.' });
  await expect(paragraph).toBeVisible();
  await page.getByRole('tab', { name: 'Page settings' }).click();
  await expect(page.getByRole('tabpanel').getByRole('alert').first()).toContainText('The page settings could not be read: line 4, column 1');

  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Edited');
  await save(page);
  const after = site.read('pages/broken-settings.md');
  expect(frontMatterOf(after)).toBe(frontMatterOf(text));
  expect(bodyOf(after)).toBe('<p>Body kept. Edited</p>\n');
});

test('what only saving and the settings need loads at the first use of the page; a save before it is here waits for it', async ({ page, site }) => {
  const before = createPage(site, 'pages/first-use.md', 'First Use', '<p>Looked at.</p>\n');
  // Saving's code, the rules it checks and the YAML parser: asked for only once the page is used.
  const wanted = /\/assets\/(savePageAction|frontMatterSchema|frontMatterCore|layoutIssues)-[^/]*\.js$/;
  const asked: string[] = [];
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(wanted, async (route) => {
    asked.push(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  });

  // Opened by its address, with no pointer, key or focus in the page: it is only looked at.
  await page.goto(`${site.url}?page=pages/first-use.md`);
  const paragraph = page.locator('.ProseMirror p', { hasText: 'Looked at.' });
  await expect(paragraph).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('isomer:save-ready').length > 0);
  // Long past the idle time in which this code used to load.
  await page.waitForTimeout(2500);
  expect(asked).toEqual([]);

  // The first use asks for it; an edit saved at once, before it has come, waits for it.
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Then saved.');
  await page.keyboard.press('Control+s');
  await expect.poll(() => asked.length).toBeGreaterThan(0);
  await expect(page.getByText('Saved', { exact: true })).toHaveCount(0);
  expect(site.read('pages/first-use.md')).toBe(before);

  release();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(site.read('pages/first-use.md')).toBe(before.replace('Looked at.', 'Looked at. Then saved.'));
});
