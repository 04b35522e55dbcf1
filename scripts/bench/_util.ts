import type { StackConfig } from '../local-stack/config.ts';
import { ensureScaleDatabase } from '../local-stack/scale.ts';
import { startStack } from '../local-stack/stack.ts';
import type { BenchResult } from '../bench.ts';
import { parseFilters } from '@raphiniert/ra-data-postgrest/lib/urlBuilder.js';
import { planSearch } from '../../src/providers/resourceMap.ts';
import { modeFilter, searchHeader, type SearchMode } from '../../src/providers/listSearch.ts';
import type { SearchTerm } from '../../src/providers/catalogueSearch.ts';

// Small statistics helpers shared by the benchmarks, and the loop over the scale databases.
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Runs fn `n` times after `warmup` runs; returns milliseconds (median, p95). */
export async function timeIt(fn: () => Promise<unknown>, n = 30, warmup = 3): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
export const sec = (v: number) => `${(v / 1000).toFixed(1)} s`;

/**
 * `measure` on the scale database of factor 1, and of BENCH_FACTOR when set (seeded once and
 * kept, scripts/local-stack/scale.ts), each with a stack started on it (which applies the
 * migrations added since the seed; no reseed).
 */
export async function onScaleDatabases(measure: (cfg: StackConfig, factor: number) => Promise<BenchResult[]>): Promise<BenchResult[]> {
  const extra = Math.floor(Number(process.env.BENCH_FACTOR ?? 0));
  const results: BenchResult[] = [];
  for (const factor of extra > 1 ? [1, extra] : [1]) {
    const cfg = await ensureScaleDatabase(factor);
    const stack = await startStack(cfg, { quiet: true });
    try {
      results.push(...(await measure(cfg, factor)));
    } finally {
      await stack.stop();
    }
  }
  return results;
}

/** A staff login's access token (through the gateway, like the panel). */
export async function staffToken(cfg: StackConfig, email = 'reviewer@demo.test'): Promise<string> {
  const res = await fetch(`${cfg.apiUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: cfg.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`${email} sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export type RestGet = (
  query: string,
  opts?: { count?: 'exact' | 'estimated' | 'planned' | null; headers?: Record<string, string>; base?: string },
) => Promise<{ rows: number; total: string; body: unknown }>;

/** GET <base>/<query> with the token: through the gateway (`${apiUrl}/rest/v1`) unless `base` says otherwise. */
export function restClient(cfg: StackConfig, token: string): RestGet {
  return async (query, opts = {}) => {
    const count = opts.count === undefined ? 'estimated' : opts.count;
    const res = await fetch(`${opts.base ?? `${cfg.apiUrl}/rest/v1`}/${query}`, {
      headers: { apikey: cfg.anonKey, authorization: `Bearer ${token}`, ...(count ? { prefer: `count=${count}` } : {}), ...opts.headers },
    });
    if (!res.ok) throw new Error(`${query}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as unknown;
    return { rows: Array.isArray(body) ? body.length : 1, total: res.headers.get('content-range')?.split('/')[1] ?? '?', body };
  };
}

/** The query string of a react-admin filter, as ra-data-postgrest writes it. */
export function filterQuery(filter: Record<string, unknown>): string {
  const { filter: parsed } = parseFilters({ filter }, 'eq') as { filter: Record<string, string | string[]> };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(parsed)) for (const v of [value].flat()) params.append(key, v);
  return params.toString();
}

/** One list page of a search box entry, as the data provider asks it (mode first, unless known). */
export async function listSearch(get: RestGet, view: string, resource: string, q: string, terms: SearchTerm[], page: string, known?: SearchMode | null) {
  const plan = planSearch(resource, { q }, terms);
  let filter = plan.filter;
  const headers: Record<string, string> = {};
  let count: 'estimated' | null = 'estimated';
  if (plan.words) {
    const mode = known !== undefined ? known
      : ((await get(`rpc/search_mode?p_resource=${plan.words.kind}&p_q=${encodeURIComponent(plan.words.text)}`, { count: null })).body as SearchMode | null);
    if (mode) {
      filter = { ...filter, ...modeFilter(mode) };
      headers['x-search'] = searchHeader(plan.words.text);
      if (mode === 'words') count = null;
    }
  }
  const qs = filterQuery(filter);
  return get(`${view}?${page}${qs ? `&${qs}` : ''}`, { count, headers });
}
