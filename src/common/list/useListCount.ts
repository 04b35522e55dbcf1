// The count of a list that pages without a total (partial pagination): estimated once per
// filter, counted exactly when cheap or when asked. Both are react-query entries keyed by the
// resource and filter, so the pagination, the export button and a "last page" click share them,
// and react-admin's refresh (which invalidates every query) recounts.
import { useCallback, useMemo } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useDataProvider, useListContext } from 'react-admin';
import type { AppDataProvider, CountHow } from '../../providers/dataProvider';
import { countsExactlyByItself, isFiltered, readEstimate, type ListCount } from './counts';

export interface ListCountState {
  /** the best count known: exact, else the estimate; undefined while nothing is known */
  count?: ListCount;
  /** an exact count is being made */
  counting: boolean;
  /** counts exactly (once per filter; cached) and returns the total */
  countExactly: () => Promise<number>;
}

const STALE = 30_000;

const countKey = (resource: string, how: CountHow, filter: Record<string, unknown>) => [resource, 'countRows', how, filter];

/** The exact count of a list's filter if one was made already (the export's progress uses it; it never counts). */
export function cachedExactCount(queryClient: QueryClient, resource: string, filter: Record<string, unknown>): number | undefined {
  return queryClient.getQueryData<number>(countKey(resource, 'exact', filter));
}

/**
 * `exact`: a count the list already has from elsewhere (a totals bar's exact count of the same
 * filter); it is used instead of counting again. `permanent`: the list's own `filter` prop,
 * which react-admin applies to every read but keeps out of the list context.
 */
export function useListCount(exact?: number, permanent?: Record<string, unknown>): ListCountState {
  const list = useListContext();
  const { resource, total } = list;
  const filterValues = useMemo(() => (permanent ? { ...list.filterValues, ...permanent } : list.filterValues), [list.filterValues, permanent]);
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const partial = total === undefined || total === null;
  const key = (how: CountHow) => countKey(resource, how, filterValues);
  const count = (how: CountHow) => () => dataProvider.countRows(resource, filterValues, how);

  const estimated = useQuery({
    queryKey: key('estimated'),
    queryFn: count('estimated'),
    enabled: partial && exact === undefined,
    staleTime: STALE,
  });
  const estimate = estimated.data === undefined ? undefined : readEstimate(estimated.data);
  const exactQuery = useQuery({
    queryKey: key('exact'),
    queryFn: count('exact'),
    // a disabled query still shows what a click (countExactly) put in the cache
    enabled: partial && exact === undefined && countsExactlyByItself(estimate, isFiltered(filterValues)),
    staleTime: STALE,
  });

  const countExactly = useCallback(async () => {
    if (exact !== undefined) return exact;
    if (!partial) return total as number;
    return queryClient.fetchQuery({
      queryKey: countKey(resource, 'exact', filterValues),
      queryFn: () => dataProvider.countRows(resource, filterValues, 'exact'),
      staleTime: STALE,
    });
  }, [exact, partial, total, queryClient, dataProvider, resource, filterValues]);

  let known: ListCount | undefined;
  if (!partial) known = { kind: 'exact', total: total as number };
  else if (exact !== undefined) known = { kind: 'exact', total: exact };
  else if (exactQuery.data !== undefined) known = { kind: 'exact', total: exactQuery.data };
  else known = estimate;
  return { count: known, counting: exactQuery.isFetching, countExactly };
}
