import { describe, expect, it, vi } from 'vitest';
import { CHEAP_EXACT_COUNT, MAX_ROWS, countsExactlyByItself, isFiltered, pageCount, readEstimate } from '../../src/common/list/counts';
import { oneMore, partialPage, peekingHttpClient, isPartial, PARTIAL_META } from '../../src/providers/partialPages';

describe('what a list count means', () => {
  it('is exact up to max-rows', () => {
    expect(readEstimate(0)).toEqual({ kind: 'exact', total: 0 });
    expect(readEstimate(MAX_ROWS)).toEqual({ kind: 'exact', total: 1000 });
  });

  it("reads max-rows + 1 as \"more than 1,000\" and anything above as the planner's estimate", () => {
    expect(readEstimate(MAX_ROWS + 1)).toEqual({ kind: 'over', total: 1000 });
    expect(readEstimate(33_665)).toEqual({ kind: 'estimated', total: 33_665 });
  });
});

describe('when a list counts exactly without a click', () => {
  it('never for an exact count, always for "more than 1,000"', () => {
    expect(countsExactlyByItself(undefined, true)).toBe(false);
    expect(countsExactlyByItself({ kind: 'exact', total: 12 }, true)).toBe(false);
    expect(countsExactlyByItself({ kind: 'over', total: 1000 }, false)).toBe(true);
  });

  it('for a filtered list the planner expects to be small, never for an unfiltered big one', () => {
    expect(countsExactlyByItself({ kind: 'estimated', total: CHEAP_EXACT_COUNT }, true)).toBe(true);
    expect(countsExactlyByItself({ kind: 'estimated', total: CHEAP_EXACT_COUNT + 1 }, true)).toBe(false);
    expect(countsExactlyByItself({ kind: 'estimated', total: 5_386 }, false)).toBe(false);
  });

  it('sees a filter only in values that select something', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ q: '', state: undefined, 'state@in': [] })).toBe(false);
    expect(isFiltered({ status: 'closed' })).toBe(true);
    expect(isFiltered({ is_open: false })).toBe(true);
  });

  it('counts pages, at least one', () => {
    expect(pageCount(50_000, 25)).toBe(2000);
    expect(pageCount(50_001, 25)).toBe(2001);
    expect(pageCount(0, 25)).toBe(1);
  });
});

describe('partial pages', () => {
  it('asks for one row more, keeping every other parameter as written', () => {
    expect(oneMore('http://x/rest/v1/v_trades?offset=50&limit=25&search=ilike.*%E5%AE%9D*')).toBe(
      'http://x/rest/v1/v_trades?offset=50&limit=26&search=ilike.*%E5%AE%9D*',
    );
    expect(oneMore('http://x/v?limit=999')).toBe('http://x/v?limit=1000');
    // a filter on a column whose name ends in "limit" is left alone
    expect(oneMore('http://x/v?credit_limit=eq.5&limit=10')).toBe('http://x/v?credit_limit=eq.5&limit=11');
  });

  it('drops the count preference so PostgREST never answers 416', async () => {
    const inner = vi.fn(async (url: string, options?: { headers?: Headers }) => ({ url, prefer: options?.headers?.get('Prefer') }));
    const client = peekingHttpClient(inner as never);
    await client('http://x/v?offset=0&limit=25', { headers: new Headers({ Prefer: 'count=estimated', Accept: 'application/json' }) });
    expect(inner.mock.calls[0][0]).toBe('http://x/v?offset=0&limit=26');
    expect(inner.mock.calls[0][1]?.headers?.get('Prefer')).toBeNull();
    expect(inner.mock.calls[0][1]?.headers?.get('Accept')).toBe('application/json');
  });

  it('keeps a page of rows and says whether more follow', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }));
    expect(partialPage({ data: rows(26), total: NaN }, 1, 25)).toMatchObject({ pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(partialPage({ data: rows(26) }, 1, 25).data).toHaveLength(25);
    expect(partialPage({ data: rows(25) }, 3, 25).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(partialPage({ data: [] }, 2000, 25).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    // PostgREST caps an answer at max-rows, so a full page of 1000 may have more behind it
    expect(partialPage({ data: rows(1000) }, 1, 1000).pageInfo?.hasNextPage).toBe(true);
  });

  it('is asked for through meta', () => {
    expect(isPartial(PARTIAL_META)).toBe(true);
    expect(isPartial({ partial: 'yes' })).toBe(false);
    expect(isPartial(undefined)).toBe(false);
  });
});

describe('deep pages', () => {
  it('order ties by id in the sort direction', async () => {
    const { tiesById } = await import('../../src/providers/partialPages');
    expect(tiesById('http://x/v?offset=0&limit=26&order=created_at.desc')).toBe('http://x/v?offset=0&limit=26&order=created_at.desc%2Cid.desc');
    expect(tiesById('http://x/v?order=name.asc&limit=5')).toBe('http://x/v?order=name.asc%2Cid.asc&limit=5');
    expect(tiesById('http://x/v?order=id.desc')).toBe('http://x/v?order=id.desc');
    expect(tiesById('http://x/v?limit=5')).toBe('http://x/v?limit=5');
  });

  it('read ids first past the first pages, then those rows in the ids\' order', async () => {
    const { readPartialPage, DEFERRED_FROM, IDS_PER_REQUEST } = await import('../../src/providers/partialPages');
    const all = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, name: `row ${i}` }));
    type Params = { pagination: { page: number; perPage: number }; filter: Record<string, string>; meta?: { columns?: string[] } };
    const getList = vi.fn(async (_r: string, p: Params) => {
      if (p.filter['id@in']) {
        const ids = p.filter['id@in'].slice(1, -1).split(',').map((s) => JSON.parse(s) as string);
        // answered in any order: the reader puts them back
        return { data: all.filter((r) => ids.includes(r.id)).reverse() };
      }
      const offset = (p.pagination.page - 1) * p.pagination.perPage;
      const rows = all.slice(offset, offset + p.pagination.perPage + 1); // the peeking client's extra row
      return { data: p.meta?.columns ? rows.map((r) => ({ id: r.id })) : rows };
    });
    const peek = { getList } as never;
    const near = await readPartialPage(peek, 'v', { pagination: { page: 2, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(getList).toHaveBeenCalledTimes(1);
    expect(near.data[0]).toEqual({ id: 'r25', name: 'row 25' });

    getList.mockClear();
    const page = Math.ceil(DEFERRED_FROM / 250) + 1;
    const deep = await readPartialPage(peek, 'v', { pagination: { page, perPage: 250 }, sort: { field: 'id', order: 'ASC' }, filter: { state: 'x' } });
    expect(getList.mock.calls[0][1]).toMatchObject({ filter: { state: 'x' }, meta: { columns: ['id'] } });
    expect(getList).toHaveBeenCalledTimes(1 + Math.ceil(250 / IDS_PER_REQUEST));
    expect(deep.data.map((r) => r.id)).toEqual(all.slice((page - 1) * 250, page * 250).map((r) => r.id));
    expect(deep.data[0]).toHaveProperty('name');
    expect(deep.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
  });
});
