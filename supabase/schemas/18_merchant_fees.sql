-- Merchant platform fees (平台费): the price list per category and plan with validity dates,
-- fees paid by bank transfer recorded by one finance person and confirmed by another (with
-- the transfer's proof in storage), and the read model of fees coming due, in grace or lapsed.
-- A platform fee payment must pay the price valid on its payment day: payment_create checks
-- today's price, and a trigger refuses any fee payment that succeeds with another amount.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- recorded → confirmed (a second person; posts the payment) | rejected (with a reason)
create type public.offline_fee_status as enum ('recorded', 'confirmed', 'rejected');

-- Tables --------------------------------------------------------------------------------------

-- 平台费价目表: one price per category and plan and day. valid_to null: until further notice.
-- Rows change only through fee_price_set (admin, coded reason, audited).
create table public.fee_prices (
  id bigint generated always as identity primary key,
  category_id integer not null references public.merchant_categories (id),
  plan public.fee_plan not null,
  -- the hard cap; fee_price_set also holds the price under the payment.platform_fee ceiling
  amount_fen bigint not null check (amount_fen > 0 and amount_fen <= 100000000),
  valid_from date not null,
  valid_to date,
  reason text not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint fee_prices_dates check (valid_to is null or valid_to >= valid_from),
  -- two prices for the same category and plan never cover the same day
  constraint fee_prices_no_overlap exclude using gist (
    category_id with =, plan with =, daterange(valid_from, valid_to, '[]') with &&)
);
comment on table public.fee_prices is '平台费价目表: price per merchant category and plan, valid from/to (Beijing days)';
alter table public.fee_prices enable row level security;

-- 线下缴费: a platform fee paid by bank transfer, recorded with its proof, confirmed by a
-- second person. The bank serial is the idempotency key and becomes the payment's
-- channel transaction id (bank_transfer), so the same transfer is never posted twice.
create table public.offline_fee_payments (
  id uuid primary key default extensions.gen_random_uuid(),
  bank_serial text not null unique check (bank_serial ~ '^[A-Za-z0-9_-]{4,60}$'),
  merchant_id uuid not null references public.merchants (id),
  plan public.fee_plan not null,
  amount_fen bigint not null check (amount_fen > 0),
  payer_name text not null check (char_length(btrim(payer_name)) between 1 and 60),
  paid_on date not null,
  -- object name in the payment-proofs bucket: merchants/<merchant_id>/<file>
  proof_path text not null,
  note text,
  status public.offline_fee_status not null default 'recorded',
  city_code text,
  recorded_by uuid not null,
  recorded_at timestamptz not null default now(),
  decided_by uuid,
  decided_at timestamptz,
  reject_reason text,
  payment_id uuid references public.payments (id),
  constraint offline_fee_payments_shape check (
    (status = 'recorded' and decided_at is null and payment_id is null)
    or (status = 'confirmed' and decided_at is not null and decided_by is not null and payment_id is not null)
    or (status = 'rejected' and decided_at is not null and reject_reason is not null and payment_id is null))
);
comment on table public.offline_fee_payments is '线下缴费: bank transfers for platform fees, recorded and confirmed by two people';
alter table public.offline_fee_payments enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index fee_prices_category_idx on public.fee_prices (category_id, plan, valid_from);

create index offline_fee_payments_recorded_idx on public.offline_fee_payments (recorded_at desc);

create index offline_fee_payments_merchant_idx on public.offline_fee_payments (merchant_id, recorded_at desc);

create index offline_fee_payments_payment_idx on public.offline_fee_payments (payment_id) where payment_id is not null;

-- Row-level security --------------------------------------------------------------------------

-- The price list is read by every staff role (a merchant's fee is no secret); only
-- fee_price_set writes it.
create policy fee_prices_read on public.fee_prices for select to authenticated
  using ((select app.is_staff()));

-- Offline fee payments: admin and finance, in their regions.
create policy offline_fee_payments_read on public.offline_fee_payments for select to authenticated
  using ((select app.has_role('admin', 'finance')) and ((select app.all_regions()) or app.in_region(city_code)));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.fee_prices, public.offline_fee_payments from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.fee_prices, public.offline_fee_payments to authenticated;
grant all on table public.fee_prices, public.offline_fee_payments to service_role;
revoke all on sequence public.fee_prices_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.fee_prices_id_seq to authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- The price of a category's plan on a Beijing day, or null when the list has none.
create or replace function app.fee_price(p_category_id integer, p_plan public.fee_plan, p_on date)
returns bigint
language sql
stable
security definer
set search_path = ''
as $$
  select p.amount_fen from public.fee_prices p
   where p.category_id = p_category_id and p.plan = p_plan
     and p.valid_from <= p_on and (p.valid_to is null or p.valid_to >= p_on)
$$;

-- Refuses a platform fee whose amount is not the merchant's category price for the plan on
-- the payment day (fee_price_missing when the list has no price for that day).
create or replace function app.require_fee_price(p_merchant_id uuid, p_plan public.fee_plan, p_on date, p_amount_fen bigint)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  price bigint;
begin
  price := app.fee_price((select m.category_id from public.merchants m where m.id = p_merchant_id), p_plan, p_on);
  if price is null then
    perform app.fail('fee_price_missing', format('no %s price for the merchant''s category on %s', p_plan, p_on));
  end if;
  if p_amount_fen is distinct from price then
    perform app.fail('fee_amount_mismatch', format('the %s price on %s is %s fen', p_plan, p_on, price));
  end if;
end;
$$;

-- A platform fee payment that succeeds pays the price valid on its payment day.
create or replace function app.payments_fee_price()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_fee_price(new.merchant_id, new.plan, app.biz_date(new.paid_at), new.amount_fen);
  return new;
end;
$$;

-- The price of a merchant's plan on a day (the offline payment form prefills it); null
-- when the list has none.
create or replace function public.fee_price_quote(p_merchant_id uuid, p_plan public.fee_plan, p_on date default null)
returns bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  cat integer;
  city text;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'fee prices are quoted for finance', '42501');
  end if;
  perform app.require_given(p_plan, 'plan');
  select m.category_id, m.city_code into cat, city from public.merchants m where m.id = p_merchant_id;
  if not found then
    perform app.fail('not_found', 'no merchant ' || p_merchant_id);
  end if;
  perform app.require_region(city);
  return app.fee_price(cat, p_plan, coalesce(p_on, app.biz_date(now())));
end;
$$;

-- Sets a price from a day on (today or later: past days keep the price their payments paid),
-- admin only, with a coded reason. The price running on that day ends the day before (and,
-- when the new one ends earlier, carries on after it); a price that already starts inside the
-- new period is refused (fee_price_overlap). One audit row: the running price and the new one.
create or replace function public.fee_price_set(p_category_id integer, p_plan public.fee_plan, p_amount_fen bigint,
  p_valid_from date, p_valid_to date, p_reason_code text, p_note text default null)
returns public.fee_prices
language plpgsql
security definer
set search_path = ''
as $$
declare
  running public.fee_prices;
  row public.fee_prices;
  before jsonb;
  after jsonb;
  reason text;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admin sets fee prices', '42501');
  end if;
  perform app.require_mfa();
  perform app.require_all_regions();
  if p_reason_code is null or p_reason_code not in ('price_review', 'promotion_offer', 'price_correction', 'new_category') then
    perform app.fail('reason_required', 'reason code is price_review, promotion_offer, price_correction or new_category');
  end if;
  perform app.require_given(p_plan, 'plan');
  perform app.require_given(p_valid_from, 'valid_from');
  perform app.require_amount('payment.platform_fee', p_amount_fen);
  if p_valid_from < app.biz_date(now()) then
    perform app.fail('invalid_input', 'a price starts today or later');
  end if;
  if p_valid_to < p_valid_from then
    perform app.fail('invalid_input', 'valid_to is on or after valid_from');
  end if;
  if not exists (select 1 from public.merchant_categories c where c.id = p_category_id) then
    perform app.fail('not_found', 'no category ' || p_category_id);
  end if;
  reason := concat_ws(': ', p_reason_code, nullif(btrim(p_note), ''));
  -- one writer per category and plan at a time
  perform 1 from public.merchant_categories c where c.id = p_category_id for update;
  select * into running from public.fee_prices p
   where p.category_id = p_category_id and p.plan = p_plan
     and p.valid_from < p_valid_from and (p.valid_to is null or p.valid_to >= p_valid_from)
   for update;
  if found then
    before := jsonb_build_object('amount_fen', running.amount_fen, 'valid_from', running.valid_from, 'valid_to', running.valid_to);
    update public.fee_prices set valid_to = p_valid_from - 1, updated_at = now() where id = running.id;
  end if;
  begin
    insert into public.fee_prices (category_id, plan, amount_fen, valid_from, valid_to, reason, created_by)
    values (p_category_id, p_plan, p_amount_fen, p_valid_from, p_valid_to, reason, (select auth.uid()))
    returning * into row;
    -- the running price resumes after a new price that ends before it did
    if running.id is not null and p_valid_to is not null and (running.valid_to is null or running.valid_to > p_valid_to) then
      insert into public.fee_prices (category_id, plan, amount_fen, valid_from, valid_to, reason, created_by)
      values (p_category_id, p_plan, running.amount_fen, p_valid_to + 1, running.valid_to, reason, (select auth.uid()));
    end if;
  exception when exclusion_violation then
    perform app.fail('fee_price_overlap', 'another price already covers part of that period');
  end;
  -- before: the price that ran on the first day (null if none; it now ends the day before)
  after := jsonb_build_object('category_id', row.category_id, 'plan', row.plan, 'amount_fen', row.amount_fen,
    'valid_from', row.valid_from, 'valid_to', row.valid_to);
  perform app.audit('fee_price.set', 'fee_price', row.id::text, before, after, reason, null);
  return row;
end;
$$;

-- Finance records a platform fee paid by bank transfer, with the proof already uploaded to
-- payment-proofs/merchants/<merchant_id>/. The amount must be the price valid on the paid
-- day. The same bank serial returns the existing record (or idempotency_conflict when the
-- details differ).
create or replace function public.offline_fee_record(p_merchant_id uuid, p_plan public.fee_plan, p_amount_fen bigint,
  p_payer_name text, p_bank_serial text, p_paid_on date, p_proof_path text, p_note text default null)
returns public.offline_fee_payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
  row public.offline_fee_payments;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'offline fees are recorded by finance', '42501');
  end if;
  perform app.require_mfa();
  if coalesce(p_bank_serial, '') !~ '^[A-Za-z0-9_-]{4,60}$' then
    perform app.fail('invalid_input', 'bank serial must be 4-60 letters, digits, _ or -');
  end if;
  select * into row from public.offline_fee_payments o where o.bank_serial = p_bank_serial;
  if found then
    if row.merchant_id <> p_merchant_id or row.plan is distinct from p_plan or row.amount_fen is distinct from p_amount_fen
       or row.paid_on is distinct from p_paid_on then
      perform app.fail('idempotency_conflict', 'bank serial ' || p_bank_serial || ' was recorded with other details');
    end if;
    perform app.require_region(row.city_code);
    return row;
  end if;
  perform app.require_given(p_plan, 'plan');
  perform app.require_given(p_paid_on, 'paid_on');
  perform app.require_text(p_payer_name, 'payer_name', 1, 60);
  perform app.require_amount('payment.platform_fee', p_amount_fen);
  select * into m from public.merchants where id = p_merchant_id;
  if not found then
    perform app.fail('not_found', 'no merchant ' || p_merchant_id);
  end if;
  perform app.require_region(m.city_code);
  if m.status in ('closing', 'closed') then
    perform app.fail('illegal_transition', format('merchant is %s', m.status));
  end if;
  if p_paid_on > app.biz_date(now()) then
    perform app.fail('invalid_input', 'paid_on is not in the future');
  end if;
  perform app.require_fee_price(m.id, p_plan, p_paid_on, p_amount_fen);
  if exists (select 1 from public.payments p where p.channel = 'bank_transfer' and p.channel_txn_id = p_bank_serial) then
    perform app.fail('duplicate_channel_txn', 'transaction ' || p_bank_serial || ' already recorded');
  end if;
  if coalesce(p_proof_path, '') not like 'merchants/' || m.id || '/_%'
     or not exists (select 1 from storage.objects o where o.bucket_id = 'payment-proofs' and o.name = p_proof_path) then
    perform app.fail('proof_required', 'upload the transfer proof to payment-proofs/merchants/<merchant id>/ first');
  end if;
  insert into public.offline_fee_payments (bank_serial, merchant_id, plan, amount_fen, payer_name, paid_on, proof_path,
    note, city_code, recorded_by)
  values (p_bank_serial, m.id, p_plan, p_amount_fen, btrim(p_payer_name), p_paid_on, p_proof_path,
    nullif(btrim(p_note), ''), m.city_code, (select auth.uid()))
  on conflict (bank_serial) do nothing
  returning * into row;
  if row.id is null then
    -- a concurrent call with the same serial won the insert: answer as a repeat would
    return public.offline_fee_record(p_merchant_id, p_plan, p_amount_fen, p_payer_name, p_bank_serial, p_paid_on,
      p_proof_path, p_note);
  end if;
  perform app.audit('offline_fee.record', 'offline_fee_payment', row.id::text, null, to_jsonb(row), null, row.city_code);
  return row;
