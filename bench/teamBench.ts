/**
 * Team mode under load (`npm run bench -- --only team`): editors saving different pages of a generated
 * site at the same time through the real HTTP server, every save a commit in the editor's change set.
 * Each editor works as a person does: opens one of their pages (not timed), saves it 1 to 5 times a
 * few seconds apart (--save-every, 1000-3000 ms by default, drawn afresh before each save), then opens
 * the next; `--save-every 0` saves back to back, which measures how many commits the server can make.
 * Reports save-to-commit latency (p50/p95/max) of the saves (the PUT until its commit is on the
 * branch), commits per second, git processes per save, and checks that no write was lost: every
 * editor's branch holds exactly one commit per accepted save and each page's last saved text.
 * Then lists a generated site of --list-pages pages (10,000): GET /api/pages p95 through the change set
 * routes, and the CPU the watcher of outside changes costs on that site while nothing changes.
 * Prints one JSON line on stdout. Options: --editors N (20), --pages N (2000), --seconds N (60),
 * --save-every MIN-MAX (ms, 1000-3000; 0: back to back), --list-pages N (10000).
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createChangeSetRoutes } from '../src/server/git/changeSetRoutes.ts';
import { git } from '../src/server/git/git.ts';
import { openSiteRepository, type Editor } from '../src/server/git/repository.ts';
import { PageWatcher } from '../src/server/watcher.ts';

const { values: args } = parseArgs({
  options: {
    editors: { type: 'string', default: '20' },
    pages: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '60' },
    'save-every': { type: 'string', default: '1000-3000' },
    'list-pages': { type: 'string', default: '10000' },
  },
});
const EDITORS = Math.max(1, Number(args.editors));
const PAGES = Math.max(EDITORS, Number(args.pages));
const SECONDS = Math.max(1, Number(args.seconds));
const saveEvery = /^(\d+)(?:-(\d+))?$/.exec(args['save-every']!);
if (!saveEvery || Number(saveEvery[2] ?? saveEvery[1]) < Number(saveEvery[1])) throw new Error('--save-every takes MIN-MAX in milliseconds (1000-3000), or 0');
/** The pause before each save of an editor, drawn evenly from this range (ms). */
const SAVE_EVERY_MS = { min: Number(saveEvery[1]), max: Number(saveEvery[2] ?? saveEvery[1]) };
const LIST_PAGES = Math.max(1, Number(args['list-pages']));
export const TARGET_SAVE_P95_MS = 500;
export const TARGET_LIST_P95_MS = 300;

const log = (m: string) => process.stderr.write(`${m}\n`);
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const pagePath = (i: number) => `pages/page-${String(i).padStart(5, '0')}.md`;
const pageText = (i: number, note: string) =>
  `---\ntitle: Page ${i}\npermalink: /page-${i}/\nvariant: tiptap\n---\n<p>Page ${i} of the generated site.</p>\n<p>${note}</p>\n`;

/** CPU seconds of this process and its finished children (git), from /proc on Linux; null elsewhere. */
function cpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // utime, stime, cutime, cstime: fields 14-17 of the whole line, in clock ticks (100 per second).
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
  } catch {
    return null;
  }
}

async function makeSite(base: string, pages = PAGES, name = 'site'): Promise<string> {
  const siteDir = path.join(base, name);
  await mkdir(path.join(siteDir, 'pages'), { recursive: true });
  await writeFile(path.join(siteDir, '_config.yml'), 'title: Generated site\nurl: https://www.example.gov.sg\npermalink: none\n');
  for (let i = 0; i < pages; i++) await writeFile(path.join(siteDir, pagePath(i)), pageText(i, 'first version'));
  const env = { GIT_AUTHOR_NAME: 'Seed', GIT_AUTHOR_EMAIL: 'seed@example.gov.sg', GIT_COMMITTER_NAME: 'Seed', GIT_COMMITTER_EMAIL: 'seed@example.gov.sg' };
  await git(siteDir, ['init', '--quiet', '-b', 'main']);
  await git(siteDir, ['add', '-A']);
  await git(siteDir, ['commit', '--quiet', '-m', 'Generated site'], { env });
  return siteDir;
}

