import { expect, test } from './fixtures.ts';
import { keepScreenshot, openBlockTab, openPage, selectImage, seriousViolations } from './helpers.ts';

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