end;
$$;

-- recorded → confirmed, by someone other than the recorder (four eyes, offline_fee_confirm):
-- the payment is created and confirmed as a bank transfer with the bank serial (ledger:
-- clearing ← revenue), the merchant's coverage extends from its current end if still running
-- (else from the paid day), and a merchant whose fee and deposit are then paid becomes active.
-- Confirming a confirmed record returns it unchanged (the row lock serialises two confirms).
create or replace function public.offline_fee_confirm(p_id uuid)
returns public.offline_fee_payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.offline_fee_payments;
  row public.offline_fee_payments;
  pay public.payments;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'offline fees are confirmed by finance', '42501');
  end if;
  perform app.require_mfa();
  select * into old from public.offline_fee_payments where id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no offline fee payment ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  if old.status = 'confirmed' then
    return old;
  end if;
  if old.status <> 'recorded' then
    perform app.illegal('offline_fee_payment', old.status::text, 'confirmed');
  end if;
  perform app.require_other_person('offline_fee_confirm', old.recorded_by, old.amount_fen);
  insert into public.payments (payment_no, payer_type, merchant_id, kind, plan, amount_fen, channel, city_code, note)
  values ('OFL' || old.bank_serial, 'merchant', old.merchant_id, 'platform_fee', old.plan, old.amount_fen, 'bank_transfer',
          old.city_code, 'offline ' || old.id)
  returning * into pay;
  insert into public.payment_history (payment_id, from_status, to_status, actor_id)
  values (pay.id, null, 'pending', old.recorded_by);
  perform app.audit('payment.create', 'payment', pay.id::text, null, to_jsonb(pay), null, pay.city_code);
  perform public.payment_confirm(pay.id, old.bank_serial, app.biz_day_start(old.paid_on) + interval '12 hours');
  update public.offline_fee_payments set status = 'confirmed', decided_by = (select auth.uid()), decided_at = now(),
         payment_id = pay.id
   where id = old.id
  returning * into row;
  perform app.audit('offline_fee.confirm', 'offline_fee_payment', row.id::text, to_jsonb(old), to_jsonb(row), null, row.city_code);
  return row;
