import type { DataProvider, SortPayload } from 'react-admin';

export interface FetchAllOptions {
  filter?: Record<string, unknown>;
  sort?: SortPayload;
  meta?: Record<string, unknown>;
  /** rows per request */
  pageSize?: number;
  /** stop after this many rows (an export is a record, not a dump) */
  max?: number;
  onProgress?: (loaded: number, total: number | undefined) => void;
  signal?: AbortSignal;
}

export interface FetchAllResult<Row> {
  rows: Row[];
  /** true when `max` cut the result short */
  truncated: boolean;
  total?: number;
}

/** Every row of a filtered list, page by page, through the data provider (so RLS, read views and search apply). */
export async function fetchAllRows<Row = Record<string, unknown>>(
  dataProvider: Pick<DataProvider, 'getList'>,
  resource: string,
  opts: FetchAllOptions = {},
): Promise<FetchAllResult<Row>> {
  const pageSize = opts.pageSize ?? 1000;
  const max = opts.max ?? 50_000;
  const rows: Row[] = [];
  let total: number | undefined;
  for (let page = 1; ; page += 1) {
    if (opts.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const result = await dataProvider.getList(resource, {
      pagination: { page, perPage: pageSize },
      sort: opts.sort ?? { field: 'id', order: 'ASC' },
      filter: opts.filter ?? {},
      meta: opts.meta,
      signal: opts.signal,
    });
    total = result.total ?? total;
    rows.push(...(result.data as Row[]));
    // an estimated count may be off, so only a short page (or pageInfo) marks the end
    const last = result.data.length < pageSize || result.pageInfo?.hasNextPage === false;
    if (rows.length >= max) {
      const truncated = rows.length > max || !last;
      rows.length = Math.min(rows.length, max);
      opts.onProgress?.(rows.length, total);
      return { rows, truncated, total };
    }
    opts.onProgress?.(rows.length, total);
    if (last) return { rows, truncated: false, total };
  }
}
