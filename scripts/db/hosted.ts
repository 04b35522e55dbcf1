// The hosted-compat check: a throw-away Postgres cluster with a hosted Supabase project's role
// model, and the project's migrations and seed applied to it the way `supabase db push
// --include-seed` applies them. Run by the `hosted` layer of `npm test`
// (tests/hosted/push.test.ts) and by `npm run db:hosted`. What it emulates, and how, is in
// docs/HOSTED.md.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DB_PASSWORD, ROOT, stackConfig, type StackConfig } from '../local-stack/config.ts';
import { bootstrap, connect, MIGRATIONS_DIR, seedFiles, startDatabase } from '../local-stack/db.ts';
import { logger, type Logger } from '../local-stack/log.ts';
import { portFree } from '../local-stack/stack.ts';
import { execBatch, sendBatchPrepared } from './cli-protocol.ts';
import { splitStatements } from './cli-split.ts';

const HOSTED_ROLES_FILE = path.join(ROOT, 'scripts', 'db', 'hosted-roles.sql');
export const SUPERUSER = 'supabase_admin';
export const CLI_LOGIN = 'cli_login_postgres';

// supabase/cli pkg/migration/history.go
const CREATE_MIGRATION_TABLE = [
  "SET lock_timeout = '4s'",
  'CREATE SCHEMA IF NOT EXISTS supabase_migrations',
  'CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)',
  'ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[]',
  'ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text',
];
const INSERT_MIGRATION_VERSION = 'INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES($1, $2, $3)';
const CREATE_SEED_TABLE = [
  "SET lock_timeout = '4s'",
  'CREATE SCHEMA IF NOT EXISTS supabase_migrations',
  'CREATE TABLE IF NOT EXISTS supabase_migrations.seed_files (path text NOT NULL PRIMARY KEY, hash text NOT NULL)',
];
const UPSERT_SEED_FILE = 'INSERT INTO supabase_migrations.seed_files(path, hash) VALUES($1, $2) ON CONFLICT (path) DO UPDATE SET hash = EXCLUDED.hash';

export interface HostedCluster {
  cfg: StackConfig;
  /** a connection as the platform superuser, for checking the result */
  admin(): Promise<pg.Client>;
  /** a connection as the CLI's login role, already `SET SESSION ROLE postgres` */
  cli(): Promise<pg.Client>;
  stop(): Promise<void>;
}

/** Starts an empty cluster whose superuser is supabase_admin and gives it hosted's roles and grants. */
export async function startHostedCluster(portBase: number, log: Logger = logger('hosted', { quiet: true })): Promise<HostedCluster> {
  const cfg = await stackConfig({ name: 'hosted-compat', portBase, durable: false });
  if (!(await portFree(cfg.host, cfg.dbPort))) throw new Error(`port ${cfg.dbPort} is taken (HOSTED_PORT_BASE shifts it)`);
  const database = await startDatabase(cfg, log, { reset: true, superuser: SUPERUSER });
  const admin = async () => {
    const c = connect(cfg, SUPERUSER);
    await c.connect();
    return c;
  };
  try {
    // as Supabase's image does: postgres starts as a superuser owning the database, the
    // platform's init scripts run as it, then the platform demotes it
    const a = await admin();
    try {
      await a.query(`create role postgres superuser login password '${DB_PASSWORD}'`);
      await a.query('alter database postgres owner to postgres');
    } finally {
      await a.end();
    }
    await bootstrap(cfg);
    const b = await admin();
    try {
      await b.query(await fs.readFile(HOSTED_ROLES_FILE, 'utf8'));
      await b.query(`alter role ${CLI_LOGIN} password '${DB_PASSWORD}'`);
    } finally {
      await b.end();
    }
  } catch (e) {
    await database.stop();
    throw e;
  }
  return {
    cfg,
    admin,
    async cli() {
      const c = connect(cfg, CLI_LOGIN);
      await c.connect();
      await c.query('SET SESSION ROLE postgres'); // the CLI's AfterConnect for cli_login_* roles
      return c;
    },
    stop: () => database.stop(),
  };
}

// Statements supautils runs as the superuser for postgres (policy_grants, drop_trigger_grants):
// routed through supautils_emulation.as_superuser, which accepts the same tables.
const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
const PLATFORM_TABLE_DDL = /^(?:(?:create|alter|drop)\s+policy|drop\s+trigger)\s+(?:if\s+exists\s+)?(?:"[^"]+"|\w+)\s+on\s+("?(?:auth|storage)"?\."?\w+"?)/i;

