// The analytics calls: one SQL function per chart, all taking a Beijing date range and a region.
import { rowsOf, type RpcArgs, type RpcClient, type RpcName } from '../providers/rpc';

/** The chart functions (analytics_refresh_rollups is the rollups' maintenance, not a chart). */
export type ChartRpc = Exclude<Extract<RpcName, `analytics_${string}`>, 'analytics_refresh_rollups'>;

/** Every chart function's arguments (p_limit only for the rankings). */
export type ChartArgs = RpcArgs<'analytics_top_brands'>;

/**
 * A chart's rows. The generated types know the chart functions' `returns table (…)` only as
 * json, so each chart states its row (charts.tsx).
 */
export const chartRows = async <Row,>(dp: RpcClient, name: ChartRpc, args: ChartArgs): Promise<Row[]> =>
  rowsOf<Row>(await dp.rpc(name, args));
