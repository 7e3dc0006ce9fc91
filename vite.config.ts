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
    // A chunk loaded on demand has the list of what it imports written where it is loaded, so that all of
    // it is asked for at once. Only the page's own code (read and shown the moment a page opens) keeps
    // that list: the others cost the first load bytes, and a dialog's code is found by the browser a
    // step at a time. Their CSS is always listed (nothing else loads it).
    modulePreload: {
      polyfill: false,
      resolveDependencies: (chunk, deps, { hostType }) =>
        hostType === 'html' || /(?:^|\/)(?:pageCore|OpenPageEditor)-[^/]*\.js$/.test(chunk) ? deps : deps.filter((dep) => dep.endsWith('.css')),
    },
    // Fonts stay files: inlined into the CSS they would be downloaded up front, even the fallback
    // formats a browser never uses.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf|eot)$/.test(file) ? false : undefined),
  },
});
