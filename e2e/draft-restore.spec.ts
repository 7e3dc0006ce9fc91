import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';

/** A browser profile on disk, so that a second launch sees the first one's IndexedDB. */
function launch(userDataDir: string): Promise<BrowserContext> {
  const launchOptions = config.use?.launchOptions ?? {};
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: launchOptions.executablePath,
    args: launchOptions.args,
    viewport: config.use?.viewport ?? { width: 1400, height: 900 },
  });
}

test('a draft survives closing the browser without saving, and can be restored and saved', async ({ site }) => {
  const profile = mkdtempSync(join(tmpdir(), 'isomer-profile-'));
  try {
    const first = await launch(profile);
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto(site.url);
    await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
    const paragraph = page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' });
    await paragraph.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Kept as a draft.');
    await expect(page.getByText('Unsaved changes')).toBeVisible();
    await page.waitForTimeout(2500);
    await first.close(); // no save, no goodbye

    expect(site.read('pages/about-us.md')).not.toContain('Kept as a draft.');

    const second = await launch(profile);
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto(site.url);
    const item = again.getByRole('navigation').getByRole('button', { name: /^About Us/ });
    await expect(item.getByText('Draft', { exact: true })).toBeVisible();
    await item.click();
    // The offer says when, with the date (a time alone reads as today).
    const today = new Date().toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
    await expect(again.getByText(`Restore the draft from ${today}`, { exact: false })).toBeVisible();
    await expect(again.getByText(/Restore the draft from .*\d{1,2}:\d{2}/)).toBeVisible();

    // Compare shows the added words before restoring.
    await again.getByRole('button', { name: 'Compare', exact: true }).click();
    const compare = again.getByRole('dialog', { name: 'Compare the draft with the page on disk' });
    await expect(compare.getByText('Kept as a draft.')).toBeVisible();
    await compare.getByRole('button', { name: 'Close' }).click();

    await again.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(again.getByText('Draft restored')).toBeVisible();
    await expect(again.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board. Kept as a draft.' })).toBeVisible();
    await expect(again.getByText('Unsaved changes')).toBeVisible();

    await again.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(again.getByText('Saved', { exact: true })).toBeVisible();
    expect(site.read('pages/about-us.md')).toContain('<p>Welcome to the Harbourview Parks Board. Kept as a draft.</p>');
    // Saved: the draft is gone from the list.
    await expect(item.getByText('Draft', { exact: true })).toHaveCount(0);
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('someone typing without a pause has a draft within about 2 s, before they stop', async ({ page, site }) => {
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  await page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' }).click();
  await page.keyboard.press('End');
  const item = page.getByRole('navigation').getByRole('button', { name: /^About Us/ });
  await expect(item.getByText('Draft', { exact: true })).toHaveCount(0);

  // About 5 s of steady typing, a key every 150 ms: never the pause a draft used to wait for.
  let typingDone = false;
  const typing = page.keyboard.type(' Typed in one go, without a single pause.', { delay: 150 }).then(() => (typingDone = true));
  await expect(item.getByText('Draft', { exact: true })).toBeVisible({ timeout: 4000 });
  expect(typingDone).toBe(false);
  await typing;
});
