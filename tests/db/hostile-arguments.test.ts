// Every function `authenticated` may execute, called by an unscoped admin with hostile
// arguments: negative, zero and extreme numbers, empty, blank and 10,000-character strings,
// extreme dates, empty and odd arrays, nulls, and JSON of every wrong shape (for jsonb
// parameters also objects, and arrays of objects, whose keys are the ones the function reads,
// each set to a wrong value). Whatever a call does, a refusal is a stable snake_case code (the
// panel translates it) whose detail never carries a row's contents ("Failing row contains …",
// "Key (…)=(…)"), and nothing times out. The list of functions comes from the catalogue, so a
// new function is covered the day it is written.
//
// One hostile argument at a time, the others plausible: a real row of the kind the function
// acts on, in a state the function accepts (found by trying each state), so the hostile value
// reaches the function's checks and writes. Every call is rolled back (a subtransaction per
// call inside one DO block per function): nothing here changes the database.
// Values are typed as the parameters are: a value PostgREST itself cannot convert (a non-uuid
// for a uuid) never reaches the function; src/providers/errors.ts maps those SQLSTATEs.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { as, db } from '../support/stack.ts';
import { CITY_A, ensureRegions, makeListing, makeMember, makeMerchant, makeReservation, uniq } from './core-fixtures.ts';
import { installFixtures } from './money-fixtures.ts';

const ADMIN = '00000000-0000-4000-a000-000000000001';
const CODE = /^[a-z][a-z0-9_]*$/;
const LONG = 'x'.repeat(10_000);

interface Arg { name: string; type: string; enumLabels: string[] | null }
interface Fn { name: string; args: Arg[]; keys: string[] }
type Args = Record<string, unknown>;
interface Outcome { state: string; message: string; detail: string }
interface Problem { fn: string; args: string; state: string; message: string; detail: string }

let pgc: pg.Client;
let fns: Fn[] = [];
/** Real rows to aim at, one per state where the kind has states. */
const ids: Record<string, string[]> = {};

/** Hostile values per parameter type. */
function hostile(type: string): unknown[] {
  switch (type) {
    case 'integer': return [-1, 0, 2147483647, -2147483648, null];
    case 'smallint': return [-1, 0, 32767, -32768, null];
    case 'bigint': return [-1, 0, '9223372036854775807', '-9223372036854775808', null];
    case 'numeric': return [-1, 0, '1e20', 'NaN', '0.00000001', null];
    case 'text': return ['', ' ', LONG, '中'.repeat(5000), '-1', 'Robert\'); drop table x;--', null];
    case 'text[]': return [[], [''], [LONG], [null], Array.from({ length: 2000 }, (_, i) => String(i)), null];
    case 'uuid[]': return [[], [randomUUID()], [null], null];
    case 'date': return ['0001-01-01', '9999-12-31', 'infinity', '-infinity', null];
    case 'timestamp with time zone': return ['0001-01-01 00:00+00', '9999-12-31 00:00+00', 'infinity', '-infinity', 'epoch', null];
    case 'boolean': return [false, null];
    case 'uuid': return [randomUUID(), null];
    default: return [null];
  }
}

/** Wrong JSON values for one key of a jsonb argument. */
const BAD_JSON: unknown[] = ['abc', '', LONG, -1, 0, 1e30, 9.3e18, 1.5, true, null, {}, [], [1], { a: 1 }, '2026-13-45', '9999-12-31'];

function hostileJson(fn: Fn, param: string, base: unknown): unknown[] {
  const shapes: unknown[] = [null, [], {}, 'text', 1, [1], [null], [[]], ['x'], { a: { b: [] } }];
  // one key at a time on the plausible value (an object, or the first object of an array), then every key at once
  const first = Array.isArray(base) ? base[0] : base;
  const template = first && typeof first === 'object' ? (first as Record<string, unknown>) : {};
  const wrap = (o: Record<string, unknown>) => (Array.isArray(base) || param === 'p_rows' ? [o] : o);
  const out: unknown[] = [];
  for (const v of BAD_JSON) {
    out.push(wrap({ ...template, ...Object.fromEntries(fn.keys.map((k) => [k, v])) }));
    for (const k of fn.keys) out.push(wrap({ ...template, [k]: v }));
  }
  if (param === 'p_rows') out.push(out.slice(0, 60).map((o) => (o as unknown[])[0]));
  return [...shapes, ...out];
}

