import { expect } from '@playwright/test';
import { blockRegistry } from '../extensions/registry.ts';
import { test } from './fixtures.ts';

test('the block gallery shows every block with fixtures in the canvas, on the site and with its settings', async ({ page, site }, testInfo) => {
  // Every fixture of every block is a live editor and a site frame: a long page to check.
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL('/blocks', site.url).href);
  await expect(page.getByRole('heading', { name: 'Blocks', level: 1 })).toBeVisible();

  for (const block of blockRegistry) {
    const section = page.locator(`section[data-block="${block.name}"]`);
    await expect(section).toHaveCount(1);
    const fixtures = block.fixtures ?? [];
    await expect(section.locator('.block-gallery__fixture')).toHaveCount(fixtures.length);
    if (fixtures.length > 0) {
      const first = section.locator('.block-gallery__fixture').first();
      // The canvas is a real editor, and the site view a document holding the fixture's markup.
      await expect(first.locator('.ProseMirror[contenteditable="true"]')).toHaveCount(1);
      const frame = first.locator('.block-gallery__site iframe');
      await expect(frame).toHaveAttribute('srcdoc', /<main|<body/);
      await expect(first.frameLocator('.block-gallery__site iframe').locator('h1.page-title')).toHaveText(fixtures[0]!.name);
      if (block.loadSettingsPanel && (block.settingsFor ?? []).length > 0) {
        await expect(first.locator('.block-gallery__panel')).not.toContainText('Loading the settings');
      }
    }
    await section.scrollIntoViewIfNeeded();
    await testInfo.attach(`block-${block.name}.png`, { body: await section.screenshot(), contentType: 'image/png' });
  }
  expect(errors).toEqual([]);
});
