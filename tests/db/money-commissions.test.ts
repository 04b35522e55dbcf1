// R-SET-1/2, R-PRO-4: platform fee and distributor commission from the trade triggers,
// frozen → available → claw-back, cancellation, open complaints, the second tier setting;
// R-SET-3/4: settlement statements, idempotent runs; the ledger's own guarantees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db } from '../support/stack.ts';
import { balances, category, code, credit, installFixtures, ledgerProblems, member, merchant, one, trade, val } from './money-fixtures.ts';

let c: pg.Client;
let finance: SupabaseClient;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

beforeAll(async () => {
  c = await db();
  await installFixtures(c);
  finance = await as('finance');
});
afterAll(async () => {
  expect(await ledgerProblems(c)).toEqual([]);
  await c.end();
});

describe('commission on trades', () => {
  it('platform fee from the category rate, distributor commission through a distributor, frozen with the refund window', async () => {
    const cat = await category(c, 0.035, 0.015);
    const m = await merchant(c, cat);
    const [buyer, dist] = [await member(c), await member(c)];
    const t = await trade(c, m, buyer, dist, 12_345_678);
    const tm = await one<Record<string, string>>(c, 'select * from trade_money where trade_id = $1', [t]);
    expect(Number(tm.fee_fen)).toBe(432_099); // 12,345,678 × 0.035 = 432,098.73 → 432,099
    expect(Number(tm.commission_fen)).toBe(185_185); // × 0.015 = 185,185.17
    expect(Number(tm.merchant_net_fen)).toBe(12_345_678 - 432_099 - 185_185);
    const com = await c.query('select * from commissions where trade_id = $1', [t]);
    expect(com.rows).toHaveLength(1);
    expect(com.rows[0]).toMatchObject({ beneficiary_id: dist, tier: 1, status: 'frozen', rate: '0.0150' });
    const window = await val<number>(c, 'select refund_window_days from money_settings');
    expect(new Date(com.rows[0].unfreeze_at).getTime() - new Date(tm.closed_at).getTime()).toBe(window * 86_400_000);
    expect(await balances(c, dist)).toMatchObject({ frozen: 185_185, available: 0 });
    expect(await balances(c, m)).toMatchObject({ pending: 12_345_678 - 432_099 - 185_185 });
  });

  it('a direct deal pays only the platform fee; the merchant override wins over the category rate', async () => {
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat, 0.01);
    const t = await trade(c, m, await member(c), null, 1_000_000);
    expect(await val(c, 'select fee_fen::int from trade_money where trade_id = $1', [t])).toBe(10_000);
    expect(await val(c, 'select count(*)::int from commissions where trade_id = $1', [t])).toBe(0);
  });

  it('is idempotent: the unique (trade, beneficiary, tier) and one close journal per trade', async () => {
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat);
    const dist = await member(c);
    const t = await trade(c, m, await member(c), dist, 1_000_000);
    await expect(c.query(`insert into ledger_journals (kind, ref_type, ref_id) values ('trade_close', 'trade', $1)`, [t])).rejects.toThrow(/ledger_journals_once/);
    await expect(c.query(
      `insert into commissions (trade_id, beneficiary_id, tier, merchant_id, base_amount_fen, rate, amount_fen, rule, status, unfreeze_at, journal_id)
       select trade_id, beneficiary_id, tier, merchant_id, base_amount_fen, rate, amount_fen, rule, status, unfreeze_at, journal_id
         from commissions where trade_id = $1`, [t])).rejects.toThrow(/commissions_once/);
  });

  it('voided while frozen → cancelled and every account back to zero', async () => {
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat);
    const dist = await member(c);
    const t = await trade(c, m, await member(c), dist, 1_000_000);
    await c.query(`update trades set status = 'voided', voided_at = now() where id = $1`, [t]);
    expect(await val(c, 'select status from commissions where trade_id = $1', [t])).toBe('cancelled');
    expect(await balances(c, dist)).toMatchObject({ frozen: 0, available: 0 });
    expect(await balances(c, m)).toMatchObject({ pending: 0 });
  });

  it('release moves due frozen commission to available with a journal; a later refund claws it back with a negative row', async () => {
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat);
    const dist = await member(c);
    const t = await trade(c, m, await member(c), dist, 2_000_000, daysAgo(10));
    const released = await finance.rpc('release_due_commissions');
    expect(released.error).toBeNull();
    expect(released.data).toBeGreaterThanOrEqual(1);
    expect(await val(c, 'select status from commissions where trade_id = $1', [t])).toBe('available');
    expect(await balances(c, dist)).toMatchObject({ frozen: 0, available: 40_000 });
    expect(await val(c, `select count(*)::int from ledger_journals j join commissions c on c.id::text = j.ref_id
                          where j.kind = 'commission_release' and c.trade_id = $1`, [t])).toBe(1);
    await c.query(`update trades set status = 'refunded', refunded_at = now() where id = $1`, [t]);
    const rows = (await c.query('select amount_fen::int, status, is_clawback from commissions where trade_id = $1 order by id', [t])).rows;
    expect(rows).toEqual([
      { amount_fen: 40_000, status: 'clawed_back', is_clawback: false },
      { amount_fen: -40_000, status: 'clawed_back', is_clawback: true },
    ]);
    expect(await balances(c, dist)).toMatchObject({ available: 0, receivable: 0 });
  });

  it('a claw-back larger than the available balance becomes a receivable, never a negative balance', async () => {
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat);
    const dist = await member(c);
    const t = await trade(c, m, await member(c), dist, 1_000_000, daysAgo(9));
    await finance.rpc('release_due_commissions');
    // the distributor withdrew part of it meanwhile (simulated by moving it to locked)
    await c.query(`select app.post_journal('adjustment', 'test_fixture', gen_random_uuid()::text, 'lock',
      jsonb_build_array(jsonb_build_object('account', app.ledger_account('member', $1, 'member_available'), 'amount', 15000),
                        jsonb_build_object('account', app.ledger_account('member', $1, 'member_locked'), 'amount', -15000)))`, [dist]);
    // keep ledger_check's locked = open withdrawals rule true: unlock again after the refund
    await c.query(`update trades set status = 'refunded', refunded_at = now() where id = $1`, [t]);
    expect(await balances(c, dist)).toMatchObject({ available: 0, receivable: 15_000, locked: 15_000 });
    await c.query(`select app.post_journal('adjustment', 'test_fixture', gen_random_uuid()::text, 'unlock',
      jsonb_build_array(jsonb_build_object('account', app.ledger_account('member', $1, 'member_locked'), 'amount', 15000),
                        jsonb_build_object('account', app.ledger_account('member', $1, 'member_available'), 'amount', -15000)))`, [dist]);
  });

  it('an open complaint on the trade keeps its commission frozen', async () => {
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat);
    const [buyer, dist] = [await member(c), await member(c)];
    const t = await trade(c, m, buyer, dist, 1_000_000, daysAgo(8));
    await c.query(
      `insert into complaints (member_id, merchant_id, trade_id, city_code, category, title, content, first_response_due_at, resolution_due_at)
       values ($1, $2, $3, '110100', 'quality', '车况不符', '与描述不符', now() + interval '1 day', now() + interval '7 days')`,
      [buyer, m, t],
    );
    await finance.rpc('release_due_commissions');
    expect(await val(c, 'select status from commissions where trade_id = $1', [t])).toBe('frozen');
  });

  it('the second tier is a setting, off by default; on, the upline earns tier 2', async () => {
    const admin = await as('admin');
    expect(await val(c, 'select second_tier_enabled from money_settings')).toBe(false);
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat);
    const upline = await member(c);
    const dist = await member(c, upline);
    const t1 = await trade(c, m, await member(c), dist, 1_000_000);
    expect(await val(c, 'select count(*)::int from commissions where trade_id = $1', [t1])).toBe(1);
    expect(code(await finance.rpc('money_settings_update', { p_changes: { second_tier_enabled: true } }))).toBe('not_permitted');
    expect((await admin.rpc('money_settings_update', { p_changes: { second_tier_enabled: true, second_tier_rate: 0.005 } })).error).toBeNull();
    try {
      const t2 = await trade(c, m, await member(c), dist, 1_000_000);
      const rows = (await c.query('select beneficiary_id, tier, amount_fen::int from commissions where trade_id = $1 order by tier', [t2])).rows;
      expect(rows).toEqual([
        { beneficiary_id: dist, tier: 1, amount_fen: 20_000 },
        { beneficiary_id: upline, tier: 2, amount_fen: 5_000 },
      ]);
    } finally {
      await admin.rpc('money_settings_update', { p_changes: { second_tier_enabled: false, second_tier_rate: 0 } });
    }
  });
});

