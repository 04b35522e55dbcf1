// List filter → parameters of the totals RPCs (payment_totals, commission_totals), so the
// figures above a list always describe exactly the rows the list shows.

/** The search box as the list sends it (words joined by `*`, reserved characters dropped). */
export function searchTerm(q: unknown): string | null {
  if (typeof q !== 'string') return null;
  const term = q.trim().replace(/[,()*%\\"]/g, ' ').trim().split(/\s+/).filter(Boolean).join('*');
  return term || null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export function paymentTotalsParams(filter: Record<string, unknown>): Record<string, unknown> {
  return {
    p_kind: str(filter.kind),
    p_channel: str(filter.channel),
    p_status: str(filter.status),
    p_payer_type: str(filter.payer_type),
    p_payer_id: str(filter.merchant_id) ?? str(filter.member_id),
    p_from: str(filter['created_at@gte']),
    p_to: str(filter['created_at@lte']),
    p_search: searchTerm(filter.q),
  };
}

export function commissionTotalsParams(filter: Record<string, unknown>): Record<string, unknown> {
  const tier = filter.tier === undefined || filter.tier === null || filter.tier === '' ? null : Number(filter.tier);
  return {
    p_status: str(filter.status),
    p_tier: Number.isInteger(tier) ? tier : null,
    p_beneficiary_id: str(filter.beneficiary_id),
    p_beneficiary_name: searchTerm(filter['beneficiary_name@ilike']),
    p_trade_id: str(filter.trade_id),
    p_merchant_name: searchTerm(filter['merchant_name@ilike']),
    p_from: str(filter['created_at@gte']),
    p_to: str(filter['created_at@lte']),
  };
}
