// The settlement calls the screens make.
import type { Tables } from '../types/database';
import type { AppDataProvider } from '../providers/dataProvider';

/** One settlement run, as the settle function reports it (an already settled period answers with its run, created = false). */
export type RunSummary = Pick<
  Tables<'settlement_runs'>,
  'period_from' | 'period_to' | 'trade_count' | 'sales_fen' | 'refunds_fen' | 'platform_fee_fen' | 'commission_fen' | 'merchant_net_fen'
> & { run_id: number; created: boolean; ms?: number };

/** Settles the Beijing days from..to (the settle edge function); one run per period. */
export const settle = async (dp: Pick<AppDataProvider, 'invokeFunction'>, from: string, to: string): Promise<RunSummary[]> =>
  (await dp.invokeFunction<{ runs: RunSummary[] }>('settle', { from, to })).runs;
