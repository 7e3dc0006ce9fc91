#!/usr/bin/env node
// The command-line entry: runs the TypeScript sources directly, so there is no separate build for Node.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
// The registry's list of block folders is brought in step first: a folder added or removed since it was
// written would otherwise stop every command (or miss a block).
const { writeBlocksModule } = await import('../src/cli/blockFolders.ts');
try {
  writeBlocksModule(fileURLToPath(new URL('../extensions', import.meta.url)));
} catch {
  // A read-only install keeps the list it was published with.
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
