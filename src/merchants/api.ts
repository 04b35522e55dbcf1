// The merchant calls the screens make (the profile edit goes through the data provider's
// update, see updateMerchantProfile).
import type { RpcClient } from '../providers/rpc';

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
