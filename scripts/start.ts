// `npm start`: with VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY set (environment or
// .env/.env.local), only the app starts, against that project. Otherwise the embedded
// local stack starts too, with demo data and demo logins.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './local-stack/config.ts';

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
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

const child = url && key
  ? (console.log(`Using the Supabase project at ${url} (VITE_SUPABASE_URL); the local stack is not started.`),
    spawn(bin('vite'), ['--host', '127.0.0.1', '--port', '5173', '--strictPort'], { stdio: 'inherit', cwd: ROOT }))
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
