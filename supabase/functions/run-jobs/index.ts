// run-jobs: the time-based transitions of every state machine, run by the schedule.
//   POST {}  with a service key (`apikey: sb_secret_…` and/or `Authorization: Bearer …`)  → { jobs: [{ name, processed, ms }] }
// Each job is the same SQL function staff actions use, called in bounded batches until it
// reports less than a full batch. When it runs is app.scheduled_jobs' row for 'run-jobs'
// (every minute): locally the stack's timer calls it, on hosted Supabase pg_cron + pg_net do
// (app.schedule_jobs(), supabase/schemas/17_scheduled_jobs.sql; docs/HOSTED.md).
import { admin } from '../_shared/clients.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { errorResponse, HttpError, json } from '../_shared/errors.ts';
import { isServiceCall } from '../_shared/serviceKey.ts';
import { onlyFields, readObject } from '../_shared/body.ts';
import { tracked } from '../_shared/jobs.ts';

const BATCH = 500;
const MAX_BATCHES = 20;

interface JobResult { name: string; processed: number; ms: number; error?: string }

/** How many rows a job's result says it moved (functions return a count or a jsonb summary). */
function processedOf(data: unknown): number {
  if (typeof data === 'number') return data;
  if (data && typeof data === 'object') {
    return Object.values(data as Record<string, unknown>).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
  }
  return 0;
}

async function runJob(name: string, params: Record<string, unknown>, batch: number | null): Promise<JobResult> {
  const t = performance.now();
  let processed = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { data, error } = await admin.rpc(name, params);
    if (error) return { name, processed, ms: Math.round(performance.now() - t), error: error.message };
    const n = processedOf(data);
    processed += n;
    if (batch === null || n < batch) break;
  }
  return { name, processed, ms: Math.round(performance.now() - t) };
}

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  try {
    if (!isServiceCall(req)) throw new HttpError(403, 'not_permitted', 'run-jobs is called by the schedule with the service key');
    // the body is `{}` or nothing: a null, non-object body or any field is 400 invalid_input
    onlyFields(await readObject(req, true), []);
    // one job run per call (the jobs screen): a step per timer, the summary as its result
    const steps: [string, Record<string, unknown>, number | null][] = [
      // Order matters little; each job is idempotent and locks what it moves.
      ['reservation_run_timers', { p_limit: BATCH }, BATCH],
      ['complaint_run_timers', { p_limit: BATCH }, BATCH],
      ['merchant_sweep_fees', { p_limit: BATCH }, BATCH],
      ['promotion_expire_due', {}, null],
      ['release_due_commissions', { p_limit: 5000 }, 5000],
      // last: the analytics and ranking rollups recompute the days the jobs above (and everything
      // since the last run) changed, 5 days a call (up to ~2 s at seed factor 100, where a recent
      // day holds ~45,000 reservations), so up to 100 days a minute
      ['analytics_refresh_rollups', { p_limit: 5 }, 5],
    ];
    const { value: jobs } = await tracked(admin, 'run_jobs', {}, async (report) => {
      const out: JobResult[] = [];
      for (const [name, params, batch] of steps) {
        out.push(await runJob(name, params, batch));
        await report(out.length, steps.length);
      }
      const failures = out.filter((j) => j.error);
      // a timer that failed fails the run (the others have still run)
      if (failures.length) throw Object.assign(new Error(failures.map((j) => `${j.name}: ${j.error}`).join('; ')), { jobs: out });
      return out;
    }, (out) => ({ rows: out.reduce((n, j) => n + j.processed, 0), result: { jobs: out } })).catch((e) => {
      if (e && typeof e === 'object' && 'jobs' in e) return { value: (e as { jobs: JobResult[] }).jobs };
      throw e;
    });
    const failed = jobs.filter((j) => j.error);
    return json({ jobs }, failed.length ? 500 : 200);
  } catch (e) {
    return errorResponse(e);
  }
});
