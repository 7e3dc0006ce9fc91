import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the benchmark's plain TipTap editor page into bench/dist-plain (see scripts/bench.mjs). */
export default defineConfig({
  root: fileURLToPath(new URL('./plain/', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist-plain/', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
