// The supervisor on its own, with tiny shell processes: a crash is restarted after a pause,
// a process that keeps failing soon after each start is given up with a clear message, and a
// stop stops for good.
import { describe, expect, it } from 'vitest';
import { startChild, type Child } from '../../scripts/local-stack/children.ts';
import type { Logger } from '../../scripts/local-stack/log.ts';
import { Supervisor, type ServiceSpec, type SupervisorEvent } from '../../scripts/local-stack/supervisor.ts';

function recorder() {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m) => lines.push(m),
    debug: () => {},
    stream: (c) => lines.push(String(c)),
  };
  return { log, lines };
}

/** A shell service; `script` runs on every start. Ready once spawned (it has no port), or `ready` says. */
function shell(name: string, script: string, log: Logger, ready: (child: Child) => Promise<void> = async () => {}): ServiceSpec {
  return { name, spawn: () => startChild(name, '/bin/sh', ['-c', script], log), ready };
}

const until = async (ok: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('supervisor', () => {
  it('restarts a process that dies, after a pause, and says so', async () => {
    const { log, lines } = recorder();
    const events: SupervisorEvent[] = [];
    const sup = new Supervisor(log, { backoffMs: [100], onEvent: (e) => events.push(e) });
    const saidStarted = async (child: Child) => until(() => child.tail().includes('started'));
    await sup.start(shell('sleeper', 'echo started; exec sleep 30', log, saidStarted));
    const first = sup.child('sleeper')!.proc.pid!;
    process.kill(first, 'SIGKILL');
    await until(() => events.some((e) => e.kind === 'recovered'));
    expect(sup.state('sleeper')).toBe('up');
    expect(sup.child('sleeper')!.proc.pid).not.toBe(first);
    expect(events.map((e) => e.kind)).toEqual(['crashed', 'restarting', 'recovered']);
    expect(lines.join('\n')).toMatch(/sleeper was killed by SIGKILL after .* s; its last lines:\n {2}started/);
    expect(lines.join('\n')).toMatch(/restarting sleeper in 0\.1 s \(restart 1 of at most 5\)/);
    expect(lines.join('\n')).toMatch(/sleeper is back \(down \d+\.\d s\)/);
    await sup.stop();
    expect(sup.state('sleeper')).toBe('stopped');
  });

  it('gives up after the configured number of fast failures, with one clear message', async () => {
    const { log, lines } = recorder();
    const events: SupervisorEvent[] = [];
    const sup = new Supervisor(log, { backoffMs: [10, 20, 40], maxFastFailures: 3, onEvent: (e) => events.push(e) });
    // up long enough to pass its readiness check, then it fails, every time
    await sup.start(shell('flaky', 'echo "cannot open config"; sleep 0.2; exit 3', log));
    await until(() => events.some((e) => e.kind === 'gave-up'));
    expect(events.map((e) => e.kind)).toEqual([
      'crashed', 'restarting', 'recovered',
      'crashed', 'restarting', 'recovered',
      'crashed', 'restarting', 'recovered',
      'crashed', 'gave-up',
    ]);
    expect(sup.state('flaky')).toBe('failed');
    const message = events.at(-1)!.detail;
    expect(message).toBe('flaky failed 4 times in a row, each time within 30.0 s of starting: giving up on it (its last lines are above).');
    expect(lines.join('\n')).toContain('flaky exited with code 3');
    expect(lines.join('\n')).toContain('cannot open config');
    await sup.stop();
  });

  it('does not restart what it stops, and a first start that fails throws with the last lines', async () => {
    const { log } = recorder();
    const events: SupervisorEvent[] = [];
    const sup = new Supervisor(log, { backoffMs: [10], onEvent: (e) => events.push(e) });
    await sup.start(shell('quiet', 'exec sleep 30', log));
    const pid = sup.child('quiet')!.proc.pid!;
    await sup.stop();
    await new Promise((r) => setTimeout(r, 200));
    expect(events).toEqual([]);
    expect(() => process.kill(pid, 0)).toThrow();
    const exitsAtOnce = async (child: Child) => {
      await child.exited;
      throw new Error('exited at once');
    };
    await expect(new Supervisor(log).start(shell('broken', 'echo "no such file"; exit 1', log, exitsAtOnce))).rejects.toThrow(
      /broken did not start: exited at once\n {2}no such file/,
    );
  });
});
