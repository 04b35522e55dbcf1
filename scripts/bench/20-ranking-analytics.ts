// Issue 6 targets: the ranking recompute for every merchant ≤ 5 s at seed factor 100, and
// the home dashboard ≤ 300 ms of database time at factor 100. Measures, at factor 1 and at
// BENCH_FACTOR when set (10, 100): the ranking run (as the scheduler), the dashboard summary
// and every chart query (as the analyst, so RLS is part of the figure), median and p95.
// Each factor uses the shared scale database (scripts/local-stack/scale.ts: seeded once, kept
// in .local/scale-<N>; `npm run seed:scale -- --factor N` re-creates it).
import pg from 'pg';
import type { StackConfig } from '../local-stack/config.ts';
import type { BenchResult } from '../bench.ts';
import { ms, sec, timeIt, onScaleDatabases } from './_util.ts';

const ANALYST = '00000000-0000-4000-a000-000000000005';

const CHARTS = [
  'analytics_gmv', 'analytics_reservations', 'analytics_top_brands', 'analytics_top_models', 'analytics_trades_by_hour',
  'analytics_top_merchants', 'analytics_merchant_trend', 'analytics_member_growth', 'analytics_member_levels',
  'analytics_member_cities', 'analytics_complaints_by_category', 'analytics_complaint_resolution',
  'analytics_distributors', 'analytics_commission_daily', 'analytics_days_on_market', 'analytics_payments_by_kind',
];

async function as(client: pg.Client, role: 'analyst' | 'service'): Promise<void> {
  await client.query('reset role');
  if (role === 'service') {
    await client.query(`select set_config('request.jwt.claims', '{"role":"service_role"}', false)`);
    await client.query('set role service_role');
  } else {
    await client.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: ANALYST, role: 'authenticated' })]);
    await client.query('set role authenticated');
  }
}

async function measure(cfg: StackConfig, factor: number): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const client = new pg.Client({ connectionString: cfg.dbUrl });
  await client.connect();
  try {
    const counts = await client.query(`select (select count(*) from public.merchants) as merchants,
      (select count(*) from public.reservations) as reservations, (select count(*) from public.trades) as trades,
      (select count(*) from public.members) as members, (select count(*) from public.listings) as listings`);
    const c = counts.rows[0];
    const note = `${c.merchants} merchants, ${c.listings} listings, ${c.reservations} reservations, ${c.trades} trades, ${c.members} members`;

    await as(client, 'service');
    const ranking = await timeIt(() => client.query(`select public.rank_merchants('schedule')`), factor >= 100 ? 3 : 5, 1);
    out.push({ name: `f${factor} ranking recompute, all merchants (median)`, value: sec(ranking.median), target: factor === 100 ? '≤ 5 s' : undefined, note });
    out.push({ name: `f${factor} ranking recompute (p95)`, value: sec(ranking.p95) });

    await as(client, 'analyst');
    const dash = await timeIt(() => client.query('select public.dashboard_summary()'), 20, 3);
    out.push({ name: `f${factor} home dashboard summary (median)`, value: ms(dash.median), target: factor === 100 ? '≤ 300 ms' : undefined });
    out.push({ name: `f${factor} home dashboard summary (p95)`, value: ms(dash.p95) });

    let allCharts = 0;
    for (const fn of CHARTS) {
      const t = await timeIt(() => client.query(`select * from public.${fn}()`), 10, 2);
      allCharts += t.median;
      out.push({ name: `f${factor} ${fn} (median / p95)`, value: `${ms(t.median)} / ${ms(t.p95)}` });
    }
    out.push({ name: `f${factor} all ${CHARTS.length} charts, sum of medians`, value: ms(allCharts) });
  } finally {
    await client.end();
  }
  return out;
}

export function run(): Promise<BenchResult[]> {
  return onScaleDatabases(measure);
}
