// The promotion calls the screens make.
import type { RpcClient } from '../providers/rpc';

/** Ends an active promotion early, freeing its slot. */
export const cancel = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('promotion_cancel', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });
