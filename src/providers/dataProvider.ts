// The app's data provider, in layers:
//   1. ra-supabase's PostgREST provider (filters `field@op`, auth header per request);
//   2. reads redirected to read models, count strategy and search box per resource (the features'
//      manifests declare them, resourceMap.ts applies them); big lists page to their end
//      without a count (partialPages.ts) and count on their own (countRows);
//   3. writes that are not plain table writes routed to RPC / edge functions (staff, merchants);
//   4. named business methods for RPC and edge function calls;
// and every error rethrown with a translatable `errors.<code>` message (errors.ts).
import type { DataProvider, GetListParams, GetManyReferenceParams, RaRecord } from 'react-admin';
import { supabaseDataProvider, supabaseHttpClient } from 'ra-supabase';
import { FunctionsHttpError } from '@supabase/supabase-js';
import { supabase, supabaseAnonKey, supabaseUrl } from './supabase';
import { countStrategy, planSearch, readTarget, searchesCatalogue } from './resourceMap';
import type { SearchTerm } from './catalogueSearch';
import { modeFilter, searchHeader, searchModes, type SearchMode } from './listSearch';
import { toAppError } from './errors';
import { isPartial, peekingHttpClient, readPartialPage } from './partialPages';
import type { CreateStaffInput, Staff, UpdateStaffInput } from './types';
import type { RpcArgs, RpcCallArgs, RpcClient, RpcName, RpcResult } from './rpc';
import type { Json } from '../types/database';

export type CountHow = 'estimated' | 'exact';

export interface AppDataProvider extends DataProvider, RpcClient {
  /**
   * How many rows a list's filter selects: `estimated` is exact up to max-rows, the planner's
   * guess above (or max-rows + 1: "more than 1,000"); `exact` counts them all.
   */
  countRows(resource: string, filter: Record<string, unknown>, how: CountHow): Promise<number>;
  invokeFunction<T = unknown>(name: string, body: Record<string, unknown>): Promise<T>;
  /**
   * How a list's filter reads on the server (the export function): the read view, the filter
   * with the search box mapped as the list maps it, and the search header's words if any.
   */
  exportPlan(resource: string, filter: Record<string, unknown>): Promise<ExportPlan>;
  createStaff(input: CreateStaffInput): Promise<Staff>;
  updateStaff(input: UpdateStaffInput): Promise<Staff>;
  setStaffActive(id: string, active: boolean, reason: string): Promise<Staff>;
  resetStaffPassword(userId: string, password: string): Promise<void>;
  updateMerchantProfile(id: string, changes: Record<string, unknown>, reason?: string | null): Promise<void>;
}

type Client = typeof supabase;

export interface ExportPlan {
  view: string;
  filter: Record<string, unknown>;
  /** the x-search header (hex of the words) */
  search?: string;
}

async function callRpc<N extends RpcName>(client: Client, name: N, args?: RpcArgs<N>): Promise<RpcResult<N>> {
  // typed at our boundary (RpcClient); supabase-js's own overloads cannot follow a generic name
  const { data, error, status } = await client.rpc(name, (args ?? {}) as never);
  if (error) {
    throw toAppError({ message: error.message, code: error.code, status, body: { ...error, message: error.message } });
  }
  return data as RpcResult<N>;
}

async function callFunction<T>(client: Client, name: string, body: Record<string, unknown>): Promise<T> {
  const { data, error } = await client.functions.invoke(name, { body });
  if (error) {
    if (error instanceof FunctionsHttpError) {
      const response = error.context as Response;
      let json: unknown = null;
      try {
        json = await response.json();
      } catch {
        // not JSON: keep the generic message
      }
      const detail = (json as { error?: { message?: string } } | null)?.error?.message;
      throw toAppError({ message: detail ?? error.message, status: response.status, body: json });
    }
    throw toAppError(error);
  }
  return data as T;
}

type ListParams = GetListParams | GetManyReferenceParams;

/** A list request with its count strategy and search; a `words` search is not counted. */
function listRequest<P extends ListParams>(
  resource: string,
  params: P,
  filter: Record<string, unknown>,
  search?: { text: string; mode: SearchMode },
): P {
  const headers: Record<string, string> = {};
  // a partial read counts nothing (its http client drops the header anyway)
  if (!isPartial(params.meta)) headers.Prefer = `count=${countStrategy(resource)}`;
  if (search) {
    headers['x-search'] = searchHeader(search.text);
    // a common word's matches are not counted: react-admin pages on without a total
    if (search.mode === 'words' && headers.Prefer) headers.Prefer = 'handling=lenient';
  }
  return {
    ...params,
    filter: search ? { ...filter, ...modeFilter(search.mode) } : filter,
    meta: Object.keys(headers).length ? { ...params.meta, headers: { ...headers, ...(params.meta?.headers ?? {}) } } : params.meta,
  };
}

