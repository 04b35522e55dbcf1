// The analytics calls: one SQL function per chart, all taking a Beijing date range and a region.
import { rowsOf, type RpcArgs, type RpcClient, type RpcName } from '../providers/rpc';
import type { AnalyticsFilter } from './range';

/**
 * Each chart function's row. The generated types know a `returns table (…)` function only as
 * json (scripts/gen-types.ts), so the rows are stated here, once, as the SQL declares them.
 */
export interface ChartRows {
  analytics_gmv: { day: string; trades: number; gmv_fen: number };
  analytics_reservations: { day: string; kind: string; total: number; successful: number; cancelled: number };
  analytics_top_brands: { brand_id: number; brand_name: string; trades: number; gmv_fen: number };
  analytics_top_models: { model_id: number; model_name: string; series_name: string; brand_name: string; trades: number; gmv_fen: number };
  analytics_trades_by_hour: { hour: number; trades: number; gmv_fen: number };
  analytics_top_merchants: { merchant_id: string; merchant_name: string; city_code: string | null; city_name: string | null; trades: number; gmv_fen: number };
  analytics_merchant_trend: { week: string; merchant_id: string; merchant_name: string; trades: number; gmv_fen: number };
  analytics_member_growth: { day: string; new_members: number; total_members: number };
  analytics_member_levels: { level: string; members: number };
  analytics_member_cities: { city_code: string; city_name: string | null; members: number };
  analytics_complaints_by_category: { category: string; total: number; open: number; resolved: number; upheld: number };
  analytics_complaint_resolution: { category: string; resolved: number; avg_hours: number | null; median_hours: number | null; p90_hours: number | null; late: number };
  analytics_distributors: { distributor_id: string; nickname: string; reservations: number; trades: number; gmv_fen: number; commission_fen: number };
  analytics_commission_daily: { day: string; commission_fen: number; records: number };
  analytics_days_on_market: { kind: string; bucket: string; bucket_order: number; listings: number; avg_days: number | null };
  analytics_payments_by_kind: { kind: string; channel: string; payments: number; amount_fen: number; refunded: number; refunded_fen: number };
}

/** The chart functions (analytics_refresh_rollups is the rollups' maintenance, not a chart). */
export type ChartRpc = keyof ChartRows & RpcName;
export type ChartRow<N extends ChartRpc> = ChartRows[N];

/** Every chart function's arguments (p_limit only for the rankings). */
export type ChartArgs = RpcArgs<'analytics_top_brands'>;

/** The filter as every chart function's arguments (left out = every day, every region). */
export function chartArgs(f: AnalyticsFilter): ChartArgs {
  return { p_from: f.from || undefined, p_to: f.to || undefined, p_city: f.city || undefined };
}

/** A chart's rows. */
export const chartRows = async <N extends ChartRpc>(dp: RpcClient, name: N, args: ChartArgs): Promise<ChartRow<N>[]> =>
  rowsOf<ChartRow<N>>(await dp.rpc(name, args));
