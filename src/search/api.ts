// The app bar search's one call.
import { rowsOf, type RpcClient } from '../providers/rpc';

export interface SearchHit {
  kind: string;
  id: string;
  title: string;
  subtitle: string;
}

/** global_search: up to `limit` records of each kind, within the caller's role and regions. */
export const globalSearch = async (dp: RpcClient, query: string, limit = 8): Promise<SearchHit[]> =>
  rowsOf<SearchHit>((await dp.rpc('global_search', { p_query: query, p_limit: limit })) ?? []);
