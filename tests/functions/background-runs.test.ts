// Long work answers with its job run at once and goes on after the answer: a ranking started
// from the panel in the background ends as a succeeded run naming the admin, and the minute
// timers (run-jobs) leave one run with a step per timer.
import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, serviceClient } from '../support/stack.ts';

async function ended(client: SupabaseClient, id: string) {
  for (let i = 0; i < 120; i++) {
    const { data } = await client.from('v_job_runs').select('*').eq('id', id).single();
    if (data && (data.state === 'succeeded' || data.state === 'failed')) return data;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the run did not end within a minute');
}

describe('background runs', () => {
  it('ranking in the background: 202 with the run, which ends succeeded under the admin', async () => {
    const admin = await as('admin');
    const { data, error } = await admin.functions.invoke('rank-merchants', { body: { background: true } });
    expect(error).toBeNull();
    const id = (data as { job_run_id: string }).job_run_id;
    const run = await ended(admin, id);
    expect(run).toMatchObject({ kind: 'rank_merchants', state: 'succeeded', error: null });
    expect(run.started_by_name).toBeTruthy();
    expect((run.result as { status: string }).status).toBe('succeeded');
  });

  it('run-jobs records one run by the schedule, a step per timer', async () => {
    const service = await serviceClient();
    const { data, error } = await service.functions.invoke('run-jobs', { body: {} });
    expect(error).toBeNull();
    expect((data as { jobs: unknown[] }).jobs.length).toBe(6);
    const { data: runs } = await service.from('v_job_runs').select('*').eq('kind', 'run_jobs').eq('state', 'succeeded').order('finished_at', { ascending: false }).limit(1);
    expect(runs?.[0]).toMatchObject({ started_by: null });
    expect(runs?.[0].progress_done).toBeGreaterThanOrEqual(6);
    expect((runs?.[0].result as { jobs: unknown[] }).jobs.length).toBe(6);
  });
});
