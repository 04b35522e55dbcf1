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
import { onlyFields, readObject } from '../_shared/body.ts';

/** The body is `{}` or nothing: a null, non-object body or any field is 400 invalid_input. */
async function checkBody(req: Request): Promise<void> {
  onlyFields(await readObject(req, true), []);
}

interface RunSummary {
  run_id: number;
  status: 'succeeded' | 'failed';
  error?: string;
  [key: string]: unknown;
}

function respond(summary: RunSummary): Response {
  if (summary.status === 'failed') {
    return json({ error: { code: 'ranking_failed', message: summary.error ?? 'ranking run failed' }, summary }, 500);
  }
  return json(summary);
}

const fromPanel = staffHandler(['admin'], async (req, caller) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
  await checkBody(req);
  const { data, error } = await caller.client.rpc('rank_merchants', { p_trigger: 'manual' });
  if (error) throw fromPostgrest(error);
  return respond(data as RunSummary);
});

async function fromSchedule(req: Request): Promise<Response> {
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
    await checkBody(req);
    const { data, error } = await admin.rpc('rank_merchants', { p_trigger: 'schedule' });
    if (error) throw fromPostgrest(error);
    return respond(data as RunSummary);
  } catch (e) {
    return errorResponse(e);
  }
}

Deno.serve((req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  if (isServiceCall(req)) return fromSchedule(req);
  return fromPanel(req);
});
