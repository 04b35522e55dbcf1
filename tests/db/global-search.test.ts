// The search box in the app bar (global_search) and the big lists' search (search_mode, the views'
// search_hit / search_match columns), through PostgREST as each role: every kind of term finds
// its record, within the caller's regions and role, with what the read views mask masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, type StaffRole } from '../support/stack.ts';
import { installFixtures } from './money-fixtures.ts';
import { CITY_A, CITY_B, ensureRegions, makeListing, makeMerchant, makeReservation, makeScopedStaff, uniq } from './core-fixtures.ts';

interface Hit { kind: string; id: string; title: string; subtitle: string }

const SERVICE_ID = '00000000-0000-4000-a000-000000000003';
const MASKED_PHONE = /1[3-9][0-9]\*{4}[0-9]{4}/;

let pgc: pg.Client;
/** Three CJK characters no seeded name holds (random code points), and an ASCII tag. */
const cjk = () => String.fromCodePoint(...Array.from({ length: 3 }, () => 0x4e00 + Math.floor(Math.random() * 0x5000)));
const word = cjk();
const tag = uniq();
const digits = () => String(Math.floor(1e7 + Math.random() * 9e7));
const phone = `166${digits()}`;
const fx = {} as {
  memberA: string; memberB: string; merchant: string; listing: string; vin: string; reservation: string; trade: string;
  complaint: string; payment: string; paymentNo: string; paymentTxn: string; withdrawal: string; withdrawalNo: string; withdrawalTxn: string;
};

const search = async (client: SupabaseClient, q: string, limit?: number): Promise<Hit[]> => {
  const { data, error } = await client.rpc('global_search', limit === undefined ? { p_query: q } : { p_query: q, p_limit: limit });
  if (error) throw new Error(`global_search(${q}): ${error.message}`);
  return data as Hit[];
};
const found = (hits: Hit[], kind: string, id: string) => hits.find((h) => h.kind === kind && h.id === id);
const role = (r: StaffRole) => as(r);

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
  await installFixtures(pgc);
  const member = async (city: string) => (await pgc.query<{ id: string }>(
    `insert into public.members (nickname, nickname_pinyin, nickname_initials, phone, city_code)
     values ($1, $2, 'ss', $3, $4) returning id`,
    [`王${word}`, `sousuo${tag}`, city === CITY_A ? phone : `166${digits()}`, city])).rows[0].id;
  fx.memberA = await member(CITY_A);
  fx.memberB = await member(CITY_B);
  fx.merchant = await makeMerchant(pgc, { city: CITY_A });
  await pgc.query(`update public.merchants set name = $2 where id = $1`, [fx.merchant, `${word}车行`]);
  fx.listing = await makeListing(pgc, fx.merchant, { review: 'approved' });
  fx.vin = `LSV${digits().slice(0, 7)}ABCDEFG`.slice(0, 17).toUpperCase();
  await pgc.query(`update public.listings set title = $2, vin = $3 where id = $1`, [fx.listing, `测试 ${word} ${tag}`, fx.vin]);
  fx.reservation = await makeReservation(pgc, fx.memberA, fx.listing);
  fx.trade = (await pgc.query<{ id: string }>(`select money_fx.trade($1, $2, null, 100000) as id`, [fx.merchant, fx.memberA])).rows[0].id;
  fx.complaint = (await pgc.query<{ id: string }>(
    `insert into public.complaints (member_id, merchant_id, category, title, content, city_code, state, assignee_id, assigned_at,
       first_response_due_at, resolution_due_at)
     values ($1, $2, 'other', '搜索测试投诉', $3, $4, 'mediating', $5, now(), now() + interval '1 day', now() + interval '7 days') returning id`,
    [fx.memberA, fx.merchant, `到店后发现${tag}问题`, CITY_A, SERVICE_ID])).rows[0].id;
  fx.paymentNo = `PS${tag}`.toUpperCase();
  fx.paymentTxn = `WXs${tag}`;
  fx.payment = (await pgc.query<{ id: string }>(
    `select (public.payment_confirm(p.id, $3, null)).id as id
       from (select set_config('request.jwt.claims', '{"role":"service_role"}', true)) s,
       lateral public.payment_create($1, 'merchant', $2, 'deposit', 10000, 'wechat') p`,
    [fx.paymentNo, fx.merchant, fx.paymentTxn])).rows[0].id;
  await pgc.query(`select money_fx.credit('member', $1, 100000)`, [fx.memberA]);
  const bank = (await pgc.query<{ id: string }>(`select money_fx.bank('member', $1) as id`, [fx.memberA])).rows[0].id;
  fx.withdrawalNo = `WS${tag}`.toUpperCase();
  fx.withdrawalTxn = `BTs${tag}`;
  fx.withdrawal = (await pgc.query<{ id: string }>(
    `select (public.withdrawal_apply($1, 'member', $2, 20000, $3)).id as id
       from (select set_config('request.jwt.claims', '{"role":"service_role"}', true)) s`, [fx.withdrawalNo, fx.memberA, bank])).rows[0].id;
  await pgc.query(`update public.withdrawals set city_code = $2, channel_txn_id = $3, payout_channel = 'bank_transfer' where id = $1`,
    [fx.withdrawal, CITY_A, fx.withdrawalTxn]);
}, 120_000);

