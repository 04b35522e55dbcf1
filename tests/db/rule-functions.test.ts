// Rules used in several places are one SQL function each (app.reservation_is_successful,
// app.complaint_is_open, app.withdrawal_is_open, app.merchant_fee_paid, app.merchant_is_public,
// app.listing_on_shelf). Checked here: each says what docs/DOMAIN.md says; the partial indexes
// that still spell a rule out (an index predicate cannot call a function) agree with it for
// every state; no function body or view spells a rule's state list by hand; and the functions
// stay inlinable (SQL, no SET clause, not security definer), so the planner sees the same
// expression as a hand-written filter and keeps using those partial indexes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { db } from '../support/stack.ts';

let pgc: pg.Client;

beforeAll(async () => {
  pgc = await db();
});

afterAll(async () => {
  await pgc?.end();
});

const RULES = [
  'app.reservation_is_successful(public.reservation_state)',
  'app.complaint_is_open(public.complaint_state)',
  'app.withdrawal_is_open(public.withdrawal_state)',
  'app.merchant_fee_paid(date)',
  'app.merchant_is_public(public.merchant_status, date)',
  'app.listing_on_shelf(public.listing_review_state, public.listing_shelf_state)',
];

/** For one enum type: each label and what the rule function answers for it. */
async function ruleByLabel(fn: string, type: string): Promise<Map<string, boolean>> {
  const { rows } = await pgc.query<{ label: string; yes: boolean }>(
    `select s::text as label, ${fn}(s) as yes from unnest(enum_range(null::${type})) s`,
  );
  return new Map(rows.map((r) => [r.label, r.yes]));
}

/**
 * For one partial index over a single enum column: each label and whether a row with that
 * value satisfies the index's predicate (the predicate, as Postgres stores it, evaluated over
 * a row per label whose column has the predicate's column name).
 */
async function predicateByLabel(index: string, column: string, type: string): Promise<Map<string, boolean>> {
  const { rows: [idx] } = await pgc.query<{ pred: string }>(
    `select pg_get_expr(i.indpred, i.indrelid) as pred from pg_index i where i.indexrelid = $1::regclass`,
    [index],
  );
  expect(idx?.pred, `${index} is a partial index`).toBeTruthy();
  const { rows } = await pgc.query<{ label: string; yes: boolean }>(
    `select v.${column}::text as label, coalesce(${idx.pred}, false) as yes
       from (select s as ${column} from unnest(enum_range(null::${type})) s) v`,
  );
  return new Map(rows.map((r) => [r.label, r.yes]));
}

