// The settlement calls the screens make.
import type { AppDataProvider } from '../providers/dataProvider';

/** One settlement run (a period already settled answers with its run, created = false). */
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

/** Settles the Beijing days from..to (the settle edge function); one run per period. */
export const settle = async (dp: Pick<AppDataProvider, 'invokeFunction'>, from: string, to: string): Promise<RunSummary[]> =>
  (await dp.invokeFunction<{ runs: RunSummary[] }>('settle', { from, to })).runs;