afterAll(async () => {
  await pgc.end();
});

describe('global_search finds each kind of record by what staff are told', () => {
  it('a member by a part inside the name, by pinyin, by the last four of the phone', async () => {
    const analyst = await role('analyst');
    const byName = found(await search(analyst, word.slice(1)), 'member', fx.memberA);
    expect(byName?.title).toBe(`王${word}`);
    expect(found(await search(analyst, tag), 'member', fx.memberA)).toBeDefined();
    expect(found(await search(analyst, phone.slice(-4)), 'member', fx.memberA)).toBeDefined();
  });

  it('a merchant by name, a listing by a title word or its VIN', async () => {
    const reviewer = await role('reviewer');
    expect(found(await search(reviewer, `${word}车行`), 'merchant', fx.merchant)?.title).toBe(`${word}车行`);
    const listing = found(await search(reviewer, tag), 'listing', fx.listing);
    expect(listing?.subtitle).toContain('¥120,000.00');
    expect(found(await search(reviewer, fx.vin.toLowerCase()), 'listing', fx.listing)).toBeDefined();
  });

  it('a reservation, trade or complaint by its number (the id, whole or its first 8 digits)', async () => {
    const service = await role('customer_service');
    expect(found(await search(service, fx.reservation), 'reservation', fx.reservation)).toBeDefined();
    expect(found(await search(service, fx.reservation.slice(0, 8).toUpperCase()), 'reservation', fx.reservation)).toBeDefined();
    expect(found(await search(service, fx.trade.slice(0, 13)), 'trade', fx.trade)?.subtitle).toContain('¥1,000.00');
    expect(found(await search(service, fx.complaint), 'complaint', fx.complaint)?.title).toBe('搜索测试投诉');
  });

  it('a trade by the number of its reservation, and a complaint by its text', async () => {
    const tradeReservation = (await pgc.query<{ r: string }>(`select reservation_id as r from public.trades where id = $1`, [fx.trade])).rows[0].r;
    const service = await role('customer_service');
    expect(found(await search(service, tradeReservation), 'trade', fx.trade)).toBeDefined();
    expect(found(await search(service, `${tag}问题`), 'complaint', fx.complaint)).toBeDefined();
  });

  it('a payment and a withdrawal by their numbers and the channel transaction id, for the roles that read them', async () => {
    const finance = await role('finance');
    expect(found(await search(finance, fx.paymentNo.toLowerCase()), 'payment', fx.payment)?.title).toBe(fx.paymentNo);
    expect(found(await search(finance, fx.paymentTxn), 'payment', fx.payment)).toBeDefined();
    expect(found(await search(finance, fx.withdrawalNo), 'withdrawal', fx.withdrawal)?.title).toBe(fx.withdrawalNo);
    expect(found(await search(finance, fx.withdrawalTxn), 'withdrawal', fx.withdrawal)).toBeDefined();
    // reviewers read neither; customer service reads payments, not withdrawals
    const reviewer = await role('reviewer');
    expect(await search(reviewer, fx.paymentNo)).toEqual([]);
    expect(await search(reviewer, fx.withdrawalNo)).toEqual([]);
    expect(found(await search(await role('customer_service'), fx.paymentNo), 'payment', fx.payment)).toBeDefined();
    expect(await search(await role('customer_service'), fx.withdrawalNo)).toEqual([]);
  });
});

