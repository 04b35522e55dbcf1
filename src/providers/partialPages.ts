// Lists that page to their end without a total. A big list's total is the planner's estimate,
// often far below the truth; paging by it stops early, and PostgREST answers 416 to any offset
// past it. So a big list reads its rows with no count at all and one row more than the page:
// that extra row says whether a next page exists. Its count is a separate request
// (countRows in dataProvider.ts), made once per filter, not per page.
import type { GetListResult, fetchUtils } from 'react-admin';

/** PostgREST's max-rows: no answer holds more rows, and a count=estimated total below it is exact. */
export const MAX_ROWS = 1000;

/** `meta` of a getList that pages to the end (react-admin's partial pagination). */
export const PARTIAL_META = { partial: true } as const;

export function isPartial(meta: unknown): boolean {
  return !!meta && typeof meta === 'object' && (meta as { partial?: unknown }).partial === true;
}

type HttpClient = typeof fetchUtils.fetchJson;

/**
 * An http client for ra-data-postgrest that asks for one row more than the page (`limit`
 * + 1, edited in the URL's text so the other parameters keep their encoding) and no count
 * (no Prefer: count=…; PostgREST then never answers 416, past the end it returns []).
 */
export function peekingHttpClient(inner: HttpClient): HttpClient {
  return (url: string, options: fetchUtils.Options = {}) => {
    // ra-data-postgrest always hands a Headers object
    if (options.headers instanceof Headers) options.headers.delete('Prefer');
    return inner(oneMore(url), options);
  };
}

/** The URL with `limit=N` raised to N + 1. */
export function oneMore(url: string): string {
  return url.replace(/([?&])limit=(\d+)(?=&|$)/, (_m, sep: string, n: string) => `${sep}limit=${Number(n) + 1}`);
}

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
