import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { bundleSizePlugin } from './scripts/bundle-size-plugin.ts';

/** One build for the three Lit apps; the Hono server serves `dist/` (see server/http/static.ts). */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: '/',
  publicDir: false,
  plugins: [bundleSizePlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    rollupOptions: {
      input: {
        kiosk: resolve(import.meta.dirname, 'kiosk/index.html'),
        ticket: resolve(import.meta.dirname, 'kiosk/ticket.html'),
        signage: resolve(import.meta.dirname, 'signage/index.html'),
        staff: resolve(import.meta.dirname, 'staff/index.html'),
      },
    },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}`,
      '/t/': `http://127.0.0.1:${process.env.PORT ?? 3000}`,
      '/media': `http://127.0.0.1:${process.env.PORT ?? 3000}`,
      '/socket.io': { target: `ws://127.0.0.1:${process.env.PORT ?? 3000}`, ws: true },
    },
  },
});
