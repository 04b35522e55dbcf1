// job_runs: who may start which kind of run, who may report on it (its starter or the
// schedule's service key), progress and the end states, and who reads which runs.
import { describe, expect, it } from 'vitest';
import { as, db, serviceClient } from '../support/stack.ts';

describe('job runs', () => {
  it('a staff member starts an export, reports progress and finishes it; the run names them', async () => {
    const analyst = await as('analyst');
    const { data: id, error } = await analyst.rpc('job_start', { p_kind: 'export', p_params: { resource: 'trades' } });
    expect(error).toBeNull();
    expect((await analyst.rpc('job_progress', { p_id: id, p_done: 1000, p_total: 5000 })).error).toBeNull();
    const { data: mid } = await analyst.from('v_job_runs').select('state,progress_done,progress_total,started_by_name').eq('id', id).single();
    expect(mid).toMatchObject({ state: 'running', progress_done: 1000, progress_total: 5000 });
    expect(mid!.started_by_name).toBeTruthy();
    expect((await analyst.rpc('job_finish', { p_id: id, p_rows: 4321, p_result: { path: 'x' } })).error).toBeNull();
    const { data: end } = await analyst.from('v_job_runs').select('state,rows,progress_done,progress_total,finished_at,duration_ms').eq('id', id).single();
    expect(end).toMatchObject({ state: 'succeeded', rows: 4321, progress_done: 4321, progress_total: 4321 });
    expect(end!.finished_at).not.toBeNull();
    expect(Number(end!.duration_ms)).toBeGreaterThanOrEqual(0);
    // an ended run takes no more reports
    const again = await analyst.rpc('job_progress', { p_id: id, p_done: 1 });
    expect(again.error?.message).toBe('illegal_transition');
  });

  it('only the starter (or the schedule) writes a run; others are refused', async () => {
    const finance = await as('finance');
    const reviewer = await as('reviewer');
    const { data: id } = await finance.rpc('job_start', { p_kind: 'settle', p_params: {} });
    const byOther = await reviewer.rpc('job_progress', { p_id: id, p_done: 5 });
    expect(byOther.error?.message).toBe('not_permitted');
    expect(byOther.error?.code).toBe('42501');
    const service = await serviceClient();
    expect((await service.rpc('job_fail', { p_id: id, p_error: 'channel timeout' })).error).toBeNull();
    const { data } = await finance.from('v_job_runs').select('state,error').eq('id', id).single();
    expect(data).toMatchObject({ state: 'failed', error: 'channel timeout' });
  });

  it('a role starts only the work it may do; the schedule starts any, as nobody', async () => {
    const reviewer = await as('reviewer');
    expect((await reviewer.rpc('job_start', { p_kind: 'settle' })).error?.message).toBe('not_permitted');
    const service = await serviceClient();
    const { data: id, error } = await service.rpc('job_start', { p_kind: 'run_jobs' });
    expect(error).toBeNull();
    const { data } = await service.from('job_runs').select('started_by,state').eq('id', id).single();
    expect(data).toMatchObject({ started_by: null, state: 'running' });
    // the schedule's runs are not audited (a row a minute); staff runs are
    const pg = await db();
    try {
      const { rows } = await pg.query(`select count(*)::int as n from audit_log where entity = 'job_run' and entity_id = $1`, [id]);
      expect(rows[0].n).toBe(0);
      const { data: staffRun } = await reviewer.rpc('job_start', { p_kind: 'export', p_params: { resource: 'listings' } });
      const audited = await pg.query(`select after from audit_log where action = 'job_run.start' and entity_id = $1`, [staffRun]);
      expect(audited.rows[0].after).toEqual({ kind: 'export', resource: 'listings' });
    } finally {
      await pg.end();
    }
    const bad = await service.rpc('job_progress', { p_id: id, p_done: -1 });
    expect(bad.error?.message).toBe('invalid_input');
    expect((await service.rpc('job_fail', { p_id: id, p_error: ' ' })).error?.message).toBe('reason_required');
  });

  it('admins and finance read every run; others only their own; nobody writes the table', async () => {
    const analyst = await as('analyst');
    const { data: mine } = await analyst.rpc('job_start', { p_kind: 'export' });
    const service = await serviceClient();
    const { data: scheduled } = await service.rpc('job_start', { p_kind: 'run_jobs' });
    const seen = async (role: 'admin' | 'finance' | 'analyst' | 'customer_service') => {
      const { data } = await (await as(role)).from('v_job_runs').select('id').in('id', [mine, scheduled]);
      return (data ?? []).map((r) => r.id).sort();
    };
    expect(await seen('admin')).toEqual([mine, scheduled].sort());
    expect(await seen('finance')).toEqual([mine, scheduled].sort());
    expect(await seen('analyst')).toEqual([mine]);
    expect(await seen('customer_service')).toEqual([]);
    const write = await analyst.from('job_runs').update({ state: 'succeeded' }).eq('id', mine).select();
    expect(write.error?.code).toBe('42501');
  });
});
