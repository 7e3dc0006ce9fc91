/**
 * Folder mode without the server, in Chromium: the static build edits a site folder. The folder
 * picker cannot be driven headless, so the sample site is copied into the origin private file system
 * and `showDirectoryPicker` answers with that (real) directory handle; everything after the click on
 * "Open a site folder" is the app's own code reading and writing through the File System Access API.
 */
import type { Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LEGITIMATE_SVGS } from '../src/core/testing/svgSamples.ts';
import { expect, root, staticTest as test } from './fixtures.ts';

const sampleSite = join(root, 'sample-site');

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * Copies the sample site (plus `extra` files, by path) into the origin private file system, folder
 * `site`, and makes the picker return it.
 */
async function openSampleSiteFolder(page: Page, url: string, extra: Record<string, string> = {}): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('site');
  });
  await page.goto(url);
  const files = filesBelow(sampleSite).map((file) => ({ path: relative(sampleSite, file).split('\\').join('/'), base64: readFileSync(file).toString('base64') }));
  for (const [path, text] of Object.entries(extra)) files.push({ path, base64: Buffer.from(text).toString('base64') });
  await page.evaluate(async (list) => {
    const opfs = await navigator.storage.getDirectory();
    const site = await opfs.getDirectoryHandle('site', { create: true });
    for (const { path, base64 } of list) {
      const parts = path.split('/');
      let dir = site;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts[parts.length - 1]!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
    }
  }, files);
  await page.getByRole('button', { name: 'Open a site folder' }).click();
}

/** A file of the copied site as the app left it in the origin private file system; null when there is none. */
function readSiteFile(page: Page, path: string): Promise<string | null> {
  return page.evaluate(async (p) => {
    let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('site');
    const parts = p.split('/');
    try {
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      return await (await (await dir.getFileHandle(parts[parts.length - 1]!)).getFile()).text();
    } catch {
      return null;
    }
  }, path);
}

/** Writes a file of the copied site from outside the app, as another program would. */
async function writeSiteFile(page: Page, path: string, text: string): Promise<void> {
  await page.evaluate(
    async ({ p, t }) => {
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('site');
      const parts = p.split('/');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      const writable = await (await dir.getFileHandle(parts[parts.length - 1]!)).createWritable();
      await writable.write(t);
      await writable.close();
    },
    { p: path, t: text },
  );
}

function sample(path: string): string {
  return readFileSync(join(sampleSite, path), 'utf8');
}