async function main() {
  const base = await mkdtemp(path.join(tmpdir(), 'isomer-team-bench-'));
  try {
    log(`▶ Generating a ${PAGES}-page site in a git repository`);
    const siteDir = await makeSite(base);
    let gitProcesses = 0;
    const repo = await openSiteRepository({ siteDir, dataDir: path.join(base, 'data'), onGitSpawn: () => void gitProcesses++ });
    const people: Editor[] = Array.from({ length: EDITORS }, (_, i) => ({ id: `editor-${i}`, name: `Editor ${i}`, email: `editor${i}@example.gov.sg` }));
    const app = createChangeSetRoutes({ repo, authorOf: (c) => people[Number(c.req.header('x-bench-editor'))] ?? null });
    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
      s.once('listening', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const mainBefore = (await git(siteDir, ['rev-parse', 'main'])).stdout.trim();

    log(`▶ Opening ${EDITORS} change sets (one worktree each)`);
    for (const p of people) await repo.changeSetFor(p);

    const pacing = SAVE_EVERY_MS.max === 0 ? 'back to back' : `every ${SAVE_EVERY_MS.min / 1000}-${SAVE_EVERY_MS.max / 1000} s`;
    log(`▶ ${EDITORS} editors saving different pages for ${SECONDS} s, each ${pacing}`);
    const latencies: number[] = [];
    const failures: string[] = [];
    const lastSaved = new Map<string, { editor: number; text: string }>();
    const savesBy = new Array<number>(EDITORS).fill(0);
    const pause = () => SAVE_EVERY_MS.min + Math.random() * (SAVE_EVERY_MS.max - SAVE_EVERY_MS.min);
    const cpuBefore = cpuSeconds();
    const gitBefore = gitProcesses;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      people.map(async (_, e) => {
        const own = Array.from({ length: Math.floor(PAGES / EDITORS) }, (_, k) => k * EDITORS + e);
        // Editors do not start in step: each begins somewhere in its first pause.
        await sleep(Math.random() * pause());
        for (let n = 0, p = 0; performance.now() < deadline; p++) {
          const i = own[p % own.length]!;
          const rel = pagePath(i);
          let etag = await etagOf(url, e, rel); // opening the page: not a save
          for (let k = 1 + Math.floor(Math.random() * 5); k > 0 && performance.now() < deadline; k--, n++) {
            await sleep(pause());
            const text = pageText(i, `save ${n} by editor ${e}`);
            const t0 = performance.now();
            const res = await fetch(`${url}/api/page?path=${encodeURIComponent(rel)}`, {
              method: 'PUT',
              headers: { 'x-bench-editor': String(e), 'Content-Type': 'application/json', 'If-Match': etag },
              body: JSON.stringify({ text }),
            });
            const body = (await res.json()) as { etag?: string; error?: string };
            if (res.status !== 200 || !body.etag) {
              failures.push(`${rel}: ${res.status} ${body.error ?? ''}`);
              break;
            }
            latencies.push(performance.now() - t0);
            etag = body.etag;
            lastSaved.set(rel, { editor: e, text });
            savesBy[e]!++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = cpuSeconds();
    const gitDuringSaves = gitProcesses - gitBefore;
    server.close();

    log('▶ Checking that every save is a commit and no write was lost');
    let lost = 0;
    let commits = 0;
    const list = repo.list();
    for (let e = 0; e < EDITORS; e++) {
      const branch = list.find((cs) => cs.owner.id === people[e]!.id)!.branch;
      const onBranch = Number((await git(siteDir, ['rev-list', '--count', `main..${branch}`])).stdout.trim());
      commits += onBranch;
      if (onBranch !== savesBy[e]) lost += Math.abs(savesBy[e]! - onBranch);
    }
    for (const [rel, { editor, text }] of lastSaved) {
      const branch = list.find((cs) => cs.owner.id === people[editor]!.id)!.branch;
      const stored = (await git(siteDir, ['cat-file', 'blob', `${branch}:${rel}`])).stdout;
      if (stored !== text) lost++;
    }
    const mainAfter = (await git(siteDir, ['rev-parse', 'main'])).stdout.trim();
    await repo.close();

    const p95 = percentile(latencies, 95);
    const result = {
      editors: EDITORS,
      pages: PAGES,
      seconds: Math.round(elapsed * 10) / 10,
      // What the editors did: the pause before each save, and the save rate that makes for all of them.
      savePacing: pacing,
      offeredSavesPerSecond: SAVE_EVERY_MS.max === 0 ? null : Math.round((EDITORS / ((SAVE_EVERY_MS.min + SAVE_EVERY_MS.max) / 2000)) * 10) / 10,
      saves: latencies.length,
      failedSaves: failures.length,
      commitsPerSecond: Math.round((commits / elapsed) * 10) / 10,
      saveToCommitMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(p95), max: Math.round(Math.max(...latencies)) },
      gitProcessesPerSave: latencies.length ? Math.round((gitDuringSaves / latencies.length) * 100) / 100 : null,
      lostWrites: lost,
      publishedBranchUnchanged: mainAfter === mainBefore,
      // CPU spent per save (server and git together): with the wall time, shows how busy the machine was.
      cpuMsPerSave: cpuBefore !== null && cpuAfter !== null && latencies.length ? Math.round(((cpuAfter - cpuBefore) * 1000) / latencies.length) : null,
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      targetSaveP95Ms: TARGET_SAVE_P95_MS,
      meetsTarget: p95 <= TARGET_SAVE_P95_MS && lost === 0 && failures.length === 0,
    };
    if (failures.length) log(`failed saves (first 5): ${failures.slice(0, 5).join('; ')}`);
    const verdict = (holds: boolean) => (holds ? '✓ holds' : '✗ misses');
    log(
      `Saves (${EDITORS} editors, ${PAGES} pages, each saving ${pacing}): ${result.saves} in ${result.seconds} s, ${result.commitsPerSecond} commits/s, ` +
        `${result.gitProcessesPerSave} git processes a save\n` +
        `  save to commit p50 ${result.saveToCommitMs.p50} ms, p95 ${result.saveToCommitMs.p95} ms (max ${result.saveToCommitMs.max}); ` +
        `target p95 ≤ ${TARGET_SAVE_P95_MS} ms ${verdict(p95 <= TARGET_SAVE_P95_MS)} (load average ${result.loadAverage} on this machine)\n` +
        `  lost writes ${lost}, failed saves ${failures.length}, published branch unchanged: ${result.publishedBranchUnchanged}; ` +
        `target none lost ${verdict(lost === 0 && failures.length === 0 && result.publishedBranchUnchanged)}`,
    );
    console.log(JSON.stringify({ ...result, listing: await listingBench(base) }));
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

/** Listing a large site through the change set routes, and the watcher's CPU cost while it is idle. */
async function listingBench(base: string) {
  log(`▶ Generating a ${LIST_PAGES}-page site for listing`);
  const siteDir = await makeSite(base, LIST_PAGES, 'large-site');
  const repo = await openSiteRepository({ siteDir, dataDir: path.join(base, 'large-data') });
  const editor: Editor = { id: 'lister', name: 'Lister', email: 'lister@example.gov.sg' };
  const app = createChangeSetRoutes({ repo, authorOf: () => editor });
  const cs = await repo.changeSetFor(editor);
  const times: number[] = [];
  let listed = 0;
  for (let n = 0; n < 30; n++) {
    const t0 = performance.now();
    const res = await app.fetch(new Request('http://127.0.0.1/api/pages'));
    listed = ((await res.json()) as { pages: unknown[] }).pages.length;
    times.push(performance.now() - t0);
  }

  log('▶ Measuring the CPU of noticing outside changes (10 s idle, polling every second)');
  const watcher = new PageWatcher(cs.dir);
  const stop = watcher.subscribe(() => {});
  await watcher.poll(); // the first full scan, not counted
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, 10_000));
  const cpu1 = cpuSeconds();
  const wall = (performance.now() - t0) / 1000;
  stop();
  watcher.close();
  await repo.close();
  const p95 = percentile(times, 95);
  return {
    pages: LIST_PAGES,
    listed,
    listApiMs: { p50: Math.round(percentile(times, 50)), p95: Math.round(p95) },
    targetListP95Ms: TARGET_LIST_P95_MS,
    meetsTarget: p95 <= TARGET_LIST_P95_MS && listed === LIST_PAGES,
    // Share of one core the watcher takes on this site while nothing changes.
    watcherCpuPercent: cpu0 !== null && cpu1 !== null ? Math.round(((cpu1 - cpu0) / wall) * 1000) / 10 : null,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function etagOf(url: string, editor: number, rel: string): Promise<string> {
  const res = await fetch(`${url}/api/page?path=${encodeURIComponent(rel)}`, { headers: { 'x-bench-editor': String(editor) } });
  return ((await res.json()) as { etag: string }).etag;
}

await main();
