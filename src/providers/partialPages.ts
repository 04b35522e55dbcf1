// Lists that page to their end without a total. A big list's total is the planner's estimate,
// often far below the truth; paging by it stops early, and PostgREST answers 416 to any offset
// past it. So a big list reads its rows with no count at all and one row more than the page:
// that extra row says whether a next page exists. Its count is a separate request
// (countRows in dataProvider.ts), made once per filter, not per page.
//
// A deep page is read in two steps. Postgres computes every column of every row an offset
// skips, and a read view's names are subqueries: page 400 of v_reservations (offset 10,000)
// took 5 s and page 2,000 ran into the statement timeout. Its ids alone take milliseconds at
// any depth (an index walk), and then only those rows are read with their names.
import type { DataProvider, GetListParams, GetListResult, Identifier, RaRecord, fetchUtils } from 'react-admin';

/** PostgREST's max-rows: no answer holds more rows, and a count=estimated total below it is exact. */
export const MAX_ROWS = 1000;

/** `meta` of a getList that pages to the end (react-admin's partial pagination). */
export const PARTIAL_META = { partial: true } as const;

export function isPartial(meta: unknown): boolean {
  return !!meta && typeof meta === 'object' && (meta as { partial?: unknown }).partial === true;
}

type HttpClient = typeof fetchUtils.fetchJson;

/** Pages starting at this offset or later are read ids first (see above). */
export const DEFERRED_FROM = 200;
/** Ids per request when reading rows by id (the URL stays a few kilobytes). */
export const IDS_PER_REQUEST = 100;

/**
 * An http client for ra-data-postgrest that asks for one row more than the page (`limit`
 * + 1), orders ties by id (so consecutive pages neither repeat nor skip a row) and sends no
 * count (no Prefer: count=…; PostgREST then never answers 416, past the end it returns []).
 * The URL's text is edited in place so the other parameters keep their encoding.
 */
export function peekingHttpClient(inner: HttpClient): HttpClient {
  return (url: string, options: fetchUtils.Options = {}) => {
    // ra-data-postgrest always hands a Headers object
    if (options.headers instanceof Headers) options.headers.delete('Prefer');
    return inner(tiesById(oneMore(url)), options);
  };
}

/** The URL with `limit=N` raised to N + 1. */
export function oneMore(url: string): string {
  return url.replace(/([?&])limit=(\d+)(?=&|$)/, (_m, sep: string, n: string) => `${sep}limit=${Number(n) + 1}`);
}

/** The URL's `order=` followed by id in the same direction, unless it orders by id already. */
export function tiesById(url: string): string {
  return url.replace(/([?&])order=([^&]*)/, (whole, sep: string, order: string) => {
    const terms = decodeURIComponent(order).split(',');
    if (terms.some((t) => t.split('.')[0] === 'id')) return whole;
    const direction = terms.at(-1)?.split('.')[1] === 'desc' ? 'desc' : 'asc';
    return `${sep}order=${order}${encodeURIComponent(',')}id.${direction}`;
  });
}

/**
 * One partial page through a peeking provider: directly near the start, ids first further on
 * (then the rows in chunks, put back in the ids' order).
 */
export async function readPartialPage(peek: DataProvider, resource: string, params: GetListParams): Promise<GetListResult> {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  if ((page - 1) * perPage < DEFERRED_FROM) return partialPage(await peek.getList(resource, params), page, perPage);
  const ids = partialPage(await peek.getList(resource, { ...params, meta: { ...params.meta, columns: ['id'] } }), page, perPage);
  return { ...ids, data: await rowsById(peek, resource, ids.data.map((r) => r.id), params.meta) };
}

async function rowsById(peek: DataProvider, resource: string, ids: Identifier[], meta: GetListParams['meta']): Promise<RaRecord[]> {
  const chunks: Identifier[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) chunks.push(ids.slice(i, i + IDS_PER_REQUEST));
  const { columns: _columns, ...rest } = meta ?? {};
  const answers = await Promise.all(
    chunks.map((chunk) =>
      peek.getList(resource, {
        pagination: { page: 1, perPage: chunk.length },
        sort: { field: '', order: 'ASC' },
        filter: { 'id@in': `(${chunk.map(quoted).join(',')})` },
        meta: rest,
      }),
    ),
  );
  const byId = new Map(answers.flatMap((a) => a.data).map((r) => [String(r.id), r]));
  return ids.flatMap((id) => byId.get(String(id)) ?? []);
}

/** A value inside a PostgREST list, double-quoted (ids may hold commas or parentheses). */
const quoted = (id: Identifier) => `"${String(id).replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * The page of a peeking read: at most perPage rows and whether more follow. A page of
 * max-rows or more cannot be peeked past (PostgREST caps the answer), so a full one counts
 * as "maybe more": the reader asks once more and gets an empty page at the end.
 */
export function partialPage<R extends GetListResult>(result: R, page: number, perPage: number): GetListResult {
  const rows = result.data;
  const more = rows.length > perPage || (perPage >= MAX_ROWS && rows.length >= perPage);
  return {
    data: rows.slice(0, perPage),
    pageInfo: { hasNextPage: more, hasPreviousPage: page > 1 },
    meta: result.meta,
  };
}