describe('rule functions', () => {
  it('successful reservations are those that reached visited or beyond (docs/DOMAIN.md)', async () => {
    const { rows } = await pgc.query<{ label: string; yes: boolean; beyond: boolean }>(
      `select s::text as label, app.reservation_is_successful(s) as yes, s >= 'visited' as beyond
         from unnest(enum_range(null::public.reservation_state)) s`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.yes, r.label).toBe(r.beyond);
  });

  it('open complaints and open withdrawals are the states docs/DOMAIN.md leaves open', async () => {
    const complaints = await ruleByLabel('app.complaint_is_open', 'public.complaint_state');
    expect([...complaints].filter(([, open]) => !open).map(([l]) => l).sort())
      .toEqual(['closed', 'dismissed', 'resolved', 'withdrawn']);
    const withdrawals = await ruleByLabel('app.withdrawal_is_open', 'public.withdrawal_state');
    expect([...withdrawals].filter(([, open]) => open).map(([l]) => l).sort())
      .toEqual(['applied', 'approved', 'in_review', 'pay_failed', 'paying']);
  });

  it('a public merchant is active with the fee paid up to today (Beijing)', async () => {
    const { rows } = await pgc.query<Record<string, boolean | null>>(`
      select app.merchant_fee_paid(app.biz_date(now())) as today,
             app.merchant_fee_paid(app.biz_date(now()) - 1) as yesterday,
             app.merchant_fee_paid(null) as never,
             app.merchant_is_public('active', app.biz_date(now()) + 30) as active_paid,
             app.merchant_is_public('suspended', app.biz_date(now()) + 30) as suspended_paid,
             app.merchant_is_public('active', app.biz_date(now()) - 1) as active_lapsed`);
    expect(rows[0]).toEqual({
      today: true, yesterday: false, never: null, active_paid: true, suspended_paid: false, active_lapsed: false,
    });
  });

  it.each([
    ['public.complaints_queue_idx', 'state', 'public.complaint_state', 'app.complaint_is_open'],
    ['public.complaints_open_due_idx', 'state', 'public.complaint_state', 'app.complaint_is_open'],
    ['public.withdrawals_one_open', 'state', 'public.withdrawal_state', 'app.withdrawal_is_open'],
  ])('the predicate of %s spells the rule %s', async (index, column, type, fn) => {
    const rule = await ruleByLabel(fn, type);
    const predicate = await predicateByLabel(index, column, type);
    expect(predicate).toEqual(rule);
  });

  it('the predicate of listings_public_idx spells app.listing_on_shelf', async () => {
    const { rows: [idx] } = await pgc.query<{ pred: string }>(
      `select pg_get_expr(i.indpred, i.indrelid) as pred from pg_index i where i.indexrelid = 'public.listings_public_idx'::regclass`,
    );
    const { rows } = await pgc.query<{ r: string; s: string; rule: boolean; pred: boolean }>(
      `select v.review_state::text as r, v.shelf_state::text as s,
              app.listing_on_shelf(v.review_state, v.shelf_state) as rule, coalesce(${idx.pred}, false) as pred
         from (select r as review_state, s as shelf_state
                 from unnest(enum_range(null::public.listing_review_state)) r,
                      unnest(enum_range(null::public.listing_shelf_state)) s) v`,
    );
    expect(rows.length).toBe(12);
    for (const row of rows) expect(row.pred, `${row.r}/${row.s}`).toBe(row.rule);
  });

  it('no function body or view spells a rule out by hand', async () => {
    // A rule's states as a hand-written list: in a function's source, or in a view as Postgres deparses it.
    const lists: Record<string, RegExp> = {
      'app.reservation_is_successful': /'visited'(::[a-z_.]+)?,\s*'no_deal'/,
      'app.complaint_is_open': /'dismissed'(::[a-z_.]+)?,\s*'resolved'(::[a-z_.]+)?,\s*'closed'(::[a-z_.]+)?,\s*'withdrawn'/,
      'app.withdrawal_is_open': /'applied'(::[a-z_.]+)?,\s*'in_review'(::[a-z_.]+)?,\s*'approved'(::[a-z_.]+)?,\s*'paying'/,
      'app.merchant_fee_paid': /fee_paid_until\s*>=\s*\(+now\(\)/i,
    };
    const { rows } = await pgc.query<{ name: string; body: string }>(`
      select n.nspname || '.' || p.proname as name, p.prosrc as body
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'app') and p.prokind = 'f'
      union all
      select n.nspname || '.' || c.relname, pg_get_viewdef(c.oid)
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'app') and c.relkind in ('v', 'm')`);
    const found: string[] = [];
    for (const r of rows) {
      for (const [rule, list] of Object.entries(lists)) {
        if (r.name !== rule && list.test(r.body)) found.push(`${r.name} spells ${rule}`);
      }
    }
    expect(found).toEqual([]);
  });

  it.each(RULES)('%s stays inlinable: SQL, no SET clause, not security definer', async (signature) => {
    const { rows: [f] } = await pgc.query<{ lang: string; config: string[] | null; definer: boolean; volatility: string }>(
      `select l.lanname as lang, p.proconfig as config, p.prosecdef as definer, p.provolatile as volatility
         from pg_proc p join pg_language l on l.oid = p.prolang where p.oid = $1::regprocedure`,
      [signature],
    );
    expect(f).toMatchObject({ lang: 'sql', config: null, definer: false });
    expect(['i', 's']).toContain(f.volatility);
  });

  it('the planner inlines them: a plan shows the comparison, not the call', async () => {
    const plans: string[] = [];
    for (const sql of [
      `select count(*) from public.complaints c where app.complaint_is_open(c.state)`,
      `select count(*) from public.withdrawals w where app.withdrawal_is_open(w.state)`,
      `select count(*) from public.reservations x where app.reservation_is_successful(x.state)`,
      `select count(*) from public.merchants m where app.merchant_is_public(m.status, m.fee_paid_until)`,
      `select count(*) from public.listings l where app.listing_on_shelf(l.review_state, l.shelf_state)`,
    ]) {
      const { rows } = await pgc.query<{ 'QUERY PLAN': string }>(`explain (verbose, costs off) ${sql}`);
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    for (const plan of plans) expect(plan).not.toMatch(/app\.(complaint_is_open|withdrawal_is_open|reservation_is_successful|merchant_is_public|merchant_fee_paid|listing_on_shelf)/);
  });
});
