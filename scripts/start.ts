// `npm start`: with VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY set (environment or
// .env/.env.local), only the app starts, against that project. Otherwise the embedded
// local stack starts too, with demo data and demo logins. Either way the app is the
// production build, made once and reused until its sources change (local-stack/app.ts);
// `npm run dev` (`--dev`) serves the Vite development server with hot reload instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './local-stack/config.ts';
import { ensureAppBuild } from './local-stack/app.ts';
import { logger } from './local-stack/log.ts';

function fromDotenv(key: string): string | undefined {
  for (const file of ['.env.local', '.env']) {
    const p = path.join(ROOT, file);
    if (!existsSync(p)) continue;
    const m = readFileSync(p, 'utf8').match(new RegExp(`^\\s*${key}\\s*=\\s*"?([^"\\n]*)"?`, 'm'));
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

const url = process.env.VITE_SUPABASE_URL || fromDotenv('VITE_SUPABASE_URL');
const key = process.env.VITE_SUPABASE_ANON_KEY || fromDotenv('VITE_SUPABASE_ANON_KEY');
const dev = process.argv.includes('--dev');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const serve = ['--host', '127.0.0.1', '--port', process.env.APP_PORT ?? '5173', '--strictPort'];

async function hosted() {
  console.log(`Using the Supabase project at ${url} (VITE_SUPABASE_URL); the local stack is not started.`);
  if (dev) return spawn(bin('vite'), serve, { stdio: 'inherit', cwd: ROOT });
  const outDir = path.join(ROOT, '.local', 'app-hosted');
  await ensureAppBuild(outDir, { VITE_SUPABASE_URL: url!, VITE_SUPABASE_ANON_KEY: key! }, logger('app'));
  return spawn(bin('vite'), ['preview', '--outDir', outDir, ...serve], { stdio: 'inherit', cwd: ROOT });
}

const child = url && key
  ? await hosted()
  // The supervisor gets its own process group, so Ctrl-C reaches it once, from us, and not
  // Postgres and the rest directly: it stops them in order (app, functions, API, database).
  // node with tsx's loader rather than the tsx command, which SIGKILLs a child that takes a
  // second signal within 30 ms.
  : spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'local-stack', 'cli.ts'), ...process.argv.slice(2)], {
      stdio: 'inherit',
      cwd: ROOT,
      detached: true,
    });

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 1));
