// The settlement calls the screens make.
import type { Tables } from '../types/database';
import type { AppDataProvider } from '../providers/dataProvider';
import { waitForJob } from '../common/jobs/wait';

/** One settlement run, as the settle function reports it (an already settled period answers with its run, created = false). */
export type RunSummary = Pick<
  Tables<'settlement_runs'>,
  'period_from' | 'period_to' | 'trade_count' | 'sales_fen' | 'refunds_fen' | 'platform_fee_fen' | 'commission_fen' | 'merchant_net_fen'
> & { run_id: number; created: boolean; ms?: number };

/**
 * Settles the Beijing days from..to (the settle edge function); one run per period. The function
 * answers with its job run at once and settles in the background; this waits on the run.
 */
export const settle = async (dp: Pick<AppDataProvider, 'invokeFunction'>, from: string, to: string): Promise<RunSummary[]> => {
  const { job_run_id } = await dp.invokeFunction<{ job_run_id: string }>('settle', { from, to, background: true });
  const run = await waitForJob(job_run_id);
  return ((run.result?.runs ?? []) as RunSummary[]);
};
