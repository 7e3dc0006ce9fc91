import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { testDatabaseTargets } from '../src/server/db/testDatabases.ts';
import { createChangeSetRoutes } from '../src/server/git/changeSetRoutes.ts';
import { openSiteRepository, type SiteRepository } from '../src/server/git/repository.ts';
import { teamReviewRoutes } from '../src/server/review/teamReview.ts';
import { mailText, makeGitSite, startTeamHarness, tokenOfLink, type TeamHarness } from '../src/server/team/testTeamServer.ts';
import { appDir } from './fixtures.ts';
import { signedIn } from './teamSite.ts';
import AxeBuilder from '@axe-core/playwright';

const sqlite = testDatabaseTargets.find((t) => t.name === 'sqlite')!;

let h: TeamHarness;
let repo: SiteRepository;
let repoData: string;
test.beforeEach(async () => {
  const siteDir = makeGitSite();
  repoData = mkdtempSync(path.join(tmpdir(), 'team-repo-'));
  repo = await openSiteRepository({ siteDir, dataDir: repoData });
  const theRepo = repo;
  h = await startTeamHarness(sqlite, { appDir, siteDir, ...teamReviewRoutes(theRepo, (ctx) => createChangeSetRoutes({ repo: theRepo, authorOf: (c) => ctx.userOf(c) })) });
});
test.afterEach(async () => {
  await h.close();
  await repo.close();
  rmSync(repoData, { recursive: true, force: true });
});

test('an editor asks for review, the admin opens it from the email link and approves, and a share link shows the draft until revoked', async ({ browser, page }) => {
  test.setTimeout(120_000);
  // The admin uses the test's own page: the accessibility checker opens its helper page in that context.
  await signedIn(h, page.context(), tokenOfLink(await h.createAdmin('bala@agency.gov.sg')), 'Bala Kumar', 'bala@agency.gov.sg');
  const { token } = await h.server.accounts.createPerson('anna@agency.gov.sg', 'editor', 'Anna Tan');
  const editorContext = await signedIn(h, await browser.newContext(), token, 'Anna Tan', 'anna@agency.gov.sg');

  // The editor's save, made through the repository as the page API does (the app's team-mode saving is separate work).
  const editor = await editorContext.newPage();
  await editor.goto(h.server.url);
  await expect(editor.getByText('Signed in as Anna Tan (editor)')).toBeVisible();
  const me = (await (await editorContext.request.get(`${h.server.publicUrl}/api/team/session`)).json()) as { user: { id: string; name: string; email: string } };
  const cs = await repo.changeSetFor(me.user);
  writeFileSync(path.join(cs.dir, 'index.md'), '---\ntitle: Welcome home\n---\nHello again\n');
  await repo.commit(cs, ['index.md'], 'Save index.md', me.user);

  await editor.getByRole('button', { name: 'Ask for review' }).click();
  const ask = editor.getByRole('dialog', { name: 'Ask for review' });
  await ask.getByRole('textbox', { name: 'Title' }).fill('New home page title');
  await ask.getByRole('textbox', { name: 'Description' }).fill('The home page greets visitors again.');
  await ask.getByRole('checkbox', { name: /Bala Kumar/ }).check();
  await ask.getByRole('button', { name: 'Ask for review' }).click();
  await expect(ask).toBeHidden();
  await expect(editor.getByRole('heading', { name: '#1 New home page title' })).toBeVisible();
  expect(new URL(editor.url()).hash).toBe('#/review/1');

  // The reviewer follows the link in the email.
  const mail = mailText((await h.smtp.nextTo('bala@agency.gov.sg')).raw);
  const link = /(http:\/\/\S+#\/review\/1)/.exec(mail)?.[1];
  expect(link).toBeDefined();
  const admin = page;
  await admin.goto(link!);
  await expect(admin.getByRole('heading', { name: '#1 New home page title' })).toBeVisible();
  await expect(admin.getByText('Waiting for review')).toBeVisible();
  // Legacy mode: the checker runs in the page itself, without opening a helper page beside the others.
  const axe = await new AxeBuilder({ page: admin }).include('.review-screen').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // A share link shows the draft to someone not signed in.
  await admin.getByRole('button', { name: 'Make a share link' }).click();
  const shareUrl = (await admin.locator('.review-share code').textContent())!;
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const shown = await visitor.goto(shareUrl);
  expect(shown?.status()).toBe(200);
  await expect(visitor.getByText('New home page title')).toBeVisible();

  await admin.getByRole('button', { name: 'Approve' }).click();
  await expect(admin.getByText('Approved.')).toBeVisible();
  await admin.getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.getByText('Share link revoked.')).toBeVisible();
  expect((await visitor.goto(shareUrl))?.status()).toBe(404);

  // Back to the editor, which kept its place.
  await admin.getByRole('button', { name: 'Back to the editor' }).click();
  await expect(admin.getByRole('button', { name: 'Reviews' })).toBeVisible();
  await Promise.all([editorContext.close(), visitorContext.close()]);
});
