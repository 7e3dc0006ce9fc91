import { expect, test } from './fixtures.ts';
import { canvasSettled, keepScreenshot, openBlockTab, openPage, save } from './helpers.ts';

const PAGE = 'pages/our-board.md';

/** The lines of `after` that differ from `before`, by position (both have the same number of lines). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  return after.split('\n').filter((line, i) => a[i] !== line);
}

test('a grid of people is laid out in columns by the page CSS, as in the preview, and a name edit changes one line', async ({ page, site }, testInfo) => {
  const before = site.read(PAGE);
  const canvas = await openPage(page, site, 'Our Board');

  // Visual blocks, not code boxes; the page's own CSS shows as a chip and lays the grid out.
  await expect(canvas.getByTestId('raw-html-block')).toHaveCount(0);
  await expect(canvas.getByTestId('page-styles')).toContainText('Page styles');
  const members = canvas.locator('.board-grid > .board-member');
  await expect(members).toHaveCount(3);
  const boxes = await Promise.all([0, 1, 2].map((i) => members.nth(i).boundingBox()));
  expect(boxes.every((b) => b !== null && Math.abs(b.y - boxes[0]!.y) < 2)).toBe(true);
  expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width);
  await expect(members.first()).toHaveCSS('border-top-color', 'rgb(214, 214, 214)');
  // The page's CSS stays inside the canvas.
  await expect(page.locator('body')).not.toHaveCSS('font-style', 'italic');
  // A quiet label names the layout under the pointer.
  await members.first().hover();
  await expect.poll(() => members.first().evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"Layout: board-member"');
  await keepScreenshot(page, 'people-grid-canvas', testInfo);

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.frameLocator('iframe[title="Page preview"]');
  const previewMembers = frame.locator('.board-grid > .board-member');
  await expect(previewMembers).toHaveCount(3);
  const previewBoxes = await Promise.all([0, 1, 2].map((i) => previewMembers.nth(i).boundingBox()));
  expect(previewBoxes.every((b) => b !== null && Math.abs(b.y - previewBoxes[0]!.y) < 2)).toBe(true);
  await keepScreenshot(page, 'people-grid-preview', testInfo);
  await page.keyboard.press('Escape');

  const name = canvas.locator('h4', { hasText: 'Mei Ling Koh' });
  await name.click({ clickCount: 3 });
  await page.keyboard.type('Mei Ling Koh-Tan');
  await expect(name).toHaveText('Mei Ling Koh-Tan');
  await save(page);
  expect(changedLines(before, site.read(PAGE))).toEqual(['    <h4>Mei Ling Koh-Tan</h4>']);
});

test('duplicates an item of the grid from the Block panel, and unwraps a container', async ({ page, site }) => {
  const before = site.read(PAGE);
  const canvas = await openPage(page, site, 'Our Board');
  await canvasSettled(canvas);

  await canvas.locator('h4', { hasText: 'Arjun Pillai' }).click();
  const panel = await openBlockTab(page);
  await expect(panel.getByTestId('layout-name')).toContainText('Layout: board-member');
  await panel.getByRole('button', { name: 'Duplicate this item' }).click();
  await expect(canvas.locator('.board-grid > .board-member')).toHaveCount(4);
  await expect(canvas.locator('h4', { hasText: 'Arjun Pillai' })).toHaveCount(2);

  // The captioned photo's figure is unwrapped: the photo and caption stay, the figure goes.
  await canvas.locator('figcaption').click();
  await expect(panel.getByTestId('layout-name')).toContainText('Layout: photo-with-caption');
  await panel.getByRole('button', { name: /Unwrap/ }).click();
  await expect(canvas.locator('figure')).toHaveCount(0);
  await expect(canvas.locator('figcaption')).toHaveText("The pier at sunset, after the board's last walk.");
  await save(page);

  const after = site.read(PAGE);
  const second = [
    '  <div class="board-member">',
    '    <img src="/images/park photos/mangrove-boardwalk.png" alt="Portrait placeholder: the mangrove boardwalk">',
    '    <h4>Arjun Pillai</h4>',
    '    <div class="member-role">Deputy Chair</div>',
    '  </div>',
  ].join('\n');
  expect(before).toContain(second);
  const unwrapped = before
    .replace(second, `${second}\n${second}`)
    .replace('<figure class="photo-with-caption">\n', '')
    .replace('</figcaption>\n</figure>', '</figcaption>');
  expect(after).toBe(unwrapped);
});

test('a bare image in a grid cell is edited as an image and written back without a wrapper', async ({ page, site }) => {
  const before = site.read(PAGE);
  const canvas = await openPage(page, site, 'Our Board');
  const image = canvas.locator('.board-member img').first();
  await image.click();
  const panel = await openBlockTab(page);
  const alt = panel.getByRole('textbox', { name: 'Image description (alt text)' });
  await alt.fill('Mei Ling Koh on the harbour lawn');
  await alt.press('Tab');
  await expect(image).toHaveAttribute('alt', 'Mei Ling Koh on the harbour lawn');
  await save(page);
  expect(changedLines(before, site.read(PAGE))).toEqual([
    '    <img src="/images/park photos/harbour-lawn.png" alt="Mei Ling Koh on the harbour lawn">',
  ]);
});

test('a name beside a logo in a row of partners and an item of a numbered list from 4 are edited in place: two lines change', async ({ page, site }, testInfo) => {
  const before = site.read(PAGE);
  const canvas = await openPage(page, site, 'Our Board');
  await expect(canvas.getByTestId('raw-html-block')).toHaveCount(0);

  // The row of partners is laid out side by side by the page's CSS, each logo shown as an image in its text.
  const partners = canvas.locator('.partner-row > .partner');
  await expect(partners).toHaveCount(2);
  // Measured again until the page's CSS has laid the row out: the canvas may draw it before the styles apply.
  await expect(async () => {
    const [first, second] = await Promise.all([partners.nth(0).boundingBox(), partners.nth(1).boundingBox()]);
    expect(Math.abs(first!.y - second!.y)).toBeLessThan(2);
    expect(second!.x).toBeGreaterThan(first!.x + first!.width);
  }).toPass();
  await expect(partners.first().locator('a img[src]')).toHaveAttribute('alt', 'Trail Friends map');
  const steps = canvas.locator('ol.board-steps');
  await expect(steps).toHaveAttribute('start', '4');
  await expect(steps.locator('li')).toHaveCount(3);
  await steps.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'partners-and-numbered-list-canvas', testInfo);

  await partners.first().locator('strong').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Club');
  await expect(partners.first().locator('strong')).toHaveText('Trail Friends Club');
  await steps.locator('li', { hasText: 'Meet two members' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(', in person');
  await save(page);

  expect(changedLines(before, site.read(PAGE))).toEqual([
    '  <li>Meet two members of the board, in person</li>',
    '  <div class="partner"><a href="https://example.org/trail-friends/"><img src="/images/park photos/trail-map.svg" alt="Trail Friends map"></a><br><strong>Trail Friends Club</strong></div>',
  ]);
});

test('a logo beside a name is edited as an image from the Block panel: only its description changes', async ({ page, site }) => {
  const before = site.read(PAGE);
  const canvas = await openPage(page, site, 'Our Board');
  const logo = canvas.locator('.partner img[alt="Harbour Events poster"]');
  await logo.click();
  const panel = await openBlockTab(page);
  const alt = panel.getByRole('textbox', { name: 'Image description (alt text)' });
  await alt.fill('Harbour Events calendar');
  await alt.press('Tab');
  await expect(canvas.locator('.partner img[alt="Harbour Events calendar"]')).toHaveCount(1);
  await save(page);
  expect(changedLines(before, site.read(PAGE))).toEqual([
    '  <div class="partner"><img src="/images/cards/events.png" alt="Harbour Events calendar"><br><strong>Harbour Events</strong></div>',
  ]);
});

test('a logo beside a name is replaced from the media library and linked from the Block panel: only its line changes', async ({ page, site }) => {
  const before = site.read(PAGE);
  const canvas = await openPage(page, site, 'Our Board');
  await canvas.locator('.partner img[alt="Harbour Events poster"]').click();
  const panel = await openBlockTab(page);
  await panel.getByRole('button', { name: 'Choose from media' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an image' });
  await picker.getByRole('button', { name: /volunteer\.png/ }).click();
  await picker.getByRole('button', { name: 'Use this image' }).click();
  const logo = canvas.locator('.partner img[alt="Harbour Events poster"]');
  await expect(logo).toHaveAttribute('src', '/images/cards/volunteer.png');
  // The panel stays on the image: no click on it again.
  await expect(panel.getByRole('textbox', { name: 'Image description (alt text)' })).toHaveValue('Harbour Events poster');
  const link = panel.getByRole('textbox', { name: 'Link address' });
  await link.fill('/events/');
  await link.press('Tab');
  // By its src: beside an image in text the canvas draws a separator <img> (no src) inside the same link.
  await expect(canvas.locator('.partner a[href="/events/"] img[src="/images/cards/volunteer.png"]')).toBeVisible();
  await save(page);
  expect(changedLines(before, site.read(PAGE))).toEqual([
    '  <div class="partner"><a href="/events/"><img src="/images/cards/volunteer.png" alt="Harbour Events poster"></a><br><strong>Harbour Events</strong></div>',
  ]);
});
