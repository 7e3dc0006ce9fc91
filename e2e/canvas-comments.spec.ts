import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { tokenOfLink } from '../src/server/team/testTeamServer.ts';
import { askForReview, retitleFirstCard, saveInApp, signedIn, startReviewSite, type ReviewSite } from './teamSite.ts';

let site: ReviewSite;
test.beforeEach(async () => {
  site = await startReviewSite('canvas-comments-');
});
test.afterEach(async () => {
  await site.close();
});

test('the reviewer comments on a card; the editor sees the marker beside the card grid in the canvas, replies and resolves; the reviewer reads the reply', async ({ browser, page }) => {
  test.setTimeout(150_000);
  const { h } = site;
  // The editor uses the test's own page: the accessibility checker opens its helper page in that context.
  const adminContext = await signedIn(h, await browser.newContext(), tokenOfLink(await h.createAdmin('bala@agency.gov.sg')), 'Bala Kumar', 'bala@agency.gov.sg');
  const { token } = await h.server.accounts.createPerson('anna@agency.gov.sg', 'editor', 'Anna Tan');
  await signedIn(h, page.context(), token, 'Anna Tan', 'anna@agency.gov.sg');

  // The editor changes a card, saves, and asks for review.
  const editor = page;
  await editor.goto(h.server.url);
  await editor.getByRole('navigation').getByRole('button', { name: 'Volunteer With Us', exact: true }).click();
  await retitleFirstCard(editor, 'Tree planting days');
  await saveInApp(editor);
  // Nothing under review yet: no markers, no comments button.
  await expect(editor.getByRole('button', { name: /Review comments on this page/ })).toHaveCount(0);
  await askForReview(editor, 'Planting days renamed', /Bala Kumar/);
  await expect(editor.getByRole('heading', { name: '#1 Planting days renamed' })).toBeVisible();

  // The reviewer comments on the card.
  const admin = await adminContext.newPage();
  await admin.goto(`${h.server.url}#/review/1`);
  const cardRow = admin.getByRole('list', { name: 'Blocks of the page' }).locator('.review-block--changed', { hasText: 'Tree planting days' });
  await cardRow.getByRole('textbox', { name: 'Comment on this block' }).fill('Say which Saturday.');
  await cardRow.getByRole('button', { name: 'Send' }).click();
  await expect(cardRow.getByText('Say which Saturday.')).toBeVisible();

  // The editor opens the page: a marker beside the card grid, and only there.
  await editor.goto(h.server.url);
  await editor.getByRole('navigation').getByRole('button', { name: 'Volunteer With Us', exact: true }).click();
  const marker = editor.getByRole('button', { name: '1 review comment on this block' });
  await expect(marker).toBeVisible();
  await expect(editor.locator('.review-marker')).toHaveCount(1);
  const grid = editor.locator('.ProseMirror > .isomer-card-grid');
  await expect(grid).toHaveClass(/review-commented/);
  const besideGrid = async () => {
    const [m, g] = [await marker.boundingBox(), await grid.boundingBox()];
    expect(Math.abs(m!.y - g!.y)).toBeLessThan(2);
    expect(m!.x).toBeGreaterThanOrEqual(g!.x + g!.width);
  };
  await besideGrid();
  // A paragraph typed above the grid moves the grid down, and its marker with it (measured from the
  // heading above, as clicking it may scroll the canvas).
  const heading = editor.locator('.ProseMirror > h2', { hasText: 'Ways to help' });
  const belowHeading = async () => (await marker.boundingBox())!.y - (await heading.boundingBox())!.y;
  const before = await belowHeading();
  // Plugins that join the editor later (the bubble menus, on the first click in it) leave the marker the same button.
  const sameButton = await marker.elementHandle();
  await heading.click();
  await editor.keyboard.press('End');
  await editor.keyboard.press('Enter');
  await editor.keyboard.type('Everyone is welcome.');
  await expect.poll(belowHeading).toBeGreaterThan(before + 10);
  await besideGrid();
  expect(await sameButton!.evaluate((button) => button.isConnected)).toBe(true);
  await expect(editor.locator('.review-marker')).toHaveCount(1);

  // The marker opens the thread, beside the canvas: axe finds nothing serious with it open.
  await marker.click();
  const panel = editor.getByRole('complementary', { name: 'Review comments' });
  await expect(panel).toContainText('On the block “Tree planting days');
  await expect(panel).toContainText('in review request #1 “Planting days renamed”');
  await expect(panel).toContainText('Bala Kumar: Say which Saturday.');
  await expect(panel.getByRole('heading', { name: 'Review comments' })).toBeFocused();

  const axe = await new AxeBuilder({ page: editor }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // She replies and resolves the thread; the marker says so. Escape closes the panel, back on the marker.
  await panel.getByRole('textbox', { name: 'Reply' }).fill('The first Saturday of each month.');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel).toContainText('Anna Tan: The first Saturday of each month.');
  await panel.getByRole('button', { name: 'Resolve' }).click();
  await expect(panel).toContainText('(resolved)');
  await expect(editor.getByRole('button', { name: '1 review comment on this block, resolved' })).toBeVisible();
  await editor.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(editor.getByRole('button', { name: '1 review comment on this block, resolved' })).toBeFocused();
  // The typing stayed the editor's own: unsaved, and the page's other blocks untouched.
  await expect(editor.locator('.ProseMirror')).toContainText('Everyone is welcome.');

  // The reviewer sees the reply, and the thread resolved.
  await admin.reload();
  const again = admin.getByRole('list', { name: 'Blocks of the page' }).locator('.review-block--changed', { hasText: 'Tree planting days' });
  await expect(again).toContainText('Anna Tan: The first Saturday of each month.');
  await expect(again).toContainText('(resolved)');
  await adminContext.close();
});

