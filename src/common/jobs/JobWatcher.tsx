// Tells the user when a run they started ends, wherever they are in the app: the runs this tab
// started (watch.ts) are polled every two seconds, the caller's other running runs (another
// tab, before a reload) every twenty; a run that ends shows a message with a link to its page.
import { useEffect, useRef } from 'react';
import { Button } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { supabase } from '../../providers/supabase';
import { onWatch, unwatchJob, watchedJobs, watchJob } from './watch';

const FAST_MS = 2_000;
const SLOW_MS = 20_000;

interface RunRow { id: string; kind: string; state: string; rows: number | null }

export const JobWatcher = () => {
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const translate = useTranslate();
  const navigate = useNavigate();
  const lastSlow = useRef(0);
  const me = identity?.id ? String(identity.id) : undefined;

  useEffect(() => {
    if (!me) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      try {
        if (Date.now() - lastSlow.current >= SLOW_MS) {
          lastSlow.current = Date.now();
          const { data } = await supabase.from('v_job_runs').select('id').eq('started_by', me).in('state', ['queued', 'running']).limit(50);
          for (const r of data ?? []) if (r.id && !watchedJobs().includes(r.id)) watchJob(r.id);
        }
        const ids = watchedJobs();
        if (ids.length) {
          const { data } = await supabase.from('v_job_runs').select('id,kind,state,rows').in('id', ids);
          for (const run of (data ?? []) as RunRow[]) {
            if (run.state !== 'succeeded' && run.state !== 'failed') continue;
            unwatchJob(run.id);
            const kind = translate(`resources.jobs.kinds.${run.kind}`, { _: run.kind });
            notify(
              <span>
                {translate(run.state === 'succeeded' ? 'jobs.done' : 'jobs.failed', { kind, rows: run.rows ?? 0 })}
                <Button color="inherit" size="small" sx={{ ml: 1 }} onClick={() => navigate(`/jobs/${run.id}/show`)}>
                  {translate('jobs.open')}
                </Button>
              </span>,
              { type: run.state === 'succeeded' ? 'success' : 'error', autoHideDuration: 30_000 },
            );
          }
        }
      } catch {
        // a missed poll is retried at the next tick
      }
      if (!stopped) timer = setTimeout(tick, watchedJobs().length ? FAST_MS : SLOW_MS);
    };
    const unsubscribe = onWatch(() => {
      clearTimeout(timer);
      timer = setTimeout(tick, FAST_MS);
    });
    timer = setTimeout(tick, FAST_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [me, notify, translate, navigate]);
  return null;
};
