import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type TestSite } from './fixtures.ts';
import { seriousViolations } from './helpers.ts';

/** Opens one of the Site group's screens from the page list. */
async function openSiteScreen(page: Page, site: TestSite, name: string, heading: string): Promise<void> {
  await page.goto(site.url);
  const list = page.getByRole('navigation', { name: 'Site pages' });
  await list.getByRole('region', { name: 'Site' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
}

async function saveScreen(page: Page): Promise<void> {
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
}

test('the Site group lists the homepage, Contact Us, navigation, footer and settings above the pages, and opens them', async ({ page, site }) => {
  await page.goto(site.url);
  const group = page.getByRole('navigation', { name: 'Site pages' }).getByRole('region', { name: 'Site' });
  await expect(group.getByRole('button')).toHaveText(['Homepage', 'Contact Us', 'Navigation', 'Footer', 'Settings']);
  // The Site group comes first.
  await expect(page.locator('.page-list__heading').first()).toHaveText('Site');
  await group.getByRole('button', { name: 'Contact Us', exact: true }).click();
  await expect(group.getByRole('button', { name: 'Contact Us', exact: true })).toHaveAttribute('aria-current', 'page');
  await group.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Site settings', level: 2 })).toBeVisible();
  await expect(page.getByLabel('Site title')).toHaveValue('Harbourview Parks Board');
  // A page chosen from the list takes the screen's place.
  await page.getByRole('navigation', { name: 'Site pages' }).getByRole('button', { name: 'About Us', exact: true }).click();
  await expect(page.locator('.ProseMirror')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Site settings', level: 2 })).toHaveCount(0);
});

test('a site screen chosen while the page chosen just before is still on its way stays open', async ({ page, site }) => {
  await page.goto(site.url);
  const group = page.getByRole('navigation', { name: 'Site pages' }).getByRole('region', { name: 'Site' });
  // Contact Us comes only when let through: after Settings is chosen.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/api\/page\?path=[^&]*contact/, async (route) => {
    asked = true;
    if (route.request().method() === 'GET') await held;
    await route.continue();
  });
  await group.getByRole('button', { name: 'Contact Us', exact: true }).click();
  await expect.poll(() => asked).toBe(true);
  await group.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Site settings', level: 2 })).toBeVisible();
  release();
  // The page's answer has come and gone: Settings is still the screen, and the one marked in the list.
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { name: 'Site settings', level: 2 })).toBeVisible();
  await expect(group.getByRole('button', { name: 'Settings', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Contact Us', level: 1 })).toHaveCount(0);
});

test('adds a navigation link to a page, moves it first, and only those lines change on disk', async ({ page, site }) => {
  const before = site.read('_data/navigation.yml');
  await openSiteScreen(page, site, 'Navigation', 'Navigation');
  await page.getByLabel('Link to').selectOption({ label: 'Frequently Asked Questions (/faq/)' });
  await page.getByRole('button', { name: 'Add link' }).click();
  const list = page.getByRole('list', { name: 'Navigation links' });
  const titles = list.locator(':scope > li > .nav-editor__row input[id$="-title"]');
  await expect(titles.last()).toHaveValue('Frequently Asked Questions');
  const count = await titles.count();
  // Up to the top with the keyboard: the move buttons, each announced.
  for (let i = 0; i < count - 1; i++) {
    await page.getByRole('button', { name: 'Move Frequently Asked Questions up' }).first().press('Enter');
  }
  await expect(titles.first()).toHaveValue('Frequently Asked Questions');
  await expect(page.getByRole('status').filter({ hasText: 'moved to position 1' })).toHaveCount(1);
  await saveScreen(page);

  const after = site.read('_data/navigation.yml');
  expect(after).toBe(before.replace('links:\n', 'links:\n  - title: Frequently Asked Questions\n    url: /faq/\n'));
});

test('a link to a page that no longer exists is flagged', async ({ page, site }) => {
  await openSiteScreen(page, site, 'Navigation', 'Navigation');
  const url = page.getByLabel('Address of Volunteer');
  await url.fill('/no-such-page/');
  await expect(page.getByText('No page of the site has the address /no-such-page/.')).toBeVisible();
  await url.fill('javascript:alert(1)');
  await expect(page.getByText(/This address type is not allowed/)).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Not saved');
  expect(site.read('_data/navigation.yml')).toContain('url: /volunteer/');
});

test('changes the site colour: only that line of _config.yml changes, index.md is untouched', async ({ page, site }) => {
  const before = site.read('_config.yml');
  const home = site.read('index.md');
  await openSiteScreen(page, site, 'Settings', 'Site settings');
  const colour = page.getByLabel('Primary colour');
  await colour.fill('red');
  await expect(page.getByText(/Use a hex colour/)).toBeVisible();
  await colour.fill('#a83232');
  await expect(page.getByText(/Use a hex colour/)).toHaveCount(0);
  await page.getByLabel('Site title').fill('Harbourview Parks');
  await saveScreen(page);
  expect(site.read('_config.yml')).toBe(
    before.replace('primary-color: "#0b6e4f"', 'primary-color: "#a83232"').replace('title: Harbourview Parks Board', 'title: Harbourview Parks'),
  );
  expect(site.read('index.md')).toBe(home);
});

test('changes a footer field: only that line of footer.yml changes', async ({ page, site }) => {
  const before = site.read('_data/footer.yml');
  await openSiteScreen(page, site, 'Footer', 'Footer');
  await page.getByLabel('Instagram').fill('https://www.instagram.com/harbourviewparks.example');
  await page.getByLabel('Show the REACH link').uncheck();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(site.read('_data/footer.yml')).toBe(
    before.replace('instagram: ""', 'instagram: "https://www.instagram.com/harbourviewparks.example"').replace('show_reach: true', 'show_reach: false'),
  );
});

test('moves a navigation link first by dragging it', async ({ page, site }) => {
  const before = site.read('_data/navigation.yml');
  await openSiteScreen(page, site, 'Navigation', 'Navigation');
  const rows = page.getByRole('list', { name: 'Navigation links' }).locator(':scope > li > .nav-editor__row');
  // The drag events a browser sends for a drag from the last row's handle onto the first row.
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await rows.last().locator('.nav-editor__handle').dispatchEvent('dragstart', { dataTransfer });
  await rows.first().dispatchEvent('dragover', { dataTransfer });
  await rows.first().dispatchEvent('drop', { dataTransfer });
  await rows.last().locator('.nav-editor__handle').dispatchEvent('dragend', { dataTransfer });
  await expect(rows.first().locator('input').first()).toHaveValue('Contact Us');
  await saveScreen(page);
  const moved = '  - title: Contact Us\n    url: /contact-us/\n';
  expect(site.read('_data/navigation.yml')).toBe(before.replace(moved, '').replace('links:\n', `links:\n${moved}`));
});

test('a save over a file changed on disk meanwhile is refused, and the version on disk can be loaded', async ({ page, site }) => {
  await openSiteScreen(page, site, 'Footer', 'Footer');
  await expect(page.getByLabel('FAQ')).toHaveValue('/faq/');
  const changed = site.read('_data/footer.yml').replace('faq: /faq/', 'faq: /questions/');
  writeFileSync(join(site.dir, '_data/footer.yml'), changed);
  await page.getByLabel('Copyright holder').fill('Harbourview Parks');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('was changed by someone else');
  expect(site.read('_data/footer.yml')).toBe(changed);
  await page.getByRole('button', { name: /Load the version on disk/ }).click();
  await expect(page.getByLabel('FAQ')).toHaveValue('/questions/');
});

test('the homepage entry opens index.md, and each page is listed once', async ({ page, site }) => {
  await page.goto(site.url);
  const list = page.getByRole('navigation', { name: 'Site pages' });
  await expect(list.getByRole('button', { name: 'Contact Us', exact: true })).toHaveCount(1);
  await list.getByRole('button', { name: 'Homepage', exact: true }).click();
  await expect(list.getByRole('button', { name: 'Homepage', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/index\.md|\/$/);
});

test('no serious or critical accessibility violations on the navigation, footer and settings screens', async ({ page, site }) => {
  await openSiteScreen(page, site, 'Navigation', 'Navigation');
  await expect(page.getByLabel('Title of link 1', { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const [name, heading, field] of [['Footer', 'Footer', 'FAQ'], ['Settings', 'Site settings', 'Site title']] as const) {
    await page.getByRole('region', { name: 'Site' }).getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
    await expect(page.getByLabel(field).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test('a footer mistake already in the file is stated before saving, and another change still saves', async ({ page, site }) => {
  const before = site.read('_data/footer.yml').replace('feedback: https://form.gov.sg/', 'feedback: http://form.gov.sg/');
  writeFileSync(join(site.dir, '_data/footer.yml'), before);
  await openSiteScreen(page, site, 'Footer', 'Footer');
  const notice = page.getByRole('region', { name: 'Mistakes already in the file' });
  await expect(notice).toContainText('Feedback: Use a full web address starting with https://.');
  await expect(page.getByLabel('Feedback')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('FAQ').fill('/questions/');
  await saveScreen(page);
  expect(site.read('_data/footer.yml')).toBe(before.replace('faq: /faq/', 'faq: /questions/'));
  // Fixing it clears the notice.
  await page.getByLabel('Feedback').fill('https://form.gov.sg/000000000000000000000000');
  await expect(notice).toHaveCount(0);
});
