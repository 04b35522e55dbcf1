// The local stand-in for Supabase cron: calls the scheduled edge functions with the service
// key, as pg_cron + pg_net would on a hosted project. Timers every minute; ranking and
// settlement once at start (catching up) and then daily.
import type { StackConfig } from './config.ts';
import type { Logger } from './log.ts';

interface Job { slug: string; everyMs: number; body: Record<string, unknown> }

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const SCHEDULE: Job[] = [
  { slug: 'run-jobs', everyMs: MINUTE, body: {} },
  { slug: 'settle', everyMs: DAY, body: {} },
  { slug: 'rank-merchants', everyMs: DAY, body: {} },
];

export function startSchedule(cfg: StackConfig, log: Logger, available: string[]): { stop(): void } {
  const timers: NodeJS.Timeout[] = [];
  const busy = new Set<string>();
  // Jobs run one after another: settlement and commission release both post to the same
  // ledger accounts, and running them at once only produces deadlock retries.
  let queue: Promise<void> = Promise.resolve();
  const call = (job: Job) => {
    if (busy.has(job.slug)) return; // never queue a job twice
    busy.add(job.slug);
    queue = queue.then(() => execute(job));
  };
  const execute = async (job: Job) => {
    const t = Date.now();
    try {
      const res = await fetch(`${cfg.apiUrl}/functions/v1/${job.slug}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${cfg.serviceRoleKey}`, apikey: cfg.serviceRoleKey, 'Content-Type': 'application/json' },
        body: JSON.stringify(job.body),
        signal: AbortSignal.timeout(10 * MINUTE),
      });
      const text = await res.text();
      if (!res.ok) log.error(`${job.slug}: HTTP ${res.status} ${text.slice(0, 300)}`);
      else log.debug(`${job.slug}: ${Date.now() - t} ms ${text.slice(0, 300)}`);
    } catch (e) {
      log.error(`${job.slug}: ${(e as Error).message}`);
    } finally {
      busy.delete(job.slug);
    }
  };
  for (const job of SCHEDULE.filter((j) => available.includes(j.slug))) {
    timers.push(setTimeout(() => call(job), 5_000));
    timers.push(setInterval(() => call(job), job.everyMs));
  }
  return { stop: () => timers.forEach((t) => clearTimeout(t)) };
}
