import { describe, expect, it, vi } from 'vitest';
import type { DataProvider } from 'react-admin';
import { HttpError } from 'react-admin';
import { createDataProvider } from '../../src/providers/dataProvider';
import { mapSearch } from '../../src/providers/resourceMap';

function fakeBase() {
  const ok = vi.fn(async () => ({ data: [], total: 0 }));
  return {
    getList: ok,
    getManyReference: ok,
    getOne: vi.fn(async () => ({ data: { id: 1 } })),
    getMany: vi.fn(async () => ({ data: [] })),
    create: vi.fn(async () => ({ data: { id: 1 } })),
    update: vi.fn(async () => {
      throw new HttpError('not_permitted', 403, { code: '42501', message: 'not_permitted' });
    }),
    updateMany: vi.fn(),
    delete: vi.fn(),
    deleteMany: vi.fn(),
  };
}

function fakeClient() {
  return {
    rpc: vi.fn(async (name: string, params: Record<string, unknown>) => ({ data: { id: params.p_id, name }, error: null, status: 200 })),
    functions: { invoke: vi.fn(async () => ({ data: { staff: { id: 'new' } }, error: null })) },
  };
}

const listParams = { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' as const }, filter: {} };

describe('search box mapping', () => {
  it('maps q to the resource search column or an or-filter for small tables', () => {
    expect(mapSearch('trades', { q: ' 宝马  X5 ', city_code: '110100' })).toEqual({ 'search@ilike': '宝马*X5', city_code: '110100' });
    expect(mapSearch('staff', { q: 'zhang' })).toEqual({ '@or': { 'display_name@ilike': 'zhang', 'email@ilike': 'zhang' } });
    expect(mapSearch('audit_log', { q: 'x' })).toEqual({});
    expect(mapSearch('staff', { q: '  ', role: 'admin' })).toEqual({ role: 'admin' });
    expect(mapSearch('trades', { q: 'a,(b)' })).toEqual({ 'search@ilike': 'a*b' });
  });
});

describe('data provider layers', () => {
  it('sends the per-resource count strategy', async () => {
    const base = fakeBase();
    const dp = createDataProvider(fakeClient() as never, base as unknown as DataProvider);
    await dp.getList('staff', listParams);
    await dp.getList('audit_log', listParams);
    await dp.getList('listings', listParams);
    const prefer = (base.getList.mock.calls as unknown[][]).map((c) => (c[1] as { meta: { headers: { Prefer: string } } }).meta.headers.Prefer);
    expect(prefer).toEqual(['count=exact', 'count=estimated', 'count=estimated']);
  });

  it('routes staff writes to the edge function and the audited RPC', async () => {
    const base = fakeBase();
    const client = fakeClient();
    const dp = createDataProvider(client as never, base as unknown as DataProvider);
    await dp.create('staff', { data: { email: 'A@X.test', password: 'pw123456', display_name: 'A', role: 'reviewer' } });
    expect(client.functions.invoke).toHaveBeenCalledWith('admin-users', {
      body: expect.objectContaining({ action: 'create', email: 'a@x.test', role: 'reviewer', region_codes: [] }),
    });
    await dp.update('staff', { id: 'u2', data: { display_name: 'B', role: 'finance', region_codes: ['110000'], reason: '调岗' }, previousData: { id: 'u2' } });
    expect(client.rpc).toHaveBeenCalledWith('staff_update', expect.objectContaining({ p_id: 'u2', p_role: 'finance', p_reason: '调岗' }));
    expect(base.create).not.toHaveBeenCalled();
  });

  it('rethrows refusals as translatable messages with their status', async () => {
    const dp = createDataProvider(fakeClient() as never, fakeBase() as unknown as DataProvider);
    const error = await dp.update('listings', { id: 1, data: {}, previousData: { id: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe('errors.not_permitted');
    expect((error as HttpError).status).toBe(403);
  });

  it('exposes rpc errors the same way', async () => {
    const client = fakeClient();
    client.rpc.mockResolvedValueOnce({ data: null, error: { message: 'reason_required', code: 'P0001' }, status: 400 } as never);
    const dp = createDataProvider(client as never, fakeBase() as unknown as DataProvider);
    await expect(dp.rpc('staff_set_active', { p_id: 'u1', p_active: false, p_reason: '' })).rejects.toThrow('errors.reason_required');
  });
});

describe('big lists', () => {
  it('read a partial page from the peeking provider, without a count, and count on their own', async () => {
    const base = fakeBase();
    base.getList.mockResolvedValueOnce({ data: [], total: 33_665 } as never);
    const peeking = { getList: vi.fn(async () => ({ data: Array.from({ length: 26 }, (_, i) => ({ id: i })) })) };
    const dp = createDataProvider(fakeClient() as never, base as unknown as DataProvider, peeking as unknown as DataProvider);
    const page = await dp.getList('reservations', { ...listParams, filter: { q: '宝马' }, meta: { partial: true } });
    expect(page.data).toHaveLength(25);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(page.total).toBeUndefined();
    const sent = (peeking.getList.mock.calls as unknown[][])[0];
    expect(sent[0]).toBe('v_reservations');
    expect(sent[1]).toMatchObject({ filter: { 'search@ilike': '宝马' } });
    expect((sent[1] as { meta: { headers?: unknown } }).meta.headers).toBeUndefined();

    await expect(dp.countRows('reservations', { state: 'confirmed' }, 'estimated')).resolves.toBe(33_665);
    expect(base.getList).toHaveBeenCalledWith('v_reservations', expect.objectContaining({
      pagination: { page: 1, perPage: 0 },
      filter: { state: 'confirmed' },
      meta: { headers: { Prefer: 'count=estimated' } },
    }));
  });

  it('answer a counted page past the end with no rows and the count, not PostgREST\'s 416', async () => {
    const base = fakeBase();
    base.getList
      .mockRejectedValueOnce(new HttpError('Requested range not satisfiable', 416, {}) as never)
      .mockResolvedValueOnce({ data: [], total: 7 } as never);
    const dp = createDataProvider(fakeClient() as never, base as unknown as DataProvider);
    await expect(dp.getList('staff', { ...listParams, pagination: { page: 40, perPage: 25 } })).resolves.toEqual({ data: [], total: 7 });
    expect((base.getList.mock.calls as unknown[][])[1][1]).toMatchObject({ meta: { headers: { Prefer: 'count=exact' } } });
  });
});

describe('the big lists search in the database', () => {
  const searchParams = (q: string, page = 1) => ({ ...listParams, pagination: { page, perPage: 25 }, filter: { q, status: 'active' } });

  it('asks search_mode once per list and entry, then sends the words in x-search with the mode\'s filter', async () => {
    const base = fakeBase();
    const client = fakeClient();
    client.rpc.mockImplementation((async () => ({ data: 'hits', error: null, status: 200 })) as never);
    const dp = createDataProvider(client as never, base as unknown as DataProvider);
    await dp.getList('members', searchParams('浩然'));
    await dp.getList('members', searchParams('浩然', 2));
    expect(client.rpc).toHaveBeenCalledTimes(1);
    expect(client.rpc).toHaveBeenCalledWith('search_mode', { p_resource: 'members', p_q: '浩然' });
    const sent = (base.getList.mock.calls as unknown[][])[1][1] as { filter: Record<string, unknown>; meta: { headers: Record<string, string> } };
    expect(sent.filter).toEqual({ status: 'active', 'search_hit@eq': true });
    expect(sent.meta.headers).toEqual({ Prefer: 'count=estimated', 'x-search': 'e6b5a9e784b6' });
  });

  it('checks a common word row by row, uncounted, and pages on without a total', async () => {
    const base = fakeBase();
    base.getList.mockImplementation((async () => ({ data: Array.from({ length: 25 }, (_, i) => ({ id: i })), total: Number.NaN })) as never);
    const client = fakeClient();
    client.rpc.mockImplementation((async () => ({ data: 'words', error: null, status: 200 })) as never);
    const dp = createDataProvider(client as never, base as unknown as DataProvider);
    const result = await dp.getList('merchants', searchParams('汽车', 2));
    const sent = (base.getList.mock.calls as unknown[][])[0][1] as { filter: Record<string, unknown>; meta: { headers: Record<string, string> } };
    expect(sent.filter).toEqual({ status: 'active', 'search_match@eq': true });
    expect(sent.meta.headers.Prefer).toBe('handling=lenient');
    expect(result).toEqual({ data: expect.any(Array), pageInfo: { hasPreviousPage: true, hasNextPage: true } });
  });
});
