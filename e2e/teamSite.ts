import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { testDatabaseTargets } from '../src/server/db/testDatabases.ts';
import { createChangeSetRoutes } from '../src/server/git/changeSetRoutes.ts';
import { openSiteRepository, type SiteRepository } from '../src/server/git/repository.ts';
import { teamReviewRoutes } from '../src/server/review/teamReview.ts';
import { startTeamHarness, type TeamHarness } from '../src/server/team/testTeamServer.ts';
import { appDir, root } from './fixtures.ts';

export const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });

const PASSWORD = 'correct horse battery staple';

/**
 * The sample site as an agency's repository: a seed committed once on `main`, and the server's clone of
 * it at `siteDir`. Everything lives under `base` (a fresh temporary folder) for the test to remove.
 */
export function sampleSiteRepository(prefix: string): { base: string; siteDir: string } {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const seed = join(base, 'seed');
  cpSync(join(root, 'sample-site'), seed, { recursive: true });
  git(seed, 'init', '-q', '-b', 'main');
  git(seed, 'add', '-A');
  git(seed, '-c', 'user.name=Publisher', '-c', 'user.email=publisher@agency.gov.sg', 'commit', '-q', '-m', 'Site as it was');
  const siteDir = join(base, 'site');
  execFileSync('git', ['clone', '-q', '--', seed, siteDir]);
  return { base, siteDir };
}

export interface ReviewSite {
  siteDir: string;
  repo: SiteRepository;
  h: TeamHarness;
  close(): Promise<void>;
}

/** The sample site's repository served by a team server (SQLite store) with change sets and review. */
export async function startReviewSite(prefix: string): Promise<ReviewSite> {
  const { base, siteDir } = sampleSiteRepository(prefix);
  const repo = await openSiteRepository({ siteDir, dataDir: join(base, 'changesets') });
  const sqlite = testDatabaseTargets.find((t) => t.name === 'sqlite')!;
  const h = await startTeamHarness(sqlite, {
    appDir,
    siteDir,
    ...teamReviewRoutes(repo, (ctx) => createChangeSetRoutes({ repo, authorOf: (c) => ctx.userOf(c) })),
  });
  return {
    siteDir,
    repo,
    h,
    async close() {
      await h.close();
      await repo.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** A browser context signed in through the API, with the account set up from its link's token (the sign-in screen has its own spec). */
export async function signedIn(h: TeamHarness, context: BrowserContext, token: string, name: string, email: string): Promise<BrowserContext> {
  const headers = { Origin: new URL(h.server.publicUrl).origin };
  expect((await context.request.post(`${h.server.publicUrl}/api/team/setup`, { data: { token, name, password: PASSWORD }, headers })).status()).toBe(200);
  expect((await context.request.post(`${h.server.publicUrl}/api/auth/sign-in/email`, { data: { email, password: PASSWORD }, headers })).status()).toBe(200);
  return context;
}

/** Replaces the text of the first card's title in the canvas. */
export async function retitleFirstCard(editor: Page, text: string) {
  const title = editor.locator('.ProseMirror .isomer-card-grid .isomer-card').first().locator('.isomer-card-title');
  await title.click({ clickCount: 3 });
  await editor.keyboard.type(text);
  await expect(title).toHaveText(text);
}

/** Saves the open page with the Save button and waits for "Saved". */
export async function saveInApp(editor: Page) {
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();
}

/** Asks for review of the saved changes, from the review bar, with one reviewer (the request's screen opens). */
export async function askForReview(editor: Page, title: string, reviewer: RegExp) {
  await editor.getByRole('button', { name: 'Ask for review' }).click();
  const ask = editor.getByRole('dialog', { name: 'Ask for review' });
  await ask.getByRole('textbox', { name: 'Title' }).fill(title);
  await ask.getByRole('checkbox', { name: reviewer }).check();
  await ask.getByRole('button', { name: 'Ask for review' }).click();
}
