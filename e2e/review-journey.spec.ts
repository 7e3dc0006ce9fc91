import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { tokenOfLink, type TeamHarness } from '../src/server/team/testTeamServer.ts';
import { root } from './fixtures.ts';
import { askForReview, git, retitleFirstCard, saveInApp, signedIn, startReviewSite, type ReviewSite } from './teamSite.ts';
import AxeBuilder from '@axe-core/playwright';

let site: ReviewSite;
let siteDir: string;
let h: TeamHarness;
test.beforeEach(async () => {
  site = await startReviewSite('review-journey-');
  ({ siteDir, h } = site);
});
test.afterEach(async () => {
  await site.close();
});

test('an editor changes a card and the title in the app, a reviewer comments and approves, the editor changes the card again, and the approved change set is published', async ({ browser }) => {
  test.setTimeout(180_000);
  const adminContext = await signedIn(h, await browser.newContext(), tokenOfLink(await h.createAdmin('bala@agency.gov.sg')), 'Bala Kumar', 'bala@agency.gov.sg');
  const { token } = await h.server.accounts.createPerson('anna@agency.gov.sg', 'editor', 'Anna Tan');
  const editorContext = await signedIn(h, await browser.newContext(), token, 'Anna Tan', 'anna@agency.gov.sg');
  const publishedBefore = git(siteDir, 'rev-parse', 'main').trim();

  // The editor changes the first card and the page title, and saves: a commit on her change set.
  const editor = await editorContext.newPage();
  await editor.goto(h.server.url);
  await expect(editor.getByText('Signed in as Anna Tan (editor)')).toBeVisible();
  await editor.getByRole('navigation').getByRole('button', { name: 'Volunteer With Us', exact: true }).click();
  await retitleFirstCard(editor, 'Tree planting days');
  await editor.getByRole('tab', { name: 'Page settings' }).click();
  await editor.getByRole('tabpanel').getByRole('textbox', { name: 'Page title' }).fill('Volunteer With the Board');
  await saveInApp(editor);

  await askForReview(editor, 'Planting days renamed', /Bala Kumar/);
  await expect(editor.getByRole('heading', { name: '#1 Planting days renamed' })).toBeVisible();

  // The reviewer sees the card and the title marked as changed, and comments on the card.
  const admin = await adminContext.newPage();
  await admin.goto(`${h.server.url}#/review/1`);
  await expect(admin.getByRole('heading', { name: '#1 Planting days renamed' })).toBeVisible();
  await expect(admin.getByRole('navigation', { name: 'Changed files' })).toContainText('pages/volunteer.md');
  const settings = admin.getByRole('table', { name: 'Page settings changed' });
  await expect(settings.getByRole('row', { name: /title/ })).toContainText('Volunteer With Us');
  await expect(settings.getByRole('row', { name: /title/ })).toContainText('Volunteer With the Board');
  const blocks = admin.getByRole('list', { name: 'Blocks of the page' });
  const cardRow = blocks.locator('.review-block--changed', { hasText: 'Tree planting days' });
  await expect(cardRow).toHaveCount(1);
  // Words inside the card marked: the new ones inserted, the old capitalised one deleted.
  await expect(cardRow.locator('ins')).toHaveText(['Tree', 'planting ']);
  await expect(cardRow.locator('del')).toHaveText(['Planting ']);
  // Legacy mode: the checker runs in the page itself, without opening a helper page beside the others.
  const axe = await new AxeBuilder({ page: admin }).include('.review-screen').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await cardRow.getByRole('textbox', { name: 'Comment on this block' }).fill('Say which Saturday.');
  await cardRow.getByRole('button', { name: 'Send' }).click();
  await expect(cardRow.getByText('Say which Saturday.')).toBeVisible();
  await admin.getByRole('button', { name: 'Approve' }).click();
  await expect(admin.getByText('Approved.')).toBeVisible();

  // A visitor without an account sees the draft through a share link.
  await admin.getByRole('button', { name: 'Make a share link' }).click();
  const shareUrl = (await admin.locator('.review-share code').textContent())!;
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  expect((await visitor.goto(shareUrl))?.status()).toBe(200);
  await expect(visitor.getByText('Planting days renamed')).toBeVisible();
  await visitor.getByRole('link', { name: 'Volunteer With the Board' }).click();
  await expect(visitor.getByRole('note')).toHaveText('A draft shared for review: not published yet.');
  await expect(visitor.locator('.isomer-card-title').first()).toHaveText('Tree planting days');
  const sharedPageUrl = visitor.url();
  expect(sharedPageUrl).toContain('/volunteer');

  // The editor, on her request, is told of the comment and the approval, and reads the comment beside the card.
  await editor.reload();
  const notes = editor.getByRole('region', { name: 'New for you' });
  await expect(notes).toContainText('Bala Kumar commented on pages/volunteer.md in "Planting days renamed":');
  await expect(notes).toContainText('Bala Kumar approved "Planting days renamed".');
  const herCard = editor.getByRole('list', { name: 'Blocks of the page' }).locator('.review-block--changed').filter({ has: editor.locator('ins', { hasText: 'Tree' }) });
  await expect(herCard.getByText('Say which Saturday.')).toBeVisible();

  // The editor changes the card again and saves: the approval given before is withdrawn.
  await editor.getByRole('button', { name: 'Back to the editor' }).click();
  await editor.getByRole('navigation').getByRole('button', { name: /^Volunteer With the Board/ }).click();
  await retitleFirstCard(editor, 'Tree planting Saturdays');
  await saveInApp(editor);

  // The link shows the latest save.
  await visitor.reload();
  await expect(visitor.locator('.isomer-card-title').first()).toHaveText('Tree planting Saturdays');

  await admin.reload();
  await expect(admin.getByRole('list', { name: 'Decisions' })).toContainText('Bala Kumar approved (withdrawn: changed since)');
  // The card is still marked against the published page; the comment followed its block, edited since.
  const cardNow = blocks.locator('.review-block--changed').filter({ has: admin.locator('ins', { hasText: 'Saturdays' }) });
  await expect(cardNow).toHaveCount(1);
  await expect(cardNow.locator('ins')).toHaveText(['Tree', 'planting ', 'Saturdays ']);
  await expect(cardNow.getByRole('complementary', { name: 'Comments on this block' })).toContainText('Say which Saturday.');
  await expect(cardNow.getByRole('complementary', { name: 'Comments on this block' })).toContainText('(its block was edited since; it was “Tree planting days');
  await admin.getByRole('button', { name: 'Approve' }).click();
  await expect(admin.getByText('Approved.')).toBeVisible();

  // Revoked, the link shows nothing any more.
  await admin.getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.getByText('Share link revoked.')).toBeVisible();
  expect((await visitor.goto(shareUrl))?.status()).toBe(404);
  expect((await visitor.goto(sharedPageUrl))?.status()).toBe(404);
  await expect(visitor.getByText('This link is not valid')).toBeVisible();

  await admin.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(admin.getByText('Published.')).toBeVisible();

  // git: the published branch moved by a merge naming the request and the reviewer.
  const log = git(siteDir, 'log', '-1', '--format=%P%n%an%n%B', 'main');
  const [parents, author, ...message] = log.split('\n');
  expect(parents!.split(' ')).toHaveLength(2);
  expect(parents!.split(' ')[0]).toBe(publishedBefore);
  expect(author).toBe('Bala Kumar');
  expect(message.join('\n')).toContain('Publish review request #1: Planting days renamed');
  expect(message.join('\n')).toContain('Approved by: Bala Kumar <bala@agency.gov.sg>');
  const published = git(siteDir, 'show', 'main:pages/volunteer.md');
  expect(published).toContain('title: Volunteer With the Board\n');
  expect(published).toContain('<div class="isomer-card-title">Tree planting Saturdays</div>');
  expect(published).not.toContain('Planting days');
  // Nothing else on the page changed (spaces folded: where saved HTML breaks its lines is the codec's business).
  const fold = (text: string) => text.replace(/\s+/g, ' ');
  const before = readFileSync(join(root, 'sample-site/pages/volunteer.md'), 'utf8');
  expect(fold(published)).toBe(
    fold(before.replace('title: Volunteer With Us\n', 'title: Volunteer With the Board\n').replace('<div class="isomer-card-title">Planting days</div>', '<div class="isomer-card-title">Tree planting Saturdays</div>')),
  );

  await Promise.all([adminContext.close(), editorContext.close(), visitorContext.close()]);
});
