/**
 * Builds one commit of a site with Debian's Jekyll, offline, and says what is wrong with it: build
 * errors (Liquid, YAML) and links to pages that do not exist. The commit's files are copied out of git
 * into a temporary folder (the site's working copy and the change sets' worktrees are never touched)
 * and built there in safe mode (no plugins of the site's own, no symlinks). Isomer sites take their
 * layouts from a remote theme and use plugins that need the network: an extra configuration file
 * switches both off, so what is checked is the site's own pages, data and includes.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml, parseDocument, stringify } from 'yaml';
import { git } from '../git/git.ts';
import { isInside } from '../paths.ts';
import { walkFiles } from '../walkFiles.ts';
import { brokenLinks, type BrokenLink } from './builtLinks.ts';
import { crashMessage, readBuildLog, type BuildProblem } from './buildLog.ts';

export const JEKYLL = '/usr/bin/jekyll';
export const BUILD_TIMEOUT_MS = 120_000;
/** Pages whose Liquid stops the build are built without it and the build run again, this many times at most, to find the rest. */
const MAX_RETRIES = 5;
const MAX_LOG = 1024 * 1024;

export interface BuildReport {
  commit: string;
  /** `failed`: the build stopped (publishing would not update the site); `warnings`: it built, with problems. */
  outcome: 'passed' | 'warnings' | 'failed';
  problems: BuildProblem[];
  brokenLinks: BrokenLink[];
  /** Whether the links were checked (not when the build failed before writing the pages). */
  linksChecked: boolean;
  /** Includes the site does not have, taken to come from its theme (left empty in the offline build). */
  themeIncludes: string[];
  durationMs: number;
}

export interface BuildOptions {
  jekyll?: string;
  timeoutMs?: number;
}

/** Tags of the plugins Isomer sites list, which the offline build leaves out: they print nothing. */
const RUBY_STUBS = `require 'jekyll'
module IsomerBuildCheck
  class QuietTag < Liquid::Tag
    def render(_context)
      ''
    end
  end
end
%w[feed_meta seo asset asset_path].each do |name|
  Liquid::Template.register_tag(name, IsomerBuildCheck::QuietTag) unless Liquid::Template.tags[name]
end
`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Copies the files of `commit` into `dir` through a private index: no worktree, no working copy. */
async function exportCommit(siteDir: string, commit: string, work: string, dir: string): Promise<void> {
  const env = { GIT_INDEX_FILE: path.join(work, 'index') };
  await git(siteDir, ['read-tree', commit], { env });
  await git(siteDir, ['checkout-index', '--all', '--force', `--prefix=${dir}/`], { env });
}

/** YAML files Jekyll reads as a whole (a mistake in one stops the build), checked first so the report names the file. */
async function yamlProblems(source: string): Promise<BuildProblem[]> {
  const problems: BuildProblem[] = [];
  const files: string[] = [];
  await walkFiles(source, '', {
    skip: (name, depth) => name.startsWith('.') || (depth === 0 && !name.startsWith('_')),
    onFile: (_abs, rel) => void ((rel === '_config.yml' || /^_data\/.*\.ya?ml$/i.test(rel) || /^_[^/]+\/collection\.yml$/.test(rel)) && files.push(rel)),
  });
  for (const rel of files.sort()) {
    const doc = parseDocument(await readFile(path.join(source, rel), 'utf8'));
    const err = doc.errors[0];
    if (err) problems.push({ kind: 'yaml', fatal: true, file: rel, message: `Not valid YAML: ${err.message.split('\n')[0]}` });
  }
  return problems;
}

/** The extra configuration: no remote theme or plugins, safe mode, and the collections of `_<name>/collection.yml`. */
async function overrideConfig(source: string, config: Record<string, unknown>): Promise<Record<string, unknown>> {
  const declared = isObject(config['collections']) ? config['collections'] : Array.isArray(config['collections']) ? null : {};
  const collections: Record<string, unknown> = {};
  if (declared) {
    await walkFiles(source, '', {
      skip: (name, depth) => depth > 1 || (depth === 0 && !name.startsWith('_')),
      onFile: async (abs, rel) => {
        if (!/^_[^/]+\/collection\.yml$/.test(rel)) return;
        try {
          const data = parseYaml(await readFile(abs, 'utf8')) as unknown;
          const all = isObject(data) && isObject(data['collections']) ? data['collections'] : {};
          for (const [name, settings] of Object.entries(all)) {
            if (name in declared) continue;
            const { order: _order, ...rest } = isObject(settings) ? settings : {};
            collections[name] = { output: true, ...rest };
          }
        } catch {
          // reported by yamlProblems
        }
      },
    });
  }
  return { remote_theme: null, theme: null, plugins: [], whitelist: [], safe: true, incremental: false, disable_disk_cache: true, ...(Object.keys(collections).length ? { collections } : {}) };
}

/** Includes that pages, layouts and includes use but the site does not have: its theme's. They are made empty. */
async function stubThemeIncludes(source: string): Promise<string[]> {
  const wanted = new Set<string>();
  await walkFiles(source, '', {
    skip: (name) => name.startsWith('.') || name === '_site' || name === 'node_modules',
    onFile: async (abs, rel) => {
      if (!/\.(md|markdown|html?)$/i.test(rel)) return;
      const text = await readFile(abs, 'utf8');
      for (const m of text.matchAll(/\{%-?\s*include\s+([\w./-]+)/g)) wanted.add(m[1]!);
    },
  });
  const made: string[] = [];
  const includes = path.join(source, '_includes');
  for (const name of [...wanted].sort()) {
    const abs = path.join(includes, name);
    if (name.split('/').includes('..') || !isInside(includes, abs) || existsSync(abs)) continue;
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, '');
    made.push(name);
  }
  return made;
}