/** Which kind of row a uuid parameter names. */
function kindOf(fn: Fn, name: string): string | null {
  const byName: Record<string, string> = {
    p_member: 'member', p_member_id: 'member', p_owner_id: 'member', p_beneficiary_id: 'member', p_merchant: 'merchant',
    p_merchant_id: 'merchant', p_payer_id: 'merchant', p_listing_id: 'listing', p_reservation_id: 'reservation', p_trade_id: 'trade',
    p_bank_account_id: 'bank_account', p_payment_id: 'payment', p_assignee: 'staff', p_user_id: 'auth_user',
  };
  if (byName[name]) return byName[name];
  if (name !== 'p_id') return null;
  return Object.keys(ids).sort((a, b) => b.length - a.length).find((k) => fn.name.startsWith(`${k}_`)) ?? null;
}

/** A plausible value per parameter, so one hostile argument at a time reaches the function's checks. */
function plausible(fn: Fn, arg: Arg): unknown {
  const { name, type } = arg;
  if (arg.enumLabels) return arg.enumLabels[0];
  if (type === 'uuid') {
    const kind = kindOf(fn, name);
    return (kind && ids[kind]?.[0]) ?? randomUUID();
  }
  const text: Record<string, string> = {
    p_reason_code: 'other', p_audience: 'member', p_kind: 'withdrawal', p_rule: 'refund_approval', p_trigger: 'manual',
    p_account_no: '6217000010001234567', p_proof_url: 'proofs/x.pdf', p_city: '110100', p_phone: '13900001111',
  };
  switch (type) {
    case 'text': return text[name] ?? (/_no$|_txn_id$|reference$/.test(name) ? `H${uniq()}` : '测试');
    case 'integer': case 'smallint': return name === 'p_category_id' ? Number(ids.category[0]) : 1;
    case 'bigint': return 10000;
    case 'numeric': return '0.03';
    case 'boolean': return true;
    case 'date': return '2001-01-01';
    case 'timestamp with time zone': return new Date(Date.now() + 86_400_000).toISOString();
    case 'text[]': return ['a.jpg'];
    case 'uuid[]': return ids.listing.slice(0, 2);
    case 'jsonb': return name === 'p_rows' ? [] : {};
    default: return null;
  }
}

/** A SQL literal of the parameter's type. */
function literal(pgClient: pg.Client, v: unknown, type: string): string {
  if (v === null || v === undefined) return `null::${type}`;
  if (type === 'jsonb') return `${pgClient.escapeLiteral(JSON.stringify(v))}::jsonb`;
  if (Array.isArray(v)) {
    const el = type.replace(/\[\]$/, '');
    return v.length === 0 ? `'{}'::${type}` : `array[${v.map((x) => literal(pgClient, x, el)).join(', ')}]::${type}`;
  }
  return `${pgClient.escapeLiteral(String(v))}::${type}`;
}

/** Runs the calls in one DO block as the admin, each in a subtransaction that is rolled back. */
async function run(fn: Fn, calls: Args[]): Promise<Outcome[]> {
  const body = calls.map((args, k) => `
  begin
    perform count(*) from public.${fn.name}(${fn.args.map((a) => `${a.name} => ${literal(pgc, args[a.name], a.type)}`).join(', ')});
    raise exception using errcode = 'ZX001';
  exception when others then
    get stacked diagnostics st = returned_sqlstate, msg = message_text, det = pg_exception_detail, hnt = pg_exception_hint;
    acc := acc || jsonb_build_array(jsonb_build_object('k', ${k}, 'state', st, 'message', msg, 'detail', concat_ws(' ', det, hnt)));
  end;`).join('');
  await pgc.query('begin');
  try {
    await pgc.query(`select set_config('request.jwt.claims', $1, true), set_config('statement_timeout', '60s', true)`,
      [JSON.stringify({ sub: ADMIN, role: 'authenticated', aal: 'aal2', email: 'admin@demo.test' })]);
    await pgc.query('set local role authenticated');
    await pgc.query(`do $hostile$
declare acc jsonb := '[]'; st text; msg text; det text; hnt text;
begin${body}
  perform set_config('hostile.out', acc::text, true);
end $hostile$`);
    const out = JSON.parse((await pgc.query(`select current_setting('hostile.out') as out`)).rows[0].out) as Array<Outcome & { k: number }>;
    return out.sort((a, b) => a.k - b.k);
  } finally {
    await pgc.query('rollback');
  }
}

