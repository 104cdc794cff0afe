import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served two ways: by Electron's app:// protocol and by the
// browser-mode HTTP server. Relative asset paths (base './') work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:5180', '/files': 'http://127.0.0.1:5180' } },
});
