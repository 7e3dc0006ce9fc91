// Compares how soon two builds of the app make a bench page editable, for judging one change to opening:
// `node scripts/compareOpenings.mjs <appDirA> <appDirB> [--openings 20] [--page largest|stress]`.
// Both builds are served from one site and opened in one browser, taking turns (A B, B A, …), and each
// pair of openings gives a difference: its median says more than either median alone on a busy or
// small machine, where one opening can take twice another. Two identical builds differ by a few ms.
// Build the variants first, e.g. `npx vite build --outDir /tmp/app-a` before and after the change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';
import { ensureNodeModules } from './ensureInstalled.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { openings: { type: 'string', default: '20' }, page: { type: 'string', default: 'largest' } },
});
if (positionals.length !== 2) {
  process.stderr.write('usage: node scripts/compareOpenings.mjs <appDirA> <appDirB> [--openings 20] [--page largest|stress]\n');
  process.exit(2);
}
const OPENINGS = Math.max(1, Number(args.openings));
ensureNodeModules();
register();
const [{ startSiteServer }, { prepareBenchSite }, { editableWhenShown }, { chromium }, { default: playwrightConfig }] = await Promise.all([
  import('../src/server/siteServer.ts'),
  import('../bench/prepareSite.ts'),
  import('../bench/editableWhenShown.mjs'),
  import('@playwright/test'),
  import('../playwright.config.ts'),
]);

const siteDir = mkdtempSync(join(tmpdir(), 'isomer-compare-'));
const site = prepareBenchSite(siteDir);
const page = site.pages.find((p) => p.id === args.page);
if (!page) throw new Error(`--page takes ${site.pages.map((p) => p.id).join(' or ')}, not "${args.page}"`);
const servers = await Promise.all(positionals.map((dir) => startSiteServer({ siteDir, appDir: resolve(dir), port: 0 })));
const browser = await chromium.launch({ ...playwrightConfig.use.launchOptions, headless: true });

/** Navigation start to the first frame painted with the page's last block in the editable surface. */
async function editableAfter(server) {
  const context = await browser.newContext({ viewport: playwrightConfig.use.viewport });
  const tab = await context.newPage();
  await tab.addInitScript(editableWhenShown, { lastText: page.lastText });
  await tab.goto(`${server.url}?page=${encodeURIComponent(page.path).replace(/%2F/g, '/')}`);
  await tab.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 60_000, polling: 100 });
  const ready = await tab.evaluate(() => window.__bench.ready);
  await context.close();
  return ready;
}

const times = [[], []];
// (One opening of each first, not counted: the server reads its files and the browser starts up.)
for (const server of servers) await editableAfter(server);
for (let i = 0; i < OPENINGS; i++) {
  for (const which of i % 2 === 0 ? [0, 1] : [1, 0]) times[which].push(await editableAfter(servers[which]));
}
await browser.close();
await Promise.all(servers.map((server) => server.close()));
rmSync(siteDir, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const differences = times[0].map((a, i) => times[1][i] - a);
console.log(`${page.label}, ${OPENINGS} openings of each build, taking turns`);
console.log(`A ${positionals[0]}: editable after ${Math.round(median(times[0]))} ms (median)`);
console.log(`B ${positionals[1]}: editable after ${Math.round(median(times[1]))} ms (median)`);
console.log(`B − A, median of the paired differences: ${Math.round(median(differences))} ms`);
