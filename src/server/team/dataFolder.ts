/** Where team mode keeps its own state: a data folder outside the site (never committed with it). */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../paths.ts';

/** Default: beside the site folder, `<site>.isomer-editor/`. */
export function defaultDataDir(siteDir: string): string {
  const site = path.resolve(siteDir);
  return path.join(path.dirname(site), `${path.basename(site)}.isomer-editor`);
}

/** Makes the data folder; refuses one inside the site, where it could be committed and published. */
export function prepareDataDir(siteDir: string, dataDir: string): string {
  const site = path.resolve(siteDir);
  const data = path.resolve(dataDir);
  if (data === site || isInside(site, data)) throw new Error(`The data folder ${data} is inside the site folder: choose one outside it (--data).`);
  mkdirSync(data, { recursive: true, mode: 0o700 });
  return data;
}

/** The secret that signs session cookies: made once, kept readable only by the server's user. */
export function serverSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** Whether `dir` is (inside) a git working copy. */
export function isGitWorkingCopy(dir: string): boolean {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'true';
}

export const GIT_INIT_HOWTO = (dir: string) =>
  `${dir} is not a git working copy. Team mode saves every change as a git commit. Either clone the site's repository:\n` +
  `  git clone <the site's repository URL> ${dir}\n` +
  `or make this folder one:\n` +
  `  cd ${dir} && git init && git add -A && git commit -m "Site as it is"`;
