// A run of background work as a job_runs row (supabase/schemas/18_jobs.sql): started before the
// answer, moved forward and ended by the work itself. `client` is the caller's own (what a staff
// member starts names them) or the service-role client (the schedule).
import type { SupabaseClient } from 'npm:@supabase/supabase-js@2';
import { fromPostgrest } from './errors.ts';

export type JobKind = 'run_jobs' | 'settle' | 'rank_merchants' | 'import' | 'export';

export async function startJob(client: SupabaseClient, kind: JobKind, params: Record<string, unknown> = {}, total?: number): Promise<string> {
  const { data, error, status } = await client.rpc('job_start', { p_kind: kind, p_params: params, p_total: total ?? null });
  if (error) throw fromPostgrest(error, status);
  return data as string;
}

export async function jobProgress(client: SupabaseClient, id: string, done: number, total?: number | null): Promise<void> {
  const { error, status } = await client.rpc('job_progress', { p_id: id, p_done: done, p_total: total ?? null });
  if (error) throw fromPostgrest(error, status);
}

export async function finishJob(client: SupabaseClient, id: string, rows: number | null, result: Record<string, unknown> = {}): Promise<void> {
  const { error, status } = await client.rpc('job_finish', { p_id: id, p_rows: rows, p_result: result });
  if (error) throw fromPostgrest(error, status);
}

/** Ends the run as failed; never throws (it is called from a failure already). */
export async function failJob(client: SupabaseClient, id: string, e: unknown): Promise<void> {
  const message = e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e);
  const { error } = await client.rpc('job_fail', { p_id: id, p_error: message.slice(0, 2000) || 'failed' });
  if (error) console.error('job_fail', id, error.message);
}

/**
 * Keeps working after the answer. Hosted's edge runtime ends a worker once it has answered
 * unless the work is handed to EdgeRuntime.waitUntil; the local runner (plain Deno, one
 * long-lived process per function) lets a pending promise finish on its own.
 */
export function inBackground(work: Promise<unknown>): void {
  const guarded = work.catch((e) => console.error('background work failed', e));
  const runtime = (globalThis as { EdgeRuntime?: { waitUntil?: (p: Promise<unknown>) => void } }).EdgeRuntime;
  runtime?.waitUntil?.(guarded);
}

/**
 * Runs `work` as a job run: started first, ended with what `summarize` makes of the value (or
 * failed with the error, which is thrown on). `report` moves the progress.
 */
export async function tracked<T>(
  client: SupabaseClient,
  kind: JobKind,
  params: Record<string, unknown>,
  work: (report: (done: number, total?: number) => Promise<void>) => Promise<T>,
  summarize: (value: T) => { rows: number | null; result: Record<string, unknown> },
  runId?: string,
): Promise<{ runId: string; value: T }> {
  const id = runId ?? (await startJob(client, kind, params));
  try {
    const value = await work((done, total) => jobProgress(client, id, done, total));
    const { rows, result } = summarize(value);
    await finishJob(client, id, rows, result);
    return { runId: id, value };
  } catch (e) {
    await failJob(client, id, e);
    throw e;
  }
}
