// `npm run types`: writes src/types/database.ts with Supabase's own generator, the one
// `supabase gen types typescript` runs: @supabase/postgres-meta's server in type-generation
// mode, with the CLI's settings (schema public, one-to-one relationships detected). The CLI
// runs it in Docker; here it runs from node_modules against the local database (the running
// stack, or DATABASE_URL), so the file is what a hosted project with these migrations yields.
// `--check` exits 1 when the committed file differs (the test layer uses generateTypes()).
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ROOT, stackConfig } from './local-stack/config.ts';

export const TYPES_FILE = path.join(ROOT, 'src', 'types', 'database.ts');
const PG_META = path.join(ROOT, 'node_modules', '@supabase', 'postgres-meta', 'dist', 'server', 'server.js');

export function generateTypes(connectionString: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PG_META], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PG_META_DB_URL: connectionString,
        PG_META_GENERATE_TYPES: 'typescript',
        PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
        PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
        // postgres-meta adds a listener per query to its one-connection pool; not a leak
        NODE_NO_WARNINGS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || !out.includes('export type Database')) reject(new Error(`postgres-meta's type generator failed (exit ${code}):\n${err}`));
      // the generator ends with a blank line; the file ends with one newline
      else resolve(`${out.trimEnd()}\n`);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cfg = await stackConfig();
  const url = process.env.DATABASE_URL ?? cfg.dbUrl;
  const text = await generateTypes(url);
  if (process.argv.includes('--check')) {
    const current = await fs.readFile(TYPES_FILE, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('src/types/database.ts is out of date: run `npm run types`');
      process.exit(1);
    }
    console.log('src/types/database.ts is up to date');
  } else {
    await fs.mkdir(path.dirname(TYPES_FILE), { recursive: true });
    await fs.writeFile(TYPES_FILE, text);
    console.log(`wrote ${path.relative(ROOT, TYPES_FILE)}`);
  }
}
