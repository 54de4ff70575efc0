import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

// `/api/v1`, not `/api`: in dev the SPA's own modules are served from `/api/*.ts` (web/api/)
const apiProxy = {
  '/api/v1': { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false },
};

export default defineConfig({
  root: fromRoot('./web'),
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // antd is large; the entry carries the shell, every route is its own chunk
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
});
