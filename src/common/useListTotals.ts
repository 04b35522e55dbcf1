// The totals of exactly the rows a list's current filter selects, computed by a totals RPC.
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

/** `argsOf` maps the list's filter to the RPC's arguments (the query's key); `fetch` calls it. */
export function useListTotals<Args, Totals>(
  name: string,
  argsOf: (filter: Record<string, unknown>) => Args,
  fetch: (dp: AppDataProvider, args: Args) => Promise<Totals>,
) {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const args = argsOf(filterValues);
  return useQuery({ queryKey: [name, args], queryFn: () => fetch(dataProvider, args) });
}