describe('settlement runs', () => {
  // a free day far in the past, so reruns on a persistent database never meet an earlier run
  async function freeDay(): Promise<string> {
    return val<string>(c, `select to_char(d, 'YYYY-MM-DD') from generate_series('2001-01-01'::date, '2019-12-31'::date, '1 day') d
      where not exists (select 1 from settlement_runs r where r.period @> d::date) order by random() limit 1`);
  }

  it('writes statements (sales, refunds, fee, commission, net) and moves the net; a second run changes nothing', async () => {
    const day = await freeDay();
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat);
    const dist = await member(c);
    const at = `${day}T10:00:00+08:00`;
    await trade(c, m, await member(c), dist, 1_000_000, at);
    await trade(c, m, await member(c), null, 500_000, at);
    const refunded = await trade(c, m, await member(c), dist, 300_000, at);
    await c.query(`update trades set status = 'refunded', refunded_at = now() where id = $1`, [refunded]);

    const run = await finance.rpc('settle_period', { p_from: day, p_to: day });
    expect(run.error).toBeNull();
    expect(run.data.created).toBe(true);
    const st = await one<Record<string, string>>(c,
      `select * from settlement_statements where owner_type = 'merchant' and owner_id = $1 and period_from = $2`, [m, day]);
    expect(st).toMatchObject({ trade_count: 3, sales_fen: '1800000', refunds_fen: '300000', platform_fee_fen: '75000', commission_fen: '20000', net_fen: '1405000' });
    const ds = await one<Record<string, string>>(c,
      `select * from settlement_statements where owner_type = 'member' and owner_id = $1 and period_from = $2`, [dist, day]);
    expect(ds).toMatchObject({ commission_fen: '20000', net_fen: '20000', refunds_fen: '300000' });
    expect(await balances(c, m)).toMatchObject({ pending: 0, available: 1_405_000 });

    const counts = async () => one(c, `select (select count(*) from settlement_statements) s, (select count(*) from ledger_entries) e,
      (select count(*) from settlement_runs) r, (select count(*) from audit_log where action = 'settlement.run') a`);
    const before = await counts();
    const again = await finance.rpc('settle_period', { p_from: day, p_to: day });
    expect(again.data.created).toBe(false);
    expect(again.data.run_id).toBe(run.data.run_id);
    expect(await counts()).toEqual(before);
    expect(await balances(c, m)).toMatchObject({ pending: 0, available: 1_405_000 });
  });

  it('two runs of the same period at once: one run, one effect', async () => {
    const day = await freeDay();
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat);
    await trade(c, m, await member(c), null, 1_000_000, `${day}T12:00:00+08:00`);
    const admin = await as('admin');
    const [a, b] = await Promise.all([
      finance.rpc('settle_period', { p_from: day, p_to: day }),
      admin.rpc('settle_period', { p_from: day, p_to: day }),
    ]);
    expect([a.data.created, b.data.created].sort()).toEqual([false, true]);
    expect(await balances(c, m)).toMatchObject({ available: 950_000 });
  });

  it('refuses overlapping periods, periods still inside the refund window, and non-finance roles', async () => {
    const day = await freeDay();
    const cat = await category(c, 0.05, 0.02);
    await trade(c, await merchant(c, cat), await member(c), null, 100_000, `${day}T12:00:00+08:00`);
    expect((await finance.rpc('settle_period', { p_from: day, p_to: day })).error).toBeNull();
    const next = new Date(new Date(day).getTime() + 86_400_000).toISOString().slice(0, 10);
    expect(code(await finance.rpc('settle_period', { p_from: day, p_to: next }))).toBe('period_overlap');
    const today = new Date().toISOString().slice(0, 10);
    expect(code(await finance.rpc('settle_period', { p_from: today, p_to: today }))).toBe('period_not_ready');
    for (const role of ['reviewer', 'customer_service', 'analyst'] as const) {
      expect(code(await (await as(role)).rpc('settle_period', { p_from: day, p_to: day }))).toBe('not_permitted');
    }
  });

  it('a refund after settlement takes the net back from available', async () => {
    const day = await freeDay();
    const cat = await category(c, 0.05, 0.02);
    const m = await merchant(c, cat);
    const t = await trade(c, m, await member(c), null, 1_000_000, `${day}T09:00:00+08:00`);
    await finance.rpc('settle_period', { p_from: day, p_to: day });
    expect(await balances(c, m)).toMatchObject({ available: 950_000 });
    await c.query(`update trades set status = 'refunded', refunded_at = now() where id = $1`, [t]);
    expect(await balances(c, m)).toMatchObject({ available: 0, receivable: 0, pending: 0 });
  });

  it('30 days of the seeded data settle fast; a no-op rerun is fast', async () => {
    const last = await one<{ period_from: string; period_to: string }>(c,
      `select to_char(period_from, 'YYYY-MM-DD') period_from, to_char(period_to, 'YYYY-MM-DD') period_to
         from settlement_runs where period_from > '2020-01-01' order by period_to desc limit 1`);
    if (!last) return;
    const t0 = Date.now();
    const again = await finance.rpc('settle_period', { p_from: last.period_from, p_to: last.period_to });
    expect(again.data.created).toBe(false);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('ledger guarantees', () => {
  it('rejects an unbalanced journal, edits and deletes of entries, and balances below zero', async () => {
    await expect(c.query(`with j as (insert into ledger_journals (kind, ref_type, ref_id) values ('adjustment', 'test_fixture', gen_random_uuid()::text) returning id)
      insert into ledger_entries (journal_id, account_id, amount_fen) select j.id, 1, 100 from j`)).rejects.toThrow(/unbalanced_journal/);
    await expect(c.query('update ledger_entries set amount_fen = amount_fen + 1 where id = (select max(id) from ledger_entries)')).rejects.toThrow(/ledger_immutable/);
    await expect(c.query('delete from ledger_entries where id = (select max(id) from ledger_entries)')).rejects.toThrow(/ledger_immutable/);
    await expect(c.query('delete from ledger_journals where id = (select max(id) from ledger_journals)')).rejects.toThrow(/ledger_immutable/);
    const mem = await member(c);
    await credit(c, 'member', mem, 1_000);
    await expect(c.query(`select app.post_journal('adjustment', 'test_fixture', gen_random_uuid()::text, 'overdraw',
      jsonb_build_array(jsonb_build_object('account', app.ledger_account('member', $1, 'member_available'), 'amount', 1001),
                        jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', -1001)))`, [mem]))
      .rejects.toThrow(/insufficient_balance/);
  });

  it('RLS: finance, admin, customer service and analyst read commissions and the ledger; reviewer reads nothing', async () => {
    for (const role of ['admin', 'finance', 'customer_service', 'analyst'] as const) {
      const client = await as(role);
      expect((await client.from('v_commissions').select('id').limit(1)).data!.length).toBe(1);
      expect((await client.from('v_accounts').select('owner_type').limit(1)).data!.length).toBe(1);
      expect((await client.from('v_settlements').select('id').limit(1)).data!.length).toBe(1);
    }
    const reviewer = await as('reviewer');
    for (const view of ['v_commissions', 'v_accounts', 'v_settlements', 'v_ledger_entries']) {
      expect((await reviewer.from(view).select('*').limit(1)).data).toEqual([]);
    }
    expect(code(await reviewer.rpc('ledger_check'))).toBe('not_permitted');
    expect((await finance.rpc('ledger_check')).data).toEqual([]);
  });
});
