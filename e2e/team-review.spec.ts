import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { testDatabaseTargets } from '../src/server/db/testDatabases.ts';
import { createChangeSetRoutes } from '../src/server/git/changeSetRoutes.ts';
import { openSiteRepository, type SiteRepository } from '../src/server/git/repository.ts';
import { teamReviewRoutes } from '../src/server/review/teamReview.ts';
import { mailText, makeGitSite, startTeamHarness, tokenOfLink, type TeamHarness } from '../src/server/team/testTeamServer.ts';
import { appDir } from './fixtures.ts';
import { signedIn } from './teamSite.ts';
import AxeBuilder from '@axe-core/playwright';
import { sampleSiteRepository } from './teamSite.ts';

const sqlite = testDatabaseTargets.find((t) => t.name === 'sqlite')!;

let h: TeamHarness;
let repo: SiteRepository;
let repoData: string;
let siteBase: string | undefined;

/** The team server with review, on the site in `siteDir` (a git working copy). */
async function serve(siteDir: string): Promise<void> {
  repoData = mkdtempSync(path.join(tmpdir(), 'team-repo-'));
  repo = await openSiteRepository({ siteDir, dataDir: repoData });
  const theRepo = repo;
  h = await startTeamHarness(sqlite, { appDir, siteDir, ...teamReviewRoutes(theRepo, (ctx) => createChangeSetRoutes({ repo: theRepo, authorOf: (c) => ctx.userOf(c) })) });
}
test.afterEach(async () => {
  await h.close();
  await repo.close();
  rmSync(repoData, { recursive: true, force: true });
  if (siteBase) rmSync(siteBase, { recursive: true, force: true });
  siteBase = undefined;
});

/** The sample site served with review; Bala (admin) signed in on `page`, Anna (editor) in a context of her own, with her change set. */
async function sampleSiteTeam(browser: Browser, page: Page, prefix: string) {
  const sample = sampleSiteRepository(prefix);
  siteBase = sample.base;
  await serve(sample.siteDir);
  await signedIn(h, page.context(), tokenOfLink(await h.createAdmin('bala@agency.gov.sg')), 'Bala Kumar', 'bala@agency.gov.sg');
  const { token } = await h.server.accounts.createPerson('anna@agency.gov.sg', 'editor', 'Anna Tan');
  const editorContext = await signedIn(h, await browser.newContext(), token, 'Anna Tan', 'anna@agency.gov.sg');
  const me = (await (await editorContext.request.get(`${h.server.publicUrl}/api/team/session`)).json()) as { user: { id: string; name: string; email: string } };
  return { editorContext, me, cs: await repo.changeSetFor(me.user) };
}

