// The trades list's filter → the trade_totals(filters jsonb) RPC's keys, so the totals bar
// sums exactly the rows the list shows (same RLS, same filter).

const DIRECT = ['status', 'kind', 'merchant_id', 'member_id', 'distributor_id', 'city_code', 'province_code', 'brand_id', 'q'] as const;

export function totalsFilter(filter: Record<string, unknown> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of DIRECT) {
    const v = filter[key];
    if (v !== undefined && v !== null && v !== '') out[key] = String(v);
  }
  if (filter['closed_at@gte']) out.closed_from = String(filter['closed_at@gte']);
  if (filter['closed_at@lte']) out.closed_to = String(filter['closed_at@lte']);
  return out;
}

/** Filters the list uses that trade_totals does not understand (the totals would be wrong). */
export function unsupportedFilters(filter: Record<string, unknown> = {}): string[] {
  const known = new Set<string>([...DIRECT, 'closed_at@gte', 'closed_at@lte']);
  return Object.keys(filter).filter((k) => !known.has(k) && filter[k] !== undefined && filter[k] !== '');
}