end;
$$;

-- recorded → rejected (wrong merchant, no such transfer …), with a reason; nothing is posted.
create or replace function public.offline_fee_reject(p_id uuid, p_reason text)
returns public.offline_fee_payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.offline_fee_payments;
  row public.offline_fee_payments;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'offline fees are handled by finance', '42501');
  end if;
  perform app.require_mfa();
  perform app.require_reason(null, p_reason);
  select * into old from public.offline_fee_payments where id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no offline fee payment ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  if old.status <> 'recorded' then
    perform app.illegal('offline_fee_payment', old.status::text, 'rejected');
  end if;
  update public.offline_fee_payments set status = 'rejected', decided_by = (select auth.uid()), decided_at = now(),
         reject_reason = btrim(p_reason)
   where id = old.id
  returning * into row;
  perform app.audit('offline_fee.reject', 'offline_fee_payment', row.id::text, to_jsonb(old), to_jsonb(row), btrim(p_reason), row.city_code);
  return row;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.fee_price(p_category_id integer, p_plan public.fee_plan, p_on date),
  app.require_fee_price(p_merchant_id uuid, p_plan public.fee_plan, p_on date, p_amount_fen bigint),
  app.payments_fee_price() from public, anon, authenticated, service_role;
grant execute on function app.fee_price(p_category_id integer, p_plan public.fee_plan, p_on date),
  app.require_fee_price(p_merchant_id uuid, p_plan public.fee_plan, p_on date, p_amount_fen bigint),
  app.payments_fee_price() to public, authenticated, service_role;
