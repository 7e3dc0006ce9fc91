import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // TipTap and ProseMirror make one large editor chunk; settings panels and dialogs load on demand.
    chunkSizeWarningLimit: 1200,
  },
});
