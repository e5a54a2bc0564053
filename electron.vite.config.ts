import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const shared = { '@shared': resolve(__dirname, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // lowdb is ESM-only: bundle it into the CommonJS main build.
      externalizeDeps: { exclude: ['lowdb'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Article extraction runs in a worker thread so the main process stays responsive.
          'extract-worker': resolve(__dirname, 'src/core/clipper/extract-worker.ts'),
          // So does the tokenising of a search index rebuild.
          'index-worker': resolve(__dirname, 'src/core/search/index-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload cannot require packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: shared },
    plugins: [react()],
    build: {
      minify: true,
      // `assets/` is the library's (clip images, served by both doors): the app's own files go elsewhere.
      assetsDir: 'static',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
