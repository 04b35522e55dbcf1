// The review calls the screens make (claim, then approve, ask for more information or reject).
import type { Enums } from '../types/database';
import type { RpcClient } from '../providers/rpc';

export type FeePlan = Enums<'fee_plan'>;

export const claim = (dp: RpcClient, id: string) => dp.rpc('merchant_application_claim', { p_id: id });
/** Without a category the application's own (or its type's) is used. */
export const approve = (dp: RpcClient, id: string, feePlan: FeePlan, categoryId: number | null, note: string) =>
  dp.rpc('merchant_application_approve', { p_id: id, p_fee_plan: feePlan, p_category_id: categoryId ?? undefined, p_note: note || undefined });
/** Per-field comments (column or document type → what to fix). */
export const requestInfo = (dp: RpcClient, id: string, fieldComments: Record<string, string>, note: string) =>
  dp.rpc('merchant_application_request_info', { p_id: id, p_field_comments: fieldComments, p_note: note || undefined });
export const reject = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('merchant_application_reject', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });
