// Child processes of the supervisor: spawned in their own process group so a stop kills
// everything they started, with output forwarded line by line under the service's prefix.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { Logger } from './log.ts';

export interface Child {
  name: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

export function startChild(name: string, cmd: string, args: string[], log: Logger, opts: SpawnOptions = {}): Child {
  const proc = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', (d) => log.stream(d));
  proc.stderr?.on('data', (d) => log.stream(d, true));
  let exited = false;
  const done = new Promise<void>((resolve) => proc.on('exit', () => {
    exited = true;
    resolve();
  }));
  return {
    name,
    proc,
    async stop() {
      if (exited || proc.pid === undefined) return;
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-proc.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** Polls an HTTP URL until it answers (any status below 500) or the deadline passes. */
export async function waitForHttp(url: string, timeoutMs: number, child?: Child, anyStatus = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.proc.exitCode !== null) throw new Error(`${child.name} exited with code ${child.proc.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (anyStatus || res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
