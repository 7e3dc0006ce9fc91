import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { blockFoldersPlugin } from './src/cli/blockFolders.ts';

export default defineConfig({
  root: '.',
  // The registry's list of block folders is written before each build and while serving, with the blocks
  // an isomer-editor.config names (in the folder the build runs from, or ISOMER_SITE_DIR).
  plugins: [react(), blockFoldersPlugin(fileURLToPath(new URL('./extensions', import.meta.url)), process.env['ISOMER_SITE_DIR'] ?? process.cwd())],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // TipTap and ProseMirror make one large editor chunk; settings panels and dialogs load on demand.
    chunkSizeWarningLimit: 1200,
    // No lists of what each lazily loaded chunk imports, written into the chunks that load it: they cost
    // the first load bytes, and the browser finds those imports itself (the page's own code is asked
    // for early anyway, as the page list loads). CSS of lazy chunks still loads with them.
    modulePreload: false,
    // Fonts stay files: inlined into the CSS they would be downloaded up front, even the fallback
    // formats a browser never uses.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf|eot)$/.test(file) ? false : undefined),
  },
});
