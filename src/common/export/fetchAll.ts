import type { DataProvider, SortPayload } from 'react-admin';
import { MAX_ROWS, PARTIAL_META } from '../../providers/partialPages';

export interface FetchAllOptions {
  filter?: Record<string, unknown>;
  sort?: SortPayload;
  meta?: Record<string, unknown>;
  /** rows per request; default max-rows - 1, so the peeked row still fits in one answer */
  pageSize?: number;
  /** stop after this many rows (an export is a record, not a dump) */
  max?: number;
  onProgress?: (loaded: number) => void;
  signal?: AbortSignal;
}

export interface FetchAllResult<Row> {
  rows: Row[];
  /** true when `max` cut the result short */
  truncated: boolean;
}

/**
 * Every row of a filtered list, page by page, through the data provider (so RLS, read views
 * and search apply). Pages are read as react-admin's partial pages (PARTIAL_META: no count,
 * one row more than the page): a count=estimated total may be far below the truth, and
 * PostgREST refuses (416) any offset past it, so the end is the page that says no more follow.
 */
export async function fetchAllRows<Row = Record<string, unknown>>(
  dataProvider: Pick<DataProvider, 'getList'>,
  resource: string,
  opts: FetchAllOptions = {},
): Promise<FetchAllResult<Row>> {
  const pageSize = opts.pageSize ?? MAX_ROWS - 1;
  const max = opts.max ?? 50_000;
  const rows: Row[] = [];
  for (let page = 1; ; page += 1) {
    if (opts.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const result = await dataProvider.getList(resource, {
      pagination: { page, perPage: pageSize },
      sort: opts.sort ?? { field: 'id', order: 'ASC' },
      filter: opts.filter ?? {},
      meta: { ...opts.meta, ...PARTIAL_META },
      signal: opts.signal,
    });
    rows.push(...(result.data as Row[]));
    // never by a total: a short page or pageInfo marks the end
    const last = result.data.length < pageSize || result.pageInfo?.hasNextPage === false;
    if (rows.length >= max) {
      const truncated = rows.length > max || !last;
      rows.length = Math.min(rows.length, max);
      opts.onProgress?.(rows.length);
      return { rows, truncated };
    }
    opts.onProgress?.(rows.length);
    if (last) return { rows, truncated: false };
  }
}