test('a comment sent leaves its box as soon as it is in, and what is typed while the threads catch up stays', async ({ browser }) => {
  test.setTimeout(120_000);
  const { h } = site;
  const adminContext = await signedIn(h, await browser.newContext(), tokenOfLink(await h.createAdmin('bala@agency.gov.sg')), 'Bala Kumar', 'bala@agency.gov.sg');
  const { token } = await h.server.accounts.createPerson('anna@agency.gov.sg', 'editor', 'Anna Tan');
  const editor = await (await signedIn(h, await browser.newContext(), token, 'Anna Tan', 'anna@agency.gov.sg')).newPage();
  await editor.goto(h.server.url);
  await editor.getByRole('navigation').getByRole('button', { name: 'Volunteer With Us', exact: true }).click();
  await retitleFirstCard(editor, 'Tree planting days');
  await saveInApp(editor);
  await askForReview(editor, 'Planting days renamed', /Bala Kumar/);

  const admin = await adminContext.newPage();
  await admin.goto(`${h.server.url}#/review/1`);
  const cardRow = admin.getByRole('list', { name: 'Blocks of the page' }).locator('.review-block--changed', { hasText: 'Tree planting days' });
  const box = cardRow.getByRole('textbox', { name: 'Comment on this block' });
  await expect(box).toBeVisible();
  // Once the comment is sent, the review's threads are slow to come (a busy server): held until let through.
  let sent = false;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await admin.route('**/api/reviews/1/comments', async (route) => {
    await route.continue();
    sent = true;
  });
  await admin.route('**/api/reviews/1', async (route) => {
    if (sent && route.request().method() === 'GET') await held;
    await route.continue();
  });

  await box.fill('Say which Saturday.');
  await cardRow.getByRole('button', { name: 'Send' }).click();
  await expect(box).toHaveValue('');
  await box.pressSequentially('And which park?');
  release();
  await expect(cardRow.locator('.review-thread', { hasText: 'Say which Saturday.' })).toBeVisible();
  await expect(box).toHaveValue('And which park?');
});
