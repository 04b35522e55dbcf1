// Long work started in the background (settle, rank-merchants with { background: true }): the
// screen waits on the job run's row, not on the request, so a page left midway loses nothing
// (the run goes on, and JobWatcher tells its starter when it ends).
import { supabase } from '../../providers/supabase';
import { toAppError } from '../../providers/errors';
import { watchJob } from './watch';

export interface EndedRun {
  id: string;
  rows: number | null;
  result: Record<string, unknown> | null;
}

/** Polls the run until it ends; a failed run rejects with its error code, as the request would have. */
export async function waitForJob(id: string, everyMs = 1_000): Promise<EndedRun> {
  watchJob(id);
  for (;;) {
    const { data, error } = await supabase.from('v_job_runs').select('id,state,rows,result,error').eq('id', id).maybeSingle();
    if (error) throw toAppError(error);
    if (data?.state === 'succeeded') return { id, rows: data.rows, result: data.result as Record<string, unknown> | null };
    if (data?.state === 'failed') {
      // job_fail keeps "<code>: <detail>"
      const [code, ...rest] = String(data.error ?? 'internal_error').split(': ');
      throw toAppError({ message: /^[a-z][a-z0-9_]*$/.test(code) ? code : 'internal_error', details: rest.join(': ') });
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
