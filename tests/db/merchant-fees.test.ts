// Platform fees: the price list (validity without overlap, changed by admin with a coded reason,
// audited), amounts that must be the price of their day, and fees paid by bank transfer —
// recorded with a proof by one person, confirmed by another, posted once, and the merchant
// activated or renewed from the right day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import { category, code, installFixtures, ledgerProblems, val } from './money-fixtures.ts';
import { makeScopedStaff, uniq } from './core-fixtures.ts';

let c: pg.Client;
let finance: SupabaseClient;
let admin: SupabaseClient;
let finance2: SupabaseClient;
let cat: number;

beforeAll(async () => {
  c = await db();
  await installFixtures(c);
  finance = await as('finance');
  admin = await as('admin');
  finance2 = (await makeScopedStaff(c, 'finance', [])).client;
  cat = await category(c, 0.05, 0.02); // prices ¥299 / ¥799 / ¥2,999 since 2000
}, 60_000);
afterAll(async () => {
  expect(await ledgerProblems(c)).toEqual([]);
  await c.end();
});

const day = (offset: number) => val<string>(c, `select to_char((now() at time zone 'Asia/Shanghai')::date + $1::int, 'YYYY-MM-DD')`, [offset]);

async function merchant(status: string, paidUntilOffset: number | null, plan: string | null = 'monthly'): Promise<string> {
  return val<string>(c,
    `insert into public.merchants (name, kind, category_id, city_code, status, fee_plan, fee_paid_until)
     values ('缴费测试' || left(extensions.gen_random_uuid()::text, 8), 'used_dealer', $1, '110100', $2::public.merchant_status,
             $3::public.fee_plan, (now() at time zone 'Asia/Shanghai')::date + $4::int)
     returning id::text`, [cat, status, plan, paidUntilOffset]);
}

async function proof(m: string): Promise<string> {
  const path = `merchants/${m}/${uniq()}.pdf`;
  const up = await finance.storage.from('payment-proofs').upload(path, new Blob(['%PDF-1.4 回单'], { type: 'application/pdf' }),
    { contentType: 'application/pdf' });
  expect(up.error).toBeNull();
  return path;
}

async function record(m: string, opts: { plan?: string; amount?: number; paidOn?: string; serial?: string; path?: string } = {},
  who: SupabaseClient = finance) {
  return who.rpc('offline_fee_record', {
    p_merchant_id: m, p_plan: opts.plan ?? 'monthly', p_amount_fen: opts.amount ?? 29_900, p_payer_name: '苏州恒达汽车贸易有限公司',
    p_bank_serial: opts.serial ?? `BS${uniq()}`.toUpperCase(), p_paid_on: opts.paidOn ?? await day(0),
    p_proof_path: opts.path ?? await proof(m),
  });
}

const paidUntil = (m: string) => val<string>(c, `select to_char(fee_paid_until, 'YYYY-MM-DD') from merchants where id = $1`, [m]);
const status = (m: string) => val<string>(c, `select status::text from merchants where id = $1`, [m]);

