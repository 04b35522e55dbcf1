// Issue 2 target: the login page loads ≤ 450 KB of gzipped JavaScript. Builds the app and
// sums the gzip sizes of the entry chunk and everything it imports statically (what the
// browser must fetch before the login form shows); lazy screens are listed separately.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../local-stack/config.ts';
import type { BenchResult } from '../bench.ts';

interface Chunk { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }

export async function run(): Promise<BenchResult[]> {
  const out = path.join(ROOT, '.local', 'bench-dist');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--outDir', out, '--emptyOutDir', '--manifest', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, VITE_SUPABASE_URL: 'http://127.0.0.1:54321', VITE_SUPABASE_ANON_KEY: 'bench' },
    stdio: 'inherit',
  });
  const manifest = JSON.parse(readFileSync(path.join(out, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const gz = (file: string) => gzipSync(readFileSync(path.join(out, file))).length;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    manifest[key].imports?.forEach(visit);
  };
  Object.entries(manifest).filter(([, c]) => c.isEntry).forEach(([k]) => visit(k));
  const initial = [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const initialKb = initial.reduce((s, f) => s + gz(f), 0) / 1024;
  const lazy = Object.values(manifest).filter((c) => c.file.endsWith('.js') && !initial.includes(c.file));
  const lazyKb = lazy.reduce((s, c) => s + gz(c.file), 0) / 1024;
  return [
    { name: 'login page JavaScript (gzip, entry + static imports)', value: `${initialKb.toFixed(0)} KB`, target: '≤ 450 KB' },
    { name: 'lazy-loaded chunks (gzip, all screens together)', value: `${lazyKb.toFixed(0)} KB`, note: `${lazy.length} chunks` },
  ];
}
