// Issue 5 targets: a settlement run for 30 days ≤ 30 s at factor 100, its no-op re-run ≤ 1 s;
// also 1 day, and withdrawal approvals per second with 50 concurrent finance callers.
// Own stack on port base 45320, seeded at BENCH_FACTOR (default 1). The seed settles every
// past month, so the bench books its own trades (copies of seeded ones, with their
// reservations) into January 2025 — the seed's daily trade volume × 31 days — and settles
// those through the `settle` edge function as finance, the way the screen does.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { stackConfig, type StackConfig } from '../local-stack/config.ts';
import { bootstrap, connect, migrate, seed, startDatabase } from '../local-stack/db.ts';
import { logger } from '../local-stack/log.ts';
import { startStack } from '../local-stack/stack.ts';
import type { BenchResult } from '../bench.ts';
import { ms, sec } from './_util.ts';

const FINANCE_ID = '00000000-0000-4000-a000-000000000004';
const CONCURRENCY = 50;

async function financeClient(cfg: StackConfig): Promise<SupabaseClient> {
  const client = createClient(cfg.apiUrl, cfg.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const { error } = await client.auth.signInWithPassword({ email: 'finance@demo.test', password: 'demo1234' });
  if (error) throw error;
  return client;
}

/** Copies of seeded closed trades (and their reservations) closed in 2025-01-01..31, `perDay` a day. */
async function bookTrades(cfg: StackConfig): Promise<{ perDay: number; total: number }> {
  const pg = connect(cfg);
  await pg.connect();
  try {
    await pg.query('set statement_timeout = 0');
    const { rows } = await pg.query(
      `select greatest(1, round(count(*) / greatest(1, extract(epoch from max(closed_at) - min(closed_at)) / 86400)))::int as per_day
         from trades where status = 'closed'`,
    );
    const perDay = rows[0].per_day as number;
    const total = perDay * 31;
    await pg.query('begin');
    await pg.query('alter table public.reservations disable trigger user');
    await pg.query(
      `create temp table bench_src on commit drop as
       select row_number() over () as n, t.id as trade_id, r.id as reservation_id, extensions.gen_random_uuid() as new_res,
              extensions.gen_random_uuid() as new_trade
         from (select * from public.trades where status = 'closed' order by id limit $1) t
         join public.reservations r on r.id = t.reservation_id`,
      [total],
    );
    await pg.query(
      `insert into public.reservations
       select (jsonb_populate_record(null::public.reservations, to_jsonb(r) || jsonb_build_object('id', s.new_res))).*
         from bench_src s join public.reservations r on r.id = s.reservation_id`,
    );
    await pg.query('alter table public.reservations enable trigger user');
    await pg.query(
      `insert into public.trades (id, reservation_id, merchant_id, member_id, distributor_id, listing_id, brand_id, model_id, kind,
         amount_fen, quantity, city_code, status, closed_at, created_at)
       select s.new_trade, s.new_res, t.merchant_id, t.member_id, t.distributor_id, t.listing_id, t.brand_id, t.model_id, t.kind,
              t.amount_fen, t.quantity, t.city_code, 'closed',
              timestamptz '2025-01-01 09:00+08' + ((s.n - 1) % 31) * interval '1 day' + (s.n % 600) * interval '1 minute',
              timestamptz '2025-01-01 09:00+08'
         from bench_src s join public.trades t on t.id = s.trade_id`,
    );
    await pg.query('commit');
    await pg.query('analyze public.trade_money');
    return { perDay, total };
  } finally {
    await pg.end();
  }
}

/** `n` members with available funds, verified bank accounts and withdrawals claimed by finance (in review). */
async function prepareWithdrawals(cfg: StackConfig, n: number): Promise<string[]> {
  const pg = connect(cfg);
  await pg.connect();
  try {
    await pg.query('set statement_timeout = 0');
    await pg.query(`
      do $$
      declare
        m record;
        b uuid;
        w public.withdrawals;
        i int := 0;
      begin
        for m in select x.id from public.members x
                  where x.status = 'active'
                    and not exists (select 1 from public.withdrawals o where o.owner_id = x.id)
                  order by x.id limit ${n}
        loop
          i := i + 1;
          perform set_config('request.jwt.claims', '{"role":"service_role"}', true);
          perform app.post_journal('adjustment', 'bench', 'w' || m.id, 'bench funding', jsonb_build_array(
            jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', 50000),
            jsonb_build_object('account', app.ledger_account('member', m.id, 'member_available'), 'amount', -50000)));
          b := public.bank_account_add('member', m.id, '基准测试', '招商银行', '6222' || lpad(i::text, 12, '0'));
          perform set_config('request.jwt.claims', '{"sub":"${FINANCE_ID}","role":"authenticated"}', true);
          perform public.bank_account_verify(b, true);
          perform set_config('request.jwt.claims', '{"role":"service_role"}', true);
          w := public.withdrawal_apply('BENCH' || lpad(i::text, 8, '0'), 'member', m.id, 20000, b);
          perform set_config('request.jwt.claims', '{"sub":"${FINANCE_ID}","role":"authenticated"}', true);
          perform public.withdrawal_claim(w.id);
        end loop;
      end $$`);
    const { rows } = await pg.query("select id from withdrawals where withdrawal_no like 'BENCH%' and state = 'in_review'");
    return rows.map((r) => r.id as string);
  } finally {
    await pg.end();
  }
}

async function ledgerCheck(cfg: StackConfig): Promise<number> {
  const pg = connect(cfg);
  await pg.connect();
  try {
    return (await pg.query('select * from ledger_check()')).rowCount ?? 0;
  } finally {
    await pg.end();
  }
}

export async function run(): Promise<BenchResult[]> {
  const factor = Math.max(1, Number(process.env.BENCH_FACTOR ?? 1));
  const cfg = await stackConfig({ name: `bench-money-${factor}`, portBase: 45320 });
  const log = logger('bench', { quiet: true });
  const tSeed = Date.now();
  const database = await startDatabase(cfg, log, { reset: true });
  await bootstrap(cfg);
  await migrate(cfg, log);
  await seed(cfg, log, factor);
  await database.stop();
  const seedMs = Date.now() - tSeed;
  const stack = await startStack(cfg, { quiet: true });
  try {
    const booked = await bookTrades(cfg);
    const finance = await financeClient(cfg);
    const settle = async (from: string, to: string) => {
      const t = performance.now();
      const { data, error } = await finance.functions.invoke('settle', { body: { from, to } });
      if (error) throw new Error(`settle ${from}..${to}: ${await (error as { context?: Response }).context?.text?.()}`);
      return { ms: performance.now() - t, run: (data as { runs: Array<{ trade_count: number; created: boolean }> }).runs[0] };
    };
    const oneDay = await settle('2025-01-01', '2025-01-01');
    const thirty = await settle('2025-01-02', '2025-01-31');
    const rerun = await settle('2025-01-02', '2025-01-31');

    const ids = await prepareWithdrawals(cfg, 500);
    const queue = [...ids];
    let failed = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let id = queue.pop(); id; id = queue.pop()) {
          const { error } = await finance.rpc('withdrawal_approve', { p_id: id, p_note: null });
          if (error) failed++;
        }
      }),
    );
    const approveMs = performance.now() - t0;
    const bad = await ledgerCheck(cfg);

    const f = `factor ${factor}`;
    return [
      { name: `seed (${f})`, value: sec(seedMs) },
      { name: `trades booked for the bench (${booked.perDay}/day × 31)`, value: String(booked.total) },
      { name: `settle 1 day, ${oneDay.run.trade_count} trades (${f})`, value: ms(oneDay.ms) },
      { name: `settle 30 days, ${thirty.run.trade_count} trades (${f})`, value: ms(thirty.ms), target: factor >= 100 ? '≤ 30 s' : undefined },
      { name: `settle 30 days again: no-op (created=${rerun.run.created})`, value: ms(rerun.ms), target: '≤ 1 s' },
      {
        name: `withdrawal approvals, ${CONCURRENCY} concurrent callers`,
        value: `${((ids.length - failed) / (approveMs / 1000)).toFixed(0)} /s`,
        note: `${ids.length - failed} approved in ${ms(approveMs)}, ${failed} refused`,
      },
      { name: 'ledger_check() violations afterwards', value: String(bad), target: '0' },
    ];
  } finally {
    await stack.stop();
  }
}
