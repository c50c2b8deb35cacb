import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Built into console/dist, which the edge serves under /_slipway/console/ (src/console/static.ts).
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/_slipway/console/',
  plugins: [preact({ prerender: { enabled: false } })],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: true },
});
