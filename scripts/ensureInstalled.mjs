// Installs what a fresh clone lacks: npm packages (when missing or older than the lock file), Debian's
// Chromium for the end-to-end tests, and Debian's kramdown, the renderer Jekyll publishes pages with
// (the tests' oracle for what a saved page becomes on the site), Debian's Jekyll for the build check before
// publishing, and a PostgreSQL for the team store's tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';

export function ensureNodeModules() {
  const marker = `${root}node_modules/.package-lock.json`;
  const lock = `${root}package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing npm packages…');
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs Debian packages when run as root; otherwise prints the command and returns false. */
function aptInstall(packages, why) {
  if (!isRoot()) {
    console.error(`${why}\nInstall with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`);
    return false;
  }
  console.log(`Installing ${packages.join(', ')} (apt)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  return update.status === 0 && install.status === 0;
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  return aptInstall(['chromium', 'fonts-liberation'], `The end-to-end tests need Debian's Chromium at ${CHROMIUM}.`) && existsSync(CHROMIUM);
}

const kramdownLoads = () =>
  spawnSync('ruby', ['-e', 'require "kramdown"; require "kramdown-parser-gfm"'], { stdio: 'ignore' }).status === 0;

/** Jekyll's kramdown (Ruby), which the publish-safety tests render every saved body with. */
export function ensureKramdown() {
  if (kramdownLoads()) return true;
  return (
    aptInstall(['ruby-kramdown', 'ruby-kramdown-parser-gfm'], "The publish-safety tests need Jekyll's kramdown (Debian's ruby-kramdown and ruby-kramdown-parser-gfm).") &&
    kramdownLoads()
  );
}

export const JEKYLL = '/usr/bin/jekyll';

/**
 * Debian's Jekyll: the review's build check builds a change set's site with it before publishing (the
 * editor runs without it and says the check is off), and its tests build real sites, so `npm test`
 * installs it. Only the command is needed: remote themes and plugins are switched off for the check.
 */
export function ensureJekyll() {
  if (existsSync(JEKYLL)) return true;
  return aptInstall(['jekyll'], `The build check before publishing and its tests need Debian's Jekyll at ${JEKYLL}.`) && existsSync(JEKYLL);
}

/** Whether something accepts connections at 127.0.0.1:5432. */
function postgresAnswers(timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 5432 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The team store's tests run on PostgreSQL too: 127.0.0.1:5432, database `test`, trust auth for
 * `postgres`. One that answers is used as it is (CI has one); else, as root on Debian, Debian's
 * `postgresql` is installed and started (through pg_ctlcluster: the server refuses to run as root).
 */
export async function ensurePostgres() {
  if (await postgresAnswers()) return true;
  if (!aptInstall(['postgresql'], 'The team store tests need PostgreSQL at 127.0.0.1:5432 with a database "test" (trust auth for user postgres).')) return false;
  const clusters = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  const [version, name] = (clusters[0] ?? '').split(/\s+/);
  if (!version || !name) {
    console.error('PostgreSQL was installed but has no cluster: run pg_createcluster --start <version> main.');
    return false;
  }
  // Trust for local TCP connections only: this is a throwaway test database on this machine.
  const hba = `/etc/postgresql/${version}/${name}/pg_hba.conf`;
  execFileSync('sh', ['-c', `grep -q '^host all all 127.0.0.1/32 trust' ${hba} || sed -i '1i host all all 127.0.0.1/32 trust' ${hba}`]);
  spawnSync('pg_ctlcluster', [version, name, 'restart'], { stdio: 'inherit' });
  spawnSync('su', ['postgres', '-c', 'createdb test'], { stdio: 'inherit' });
  return postgresAnswers(5000);
}