revoke all on function public.fee_price_quote(p_merchant_id uuid, p_plan public.fee_plan, p_on date),
  public.fee_price_set(p_category_id integer, p_plan public.fee_plan, p_amount_fen bigint, p_valid_from date, p_valid_to date, p_reason_code text, p_note text),
  public.offline_fee_record(p_merchant_id uuid, p_plan public.fee_plan, p_amount_fen bigint, p_payer_name text, p_bank_serial text, p_paid_on date, p_proof_path text, p_note text),
  public.offline_fee_confirm(p_id uuid),
  public.offline_fee_reject(p_id uuid, p_reason text) from public, anon, authenticated, service_role;
grant execute on function public.fee_price_quote(p_merchant_id uuid, p_plan public.fee_plan, p_on date),
  public.fee_price_set(p_category_id integer, p_plan public.fee_plan, p_amount_fen bigint, p_valid_from date, p_valid_to date, p_reason_code text, p_note text),
  public.offline_fee_record(p_merchant_id uuid, p_plan public.fee_plan, p_amount_fen bigint, p_payer_name text, p_bank_serial text, p_paid_on date, p_proof_path text, p_note text),
  public.offline_fee_confirm(p_id uuid),
  public.offline_fee_reject(p_id uuid, p_reason text) to authenticated;