/** Without a count (PostgREST answers "0-24/*"), the page says whether another follows. */
function withoutTotal<R extends { data: unknown[]; total?: number }>(result: R, params: ListParams): R {
  if (result.total === undefined || Number.isFinite(result.total)) return result;
  const { page, perPage } = params.pagination ?? { page: 1, perPage: result.data.length };
  const { total: _, ...rest } = result;
  return { ...rest, pageInfo: { hasPreviousPage: page > 1, hasNextPage: result.data.length >= perPage } } as unknown as R;
}

/** Translates every rejection of every method. */
function translateErrors<T extends object>(provider: T): T {
  return new Proxy(provider, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          const result = value.apply(target, args);
          return result instanceof Promise ? result.catch((e: unknown) => Promise.reject(toAppError(e))) : result;
        } catch (e) {
          return Promise.reject(toAppError(e));
        }
      };
    },
  });
}

/**
 * `base` and `peeking` replace the PostgREST providers in unit tests; `peeking` reads pages of
 * big lists (one row more than asked, no count: partialPages.ts).
 */
export function createDataProvider(client: Client = supabase, base?: DataProvider, peeking?: DataProvider): AppDataProvider {
  const postgrest: DataProvider =
    base ?? supabaseDataProvider({ instanceUrl: supabaseUrl, apiKey: supabaseAnonKey, supabaseClient: client });
  const peek: DataProvider =
    peeking ??
    base ??
    supabaseDataProvider({
      instanceUrl: supabaseUrl,
      apiKey: supabaseAnonKey,
      supabaseClient: client,
      httpClient: peekingHttpClient(supabaseHttpClient({ apiKey: supabaseAnonKey, supabaseClient: client })),
    });

  // The catalogue's search terms (a few hundred rows), read on the first catalogue search and
  // kept for ten minutes or until the catalogue is written; without them the search box still
  // works, on the slower text search.
  let terms: { at: number; value: Promise<SearchTerm[]> } | null = null;
  const catalogueTerms = (): Promise<SearchTerm[]> => {
    if (!terms || Date.now() - terms.at > 10 * 60_000) {
      const value = Promise.resolve(client.from('v_search_terms').select('level,id,brand_id,series_id,terms')).then(
        ({ data, error }) => {
          if (error) {
            terms = null;
            return [];
          }
          return (data ?? []) as SearchTerm[];
        },
      );
      terms = { at: Date.now(), value };
    }
    return terms.value;
  };
  // How each big list searches an entry (listSearch.ts), asked once per list and entry.
  const modeOf = searchModes(async (kind, text) =>
    (await callRpc(client, 'search_mode', { p_resource: kind, p_q: text })) as SearchMode | null,
  );
  const listParams = async <P extends ListParams>(resource: string, params: P): Promise<P> => {
    const plan = planSearch(resource, params.filter, searchesCatalogue(resource, params.filter) ? await catalogueTerms() : undefined);
    const mode = plan.words ? await modeOf(plan.words.kind, plan.words.text) : null;
    return listRequest(resource, params, plan.filter, plan.words && mode ? { text: plan.words.text, mode } : undefined);
  };
  const forgetTermsOnCatalogueWrite = (resource: string) => {
    if (resource === 'catalogue' || resource.startsWith('car_')) terms = null;
  };

  const business = {
    rpc: <N extends RpcName>(name: N, ...[args]: RpcCallArgs<N>) => callRpc(client, name, args),
    invokeFunction: <T,>(name: string, body: Record<string, unknown>) => callFunction<T>(client, name, body),
    async exportPlan(resource: string, filter: Record<string, unknown>): Promise<ExportPlan> {
      const read: GetListParams = await listParams<GetListParams>(resource, { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter });
      const search = (read.meta?.headers as Record<string, string> | undefined)?.['x-search'];
      return { view: readTarget(resource), filter: read.filter as Record<string, unknown>, ...(search ? { search } : {}) };
    },
    async createStaff(input: CreateStaffInput): Promise<Staff> {
      const result = await callFunction<{ staff: Staff }>(client, 'admin-users', {
        action: 'create',
        email: input.email.trim().toLowerCase(),
        password: input.password,
        display_name: input.display_name,
        role: input.role,
        region_codes: input.region_codes ?? [],
        phone: input.phone ?? null,
      });
      return result.staff;
    },
    // Left-out arguments are SQL null (every optional argument of staff_update defaults to it).
    updateStaff(input: UpdateStaffInput): Promise<Staff> {
      return callRpc(client, 'staff_update', {
        p_id: input.id,
        p_display_name: input.display_name ?? undefined,
        p_role: input.role ?? undefined,
        p_region_codes: input.region_codes ?? undefined,
        p_phone: input.phone ?? undefined,
        p_reason: input.reason ?? undefined,
      });
    },
    // Through the edge function, not the bare staff_set_active RPC: it also bans the login
    // in auth, so a deactivated member cannot get a fresh token either.
    async setStaffActive(id: string, active: boolean, reason: string): Promise<Staff> {
      const result = await callFunction<{ staff: Staff }>(client, 'admin-users', {
        action: 'set_active',
        user_id: id,
        active,
        reason,
      });
      return result.staff;
    },
    async resetStaffPassword(userId: string, password: string): Promise<void> {
      await callFunction(client, 'admin-users', { action: 'reset_password', user_id: userId, password });
    },
    // A patch of the changed profile columns; the function writes the audit row.
    async updateMerchantProfile(id: string, changes: Record<string, unknown>, reason?: string | null): Promise<void> {
      await callRpc(client, 'merchant_update_profile', { p_id: id, p_changes: changes as Json, p_reason: reason ?? undefined });
    },
  };

  const provider: AppDataProvider = {
    ...postgrest,
    ...business,
    getList: async (resource, params) => {
      const read = await listParams(resource, params);
      if (!isPartial(params.meta)) {
        try {
          return withoutTotal(await postgrest.getList(readTarget(resource), read), params);
        } catch (e) {
          // a page past the counted total (a URL's page=…): no rows, so the list goes back
          // to page 1 and its pagination says why, instead of "Requested range not satisfiable"
          if ((e as { status?: number }).status !== 416) throw e;
          return { data: [], total: await provider.countRows(resource, params.filter ?? {}, countStrategy(resource) === 'exact' ? 'exact' : 'estimated') };
        }
      }
      return readPartialPage(peek, readTarget(resource), read);
    },
    // no rows (limit 0), only the Content-Range total; offset 0 is never out of range. The
    // explicit Prefer wins over a words search's "not counted".
    countRows: async (resource, filter, how) => {
      const read = await listParams(resource, {
        pagination: { page: 1, perPage: 0 },
        sort: { field: '', order: 'ASC' },
        filter,
        meta: { headers: { Prefer: `count=${how}` } },
      });
      const { total } = await postgrest.getList(readTarget(resource), read);
      return total ?? 0;
    },
    getManyReference: async <R extends RaRecord>(resource: string, params: GetManyReferenceParams) =>
      withoutTotal(await postgrest.getManyReference<R>(readTarget(resource), await listParams(resource, params)), params),
    getOne: (resource, params) => postgrest.getOne(readTarget(resource), params),
    getMany: (resource, params) => postgrest.getMany(readTarget(resource), params),
    // Staff rows are written only through the edge function and the audited RPCs.
    create: async (resource, params) => {
      forgetTermsOnCatalogueWrite(resource);
      if (resource === 'staff') return { data: await business.createStaff(params.data as CreateStaffInput) } as never;
      return postgrest.create(resource, params);
    },
    update: async (resource, params) => {
      forgetTermsOnCatalogueWrite(resource);
      if (resource === 'staff') {
        const { display_name, role, region_codes, phone, reason } = params.data;
        return { data: await business.updateStaff({ id: String(params.id), display_name, role, region_codes, phone, reason }) } as never;
      }
      // Merchants are written only through merchant_update_profile (the edit screen sends
      // { changes, reason }); the answer is re-read from the read model the screens show.
      if (resource === 'merchants') {
        const { changes, reason } = params.data as { changes?: Record<string, unknown>; reason?: string | null };
        if (!changes || Object.keys(changes).length === 0) return { data: params.previousData } as never;
        await business.updateMerchantProfile(String(params.id), changes, reason);
        return postgrest.getOne(readTarget(resource), { id: params.id });
      }
      return postgrest.update(resource, params);
    },
  };
  return translateErrors(provider);
}

export const dataProvider = createDataProvider();
