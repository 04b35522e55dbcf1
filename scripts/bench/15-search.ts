// Issue 17: finding anything fast. With a staff token through the gateway, as the panel asks:
//   - the fixed cost of a request: a bare one-row read through the gateway beside the same read
//     straight to PostgREST, and PostgREST's own JWT time (Server-Timing);
//   - "about N" for unscoped staff: the planner's estimate beside the true count;
//   - a list page with its count;
//   - global_search for every kind of term, beside the naive way (each list's ILIKE search);
//   - the big lists' search (search_mode, then the page through search_hit / search_match)
//     for a common, a rare and an unknown word and a member name fragment, beside plain ILIKE.
// Runs at seed factor 1, and at BENCH_FACTOR when set, on the shared scale databases.
import pg from 'pg';
import type { StackConfig } from '../local-stack/config.ts';
import type { BenchResult } from '../bench.ts';
import type { SearchMode } from '../../src/providers/listSearch.ts';
import type { SearchTerm } from '../../src/providers/catalogueSearch.ts';
import { listSearch, ms, onScaleDatabases, percentile, restClient, staffToken, timeIt, type RestGet } from './_util.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const enc = encodeURIComponent;

async function measure(cfg: StackConfig, factor: number): Promise<BenchResult[]> {
  const sql = new pg.Client({ connectionString: cfg.dbUrl });
  await sql.connect();
  const one = async <T>(text: string, params: unknown[] = []) => (await sql.query(text, params)).rows[0] as T;
  const terms = (await sql.query(`select level, id, brand_id, series_id, terms from public.v_search_terms`)).rows as SearchTerm[];
  const pick = await one<Record<string, string>>(`select
    (select left(id::text, 8) from public.reservations order by id limit 1 offset 7) as reservation,
    (select id::text from public.trades order by id limit 1 offset 3) as trade,
    (select payment_no from public.payments where channel_txn_id is not null order by id limit 1) as payment_no,
    (select channel_txn_id from public.payments where channel_txn_id is not null order by id limit 1) as txn,
    (select withdrawal_no from public.withdrawals order by id limit 1) as withdrawal_no,
    (select vin from public.listings where vin is not null order by id limit 1) as vin,
    (select phone_tail from public.members order by id limit 1) as tail,
    (select name from public.merchants order by rank_score desc nulls last limit 1) as merchant`);
  const truth = await one<Record<string, string>>(`select (select count(*) from public.listings) as listings,
    (select count(*) from public.members) as members, (select count(*) from public.reservations) as reservations,
    (select count(*) from public.trades) as trades`);
  const matches = async (table: string, q: string) =>
    (await one<{ n: string }>(`select count(*) as n from public.${table} where search ilike all ($1)`,
      [q.split(' ').map((w) => `%${w.toLowerCase()}%`)])).n;
  try {
    return await measureWith(cfg, factor, pick, truth, terms, matches);
  } finally {
    await sql.end();
  }
}

