// Fixtures for the money tests: unique merchants, members and trades created through the
// superuser connection (so reruns on a persistent database never collide), balances given
// by a fixture journal, and a second finance login for the four-eyes rules.
import type pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { signIn } from '../support/stack.ts';

const FX_SQL = `
create schema if not exists money_fx;
create or replace function money_fx.category(p_rate numeric, p_dist numeric, p_deposit bigint default 0) returns integer
language sql as $$
  with c as (
    insert into public.merchant_categories (code, name, commission_rate, distributor_rate, deposit_required_fen)
    values ('fx_' || replace(extensions.gen_random_uuid()::text, '-', ''), '测试类目', p_rate, p_dist, p_deposit) returning id
  ), prices as (
    -- the fee price list of a fixture category: ¥299 / ¥799 / ¥2,999 since 2000
    insert into public.fee_prices (category_id, plan, amount_fen, valid_from, reason)
    select c.id, x.plan::public.fee_plan, x.fen, date '2000-01-01', 'new_category'
      from c, (values ('monthly', 29900), ('quarterly', 79900), ('yearly', 299900)) x (plan, fen)
  )
  select id from c $$;
create or replace function money_fx.merchant(p_category integer, p_override numeric default null, p_city text default '110100',
  p_status public.merchant_status default 'active') returns uuid
language sql as $$
  insert into public.merchants (name, kind, category_id, commission_rate_override, city_code, status)
  values ('测试商户' || left(extensions.gen_random_uuid()::text, 8), 'used_dealer', p_category, p_override, p_city, p_status)
  returning id $$;
create or replace function money_fx.member(p_upline uuid default null, p_city text default '110100') returns uuid
language sql as $$
  insert into public.members (nickname, city_code, upline_id)
  values ('测试' || left(extensions.gen_random_uuid()::text, 8), p_city, p_upline) returning id $$;
create or replace function money_fx.trade(p_merchant uuid, p_member uuid, p_distributor uuid, p_amount bigint,
  p_closed_at timestamptz default now()) returns uuid
language plpgsql as $$
declare b int; s int; l uuid; r uuid; t uuid; c text;
begin
  select city_code into c from public.merchants where id = p_merchant;
  select id into b from public.car_brands where name = '测试品牌FX';
  if b is null then
    insert into public.car_brands (name, name_pinyin, name_initials, first_letter)
    values ('测试品牌FX', 'ceshipinpaifx', 'csppfx', 'C') on conflict do nothing;
    select id into b from public.car_brands where name = '测试品牌FX';
  end if;
  select id into s from public.car_series where brand_id = b order by id limit 1;
  if s is null then
    insert into public.car_series (brand_id, name, name_pinyin, name_initials) values (b, 'FX', 'fx', 'fx') returning id into s;
  end if;
  insert into public.listings (merchant_id, kind, title, brand_id, series_id, city_code, price_fen)
  values (p_merchant, 'used_sale', '测试车辆 FX', b, s, c, p_amount) returning id into l;
  insert into public.reservations (kind, member_id, merchant_id, listing_id, city_code, distributor_id, state, reserved_for,
    confirm_deadline, price_fen, deal_amount_fen)
  values ('used_purchase', p_member, p_merchant, l, c, p_distributor, 'deal_closed', p_closed_at, p_closed_at, p_amount, p_amount)
  returning id into r;
  insert into public.trades (reservation_id, merchant_id, member_id, distributor_id, listing_id, kind, amount_fen, city_code, closed_at)
  values (r, p_merchant, p_member, p_distributor, l, 'sale', p_amount, c, p_closed_at) returning id into t;
  return t;
end $$;
-- a fixture credit: cash in, owed to the owner (stands in for settled sales / released commission)
create or replace function money_fx.credit(p_owner_type public.money_owner_type, p_owner uuid, p_amount bigint) returns bigint
language sql as $$
  select app.post_journal('adjustment', 'test_fixture', extensions.gen_random_uuid()::text, 'test credit',
    jsonb_build_array(
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', p_amount),
      jsonb_build_object('account', app.ledger_account(p_owner_type, p_owner, (p_owner_type::text || '_available')::public.ledger_account_kind), 'amount', -p_amount))) $$;
create or replace function money_fx.bank(p_owner_type public.money_owner_type, p_owner uuid, p_verified boolean default true) returns uuid
language plpgsql as $$
declare id uuid; no text := '6222' || lpad((floor(random() * 1e15))::bigint::text, 15, '0');
begin
  insert into public.bank_accounts (owner_type, owner_id, holder_name, bank_name, account_no_enc, account_last4, account_hash,
    verified, verified_at, city_code)
  values (p_owner_type, p_owner, '测试户名', '中国工商银行', app.encrypt_account_no(no), right(no, 4),
    encode(extensions.hmac(no, app.bank_key(), 'sha256'), 'hex'), p_verified, case when p_verified then now() end, '110100')
  returning bank_accounts.id into id;
  return id;
end $$;
`;

