// `npm start`: installs what is missing, builds, copies the sample site to a git-ignored working folder
// on first run, and serves the editor on it. Arguments go to `isomer-editor serve` (--port, --site, --host).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { ensureNodeModules, root } from './ensureInstalled.mjs';

ensureNodeModules();
console.log('Building the editor…');
execFileSync('node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

const args = process.argv.slice(2);
const workingCopy = `${root}.workspace/sample-site`;
if (!args.includes('--site') && !existsSync(workingCopy)) {
  cpSync(`${root}sample-site`, workingCopy, { recursive: true });
  console.log(`Copied the sample site to ${workingCopy}`);
}

const server = spawn('node', [`${root}bin/isomer-editor.js`, 'serve', ...args], { stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
