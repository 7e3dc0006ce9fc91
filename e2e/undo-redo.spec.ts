import { expect, test } from './fixtures.ts';
import { keepScreenshot, openBlockTab, openPage, save, selectImage } from './helpers.ts';

const PAGE = '_about/Our Parks/Harbour Lawn.md';
const OLD_ALT = 'Harbour Lawn seen from the sea wall';
const NEW_ALT = 'The lawn and the harbour from the sea wall';

test('a block setting change is one undo step: Ctrl+Z restores the old alt, Ctrl+Shift+Z brings the new one back', async ({ page, site }) => {
  const before = site.read(PAGE);
  const canvas = await openPage(page, site, 'Harbour Lawn');
  const image = canvas.locator('.isomer-image-wrapper img').first();
  await expect(image).toHaveAttribute('alt', OLD_ALT);
  await selectImage(image);
  const panel = await openBlockTab(page);

  // Two changes, each its own step.
  const width = panel.getByRole('spinbutton', { name: /Width/ });
  await width.fill('80');
  await width.press('Enter');
  await expect(image).toHaveAttribute('style', 'width: 80%');
  const alt = panel.getByRole('textbox', { name: /alt text/ });
  await alt.fill(NEW_ALT);
  await alt.press('Enter');
  await expect(image).toHaveAttribute('alt', NEW_ALT);
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  // Ctrl+Z in the panel undoes the page's last change: the alt only, the width stays.
  await alt.press('Control+z');
  await expect(image).toHaveAttribute('alt', OLD_ALT);
  await expect(alt).toHaveValue(OLD_ALT);
  await expect(image).toHaveAttribute('style', 'width: 80%');

  await alt.press('Control+Shift+z');
  await expect(image).toHaveAttribute('alt', NEW_ALT);
  await expect(alt).toHaveValue(NEW_ALT);

  // The toolbar's buttons do the same, one change at a time.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(image).toHaveAttribute('alt', OLD_ALT);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(image).toHaveAttribute('style', 'width: 100%');
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(image).toHaveAttribute('alt', NEW_ALT);
  await expect(image).toHaveAttribute('style', 'width: 80%');
  await keepScreenshot(page, 'after-redo', test.info());

  await save(page);
  expect(site.read(PAGE)).toBe(
    before.replace(
      `<img style="width: 100%" height="auto" width="100%" alt="${OLD_ALT}"`,
      `<img style="width: 80%" height="auto" width="100%" alt="${NEW_ALT}"`,
    ),
  );
});

test('a change typed in a field but not applied yet is undone by the field, not by the page', async ({ page, site }) => {
  const canvas = await openPage(page, site, 'Harbour Lawn');
  const image = canvas.locator('.isomer-image-wrapper img').first();
  await selectImage(image);
  const panel = await openBlockTab(page);
  const alt = panel.getByRole('textbox', { name: /alt text/ });
  await alt.fill('Half typed');
  await alt.press('Escape');
  await expect(alt).toHaveValue(OLD_ALT);
  await expect(image).toHaveAttribute('alt', OLD_ALT);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
