// Keeps every process of the stack running: each service is one entry (how to spawn it, how
// to tell it serves); a crash is logged with the process's last lines and the service is
// started again after a growing pause. A service that fails again and again soon after each
// start is given up with a message saying so, and the `gave-up` event lets the caller decide
// (the CLI stops the stack; a test reports it).
import { describeExit, type Child, type Exit } from './children.ts';
import type { Logger } from './log.ts';

export interface ServiceSpec {
  name: string;
  /** starts one instance of the process */
  spawn(): Child | Promise<Child>;
  /**
   * Resolves once the process serves; rejects when it exits first or takes too long. On a
   * restart (`restart` true) "serves" may be less than on the first start: a server that
   * waits for its database is up even while the database is not.
   */
  ready(child: Child, restart: boolean): Promise<void>;
  /** after a restart (not the first start): e.g. tell a dependant that it is back */
  onRestarted?(): void | Promise<void>;
}

export type ServiceState = 'starting' | 'up' | 'down' | 'failed' | 'stopped';

export interface SupervisorEvent {
  service: string;
  kind: 'crashed' | 'restarting' | 'recovered' | 'gave-up';
  at: number;
  detail: string;
  /** for `recovered`: how long it was down */
  downMs?: number;
}

export interface SupervisorOptions {
  /** pauses before the 1st, 2nd, … restart of a run of fast failures */
  backoffMs?: number[];
  /** a process that ran at least this long before it died failed "slowly": the run of failures starts over */
  stableAfterMs?: number;
  /** give up after this many fast failures in a row */
  maxFastFailures?: number;
  onEvent?(e: SupervisorEvent): void;
  /** after every spawn (pids for the leftover reaper) */
  onSpawn?(): void;
}

interface Entry {
  spec: ServiceSpec;
  child?: Child;
  state: ServiceState;
  startedAt: number;
  fastFailures: number;
  downSince?: number;
  timer?: NodeJS.Timeout;
}