export function viaSupautils(statement: string): string {
  const body = statement.replace(LEADING_COMMENTS, '');
  const m = PLATFORM_TABLE_DDL.exec(body);
  if (!m) return statement;
  let tag = '$supautils$';
  while (statement.includes(tag)) tag = tag.replace(/\$$/, '_$');
  return `select supautils_emulation.as_superuser(${tag}${body}${tag}, '${m[1]}')`;
}

/** set_config() of a superuser-only setting: hosted refuses it (supautils elevates a plain SET only). */
export async function superuserSetConfigs(client: pg.Client, statements: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>("select name from pg_settings where context = 'superuser'");
  const names = new Set(rows.map((r) => r.name.toLowerCase()));
  const found: string[] = [];
  for (const s of statements) {
    for (const m of s.matchAll(/set_config\s*\(\s*'([^']+)'/gi)) {
      if (names.has(m[1].toLowerCase())) found.push(`set_config('${m[1]}', …) in: ${s.slice(0, 120)}`);
    }
  }
  return found;
}

export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^\d+_.+\.sql$/.test(f)).sort().map((f) => path.join(dir, f)) : [];
}

export interface PushReport {
  migrations: string[];
  seeds: string[];
  /** problems found without running anything (set_config of superuser settings) */
  refused: string[];
  ms: { migrations: number; seed: number };
}

/**
 * `supabase db push --include-seed` against the cluster, as the CLI's login role: the
 * migration table, then each migration (RESET ALL, then one batch and one transaction per file,
 * its version recorded in the same batch), then each seed file as one prepared batch.
 */
export async function push(cluster: HostedCluster, log: Logger, opts: { seed?: boolean } = {}): Promise<PushReport> {
  const client = await cluster.cli();
  const report: PushReport = { migrations: [], seeds: [], refused: [], ms: { migrations: 0, seed: 0 } };
  try {
    let t = Date.now();
    await execBatch(client, CREATE_MIGRATION_TABLE.map((text) => ({ text })));
    for (const file of migrationFiles()) {
      const name = path.basename(file);
      const statements = splitStatements(await fs.readFile(file, 'utf8'));
      report.refused.push(...(await superuserSetConfigs(client, statements)).map((r) => `${name}: ${r}`));
      await client.query('RESET ALL');
      const [, version, label] = /^(\d+)_(.*)\.sql$/.exec(name)!;
      try {
        await execBatch(client, [
          ...statements.map((text) => ({ text: viaSupautils(text) })),
          { text: INSERT_MIGRATION_VERSION, values: [version, label, statements] },
        ]);
      } catch (e) {
        throw new Error(`migration ${name}: ${(e as Error).message}`, { cause: e });
      }
      report.migrations.push(name);
      log.info(`applied ${name}`);
    }
    report.ms.migrations = Date.now() - t;
    if (opts.seed === false) return report;
    t = Date.now();
    await execBatch(client, CREATE_SEED_TABLE.map((text) => ({ text })));
    for (const file of seedFiles()) {
      const rel = path.relative(path.join(ROOT, 'supabase'), file);
      const sql = await fs.readFile(file, 'utf8');
      const statements = splitStatements(sql);
      report.refused.push(...(await superuserSetConfigs(client, statements)).map((r) => `${rel}: ${r}`));
      const hash = createHash('sha256').update(sql).digest('hex');
      try {
        await sendBatchPrepared(client, [...statements.map((text) => ({ text })), { text: UPSERT_SEED_FILE, values: [rel, hash] }]);
      } catch (e) {
        throw new Error(`seed ${rel}: ${(e as Error).message}`, { cause: e });
      }
      report.seeds.push(rel);
      log.info(`seeded ${rel}`);
    }
    report.ms.seed = Date.now() - t;
  } finally {
    await client.end();
  }
  return report;
}

// `npm run db:hosted`: the check on its own, printing what it applied or where it failed.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const log = logger('hosted');
  const cluster = await startHostedCluster(Number(process.env.HOSTED_PORT_BASE ?? 44620), log);
  let code = 0;
  try {
    const r = await push(cluster, log, { seed: !process.argv.includes('--no-seed') });
    for (const x of r.refused) log.error(`hosted refuses ${x}`);
    log.info(`${r.migrations.length} migrations in ${(r.ms.migrations / 1000).toFixed(1)} s, ${r.seeds.length} seed files in ${(r.ms.seed / 1000).toFixed(1)} s`);
    code = r.refused.length ? 1 : 0;
  } catch (e) {
    log.error((e as Error).message);
    code = 1;
  } finally {
    await cluster.stop();
  }
  process.exit(code);
}
