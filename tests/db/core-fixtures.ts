// Fixtures for the core-domain tests, created with the superuser connection in foreign-key
// order. Everything lives in two fake cities (980100, 980200 in the fake province 980000)
// that the demo seed never uses, and carries a unique suffix so reruns on a persistent
// database never collide.
import type pg from 'pg';
import type { PostgrestError } from '@supabase/supabase-js';
import { expect } from 'vitest';
import { DEMO_PASSWORD, signIn } from '../support/stack.ts';

export const CITY_A = '980100';
export const CITY_B = '980200';

export const uniq = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

export async function ensureRegions(pgc: pg.Client): Promise<void> {
  await pgc.query(`insert into public.regions (code, name, level, parent_code) values
    ('980000', '核心测试省', 'province', null), ('980100', '核心测试甲市', 'city', '980000'),
    ('980200', '核心测试乙市', 'city', '980000') on conflict (code) do nothing`);
  await pgc.query(`insert into public.merchant_categories (code, name, commission_rate, distributor_rate, deposit_required_fen)
    values ('used_dealer', '二手车商', 0.02, 0.01, 1000000), ('new_dealer_4s', '新车4S店', 0.015, 0.008, 2000000),
      ('rental', '汽车租赁', 0.05, 0.02, 500000), ('service', '汽车服务/维修', 0.08, 0.03, 200000), ('parts', '汽车配件', 0.06, 0.02, 200000)
    on conflict (code) do nothing`);
}

export async function makeMember(pgc: pg.Client, opts: { city?: string; rights?: boolean; upline?: string } = {}): Promise<string> {
  const { rows } = await pgc.query(
    `insert into public.members (nickname, phone, city_code, has_promotion_rights, promotion_rights_at, upline_id)
     values ($1, $2, $3, $4, case when $4 then now() end, $5) returning id`,
    [`测试会员${uniq()}`, `199${digits(8)}`, opts.city ?? CITY_A, opts.rights ?? false, opts.upline ?? null],
  );
  return rows[0].id;
}

export async function makeMerchant(
  pgc: pg.Client,
  opts: { city?: string; status?: string; kind?: string; feePaid?: boolean } = {},
): Promise<string> {
  const { rows } = await pgc.query(
    `insert into public.merchants (name, kind, category_id, city_code, status, fee_plan, fee_paid_until, deposit_fen,
       contact_name, contact_phone)
     values ($1, $2::text::public.merchant_kind, (select id from public.merchant_categories where code = $2::text), $3, $4::public.merchant_status,
       'yearly', case when $5 then current_date + 200 else current_date - 100 end, 5000000, '测试经理', $6)
     returning id`,
    [`测试车行${uniq()}`, opts.kind ?? 'used_dealer', opts.city ?? CITY_A, opts.status ?? 'active', opts.feePaid ?? true, `139${digits(8)}`],
  );
  return rows[0].id;
}

/** A fresh car model (so promotion slots start empty on every run). */
export async function makeModel(pgc: pg.Client): Promise<{ brand: number; series: number; model: number }> {
  const { rows } = await pgc.query(
    `insert into public.car_models (series_id, name, model_year, energy, gearbox)
     select s.id, $1, 2024, 'petrol', 'automatic' from public.car_series s order by s.id limit 1
     returning id, series_id`,
    [`测试款 ${uniq()}`],
  );
  const { rows: s } = await pgc.query('select brand_id from public.car_series where id = $1', [rows[0].series_id]);
  return { brand: s[0].brand_id, series: rows[0].series_id, model: rows[0].id };
}

export async function makeListing(
  pgc: pg.Client,
  merchant: string,
  opts: { kind?: string; review?: string; shelf?: string; trade?: string; model?: { brand: number; series: number; model: number } } = {},
): Promise<string> {
  const m = opts.model ?? (await makeModel(pgc));
  const { rows } = await pgc.query(
    `insert into public.listings (merchant_id, kind, title, brand_id, series_id, model_id, year, city_code, price_fen, deposit_fen,
       review_state, shelf_state, trade_state)
     select $1, $2::public.listing_kind, $3, $4, $5, $6, 2024, mc.city_code, 12000000, case when $2 = 'rental' then 300000 end,
       $7::public.listing_review_state, $8::public.listing_shelf_state, $9::public.listing_trade_state
     from public.merchants mc where mc.id = $1
     returning id`,
    [merchant, opts.kind ?? 'used_sale', `测试车源 ${uniq()}`, m.brand, m.series, m.model, opts.review ?? 'draft', opts.shelf ?? 'off',
      opts.trade ?? 'available'],
  );
  return rows[0].id;
}

export async function makeReservation(
  pgc: pg.Client,
  member: string,
  listing: string,
  opts: { state?: string; distributor?: string | null; checkin?: string; kind?: string } = {},
): Promise<string> {
  const { rows } = await pgc.query(
    `insert into public.reservations (kind, member_id, merchant_id, listing_id, state, reserved_for, confirm_deadline, price_fen,
       rental_start, rental_end, checkin_code, distributor_id)
     select case l.kind when 'rental' then 'rental' when 'new_sale' then 'new_purchase' else 'used_purchase' end::public.reservation_kind,
       $1, l.merchant_id, l.id, $3::public.reservation_state, now() + interval '1 day', now() + interval '1 day', l.price_fen,
       case when l.kind = 'rental' then current_date + 1 end, case when l.kind = 'rental' then current_date + 3 end, $4, $5
     from public.listings l where l.id = $2
     returning id`,
    [member, listing, opts.state ?? 'created', opts.checkin ?? null, opts.distributor ?? null],
  );
  return rows[0].id;
}

/** A region-scoped staff login (role and regions given), signed in. */
export async function makeScopedStaff(pgc: pg.Client, role: string, regions: string[]) {
  const email = `core-scoped-${uniq()}@demo.test`;
  const { rows } = await pgc.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
       raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change)
     values ('00000000-0000-0000-0000-000000000000', extensions.gen_random_uuid(), 'authenticated', 'authenticated', $1,
       extensions.crypt($2, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}', '{}', now(), now(),
       '', '', '', '')
     returning id`,
    [email, DEMO_PASSWORD],
  );
  const id = rows[0].id as string;
  await pgc.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $2::uuid, jsonb_build_object('sub', $1::text, 'email', $3::text, 'email_verified', true), 'email', now(), now())`,
    [id, id, email],
  );
  await pgc.query(
    `insert into public.staff (id, email, display_name, role, region_codes) values ($1, $2, '区域员工', $3::public.staff_role, $4)`,
    [id, email, role, regions],
  );
  return { id, email, client: await signIn(email) };
}

/** Asserts a PostgREST error carries the stable code our functions raise (in `message`). */
export function expectFail(error: PostgrestError | null, code: string): void {
  expect(error, `expected ${code}`).not.toBeNull();
  expect(error!.message).toBe(code);
}

export async function auditRows(pgc: pg.Client, entityId: string, action: string): Promise<Record<string, unknown>[]> {
  const { rows } = await pgc.query('select * from public.audit_log where entity_id = $1 and action = $2 order by id', [entityId, action]);
  return rows;
}
