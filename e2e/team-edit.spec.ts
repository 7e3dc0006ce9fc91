import { expect, test } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabaseTargets } from '../src/server/db/testDatabases.ts';
import { createChangeSetRoutes } from '../src/server/git/changeSetRoutes.ts';
import { openSiteRepository, type SiteRepository } from '../src/server/git/repository.ts';
import { mailText, startTeamHarness, type TeamHarness } from '../src/server/team/testTeamServer.ts';
import { appDir } from './fixtures.ts';
import { git, sampleSiteRepository } from './teamSite.ts';

const sqlite = testDatabaseTargets.find((t) => t.name === 'sqlite')!;

let base: string;
let siteDir: string;
let repo: SiteRepository;
let h: TeamHarness;
test.beforeEach(async () => {
  ({ base, siteDir } = sampleSiteRepository('team-edit-'));
  repo = await openSiteRepository({ siteDir, dataDir: join(base, 'changesets') });
  h = await startTeamHarness(sqlite, {
    appDir,
    siteDir,
    siteRoutes: (ctx) => createChangeSetRoutes({ repo, authorOf: (c) => ({ ...ctx.userOf(c), name: ctx.userOf(c).name || ctx.userOf(c).email }) }),
  });
});
test.afterEach(async () => {
  await h.close();
  await repo.close();
  rmSync(base, { recursive: true, force: true });
});

test('an invited editor signs in with an emailed code, edits a page and saves: a commit on their change set, as them', async ({ browser }) => {
  const publishedBefore = git(siteDir, 'rev-parse', 'main').trim();
  const aboutBefore = readFileSync(join(siteDir, 'pages/about-us.md'), 'utf8');

  // The first admin: setup link, password, sign-in, invitation.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(await h.createAdmin('ann@agency.gov.sg'));
  await admin.getByLabel('Your name').fill('Ann Tan');
  await admin.getByLabel('Password (at least 12 characters)').fill('correct horse battery staple');
  await admin.getByLabel('Password again').fill('correct horse battery staple');
  await admin.getByRole('button', { name: 'Save password' }).click();
  await admin.getByRole('button', { name: 'Go to sign-in' }).click();
  await admin.getByRole('textbox', { name: 'Email' }).fill('ann@agency.gov.sg');
  await admin.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByText('Signed in as Ann Tan (admin)')).toBeVisible();
  await admin.getByRole('button', { name: 'People' }).click();
  const people = admin.getByRole('dialog', { name: 'People' });
  await people.getByRole('textbox', { name: 'Email', exact: true }).fill('bob@agency.gov.sg');
  await people.getByRole('button', { name: 'Invite' }).click();
  await expect(people.getByRole('status')).toHaveText('Invitation sent to bob@agency.gov.sg.');
  await h.smtp.nextTo('bob@agency.gov.sg');
  await admin.keyboard.press('Escape');
  await expect(people).toBeHidden();

  // The editor: a code by email, then the page list of the site.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  // The session is the cookie: no token in any header or address the app sends.
  const tokenUses: string[] = [];
  editor.on('request', (req) => {
    if (req.url().includes('token=') || req.headers()['x-isomer-token'] !== undefined) tokenUses.push(req.url());
  });
  await editor.goto(h.server.url);
  await editor.getByLabel('With a code sent by email').check();
  await editor.getByRole('textbox', { name: 'Email' }).fill('bob@agency.gov.sg');
  await editor.getByRole('button', { name: 'Send me a code' }).click();
  const code = /code is (\d{6})/.exec(mailText((await h.smtp.nextTo('bob@agency.gov.sg')).raw))![1]!;
  await editor.getByRole('textbox', { name: 'Code' }).fill(code);
  await editor.getByRole('button', { name: 'Sign in' }).click();
  await expect(editor.getByText('Signed in as bob (editor)')).toBeVisible();

  await editor.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  const paragraph = editor.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board.' });
  await expect(paragraph).toBeVisible();
  await paragraph.click();
  await editor.keyboard.press('End');
  await editor.keyboard.type(' Hello');
  await expect(editor.getByText('Unsaved changes')).toBeVisible();

  // The unsaved edits reach the server as Bob's draft; another device of his (same account, its own
  // browser storage) is offered them when it opens the page.
  const draftUrl = `${h.server.url}api/team/drafts/page?path=${encodeURIComponent('pages/about-us.md')}`;
  await expect.poll(async () => (await editorContext.request.get(draftUrl)).status()).toBe(200);
  const phoneContext = await browser.newContext({ storageState: { cookies: (await editorContext.storageState()).cookies, origins: [] } });
  const phone = await phoneContext.newPage();
  await phone.goto(h.server.url);
  await phone.getByRole('navigation').getByRole('button', { name: 'About Us', exact: true }).click();
  await expect(phone.getByText(/Restore the draft from/)).toBeVisible();
  await phone.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(phone.locator('.ProseMirror p', { hasText: 'Welcome to the Harbourview Parks Board. Hello' })).toBeVisible();
  await phoneContext.close();

  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
  // Saved: the draft is gone from the server too.
  await expect.poll(async () => (await editorContext.request.get(draftUrl)).status()).toBe(404);
  expect(tokenUses).toEqual([]);

  // Ann's page list says who is on the page and whose change set changes it; opening it says so first.
  const aboutForAnn = admin.getByRole('navigation').getByRole('button', { name: /^About Us/ });
  await expect(aboutForAnn).toContainText('bob is editing now; changed in the change set of bob', { timeout: 20_000 });
  await aboutForAnn.click();
  await expect(admin.getByRole('region', { name: 'Others on this page' })).toContainText('Careful: bob is editing now; changed in the change set of bob.');

  // git: one commit on Bob's change set branch, by Bob, changing that page; the published branch as it was.
  // (The admin has a change set too, made when the app listed the pages for her.)
  const branches = git(siteDir, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/edit/bob/').trim().split('\n');
  expect(branches).toHaveLength(1);
  const branch = branches[0]!;
  expect(git(siteDir, 'rev-list', '--count', `main..${branch}`).trim()).toBe('1');
  expect(git(siteDir, 'log', '-1', '--format=%an <%ae>', branch).trim()).toBe('bob <bob@agency.gov.sg>');
  expect(git(siteDir, 'diff', '--name-only', 'main', branch).trim()).toBe('pages/about-us.md');
  // Compared with spaces folded: where the saved HTML breaks its lines is the page codec's business.
  const fold = (text: string) => text.replace(/\s+/g, ' ');
  expect(fold(git(siteDir, 'show', `${branch}:pages/about-us.md`))).toBe(
    fold(aboutBefore.replace('<p>Welcome to the Harbourview Parks Board.</p>', '<p>Welcome to the Harbourview Parks Board. Hello</p>')),
  );
  expect(git(siteDir, 'log', '-1', '--format=%s', branch)).toContain('pages/about-us.md');
  expect(git(siteDir, 'rev-parse', 'main').trim()).toBe(publishedBefore);
  expect(readFileSync(join(siteDir, 'pages/about-us.md'), 'utf8')).toBe(aboutBefore);

  await adminContext.close();
  await editorContext.close();
});
