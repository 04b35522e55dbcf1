// The commission calls the screens make.
import type { Enums } from '../types/database';
import { searchTerm } from '../providers/resourceMap';
import type { RpcArgs, RpcClient, RpcResult } from '../providers/rpc';
import { filterText } from '../common/filterValue';

/** commission_totals: what the list's filter selects, summed in SQL. */
export type CommissionTotals = RpcResult<'commission_totals'>[number];

/** The list's filter as commission_totals' arguments, so the figures describe exactly the rows shown. */
export function commissionTotalsArgs(filter: Record<string, unknown>): RpcArgs<'commission_totals'> {
  const tier = filter.tier === undefined || filter.tier === null || filter.tier === '' ? undefined : Number(filter.tier);
  return {
    // the status select offers only the enum's values
    p_status: filterText(filter.status) as Enums<'commission_status'> | undefined,
    p_tier: Number.isInteger(tier) ? tier : undefined,
    p_beneficiary_id: filterText(filter.beneficiary_id),
    p_beneficiary_name: searchTerm(filter['beneficiary_name@ilike']) ?? undefined,
    p_trade_id: filterText(filter.trade_id),
    p_merchant_name: searchTerm(filter['merchant_name@ilike']) ?? undefined,
    p_from: filterText(filter['created_at@gte']),
    p_to: filterText(filter['created_at@lte']),
  };
}

export const totals = async (dp: RpcClient, args: RpcArgs<'commission_totals'>): Promise<CommissionTotals> =>
  (await dp.rpc('commission_totals', args))[0];