interface Run {
  code: number | null;
  log: string;
  timedOut: boolean;
}

function runJekyll(args: string[], cwd: string, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('ruby', args, {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: cwd, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', JEKYLL_ENV: 'production' },
    });
    let log = '';
    const take = (chunk: Buffer) => void (log.length < MAX_LOG && (log += chunk.toString('utf8')));
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, log: `${log}\nError: ${err.message}`, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log, timedOut });
    });
  });
}

/**
 * Keeps a page's front matter (its address stays) and shows its body without running its Liquid, so
 * the next build gets past it and the page's links are still checked.
 */
async function withoutLiquid(source: string, rel: string): Promise<boolean> {
  if (/^_(layouts|includes)\//.test(rel)) return false;
  const abs = path.join(source, rel);
  if (!isInside(source, abs) || !existsSync(abs)) return false;
  const text = await readFile(abs, 'utf8');
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!m || text.slice(m[0].length).startsWith('{% raw %}')) return false;
  const body = text.slice(m[0].length).replace(/\{%-?\s*(end)?raw\s*-?%\}/g, '');
  await writeFile(abs, `${m[0]}{% raw %}${body}{% endraw %}`);
  return true;
}

const key = (p: BuildProblem) => `${p.kind}\n${p.file ?? ''}\n${p.message}`;

const WORK_PREFIX = 'isomer-build-';

/** Build folders left by a server that stopped mid-build: an hour old is long past any build's time limit. */
async function removeStaleWork(): Promise<void> {
  const entries = await readdir(tmpdir(), { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith(WORK_PREFIX)) continue;
    const dir = path.join(tmpdir(), e.name);
    const info = await stat(dir).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

export async function buildCommit(siteDir: string, commit: string, opts: BuildOptions = {}): Promise<BuildReport> {
  const started = Date.now();
  const jekyll = opts.jekyll ?? JEKYLL;
  await removeStaleWork();
  const work = await mkdtemp(path.join(tmpdir(), WORK_PREFIX));
  try {
    const source = path.join(work, 'site');
    const built = path.join(work, 'built');
    await exportCommit(siteDir, commit, work, source);
    const problems = await yamlProblems(source);
    const configFile = path.join(source, '_config.yml');
    let config: Record<string, unknown> = {};
    if (existsSync(configFile)) {
      try {
        const data = parseYaml(await readFile(configFile, 'utf8')) as unknown;
        if (isObject(data)) config = data;
      } catch {
        // Jekyll says so too; the report already names the file.
      }
    }
    const override = path.join(work, 'offline.yml');
    await writeFile(override, stringify(await overrideConfig(source, config)));
    const stubs = path.join(work, 'quiet-plugin-tags.rb');
    await writeFile(stubs, RUBY_STUBS);
    const themeIncludes = await stubThemeIncludes(source);
    const configs = existsSync(configFile) ? `${configFile},${override}` : override;
    const args = ['-r', stubs, jekyll, 'build', '--safe', '--source', source, '--destination', built, '--config', configs];

    const seen = new Set(problems.map(key));
    let run: Run | undefined;
    let failed = false;
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      run = await runJekyll(args, work, opts.timeoutMs ?? BUILD_TIMEOUT_MS);
      if (run.timedOut) {
        problems.push({ kind: 'build', fatal: true, file: null, message: `The build took longer than ${Math.round((opts.timeoutMs ?? BUILD_TIMEOUT_MS) / 1000)} seconds and was stopped.` });
        failed = true;
        break;
      }
      const found = readBuildLog(run.log, source, built);
      for (const p of found) if (!seen.has(key(p))) (seen.add(key(p)), problems.push(p));
      if (run.code === 0) break;
      failed = true;
      const stopper = found.find((p) => p.fatal && p.kind === 'liquid' && p.file);
      if (!found.some((p) => p.fatal)) {
        const crash = crashMessage(run.log)?.split(`${work}/`).join('') ?? null;
        const named = problems.some((p) => p.fatal && p.kind === 'yaml');
        if (!(named && /Psych::SyntaxError/.test(run.log))) {
          problems.push({ kind: 'build', fatal: true, file: null, message: crash ?? (run.log.trim().split('\n').slice(-3).join(' ') || `Jekyll stopped (exit code ${String(run.code)}).`) });
        }
      }
      // Past that page the build goes on: its other errors and its links are still worth knowing.
      if (!stopper || attempt === MAX_RETRIES || !(await withoutLiquid(source, stopper.file!))) break;
    }
    const finished = run?.code === 0;
    const links = finished ? await brokenLinks(built, source, typeof config['baseurl'] === 'string' ? config['baseurl'] : '') : [];
    const outcome = failed || problems.some((p) => p.fatal) ? 'failed' : problems.length || links.length ? 'warnings' : 'passed';
    return { commit, outcome, problems, brokenLinks: links, linksChecked: finished, themeIncludes, durationMs: Date.now() - started };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Whether the build check can run on this machine. */
export const jekyllInstalled = (jekyll = JEKYLL) => existsSync(jekyll);