const DEFAULT_BACKOFF = [250, 1000, 2000, 4000, 8000];

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export class Supervisor {
  private entries = new Map<string, Entry>();
  private order: string[] = [];
  private stopping = false;
  private readonly backoff: number[];
  private readonly stableAfterMs: number;
  private readonly maxFastFailures: number;

  constructor(private log: Logger, private opts: SupervisorOptions = {}) {
    this.backoff = opts.backoffMs ?? DEFAULT_BACKOFF;
    this.stableAfterMs = opts.stableAfterMs ?? 30_000;
    this.maxFastFailures = opts.maxFastFailures ?? 5;
  }

  /** Starts a service and waits until it serves. A first start that fails throws: nothing is retried. */
  async start(spec: ServiceSpec): Promise<void> {
    if (this.entries.has(spec.name)) throw new Error(`service ${spec.name} is already supervised`);
    const entry: Entry = { spec, state: 'starting', startedAt: Date.now(), fastFailures: 0 };
    this.entries.set(spec.name, entry);
    this.order.push(spec.name);
    const child = await spec.spawn();
    entry.child = child;
    this.opts.onSpawn?.();
    try {
      await spec.ready(child, false);
    } catch (e) {
      await child.stop();
      entry.state = 'failed';
      const tail = child.tail();
      throw new Error(`${spec.name} did not start: ${(e as Error).message}${tail.length ? `\n  ${tail.join('\n  ')}` : ''}`, { cause: e });
    }
    entry.state = 'up';
    this.watch(entry, child);
  }

  state(name: string): ServiceState | undefined {
    return this.entries.get(name)?.state;
  }

  child(name: string): Child | undefined {
    return this.entries.get(name)?.child;
  }

  pids(): number[] {
    return [...this.entries.values()].map((e) => e.child?.proc.pid).filter((p): p is number => typeof p === 'number');
  }

  /** Restarts a running service on purpose (not counted as a failure). */
  async restart(name: string, why: string): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry || entry.state !== 'up' || this.stopping) return;
    this.log.warn(`restarting ${name}: ${why}`);
    this.emit({ service: name, kind: 'restarting', detail: `on purpose: ${why}` });
    const old = entry.child;
    entry.child = undefined; // its exit is not a crash
    entry.state = 'down';
    entry.downSince = Date.now();
    await old?.stop();
    await this.respawn(entry);
  }

  /** Stops every service, the last started first; nothing is restarted from here on. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const name of [...this.order].reverse()) {
      const entry = this.entries.get(name)!;
      clearTimeout(entry.timer);
      entry.state = 'stopped';
      await entry.child?.stop();
    }
  }

  private emit(e: Omit<SupervisorEvent, 'at'>): void {
    this.opts.onEvent?.({ ...e, at: Date.now() });
  }

  private watch(entry: Entry, child: Child): void {
    void child.exited.then((exit) => {
      if (this.stopping || entry.child !== child || entry.state === 'stopped') return;
      this.crashed(entry, exit, child.tail());
    });
  }

  private crashed(entry: Entry, exit: Exit, lastLines: string[]): void {
    const name = entry.spec.name;
    const ran = Date.now() - entry.startedAt;
    entry.state = 'down';
    entry.downSince ??= Date.now();
    entry.fastFailures = ran < this.stableAfterMs ? entry.fastFailures + 1 : 1;
    const tail = lastLines.slice(-5);
    const detail = `${name} ${describeExit(exit)} after ${seconds(ran)}`;
    this.log.error(`${detail}${tail.length ? `; its last lines:\n  ${tail.join('\n  ')}` : ''}`);
    this.emit({ service: name, kind: 'crashed', detail });
    if (entry.fastFailures > this.maxFastFailures) {
      entry.state = 'failed';
      const message =
        `${name} failed ${entry.fastFailures} times in a row, each time within ${seconds(this.stableAfterMs)} of starting: ` +
        'giving up on it (its last lines are above).';
      this.log.error(message);
      this.emit({ service: name, kind: 'gave-up', detail: message });
      return;
    }
    const delay = this.backoff[Math.min(entry.fastFailures - 1, this.backoff.length - 1)];
    const attempt = `restart ${entry.fastFailures} of at most ${this.maxFastFailures}`;
    this.log.warn(`restarting ${name} in ${seconds(delay)} (${attempt})`);
    this.emit({ service: name, kind: 'restarting', detail: attempt });
    entry.timer = setTimeout(() => void this.respawn(entry), delay);
  }

  private async respawn(entry: Entry): Promise<void> {
    if (this.stopping) return;
    entry.state = 'starting';
    entry.startedAt = Date.now();
    let child: Child;
    try {
      child = await entry.spec.spawn();
    } catch (e) {
      this.crashed(entry, { code: -1, signal: null }, [`could not be spawned: ${(e as Error).message}`]);
      return;
    }
    entry.child = child;
    this.opts.onSpawn?.();
    this.watch(entry, child);
    try {
      await entry.spec.ready(child, true);
    } catch (e) {
      if (this.stopping || entry.child !== child) return;
      this.log.error(`${entry.spec.name} did not come back: ${(e as Error).message}`);
      // a process that exits during the wait is handled by watch(); one that hangs is stopped here,
      // and its exit then counts as the failure
      await child.stop();
      return;
    }
    if (this.stopping || entry.child !== child) return;
    entry.state = 'up';
    const downMs = Date.now() - (entry.downSince ?? entry.startedAt);
    entry.downSince = undefined;
    this.log.warn(`${entry.spec.name} is back (down ${seconds(downMs)})`);
    this.emit({ service: entry.spec.name, kind: 'recovered', detail: `down ${seconds(downMs)}`, downMs });
    try {
      await entry.spec.onRestarted?.();
    } catch (e) {
      this.log.error(`${entry.spec.name}: after the restart: ${(e as Error).message}`);
    }
  }
}
