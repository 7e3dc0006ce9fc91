import { expect, test } from './fixtures.ts';
import { createPage, openPage } from './helpers.ts';

test('the header and the page list show the title as edited, before the page is saved', async ({ page, site }) => {
  await openPage(page, site, 'About Us');
  await page.getByRole('tab', { name: 'Page settings' }).click();
  await page.getByRole('textbox', { name: 'Page title' }).fill('About the Board');
  await expect(page.locator('.topbar__page')).toHaveText('About the Board');
  const list = page.getByRole('navigation', { name: 'Site pages' });
  await expect(list.getByRole('button', { name: 'About the Board', exact: true })).toBeVisible();
  await expect(list.getByRole('button', { name: 'About Us', exact: true })).toHaveCount(0);
  expect(site.read('pages/about-us.md')).toContain('title: About Us\n');
});

test('the word count sits at the bottom of the editing area on a short page', async ({ page, site }) => {
  createPage(site, 'pages/short.md', 'Short Page', '<p>Only a few words.</p>');
  await openPage(page, site, 'Short Page');
  const count = page.locator('.word-count');
  await expect(count).toHaveText(/4 words/);
  const area = await page.locator('.editor-area__scroll').boundingBox();
  const box = await count.boundingBox();
  expect(area && box).toBeTruthy();
  expect(Math.abs(area!.y + area!.height - (box!.y + box!.height))).toBeLessThan(2);
});

test('in the conversion notice, a wrapped item has its bullet on its first line', async ({ page, site }) => {
  await page.setViewportSize({ width: 840, height: 900 }); // a narrow editor: long items wrap
  await openPage(page, site, 'Park Rules v2.0');
  const notice = page.getByRole('region', { name: 'This page was written in markdown' });
  // The parts are folded until asked for.
  await notice.getByText('Show these parts').first().click();
  const items = notice.locator('.notice__list li');
  await expect(items.first()).toBeVisible();
  // A text put where the bullet is (before the item, in the same line) shows which line the bullet sits on.
  const placements = await items.evaluateAll((lis) =>
    lis.map((li) => {
      const button = li.querySelector('button');
      if (!button) return null;
      const mark = document.createTextNode('•');
      li.insertBefore(mark, button);
      const range = document.createRange();
      range.selectNodeContents(mark);
      const markTop = range.getBoundingClientRect().top;
      mark.remove();
      const box = button.getBoundingClientRect();
      const style = getComputedStyle(button);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2; // "normal" is about 1.2 em
      return { lines: Math.round(box.height / line), offset: markTop - box.top, line };
    }),
  );
  const wrapped = placements.filter((p): p is NonNullable<typeof p> => p !== null && p.lines > 1);
  expect(wrapped.length, 'some item wraps').toBeGreaterThan(0);
  for (const p of wrapped) expect(p.offset).toBeLessThan(p.line);
});

test('the toolbar follows the caret and each edit: text style, bold and undo', async ({ page, site }) => {
  const canvas = await openPage(page, site, 'About Us');
  const style = page.getByRole('combobox', { name: 'Text style' });
  const bold = page.getByRole('button', { name: 'Bold', exact: true });
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeDisabled();

  await canvas.getByRole('heading', { name: 'What we do' }).click();
  await expect(style).toHaveValue('h2');
  await canvas.locator('p').first().click();
  await expect(style).toHaveValue('p');
  await expect(bold).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('End');
  await page.keyboard.press('Control+b');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type(' strong words');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await expect(undo).toBeEnabled();
  await expect(canvas.locator('p strong').filter({ hasText: 'strong words' })).toHaveCount(1);
});
