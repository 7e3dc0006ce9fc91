import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { bodyOf, createPage, keepScreenshot } from './helpers.ts';

/** Presses Tab until the focused element matches, without the mouse. */
async function tabTo(page: Page, matches: () => Promise<boolean>, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await matches()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
}

const focusedIs = (page: Page, check: (el: Element) => boolean) => () => page.evaluate(`(${check.toString()})(document.activeElement)`) as Promise<boolean>;

test('opens a page and inserts blocks with the keyboard only: the Insert menu and the / menu', async ({ page, site }) => {
  createPage(site, 'pages/keyboard.md', 'Keyboard Page');
  await page.goto(site.url);

  // The page list: Tab to the page, Enter opens it.
  await tabTo(page, focusedIs(page, (el) => el.textContent?.trim() === 'Keyboard Page'));
  await page.keyboard.press('Enter');
  const canvas = page.locator('.ProseMirror');
  await expect(canvas).toBeVisible();

  // Into the page: Tab until the canvas has focus, then End of "Start" and Enter for a new line.
  await tabTo(page, focusedIs(page, (el) => el.classList.contains('ProseMirror')));
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(canvas.locator('p')).toHaveText(['Start', '']);

  // The `/` menu: type, arrows, Enter.
  await page.keyboard.type('/div', { delay: 30 });
  const options = page.getByRole('listbox', { name: 'Insert a block' }).getByRole('option');
  await expect(options.first()).toHaveText(/Divider/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(canvas.locator('hr')).toHaveCount(1);
  await expect(canvas.locator('p').first()).toHaveText('Start');

  // After the divider, typing goes on in a new paragraph below it (the divider ended the page).
  await page.keyboard.type('After the line');
  await expect(canvas.locator('hr')).toHaveCount(1);
  await expect(canvas.locator('p')).toHaveText(['Start', 'After the line']);

  // The toolbar's Insert menu: Shift+Tab back to it, ArrowDown opens it, arrows choose, Enter inserts.
  const insert = page.getByRole('button', { name: 'Insert', exact: true });
  for (let i = 0; i < 40 && !(await insert.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(insert).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Insert a block' });
  await expect(menu).toBeVisible();
  for (let i = 0; i < 40; i++) {
    if ((await menu.getByRole('menuitem', { name: 'Accordion' }).evaluate((el) => el === document.activeElement))) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(menu.getByRole('menuitem', { name: 'Accordion' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(canvas.locator('p').first()).toHaveText('Start');
  await expect(canvas.locator('.isomer-accordion')).toHaveCount(1);
  await expect(canvas).toBeFocused();
  // The cursor is in the new question: type it.
  await page.keyboard.type('Typed without a mouse?');
  await expect(canvas.locator('summary').first()).toHaveText('Typed without a mouse?');
  await keepScreenshot(page, 'keyboard-inserted', test.info());

  await page.keyboard.press('Control+s');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const body = bodyOf(site.read('pages/keyboard.md'));
  expect(body.startsWith('<p>Start</p>\n<hr>\n<p>After the line</p>\n<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">')).toBe(true);
  expect(body).toContain('<summary>Typed without a mouse?</summary>');
});