-- Triggers ------------------------------------------------------------------------------------

create trigger payments_fee_price before insert or update of status, amount_fen, paid_at on public.payments
  for each row when (new.kind = 'platform_fee' and new.status = 'succeeded')
  execute function app.payments_fee_price();

-- Views ---------------------------------------------------------------------------------------

-- 价目表 as staff read it: the category by name, whether the price is the one in force today.
create or replace view public.v_fee_prices with (security_invoker = on) as
select p.id, p.category_id, (select c.name from public.merchant_categories c where c.id = p.category_id) as category_name,
       p.plan, p.amount_fen, p.valid_from, p.valid_to, p.reason, p.created_by,
       (select s.display_name from public.staff s where s.id = p.created_by) as created_by_name, p.created_at,
       p.valid_from <= app.biz_date(now()) and (p.valid_to is null or p.valid_to >= app.biz_date(now())) as in_force
  from public.fee_prices p;

-- 线下缴费 with the merchant and the two people by name.
create or replace view public.v_offline_fee_payments with (security_invoker = on) as
select o.id, o.bank_serial, o.merchant_id, (select m.name from public.merchants m where m.id = o.merchant_id) as merchant_name,
       o.plan, o.amount_fen, o.payer_name, o.paid_on, o.proof_path, o.note, o.status, o.city_code,
       o.recorded_by, (select s.display_name from public.staff s where s.id = o.recorded_by) as recorded_by_name, o.recorded_at,
       o.decided_by, (select s.display_name from public.staff s where s.id = o.decided_by) as decided_by_name, o.decided_at,
       o.reject_reason, o.payment_id,
       (select p.covers_to from public.payments p where p.id = o.payment_id) as covers_to,
       o.bank_serial || ' ' || o.payer_name || ' ' || coalesce((select m.name from public.merchants m where m.id = o.merchant_id), '') as search
  from public.offline_fee_payments o;

-- 平台费到期: merchants with a fee to watch — active ones by days left, those in grace with
-- the day grace ends, lapsed ones, and approved ones that never paid. fee_state: due
-- (active), grace, lapsed, unpaid (approved).
create or replace view public.v_merchant_fees with (security_invoker = on) as
select m.id, m.name, m.category_id, (select c.name from public.merchant_categories c where c.id = m.category_id) as category_name,
       m.city_code, m.status, m.fee_plan, m.fee_paid_until,
       m.fee_paid_until - app.biz_date(now()) as days_left,
       m.fee_paid_until + (select s.merchant_grace_days from app.settings() s) as grace_until,
       case m.status when 'active' then 'due' when 'approved' then 'unpaid' else m.status::text end as fee_state,
       app.fee_price(m.category_id, coalesce(m.fee_plan, 'yearly'), app.biz_date(now())) as price_fen,
       m.search
  from public.merchants m
 where m.status in ('approved', 'active', 'grace', 'lapsed');

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_fee_prices, public.v_offline_fee_payments, public.v_merchant_fees
  from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.v_fee_prices, public.v_offline_fee_payments,
  public.v_merchant_fees to authenticated;
grant all on table public.v_fee_prices, public.v_offline_fee_payments, public.v_merchant_fees to service_role;

-- Reference data ------------------------------------------------------------------------------

insert into public.four_eyes_rules (rule, description, threshold_fen, locked) values
  ('offline_fee_confirm', 'whoever records a platform fee paid by bank transfer does not confirm it', null, true)
on conflict (rule) do nothing;
