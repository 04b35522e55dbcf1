// Starts the whole local Supabase-compatible stack in dependency order and keeps it running:
// Postgres → bootstrap → migrations → seed (fresh DB) → PostgREST, mail catcher, auth,
// storage, edge functions → gateway → schedule. Every one of them is a child process the supervisor
// watches and restarts when it dies (supervisor.ts); adding one is one entry in `services`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { StackConfig } from './config.ts';
import { bootstrap, checkpoint, migrate, postgresLayout, postgresService, prepareCluster, seed, StackError } from './db.ts';
import { discoverFunctions, functionServices } from './functions.ts';
import { logger } from './log.ts';
import { mailService } from './mail.ts';
import { postgrestService } from './postgrest.ts';
import { nodeService } from './service.ts';
import { seedStorage } from './seed-storage.ts';
import { Supervisor, type ServiceSpec, type SupervisorEvent } from './supervisor.ts';

export interface StackOptions {
  reset?: boolean;
  /** log only errors (tests) */
  quiet?: boolean;
  /** extra ports that must be free too (e.g. the app's) */
  extraPorts?: number[];
  /** seed a freshly created database (default true) */
  seed?: boolean;
  /** run the scheduled jobs (the CLI does; tests call the functions themselves) */
  schedule?: boolean;
  /** more supervised processes, started after the gateway (the CLI's Vite app) */
  extraServices?: ServiceSpec[];
  /** crashes, restarts, recoveries and give-ups of any supervised process */
  onEvent?(e: SupervisorEvent): void;
  /** stops a start under way (Ctrl-C while it seeds): startStack then rejects */
  signal?: AbortSignal;
}

export interface RunningStack {
  cfg: StackConfig;
  seeded: boolean;
  timings: Record<string, number>;
  supervisor: Supervisor;
  stop(): Promise<void>;
}

export class PortInUseError extends StackError {}

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
  } catch {
    return false;
  }
  // a zombie (dead, its parent gone and not yet reaped by init) holds no port or file
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitGone(pids: number[], ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end && pids.some(alive); ) await new Promise((r) => setTimeout(r, 50));
}

/** Stops processes a previous run of this stack left behind (its supervisor was killed with -9). */
async function reapLeftovers(cfg: StackConfig): Promise<void> {
  // Postgres first, with its fast shutdown: a SIGKILL would cost a crash recovery
  const pgPid = path.join((await postgresLayout(cfg)).pgData, 'postmaster.pid');
  if (existsSync(pgPid)) {
    const pid = Number(readFileSync(pgPid, 'utf8').split('\n')[0]);
    if (pid && alive(pid)) {
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
  }
  const pidFile = path.join(cfg.dataDir, 'pids.json');
  if (existsSync(pidFile)) {
    const pids = (JSON.parse(readFileSync(pidFile, 'utf8')) as number[]).filter(alive);
    for (const pid of pids) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    await waitGone(pids); // their ports are free once they are gone
    await fs.rm(pidFile, { force: true });
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
    ['storage', cfg.storagePort],
    ...fns.map((f): [string, number] => [`function ${f.slug}`, f.port]),
    ...(opts.extraPorts ?? []).map((p): [string, number] => ['app', p]),
  ];
  for (const [what, port] of ports) {
    if (!(await portFree(cfg.host, port))) {
      throw new PortInUseError(`port ${port} (${what}) on ${cfg.host} is already in use — stop whatever holds it, or use another STACK_PORT_BASE`);
    }
  }

  const rememberPids = () => {
    void fs.writeFile(path.join(cfg.dataDir, 'pids.json'), JSON.stringify(supervisor.pids())).catch(() => {});
  };
  const supervisor = new Supervisor(main, { onEvent: opts.onEvent, onSpawn: rememberPids });
  const stop = async () => {
    await supervisor.stop();
    await fs.rm(path.join(cfg.dataDir, 'pids.json'), { force: true });
  };
  opts.signal?.addEventListener('abort', () => void supervisor.stop(), { once: true });

  try {
    const dbLog = log('postgres');
    const fresh = await prepareCluster(cfg, dbLog, { reset: opts.reset });
    const rest = postgrestService(cfg, log('postgrest'));
    await supervisor.start({
      ...(await postgresService(cfg, dbLog)),
      // PostgREST retries with growing pauses (1, 2, 4 … 32 s): when its next try is more than
      // a moment away, a fresh PostgREST connects at once instead
      onRestarted: async () => {
        const wait = rest.nextRetryAt() - Date.now();
        if (wait > 2000) await supervisor.restart('postgrest', `its next try to reconnect is ${Math.round(wait / 1000)} s away`);
      },
    });
    mark('postgres');
    await bootstrap(cfg);
    const applied = await migrate(cfg, dbLog);
    mark('migrations');
    const seeded = fresh && opts.seed !== false;
    if (seeded) {
      await seed(cfg, dbLog);
      await seedStorage(cfg, log('storage'));
      mark('seed');
    }
    // a crash soon after this start must not replay the schema build (or seed) from the WAL
    if (fresh || applied.length > 0) await checkpoint(cfg);
    // The API servers start side by side; the gateway, which fronts them, after them. A new
    // process (e.g. a mail catcher) is one more entry here: a ServiceSpec, i.e. how to spawn it
    // (startChild, or nodeService for one in service.ts) and how to tell it serves.
    // Auth believes X-Forwarded-For only from this stack's gateway: its address and a secret
    // made for this run, which both processes inherit.
    process.env.STACK_GATEWAY_SECRET = randomBytes(32).toString('base64url');
    const services: ServiceSpec[] = [
      rest,
      mailService(cfg, log('mail')),
      nodeService(cfg, 'auth', log('auth')),
      nodeService(cfg, 'storage', log('storage')),
      ...functionServices(cfg, fns, log('functions')),
    ];
    await Promise.all(services.map((s) => supervisor.start(s)));
    mark('functions');
    await supervisor.start(nodeService(cfg, 'gateway', log('gateway')));
    for (const extra of [
      ...(opts.schedule ? [nodeService(cfg, 'schedule', log('schedule'))] : []),
      ...(opts.extraServices ?? []),
    ]) {
      await supervisor.start(extra);
    }
    mark('ready');
    main.info(`ready in ${(timings.ready / 1000).toFixed(1)} s`);
    return { cfg, seeded, timings, supervisor, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
