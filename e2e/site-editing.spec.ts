import type { Page } from '@playwright/test';
import { expect, test, type TestSite } from './fixtures.ts';
import { save } from './helpers.ts';

/** Opens an entry of the page list's Site group. */
async function openSite(page: Page, site: TestSite, name: string): Promise<void> {
  await page.goto(site.url);
  await page.getByRole('navigation', { name: 'Site pages' }).getByRole('region', { name: 'Site' }).getByRole('button', { name, exact: true }).click();
}

test('the hero title changes and its button becomes a dropdown, with undo and redo; only those lines are written', async ({ page, site }) => {
  const before = site.read('index.md');
  await openSite(page, site, 'Homepage');
  const hero = page.getByLabel('Homepage', { exact: true }).locator('section').first();
  await hero.getByRole('textbox', { name: /^Hero title/ }).fill('Parks by the harbour');
  await hero.getByRole('radio', { name: 'A dropdown of links' }).check();
  await expect(hero.getByRole('status')).toHaveText('Removed the button "Plan your visit" (/coastal-trail/). Undo brings it back.');
  await expect(hero.getByRole('textbox', { name: /^Button text/ })).toHaveCount(0);
  // Undo brings the button back, redo takes it away again; the title edit stays.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(hero.getByRole('textbox', { name: /^Button text/ })).toHaveValue('Plan your visit');
  await hero.getByRole('textbox', { name: /^Hero title/ }).press('Control+Shift+z');
  await expect(hero.getByRole('radio', { name: 'A dropdown of links' })).toBeChecked();
  const option = hero.getByRole('group', { name: 'Dropdown option 1' });
  await option.getByRole('textbox', { name: /^Option link/ }).fill('');
  // A required field left empty is stated before saving, and the save is refused.
  await expect(option.getByText('This must be filled in.')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Fix the marked fields before saving/)).toBeVisible();
  expect(site.read('index.md')).toBe(before);
  await option.getByRole('textbox', { name: /^Option link/ }).fill('/parks/');
  await option.getByRole('textbox', { name: /^Option \*?/ }).first().fill('Find a park');
  await expect(hero.getByRole('textbox', { name: /^Hero title/ })).toHaveValue('Parks by the harbour');
  await save(page);
  const dropdown = '      dropdown:\n        title: I want to…\n        options:\n          - title: Find a park\n            url: /parks/\n';
  expect(site.read('index.md')).toBe(
    before
      .replace('      title: Green spaces by the water\n', '      title: Parks by the harbour\n')
      .replace('      button: Plan your visit\n      url: /coastal-trail/\n', '')
      .replace('      backgroundColor: gray\n', `      backgroundColor: gray\n${dropdown}`),
  );
});

test('an added infobar moves above the infopic with the keyboard, and sections move by drag; only its lines are added', async ({ page, site }) => {
  const before = site.read('index.md');
  await openSite(page, site, 'Homepage');
  const canvas = page.getByLabel('Homepage', { exact: true });
  await canvas.getByRole('combobox', { name: 'Add a section' }).selectOption('infobar');
  await canvas.getByRole('button', { name: 'Add section' }).click();
  await canvas.getByRole('region', { name: 'Infobar (section 5 of 5)' }).getByRole('textbox', { name: /^Title/ }).fill('Plant a tree with us');
  const handle = canvas.getByRole('button', { name: 'Reorder section 5 (Infobar) (up and down arrow keys)' });
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  await expect(canvas.locator('section').nth(3)).toHaveAttribute('data-section-type', 'infobar');
  await expect(page.getByRole('status').filter({ hasText: 'moved to position 4 of 5' })).toHaveCount(1);
  // Focus follows the section, and the hero stays first whatever is pressed.
  await expect(canvas.getByRole('button', { name: 'Reorder section 4 (Infobar) (up and down arrow keys)' })).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  await expect(canvas.locator('section').nth(0)).toHaveAttribute('data-section-type', 'hero');
  await expect(canvas.locator('section').nth(1)).toHaveAttribute('data-section-type', 'infobar');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(canvas.locator('section').nth(3)).toHaveAttribute('data-section-type', 'infobar');
  // The drag events a browser sends: the resources section dragged by its bar onto the infopic, and back.
  const bar = (n: number) => canvas.locator('section').nth(n).locator('.site-section__bar');
  const drag = async (from: number, to: number) => {
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    await bar(from).dispatchEvent('dragstart', { dataTransfer });
    await canvas.locator('section').nth(to).dispatchEvent('dragover', { dataTransfer });
    await canvas.locator('section').nth(to).dispatchEvent('drop', { dataTransfer });
    await bar(from).dispatchEvent('dragend', { dataTransfer });
  };
  await drag(2, 4);
  await expect(canvas.locator('section').nth(4)).toHaveAttribute('data-section-type', 'resources');
  await drag(4, 2);
  await expect(canvas.locator('section').nth(2)).toHaveAttribute('data-section-type', 'resources');
  await save(page);
  const infobar = ['  - infobar:', '      title: Plant a tree with us', '      subtitle: Subtitle', '      description: About a sentence worth of description here', ''].join('\n');
  expect(site.read('index.md')).toBe(before.replace('  - infopic:\n', infobar + '  - infopic:\n'));
});

