// rank-merchants: recomputes every merchant's ranking score, level and rank in city
// (public.rank_merchants, one set-based statement) and answers with the run's summary.
//   POST {} from the panel, by an active admin (staff chain; the run is audited under them)
//   POST {} with `Authorization: Bearer <service role key>` from the daily schedule
//
// Schedule on hosted Supabase (pg_cron + pg_net; keep the key in Vault, not in the SQL):
//   select cron.schedule('rank-merchants-daily', '30 18 * * *',  -- 02:30 Asia/Shanghai
//     $$ select net.http_post(
//          url := 'https://<project-ref>.supabase.co/functions/v1/rank-merchants',
//          headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization',
//            'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')),
//          body := '{}'::jsonb) $$);
import { admin } from '../_shared/clients.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { errorResponse, fromPostgrest, HttpError, json } from '../_shared/errors.ts';
import { staffHandler } from '../_shared/staffHandler.ts';

interface RunSummary {
  run_id: number;
  status: 'succeeded' | 'failed';
  error?: string;
  [key: string]: unknown;
}

/** The service keys this deployment accepts (legacy JWT and the new sb_secret_ keys). */
function serviceKeys(): string[] {
  const keys = [Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? ''];
  try {
    const secret = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}') as Record<string, string>;
    keys.push(...Object.values(secret));
  } catch {
    // not set or not JSON: the legacy key only
  }
  return keys.filter((k) => k.length > 0);
}

/** Compares in time independent of where the strings differ. */
function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

function respond(summary: RunSummary): Response {
  if (summary.status === 'failed') {
    return json({ error: { code: 'ranking_failed', message: summary.error ?? 'ranking run failed' }, summary }, 500);
  }
  return json(summary);
}

const fromPanel = staffHandler(['admin'], async (req, caller) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
  const { data, error } = await caller.client.rpc('rank_merchants', { p_trigger: 'manual' });
  if (error) throw fromPostgrest(error);
  return respond(data as RunSummary);
});

async function fromSchedule(req: Request): Promise<Response> {
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
    const { data, error } = await admin.rpc('rank_merchants', { p_trigger: 'schedule' });
    if (error) throw fromPostgrest(error);
    return respond(data as RunSummary);
  } catch (e) {
    return errorResponse(e);
  }
}

Deno.serve((req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  const token = req.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  if (token && serviceKeys().some((k) => sameSecret(token, k))) return fromSchedule(req);
  return fromPanel(req);
});
