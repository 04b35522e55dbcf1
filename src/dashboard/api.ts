// The home page's one call: every figure at once (RLS applies: a region-scoped user's figures
// cover their regions only).
import { objectOf, type RpcClient } from '../providers/rpc';
import type { DashboardSummary } from './figures';

export const summary = async (dp: RpcClient): Promise<DashboardSummary> => objectOf<DashboardSummary>(await dp.rpc('dashboard_summary'));
