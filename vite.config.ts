// Builds the renderer (React) into dist-renderer/, served by Electron and by the browser host.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist-renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1024 },
});
