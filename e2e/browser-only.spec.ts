import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, root, staticTest as test } from './fixtures.ts';

test('without the server: a start screen, a page file opened, edited and saved as a download', async ({ page, staticUrl }) => {
  await page.goto(staticUrl);
  await expect(page.getByRole('heading', { name: 'Open a site folder' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open a site folder' })).toBeEnabled();

  const text = readFileSync(join(root, 'sample-site/pages/about-us.md'));
  await page.getByLabel('Page file', { exact: true }).setInputFiles({ name: 'about-us.md', mimeType: 'text/markdown', buffer: text });
  const paragraph = page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' });
  await expect(paragraph).toBeVisible();
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Offline.');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('about-us.md');
  const saved = readFileSync(await file.path(), 'utf8');
  expect(saved).toBe(text.toString('utf8').replace('<p>Welcome to the Harbourview Parks Board.</p>', '<p>Welcome to the Harbourview Parks Board. Offline.</p>'));
});