describe('price list', () => {
  it('two prices of one category and plan cannot cover the same day (exclusion constraint)', async () => {
    await expect(c.query(
      `insert into public.fee_prices (category_id, plan, amount_fen, valid_from, valid_to, reason)
       values ($1, 'monthly', 30000, '2020-01-01', '2020-12-31', 'price_correction')`, [cat]))
      .rejects.toThrow(/fee_prices_no_overlap/);
    // another plan, or another category, on the same days is fine
    const other = await val<number>(c, `insert into public.merchant_categories (code, name, commission_rate, distributor_rate)
      values ('fx_' || left(md5(random()::text), 12), '测试类目二', 0.05, 0.02) returning id`);
    await c.query(`insert into public.fee_prices (category_id, plan, amount_fen, valid_from, reason)
      values ($1, 'monthly', 30000, '2020-01-01', 'new_category')`, [other]);
  });

  it('admin sets a price from a day on with a coded reason: the running price ends the day before, audited', async () => {
    const from = await day(30);
    expect(code(await finance.rpc('fee_price_set', { p_category_id: cat, p_plan: 'yearly', p_amount_fen: 320_000,
      p_valid_from: from, p_valid_to: null, p_reason_code: 'price_review' }))).toBe('not_permitted');
    expect(code(await admin.rpc('fee_price_set', { p_category_id: cat, p_plan: 'yearly', p_amount_fen: 320_000,
      p_valid_from: from, p_valid_to: null, p_reason_code: '随便' }))).toBe('reason_required');
    expect(code(await admin.rpc('fee_price_set', { p_category_id: cat, p_plan: 'yearly', p_amount_fen: 320_000,
      p_valid_from: await day(-1), p_valid_to: null, p_reason_code: 'price_review' }))).toBe('invalid_input');
    expect(code(await admin.rpc('fee_price_set', { p_category_id: cat, p_plan: 'yearly', p_amount_fen: 100_000_001,
      p_valid_from: from, p_valid_to: null, p_reason_code: 'price_review' }))).toBe('amount_too_large');

    const set = await admin.rpc('fee_price_set', { p_category_id: cat, p_plan: 'yearly', p_amount_fen: 320_000,
      p_valid_from: from, p_valid_to: null, p_reason_code: 'price_review', p_note: '年度调价' });
    expect(set.error).toBeNull();
    const rows = await c.query(`select amount_fen::int as amount, to_char(valid_from, 'YYYY-MM-DD') as "from",
        to_char(valid_to, 'YYYY-MM-DD') as "to" from fee_prices where category_id = $1 and plan = 'yearly' order by valid_from`, [cat]);
    expect(rows.rows).toEqual([
      { amount: 299_900, from: '2000-01-01', to: await day(29) },
      { amount: 320_000, from, to: null },
    ]);
    // a promotion inside the new period: the price after it resumes when it ends
    const promo = await admin.rpc('fee_price_set', { p_category_id: cat, p_plan: 'yearly', p_amount_fen: 280_000,
      p_valid_from: await day(40), p_valid_to: await day(49), p_reason_code: 'promotion_offer' });
    expect(promo.error).toBeNull();
    expect((await c.query(`select amount_fen::int as a from fee_prices where category_id = $1 and plan = 'yearly' order by valid_from`, [cat]))
      .rows.map((r) => r.a)).toEqual([299_900, 320_000, 280_000, 320_000]);
    // a price that would start inside a later one is refused with a code, not a constraint name
    expect(code(await admin.rpc('fee_price_set', { p_category_id: cat, p_plan: 'yearly', p_amount_fen: 300_000,
      p_valid_from: await day(35), p_valid_to: await day(45), p_reason_code: 'price_correction' }))).toBe('fee_price_overlap');

    const audit = await c.query(`select before, after, reason from audit_log where action = 'fee_price.set' and entity_id = $1`,
      [String(set.data.id)]);
    expect(audit.rows).toEqual([{
      before: { amount_fen: 299_900, valid_from: '2000-01-01', valid_to: null },
      after: { category_id: cat, plan: 'yearly', amount_fen: 320_000, valid_from: from, valid_to: null },
      reason: 'price_review: 年度调价',
    }]);
    // finance reads the list; staff cannot write it directly
    expect((await finance.from('v_fee_prices').select('id').eq('category_id', cat)).data).toHaveLength(6);
    expect((await finance.from('fee_prices').update({ amount_fen: 1 }).eq('category_id', cat)).error?.code).toBe('42501');
  });
});