test('folder mode: edit and save a page with its image shown, the markup unchanged elsewhere', async ({ page, staticUrl }) => {
  await openSampleSiteFolder(page, staticUrl);
  const nav = page.getByRole('navigation');
  await expect(page.getByText('Folder: site')).toBeVisible();
  const group = page.getByRole('region', { name: 'Our Parks' });
  await group.getByRole('button', { name: 'Harbour Lawn', exact: true }).click();

  // The image is read from the folder (the static host has no images/), so it loads.
  const image = page.locator('.ProseMirror .isomer-image-wrapper img');
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(nav.getByRole('button', { name: 'About Us', exact: true })).toBeVisible();

  const sentence = 'Harbour Lawn is a five-minute walk from Harbourview bus interchange.';
  // The preview shows it too.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const previewImage = page.frameLocator('iframe[title="Page preview"]').locator('.isomer-image-wrapper img');
  await expect.poll(() => previewImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Close preview' }).click();

  // The image's settings offer the folder's images as addresses.
  await image.click();
  await page.getByRole('tab', { name: 'Block' }).click();
  await expect(page.getByRole('tabpanel').locator('datalist option[value="/images/park photos/sunset-pier.png"]')).toHaveCount(1);

  await page.locator('.ProseMirror p', { hasText: sentence }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Welcome');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const before = sample('_about/Our Parks/Harbour Lawn.md');
  const expected = before.replace(`<p>${sentence}</p>`, `<p>${sentence} Welcome</p>`);
  expect(expected).not.toBe(before);
  // Only that paragraph changed; the image keeps its site address.
  expect(await readSiteFile(page, '_about/Our Parks/Harbour Lawn.md')).toBe(expected);
  expect(expected).toContain('src="/images/park photos/harbour-lawn.png"');
});

test('folder mode: create, rename, delete to the trash and restore a page; upload an image', async ({ page, staticUrl }) => {
  await openSampleSiteFolder(page, staticUrl);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: 'About Us', exact: true })).toBeVisible();

  // Create, by the site's conventions.
  await page.getByRole('button', { name: 'New page' }).click();
  const dialog = page.getByRole('dialog', { name: 'New page' });
  await dialog.getByRole('radio', { name: /Collection page/ }).check();
  await dialog.getByLabel('Title', { exact: true }).fill('Picnic Areas');
  await dialog.getByLabel('Collection', { exact: true }).selectOption('about');
  await dialog.getByLabel('Sub-folder (optional)').fill('Our Parks');
  await dialog.getByRole('button', { name: 'Create page' }).click();
  await expect(dialog).toBeHidden();
  const group = page.getByRole('region', { name: 'Our Parks' });
  await expect(group.getByRole('button', { name: 'Picnic Areas' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Picnic Areas' })).toBeVisible();
  const created = '---\ntitle: Picnic Areas\npermalink: /about/picnic-areas/\nvariant: tiptap\nthird_nav_title: Our Parks\n---\n';
  expect(await readSiteFile(page, '_about/Our Parks/Picnic Areas.md')).toBe(created);
  expect(await readSiteFile(page, '_about/collection.yml')).toBe(sample('_about/collection.yml').replace(/\n$/, '\n      - Our Parks/Picnic Areas.md\n'));

  // An address another page uses is refused, and nothing is written.
  await page.getByRole('button', { name: 'New page' }).click();
  await dialog.getByLabel('Title', { exact: true }).fill('Another About');
  await dialog.getByLabel('Address (optional)').fill('/about-us/');
  await dialog.getByRole('button', { name: 'Create page' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already used by pages/about-us.md');
  expect(await readSiteFile(page, 'pages/Another About.md')).toBeNull();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Rename.
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  const rename = page.getByRole('dialog', { name: 'Rename the page file' });
  await rename.getByLabel('File name').fill('Picnic Spots');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  expect(await readSiteFile(page, '_about/Our Parks/Picnic Spots.md')).toBe(created);
  expect(await readSiteFile(page, '_about/Our Parks/Picnic Areas.md')).toBeNull();
  expect(await readSiteFile(page, '_about/collection.yml')).toContain('      - Our Parks/Picnic Spots.md\n');

  // Delete: to the trash, a dot folder of the site that Jekyll does not publish.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: /Delete “Picnic Areas”\?/ });
  await expect(confirm).toContainText('in the hidden .isomer-editor-trash folder of the site');
  await confirm.getByRole('button', { name: 'Move to the trash' }).click();
  await expect(confirm).toBeHidden();
  await expect(group.getByRole('button', { name: 'Picnic Areas' })).toHaveCount(0);
  expect(await readSiteFile(page, '_about/Our Parks/Picnic Spots.md')).toBeNull();
  expect(await readSiteFile(page, '_about/collection.yml')).toBe(sample('_about/collection.yml'));
  expect(await readSiteFile(page, '.isomer-editor-trash/.gitignore')).toBe('*\n');

  // Restore.
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await trash.getByRole('button', { name: 'Restore _about/Our Parks/Picnic Spots.md' }).click();
  await expect(trash.getByText('Restored _about/Our Parks/Picnic Spots.md.')).toBeVisible();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await trash.getByRole('button', { name: 'Close' }).click();
  await expect(group.getByRole('button', { name: 'Picnic Areas' })).toBeVisible();
  expect(await readSiteFile(page, '_about/Our Parks/Picnic Spots.md')).toBe(created);
  expect(await readSiteFile(page, '_about/collection.yml')).toContain('      - Our Parks/Picnic Spots.md\n');

  // Upload an image through the media library; its thumbnail is read from the folder.
  const png = readFileSync(join(sampleSite, 'images/cards/events.png'));
  await page.getByRole('button', { name: 'Media', exact: true }).click();
  const media = page.getByRole('dialog', { name: 'Media library' });
  await expect(media.getByRole('button', { name: /hero-banner\.png/ })).toBeVisible();
  await media.locator('#media-upload-input').setInputFiles({ name: 'Picnic map.png', mimeType: 'image/png', buffer: png });
  await expect(media.getByText('Uploaded images/Picnic map.png.')).toBeVisible();
  const item = media.getByRole('button', { name: /Picnic map\.png/ });
  await expect(item).toBeVisible();
  await expect.poll(() => item.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const stored = await page.evaluate(async () => {
    const images = await (await (await navigator.storage.getDirectory()).getDirectoryHandle('site')).getDirectoryHandle('images');
    return (await (await images.getFileHandle('Picnic map.png')).getFile()).size;
  });
  expect(stored).toBe(png.length);

  // The same name again asks before replacing; an SVG with script is refused.
  await media.locator('#media-upload-input').setInputFiles({ name: 'Picnic map.png', mimeType: 'image/png', buffer: png });
  await expect(media.getByRole('alert')).toContainText('already in images/');
  await media.locator('#media-upload-input').setInputFiles({
    name: 'bad.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
  });
  await expect(media.getByRole('alert')).toContainText('event handler attribute (onload on <svg>');
  expect(await readSiteFile(page, 'images/bad.svg')).toBeNull();
  // A drawing is checked in the browser too (the XML reader loads on first use) and stored as uploaded.
  const drawing = LEGITIMATE_SVGS.find((s) => s.name.startsWith('logo with'))!.svg;
  await media.locator('#media-upload-input').setInputFiles({ name: 'Parks logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(drawing) });
  await expect(media.getByText('Uploaded images/Parks logo.svg.')).toBeVisible();
  expect(await readSiteFile(page, 'images/Parks logo.svg')).toBe(drawing);
});

test('folder mode: a page changed by another program is noticed, and saving asks before overwriting it', async ({ page, staticUrl }) => {
  await openSampleSiteFolder(page, staticUrl);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  await page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Mine.');
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  const theirs = sample('pages/about-us.md').replace('title: About Us', 'title: About Us (theirs)');
  await writeSiteFile(page, 'pages/about-us.md', theirs);
  await expect(page.getByText(/This page changed on disk\. Your changes are not lost/)).toBeVisible();

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'This page changed on disk since you opened it' });
  await expect(dialog).toBeVisible();
  expect(await readSiteFile(page, 'pages/about-us.md')).toBe(theirs);
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(await readSiteFile(page, 'pages/about-us.md')).toBe(
    sample('pages/about-us.md').replace('<p>Welcome to the Harbourview Parks Board.</p>', '<p>Welcome to the Harbourview Parks Board. Mine.</p>'),
  );
});

test('folder mode: a page whose title would run on the published site is not saved, and the field says why', async ({ page, staticUrl }) => {
  await openSampleSiteFolder(page, staticUrl);
  await page.getByRole('navigation').getByRole('button', { name: 'Privacy Statement', exact: true }).click();
  await expect(page.locator('.ProseMirror')).toBeVisible();
  await page.getByRole('tab', { name: 'Page settings' }).click();
  const title = page.getByRole('tabpanel').getByRole('textbox', { name: 'Page title' });
  await title.fill('Privacy" onmouseover="alert(1)');
  await expect(page.locator('#fm-title-errors')).toContainText('a quote that ends the attribute it is printed in, then an "onmouseover" event handler');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the page settings before saving.' })).toContainText('Page title:');
  expect(await readSiteFile(page, 'pages/privacy.md')).toBe(sample('pages/privacy.md'));
});

test('folder mode: a link to a page says the folder must be opened again, then opens that page', async ({ page, staticUrl }) => {
  const link = `${staticUrl}?page=pages/about-us.md`;
  await page.goto(link);
  await expect(page.getByRole('status').filter({ hasText: 'pages/about-us.md' })).toContainText('open the site folder again');
  await openSampleSiteFolder(page, link);
  await expect(page.locator('.topbar__page')).toHaveText('About Us');
  await expect(page.locator('.ProseMirror')).toContainText('Harbourview Parks Board');
  await expect(page).toHaveURL(/\?page=pages\/about-us\.md$/);
});

test('folder mode: a save that gives the page an address another page uses is refused, naming it', async ({ page, staticUrl }) => {
  await openSampleSiteFolder(page, staticUrl);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  await expect(page.locator('.ProseMirror')).toBeVisible();
  const before = await readSiteFile(page, 'pages/about-us.md');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  await page.getByRole('textbox', { name: 'Page address' }).fill('/volunteer/');
  await expect(page.getByText('The page “Volunteer With Us” (pages/volunteer.md) already has this address.')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The page was not saved. The address /volunteer/ is already used by pages/volunteer.md.')).toBeVisible();
  expect(await readSiteFile(page, 'pages/about-us.md')).toBe(before);
});

test('folder mode: the hosts the site adds in _data/isomer-editor.yml make its embeds ordinary ones', async ({ page, staticUrl }) => {
  const form = '<div class="iframe-wrapper">\n<iframe src="https://docs.google.com/forms/d/e/1FAIpQLSeHarbourParksSurvey/viewform?embedded=true" width="640" height="900"></iframe>\n</div>';
  await page.route('https://docs.google.com/**', (route) => route.abort());
  await openSampleSiteFolder(page, staticUrl, {
    '_data/isomer-editor.yml': 'embed_hosts:\n  - docs.google.com\n',
    'pages/visitor-survey.md': `---\ntitle: Visitor survey\npermalink: /visitor-survey/\nvariant: tiptap\n---\n<p>Tell us about your visit.</p>\n${form}\n`,
  });
  await page.getByRole('navigation').getByRole('button', { name: 'Visitor survey', exact: true }).click();
  const canvas = page.locator('.ProseMirror');
  await expect(canvas.locator('.embed-view iframe[src^="https://docs.google.com/forms/"]')).toHaveCount(1);
  await expect(canvas.getByTestId('published-embed')).toHaveCount(0);
});

test('folder mode: the site colour and a navigation link are saved into the folder, changing only those lines', async ({ page, staticUrl }) => {
  await openSampleSiteFolder(page, staticUrl);
  const site = page.getByRole('navigation', { name: 'Site pages' }).getByRole('region', { name: 'Site' });
  await site.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Primary colour')).toHaveValue('#0b6e4f');
  await page.getByLabel('Primary colour').fill('#a83232');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(await readSiteFile(page, '_config.yml')).toBe(sample('_config.yml').replace('primary-color: "#0b6e4f"', 'primary-color: "#a83232"'));

  await site.getByRole('button', { name: 'Navigation', exact: true }).click();
  const title = page.getByLabel('Title of link 1', { exact: true });
  await expect(title).toHaveValue('About Us');
  await title.fill('About the Board');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(await readSiteFile(page, '_data/navigation.yml')).toBe(sample('_data/navigation.yml').replace('title: About Us', 'title: About the Board'));
});
