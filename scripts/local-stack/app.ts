// The panel as `npm start` serves it: the production build (one small entry, lazy screens,
// minified), built once and reused until what goes into it changes, served by `vite preview`.
// What goes into it: src/, public/, index.html, the Vite and TypeScript configuration, the
// locked dependencies and the API address and key baked into the bundle; their hash is kept
// beside the build. `npm run dev` (or `npm start -- --dev`) serves the development server
// with hot reload instead: every module a request of its own, seconds to a first page.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './config.ts';
import { startChild, waitForHttp, type Child } from './children.ts';
import type { Logger } from './log.ts';
import type { ServiceSpec } from './supervisor.ts';

const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];
const HASH_FILE = '.source-hash';
const vite = path.join(ROOT, 'node_modules', '.bin', 'vite');

function files(p: string): string[] {
  if (!existsSync(p)) return [];
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((f) => files(path.join(p, f)));
}

/** The hash of everything the build is made from (under `root`), the baked-in environment included. */
export function appSourceHash(env: Record<string, string>, root = ROOT): string {
  const h = createHash('sha256');
  for (const file of INPUTS.flatMap((i) => files(path.join(root, i)))) {
    h.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const k of Object.keys(env).sort()) h.update(`${k}=${env[k]}\0`);
  return h.digest('hex');
}

export interface AppBuild {
  outDir: string;
  /** false: the build on disk was made from the same sources and is reused */
  built: boolean;
  ms: number;
}

/**
 * Builds the app into `outDir` unless the build there was made from the same sources. The hash
 * is written last, so an interrupted build is made again next time.
 */
export async function ensureAppBuild(outDir: string, env: Record<string, string>, log: Logger, onChild?: (c: Child) => void): Promise<AppBuild> {
  const t0 = Date.now();
  const hash = appSourceHash(env);
  const hashFile = path.join(outDir, HASH_FILE);
  if (existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === hash && existsSync(path.join(outDir, 'index.html'))) {
    log.info(`reusing the production build in ${path.relative(ROOT, outDir)} (sources unchanged)`);
    return { outDir, built: false, ms: Date.now() - t0 };
  }
  log.info('building the app for production (once; reused until the sources change) …');
  await rm(hashFile, { force: true });
  const child = startChild('build', vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], log, {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  onChild?.(child);
  const { code, signal } = await child.exited;
  if (code !== 0) throw new Error(`the app did not build (vite build ${signal ? `stopped by ${signal}` : `exited ${code}`}); its messages are above`);
  await writeFile(hashFile, `${hash}\n`);
  log.info(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { outDir, built: true, ms: Date.now() - t0 };
}

export interface AppServiceOptions {
  host: string;
  port: number;
  env: Record<string, string>;
  /** where the build goes (per stack: the API address is baked in) */
  outDir: string;
  /** the Vite development server with hot reload instead of the build */
  dev?: boolean;
}

/** The app as a supervised service: the build (when needed), then `vite preview` on it. */
export function appService(opts: AppServiceOptions, log: Logger): ServiceSpec & { stopBuild(): Promise<void> } {
  let building: Child | undefined;
  return {
    name: 'app',
    spawn: async () => {
      const common = ['--host', opts.host, '--port', String(opts.port), '--strictPort'];
      const env = { ...process.env, ...opts.env };
      if (opts.dev) return startChild('vite', vite, common, log, { cwd: ROOT, env });
      await ensureAppBuild(opts.outDir, opts.env, log, (c) => (building = c));
      building = undefined;
      return startChild('preview', vite, ['preview', '--outDir', opts.outDir, ...common], log, { cwd: ROOT, env });
    },
    ready: (child) => waitForHttp(`http://${opts.host}:${opts.port}/`, 60_000, child),
    async stopBuild() {
      await building?.stop();
    },
  };
}