describe('global_search keeps to the caller\'s regions and masks what the views mask', () => {
  it('a login scoped to one city finds that city\'s member and not the other\'s', async () => {
    const { client } = await makeScopedStaff(pgc, 'analyst', [CITY_A]);
    const hits = await search(client, word);
    expect(found(hits, 'member', fx.memberA)).toBeDefined();
    expect(found(hits, 'member', fx.memberB)).toBeUndefined();
    expect(found(await search(client, fx.memberB), 'member', fx.memberB)).toBeUndefined();
    // unscoped, both
    const all = await search(await role('analyst'), word);
    expect(found(all, 'member', fx.memberB)).toBeDefined();
  });

  it('shows the phone masked to roles without the right', async () => {
    for (const r of ['analyst', 'reviewer', 'finance'] as const) {
      const hit = found(await search(await role(r), word), 'member', fx.memberA);
      expect(hit?.subtitle, r).toMatch(MASKED_PHONE);
      expect(hit?.subtitle, r).not.toContain(phone);
    }
  });

  it('finds a member by the whole phone number only for those who may see it', async () => {
    const admin = found(await search(await role('admin'), phone), 'member', fx.memberA);
    expect(admin?.subtitle).toContain(phone);
    for (const r of ['analyst', 'reviewer', 'finance'] as const) {
      expect(found(await search(await role(r), phone), 'member', fx.memberA), r).toBeUndefined();
    }
    // customer service: the member is the complainant of an open complaint assigned to them
    const service = found(await search(await role('customer_service'), phone), 'member', fx.memberA);
    expect(service?.subtitle).toContain(phone);
    await pgc.query(`update public.complaints set assignee_id = null where id = $1`, [fx.complaint]);
    try {
      expect(found(await search(await role('customer_service'), phone), 'member', fx.memberA)).toBeUndefined();
    } finally {
      await pgc.query(`update public.complaints set assignee_id = $2 where id = $1`, [fx.complaint, SERVICE_ID]);
    }
  });

  it('answers nothing for an empty entry, bounds the limit, and takes any text', async () => {
    const analyst = await role('analyst');
    expect(await search(analyst, '')).toEqual([]);
    expect(await search(analyst, '   ')).toEqual([]);
    expect((await search(analyst, '王', 3)).filter((h) => h.kind === 'member').length).toBe(3);
    expect((await search(analyst, '王', 1000)).filter((h) => h.kind === 'member').length).toBeLessThanOrEqual(50);
    for (const q of ['%', '_', '\\', "x'); drop table x;--", '中'.repeat(5000)]) await search(analyst, q);
  });
});

describe('the big lists search through the database', () => {
  const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
  const list = async (client: SupabaseClient, view: string, q: string, column: 'search_hit' | 'search_match') => {
    const { data, error } = await client.from(view).select('id').eq(column, true).limit(1000).setHeader('x-search', hex(q));
    if (error) throw new Error(`${view} ${column}: ${error.message}`);
    return (data as { id: string }[]).map((r) => r.id);
  };

  it('search_mode: a rare entry is read by id, a common one word by word, a blank one not at all', async () => {
    const reviewer = await role('reviewer');
    expect((await reviewer.rpc('search_mode', { p_resource: 'members', p_q: word })).data).toBe('hits');
    // the demo seed calls half its used-car listings 准新车: more than app.search_cap()
    expect((await reviewer.rpc('search_mode', { p_resource: 'listings', p_q: '准新车' })).data).toBe('words');
    expect((await reviewer.rpc('search_mode', { p_resource: 'members', p_q: '  ' })).data).toBeNull();
    expect((await reviewer.rpc('search_mode', { p_resource: 'payments', p_q: 'x' })).error?.message).toBe('invalid_input');
  });

  it('finds members by a part inside the name, by either way, and nothing else', async () => {
    const reviewer = await role('reviewer');
    for (const column of ['search_hit', 'search_match'] as const) {
      expect((await list(reviewer, 'v_members', word.slice(1), column)).sort()).toEqual([fx.memberA, fx.memberB].sort());
      expect(await list(reviewer, 'v_members', `${tag} ${word}`, column), column).toHaveLength(2);
    }
    const { client } = await makeScopedStaff(pgc, 'reviewer', [CITY_A]);
    expect(await list(client, 'v_members', word, 'search_hit')).toEqual([fx.memberA]);
    expect(await list(client, 'v_members', word, 'search_match')).toEqual([fx.memberA]);
  });

  it('finds a complaint by its content or by its member\'s or merchant\'s name; a listing and a merchant by their words', async () => {
    const service = await role('customer_service');
    for (const column of ['search_hit', 'search_match'] as const) {
      expect(await list(service, 'v_complaints', tag, column), column).toContain(fx.complaint);
      expect(await list(service, 'v_complaints', `王${word}`, column), column).toContain(fx.complaint);
      expect(await list(service, 'v_complaints', `${word}车行`, column), column).toContain(fx.complaint);
      expect(await list(service, 'v_listings', `${word} ${tag}`, column), column).toEqual([fx.listing]);
      expect(await list(service, 'v_merchants', `${word}车行`, column), column).toEqual([fx.merchant]);
    }
  });

  it('checks a common word row by row: every row it returns holds the word', async () => {
    const reviewer = await role('reviewer');
    const { data, error } = await reviewer.from('v_listings').select('title').eq('search_match', true)
      .order('created_at', { ascending: false }).limit(50).setHeader('x-search', hex('准新车'));
    expect(error).toBeNull();
    expect(data!.length).toBe(50);
    for (const r of data as { title: string }[]) expect(r.title).toContain('准新车');
  });

  it('without an entry, search_hit holds for no row and search_match for every row', async () => {
    const reviewer = await role('reviewer');
    const hit = await reviewer.from('v_members').select('id').eq('search_hit', true).limit(5);
    expect(hit.data).toEqual([]);
    const match = await reviewer.from('v_members').select('id').eq('search_match', true).limit(5);
    expect(match.data).toHaveLength(5);
  });
});
