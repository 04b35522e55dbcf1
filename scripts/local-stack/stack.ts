// Starts the whole local Supabase-compatible stack in dependency order and stops it again:
// Postgres → bootstrap → migrations → seed (fresh DB) → PostgREST → mail catcher → auth →
// edge functions → gateway.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { StackConfig } from './config.ts';
import { bootstrap, migrate, seed, startDatabase } from './db.ts';
import { discoverFunctions, startFunctions } from './functions.ts';
import { logger } from './log.ts';
import { startPostgrest } from './postgrest.ts';
import { startAuth } from './auth/server.ts';
import { startGateway } from './gateway.ts';
import { startMailCatcher } from './mail.ts';
import { createStorageHandler } from './storage.ts';
import { seedStorage } from './seed-storage.ts';
import type { Child } from './children.ts';

export interface StackOptions {
  reset?: boolean;
  /** log only errors (tests) */
  quiet?: boolean;
  /** extra ports that must be free too (e.g. the app's) */
  extraPorts?: number[];
}

export interface RunningStack {
  cfg: StackConfig;
  seeded: boolean;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {}

export async function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops processes a previous run of this stack left behind (e.g. after kill -9). */
async function reapLeftovers(cfg: StackConfig): Promise<void> {
  const pidFile = path.join(cfg.dataDir, 'pids.json');
  if (existsSync(pidFile)) {
    for (const pid of JSON.parse(readFileSync(pidFile, 'utf8')) as number[]) {
      if (alive(pid)) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
    await fs.rm(pidFile, { force: true });
  }
  const pgPid = path.join(cfg.dataDir, 'pgdata', 'postmaster.pid');
  if (existsSync(pgPid)) {
    const pid = Number(readFileSync(pgPid, 'utf8').split('\n')[0]);
    if (pid && alive(pid)) {
      process.kill(pid, 'SIGINT'); // fast shutdown
      for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startStack(cfg: StackConfig, opts: StackOptions = {}): Promise<RunningStack> {
  const quiet = opts.quiet ?? false;
  const log = (name: string) => logger(name, { quiet });
  const main = log('stack');
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  const mark = (k: string) => (timings[k] = Date.now() - t0);

  await reapLeftovers(cfg);
  const fns = discoverFunctions(cfg);
  const ports: Array<[string, number]> = [
    ['gateway', cfg.gatewayPort],
    ['postgres', cfg.dbPort],
    ['postgrest', cfg.restPort],
    ['postgrest admin', cfg.restAdminPort],
    ['auth', cfg.authPort],
    ['mail catcher (web)', cfg.mailPort],
    ['mail catcher (SMTP)', cfg.smtpPort],
    ...fns.map((f): [string, number] => [`function ${f.slug}`, f.port]),
    ...(opts.extraPorts ?? []).map((p): [string, number] => ['app', p]),
  ];
  for (const [what, port] of ports) {
    if (!(await portFree(cfg.host, port))) {
      throw new PortInUseError(`port ${port} (${what}) on ${cfg.host} is already in use — stop whatever holds it, or use another STACK_PORT_BASE`);
    }
  }

  const children: Child[] = [];
  const closers: Array<() => Promise<void>> = [];
  let database: Awaited<ReturnType<typeof startDatabase>> | undefined;
  const stop = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
    await Promise.all(children.map((c) => c.stop()));
    await database?.stop().catch(() => {});
    await fs.rm(path.join(cfg.dataDir, 'pids.json'), { force: true });
  };
  const rememberPids = () =>
    fs.writeFile(path.join(cfg.dataDir, 'pids.json'), JSON.stringify(children.map((c) => c.proc.pid).filter(Boolean)));

  try {
    const dbLog = log('postgres');
    database = await startDatabase(cfg, dbLog, { reset: opts.reset });
    mark('postgres');
    await bootstrap(cfg);
    await migrate(cfg, dbLog);
    mark('migrations');
    if (database.freshlyCreated) {
      await seed(cfg, dbLog);
      await seedStorage(cfg, log('storage'));
      mark('seed');
    }
    children.push(await startPostgrest(cfg, log('postgrest')));
    await rememberPids();
    mark('postgrest');
    children.push(await startMailCatcher(cfg, log('mail')));
    await rememberPids();
    // Auth believes X-Forwarded-For only from this stack's gateway: its address and a secret
    // made for this run.
    const gatewaySecret = randomBytes(32).toString('base64url');
    const auth = await startAuth(cfg, log('auth'), { trustedProxies: { addresses: [cfg.host], secret: gatewaySecret } });
    closers.push(() => auth.close());
    children.push(...(await startFunctions(cfg, fns, log('functions'))));
    await rememberPids();
    mark('functions');
    const storage = createStorageHandler(cfg, log('storage'));
    closers.push(() => storage.close());
    const gateway = await startGateway(cfg, log('gateway'), { functions: fns, storage: storage.handle, authProxySecret: gatewaySecret });
    closers.push(() => gateway.close());
    mark('ready');
    main.info(`ready in ${(timings.ready / 1000).toFixed(1)} s`);
    return { cfg, seeded: database.freshlyCreated, timings, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
