// Builds the renderer (React) into dist-renderer/, served by Electron and by the browser host.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist-renderer', emptyOutDir: true, sourcemap: false },
});