describe('a fee pays the price of its day', () => {
  it('payment_create, an offline record and a success posted by hand refuse any other amount', async () => {
    const m = await merchant('active', 10);
    const service = await serviceClient();
    expect(code(await service.rpc('payment_create', { p_payment_no: `P${uniq()}`, p_payer_type: 'merchant', p_payer_id: m,
      p_kind: 'platform_fee', p_amount_fen: 100, p_channel: 'wechat', p_plan: 'monthly' }))).toBe('fee_amount_mismatch');
    expect(code(await record(m, { amount: 30_000 }))).toBe('fee_amount_mismatch');
    const ok = await service.rpc('payment_create', { p_payment_no: `P${uniq()}`, p_payer_type: 'merchant', p_payer_id: m,
      p_kind: 'platform_fee', p_amount_fen: 29_900, p_channel: 'wechat', p_plan: 'monthly' });
    expect(ok.error).toBeNull();
    // the database itself: a fee payment cannot succeed at another amount, whoever writes it
    await c.query(`update payments set amount_fen = 100 where id = $1`, [ok.data.id]);
    await expect(c.query(`select public.payment_confirm($1, 'WXFEE' || left(md5(random()::text), 10))
       from (select set_config('request.jwt.claims', '{"role":"service_role"}', true)) s`, [ok.data.id]))
      .rejects.toThrow(/fee_amount_mismatch/);
    // a category without a price for that day has no fee to pay
    const bare = await val<number>(c, `insert into public.merchant_categories (code, name, commission_rate, distributor_rate)
      values ('fx_' || left(md5(random()::text), 12), '无价目类目', 0.05, 0.02) returning id`);
    await c.query(`update merchants set category_id = $2 where id = $1`, [m, bare]);
    expect(code(await record(m))).toBe('fee_price_missing');
  });

  it('the price that applies is the one valid on the paid day, not today', async () => {
    const m = await merchant('active', 5);
    await c.query(`update fee_prices set valid_to = (now() at time zone 'Asia/Shanghai')::date - 11
      where category_id = $1 and plan = 'quarterly' and valid_to is null`, [cat]);
    await c.query(`insert into fee_prices (category_id, plan, amount_fen, valid_from, reason)
      values ($1, 'quarterly', 88_800, (now() at time zone 'Asia/Shanghai')::date - 10, 'price_review')`, [cat]);
    expect(code(await record(m, { plan: 'quarterly', amount: 88_800, paidOn: await day(-20) }))).toBe('fee_amount_mismatch');
    const old = await record(m, { plan: 'quarterly', amount: 79_900, paidOn: await day(-20) });
    expect(old.error).toBeNull();
    expect((await finance.rpc('fee_price_quote', { p_merchant_id: m, p_plan: 'quarterly' })).data).toBe(88_800);
    expect((await finance.rpc('fee_price_quote', { p_merchant_id: m, p_plan: 'quarterly', p_on: await day(-20) })).data).toBe(79_900);
  });
});

