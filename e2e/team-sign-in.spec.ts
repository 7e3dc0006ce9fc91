import { expect, test } from '@playwright/test';
import { testDatabaseTargets } from '../src/server/db/testDatabases.ts';
import { mailText, startTeamHarness, type TeamHarness } from '../src/server/team/testTeamServer.ts';
import { appDir } from './fixtures.ts';

const sqlite = testDatabaseTargets.find((t) => t.name === 'sqlite')!;

let h: TeamHarness;
test.beforeEach(async () => {
  h = await startTeamHarness(sqlite, { appDir });
});
test.afterEach(async () => {
  await h.close();
});

test('the first admin opens the setup link, signs in and invites an editor, who signs in with an emailed code', async ({ browser }) => {
  const link = await h.createAdmin('ann@agency.gov.sg');
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(link);
  await expect(admin.getByRole('heading', { name: 'Set up your account' })).toBeVisible();
  await admin.getByLabel('Your name').fill('Ann Tan');
  await admin.getByLabel('Password (at least 12 characters)').fill('correct horse battery staple');
  await admin.getByLabel('Password again').fill('correct horse battery staple');
  await admin.getByRole('button', { name: 'Save password' }).click();
  await expect(admin.getByRole('heading', { name: 'Your account is ready' })).toBeVisible();
  await admin.getByRole('button', { name: 'Go to sign-in' }).click();

  await admin.getByRole('textbox', { name: 'Email' }).fill('ann@agency.gov.sg');
  await admin.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByText('Signed in as Ann Tan (admin)')).toBeVisible();
  // The session cookie is out of reach of page scripts.
  expect(await admin.evaluate(() => document.cookie)).not.toContain('session_token');

  await admin.getByRole('button', { name: 'People' }).click();
  const people = admin.getByRole('dialog', { name: 'People' });
  await people.getByRole('textbox', { name: 'Email', exact: true }).fill('bob@agency.gov.sg');
  await people.getByRole('button', { name: 'Invite' }).click();
  await expect(people.getByRole('status')).toHaveText('Invitation sent to bob@agency.gov.sg.');
  await expect(people.getByRole('cell', { name: 'bob@agency.gov.sg' })).toBeVisible();
  await expect(people.getByText('ann@agency.gov.sg: invite bob@agency.gov.sg')).toBeVisible();
  expect(mailText((await h.smtp.nextTo('bob@agency.gov.sg')).raw)).toContain('/account/setup#token=');

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await editor.goto(h.server.url);
  await editor.getByLabel('With a code sent by email').check();
  await editor.getByRole('textbox', { name: 'Email' }).fill('bob@agency.gov.sg');
  await editor.getByRole('button', { name: 'Send me a code' }).click();
  await expect(editor.getByRole('textbox', { name: 'Code' })).toBeVisible();
  const code = /code is (\d{6})/.exec(mailText((await h.smtp.nextTo('bob@agency.gov.sg')).raw))![1]!;
  await editor.getByRole('textbox', { name: 'Code' }).fill(code);
  await editor.getByRole('button', { name: 'Sign in' }).click();
  await expect(editor.getByText('Signed in as bob (editor)')).toBeVisible();
  await expect(editor.getByRole('button', { name: 'People' })).toHaveCount(0);

  await editor.getByRole('button', { name: 'Sign out' }).click();
  await expect(editor.getByRole('heading', { name: 'Sign in to edit the site' })).toBeVisible();
  await adminContext.close();
  await editorContext.close();
});
