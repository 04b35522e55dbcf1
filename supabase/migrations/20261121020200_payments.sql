-- Payments (缴费记录, R-PAY-1..3): merchant platform fees on plans, merchant deposits,
-- member purchases of promotion and reservation rights. Money arrives at a channel
-- (platform_clearing) when a payment succeeds; a refund posts the reverse journal.
create type public.payment_kind as enum ('platform_fee', 'deposit', 'promotion_rights', 'reservation_rights');
create type public.payment_channel as enum ('wechat', 'alipay', 'bank_transfer');
create type public.payment_status as enum ('pending', 'succeeded', 'failed', 'refunded');

create table public.payments (
  id uuid primary key default extensions.gen_random_uuid(),
  -- the order number sent to the channel; the idempotency key of payment_create
  payment_no text not null unique check (payment_no ~ '^[A-Za-z0-9_-]{6,64}$'),
  payer_type public.money_owner_type not null check (payer_type in ('merchant', 'member')),
  merchant_id uuid references public.merchants (id),
  member_id uuid references public.members (id),
  kind public.payment_kind not null,
  plan public.fee_plan,
  amount_fen bigint not null check (amount_fen > 0),
  channel public.payment_channel not null,
  channel_txn_id text check (channel_txn_id ~ '^[A-Za-z0-9_-]{4,64}$'),
  status public.payment_status not null default 'pending',
  city_code text,
  -- platform fee coverage this payment bought (merchants.fee_paid_until moves with it)
  covers_from date,
  covers_to date,
  note text,
  created_at timestamptz not null default now(),
  paid_at timestamptz,
  failed_at timestamptz,
  fail_reason text,
  refunded_at timestamptz,
  refund_reason text,
  refunded_by uuid,
  journal_id bigint references public.ledger_journals (id),
  refund_journal_id bigint references public.ledger_journals (id),
  constraint payments_channel_txn unique (channel, channel_txn_id),
  constraint payments_payer check (
    (payer_type = 'merchant' and merchant_id is not null and member_id is null and kind in ('platform_fee', 'deposit'))
    or (payer_type = 'member' and member_id is not null and merchant_id is null
        and kind in ('promotion_rights', 'reservation_rights'))),
  constraint payments_plan check ((kind = 'platform_fee') = (plan is not null)),
  constraint payments_status_shape check (
    (status = 'pending' and paid_at is null and refunded_at is null)
    or (status = 'failed' and failed_at is not null and paid_at is null)
    or (status = 'succeeded' and paid_at is not null and channel_txn_id is not null and journal_id is not null and refunded_at is null)
    or (status = 'refunded' and paid_at is not null and refunded_at is not null and refund_journal_id is not null
        and refund_reason is not null))
);
comment on table public.payments is '缴费记录: fees, deposits, rights purchases; ledger-posted on success';
create index payments_merchant_idx on public.payments (merchant_id, created_at desc) where merchant_id is not null;
create index payments_member_idx on public.payments (member_id, created_at desc) where member_id is not null;
create index payments_created_idx on public.payments (created_at desc);
create index payments_paid_idx on public.payments (channel, paid_at) where paid_at is not null;
create index payments_kind_idx on public.payments (kind, created_at desc);

