import { expect, test } from './fixtures.ts';
import { bodyOf, openPage } from './helpers.ts';

const PATH = 'pages/park-rules.md';
const TITLE = 'Park Rules v2.0';

/** The front matter lines of a page file, without the fences. */
function frontMatterLines(text: string): string[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match ? match[1]!.split(/\r?\n/) : [];
}

test('a markdown page opens converted: the banner lists what was kept, and an item jumps to its block', async ({ page, site }) => {
  await openPage(page, site, TITLE);
  const banner = page.getByRole('region', { name: 'This page was written in markdown' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('saved in the new format');
  // The markdown notice lists the report; the generic one does not repeat it.
  await expect(page.getByRole('heading', { name: 'Some parts of this page need your attention' })).toHaveCount(0);

  // One sentence per kind; the parts, their lines and markup are shown on demand.
  await expect(banner).toContainText(/parts? of this page can only be changed as HTML/);
  await expect(banner.getByText(/\{% for item in site\.data\.park-facilities %\}/)).toBeHidden();
  await banner.getByText('Show these parts').click();
  await banner.getByLabel('Show line numbers and markup').check();
  const loopItem = banner.getByRole('button', { name: /\{% for item in site\.data\.park-facilities %\}/ });
  await expect(loopItem).toBeVisible();
  await expect(loopItem).toContainText(/Line \d+:/);
  await loopItem.click();

  const selected = page.locator('.ProseMirror [data-testid="raw-html-block"].is-selected');
  await expect(selected).toHaveCount(1);
  await expect(selected).toContainText('{% for item in site.data.park-facilities %}');
  await expect(selected).toBeInViewport();
  // The editor has the focus, with the raw block as a node selection.
  const state = await page.evaluate(() => {
    const view = document.querySelector('.ProseMirror') as HTMLElement | null;
    return { focused: view?.contains(document.activeElement) ?? false };
  });
  expect(state.focused).toBe(true);
  await page.screenshot({ path: test.info().outputPath('jumped-to-block.png') });
});

test('compare shows the original and the converted page side by side in sandboxed frames', async ({ page, site }) => {
  await openPage(page, site, TITLE);
  await page.getByRole('button', { name: 'Compare with the original' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with the original' });
  await expect(dialog).toBeVisible();
  const frames = dialog.locator('iframe');
  await expect(frames).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const sandbox = await frames.nth(i).getAttribute('sandbox');
    expect(sandbox).not.toBeNull();
    expect(sandbox).not.toContain('allow-scripts');
  }
  const original = page.frameLocator('iframe[title="Original page"]');
  const converted = page.frameLocator('iframe[title="Converted page"]');
  await expect(original.getByRole('heading', { name: 'General rules' })).toBeVisible();
  await expect(converted.getByRole('heading', { name: 'General rules' })).toBeVisible();
  await expect(original.getByRole('heading', { name: 'Opening hours' })).toBeVisible();
  await expect(converted.getByRole('heading', { name: 'Opening hours' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('compare.png') });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toHaveCount(0);
});

test('cancelling the conversion leaves the file byte for byte as it was', async ({ page, site }) => {
  const before = site.read(PATH);
  const canvas = await openPage(page, site, TITLE);
  // An edit, so cancelling asks first.
  await canvas.locator('p', { hasText: 'These rules keep our parks pleasant' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Edited');
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  await page.getByRole('button', { name: 'Cancel conversion' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Cancel the conversion?' });
  await confirm.getByRole('button', { name: 'Close without saving' }).click();
  await expect(page.locator('.ProseMirror')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Choose a page to edit' })).toBeVisible();
  expect(site.read(PATH)).toBe(before);

  // Opened again unedited, cancelling closes at once; still nothing is written.
  await openPage(page, site, TITLE);
  await page.getByRole('button', { name: 'Cancel conversion' }).click();
  await expect(page.locator('.ProseMirror')).toHaveCount(0);
  expect(site.read(PATH)).toBe(before);
});

test('saving a markdown page writes variant: tiptap with the other keys unchanged and an HTML body', async ({ page, site }) => {
  const before = site.read(PATH);
  await openPage(page, site, TITLE);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => site.read(PATH)).not.toBe(before);

  const after = site.read(PATH);
  const beforeKeys = frontMatterLines(before);
  const afterKeys = frontMatterLines(after);
  expect(afterKeys).toContain('variant: tiptap');
  expect(afterKeys.filter((line) => line !== 'variant: tiptap')).toEqual(beforeKeys);
  const body = bodyOf(after);
  expect(body).toContain('<h2');
  expect(body).toContain('General rules</h2>');
  expect(body).not.toMatch(/^## /m);
  // Liquid the conversion could not express is kept as written.
  expect(body).toContain('{% for item in site.data.park-facilities %}');
  // Now a tiptap page: the markdown banner is gone.
  await expect(page.getByRole('region', { name: 'This page was written in markdown' })).toHaveCount(0);
});
