/** Test helper: a site in a real git repository, pushed to a bare "remote", with a clone for publishing. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { FIXTURE_FILES, makeTestSite } from '../testSite.ts';
import { git } from './git.ts';

export const PUBLISHER = { GIT_AUTHOR_NAME: 'Publisher', GIT_AUTHOR_EMAIL: 'publisher@example.gov.sg', GIT_COMMITTER_NAME: 'Publisher', GIT_COMMITTER_EMAIL: 'publisher@example.gov.sg' };

export interface TestRepo {
  base: string;
  /** The site's working copy the server opens (a clone of the remote, on `main`). */
  siteDir: string;
  /** A bare repository standing for the agency's remote. */
  remote: string;
  /** Another clone, where a test plays someone publishing to `main`. */
  other: string;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** The fixture site without the folders a working copy cannot hold or would not commit. */
export function siteFiles(): Record<string, string | Uint8Array> {
  return Object.fromEntries(Object.entries(FIXTURE_FILES).filter(([rel]) => !/^(\.git|node_modules|_site)\//.test(rel)));
}

export async function makeTestRepo(files = siteFiles()): Promise<TestRepo> {
  const site = await makeTestSite(files);
  const seed = site.siteDir;
  await git(seed, ['init', '--quiet', '-b', 'main']);
  await git(seed, ['add', '-A']);
  await git(seed, ['commit', '--quiet', '-m', 'Site as it was'], { env: PUBLISHER });
  const remote = path.join(site.base, 'remote.git');
  await git(site.base, ['clone', '--quiet', '--bare', '--', seed, remote]);
  const siteDir = path.join(site.base, 'working-copy');
  const other = path.join(site.base, 'other');
  await git(site.base, ['clone', '--quiet', '--', remote, siteDir]);
  await git(site.base, ['clone', '--quiet', '--', remote, other]);
  const dataDir = path.join(site.base, 'data');
  await mkdir(dataDir);
  return { base: site.base, siteDir, remote, other, dataDir, cleanup: site.cleanup };
}

/** Commits `rel` with `text` in the other clone, pushes, and fast-forwards the working copy: the published branch moved. */
export async function publishElsewhere(t: TestRepo, edits: Record<string, string>): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  for (const [rel, text] of Object.entries(edits)) await writeFile(path.join(t.other, ...rel.split('/')), text);
  await git(t.other, ['add', '-A']);
  await git(t.other, ['commit', '--quiet', '-m', `Publish ${Object.keys(edits).join(', ')}`], { env: PUBLISHER });
  await git(t.other, ['push', '--quiet', 'origin', 'main']);
  await git(t.siteDir, ['pull', '--quiet', '--ff-only', 'origin', 'main']);
  return (await git(t.siteDir, ['rev-parse', 'main'])).stdout.trim();
}