async function measureWith(
  cfg: StackConfig,
  factor: number,
  pick: Record<string, string>,
  truth: Record<string, string>,
  terms: SearchTerm[],
  matches: (table: string, q: string) => Promise<string>,
): Promise<BenchResult[]> {

  const reviewer = restClient(cfg, await staffToken(cfg, 'reviewer@demo.test'));
  const service = restClient(cfg, await staffToken(cfg, 'service@demo.test'));
  const finance = restClient(cfg, await staffToken(cfg, 'finance@demo.test'));
  const tag = `f${factor}`;
  const out: BenchResult[] = [];
  const row = async (label: string, ours: () => Promise<unknown>, naive?: () => Promise<unknown>, target?: string, beside = 'naive') => {
    const a = await timeIt(ours, RUNS);
    const b = naive ? await timeIt(naive, RUNS) : null;
    out.push({
      name: `[${tag}] ${label}`,
      value: `${ms(a.median)} / ${ms(a.p95)}`,
      target,
      note: b ? `${beside} ${ms(b.median)} / ${ms(b.p95)}, ratio ${(b.median / a.median).toFixed(2)} (median / p95)` : 'median / p95',
    });
  };

  // 1. The fixed cost of a request.
  const bare = 'car_brands?select=id&limit=1';
  const direct = `http://${cfg.host}:${cfg.restPort}`;
  await row('bare one-row read through the gateway',
    () => reviewer(bare, { count: null }), () => reviewer(bare, { count: null, base: direct }), undefined, 'straight to PostgREST');
  const jwt: number[] = [];
  const token = await staffToken(cfg);
  for (let i = 0; i < RUNS + 5; i++) {
    const res = await fetch(`${direct}/${bare}`, { headers: { authorization: `Bearer ${token}` } });
    await res.text();
    const d = /jwt;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
    if (d && i >= 5) jwt.push(Number(d));
  }
  jwt.sort((x, y) => x - y);
  out.push({ name: `[${tag}] PostgREST JWT check per request (Server-Timing, cached)`, value: jwt.length ? `${percentile(jwt, 50).toFixed(0)} µs` : 'n/a', note: 'median; 250–430 µs uncached on this machine' });

  // 2. "About N" for unscoped staff.
  for (const [view, table] of [['v_listings', 'listings'], ['v_members', 'members'], ['v_reservations', 'reservations'], ['v_trades', 'trades']]) {
    const about = Number((await reviewer(`${view}?select=id&limit=1`, { count: 'planned' })).total);
    const real = Number(truth[table]);
    out.push({ name: `[${tag}] "about N" of ${view} for unscoped staff`, value: `${about} / ${real}`, target: 'within 10 %',
      note: `estimate / truth = ${(about / real).toFixed(3)}` });
  }

  // 3. A list page with its count.
  const page = 'offset=0&limit=25&order=created_at.desc';
  await row('listings page 1 with count', () => reviewer(`v_listings?${page}`), () => reviewer(`v_listings?${page}`, { count: 'exact' }), '≤ 10 ms p95 (f100)');

  // 4. global_search, every kind of term.
  const naiveText = (get: RestGet, q: string) => async () => {
    const p = `search=ilike.${enc(`*${q}*`)}&limit=20`;
    for (const v of ['v_members', 'v_merchants', 'v_listings', 'v_complaints']) await get(`${v}?select=id&${p}`, { count: null });
  };
  const box = (get: RestGet, q: string) => () => get(`rpc/global_search?p_query=${enc(q)}&p_limit=20`, { count: null });
  const kinds: [string, RestGet, string, boolean][] = [
    ['member name fragment 浩然', service, '浩然', true],
    ['member pinyin fragment haoran', service, 'haoran', true],
    [`phone's last four ${pick.tail}`, service, pick.tail, true],
    ['merchant name', service, pick.merchant, true],
    ['common listing word 准新车', reviewer, '准新车', true],
    ['unknown word (no match)', reviewer, 'zqxvbn', true],
    ['complaint text 加价', service, '加价', true],
    ['reservation number (first 8 digits)', service, pick.reservation, false],
    ['trade number (whole id)', service, pick.trade, false],
    ['payment number', finance, pick.payment_no, false],
    ['channel transaction id', finance, pick.txn, false],
    ['withdrawal number', finance, pick.withdrawal_no, false],
    ['VIN', reviewer, pick.vin, false],
  ];
  for (const [label, get, q, words] of kinds) {
    await row(`global_search: ${label}`, box(get, q), words ? naiveText(get, q) : undefined, '≤ 30 / 60 ms (f100)');
  }

  // 5. The big lists' search box.
  const lists: [string, RestGet, string, string, string, string][] = [
    ['listings', reviewer, 'v_listings', 'listings', '准新车', 'common word'],
    ['listings', reviewer, 'v_listings', 'listings', '珍珠白 2019', 'rare words'],
    ['listings', reviewer, 'v_listings', 'listings', 'zqxvbn', 'unknown word'],
    ['members', service, 'v_members', 'members', '林浩然', 'member name'],
    ['members', service, 'v_members', 'members', '浩然', 'member name fragment'],
    ['complaints', service, 'v_complaints', 'complaints', '加价', 'complaint text'],
  ];
  for (const [table, get, view, resource, q, what] of lists) {
    const order = resource === 'members' ? 'offset=0&limit=25&order=registered_at.desc' : page;
    const n = await matches(table, q);
    const mode = (await get(`rpc/search_mode?p_resource=${resource}&p_q=${enc(q)}`, { count: null })).body as SearchMode | null;
    const naive = () => get(`${view}?${order}&search=ilike.${enc(`*${q.split(' ').join('*')}*`)}`);
    await row(`${resource} list search "${q}" (${what}, ${n} rows, ${mode}): new entry`, () => listSearch(get, view, resource, q, terms, order), naive, '≤ 50 ms p95 (f100)');
    const first = await listSearch(get, view, resource, q, terms, order, mode);
    if (first.rows === 25 && (first.total === '*' || Number(first.total) > 25)) {
      await row(`${resource} list search "${q}": next page`, () => listSearch(get, view, resource, q, terms, order.replace('offset=0', 'offset=25'), mode));
    }
  }
  return out;
}

export function run(): Promise<BenchResult[]> {
  return onScaleDatabases(measure);
}