const ok = (o: Outcome) => o.state === 'ZX001';
const acceptable = (o: Outcome) => ok(o) || (CODE.test(o.message) && !/Failing row|Key \(/.test(o.detail));

/** The base arguments: plausible values, with the row (and first enum) the function accepts from each kind's states. */
async function baseFor(fn: Fn): Promise<Args> {
  const plain: Args = Object.fromEntries(fn.args.map((a) => [a.name, plausible(fn, a)]));
  const idArg = fn.args.find((a) => a.type === 'uuid' && (a.name === 'p_id' || a.name === 'p_payment_id'));
  const enumArg = fn.args.find((a) => a.enumLabels);
  const candidates: Args[] = [];
  for (const id of idArg ? ids[kindOf(fn, idArg.name) ?? ''] ?? [undefined] : [undefined]) {
    for (const label of enumArg ? enumArg.enumLabels! : [undefined]) {
      candidates.push({ ...plain, ...(idArg && id ? { [idArg.name]: id } : {}), ...(enumArg ? { [enumArg.name]: label } : {}) });
    }
  }
  if (candidates.length <= 1) return plain;
  const outcomes = await run(fn, candidates);
  const i = outcomes.findIndex(ok);
  return i >= 0 ? candidates[i] : plain;
}

/** The base, then one hostile argument at a time. */
function variants(fn: Fn, baseArgs: Args): Args[] {
  const out: Args[] = [baseArgs];
  for (const a of fn.args) {
    const values = a.type === 'jsonb' ? hostileJson(fn, a.name, baseArgs[a.name])
      : a.enumLabels ? [...a.enumLabels, null] : hostile(a.type);
    for (const v of values) out.push({ ...baseArgs, [a.name]: v });
  }
  return out;
}

/** Bases that reach deeper than one row per state does (or that no seeded row gives). */
const EXTRA: Record<string, () => Args[]> = {
  reservation_transition: () => [
    { p_id: ids.visited[0], p_to: 'deal_pending', p_reason_code: null, p_note: '成交', p_deal_amount_fen: 100000, p_evidence: ['a.jpg'], p_checkin_code: null },
    { p_id: ids.confirmed[0], p_to: 'visited', p_reason_code: null, p_note: null, p_deal_amount_fen: null, p_evidence: null, p_checkin_code: '1234' },
  ],
  complaint_resolve: () => ids.mediating.map((id) => ({ p_id: id, p_outcome: 'upheld', p_remedy: '退款', p_note: '测试', p_penalty_size: '1', p_penalty_days: 30 })),
  complaint_submit: () => [{ p_member_id: ids.member[0], p_merchant_id: ids.own_merchant[0], p_category: 'other', p_title: '测试投诉',
    p_content: '内容', p_images: [], p_reservation_id: null, p_trade_id: null }],
  channel_statement_import: () => [{ p_rows: [{ statement_id: `S${uniq()}`, channel: 'wechat', channel_txn_id: `WXH${uniq()}`, amount_fen: 100, occurred_at: '2026-01-01T08:00:00Z' }] }],
  listing_import: () => [{ p_rows: [{ merchant: ids.own_merchant[0], kind: 'used_sale', brand: ids.brand[0], series: ids.series[0], price_fen: '100000', year: '2020', mileage_km: '100', vin: null, photos: [] }], p_dry_run: false }],
  merchant_update_profile: () => [{ p_id: ids.own_merchant[0], p_changes: { address: '测试路 2 号', lat: 30, lng: 104, contact_phone: '13900001111' }, p_reason: '测试' }],
  promotion_create: () => [{ p_listing_id: ids.shelved[0], p_ends_at: new Date(Date.now() + 7 * 86_400_000).toISOString(), p_starts_at: null }],
  release_due_commissions: () => [{ p_now: null, p_limit: 10 }],
  staff_register: () => [{ p_user_id: ids.auth_user[0], p_display_name: '新员工', p_role: 'analyst', p_region_codes: [], p_phone: null }],
  staff_update: () => [{ p_id: ids.staff[0], p_display_name: '客服', p_role: null, p_region_codes: ['110100'], p_phone: null, p_reason: '调整' }],
  staff_set_active: () => [{ p_id: ids.staff[0], p_active: false, p_reason: '离职' }],
  withdrawal_apply: () => [{ p_withdrawal_no: `WH${uniq()}`, p_owner_type: 'member', p_owner_id: ids.rich_member[0], p_amount_fen: 20000, p_bank_account_id: ids.rich_bank[0] }],
  merchant_application_request_info: () => [{ p_id: ids.claimed_application[0], p_field_comments: { company_name: '请补充' }, p_note: null }],
  merchant_application_approve: () => [{ p_id: ids.claimed_application[0], p_fee_plan: 'yearly', p_category_id: Number(ids.category[0]), p_note: null }],
  merchant_application_reject: () => [{ p_id: ids.claimed_application[0], p_reason_code: 'licence_mismatch', p_note: '不符' }],
};

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
  await installFixtures(pgc);
  const q = async (sql: string, params: unknown[] = []) => (await pgc.query(sql, params)).rows.map((r) => String(r.id));
  ids.complaint = await q(`select distinct on (state) id from public.complaints order by state, created_at desc`);
  ids.mediating = await q(`select id from public.complaints where state in ('mediating', 'escalated') order by created_at desc limit 1`);
  ids.reservation = await q(`select distinct on (state) id from public.reservations order by state, created_at desc`);
  ids.withdrawal = await q(`select distinct on (state) id from public.withdrawals order by state, id`);
  ids.merchant_application = await q(`select distinct on (state) id from public.merchant_applications order by state, id`);
  ids.merchant = await q(`select distinct on (status) id from public.merchants order by status, id`);
  ids.listing = await q(`select distinct on (review_state, shelf_state) id from public.listings order by review_state, shelf_state, id`);
  ids.member = await q(`select distinct on (status) id from public.members order by status, id`);
  ids.trade = await q(`select distinct on (status) id from public.trades order by status, id`);
  ids.payment = await q(`select distinct on (status) id from public.payments order by status, id`);
  ids.bank_account = await q(`select distinct on (verified) id from public.bank_accounts order by verified, id`);
  ids.promotion = await q(`select distinct on (state) id from public.promotions order by state, id`);
  ids.merchant_penalty = await q(`select id from public.merchant_penalties order by id limit 2`);
  ids.staff = await q(`select id from public.staff where email in ('service@demo.test', 'analyst@demo.test') order by email desc`);
  ids.category = await q(`select id from public.merchant_categories order by id limit 1`);
  // reservations of this file's own (their deal amounts and check-ins are exercised)
  const merchant = await makeMerchant(pgc, { city: CITY_A });
  const listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
  ids.visited = [await makeReservation(pgc, await makeMember(pgc), listing, { state: 'visited' })];
  ids.confirmed = [await makeReservation(pgc, await makeMember(pgc), listing, { state: 'confirmed', checkin: '1234' })];
  ids.own_merchant = [merchant];
  ids.shelved = [listing];
  const cat = (await pgc.query(`select b.name as brand, s.name as series from public.car_series s join public.car_brands b on b.id = s.brand_id
    where (select count(*) from public.car_brands o where lower(o.name) = lower(b.name)) = 1 order by s.id limit 1`)).rows[0];
  ids.brand = [cat.brand];
  ids.series = [cat.series];
  ids.rich_member = [await makeMember(pgc)];
  await pgc.query(`select money_fx.credit('member', $1, 1000000)`, [ids.rich_member[0]]);
  ids.rich_bank = await q(`select money_fx.bank('member', $1) as id`, [ids.rich_member[0]]);
  ids.claimed_application = await q(`insert into public.merchant_applications (company_name, kind, city_code, address, contact_name,
      contact_phone, licence_no, state, reviewer_id, claimed_at, submitted_at)
    values ($1, 'used_dealer', $2, '测试路 1 号', '联系人', '13900000000', '91980100MA12345678', 'in_review', $3, now(), now()) returning id`,
    [`恶意参数测试${uniq()}`, CITY_A, ADMIN]);
  // a login without a staff row, for staff_register
  ids.auth_user = await q(`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
      raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change)
    values ('00000000-0000-0000-0000-000000000000', extensions.gen_random_uuid(), 'authenticated', 'authenticated',
      $1, '', now(), '{}', '{}', now(), now(), '', '', '', '') returning id`, [`hostile-${uniq()}@demo.test`]);

  const { rows } = await pgc.query<{ name: string; names: string[] | null; modes: string[] | null; types: string[]; enums: string[][]; src: string }>(`
    select p.proname as name, p.proargnames as names, p.proargmodes::text[] as modes,
      array(select format_type(t, null) from unnest(p.proargtypes) t) as types,
      array(select to_jsonb(array(select e.enumlabel from pg_enum e where e.enumtypid = t order by e.enumsortorder)) from unnest(p.proargtypes) t) as enums,
      p.prosrc as src
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and has_function_privilege('authenticated', p.oid, 'execute')
    order by 1`);
  fns = rows.map((r) => {
    const inNames = (r.names ?? []).filter((_, i) => !r.modes || ['i', 'b', 'v'].includes(r.modes[i]));
    // the keys a jsonb argument is read by: `->> 'key'`, `-> 'key'`, `? 'key'`
    const keys = [...new Set([...r.src.matchAll(/(?:->>?|\?)\s*'([a-z_][a-z0-9_]*)'/g)].map((m) => m[1]))];
    return {
      name: r.name,
      keys,
      args: r.types.map((type, i) => ({ name: inNames[i], type, enumLabels: r.enums[i].length ? r.enums[i] : null })),
    };
  });
}, 120_000);

