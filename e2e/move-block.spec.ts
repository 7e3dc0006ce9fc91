import { expect, test } from './fixtures.ts';

const FIRST = '<p>Welcome to the Harbourview Parks Board.</p>';

test('Alt+ArrowDown moves a paragraph below the next one; the file keeps both blocks as written', async ({ page, site }) => {
  const before = site.read('pages/about-us.md');
  const second = /<p>We look after[\s\S]*?<\/p>/.exec(before)![0];
  expect(before).toContain(`${FIRST}\n${second}\n`);

  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  const paragraph = page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' });
  await expect(paragraph).toBeVisible();
  await paragraph.click();

  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('.ProseMirror > *').nth(1)).toHaveText('Welcome to the Harbourview Parks Board.');
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(site.read('pages/about-us.md')).toBe(before.replace(`${FIRST}\n${second}\n`, `${second}\n${FIRST}\n`));

  // And back up again: the file is as it was.
  await page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' }).click();
  await page.keyboard.press('Alt+ArrowUp');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => site.read('pages/about-us.md')).toBe(before);
});

test('the drag handle moves a block with the mouse', async ({ page, site }) => {
  const before = site.read('pages/about-us.md');
  await page.goto(site.url);
  await page.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  const paragraph = page.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' });
  await expect(paragraph).toBeVisible();

  // The handle loads just after the page shows, then follows the mouse as it moves over a block.
  const handle = page.locator('.block-drag-handle');
  let nudge = 0;
  await expect(async () => {
    await paragraph.hover({ position: { x: 40 + (nudge++ % 2) * 4, y: 4 } });
    await expect(handle).toBeVisible({ timeout: 500 });
  }).toPass();
  const target = page.locator('.ProseMirror p', { hasText: 'Our rangers, gardeners and planners' });
  const box = (await target.boundingBox())!;
  await handle.dragTo(target, { targetPosition: { x: 20, y: box.height - 2 } });

  await expect(page.locator('.ProseMirror > *').nth(2)).toHaveText('Welcome to the Harbourview Parks Board.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const after = site.read('pages/about-us.md');
  expect(after.indexOf('Our rangers, gardeners')).toBeLessThan(after.indexOf(FIRST));
  expect(after).toContain(FIRST);
  expect(after.length).toBe(before.length);
});