create table public.payment_history (
  id bigint generated always as identity primary key,
  payment_id uuid not null references public.payments (id),
  from_status public.payment_status,
  to_status public.payment_status not null,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
create index payment_history_payment_idx on public.payment_history (payment_id, at desc);

create or replace function app.fee_plan_months(p public.fee_plan)
returns integer
language sql
immutable
set search_path = ''
as $$
  select case p when 'monthly' then 1 when 'quarterly' then 3 when 'yearly' then 12 end
$$;

-- Records a payment order as pending (from the payment backend with the service key, or
-- finance entering a bank transfer). The same payment_no returns the existing row.
create or replace function public.payment_create(
  p_payment_no text,
  p_payer_type public.money_owner_type,
  p_payer_id uuid,
  p_kind public.payment_kind,
  p_amount_fen bigint,
  p_channel public.payment_channel,
  p_plan public.fee_plan default null,
  p_note text default null
)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  row public.payments;
  city text;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'payments are recorded by finance or the payment backend', '42501');
  end if;
  select * into row from public.payments where payment_no = p_payment_no;
  if found then
    if row.payer_type <> p_payer_type or coalesce(row.merchant_id, row.member_id) <> p_payer_id
       or row.kind <> p_kind or row.amount_fen <> p_amount_fen or row.channel <> p_channel then
      perform app.fail('idempotency_conflict', 'payment_no ' || p_payment_no || ' exists with other details');
    end if;
    return row;
  end if;
  if p_amount_fen is null or p_amount_fen <= 0 then
    perform app.fail('invalid_input', 'amount must be positive');
  end if;
  if p_payer_type = 'merchant' then
    select m.city_code into city from public.merchants m where m.id = p_payer_id;
  elsif p_payer_type = 'member' then
    select m.city_code into city from public.members m where m.id = p_payer_id;
  end if;
  if not found then
    perform app.fail('not_found', format('no %s %s', p_payer_type, p_payer_id));
  end if;
  begin
    insert into public.payments (payment_no, payer_type, merchant_id, member_id, kind, plan, amount_fen, channel, city_code, note)
    values (p_payment_no, p_payer_type,
            case when p_payer_type = 'merchant' then p_payer_id end,
            case when p_payer_type = 'member' then p_payer_id end,
            p_kind, p_plan, p_amount_fen, p_channel, city, p_note)
    returning * into row;
  exception when check_violation then
    perform app.fail('invalid_input', 'payer, kind and plan do not fit together');
  end;
  insert into public.payment_history (payment_id, from_status, to_status, actor_id)
  values (row.id, null, 'pending', (select auth.uid()));
  perform app.audit('payment.create', 'payment', row.id::text, null, to_jsonb(row), null, city);
  return row;
end;
$$;

-- pending → succeeded: the channel confirmed it. Posts cash in, extends the merchant's fee
-- coverage, credits a deposit, or grants promotion rights. Repeating the call with the same
-- transaction id returns the row unchanged.
create or replace function public.payment_confirm(p_payment_id uuid, p_channel_txn_id text, p_paid_at timestamptz default null)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.payments;
  row public.payments;
  credit_acc bigint;
  jid bigint;
  v_paid_at timestamptz := coalesce(p_paid_at, now());
  start_from date;
  until date;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'payments are confirmed by finance or the payment backend', '42501');
  end if;
  if coalesce(btrim(p_channel_txn_id), '') = '' then
    perform app.fail('invalid_input', 'channel transaction id required');
  end if;
  select * into old from public.payments where id = p_payment_id for update;
  if not found then
    perform app.fail('not_found', 'no payment ' || p_payment_id);
  end if;
  if old.status = 'succeeded' and old.channel_txn_id = p_channel_txn_id then
    return old;
  end if;
  if old.status <> 'pending' then
    perform app.fail('illegal_transition', format('payment is %s', old.status));
  end if;
  if exists (select 1 from public.payments p where p.channel = old.channel and p.channel_txn_id = p_channel_txn_id) then
    perform app.fail('duplicate_channel_txn', 'transaction ' || p_channel_txn_id || ' already recorded');
  end if;

  credit_acc := case old.kind
    when 'deposit' then app.ledger_account('merchant', old.merchant_id, 'merchant_deposit')
    else app.ledger_account('platform', null, 'platform_revenue') end;
  jid := app.post_journal('payment', 'payment', old.id::text, old.kind::text || ' ' || old.payment_no,
    jsonb_build_array(
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', old.amount_fen),
      jsonb_build_object('account', credit_acc, 'amount', -old.amount_fen)));

  if old.kind = 'platform_fee' then
    -- coverage continues from the current paid-until date, or from the payment day if lapsed
    select greatest(coalesce(m.fee_paid_until, app.biz_date(v_paid_at) - 1), app.biz_date(v_paid_at) - 1) + 1
      into start_from from public.merchants m where m.id = old.merchant_id for update;
    until := (start_from + make_interval(months => app.fee_plan_months(old.plan)))::date - 1;
    update public.merchants set fee_paid_until = until, fee_plan = old.plan, updated_at = now()
     where id = old.merchant_id;
  elsif old.kind = 'deposit' then
    update public.merchants set deposit_fen = deposit_fen + old.amount_fen, updated_at = now()
     where id = old.merchant_id;
  elsif old.kind = 'promotion_rights' then
    update public.members set has_promotion_rights = true, promotion_rights_at = v_paid_at, updated_at = now()
     where id = old.member_id and not has_promotion_rights;
  end if;

  update public.payments set status = 'succeeded', channel_txn_id = p_channel_txn_id, paid_at = v_paid_at,
         journal_id = jid, covers_from = start_from, covers_to = until
   where id = old.id
  returning * into row;
  insert into public.payment_history (payment_id, from_status, to_status, actor_id)
  values (row.id, 'pending', 'succeeded', (select auth.uid()));
  perform app.audit('payment.confirm', 'payment', row.id::text, to_jsonb(old), to_jsonb(row), null, row.city_code);
  return row;