afterAll(async () => {
  await pgc.end();
});

describe('hostile arguments', () => {
  it('finds the functions', () => {
    expect(fns.length).toBeGreaterThan(100);
  });

  it('checked arguments still take good values: a filter of every type in one call, settings of two types at once', async () => {
    const admin = await as('admin');
    const merchant = (await pgc.query('select merchant_id from public.trades limit 1')).rows[0].merchant_id as string;
    const totals = await admin.rpc('trade_totals', {
      filters: { status: 'closed', kind: 'sale', merchant_id: merchant, brand_id: '1', closed_from: '2020-01-01T00:00:00+08:00', closed_to: '2099-01-01' },
    });
    expect(totals.error).toBeNull();
    expect((await admin.rpc('trade_totals', { filters: { merchant_id: merchant, status: 'closed' } })).error).toBeNull();
    expect((await admin.rpc('trade_totals', { filters: { status: 'bogus' } })).error?.message).toBe('invalid_input');
    const before = (await pgc.query('select refund_window_days, withdrawal_fee_rate::text from public.money_settings')).rows[0];
    const changed = await admin.rpc('money_settings_update', {
      p_changes: { refund_window_days: before.refund_window_days, withdrawal_fee_rate: Number(before.withdrawal_fee_rate) }, p_reason: '不变',
    });
    expect(changed.error).toBeNull();
  });

  it('every function refuses with a stable code and no row contents', async () => {
    const problems: Problem[] = [];
    for (const fn of fns) {
      const bases = [await baseFor(fn), ...(EXTRA[fn.name]?.() ?? [])];
      if (process.env.HOSTILE_VERBOSE) {
        const first = await run(fn, bases);
        console.log(`${fn.name}: ${first.map((o) => (ok(o) ? 'accepted' : `refused ${o.message} (${o.detail})`)).join('; ')}`);
      }
      for (const b of bases) {
        const calls = variants(fn, b);
        let outcomes: Outcome[];
        try {
          outcomes = await run(fn, calls);
        } catch (e) {
          // a call the subtransactions cannot catch (a statement timeout): the whole batch
          const err = e as { code?: string; message: string };
          problems.push({ fn: fn.name, args: '(one of the calls)', state: err.code ?? '', message: err.message.slice(0, 160), detail: '' });
          continue;
        }
        outcomes.forEach((o, k) => {
          if (acceptable(o)) return;
          const shown = JSON.stringify(calls[k], (_key, v) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 12)}…(${v.length})` : v));
          problems.push({ fn: fn.name, args: shown.slice(0, 300), state: o.state, message: o.message.slice(0, 160), detail: o.detail.slice(0, 160) });
        });
      }
    }
    // one line per function and SQLSTATE, so the report stays readable
    const seen = new Set<string>();
    const report = problems.filter((p) => !seen.has(`${p.fn} ${p.state}`) && seen.add(`${p.fn} ${p.state}`));
    expect(report, JSON.stringify(report, null, 1)).toEqual([]);
  }, 900_000);
});