test('an editor asks for review, the admin opens it from the email link and approves, and a share link shows the draft until revoked', async ({ browser, page }) => {
  test.setTimeout(120_000);
  await serve(makeGitSite());
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

test('the reviewer sees the build check: a link to a missing page warns, a broken Liquid tag stops the build, a fix clears both', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const { editorContext, me, cs } = await sampleSiteTeam(browser, page, 'team-review-build-');
  const save = async (body: string) => {
    writeFileSync(path.join(cs.dir, 'pages', 'opening-hours.md'), `---\ntitle: Opening hours\npermalink: /opening-hours/\n---\n${body}\n`);
    await repo.commit(cs, ['pages/opening-hours.md'], 'Save pages/opening-hours.md', me.user);
  };
  await save('<p>See <a href="/park-rules/">the park rules</a> and <a href="/holiday-hours/">holiday hours</a>.</p>');
  const asked = await editorContext.request.post(`${h.server.publicUrl}/api/reviews`, {
    data: { title: 'Holiday hours', reviewers: ['bala@agency.gov.sg'] },
    headers: { Origin: new URL(h.server.publicUrl).origin },
  });
  expect(asked.status()).toBe(201);

  const admin = page;
  await admin.goto(`${h.server.url}#/review/1`);
  const check = admin.getByRole('region', { name: 'Build check' });
  // Real Jekyll builds in the background, on a machine that may be busy: the screen looks again until they are done.
  const built = { timeout: 60_000 };
  await expect(check.getByText('The site builds with these changes, with 1 warning.')).toBeVisible(built);
  await expect(check.getByText('On /opening-hours/: a link to /holiday-hours/ leads to no page or file of the site.')).toBeVisible();
  const axe = await new AxeBuilder({ page: admin }).include('.review-build').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // A Liquid tag left open: the build stops, and publishing needs the admin to say so.
  await save('<p>{% if page.title %}Open all year.</p>');
  await admin.reload();
  await expect(check.getByRole('alert')).toHaveText(/The site does not build with these changes\./, built);
  await expect(check.getByText(/Liquid error in pages\/opening-hours\.md: Liquid syntax error .*'if' tag was never closed/)).toBeVisible();
  const publish = admin.getByRole('button', { name: 'Publish', exact: true });
  await expect(publish).toBeDisabled();
  await admin.getByRole('checkbox', { name: 'Publish even though the site does not build' }).check();
  await expect(publish).toBeEnabled();

  // Fixed: nothing left to warn of.
  await save('<p>Open all year. See <a href="/park-rules/">the park rules</a>.</p>');
  await admin.reload();
  await expect(check.getByText('The site builds with these changes, and every link to a page of the site leads somewhere.')).toBeVisible(built);
  await expect(admin.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
  await editorContext.close();
});

test("a share link shows the page's images from the change set, a new photo included", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const { editorContext, me, cs } = await sampleSiteTeam(browser, page, 'team-review-share-');
  // A photo new in the change set (a copy of one the site has), and one the site publishes already.
  copyFileSync(path.join(cs.dir, 'images', 'park photos', 'sunset-pier.png'), path.join(cs.dir, 'images', 'park photos', 'new-pier.png'));
  writeFileSync(
    path.join(cs.dir, 'pages', 'opening-hours.md'),
    '---\ntitle: Opening hours\npermalink: /opening-hours/\n---\n<p><img src="/images/park photos/new-pier.png" alt="The new pier"></p>\n<p><img src="/images/park%20photos/harbour-lawn.png" alt="Harbour lawn"></p>\n',
  );
  await repo.commit(cs, ['pages/opening-hours.md', 'images/park photos/new-pier.png'], 'Save pages/opening-hours.md', me.user);
  const headers = { Origin: new URL(h.server.publicUrl).origin };
  expect((await editorContext.request.post(`${h.server.publicUrl}/api/reviews`, { data: { title: 'Photos', reviewers: ['bala@agency.gov.sg'] }, headers })).status()).toBe(201);
  const link = (await (await editorContext.request.post(`${h.server.publicUrl}/api/reviews/1/share-links`, { data: { days: 1 }, headers })).json()) as { url: string };

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(link.url);
  await visitor.getByRole('link', { name: 'Opening hours' }).click();
  for (const name of ['The new pier', 'Harbour lawn']) {
    const img = visitor.getByRole('img', { name });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
  // Nothing else of the site: another image, the configuration.
  expect((await visitor.request.get(new URL('_images/images/hero-banner.png', link.url).href)).status()).toBe(404);
  expect((await visitor.request.get(new URL('_images/_config.yml', link.url).href)).status()).toBe(404);

  // The reviewer's previews show them too, though they are sandboxed documents the session cookie does not reach.
  await page.goto(`${h.server.url}#/review/1`);
  await page.getByRole('button', { name: 'pages/opening-hours.md' }).click();
  const changed = page.frameLocator('iframe[title="pages/opening-hours.md with the changes"]');
  for (const name of ['The new pier', 'Harbour lawn']) {
    const img = changed.getByRole('img', { name });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
  await Promise.all([editorContext.close(), visitorContext.close()]);
});

test('the reviewer sees a navigation change in the header of the homepage, published and changed side by side', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const { editorContext, me, cs } = await sampleSiteTeam(browser, page, 'team-review-site-files-');
  const navigation = path.join(cs.dir, '_data', 'navigation.yml');
  writeFileSync(navigation, readFileSync(navigation, 'utf8').replace('title: Volunteer\n', 'title: Get involved\n'));
  await repo.commit(cs, ['_data/navigation.yml'], 'Save _data/navigation.yml', me.user);
  const headers = { Origin: new URL(h.server.publicUrl).origin };
  expect((await editorContext.request.post(`${h.server.publicUrl}/api/reviews`, { data: { title: 'Menu wording', reviewers: ['bala@agency.gov.sg'] }, headers })).status()).toBe(201);

  const admin = page;
  await admin.goto(`${h.server.url}#/review/1`);
  await expect(admin.getByText('Navigation, changed')).toBeVisible();
  await expect(admin.getByText('The homepage, with the navigation in its header as the site shows it, before and with these changes:')).toBeVisible();
  const published = admin.frameLocator('iframe[title="_data/navigation.yml as published"]');
  const changed = admin.frameLocator('iframe[title="_data/navigation.yml with the changes"]');
  await expect(changed.getByRole('link', { name: 'Get involved' }).first()).toBeVisible();
  await expect(changed.getByText('Green spaces by the water')).toBeVisible();
  await expect(published.getByRole('link', { name: 'Volunteer', exact: true }).first()).toBeVisible();
  await expect(published.getByText('Get involved')).toHaveCount(0);
  await expect(admin.getByRole('table', { name: 'links 4 (“Volunteer”): removed' })).toBeVisible();
  const axe = await new AxeBuilder({ page: admin }).include('.review-file').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await editorContext.close();
});
