// The merchant calls the screens make (the profile edit goes through the data provider's
// update, see updateMerchantProfile).
import { rowsOf, type RpcClient } from '../providers/rpc';
import type { BulkRow } from '../common/bulk';

export const suspend = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('merchant_suspend', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });
export const resume = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('merchant_resume', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });

/**
 * Category and the merchant's own commission rate (0.035 = 3.5 %). A null rate means "the
 * category's": merchant_set_commission stores it as such, but the generated types declare
 * every argument without a default non-null, hence the one cast.
 */
export const setCommission = (dp: RpcClient, id: string, categoryId: number, rateOverride: number | null, reason: string) =>
  dp.rpc('merchant_set_commission', { p_id: id, p_category_id: categoryId, p_rate_override: rateOverride as number, p_reason: reason });

/** active or lapsed → closing: listings stay, no new business; the merchant winds down. */
export const startClosing = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('merchant_start_closing', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });
/** closing → closed: refused while complaints are open; on-shelf listings go off. */
export const close = (dp: RpcClient, id: string, note: string) => dp.rpc('merchant_close', { p_id: id, p_note: note || undefined });

/** Suspend (or resume) the selected merchants, each on its own: the answer says per id. */
export const setStatusBulk = async (dp: RpcClient, ids: string[], suspend: boolean, reasonCode: string, note: string): Promise<BulkRow[]> =>
  rowsOf<BulkRow>(await dp.rpc('merchant_set_status_bulk', { p_ids: ids, p_suspend: suspend, p_reason_code: reasonCode, p_note: note || undefined }));
