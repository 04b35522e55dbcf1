// The local stand-in for pg_cron: calls the scheduled edge functions with the service key, at
// the minutes app.scheduled_jobs gives (the table hosted's pg_cron jobs are made from, by
// app.schedule_jobs: supabase/schemas/17_scheduled_jobs.sql), so both run the same schedule.
// Every job also runs once at start, catching up on what was missed while the stack was down.
import pg from 'pg';
import type { StackConfig } from './config.ts';
import { parseCron, type Cron } from './cron.ts';
import type { Logger } from './log.ts';

export interface ScheduledJob { slug: string; schedule: string; body: Record<string, unknown> }

const MINUTE = 60_000;

/** The schedule as the database defines it. */
export async function loadSchedule(cfg: StackConfig): Promise<ScheduledJob[]> {
  const client = new pg.Client({ connectionString: cfg.dbUrl });
  await client.connect();
  try {
    return (await client.query<ScheduledJob>('select slug, schedule, body from app.scheduled_jobs order by slug')).rows;
  } finally {
    await client.end();
  }
}

export async function startSchedule(cfg: StackConfig, log: Logger, available: string[]): Promise<{ stop(): void }> {
  const jobs = (await loadSchedule(cfg)).filter((j) => available.includes(j.slug));
  const crons = new Map<string, Cron>(jobs.map((j) => [j.slug, parseCron(j.schedule)]));
  const busy = new Set<string>();
  // Jobs run one after another: settlement and commission release both post to the same
  // ledger accounts, and running them at once only produces deadlock retries.
  let queue: Promise<void> = Promise.resolve();
  const call = (job: ScheduledJob) => {
    if (busy.has(job.slug)) return; // never queue a job twice
    busy.add(job.slug);
    queue = queue.then(() => execute(job));
  };
  const execute = async (job: ScheduledJob) => {
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
  const start = setTimeout(() => jobs.forEach(call), 5_000);
  // at the start of every minute, the jobs whose schedule matches it
  let next: NodeJS.Timeout;
  const tick = () => {
    const now = new Date();
    for (const job of jobs) if (crons.get(job.slug)!.matches(now)) call(job);
    next = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
  };
  next = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
  return {
    stop: () => {
      clearTimeout(start);
      clearTimeout(next);
    },
  };
}
