// settle: settlement runs (R-SET-3/4) for a period of Shanghai business days.
//   finance / admin: POST { from: 'YYYY-MM-DD', to: 'YYYY-MM-DD' } → { runs: [summary] }
//     The RPC is called with the caller's own token, so the run and its audit row name them.
//   the daily schedule: POST with a service key (apikey or Bearer, _shared/serviceKey.ts) and an optional
//     { from, to }. Without a period it settles each day past the refund window whose trades
//     no run has taken yet (gaps included), one run per day, at most MAX_CATCH_UP days per call.
// Idempotent because settle_period is: the same period returns the first run (created=false).
// A period with no unsettled trade is refused (nothing_to_settle) and makes no run.
// A body that is not a JSON object (null, an array, a string) or has other fields, or dates that
// are not strings, is 400 invalid_input.
import type { SupabaseClient } from 'npm:@supabase/supabase-js@2';
import { admin } from '../_shared/clients.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { errorResponse, fromPostgrest, HttpError, json } from '../_shared/errors.ts';
import { staffHandler } from '../_shared/staffHandler.ts';
import { isServiceCall } from '../_shared/serviceKey.ts';
import { booleanField, onlyFields, readObject, stringField, type Body as RawBody } from '../_shared/body.ts';
import { inBackground, startJob, tracked } from '../_shared/jobs.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CATCH_UP = 62;

interface Body {
  from?: string;
  to?: string;
  /** answer with the job run at once and settle after answering (the jobs screen shows it) */
  background?: boolean;
}

/** { from?, to?, background? }, dates as strings when given. */
function parseBody(raw: RawBody): Body {
  onlyFields(raw, ['from', 'to', 'background']);
  return { from: stringField(raw, 'from', { max: 10 }), to: stringField(raw, 'to', { max: 10 }), background: booleanField(raw, 'background') };
}

/** A job run's summary of settlement runs. */
const summary = (runs: RunSummary[]) => ({
  rows: runs.reduce((n, r) => n + r.trade_count, 0),
  result: { runs },
});

export interface RunSummary {
  run_id: number;
  created: boolean;
  period_from: string;
  period_to: string;
  trade_count: number;
  sales_fen: number;
  refunds_fen: number;
  platform_fee_fen: number;
  commission_fen: number;
  merchant_net_fen: number;
  ms?: number;
}

function validDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function period(body: Body): { from: string; to: string } {
  if (!validDay(body.from) || !validDay(body.to)) {
    throw new HttpError(400, 'invalid_input', 'from and to must be dates (YYYY-MM-DD)');
  }
  if (body.to < body.from) throw new HttpError(400, 'invalid_input', 'from must not be after to');
  return { from: body.from, to: body.to };
}

async function settle(client: SupabaseClient, from: string, to: string): Promise<RunSummary> {
  const { data, error } = await client.rpc('settle_period', { p_from: from, p_to: to });
  if (error) throw fromPostgrest(error);
  return data as RunSummary;
}

/**
 * The scheduler's periods: every business day past the refund window that still has trades
 * no run took and no run covers, oldest first, gaps before a later run included (one run per
 * day). The database decides (settlement_due_days), so a day settled by hand never makes the
 * catch-up skip the days before it.
 */
async function scheduledDays(): Promise<string[]> {
  const { data, error } = await admin.rpc('settlement_due_days', { p_limit: MAX_CATCH_UP });
  if (error) throw fromPostgrest(error);
  return (data ?? []) as string[];
}

async function scheduled(req: Request): Promise<Response> {
  const body = req.method === 'POST' ? parseBody(await readObject(req, true)) : {};
  const explicit = body.from !== undefined || body.to !== undefined ? period(body) : null;
  const { runId, value: runs } = await tracked(admin, 'settle', explicit ?? { scheduled: true }, async (report) => {
    const out: RunSummary[] = [];
    if (explicit) {
      out.push(await settle(admin, explicit.from, explicit.to));
    } else {
      const days = await scheduledDays();
      for (const day of days) {
        out.push(await settle(admin, day, day));
        await report(out.length, days.length);
      }
    }
    return out;
  }, summary);
  return json({ runs, scheduled: true, job_run_id: runId });
}

const forStaff = staffHandler(['admin', 'finance'], async (req, caller) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
  const body = parseBody(await readObject(req));
  const p = period(body);
  const work = async () => [await settle(caller.client, p.from, p.to)];
  if (body.background) {
    // the caller's own run: the settlement and its job run name them
    const runId = await startJob(caller.client, 'settle', p);
    inBackground(tracked(caller.client, 'settle', p, work, summary, runId));
    return json({ job_run_id: runId }, 202);
  }
  const { runId, value: runs } = await tracked(caller.client, 'settle', p, work, summary);
  return json({ runs, job_run_id: runId });
});

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  if (isServiceCall(req)) {
    try {
      return await scheduled(req);
    } catch (e) {
      return errorResponse(e);
    }
  }
  return forStaff(req);
});
