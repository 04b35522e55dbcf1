// `npm run stack -- [--name dev] [--port-base 54320] [--reset] [--no-app] [--no-serve] [--no-schedule]`
// Starts the local stack (and the Vite app unless --no-app) and supervises it until Ctrl-C:
// a process that dies is restarted (supervisor.ts). --no-serve only prepares the database
// (used by `npm run db:reset`) and exits. --no-schedule leaves the scheduled jobs off
// (measuring on a scale database: its timers would churn).
import { parseArgs } from 'node:util';
import path from 'node:path';
import { ROOT, stackConfig } from './config.ts';
import { startStack } from './stack.ts';
import { StackError } from './db.ts';
import { startChild, waitForHttp } from './children.ts';
import { logger } from './log.ts';
import { banner } from './banner.ts';
import type { ServiceSpec } from './supervisor.ts';

const { values } = parseArgs({
  options: {
    name: { type: 'string', default: process.env.STACK_NAME ?? 'dev' },
    'port-base': { type: 'string' },
    'app-port': { type: 'string' },
    reset: { type: 'boolean', default: false },
    'no-app': { type: 'boolean', default: false },
    'no-serve': { type: 'boolean', default: false },
    'no-schedule': { type: 'boolean', default: false },
  },
});

const log = logger('stack');
let cfg: Awaited<ReturnType<typeof stackConfig>>;
try {
  cfg = await stackConfig({
    name: values.name,
    portBase: values['port-base'] ? Number(values['port-base']) : undefined,
    appPort: values['app-port'] ? Number(values['app-port']) : undefined,
  });
} catch (e) {
  log.error(`could not start: ${(e as Error).message}`);
  process.exit(1);
}
const withApp = !values['no-app'] && !values['no-serve'];

const app: ServiceSpec = {
  name: 'app',
  spawn: () =>
    startChild('vite', path.join(ROOT, 'node_modules', '.bin', 'vite'),
      ['--host', cfg.host, '--port', String(cfg.appPort), '--strictPort'], logger('app'), {
        cwd: ROOT,
        env: { ...process.env, VITE_SUPABASE_URL: cfg.apiUrl, VITE_SUPABASE_ANON_KEY: cfg.publishableKey },
      }),
  ready: (child) => waitForHttp(`http://${cfg.host}:${cfg.appPort}/`, 60_000, child),
};

// Without these nothing answers: when the supervisor gives up on one, the stack stops.
const ESSENTIAL = new Set(['postgres', 'gateway']);
let stopping = false;
let stack: Awaited<ReturnType<typeof startStack>> | undefined;
const starting = new AbortController();

async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stopping…`);
  if (!stack) {
    starting.abort(); // startStack stops what it started, then rejects
    return;
  }
  await stack.stop();
  log.info('stopped');
  process.exit(code);
}
// The signals are ours, so the stop goes in order (app, gateway, functions, API, database).
// Only the listeners process.listeners() shows are replaced: tsx keeps a hidden one that tells
// its parent the signal arrived; without it tsx decides the child ignored Ctrl-C and SIGKILLs
// it mid-stop. beforeExit hooks go too: one would end the process while a stop awaits a child.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  for (const listener of process.listeners(sig)) process.off(sig, listener);
  process.on(sig, () => void shutdown(sig));
}
for (const listener of process.listeners('beforeExit')) process.off('beforeExit', listener);

try {
  stack = await startStack(cfg, {
    signal: starting.signal,
    reset: values.reset,
    extraPorts: withApp ? [cfg.appPort] : [],
    schedule: !values['no-schedule'] && !values['no-serve'],
    extraServices: withApp ? [app] : [],
    onEvent: (e) => {
      if (e.kind !== 'gave-up') return;
      if (ESSENTIAL.has(e.service)) {
        log.error(`nothing works without ${e.service}: stopping the stack. Fix what its lines above say, then start it again.`);
        void shutdown('gave up', 1);
      } else {
        log.error(`the stack goes on without ${e.service}; once its cause is fixed, restart the stack (Ctrl-C, then start it again)`);
      }
    },
  });
} catch (e) {
  if (starting.signal.aborted) {
    log.info('stopped');
    process.exit(130);
  }
  log.error(e instanceof StackError ? e.message : `could not start: ${(e as Error).stack ?? e}`);
  process.exit(1);
}

if (values['no-serve']) {
  await stack.stop();
  log.info('database ready (migrations and seed applied)');
  process.exit(0);
}

console.log(banner(cfg, { app: withApp, timings: stack.timings }));

