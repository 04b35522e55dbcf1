// The settle edge function through the gateway: finance runs a period (the run and its audit
// row name them), a reviewer is refused, running the same period again changes nothing, the
// service key runs the scheduler's path, and the ledger stays consistent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { anonClient, as, db, serviceClient, type StaffRole } from '../support/stack.ts';
import { expectRefused, NOT_OBJECTS } from './bodies.ts';

interface Run {
  run_id: number;
  created: boolean;
  period_from: string;
  period_to: string;
  trade_count: number;
  merchant_net_fen: number;
  platform_fee_fen: number;
}

async function invoke(role: StaffRole | 'service' | 'anon', body: Record<string, unknown>) {
  const client = role === 'service' ? await serviceClient() : role === 'anon' ? await anonClient() : await as(role);
  const { data, error } = await client.functions.invoke('settle', { body });
  const response = (error as { context?: Response } | null)?.context;
  const errBody = response ? await response.json().catch(() => null) : undefined;
  return { data: data as { runs: Run[] } | null, status: response?.status ?? 200, errBody };
}

/** Everything a settlement could touch, to prove a re-run changes nothing. */
async function snapshot(pg: pg.Client) {
  const { rows } = await pg.query(`
    select (select count(*) from ledger_journals)::int as journals,
           (select count(*) from ledger_entries)::int as entries,
           (select count(*) from settlement_runs)::int as runs,
           (select count(*) from settlement_statements)::int as statements,
           (select count(*) from trade_money where settlement_run_id is not null)::int as settled_trades,
           (select coalesce(sum(balance_fen), 0)::text from ledger_accounts where kind in ('merchant_available', 'platform_revenue')) as settled_fen,
           (select count(*) from audit_log where action = 'settlement.run')::int as audits`);
  return rows[0];
}

/** Latest business days past the refund window that no run covers yet (newest first). */
async function unsettledDays(pg: pg.Client, n: number): Promise<string[]> {
  const { rows } = await pg.query(
    `with w as (select (now() at time zone 'Asia/Shanghai')::date - refund_window_days - 1 as last_ready from money_settings)
     select to_char(d, 'YYYY-MM-DD') as day
       from w, generate_series(w.last_ready - 400, w.last_ready, interval '1 day') d
      where not exists (select 1 from settlement_runs r where r.period @> d::date)
      order by d desc limit $1`,
    [n],
  );
  return rows.map((r) => r.day as string);
}

describe('settle edge function', () => {
  let pg: pg.Client;
  let days: string[];

  beforeAll(async () => {
    pg = await db();
    days = await unsettledDays(pg, 2);
    expect(days.length).toBe(2);
  });

  afterAll(async () => {
    const { rows } = await pg.query('select * from ledger_check()');
    await pg.end();
    expect(rows).toEqual([]);
  });

  it('lets finance settle a period; the run and its audit row name the caller', async () => {
    const [day] = days;
    const before = await pg.query(
      `select count(*)::int as n, coalesce(sum(merchant_net_fen) filter (where reversed_at is null), 0)::text as net
         from trade_money where closed_at >= ($1::date::timestamp at time zone 'Asia/Shanghai')
          and closed_at < (($1::date + 1)::timestamp at time zone 'Asia/Shanghai') and settlement_run_id is null`,
      [day],
    );
    const { data, status } = await invoke('finance', { from: day, to: day });
    expect(status).toBe(200);
    const run = data!.runs[0];
    expect(run).toMatchObject({ created: true, period_from: day, period_to: day, trade_count: before.rows[0].n });
    expect(String(run.merchant_net_fen)).toBe(before.rows[0].net);

    const { rows } = await pg.query(
      `select r.run_by = s.id as by_finance, a.actor_email
         from settlement_runs r join staff s on s.email = 'finance@demo.test'
         join audit_log a on a.action = 'settlement.run' and a.entity_id = r.id::text
        where r.id = $1`,
      [run.run_id],
    );
    expect(rows).toEqual([{ by_finance: true, actor_email: 'finance@demo.test' }]);
  });

  it('running the same period again returns the first run and changes nothing', async () => {
    const [day] = days;
    const before = await snapshot(pg);
    const first = await pg.query('select id from settlement_runs where period_from = $1 and period_to = $1', [day]);
    const { data, status } = await invoke('finance', { from: day, to: day });
    expect(status).toBe(200);
    expect(data!.runs[0]).toMatchObject({ created: false, run_id: Number(first.rows[0].id) });
    expect(await snapshot(pg)).toEqual(before);
  });

  it('refuses a reviewer with 403 and settles nothing', async () => {
    const before = await snapshot(pg);
    const { status, errBody } = await invoke('reviewer', { from: days[1], to: days[1] });
    expect(status).toBe(403);
    expect(errBody.error.code).toBe('not_permitted');
    expect(await snapshot(pg)).toEqual(before);
  });

  it('refuses anonymous callers and bad periods', async () => {
    const anon = await invoke('anon', { from: days[1], to: days[1] });
    expect(anon.status).toBe(401);
    const bad = await invoke('finance', { from: '2026-02-30', to: days[1] });
    expect(bad.status).toBe(400);
    expect(bad.errBody.error.code).toBe('invalid_input');
    // days are newest first: from after to
    const reversed = await invoke('finance', { from: days[0], to: days[1] });
    expect(reversed.status).toBe(400);
  });

  it('translates a refusal of the RPC: an overlapping period', async () => {
    const before = await snapshot(pg);
    const around = await invoke('finance', { from: days[1], to: days[0] });
    expect(around.status).toBe(400);
    expect(around.errBody.error.code).toBe('period_overlap');
    expect(await snapshot(pg)).toEqual(before);
  });

  it('runs with the service key (the daily schedule) and is idempotent there too', async () => {
    const day = days[1];
    const first = await invoke('service', { from: day, to: day });
    expect(first.status).toBe(200);
    expect(first.data!.runs[0]).toMatchObject({ created: true, period_from: day });
    const { rows } = await pg.query('select run_by from settlement_runs where id = $1', [first.data!.runs[0].run_id]);
    expect(rows[0].run_by).toBeNull();
    const before = await snapshot(pg);
    const again = await invoke('service', { from: day, to: day });
    expect(again.data!.runs[0]).toMatchObject({ created: false, run_id: first.data!.runs[0].run_id });
    expect(await snapshot(pg)).toEqual(before);
  });
});

describe('settle: bodies', () => {
  it('answers 400 invalid_input for a body that is not a JSON object, or dates that are not strings', async () => {
    const mistyped = ['{"from":20200101,"to":20200101}', '{"from":null,"to":"2020-01-01"}', '{"from":["2020-01-01"],"to":"2020-01-01"}',
      '{"from":"2020-01-01","to":"2020-01-01","force":true}', '{"from":"2020-02-30","to":"2020-03-01"}'];
    await expectRefused('settle', 'finance', [...NOT_OBJECTS, '{}', ...mistyped]);
    // the schedule may post nothing (or {}), but not a wrong body
    await expectRefused('settle', 'service', [...NOT_OBJECTS, ...mistyped]);
  });
});
