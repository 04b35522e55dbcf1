// rank-merchants: recomputes every merchant's ranking score, level and rank in city
// (public.rank_merchants, one set-based statement) and answers with the run's summary.
//   POST {} from the panel, by an active admin (staff chain; the run is audited under them)
//   POST {} with a service key (`apikey: sb_secret_…` and/or `Authorization: Bearer …`) from the daily schedule
//
// When it runs is app.scheduled_jobs' row for 'rank-merchants' (daily): locally the stack's
// timer calls it, on hosted Supabase pg_cron + pg_net do (app.schedule_jobs(); docs/HOSTED.md).
import { admin } from '../_shared/clients.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { errorResponse, fromPostgrest, HttpError, json } from '../_shared/errors.ts';
import { staffHandler } from '../_shared/staffHandler.ts';
import { isServiceCall } from '../_shared/serviceKey.ts';
import { booleanField, onlyFields, readObject } from '../_shared/body.ts';
import { failJob, finishJob, inBackground, startJob } from '../_shared/jobs.ts';
import type { SupabaseClient } from 'npm:@supabase/supabase-js@2';

/**
 * The body is `{}`, nothing, or `{ background: true }` (answer with the job run at once and rank
 * after answering); anything else is 400 invalid_input.
 */
async function checkBody(req: Request): Promise<boolean> {
  const body = await readObject(req, true);
  onlyFields(body, ['background']);
  return booleanField(body, 'background') ?? false;
}

interface RunSummary {
  run_id: number;
  status: 'succeeded' | 'failed';
  error?: string;
  [key: string]: unknown;
}

/** One ranking as a job run: a ranking that failed (its summary says so) fails the run too. */
async function rank(client: SupabaseClient, trigger: 'manual' | 'schedule', runId?: string): Promise<RunSummary> {
  const id = runId ?? (await startJob(client, 'rank_merchants', { trigger }));
  const { data, error } = await client.rpc('rank_merchants', { p_trigger: trigger });
  if (error) {
    await failJob(client, id, fromPostgrest(error));
    throw fromPostgrest(error);
  }
  const summary = data as RunSummary;
  if (summary.status === 'failed') await failJob(client, id, new Error(summary.error ?? 'ranking run failed'));
  else await finishJob(client, id, typeof summary.merchants === 'number' ? summary.merchants : null, { ...summary });
  return { ...summary, job_run_id: id };
}

function respond(summary: RunSummary): Response {
  if (summary.status === 'failed') {
    return json({ error: { code: 'ranking_failed', message: summary.error ?? 'ranking run failed' }, summary }, 500);
  }
  return json(summary);
}

const fromPanel = staffHandler(['admin'], async (req, caller) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
  if (await checkBody(req)) {
    const runId = await startJob(caller.client, 'rank_merchants', { trigger: 'manual' });
    inBackground(rank(caller.client, 'manual', runId));
    return json({ job_run_id: runId }, 202);
  }
  return respond(await rank(caller.client, 'manual'));
});

async function fromSchedule(req: Request): Promise<Response> {
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
    await checkBody(req);
    return respond(await rank(admin, 'schedule'));
  } catch (e) {
    return errorResponse(e);
  }
}

Deno.serve((req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  if (isServiceCall(req)) return fromSchedule(req);
  return fromPanel(req);
});
