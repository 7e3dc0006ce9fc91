import { expect, test } from './fixtures.ts';
import { bodyOf, createPage, frontMatterOf, keepScreenshot, newParagraphAfter, openBlockTab, openPage, save } from './helpers.ts';

const CARDS = [
  { title: 'Plant a tree', description: 'Spend a morning with our rangers.' },
  { title: 'Guide a walk', description: 'Show visitors the mangroves.' },
  { title: 'Clean a beach', description: 'Join a Saturday clean-up.' },
];

test('inserts a card grid with the / menu, fills three cards in place, links one in the panel, saves and reloads', async ({ page, site }) => {
  const before = createPage(site, 'pages/our-programmes.md', 'Our Programmes');
  const canvas = await openPage(page, site, 'Our Programmes');

  await newParagraphAfter(page, 'Start');
  await page.keyboard.type('/');
  await expect(page.getByRole('listbox', { name: 'Insert a block' })).toBeVisible();
  await page.keyboard.type('card', { delay: 30 });
  await expect(page.getByRole('option', { name: 'Cards' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  const grid = canvas.locator('.isomer-card-grid');
  await expect(grid).toBeVisible();
  await expect(grid.locator('.isomer-card')).toHaveCount(3);

  // The canvas looks like the site: three cards side by side, with the site's border.
  const boxes = await Promise.all([0, 1, 2].map((i) => grid.locator('.isomer-card').nth(i).boundingBox()));
  expect(boxes.every((b) => b !== null && Math.abs(b.y - boxes[0]!.y) < 2)).toBe(true);
  await expect(grid.locator('.isomer-card').first()).toHaveCSS('border-top-color', 'rgb(214, 214, 214)');

  // Titles and descriptions are typed in place.
  for (const [i, card] of CARDS.entries()) {
    const cardBox = grid.locator('.isomer-card').nth(i);
    await cardBox.locator('.isomer-card-title').click({ clickCount: 3 });
    await page.keyboard.type(card.title);
    await cardBox.locator('.isomer-card-description').click({ clickCount: 3 });
    await page.keyboard.type(card.description);
  }
  for (const [i, card] of CARDS.entries()) {
    await expect(grid.locator('.isomer-card-title').nth(i)).toHaveText(card.title);
    await expect(grid.locator('.isomer-card-description').nth(i)).toHaveText(card.description);
  }

  // The link of the first card is set in the Block panel.
  const panel = await openBlockTab(page);
  await expect(panel.getByRole('heading', { name: 'Cards' })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Cards' }).getByRole('listitem')).toHaveCount(3);
  await panel.getByRole('checkbox', { name: 'Card 1 is a link' }).check();
  await expect(panel.getByText('Card 1 is clickable but has no link address.')).toBeVisible();
  const link = panel.getByRole('textbox', { name: 'Card 1 link address' });
  await link.fill('javascript:alert(1)');
  await link.press('Enter');
  await expect(panel.getByRole('alert').filter({ hasText: 'Use an address starting with' })).toBeVisible();
  await link.fill('/volunteer/');
  await link.press('Enter');
  await panel.getByRole('button', { name: 'Add link text to Card 1' }).click();
  await expect(grid.locator('a.isomer-card').first().locator('.isomer-card-link')).toHaveText('Read more');
  await expect(panel.getByText('Card 1 is clickable but has no link address.')).toHaveCount(0);
  await keepScreenshot(page, 'card-grid-filled', test.info());

  await save(page);

  await page.reload();
  const reloaded = await openPage(page, site, 'Our Programmes');
  for (const card of CARDS) {
    await expect(reloaded.getByText(card.title, { exact: true })).toBeVisible();
    await expect(reloaded.getByText(card.description, { exact: true })).toBeVisible();
  }
  await expect(reloaded.locator('a.isomer-card[href="/volunteer/"]')).toHaveCount(1);
  await keepScreenshot(page, 'card-grid-reloaded', test.info());

  const after = site.read('pages/our-programmes.md');
  expect(frontMatterOf(after)).toBe(frontMatterOf(before));
  const body = bodyOf(after);
  expect(body.startsWith('<p>Start</p>\n')).toBe(true);
  expect(body).toContain('<div class="isomer-card-grid">');
  expect(body.match(/class="isomer-card"/g)).toHaveLength(3);
  const cards = [
    `<a class="isomer-card" href="/volunteer/" rel="noopener noreferrer nofollow">\n<div class="isomer-card-body">\n<div class="isomer-card-title">${CARDS[0]!.title}</div>\n<div class="isomer-card-description">${CARDS[0]!.description}</div>\n<div class="isomer-card-link">Read more</div>\n</div>\n</a>`,
    ...CARDS.slice(1).map(
      (c) => `<div class="isomer-card">\n<div class="isomer-card-body">\n<div class="isomer-card-title">${c.title}</div>\n<div class="isomer-card-description">${c.description}</div>\n</div>\n</div>`,
    ),
  ];
  expect(body).toContain(`<div class="isomer-card-grid">\n${cards.join('\n')}\n</div>`);
});