end;
$$;

-- pending → failed (the channel declined or the order expired).
create or replace function public.payment_fail(p_payment_id uuid, p_reason text)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.payments;
  row public.payments;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'payments are updated by finance or the payment backend', '42501');
  end if;
  perform app.require_reason(null, p_reason);
  update public.payments set status = 'failed', failed_at = now(), fail_reason = p_reason
   where id = p_payment_id and status = 'pending'
  returning * into row;
  if not found then
    select * into old from public.payments where id = p_payment_id;
    if not found then
      perform app.fail('not_found', 'no payment ' || p_payment_id);
    end if;
    perform app.fail('illegal_transition', format('payment is %s', old.status));
  end if;
  insert into public.payment_history (payment_id, from_status, to_status, note, actor_id)
  values (row.id, 'pending', 'failed', p_reason, (select auth.uid()));
  perform app.audit('payment.fail', 'payment', row.id::text, null, to_jsonb(row), p_reason, row.city_code);
  return row;
end;
$$;

-- succeeded → refunded, with a reason: the reverse journal (a deposit cannot be refunded
-- below zero), and the fee coverage it bought is taken back.
create or replace function public.payment_refund(p_payment_id uuid, p_reason text)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.payments;
  row public.payments;
  debit_acc bigint;
  jid bigint;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance refunds payments', '42501');
  end if;
  perform app.require_reason(null, p_reason);
  select * into old from public.payments where id = p_payment_id for update;
  if not found then
    perform app.fail('not_found', 'no payment ' || p_payment_id);
  end if;
  if old.status <> 'succeeded' then
    perform app.fail('illegal_transition', format('payment is %s', old.status));
  end if;
  debit_acc := case old.kind
    when 'deposit' then app.ledger_account('merchant', old.merchant_id, 'merchant_deposit')
    else app.ledger_account('platform', null, 'platform_revenue') end;
  jid := app.post_journal('payment_refund', 'payment', old.id::text, p_reason,
    jsonb_build_array(
      jsonb_build_object('account', debit_acc, 'amount', old.amount_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', -old.amount_fen)));
  if old.kind = 'platform_fee' and old.covers_to is not null then
    update public.merchants
       set fee_paid_until = fee_paid_until - (old.covers_to - old.covers_from + 1), updated_at = now()
     where id = old.merchant_id and fee_paid_until is not null;
  elsif old.kind = 'deposit' then
    update public.merchants set deposit_fen = greatest(deposit_fen - old.amount_fen, 0), updated_at = now()
     where id = old.merchant_id;
  end if;
  update public.payments set status = 'refunded', refunded_at = now(), refund_reason = p_reason,
         refunded_by = (select auth.uid()), refund_journal_id = jid
   where id = old.id
  returning * into row;
  insert into public.payment_history (payment_id, from_status, to_status, note, actor_id)
  values (row.id, 'succeeded', 'refunded', p_reason, (select auth.uid()));
  perform app.audit('payment.refund', 'payment', row.id::text, to_jsonb(old), to_jsonb(row), p_reason, row.city_code);
  return row;
end;
$$;

alter table public.payments enable row level security;
alter table public.payment_history enable row level security;
revoke all on public.payments, public.payment_history from anon;
revoke insert, update, delete, truncate on public.payments, public.payment_history from authenticated;
grant select on public.payments, public.payment_history to authenticated;
create policy payments_read on public.payments for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));
create policy payment_history_read on public.payment_history for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')) and (select app.all_regions()));

revoke execute on function
  public.payment_create(text, public.money_owner_type, uuid, public.payment_kind, bigint, public.payment_channel, public.fee_plan, text),
  public.payment_confirm(uuid, text, timestamptz), public.payment_fail(uuid, text), public.payment_refund(uuid, text)
  from public, anon;
grant execute on function
  public.payment_create(text, public.money_owner_type, uuid, public.payment_kind, bigint, public.payment_channel, public.fee_plan, text),
  public.payment_confirm(uuid, text, timestamptz), public.payment_fail(uuid, text), public.payment_refund(uuid, text)
  to authenticated, service_role;
