// Issue 4: the reviewer's lists through PostgREST as the app calls them (reviewer's JWT, so RLS
// is part of every figure), each beside the naive way: list page with its count, a filtered
// list, the search box (selective terms, 宝马, pinyin, free text), and detail pages. Ours = the
// read view with `count=estimated` and the search box exactly as the app asks it (listSearch in
// _util.ts: catalogue words become brand/series/model id filters, other words go to the
// database's search through search_mode and the x-search header); naive = `count=exact` and
// plain ilike.
// Runs at seed factor 1, and at BENCH_FACTOR (e.g. 100) when set, on the shared scale database
// of that factor (scripts/local-stack/scale.ts: seeded once, kept in .local/scale-<N>).
import pg from 'pg';
import type { StackConfig } from '../local-stack/config.ts';
import type { BenchResult } from '../bench.ts';
import type { SearchTerm } from '../../src/providers/catalogueSearch.ts';
import { listSearch, ms, restClient, staffToken, timeIt, onScaleDatabases } from './_util.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const enc = (s: string) => encodeURIComponent(s);

async function measure(cfg: StackConfig, factor: number): Promise<BenchResult[]> {
  const sql = new pg.Client({ connectionString: cfg.dbUrl });
  await sql.connect();
  const sizes = (await sql.query(`select (select count(*) from public.listings) as listings,
    (select count(*) from public.merchants) as merchants, (select count(*) from public.merchant_applications) as applications`)).rows[0];
  const listingId = (await sql.query(`select id from public.listings where review_state = 'approved' order by id limit 1`)).rows[0].id as string;
  const merchantId = (await sql.query(`select id from public.merchants where status = 'active' order by rank_score desc limit 1`)).rows[0].id as string;
  const terms = (await sql.query(`select level, id, brand_id, series_id, terms from public.v_search_terms`)).rows as SearchTerm[];
  await sql.end();
  const rest = restClient(cfg, await staffToken(cfg));
  const get = async (query: string, count: 'exact' | 'estimated' | 'planned' | null = 'estimated') => rest(query, { count });
  const tag = `f${factor}`;
  const out: BenchResult[] = [
    { name: `[${tag}] data: listings / merchants / applications`, value: `${sizes.listings} / ${sizes.merchants} / ${sizes.applications}` },
  ];
  const pair = async (label: string, ours: () => Promise<unknown>, naive?: () => Promise<unknown>) => {
    const a = await timeIt(ours, RUNS);
    const note = naive ? await timeIt(naive, RUNS) : null;
    out.push({
      name: `[${tag}] ${label}`,
      value: `${ms(a.median)} / ${ms(a.p95)}`,
      note: note ? `naive ${ms(note.median)} / ${ms(note.p95)} (median / p95)` : 'median / p95',
    });
  };

  const page = 'offset=0&limit=25&order=created_at.desc';
  await pair('listings page 1 with count (estimated vs exact)', () => get(`v_listings?${page}`), () => get(`v_listings?${page}`, 'exact'));
  await pair(
    'review queue: pending, oldest first, with count',
    () => get('v_listings?offset=0&limit=25&review_state=eq.pending&order=submitted_at.asc'),
    () => get('v_listings?offset=0&limit=25&review_state=eq.pending&order=submitted_at.asc', 'exact'),
  );
  const filtered = `v_listings?${page}&review_state=eq.approved&kind=eq.used_sale&city_code=eq.110100&price_fen=gte.10000000&price_fen=lte.40000000`;
  await pair('filtered list (state, kind, city, price range)', () => get(filtered), () => get(filtered, 'exact'));
  /** One search box entry on a list (first page, with its count, as the app asks it) beside a plain ilike counted exactly. */
  const search = async (label: string, q: string, list = `v_listings?${page}`, resource = 'listings') => {
    const [view, query] = list.split('?');
    const naive = `${list}&search=ilike.${enc(`*${q.split(' ').join('*')}*`)}`;
    await pair(
      `search "${q}" ${label}: ${(await get(naive, 'exact')).total} rows`,
      () => listSearch(rest, view, resource, q, terms, query),
      () => get(naive, 'exact'),
    );
  };
  await search('(brand, ≈10 %, newest 25)', '宝马');
  await search('(series, ≈1.5 %)', '汉兰达');
  await search('(series and model year, < 1 %)', '汉兰达 2022款');
  await search('(Latin series name)', 'X5');
  await search('(pinyin)', 'baoma');
  await search('(pinyin initials)', 'bm');
  await search('(not a catalogue word: text search)', '准新车');
  const pages: [string, string][] = [
    ['merchants page 1 by score with count', 'v_merchants?offset=0&limit=25&order=rank_score.desc'],
    ['application queue with count', 'v_merchant_applications?offset=0&limit=25&state=in.(submitted,in_review)&order=submitted_at.asc'],
    ['reservations page 1 with count', 'v_reservations?offset=0&limit=25&order=created_at.desc'],
    ['trades page 1 with count', 'v_trades?offset=0&limit=25&order=closed_at.desc'],
    ['complaint queue: open, by resolution deadline, with count', 'v_complaints?offset=0&limit=25&is_open=eq.true&order=resolution_due_at.asc'],
    ['members page 1 with count', 'v_members?offset=0&limit=25&order=registered_at.desc'],
  ];
  for (const [label, query] of pages) await pair(label, () => get(query), () => get(query, 'exact'));
  const members = 'v_members?offset=0&limit=25&order=registered_at.desc';
  for (const q of ['林浩然', 'lhr', '8468']) {
    await search('in members (nickname, pinyin, initials or a part of them; four digits: phone tail)', q, members, 'members');
  }
  await pair('listing detail (v_listings by id)', () => get(`v_listings?id=eq.${listingId}`, null));
  await pair('merchant detail (v_merchants by id, all counts)', () => get(`v_merchants?id=eq.${merchantId}`, null));
  return out;
}

export function run(): Promise<BenchResult[]> {
  return onScaleDatabases(measure);
}
