import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockRegistry } from '../extensions/registry.ts';
import { expect, test } from './fixtures.ts';
import { canvasSettled, createPage, keepScreenshot, openBlockTab, openPage, selectImage, seriousViolations } from './helpers.ts';

test('no serious or critical violations: editor with a page open and the Page settings tab', async ({ page, site }) => {
  await openPage(page, site, 'Harbour Lawn');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  await expect(page.getByRole('textbox', { name: 'Page title' })).toBeVisible();
  await keepScreenshot(page, 'page-settings', test.info());
  expect(await seriousViolations(page)).toEqual([]);
});

test('no serious or critical violations: the Block tab with an image selected', async ({ page, site }) => {
  const canvas = await openPage(page, site, 'Harbour Lawn');
  await selectImage(canvas.locator('.isomer-image-wrapper img').first());
  const panel = await openBlockTab(page);
  await expect(panel.getByRole('spinbutton', { name: /Width/ })).toBeVisible();
  await keepScreenshot(page, 'block-tab-image', test.info());
  expect(await seriousViolations(page)).toEqual([]);
});

test('no serious or critical violations: the Block tab with a card grid and with an accordion', async ({ page, site }) => {
  const canvas = await openPage(page, site, 'Volunteer With Us');
  // This page's notice of blank parts loads after the page shows and moves the canvas down: click once it is in place.
  await expect(page.getByRole('status').filter({ hasText: 'The site would show these blank' })).toBeVisible();
  await canvasSettled(canvas);
  await canvas.focus();
  await canvas.locator('.isomer-card-title').first().click({ delay: 60 });
  const panel = await openBlockTab(page);
  await expect(panel.getByRole('list', { name: 'Cards' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await openPage(page, site, 'Frequently Asked Questions');
  await page.locator('.ProseMirror summary').first().click({ delay: 60 });
  await expect(page.getByRole('tabpanel').getByRole('radio', { name: 'Gray' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('no serious or critical violations: the preview dialog', async ({ page, site }) => {
  await openPage(page, site, 'Harbour Lawn');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('iframe')).toBeVisible();
  await page.waitForTimeout(300);
  await keepScreenshot(page, 'preview', test.info());
  expect(await seriousViolations(page, { skipFrames: '[role="dialog"] iframe' })).toEqual([]);

  // The previewed document itself, in a page of its own (scripts stay off as in the sandbox).
  const html = await dialog.locator('iframe').first().getAttribute('srcdoc');
  expect(html, 'the preview is given as srcdoc').toBeTruthy();
  const previewPage = await page.context().newPage();
  await previewPage.setContent(html!);
  await keepScreenshot(previewPage, 'preview-document', test.info());
  expect(await seriousViolations(previewPage)).toEqual([]);
  await previewPage.close();
});

/** Every fixture of every block, and a raw HTML block long enough to scroll in its box. */
function everyBlockBody(): string {
  const fixtures = blockRegistry.flatMap((block) => (block.fixtures ?? []).map((fixture) => fixture.html));
  // A definition list: markup no block reads, so it stays a raw HTML block.
  const longRaw = `<dl class="kept">\n${Array.from({ length: 40 }, (_, i) => `<dt>Kept line ${i + 1}</dt>`).join('\n')}\n</dl>`;
  return `<p>Start</p>\n${fixtures.join('\n')}\n${longRaw}\n`;
}

test('no serious or critical violations: a page with every block, raw HTML included, and every dialog', async ({ page, site }) => {
  test.setTimeout(240_000); // one check per dialog
  createPage(site, 'pages/every-block.md', 'Every Block', everyBlockBody());
  const canvas = await openPage(page, site, 'Every Block');
  await expect(canvas.locator('[data-testid="raw-html-block"]').first()).toBeVisible();
  // Blocks off screen skip layout (content-visibility), and the checker would measure them unlaid out.
  await page.addStyleTag({ content: '.isomer-canvas .isomer-content > * { content-visibility: visible !important; }' });
  expect(await seriousViolations(page)).toEqual([]);

  // The raw HTML code box scrolls, and the keyboard reaches it (axe: scrollable-region-focusable).
  const card = canvas.locator('[data-testid="raw-html-block"]', { hasText: 'Kept line 40' });
  await card.getByRole('button', { name: 'Show HTML' }).click();
  const code = card.locator('.raw-html-card__code');
  await code.focus();
  await expect(code).toBeFocused();
  expect(await code.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await page.keyboard.press('PageDown');
  await expect.poll(() => code.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  const checkDialog = async (name: string | RegExp, open: () => Promise<unknown>, close = () => page.keyboard.press('Escape')) => {
    await open();
    const dialog = page.getByRole('dialog', { name }).or(page.getByRole('alertdialog', { name }));
    await expect(dialog).toBeVisible();
    expect(await seriousViolations(page, { skipFrames: '[role="dialog"] iframe' }), String(name)).toEqual([]);
    await close();
    await expect(dialog).toHaveCount(0);
  };
  const button = (name: string) => () => page.getByRole('button', { name, exact: true }).click();

  await checkDialog('Keyboard shortcuts', button('Keyboard shortcuts'));
  await checkDialog('Edit HTML', () => canvas.locator('[data-testid="raw-html-block"]').first().getByRole('button', { name: 'Edit HTML' }).click());
  await checkDialog('New page', button('New page'));
  await checkDialog('Media library', button('Media'));
  await checkDialog('Trash', button('Trash'));
  await checkDialog('Rename the page file', button('Rename'));
  await checkDialog('Delete “Every Block”?', button('Delete'));

  await canvas.locator('p', { hasText: 'Start' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' edited');
  await checkDialog('Add a link', () => page.keyboard.press('Control+k'));
  await checkDialog('Review changes', button('Review changes'));
  await checkDialog('You have unsaved changes', () => page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click());

  // Changed on disk meanwhile: saving shows the conflict.
  writeFileSync(join(site.dir, 'pages/every-block.md'), `${site.read('pages/every-block.md')}<p>Changed elsewhere</p>\n`);
  await checkDialog('This page changed on disk since you opened it', button('Save'), button('Cancel'));
});

test('no serious or critical violations: the markdown compare and cancel dialogs; Escape closes compare from inside its frames', async ({ page, site }) => {
  await openPage(page, site, 'Park Rules v2.0');
  await page.getByRole('button', { name: 'Compare with the original' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare with the original' });
  await expect(compare.locator('iframe')).toHaveCount(2);
  await expect(page.frameLocator('iframe[title="Converted page"]').getByRole('heading', { name: 'General rules' })).toBeVisible();
  expect(await seriousViolations(page, { skipFrames: '[role="dialog"] iframe' })).toEqual([]);

  // Focus inside a frame: Escape still closes the dialog.
  await page.frameLocator('iframe[title="Converted page"]').getByRole('heading', { name: 'General rules' }).click();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);

  await page.locator('.ProseMirror p').first().click();
  await page.keyboard.type('Edited ');
  await page.getByRole('button', { name: 'Cancel conversion' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Cancel the conversion?' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('screen readers hear what a markdown page does when opened: it opens converted, not read-only', async ({ page, site }) => {
  await page.goto(site.url);
  const item = page.getByRole('navigation').getByRole('button', { name: 'Park Rules v2.0', exact: true });
  await expect(item).toHaveAccessibleDescription(/opens converted for editing/);
  await expect(item).not.toHaveAccessibleDescription(/read-only/);
});

test('no serious or critical violations: the media picker and the draft compare dialog', async ({ page, site }) => {
  const canvas = await openPage(page, site, 'Harbour Lawn');
  await selectImage(canvas.locator('.isomer-image-wrapper img').first());
  const panel = await openBlockTab(page);
  await panel.getByRole('button', { name: 'Choose from media' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an image' });
  await expect(picker).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);

  // A draft kept, then the page opened again (the reload keeps the page): its offer compares.
  await canvas.locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Kept as a draft.');
  await expect(page.getByRole('navigation').getByRole('button', { name: /^Harbour Lawn/ }).getByText('Draft', { exact: true })).toBeVisible({ timeout: 5000 });
  page.on('dialog', (leave) => void leave.accept());
  await page.reload();
  await expect(page.getByText(/Restore the draft from/)).toBeVisible();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Compare the draft with the page on disk' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