describe('offline fee payments', () => {
  it('need a proof in the payment-proofs bucket under the merchant', async () => {
    const m = await merchant('active', 10);
    expect(code(await record(m, { path: `merchants/${m}/missing.pdf` }))).toBe('proof_required');
    const elsewhere = await merchant('active', 10);
    expect(code(await record(m, { path: await proof(elsewhere) }))).toBe('proof_required');
    // analysts neither upload proofs nor record
    const analyst = await as('analyst');
    expect((await analyst.storage.from('payment-proofs').upload(`merchants/${m}/x.pdf`, new Blob(['x']),
      { contentType: 'application/pdf' })).error).not.toBeNull();
    expect(code(await record(m, {}, analyst))).toBe('not_permitted');
  });

  it('the recorder cannot confirm (four eyes); another finance person or an admin can', async () => {
    const m = await merchant('active', 10);
    const rec = await record(m);
    expect(rec.error).toBeNull();
    expect(rec.data.status).toBe('recorded');
    expect(code(await finance.rpc('offline_fee_confirm', { p_id: rec.data.id }))).toBe('four_eyes');
    expect(await val<number>(c, `select count(*)::int from payments where merchant_id = $1`, [m])).toBe(0);
    const ok = await finance2.rpc('offline_fee_confirm', { p_id: rec.data.id });
    expect(ok.error).toBeNull();
    expect(ok.data.status).toBe('confirmed');
    const rec2 = await record(await merchant('active', 10));
    expect((await admin.rpc('offline_fee_confirm', { p_id: rec2.data.id })).data.status).toBe('confirmed');
  });

  it('the same bank serial is one record and one payment, even under concurrent confirms', async () => {
    const m = await merchant('active', 10);
    const serial = `BS${uniq()}`.toUpperCase();
    const path = await proof(m);
    const a = await record(m, { serial, path });
    const b = await record(m, { serial, path });
    expect(b.data.id).toBe(a.data.id);
    expect(code(await record(m, { serial, path, plan: 'yearly', amount: 299_900 }))).toBe('idempotency_conflict');

    const results = await Promise.all([admin, finance2, admin, finance2].map((who) => who.rpc('offline_fee_confirm', { p_id: a.data.id })));
    expect(results.map((r) => r.error)).toEqual([null, null, null, null]);
    expect(new Set(results.map((r) => r.data.payment_id)).size).toBe(1);
    const pay = await c.query(`select p.payment_no, p.channel::text, p.channel_txn_id, p.status::text,
        (select count(*)::int from ledger_journals j where j.ref_type = 'payment' and j.ref_id = p.id::text) as journals,
        (select sum(e.amount_fen)::int from ledger_entries e where e.journal_id = p.journal_id) as balance
      from payments p where p.merchant_id = $1`, [m]);
    expect(pay.rows).toEqual([{ payment_no: `OFL${serial}`, channel: 'bank_transfer', channel_txn_id: serial, status: 'succeeded',
      journals: 1, balance: 0 }]);
    expect(await paidUntil(m)).toBe(await val<string>(c,
      `select to_char(((now() at time zone 'Asia/Shanghai')::date + 11 + interval '1 month')::date - 1, 'YYYY-MM-DD')`));
  });

  it('renews a running plan from its end, a lapsed one from the paid day, and activates an approved merchant', async () => {
    const running = await merchant('active', 10);
    const r1 = await record(running, { plan: 'yearly', amount: 299_900, paidOn: await day(-3) });
    await admin.rpc('offline_fee_confirm', { p_id: r1.data.id });
    expect(await paidUntil(running)).toBe(await val<string>(c,
      `select to_char(((now() at time zone 'Asia/Shanghai')::date + 11 + interval '12 months')::date - 1, 'YYYY-MM-DD')`));

    const lapsed = await merchant('lapsed', -40);
    const r2 = await record(lapsed, { plan: 'quarterly', amount: 79_900, paidOn: await day(-20) });
    expect(r2.error).toBeNull();
    const c2 = await admin.rpc('offline_fee_confirm', { p_id: r2.data.id });
    expect(c2.error).toBeNull();
    expect(await paidUntil(lapsed)).toBe(await val<string>(c,
      `select to_char(((now() at time zone 'Asia/Shanghai')::date - 20 + interval '3 months')::date - 1, 'YYYY-MM-DD')`));
    expect(await status(lapsed)).toBe('active');

    const approved = await merchant('approved', null, null);
    const r3 = await record(approved);
    await finance2.rpc('offline_fee_confirm', { p_id: r3.data.id });
    expect(await status(approved)).toBe('active');
    expect(await paidUntil(approved)).toBe(await val<string>(c,
      `select to_char(((now() at time zone 'Asia/Shanghai')::date + interval '1 month')::date - 1, 'YYYY-MM-DD')`));
    const history = await c.query(`select to_status::text, reason_code as reason, note from merchant_status_history where merchant_id = $1`, [approved]);
    expect(history.rows).toEqual([{ to_status: 'active', reason: 'fee_paid', note: expect.stringMatching(/^payment OFL/) }]);
    const audit = await c.query(`select action, actor_email from audit_log where entity_id = $1 order by at, id`, [r3.data.id]);
    expect(audit.rows).toEqual([
      { action: 'offline_fee.record', actor_email: 'finance@demo.test' },
      { action: 'offline_fee.confirm', actor_email: expect.stringMatching(/^core-scoped-/) },
    ]);
  });

  it('a rejected record posts nothing and cannot be confirmed', async () => {
    const m = await merchant('grace', -3);
    const rec = await record(m);
    expect(code(await finance.rpc('offline_fee_reject', { p_id: rec.data.id, p_reason: ' ' }))).toBe('reason_required');
    expect((await finance.rpc('offline_fee_reject', { p_id: rec.data.id, p_reason: '查无此笔到账' })).data.status).toBe('rejected');
    expect(code(await admin.rpc('offline_fee_confirm', { p_id: rec.data.id }))).toBe('illegal_transition');
    expect(await val<number>(c, `select count(*)::int from payments where merchant_id = $1`, [m])).toBe(0);
    expect(await status(m)).toBe('grace');
  });
});

describe('fees due, in grace and lapsed', () => {
  it('v_merchant_fees gives days left, the end of grace and the current price', async () => {
    const soon = await merchant('active', 5);
    const grace = await merchant('grace', -3);
    const rows = await finance.from('v_merchant_fees').select('id, fee_state, days_left, grace_until, price_fen')
      .in('id', [soon, grace]).order('days_left');
    expect(rows.error).toBeNull();
    const graceDays = await val<number>(c, 'select merchant_grace_days from core_settings');
    expect(rows.data).toEqual([
      { id: grace, fee_state: 'grace', days_left: -3, grace_until: await day(-3 + graceDays), price_fen: 29_900 },
      { id: soon, fee_state: 'due', days_left: 5, grace_until: await day(5 + graceDays), price_fen: 29_900 },
    ]);
    expect((await (await as('reviewer')).from('v_offline_fee_payments').select('id').limit(1)).data).toEqual([]);
  });
});
