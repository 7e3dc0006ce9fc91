/** Test helper: a site in real git (bare remote and clones), a real store and a real SMTP server, with a review service. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appendAudit } from '../db/auditLog.ts';
import { BuildChecks } from '../build/buildChecks.ts';
import type { TeamDatabase } from '../db/openDatabase.ts';
import { openTestDatabase, type TestDatabaseTarget } from '../db/testDatabases.ts';
import { git } from '../git/git.ts';
import { openSiteRepository, type SiteRepository } from '../git/repository.ts';
import { makeTestRepo, type TestRepo } from '../git/testRepo.ts';
import { smtpTransport } from '../mail/mailTransport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/testSmtpServer.ts';
import { ReviewService, type ReviewUser } from './reviewService.ts';

export const ANNA: ReviewUser = { id: 'u-anna', name: 'Anna Tan', email: 'anna@example.gov.sg', role: 'editor' };
export const BALA: ReviewUser = { id: 'u-bala', name: 'Bala Kumar', email: 'bala@example.gov.sg', role: 'admin' };
export const CHEN: ReviewUser = { id: 'u-chen', name: 'Chen Wei', email: 'chen@example.gov.sg', role: 'admin' };
export const DEVI: ReviewUser = { id: 'u-devi', name: 'Devi Nair', email: 'devi@example.gov.sg', role: 'editor' };
export const PEOPLE = [ANNA, BALA, CHEN, DEVI];

export const PAGE = '_about/Who we are?.md';
export const pageText = (body: string) => `---\ntitle: Who we are?\npermalink: /about/who-we-are/\nvariant: tiptap\n---\n${body}`;

export interface ReviewFixture {
  t: TestRepo;
  repo: SiteRepository;
  database: TeamDatabase;
  smtp: TestSmtpServer;
  service: ReviewService;
  /** Saves `text` to `rel` in the change set of `user`, as one commit. */
  save(user: ReviewUser, rel: string, text: string): Promise<void>;
  out(cwd: string, ...args: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function reviewFixture(target: TestDatabaseTarget, opts: { buildChecks?: boolean } = {}): Promise<ReviewFixture> {
  const t = await makeTestRepo();
  const repo = await openSiteRepository({ siteDir: t.siteDir, dataDir: t.dataDir });
  const database = await openTestDatabase(target);
  const smtp = await startTestSmtpServer();
  const service = new ReviewService({
    db: database.db,
    repo,
    mail: smtpTransport({ url: smtp.url, from: 'Editor <no-reply@example.gov.sg>' }),
    audit: (e) => appendAudit(database.db, e),
    people: async () => PEOPLE,
    publicUrl: 'http://editor.example.gov.sg',
    ...(opts.buildChecks ? { buildChecks: new BuildChecks(t.siteDir) } : {}),
  });
  return {
    t,
    repo,
    database,
    smtp,
    service,
    async save(user, rel, text) {
      const cs = await repo.changeSetFor(user);
      await writeFile(path.join(cs.dir, ...rel.split('/')), text);
      await repo.commit(cs, [rel], `Save ${rel}`, user);
    },
    out: async (cwd, ...args) => (await git(cwd, args)).stdout,
    async close() {
      await repo.close();
      await smtp.close();
      await database.close();
      await t.cleanup();
    },
  };
}

