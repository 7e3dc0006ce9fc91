// `npm test`: installs what is missing, then type-checks, runs the unit tests, builds, and runs the
// end-to-end tests in Chromium. Ends with one line "N passed, N failed" counting every test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureJekyll, ensureKramdown, ensureNodeModules, ensurePostgres, root } from './ensureInstalled.mjs';

ensureNodeModules();
// Without it the oracle tests fail and say why: they are never skipped.
ensureKramdown();
// The build check's tests build real sites with Jekyll; without it they fail and say why.
ensureJekyll();
// Likewise the team store tests without PostgreSQL.
const postgresReady = await ensurePostgres();
if (!postgresReady) console.error('PostgreSQL is missing: the team store tests on PostgreSQL will fail.');
const reports = `${root}test-results/`;
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
// A missing PostgreSQL is a failure of its own, whatever the tests say.
let failed = postgresReady ? 0 : 1;
const run = (label, command, args, env = {}) => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
};
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

// The type check and the build each count as one test: either can fail on its own.
if (run('Type check', 'node', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'])) passed++;
else failed++;

const unitJson = `${reports}unit.json`;
const unitOk = run('Unit tests', 'node', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const unit = readJson(unitJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numTotalTestSuites > 0 && !unitOk && unit.numFailedTests === 0 ? 1 : 0);
} else failed++;

const built = run('Build', 'node', ['node_modules/vite/bin/vite.js', 'build']);
if (built) passed++;
else failed++;

if (!built) {
  console.error('The end-to-end tests need the build; they were not run.');
  failed++;
} else if (!ensureChromium()) {
  failed++;
} else {
  const e2eJson = `${reports}e2e.json`;
  run('End-to-end tests (Chromium)', 'node', ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  });
  const e2e = readJson(e2eJson);
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    // A test that passed only on its retry counts as passed, and is named so it is not forgotten.
    if (e2e.stats.flaky > 0) console.log(`\n${e2e.stats.flaky} end-to-end test(s) passed only on a retry (flaky): see the list above.`);
    failed += e2e.stats.unexpected;
    if (e2e.errors?.length) failed++;
  } else failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
