// The payment calls the screens make.
import type { Enums } from '../types/database';
import { searchTerm } from '../providers/resourceMap';
import type { RpcArgs, RpcClient, RpcResult } from '../providers/rpc';
import { filterText } from '../common/filterValue';

/** payment_totals: what the list's filter selects, summed in SQL. */
export type PaymentTotals = RpcResult<'payment_totals'>[number];

/** The list's filter as payment_totals' arguments, so the figures describe exactly the rows shown. */
export function paymentTotalsArgs(filter: Record<string, unknown>): RpcArgs<'payment_totals'> {
  return {
    // the list's select inputs offer only the enums' values
    p_kind: filterText(filter.kind) as Enums<'payment_kind'> | undefined,
    p_channel: filterText(filter.channel) as Enums<'payment_channel'> | undefined,
    p_status: filterText(filter.status) as Enums<'payment_status'> | undefined,
    p_payer_type: filterText(filter.payer_type) as Enums<'money_owner_type'> | undefined,
    p_payer_id: filterText(filter.merchant_id) ?? filterText(filter.member_id),
    p_from: filterText(filter['created_at@gte']),
    p_to: filterText(filter['created_at@lte']),
    p_search: searchTerm(filter.q) ?? undefined,
  };
}

export const totals = async (dp: RpcClient, args: RpcArgs<'payment_totals'>): Promise<PaymentTotals> =>
  (await dp.rpc('payment_totals', args))[0];

/** succeeded → refunded. */
export const refund = (dp: RpcClient, id: string, reason: string) => dp.rpc('payment_refund', { p_payment_id: id, p_reason: reason });