test('a contact with a bad email is refused; fixed and moved first with the keyboard, only its lines are added', async ({ page, site }) => {
  const before = site.read('pages/contact-us.md');
  await openSite(page, site, 'Contact Us');
  const canvas = page.getByLabel('Contact Us', { exact: true });
  await canvas.getByRole('button', { name: 'Add contact' }).click();
  const contact = canvas.getByRole('group', { name: 'Contact 3' });
  await contact.getByRole('textbox', { name: /^Title/ }).fill('Garden plots');
  const email = contact.getByRole('textbox', { name: /^Email/ });
  await email.fill('gardens at harbourview');
  await expect(contact.getByText('Write one email address, such as enquiries@agency.gov.sg.')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Fix the marked fields before saving/)).toBeVisible();
  expect(site.read('pages/contact-us.md')).toBe(before);
  await email.fill('gardens@harbourview-parks.example');
  await canvas.getByRole('button', { name: 'Reorder contact 3 (up and down arrow keys)' }).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(canvas.getByRole('group', { name: 'Contact 1' }).getByRole('textbox', { name: /^Title/ })).toHaveValue('Garden plots');
  await save(page);
  const added = ['  - title: Garden plots', '    content:', '      - phone: ""', '      - email: gardens@harbourview-parks.example', '      - other: ""', ''].join('\n');
  expect(site.read('pages/contact-us.md')).toBe(before.replace('contacts:\n', `contacts:\n${added}`));
});

test('a navigation link to a page is added from the folder tree and moved first by keyboard, another becomes a sub-link', async ({ page, site }) => {
  const before = site.read('_data/navigation.yml');
  await openSite(page, site, 'Navigation');
  await expect(page.getByRole('heading', { name: 'Navigation', level: 2 })).toBeVisible();
  await page.getByLabel('Link to').selectOption({ label: 'Frequently Asked Questions (/faq/)' });
  await page.getByRole('button', { name: 'Add link' }).click();
  const titles = page.getByRole('list', { name: 'Navigation links' }).locator(':scope > li > .nav-editor__row input[id$="-title"]');
  await expect(titles.last()).toHaveValue('Frequently Asked Questions');
  const count = await titles.count();
  await page.getByRole('button', { name: 'Reorder Frequently Asked Questions (up and down arrow keys)' }).focus();
  for (let i = 0; i < count - 1; i++) await page.keyboard.press('ArrowUp');
  await expect(titles.first()).toHaveValue('Frequently Asked Questions');
  await page.getByRole('button', { name: 'Make Volunteer a sub-link of Visit' }).click();
  await expect(page.getByRole('list', { name: 'Sub-links of Visit' }).locator('input[id$="-title"]').last()).toHaveValue('Volunteer');
  await expect(page.getByRole('status').filter({ hasText: 'Volunteer is now a sub-link of Visit.' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(site.read('_data/navigation.yml')).toBe(
    before
      .replace('links:\n', 'links:\n  - title: Frequently Asked Questions\n    url: /faq/\n')
      .replace('  - title: Volunteer\n    url: /volunteer/\n', '')
      .replace('        url: /Permits/\n', '        url: /Permits/\n      - title: Volunteer\n        url: /volunteer/\n'),
  );
});

test('the site colour and favicon change, an unwanted title edit is undone, and only those lines of _config.yml differ', async ({ page, site }) => {
  const before = site.read('_config.yml');
  const home = site.read('index.md');
  await openSite(page, site, 'Settings');
  await page.getByLabel('Primary colour').fill('#a83232');
  const title = page.getByLabel('Site title');
  await title.fill('Harbourview Parks');
  await title.press('Control+z');
  await expect(title).toHaveValue('Harbourview Parks Board');
  await expect(page.getByLabel('Primary colour')).toHaveValue('#a83232');
  await page.getByRole('button', { name: 'Choose favicon from the media library' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an image' });
  await picker.getByRole('button', { name: /logo\.svg/ }).click();
  await picker.getByRole('button', { name: 'Use this image' }).click();
  await expect(page.getByRole('textbox', { name: 'Favicon' })).toHaveValue('/images/logo.svg');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(site.read('_config.yml')).toBe(before.replace('primary-color: "#0b6e4f"', 'primary-color: "#a83232"').replace('favicon: /images/favicon.svg', 'favicon: /images/logo.svg'));
  expect(site.read('index.md')).toBe(home);
});
