import { expect, test } from './fixtures.ts';
import { save, seriousViolations } from './helpers.ts';

// The page list's Site group names the homepage by what it is, not by its title.
const HOMEPAGE = 'Homepage';

async function openFromList(page: import('@playwright/test').Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation').getByRole('button', { name: title, exact: true }).click();
}

test('the homepage opens as the site shows it; changing the hero title and button changes only those lines', async ({ page, site }, testInfo) => {
  const before = site.read('index.md');
  await openFromList(page, site.url, HOMEPAGE);
  const canvas = page.getByLabel('Homepage', { exact: true });
  await expect(canvas).toBeVisible();
  await expect(page.locator('.ProseMirror')).toBeHidden();
  // No blocks to set: the side panel shows the page's settings.
  await expect(page.getByRole('tab', { name: 'Page settings' })).toHaveAttribute('aria-selected', 'true');
  // Each section in order, the non-hero ones on alternating backgrounds, the unknown kept.
  const sections = canvas.locator('section');
  await expect(sections).toHaveCount(4);
  await expect(sections.nth(0)).toHaveAttribute('data-section-type', 'hero');
  await expect(sections.nth(1)).toHaveClass(/site-section--white/);
  await expect(sections.nth(2)).toHaveClass(/site-section--grey/);
  await expect(sections.nth(3)).toHaveClass(/site-section--white/);
  // The infopic shows its picture with the alt text beside it.
  await expect(sections.nth(3).getByRole('textbox', { name: /^Alt text/ })).toHaveValue('Boardwalk through mangroves');
  expect(await seriousViolations(page)).toEqual([]);

  const hero = sections.nth(0);
  const title = hero.getByRole('textbox', { name: /^Hero title/ });
  await expect(title).toHaveValue('Green spaces by the water');
  await title.fill('Parks by the harbour');
  await hero.getByRole('textbox', { name: /^Button text/ }).first().fill('Find a park');
  // The limit is stated while typing, before saving.
  await title.fill('A hero title far longer than the sixty characters the site allows');
  await expect(hero.getByText('At most 60 characters (now 65).')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Fix the marked fields before saving/)).toBeVisible();
  expect(site.read('index.md')).toBe(before);

  await title.fill('Parks by the harbour');
  await save(page);
  await page.screenshot({ path: testInfo.outputPath('homepage-canvas.png'), fullPage: false });
  expect(site.read('index.md')).toBe(
    before.replace('      title: Green spaces by the water\n', '      title: Parks by the harbour\n').replace('      button: Plan your visit\n', '      button: Find a park\n'),
  );
});

test('the hero text box colour is chosen from the theme colours, and only that line changes', async ({ page, site }) => {
  const before = site.read('index.md');
  await openFromList(page, site.url, HOMEPAGE);
  const hero = page.getByLabel('Homepage', { exact: true }).locator('section').first();
  await hero.getByRole('combobox', { name: 'Text box colour' }).selectOption('black');
  await expect(hero.locator('.site-hero__box')).toHaveClass(/site-hero__box--black/);
  await save(page);
  expect(site.read('index.md')).toBe(before.replace('      backgroundColor: gray\n', '      backgroundColor: black\n'));
});

test('an infobar added to the homepage and moved above the infopic is written there, and nothing else changes', async ({ page, site }) => {
  const before = site.read('index.md');
  // Tall enough for every section: a drag does not scroll the page by itself.
  await page.setViewportSize({ width: 1400, height: 2600 });
  await openFromList(page, site.url, HOMEPAGE);
  const canvas = page.getByLabel('Homepage', { exact: true });
  await canvas.getByRole('combobox', { name: 'Add a section' }).selectOption('infobar');
  await canvas.getByRole('button', { name: 'Add section' }).click();
  const added = canvas.getByRole('region', { name: 'Infobar (section 5 of 5)' });
  await added.getByRole('textbox', { name: /^Title/ }).fill('Plant a tree with us');
  await added.getByRole('button', { name: 'Move section 5 (Infobar) up' }).click();
  await expect(canvas.locator('section').nth(3)).toHaveAttribute('data-section-type', 'infobar');
  await expect(canvas.locator('section').nth(4)).toHaveAttribute('data-section-type', 'infopic');
  // The infopic is now after a grey band: its background follows the order.
  await expect(canvas.locator('section').nth(4)).toHaveClass(/site-section--grey/);
  // Dragging a section by its bar moves it too: the resources section dropped on the infopic, and back.
  await canvas.locator('section').nth(2).locator('.site-section__bar').dragTo(canvas.locator('section').nth(4).locator('.site-section__bar'));
  await expect(canvas.locator('section').nth(4)).toHaveAttribute('data-section-type', 'resources');
  await canvas.locator('section').nth(4).locator('.site-section__bar').dragTo(canvas.locator('section').nth(2).locator('.site-section__bar'));
  await expect(canvas.locator('section').nth(2)).toHaveAttribute('data-section-type', 'resources');
  await save(page);
  const infobar = [
    '  - infobar:',
    '      title: Plant a tree with us',
    '      subtitle: Subtitle',
    '      description: About a sentence worth of description here',
    '',
  ].join('\n');
  expect(site.read('index.md')).toBe(before.replace('  - infopic:\n', infobar + '  - infopic:\n'));
});

test('a contact with a bad email is shown as an error and not saved; once fixed only the new lines are written', async ({ page, site }) => {
  const before = site.read('pages/contact-us.md');
  await openFromList(page, site.url, 'Contact Us');
  const canvas = page.getByLabel('Contact Us', { exact: true });
  await expect(canvas.getByRole('textbox', { name: /^Agency name/ })).toHaveValue('Harbourview Parks Board');
  await canvas.getByRole('button', { name: 'Add contact' }).click();
  const contact = canvas.getByRole('group', { name: 'Contact 3' });
  await contact.getByRole('textbox', { name: /^Title/ }).fill('Garden plots');
  const email = contact.getByRole('textbox', { name: /^Email/ });
  await email.fill('gardens at harbourview');
  await expect(contact.getByText('Write one email address, such as enquiries@agency.gov.sg.')).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Fix the marked fields before saving/)).toBeVisible();
  expect(site.read('pages/contact-us.md')).toBe(before);

  await email.fill('gardens@harbourview-parks.example');
  await save(page);
  const added = ['  - title: Garden plots', '    content:', '      - phone: ""', '      - email: gardens@harbourview-parks.example', '      - other: ""', ''].join('\n');
  expect(site.read('pages/contact-us.md')).toBe(before.endsWith('\n') ? before + added : before.replace(/\n---$/, '\n' + added + '---'));
});
