import { expect, test } from './fixtures.ts';
import { bodyOf, createPage, openPage, save } from './helpers.ts';

// A definition list: no block edits one, so it stays a raw block.
const RAW = '<dl class="notes">\n<dt>Hours</dt>\n<dd>Opening hours are posted at the gate.</dd>\n</dl>';

// Markup an editor might paste into "Edit HTML": each piece runs script if rendered unsanitised.
const HOSTILE = [
  '<dl class="bad">',
  '<dt>Still shown as text</dt>',
  '<dd>',
  '<img src="x" onerror="window.__pwned = \'img\'" alt="broken">',
  '<svg><animate onbegin="window.__pwned = \'svg\'" attributeName="x" dur="1s"></animate></svg>',
  '<a href="javascript:window.__pwned = \'link\'">a link</a>',
  '<script>window.__pwned = "script"</script>',
  '<iframe srcdoc="<script>parent.__pwned = \'frame\'</script>"></iframe>',
  '<details open ontoggle="window.__pwned = \'details\'"><summary>s</summary></details>',
  '</dd>',
  '</dl>',
].join('\n');

test('a raw HTML block shows its markup rendered, its code on demand, and Edit HTML changes it', async ({ page, site }) => {
  createPage(site, 'pages/raw-view.md', 'Raw View', `<p>Start</p>\n${RAW}\n<p>End</p>\n`);
  const canvas = await openPage(page, site, 'Raw View');
  const card = canvas.locator('[data-testid="raw-html-block"]');
  const rendered = card.getByTestId('raw-html-rendered');
  // Rendered as the site shows it (a paragraph, not code), and the code box folded.
  await expect(rendered.locator('dd')).toHaveText('Opening hours are posted at the gate.');
  await expect(card.locator('.raw-html-card__code')).toBeHidden();
  await card.getByRole('button', { name: 'Show HTML' }).click();
  await expect(card.locator('.raw-html-card__code')).toBeVisible();
  await expect(card.locator('.raw-html-card__code')).toContainText('<dl class="notes">');

  await card.getByRole('button', { name: 'Edit HTML' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit HTML' });
  const code = dialog.getByRole('textbox', { name: 'HTML code' });
  await expect(code).toHaveValue(RAW);
  await code.fill(RAW.replace('posted at the gate', 'posted at both gates'));
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rendered.locator('dd')).toHaveText('Opening hours are posted at both gates.');

  await save(page);
  expect(bodyOf(site.read('pages/raw-view.md'))).toBe(`<p>Start</p>\n${RAW.replace('posted at the gate', 'posted at both gates')}\n<p>End</p>\n`);
});

test('hostile markup typed into Edit HTML is shown rendered and nothing in it runs', async ({ page, site }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  createPage(site, 'pages/raw-hostile.md', 'Raw Hostile', `<p>Start</p>\n${RAW}\n`);
  const canvas = await openPage(page, site, 'Raw Hostile');
  const card = canvas.locator('[data-testid="raw-html-block"]');
  await card.getByRole('button', { name: 'Edit HTML' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit HTML' });
  await dialog.getByRole('textbox', { name: 'HTML code' }).fill(HOSTILE);
  await dialog.getByRole('button', { name: 'Apply' }).click();

  const rendered = card.getByTestId('raw-html-rendered');
  await expect(rendered.locator('dt')).toHaveText('Still shown as text');
  await expect(rendered.locator('img')).toHaveCount(1);
  // Give the image error, the animation and the toggle the chance to fire.
  await rendered.hover({ force: true });
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // What is shown carries no handler, script, script link or frame document.
  const dangers = await rendered.evaluate((host) => {
    const root = host.shadowRoot!;
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name) || attr.name === 'srcdoc' || /^\s*javascript:/i.test(attr.value)) found.push(`${el.localName} ${attr.name}`);
      }
      if (el.localName === 'script' || el.localName === 'iframe') found.push(el.localName);
    }
    return found;
  });
  expect(dangers).toEqual([]);
  // The view cannot be clicked into or focused.
  expect(await rendered.evaluate((host) => (host as HTMLElement).inert)).toBe(true);
});

test('raw blocks far below the screen are rendered only when scrolled to', async ({ page, site }) => {
  const blocks = Array.from({ length: 40 }, (_, i) => `<dl class="row">\n<dt>Row ${i + 1} of the list of rows</dt>\n</dl>`);
  createPage(site, 'pages/raw-many.md', 'Raw Many', `<p>Start</p>\n${blocks.join('\n')}\n`);
  const canvas = await openPage(page, site, 'Raw Many');
  const views = canvas.getByTestId('raw-html-rendered');
  await expect(views).toHaveCount(40);
  await expect(views.first()).toHaveAttribute('data-rendered', '');
  await expect(views.last()).not.toHaveAttribute('data-rendered', '');
  // Drawn as high as its markup (a list of one line, with its margins, and the card's padding), not with the canvas's room for editing.
  expect((await views.first().boundingBox())!.height).toBeLessThan(120);
  await views.last().scrollIntoViewIfNeeded();
  await expect(views.last()).toHaveAttribute('data-rendered', '');
  await expect(views.last().locator('dt')).toHaveText('Row 40 of the list of rows');
});

// A layout the blocks read but cannot write back (the frame's attributes would be lost): the page
// shows first, and once the blocks are checked against their markup it becomes an HTML block.
const FRAME = '<div style="padding:50% 0 0 0;position:relative;">\n  <iframe allowfullscreen="" src="https://player.vimeo.com/video/1" style="position:absolute;width:100%;"></iframe>\n</div>';

test('a block that would lose its markup when edited turns into an HTML block once checked, the notice says so, and saving changes nothing', async ({ page, site }) => {
  const body = `<p>Start</p>\n${FRAME}\n<blockquote cite="https://example.org/said"><p>Said once.</p></blockquote>\n<p>End</p>\n`;
  const before = createPage(site, 'pages/checked-later.md', 'Checked Later', body);
  const canvas = await openPage(page, site, 'Checked Later');
  await expect(canvas.locator('[data-testid="raw-html-block"]')).toHaveCount(1);
  await expect(canvas.locator('[data-testid="raw-html-block"] iframe[src="https://player.vimeo.com/video/1"]')).toHaveCount(1);
  const notice = page.getByRole('region', { name: 'Some parts of this page need your attention' });
  await expect(notice).toContainText('1 part of this page can only be changed as HTML');
  // The quotation's cite would be dropped by an edit: said too.
  await expect(notice).toContainText('Changed if you edit them');
  // Putting the block back is the page as read, not an edit.
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await canvas.getByText('End', { exact: true }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await save(page);
  expect(site.read('pages/checked-later.md')).toBe(before.replace('<p>End</p>', '<p>End!</p>'));
});
