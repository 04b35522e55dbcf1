// Child processes of the supervisor: spawned in their own process group so a stop kills
// everything they started, with output forwarded line by line under the service's prefix.
import { spawn, type ChildProcess, type SpawnOptions, type StdioOptions } from 'node:child_process';
import type { Logger } from './log.ts';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Child {
  name: string;
  proc: ChildProcess;
  /** settles when the process has exited (never rejects) */
  exited: Promise<Exit>;
  /** the last lines it wrote, for the message when it dies */
  tail(): string[];
  stop(): Promise<void>;
}

export interface ChildOptions extends SpawnOptions {
  /** what asks it to stop (SIGTERM); Postgres wants SIGINT, its fast shutdown */
  stopSignal?: NodeJS.Signals;
  /** send the stop signal to the process alone, not its group (Postgres stops its backends itself) */
  signalLeaderOnly?: boolean;
  /** how long a stop may take before the group is killed */
  stopTimeoutMs?: number;
  /** classify a line of output: 'error' lines always show, 'debug' lines only with STACK_VERBOSE */
  classify?: (line: string, stderr: boolean) => 'info' | 'error' | 'debug';
}

const TAIL_LINES = 15;

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

export function startChild(name: string, cmd: string, args: string[], log: Logger, opts: ChildOptions = {}): Child {
  const { stopSignal = 'SIGTERM', signalLeaderOnly = false, stopTimeoutMs = 5000, classify, ...spawnOpts } = opts;
  const stdio: StdioOptions = spawnOpts.stdio ?? ['ignore', 'pipe', 'pipe'];
  const proc: ChildProcess = spawn(cmd, args, { ...spawnOpts, detached: true, stdio });
  const lines: string[] = [];
  const forward = (chunk: Buffer, stderr: boolean) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
      const kind = classify ? classify(line, stderr) : stderr ? 'error' : 'info';
      if (kind === 'debug') log.debug(line);
      else log.stream(line, kind === 'error');
    }
  };
  proc.stdout?.on('data', (d: Buffer) => forward(d, false));
  proc.stderr?.on('data', (d: Buffer) => forward(d, true));
  let exited = false;
  const done = new Promise<Exit>((resolve) => {
    proc.once('error', (e) => {
      // spawn itself failed (EACCES, ENOENT): there is no process to wait for
      lines.push(`could not start ${cmd}: ${e.message}`);
      if (proc.pid === undefined) {
        exited = true;
        resolve({ code: -1, signal: null });
      }
    });
    proc.once('exit', (code, signal) => {
      exited = true;
      // Whatever it left behind in its group goes too (e.g. Postgres backends whose
      // postmaster was killed: they hold its shared memory and block a restart).
      killGroup(proc.pid, 'SIGKILL');
      resolve({ code, signal });
    });
  });
  return {
    name,
    proc,
    exited: done,
    tail: () => [...lines],
    async stop() {
      if (exited || proc.pid === undefined) return;
      try {
        process.kill(signalLeaderOnly ? proc.pid : -proc.pid, stopSignal);
      } catch {
        return;
      }
      const timer = setTimeout(() => killGroup(proc.pid, 'SIGKILL'), stopTimeoutMs);
      await done;
      clearTimeout(timer);
    },
  };
}

/** True once the child has exited (by itself or by a signal). */
export function hasExited(child: Child): boolean {
  return child.proc.exitCode !== null || child.proc.signalCode !== null || child.proc.pid === undefined;
}

export function describeExit(e: Exit): string {
  return e.signal ? `was killed by ${e.signal}` : `exited with code ${e.code}`;
}

/** Polls an HTTP URL until it answers (any status below 500) or the deadline passes. */
export async function waitForHttp(url: string, timeoutMs: number, child?: Child, anyStatus = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && hasExited(child)) {
      throw new Error(`${child.name} ${describeExit({ code: child.proc.exitCode, signal: child.proc.signalCode })}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      if (anyStatus || res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
