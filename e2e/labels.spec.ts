import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { createPage, openPage } from './helpers.ts';

/**
 * The characters of an element's text that its font cannot draw: drawn in the element's own font, they
 * come out exactly as a character no font has (the empty box of a missing glyph).
 */
async function undrawable(element: Locator): Promise<string[]> {
  return element.evaluate(async (el) => {
    await document.fonts.ready;
    const font = getComputedStyle(el).font;
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext('2d')!;
      context.font = font;
      context.fillText(text, 8, 44);
      return context.getImageData(0, 0, 64, 64).data.join(',');
    };
    const missing = draw('\u{10FFFD}');
    return [...(el.textContent ?? '')].filter((char) => char.trim() !== '' && draw(char) === missing);
  });
}

const ACCORDION =
  '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n' +
  '<details class="isomer-details" open="">\n<summary>Can I swim?</summary>\n<div data-type="detailsContent" class="isomer-details-content">\n<p>Only at the lagoon.</p>\n</div>\n</details>\n</div>';

test('text styles are named by what the site shows, and a page title is offered only in the page itself', async ({ page, site }) => {
  createPage(site, 'pages/styles.md', 'Styles', `<p>Start</p>\n${ACCORDION}`);
  const canvas = await openPage(page, site, 'Styles');
  const style = page.getByRole('combobox', { name: 'Text style' });

  await canvas.locator('p', { hasText: 'Start' }).click();
  await expect(style.locator('option')).toHaveText(['Paragraph', 'Page title (H1)', 'Heading 2', 'Heading 3', 'Heading 4', 'Heading 5', 'Heading 6']);
  await style.selectOption({ label: 'Heading 2' });
  await expect(canvas.locator('h2', { hasText: 'Start' })).toBeVisible();

  // In an accordion's answer a page title makes no sense: it is not offered.
  await canvas.locator('p', { hasText: 'Only at the lagoon.' }).click();
  await expect(style.locator('option')).toHaveText(['Paragraph', 'Heading 2', 'Heading 3', 'Heading 4', 'Heading 5', 'Heading 6']);

  // The same in the / menu: "Heading 2" is the h2, beside its "H2"; the page title only at the top level.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/h');
  const menu = page.getByRole('listbox', { name: 'Insert a block' });
  const heading2 = menu.getByRole('option', { name: 'Heading 2', exact: true });
  await expect(heading2).toBeVisible();
  await expect(heading2.locator('.slash-menu__icon')).toHaveText('H2');
  await expect(menu.getByRole('option', { name: /Page title/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await canvas.locator('h2', { hasText: 'Start' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/page');
  const pageTitle = menu.getByRole('option', { name: 'Page title (H1)', exact: true });
  await expect(pageTitle).toBeVisible();
  await expect(pageTitle.locator('.slash-menu__icon')).toHaveText('H1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Our parks');
  await expect(canvas.locator('h1')).toHaveText('Our parks');
});

test('every entry of the Insert menu shows its icon', async ({ page, site }) => {
  createPage(site, 'pages/icons.md', 'Icons');
  await openPage(page, site, 'Icons');
  await page.locator('.ProseMirror p').first().click();
  await page.getByRole('button', { name: 'Insert' }).click();
  const items = page.getByRole('menu', { name: 'Insert a block' }).getByRole('menuitem');
  await expect(items.first()).toBeVisible();
  const labels = await items.allInnerTexts();
  expect(labels.length).toBeGreaterThan(10);
  for (const [i, label] of labels.entries()) {
    const icon = items.nth(i).locator('.insert-menu__icon');
    const name = `the icon of "${label.trim().split('\n').pop()}"`;
    await expect(icon, name).not.toHaveText('');
    expect(await undrawable(icon), name).toEqual([]);
  }
});
