// One Node service of the stack in a process of its own, so the supervisor can watch it,
// and restart it when it dies, like any other child:
//   node --import tsx scripts/local-stack/service.ts <auth|storage|gateway|schedule>
// The supervisor passes the stack's config in STACK_CONFIG and waits for the 'ready' message.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ROOT, type StackConfig } from './config.ts';
import { startChild, type Child } from './children.ts';
import { discoverFunctions } from './functions.ts';
import { logger, type Logger } from './log.ts';
import type { ServiceSpec } from './supervisor.ts';

export type NodeServiceName = 'auth' | 'storage' | 'gateway' | 'schedule';

const SELF = fileURLToPath(import.meta.url);

async function run(name: NodeServiceName, cfg: StackConfig, log: Logger): Promise<{ close(): Promise<void> | void }> {
  switch (name) {
    case 'auth': {
      const { startAuth } = await import('./auth/server.ts');
      const secret = process.env.STACK_GATEWAY_SECRET;
      return startAuth(cfg, log, secret ? { trustedProxies: { addresses: [cfg.host], secret } } : {});
    }
    case 'storage': {
      const { startStorage } = await import('./storage.ts');
      return startStorage(cfg, log);
    }
    case 'gateway': {
      const { startGateway } = await import('./gateway.ts');
      return startGateway(cfg, log, { functions: discoverFunctions(cfg), authProxySecret: process.env.STACK_GATEWAY_SECRET });
    }
    case 'schedule': {
      const { startSchedule } = await import('./schedule.ts');
      const schedule = await startSchedule(cfg, log, discoverFunctions(cfg).map((f) => f.slug));
      return { close: () => schedule.stop() };
    }
  }
}

/** The supervisor's entry for a Node service: spawn this file, ready when it says so. */
export function nodeService(cfg: StackConfig, name: NodeServiceName, log: Logger): ServiceSpec {
  return {
    name,
    spawn: () =>
      startChild(name, process.execPath, ['--import', 'tsx', SELF, name], log, {
        cwd: ROOT,
        env: { ...process.env, STACK_CONFIG: JSON.stringify(cfg), STACK_LOG_BARE: '1' },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      }),
    ready: (child: Child) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not say it was ready within 60 s`)), 60_000);
        child.proc.on('message', (m) => {
          if ((m as { ready?: boolean })?.ready) {
            clearTimeout(timer);
            resolve();
          }
        });
        void child.exited.then((e) => {
          clearTimeout(timer);
          reject(new Error(`${name} ${e.signal ? `was killed by ${e.signal}` : `exited with code ${e.code}`} while starting`));
        });
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const name = process.argv[2] as NodeServiceName;
  const cfg = JSON.parse(process.env.STACK_CONFIG ?? 'null') as StackConfig | null;
  if (!cfg || !['auth', 'storage', 'gateway', 'schedule'].includes(name)) {
    console.error('usage: STACK_CONFIG=<json> node --import tsx scripts/local-stack/service.ts <auth|storage|gateway|schedule>');
    process.exit(2);
  }
  const log = logger(name);
  const handle = await run(name, cfg, log);
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await Promise.race([handle.close(), new Promise((r) => setTimeout(r, 4000))]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void close());
  process.on('SIGINT', () => void close());
  // the supervisor is gone (even kill -9): do not linger without it
  process.on('disconnect', () => void close());
  process.send?.({ ready: true });
}
