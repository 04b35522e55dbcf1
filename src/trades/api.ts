// The trade calls the screens make.
import type { RpcClient, RpcResult } from '../providers/rpc';

/** trade_totals: what the list's filter selects, summed in SQL. */
export type TradeTotals = RpcResult<'trade_totals'>[number];

/** closed → refunded with a coded reason; the database's triggers reverse the money. */
export const refund = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('trade_refund', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });

/** The totals of the rows a filter (totalsFilter's keys) selects. */
export const totals = async (dp: RpcClient, filters: Record<string, string>): Promise<TradeTotals> =>
  (await dp.rpc('trade_totals', { filters }))[0];
