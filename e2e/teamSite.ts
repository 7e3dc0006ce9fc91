import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './fixtures.ts';

export const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });

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
