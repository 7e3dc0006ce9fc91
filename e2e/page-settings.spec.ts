import { expect, test } from './fixtures.ts';
import { bodyOf, keepScreenshot, openPage, save } from './helpers.ts';

test('changes the title and permalink, sees the error for a permalink with a space, fixes it and saves only those keys', async ({ page, site }) => {
  const before = site.read('pages/privacy.md');
  await openPage(page, site, 'Privacy Statement');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  const panel = page.getByRole('tabpanel');

  const title = panel.getByRole('textbox', { name: 'Page title' });
  await expect(title).toHaveValue('Privacy Statement');
  await title.fill('Privacy & Data Policy');

  const permalink = panel.getByRole('textbox', { name: 'Page address' });
  await permalink.fill('/privacy policy/');
  await expect(panel.getByText('The page address cannot contain spaces. Use hyphens instead.')).toBeVisible();
  await expect(permalink).toHaveAttribute('aria-invalid', 'true');
  await keepScreenshot(page, 'permalink-error', test.info());

  // Saving is refused while the error stands: the file is unchanged.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  expect(site.read('pages/privacy.md')).toBe(before);

  await permalink.fill('/privacy-policy/');
  await expect(panel.getByText('The page address cannot contain spaces.')).toHaveCount(0);
  await expect(permalink).toHaveAttribute('aria-invalid', 'false');
  await save(page);

  const after = site.read('pages/privacy.md');
  expect(after).toBe(before.replace('title: Privacy Statement\n', 'title: Privacy & Data Policy\n').replace('permalink: /privacy/\n', 'permalink: /privacy-policy/\n'));
  expect(bodyOf(after)).toBe(bodyOf(before));

  await page.reload();
  await openPage(page, site, 'Privacy & Data Policy');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  await expect(page.getByRole('textbox', { name: 'Page address' })).toHaveValue('/privacy-policy/');
});
