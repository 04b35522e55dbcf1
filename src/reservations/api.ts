// The reservation calls the screens make.
import type { RpcClient } from '../providers/rpc';

/** deal_pending → deal_closed: customer service verifies the declared deal (a trade is created). */
export const verifyDeal = (dp: RpcClient, id: string, note: string) =>
  dp.rpc('reservation_verify_deal', { p_id: id, p_note: note || undefined });
/** deal_closed | settled → voided (the trade is voided, its commission reversed). */
export const voidDeal = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('reservation_void', { p_id: id, p_reason_code: reasonCode, p_note: note });