export async function installFixtures(c: pg.Client): Promise<void> {
  await c.query(FX_SQL);
}

export async function one<T = Record<string, unknown>>(c: pg.Client, sql: string, params: unknown[] = []): Promise<T> {
  const r = await c.query(sql, params);
  return r.rows[0] as T;
}

export async function val<T = unknown>(c: pg.Client, sql: string, params: unknown[] = []): Promise<T> {
  const r = await c.query(sql, params);
  return Object.values(r.rows[0] ?? {})[0] as T;
}

export const category = (c: pg.Client, rate: number, dist: number, deposit = 0) =>
  val<number>(c, 'select money_fx.category($1, $2, $3)', [rate, dist, deposit]);
export const merchant = (c: pg.Client, cat: number, override: number | null = null, status = 'active') =>
  val<string>(c, "select money_fx.merchant($1, $2, '110100', $3)", [cat, override, status]);
export const member = (c: pg.Client, upline: string | null = null) => val<string>(c, 'select money_fx.member($1)', [upline]);
export const trade = (c: pg.Client, m: string, buyer: string, distributor: string | null, amount: number, closedAt: string | Date = new Date()) =>
  val<string>(c, 'select money_fx.trade($1, $2, $3, $4, $5)', [m, buyer, distributor, amount, closedAt]);
export const credit = (c: pg.Client, ownerType: 'merchant' | 'member', owner: string, amount: number) =>
  val<number>(c, 'select money_fx.credit($1, $2, $3)', [ownerType, owner, amount]);
export const bank = (c: pg.Client, ownerType: 'merchant' | 'member', owner: string, verified = true) =>
  val<string>(c, 'select money_fx.bank($1, $2, $3)', [ownerType, owner, verified]);

export async function balances(c: pg.Client, owner: string): Promise<Record<string, number>> {
  const r = await c.query('select kind::text, balance_fen from public.ledger_accounts where owner_id = $1', [owner]);
  const out: Record<string, number> = {};
  for (const row of r.rows) out[String(row.kind).replace(/^(merchant|member)_/, '')] = Number(row.balance_fen);
  return out;
}

export async function ledgerProblems(c: pg.Client): Promise<unknown[]> {
  return (await c.query('select * from public.ledger_check()')).rows;
}

/** A second (or third) finance login, created once per run with a unique email. */
export async function extraStaff(c: pg.Client, role: 'finance' | 'admin' = 'finance'): Promise<{ id: string; client: SupabaseClient }> {
  const id = randomUUID();
  const email = `money-${role}-${id.slice(0, 8)}@test.local`;
  await c.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
       raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
       extensions.crypt('demo1234', extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}', '{}',
       now(), now(), '', '', '', '')`,
    [id, email],
  );
  await c.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $2::uuid, jsonb_build_object('sub', $1::text, 'email', $3::text, 'email_verified', true), 'email', now(), now())`,
    [id, id, email],
  );
  await c.query(`insert into public.staff (id, email, display_name, role) values ($1, $2, '测试财务', $3)`, [id, email, role]);
  return { id, client: await signIn(email) };
}

/** The error code (message) of a failed supabase-js call, or undefined on success. */
export function code(res: { error: { message: string } | null }): string | undefined {
  return res.error?.message;
}
