// The analytics calls: one SQL function per chart, all taking a Beijing date range and a region.
import { rowsOf, type RpcArgs, type RpcClient, type RpcName, type RpcResult } from '../providers/rpc';
import type { AnalyticsFilter } from './range';

/** The chart functions (analytics_refresh_rollups is the rollups' maintenance, not a chart). */
export type ChartRpc = Exclude<Extract<RpcName, `analytics_${string}`>, 'analytics_refresh_rollups'>;

/**
 * Columns a chart function may return NULL in. Supabase's generator types every column of a
 * `returns table (…)` function as not null (Postgres records no nullability for them), so the
 * ones the SQL can leave empty are named here; everything else comes from the generated types.
 */
interface NullableColumns {
  analytics_top_merchants: 'city_code' | 'city_name';
  analytics_member_cities: 'city_name';
  analytics_complaint_resolution: 'avg_hours' | 'median_hours' | 'p90_hours';
  analytics_days_on_market: 'avg_days';
}

type GeneratedRow<N extends ChartRpc> = RpcResult<N> extends Array<infer R> ? R : never;
type WithNulls<R, K extends keyof R> = Omit<R, K> & { [C in K]: R[C] | null };

/** A chart function's row, as the generated types have it (NULL where the SQL allows it). */
export type ChartRow<N extends ChartRpc> = N extends keyof NullableColumns
  ? WithNulls<GeneratedRow<N>, NullableColumns[N] & keyof GeneratedRow<N>>
  : GeneratedRow<N>;

/** Every chart function's arguments (p_limit only for the rankings). */
export type ChartArgs = RpcArgs<'analytics_top_brands'>;

/** The filter as every chart function's arguments (left out = every day, every region). */
export function chartArgs(f: AnalyticsFilter): ChartArgs {
  return { p_from: f.from || undefined, p_to: f.to || undefined, p_city: f.city || undefined };
}

/** A chart's rows. */
export const chartRows = async <N extends ChartRpc>(dp: RpcClient, name: N, args: ChartArgs): Promise<ChartRow<N>[]> =>
  rowsOf<ChartRow<N>>(await dp.rpc(name, args));
