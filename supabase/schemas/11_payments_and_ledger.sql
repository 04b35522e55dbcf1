-- Payments (缴费记录) and the double-entry ledger: every money movement is one journal whose
-- entries sum to zero; balances are derived from the entries. A payment that completes what a
-- merchant owes activates it. Channel statements are imported and reconciled against payments;
-- ledger_check() proves the books balance. The finance screens' read models (accounts, balances,
-- entries, reconciliation, payment totals) are here too.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Who owns a money account: the platform, a merchant or a member.
create type public.money_owner_type as enum ('platform', 'merchant', 'member');

-- Double-entry ledger (R-SET-3). Chart of accounts per owner:
--   platform: clearing (cash held at channels, asset), payout_clearing (payouts sent, not yet
--             confirmed, liability), fee_deferred (platform fees on trades not yet settled, liability),
--             revenue (fees recognised, rights sales, withdrawal fees).
--   merchant: pending (trade proceeds until settlement), available, locked (in a withdrawal),
--             deposit (保证金 paid), receivable (owed to the platform after a late refund, asset).
--   member:   frozen (commission within the refund window), available, locked, receivable.
-- Entries are signed: debit positive, credit negative; every journal sums to zero. An
-- account's balance is normal_side × Σ entries, kept in balance_fen by the entry trigger
-- (under row lock, in account-id order) and re-derived by ledger_check().
create type public.ledger_account_kind as enum (
  'platform_clearing', 'platform_payout_clearing', 'platform_fee_deferred', 'platform_revenue',
  'merchant_pending', 'merchant_available', 'merchant_locked', 'merchant_deposit', 'merchant_receivable',
  'member_frozen', 'member_available', 'member_locked', 'member_receivable'
);

-- Payments (缴费记录, R-PAY-1..3): merchant platform fees on plans, merchant deposits,
-- member purchases of promotion and reservation rights. Money arrives at a channel
-- (platform_clearing) when a payment succeeds; a refund posts the reverse journal.
create type public.payment_kind as enum ('platform_fee', 'deposit', 'promotion_rights', 'reservation_rights');

create type public.payment_channel as enum ('wechat', 'alipay', 'bank_transfer');

create type public.payment_status as enum ('pending', 'succeeded', 'failed', 'refunded');

-- Tables --------------------------------------------------------------------------------------

create table public.ledger_accounts (
  id bigint generated always as identity primary key,
  owner_type public.money_owner_type not null,
  owner_id uuid,
  kind public.ledger_account_kind not null,
  -- +1: debit-normal (assets); -1: credit-normal (what the platform owes, revenue)
  normal_side smallint not null check (normal_side in (1, -1)),
  allow_negative boolean not null default false,
  balance_fen bigint not null default 0,
  -- owner's city, for region-scoped staff
  city_code text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ledger_accounts_owner unique nulls not distinct (owner_type, owner_id, kind),
  constraint ledger_accounts_owner_shape check ((owner_type = 'platform') = (owner_id is null)),
  constraint ledger_accounts_kind_owner check (kind::text like owner_type::text || '\_%'),
  constraint ledger_accounts_not_negative check (allow_negative or balance_fen >= 0)
);
alter table public.ledger_accounts enable row level security;
comment on table public.ledger_accounts is
  '账户: chart of accounts (platform_payout_clearing is a liability: payouts sent, not yet confirmed); balance_fen is maintained from ledger_entries';

create table public.ledger_journals (
  id bigint generated always as identity primary key,
  -- trade_close, trade_reversal, commission_release, settlement, payment, payment_refund,
  -- withdrawal_apply, withdrawal_unlock, withdrawal_payout, withdrawal_paid, adjustment
  kind text not null check (kind ~ '^[a-z][a-z_]*$'),
  ref_type text not null,
  ref_id text not null,
  memo text,
  actor_id uuid,
  posted_at timestamptz not null default now(),
  -- one journal per business event: a retried call cannot post twice
  constraint ledger_journals_once unique (kind, ref_type, ref_id)
);
comment on table public.ledger_journals is '记账凭证: one per business event; immutable';
alter table public.ledger_journals enable row level security;

create table public.ledger_entries (
  id bigint generated always as identity primary key,
  journal_id bigint not null references public.ledger_journals (id),
  account_id bigint not null references public.ledger_accounts (id),
  -- debit positive, credit negative
  amount_fen bigint not null check (amount_fen <> 0),
  posted_at timestamptz not null default now()
);
comment on table public.ledger_entries is '分录: signed (debit +, credit −); immutable; each journal sums to 0';
alter table public.ledger_entries enable row level security;

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
  -- a refund at or above four_eyes_rules.refund_approval is requested by one person first
  refund_requested_by uuid,
  refund_requested_at timestamptz,
  refund_request_reason text,
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
alter table public.payments enable row level security;

create table public.payment_history (
  id bigint generated always as identity primary key,
  payment_id uuid not null references public.payments (id),
  from_status public.payment_status,
  to_status public.payment_status not null,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
alter table public.payment_history enable row level security;

-- Channel statements (对账单, R-PAY-4): rows imported from WeChat Pay / Alipay / bank CSVs,
-- matched against payments by (channel, channel transaction id).
create table public.channel_statements (
  id bigint generated always as identity primary key,
  channel public.payment_channel not null,
  statement_ref text not null check (char_length(btrim(statement_ref)) between 1 and 80),
  -- business days the statement covers (Asia/Shanghai); payments paid in it must appear
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  imported_at timestamptz not null default now(),
  imported_by uuid,
  constraint channel_statements_ref unique (channel, statement_ref)
);
comment on table public.channel_statements is '渠道对账单: one imported statement per channel and reference';
alter table public.channel_statements enable row level security;

create table public.channel_statement_lines (
  id bigint generated always as identity primary key,
  statement_id bigint not null references public.channel_statements (id),
  channel public.payment_channel not null,
  channel_txn_id text not null,
  amount_fen bigint not null,
  occurred_at timestamptz not null,
  constraint channel_statement_lines_once unique (statement_id, channel_txn_id)
);
alter table public.channel_statement_lines enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index ledger_accounts_owner_idx on public.ledger_accounts (owner_id, kind) where owner_id is not null;

create index ledger_journals_posted_idx on public.ledger_journals (posted_at);

create index ledger_journals_ref_idx on public.ledger_journals (ref_type, ref_id);

create index ledger_entries_journal_idx on public.ledger_entries (journal_id);

create index ledger_entries_account_idx on public.ledger_entries (account_id, id);

create index payments_merchant_idx on public.payments (merchant_id, created_at desc) where merchant_id is not null;

create index payments_member_idx on public.payments (member_id, created_at desc) where member_id is not null;

create index payments_created_idx on public.payments (created_at desc);

create index payments_paid_idx on public.payments (channel, paid_at) where paid_at is not null;

create index payments_kind_idx on public.payments (kind, created_at desc);
-- foreign keys: a delete or key change of the referenced row finds its referrers by index
create index payments_journal_id_idx on public.payments (journal_id) where journal_id is not null;
create index payments_refund_journal_id_idx on public.payments (refund_journal_id) where refund_journal_id is not null;

-- The search box finds a payment by the channel's transaction id without knowing the channel
-- (payments_channel_txn leads with the channel).
create index payments_channel_txn_idx on public.payments (channel_txn_id) where channel_txn_id is not null;

create index payment_history_payment_idx on public.payment_history (payment_id, at desc);

create index channel_statement_lines_txn_idx on public.channel_statement_lines (channel, channel_txn_id);

-- Row-level security --------------------------------------------------------------------------

-- Read access: admin, finance, customer service, analyst (docs/DOMAIN.md); scoped staff see the
-- accounts and payments of their regions; journals, entries and payment history only staff
-- without a region scope.
create policy ledger_accounts_read on public.ledger_accounts for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) is distinct from false or app.in_region(city_code)));

create policy ledger_journals_read on public.ledger_journals for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')) and (select app.all_regions()));

create policy ledger_entries_read on public.ledger_entries for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')) and (select app.all_regions()));

create policy payments_read on public.payments for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) is distinct from false or app.in_region(city_code)));

create policy payment_history_read on public.payment_history for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')) and (select app.all_regions()));

create policy channel_statements_read on public.channel_statements for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')));

create policy channel_statement_lines_read on public.channel_statement_lines for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')));

-- Privileges (row-level security above decides which rows) ------------------------------------
-- Read-only for staff: money moves only through the money RPCs (security definer).
revoke all on table public.ledger_accounts, public.ledger_journals, public.ledger_entries from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.ledger_accounts, public.ledger_journals, public.ledger_entries to authenticated, service_role;
revoke all on table public.payments,
  public.payment_history,
  public.channel_statements,
  public.channel_statement_lines from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.payments,
  public.payment_history,
  public.channel_statements,
  public.channel_statement_lines to authenticated;
grant all on table public.payments,
  public.payment_history,
  public.channel_statements,
  public.channel_statement_lines to service_role;
revoke all on sequence public.ledger_accounts_id_seq,
  public.ledger_journals_id_seq,
  public.ledger_entries_id_seq,
  public.payment_history_id_seq,
  public.channel_statement_lines_id_seq,
  public.channel_statements_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.ledger_accounts_id_seq,
  public.ledger_journals_id_seq,
  public.ledger_entries_id_seq,
  public.payment_history_id_seq,
  public.channel_statement_lines_id_seq,
  public.channel_statements_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Staff with one of the roles, or a backend holding the service key (scheduled jobs,
-- channel callbacks). Money RPCs use it for their role checks.
create or replace function app.money_actor(variadic roles public.staff_role[])
returns boolean
language sql
stable
set search_path = ''
as $$
  select app.is_service() or app.has_role(variadic roles)
$$;

-- Entries and journals are never changed: corrections are new reversing journals.
create or replace function app.ledger_immutable()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform app.fail('ledger_immutable', tg_table_name || ' rows cannot be changed or deleted; post a reversing journal');
  return null;
end;
$$;

-- Creates (if missing) every account of the given owners; returns nothing. Set-based.
create or replace function app.ensure_ledger_accounts(p_owner_type public.money_owner_type, p_owner_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_owner_type = 'merchant' then
    insert into public.ledger_accounts (owner_type, owner_id, kind, normal_side, city_code)
    select 'merchant', m.id, k.kind, k.side, m.city_code
      from public.merchants m
      cross join (values ('merchant_pending'::public.ledger_account_kind, -1), ('merchant_available', -1),
                         ('merchant_locked', -1), ('merchant_deposit', -1), ('merchant_receivable', 1)) k (kind, side)
     where m.id = any (p_owner_ids)
    on conflict on constraint ledger_accounts_owner do nothing;
  elsif p_owner_type = 'member' then
    insert into public.ledger_accounts (owner_type, owner_id, kind, normal_side, city_code)
    select 'member', m.id, k.kind, k.side, m.city_code
      from public.members m
      cross join (values ('member_frozen'::public.ledger_account_kind, -1), ('member_available', -1),
                         ('member_locked', -1), ('member_receivable', 1)) k (kind, side)
     where m.id = any (p_owner_ids)
    on conflict on constraint ledger_accounts_owner do nothing;
  end if;
end;
$$;

-- The id of one account (created on first use).
create or replace function app.ledger_account(p_owner_type public.money_owner_type, p_owner_id uuid,
  p_kind public.ledger_account_kind)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  acc bigint;
begin
  select a.id into acc from public.ledger_accounts a
   where a.owner_type = p_owner_type and a.owner_id is not distinct from p_owner_id and a.kind = p_kind;
  if acc is null and p_owner_type <> 'platform' then
    perform app.ensure_ledger_accounts(p_owner_type, array[p_owner_id]);
    select a.id into acc from public.ledger_accounts a
     where a.owner_type = p_owner_type and a.owner_id = p_owner_id and a.kind = p_kind;
  end if;
  if acc is null then
    perform app.fail('not_found', format('no %s account for %s %s', p_kind, p_owner_type, p_owner_id));
  end if;
  return acc;
end;
$$;

-- Posts one journal: lines is a JSON array of {"account": id, "amount": fen} (debit +,
-- credit −, zero lines dropped). Returns the journal id. The entry trigger checks the sum
-- and the balances; the unique (kind, ref_type, ref_id) stops a second posting.
create or replace function app.post_journal(p_kind text, p_ref_type text, p_ref_id text, p_memo text, p_lines jsonb)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  jid bigint;
begin
  insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id)
  values (p_kind, p_ref_type, p_ref_id, p_memo, (select auth.uid()))
  returning id into jid;
  insert into public.ledger_entries (journal_id, account_id, amount_fen)
  select jid, (l ->> 'account')::bigint, (l ->> 'amount')::bigint
    from jsonb_array_elements(p_lines) l
   where (l ->> 'amount')::bigint <> 0;
  if not found then
    perform app.fail('invalid_input', 'a journal needs entries');
  end if;
  return jid;
end;
$$;

-- Locks accounts in id order before a caller reads balances to decide an amount.
create or replace function app.lock_accounts(p_ids bigint[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform 1 from public.ledger_accounts a where a.id = any (p_ids) order by a.id for update;
end;
$$;

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
  if coalesce(p_payment_no, '') !~ '^[A-Za-z0-9_-]{6,64}$' then
    perform app.fail('invalid_input', 'payment_no must be 6-64 letters, digits, _ or -');
  end if;
  perform app.require_given(p_payer_type, 'payer_type');
  perform app.require_given(p_kind, 'kind');
  perform app.require_given(p_channel, 'channel');
  select * into row from public.payments where payment_no = p_payment_no;
  if found then
    if row.payer_type <> p_payer_type or coalesce(row.merchant_id, row.member_id) <> p_payer_id
       or row.kind <> p_kind or row.amount_fen <> p_amount_fen or row.channel <> p_channel then
      perform app.fail('idempotency_conflict', 'payment_no ' || p_payment_no || ' exists with other details');
    end if;
    return row;
  end if;
  perform app.require_amount('payment.' || coalesce(p_kind::text, '?'), p_amount_fen);
  -- payments_payer and payments_plan, checked before the insert
  if not ((p_payer_type = 'merchant' and p_kind in ('platform_fee', 'deposit'))
          or (p_payer_type = 'member' and p_kind in ('promotion_rights', 'reservation_rights')))
     or (p_kind = 'platform_fee') <> (p_plan is not null) then
    perform app.fail('invalid_input', 'payer, kind and plan do not fit together');
  end if;
  if p_payer_type = 'merchant' then
    select m.city_code into city from public.merchants m where m.id = p_payer_id;
  elsif p_payer_type = 'member' then
    select m.city_code into city from public.members m where m.id = p_payer_id;
  end if;
  if not found then
    perform app.fail('not_found', format('no %s %s', p_payer_type, p_payer_id));
  end if;
  perform app.require_region(city);
  -- an order is paid today: it pays today's list price (the success trigger checks the paid day)
  if p_kind = 'platform_fee' then
    perform app.require_fee_price(p_payer_id, p_plan, app.biz_date(now()), p_amount_fen);
  end if;
  insert into public.payments (payment_no, payer_type, merchant_id, member_id, kind, plan, amount_fen, channel, city_code, note)
  values (p_payment_no, p_payer_type,
          case when p_payer_type = 'merchant' then p_payer_id end,
          case when p_payer_type = 'member' then p_payer_id end,
          p_kind, p_plan, p_amount_fen, p_channel, city, p_note)
  returning * into row;
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
  if coalesce(p_channel_txn_id, '') !~ '^[A-Za-z0-9_-]{4,64}$' then
    perform app.fail('invalid_input', 'channel transaction id must be 4-64 letters, digits, _ or -');
  end if;
  select * into old from public.payments where id = p_payment_id for update;
  if not found then
    perform app.fail('not_found', 'no payment ' || p_payment_id);
  end if;
  perform app.require_region(old.city_code);
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
  perform app.require_region((select p.city_code from public.payments p where p.id = p_payment_id));
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
-- below zero), and the fee coverage it bought is taken back. At or above the refund_approval
-- threshold it takes two people: the first call records the request (the payment stays
-- succeeded, refund_requested_by is set), a call by someone else carries it out.
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
  perform app.require_mfa();
  perform app.require_reason(null, p_reason);
  select * into old from public.payments where id = p_payment_id for update;
  if not found then
    perform app.fail('not_found', 'no payment ' || p_payment_id);
  end if;
  perform app.require_region(old.city_code);
  if old.status <> 'succeeded' then
    perform app.fail('illegal_transition', format('payment is %s', old.status));
  end if;
  if not app.is_service() and app.four_eyes_applies('refund_approval', old.amount_fen) then
    if old.refund_requested_by is null then
      update public.payments set refund_requested_by = (select auth.uid()), refund_requested_at = now(),
             refund_request_reason = p_reason
       where id = old.id
      returning * into row;
      insert into public.payment_history (payment_id, from_status, to_status, note, actor_id)
      values (row.id, 'succeeded', 'succeeded', 'refund requested: ' || p_reason, (select auth.uid()));
      perform app.audit('payment.refund_request', 'payment', row.id::text, to_jsonb(old), to_jsonb(row), p_reason, row.city_code);
      return row;
    end if;
    perform app.require_other_person('refund_approval', old.refund_requested_by, old.amount_fen);
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

-- Imports rows [{statement_id, channel, channel_txn_id, amount_fen, occurred_at}, …] (the
-- parsed CSV). Rows are grouped into statements by (channel, statement_id); re-importing the
-- same rows adds nothing. A statement's period grows to cover its rows. All or nothing.
create or replace function public.channel_statement_import(p_rows jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  bad record;
  inserted integer;
  total integer;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance imports statements', '42501');
  end if;
  -- a channel's statement covers every region
  perform app.require_all_regions();
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' or jsonb_array_length(p_rows) = 0 then
    perform app.fail('invalid_input', 'rows must be a non-empty JSON array');
  end if;
  if jsonb_array_length(p_rows) > 100000 then
    perform app.fail('invalid_input', 'at most 100000 rows per import');
  end if;
  -- validate every row first, reporting the first bad one by its 1-based position
  select r.n, r.v into bad
    from jsonb_array_elements(p_rows) with ordinality r (v, n)
   where jsonb_typeof(r.v) <> 'object'
      or coalesce(char_length(btrim(r.v ->> 'statement_id')), 0) not between 1 and 80
      or coalesce(r.v ->> 'channel', '') not in ('wechat', 'alipay', 'bank_transfer')
      or coalesce(r.v ->> 'channel_txn_id', '') !~ '^[A-Za-z0-9_-]{4,64}$'
      or coalesce(r.v ->> 'amount_fen', '') !~ '^-?[0-9]{1,15}$'
      or coalesce(r.v ->> 'occurred_at', '') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'
      or not pg_input_is_valid(r.v ->> 'occurred_at', 'timestamptz')
   limit 1;
  if found then
    perform app.fail('invalid_input', format('row %s is invalid: %s', bad.n, left(bad.v::text, 200)));
  end if;

  create temp table if not exists pg_temp.stmt_rows (statement_ref text, channel public.payment_channel,
    channel_txn_id text, amount_fen bigint, occurred_at timestamptz) on commit drop;
  truncate pg_temp.stmt_rows;
  insert into pg_temp.stmt_rows
  select btrim(v ->> 'statement_id'), (v ->> 'channel')::public.payment_channel, v ->> 'channel_txn_id',
         (v ->> 'amount_fen')::bigint, (v ->> 'occurred_at')::timestamptz
    from jsonb_array_elements(p_rows) v;

  select r.channel_txn_id, abs(r.amount_fen) as amount into bad from pg_temp.stmt_rows r
   where abs(r.amount_fen) > (select c.max_fen from public.amount_ceilings c where c.kind = 'statement.line') limit 1;
  if found then
    perform app.fail('amount_too_large', format('transaction %s: %s fen is above the statement line ceiling', bad.channel_txn_id, bad.amount));
  end if;

  select channel, channel_txn_id into bad from pg_temp.stmt_rows
   group by statement_ref, channel, channel_txn_id having count(*) > 1 or count(distinct amount_fen) > 1 limit 1;
  if found then
    perform app.fail('invalid_input', format('transaction %s appears twice in one statement', bad.channel_txn_id));
  end if;

  insert into public.channel_statements (channel, statement_ref, period_from, period_to, imported_by)
  select channel, statement_ref, min(app.biz_date(occurred_at)), max(app.biz_date(occurred_at)), (select auth.uid())
    from pg_temp.stmt_rows group by channel, statement_ref
  on conflict on constraint channel_statements_ref do update
    set period_from = least(public.channel_statements.period_from, excluded.period_from),
        period_to = greatest(public.channel_statements.period_to, excluded.period_to);

  insert into public.channel_statement_lines (statement_id, channel, channel_txn_id, amount_fen, occurred_at)
  select s.id, r.channel, r.channel_txn_id, r.amount_fen, r.occurred_at
    from pg_temp.stmt_rows r
    join public.channel_statements s on s.channel = r.channel and s.statement_ref = r.statement_ref
  on conflict on constraint channel_statement_lines_once do nothing;
  get diagnostics inserted = row_count;
  select count(*) into total from pg_temp.stmt_rows;

  perform app.audit('channel_statement.import', 'channel_statement',
    (select string_agg(distinct channel || ':' || statement_ref, ',') from pg_temp.stmt_rows),
    null, jsonb_build_object('rows', total, 'inserted', inserted));
  return jsonb_build_object('rows', total, 'inserted', inserted, 'skipped', total - inserted,
    'statements', (select jsonb_agg(distinct jsonb_build_object('channel', channel, 'statement_id', statement_ref))
                     from pg_temp.stmt_rows));
end;
$$;

-- Proves the books: one row per problem found (unbalanced journals, balances that differ from
-- their entries, trades, commissions, payments, withdrawals and settlement runs without their
-- journals, and a trade left out of the run that covers its day). Admin and finance call it
-- through the API; operators on a direct connection call it too when their session user is, or
-- may become, postgres (the Supabase CLI's login role may): inside a security definer function
-- current_user is always the owner, hence session_user. Every trade, whatever its status, must
-- have its money record.
create or replace function public.ledger_check()
returns table (check_name text, ref text, detail text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not app.money_actor('admin', 'finance') and not pg_catalog.pg_has_role(session_user, 'postgres', 'member') then
    perform app.fail('not_permitted', 'only finance runs the ledger check', '42501');
  end if;
  if app.is_staff() then
    perform app.require_all_regions();
  end if;

  -- journals that do not sum to zero, or have no entries
  return query
  select 'unbalanced_journal', j.id::text, format('%s %s:%s sums to %s', j.kind, j.ref_type, j.ref_id, coalesce(sum(e.amount_fen), 0))
    from public.ledger_journals j left join public.ledger_entries e on e.journal_id = j.id
   group by j.id having coalesce(sum(e.amount_fen), 0) <> 0 or count(e.id) = 0;

  -- maintained balance against the entries
  return query
  select 'balance_drift', a.id::text, format('%s %s: kept %s, entries say %s', a.kind, a.owner_id, a.balance_fen, a.normal_side * coalesce(d.total, 0))
    from public.ledger_accounts a
    left join (select e.account_id, sum(e.amount_fen) as total from public.ledger_entries e group by e.account_id) d on d.account_id = a.id
   where a.balance_fen <> a.normal_side * coalesce(d.total, 0);

  return query
  select 'negative_balance', a.id::text, format('%s %s: %s', a.kind, a.owner_id, a.balance_fen)
    from public.ledger_accounts a where not a.allow_negative and a.balance_fen < 0;

  -- every closed trade has its money snapshot and close journal; reversed ones their reversal
  return query
  select 'trade_without_ledger', t.id::text, format('trade %s (%s) has no money record', t.id, t.status)
    from public.trades t
   where not exists (select 1 from public.trade_money m where m.trade_id = t.id);
  return query
  select 'trade_reversal_missing', m.trade_id::text, format('trade is %s but its money is not reversed', t.status)
    from public.trade_money m join public.trades t on t.id = m.trade_id
   where t.status <> 'closed' and m.reversed_at is null;
  return query
  select 'trade_money_mismatch', m.trade_id::text, format('trade amount %s, money snapshot %s', t.amount_fen, m.amount_fen)
    from public.trade_money m join public.trades t on t.id = m.trade_id
   where t.amount_fen <> m.amount_fen;

  -- commission rows and their journals
  return query
  select 'commission_without_ledger', c.id::text, format('commission %s %s has no journal entry for its beneficiary', c.status, c.amount_fen)
    from public.commissions c
   where not exists (select 1 from public.ledger_entries e join public.ledger_accounts a on a.id = e.account_id
                      where e.journal_id = c.journal_id and a.owner_type = 'member' and a.owner_id = c.beneficiary_id);
  return query
  select 'commission_release_missing', c.id::text, 'available commission without a release journal'
    from public.commissions c
   where not c.is_clawback and c.released_at is not null
     and not exists (select 1 from public.ledger_journals j where j.kind = 'commission_release' and j.ref_type = 'commission' and j.ref_id = c.id::text);
  -- frozen balances equal the frozen commission rows
  return query
  select 'frozen_mismatch', a.owner_id::text, format('member_frozen %s, frozen commissions %s', a.balance_fen, coalesce(f.total, 0))
    from public.ledger_accounts a
    left join (select c.beneficiary_id, sum(c.amount_fen) as total from public.commissions c where c.status = 'frozen' group by 1) f
      on f.beneficiary_id = a.owner_id
   where a.kind = 'member_frozen' and a.balance_fen <> coalesce(f.total, 0);
  -- merchant pending equals the net of unsettled, unreversed trades
  return query
  select 'pending_mismatch', a.owner_id::text, format('merchant_pending %s, unsettled trades %s', a.balance_fen, coalesce(p.total, 0))
    from public.ledger_accounts a
    left join (select m.merchant_id, sum(m.merchant_net_fen) as total from public.trade_money m
                where m.settlement_run_id is null and m.reversed_at is null group by 1) p on p.merchant_id = a.owner_id
   where a.kind = 'merchant_pending' and a.balance_fen <> coalesce(p.total, 0);
  return query
  select 'fee_deferred_mismatch', a.id::text, format('platform_fee_deferred %s, unsettled fees %s', a.balance_fen,
           (select coalesce(sum(m.fee_fen), 0) from public.trade_money m where m.settlement_run_id is null and m.reversed_at is null))
    from public.ledger_accounts a
   where a.kind = 'platform_fee_deferred'
     and a.balance_fen <> (select coalesce(sum(m.fee_fen), 0) from public.trade_money m where m.settlement_run_id is null and m.reversed_at is null);

  -- payments
  return query
  select 'payment_without_ledger', p.id::text, format('%s payment %s has no %s journal', p.status, p.payment_no,
           case when p.journal_id is null then 'payment' else 'refund' end)
    from public.payments p
   where (p.status in ('succeeded', 'refunded') and (p.journal_id is null
            or not exists (select 1 from public.ledger_journals j where j.kind = 'payment' and j.ref_id = p.id::text)))
      or (p.status = 'refunded' and not exists (select 1 from public.ledger_journals j where j.kind = 'payment_refund' and j.ref_id = p.id::text))
      or (p.status in ('pending', 'failed') and exists (select 1 from public.ledger_journals j where j.kind = 'payment' and j.ref_id = p.id::text));

  -- withdrawals: locked funds, payouts in flight and paid ones against their journals
  return query
  select 'locked_mismatch', a.owner_id::text, format('%s %s, open withdrawals %s', a.kind, a.balance_fen, coalesce(w.total, 0))
    from public.ledger_accounts a
    left join (select x.owner_type, x.owner_id, sum(x.amount_fen) as total from public.withdrawals x
                where x.state in ('applied', 'in_review', 'approved') group by 1, 2) w
      on w.owner_type = a.owner_type and w.owner_id = a.owner_id
   where a.kind in ('merchant_locked', 'member_locked') and a.balance_fen <> coalesce(w.total, 0);
  return query
  select 'payout_clearing_mismatch', a.id::text, format('payout clearing %s, withdrawals in payout %s', a.balance_fen,
           (select coalesce(sum(x.net_fen), 0) from public.withdrawals x where x.state in ('paying', 'pay_failed')))
    from public.ledger_accounts a
   where a.kind = 'platform_payout_clearing'
     and a.balance_fen <> (select coalesce(sum(x.net_fen), 0) from public.withdrawals x where x.state in ('paying', 'pay_failed'));
  return query
  select 'paid_without_payout', x.id::text, format('withdrawal %s is paid without a payout journal', x.withdrawal_no)
    from public.withdrawals x
   where x.state = 'paid'
     and not exists (select 1 from public.ledger_journals j where j.kind = 'withdrawal_paid' and j.ref_type = 'withdrawal' and j.ref_id = x.id::text);
  return query
  select 'payout_without_paid', j.ref_id, format('withdrawal_paid journal %s but the withdrawal is %s', j.id, x.state)
    from public.ledger_journals j join public.withdrawals x on x.id::text = j.ref_id
   where j.kind = 'withdrawal_paid' and x.state <> 'paid';
  return query
  select 'withdrawal_without_lock', x.id::text, format('withdrawal %s has no apply journal', x.withdrawal_no)
    from public.withdrawals x
   where not exists (select 1 from public.ledger_journals j where j.kind = 'withdrawal_apply' and j.ref_id = x.id::text);
  return query
  select 'open_withdrawals', x.owner_id::text, format('%s open withdrawals', count(*))
    from public.withdrawals x where app.withdrawal_is_open(x.state)
   group by x.owner_type, x.owner_id having count(*) > 1;

  -- settlement runs: statements sum to the run, and the journal moved exactly the net
  return query
  select 'settlement_mismatch', r.id::text, format('run net %s, merchant statements %s', r.merchant_net_fen, coalesce(sum(st.net_fen), 0))
    from public.settlement_runs r
    left join public.settlement_statements st on st.run_id = r.id and st.owner_type = 'merchant'
   group by r.id having r.merchant_net_fen <> coalesce(sum(st.net_fen), 0);

  -- a trade that existed when a run covering its day ran, yet no run took it, can never be
  -- settled (runs never overlap); the schedule settles every other day past the refund window
  -- (settlement_due_days). Trades close at the time they are booked, after any run of their
  -- day, so only hand-made rows dated into a settled period are left out of this check.
  return query
  select 'trade_in_settled_period', t.trade_id::text,
         format('trade %s of %s is in no settlement run, but run %s covers that day', t.trade_id, app.biz_date(t.closed_at), r.id)
    from public.trade_money t
    join public.trades tr on tr.id = t.trade_id
    join public.settlement_runs r on r.period @> app.biz_date(t.closed_at) and tr.created_at < r.started_at
   where t.settlement_run_id is null;
end;
$$;

-- Totals of the payments list for its current filter (same meaning as the list's filters;
-- days are Asia/Shanghai bounds sent by the screen as timestamptz).
create or replace function public.payment_totals(
  p_kind public.payment_kind default null,
  p_channel public.payment_channel default null,
  p_status public.payment_status default null,
  p_payer_type public.money_owner_type default null,
  p_payer_id uuid default null,
  p_from timestamptz default null,
  p_to timestamptz default null,
  p_search text default null
)
returns table (count bigint, amount_fen bigint, succeeded_fen bigint, refunded_fen bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select count(*), coalesce(sum(p.amount_fen), 0)::bigint,
         coalesce(sum(p.amount_fen) filter (where p.status = 'succeeded'), 0)::bigint,
         coalesce(sum(p.amount_fen) filter (where p.status = 'refunded'), 0)::bigint
    from public.v_payments p
   where (p_kind is null or p.kind = p_kind)
     and (p_channel is null or p.channel = p_channel)
     and (p_status is null or p.status = p_status)
     and (p_payer_type is null or p.payer_type = p_payer_type)
     and (p_payer_id is null or p.merchant_id = p_payer_id or p.member_id = p_payer_id)
     and (p_from is null or p.created_at >= p_from)
     and (p_to is null or p.created_at <= p_to)
     and (coalesce(p_search, '') = '' or p.search ilike '%' || replace(p_search, '*', '%') || '%')
$$;

-- The entry trigger (per statement): every journal sums to zero, then the accounts touched are
-- locked in id order, checked against going negative and their balance_fen moved. The deltas go
-- into arrays first and the accounts are reached through their primary key: a transition table
-- has no statistics, and joined straight to ledger_accounts the planner guessed ~1,500 rows and
-- hashed every account for each posting (30 ms and growing at a few hundred thousand members).
create or replace function app.ledger_entries_apply()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  bad record;
  ids bigint[];
  deltas bigint[];
begin
  select n.journal_id, sum(n.amount_fen) as total into bad
    from new_rows n group by n.journal_id having sum(n.amount_fen) <> 0 limit 1;
  if found then
    perform app.fail('unbalanced_journal', format('journal %s is off by %s fen', bad.journal_id, bad.total));
  end if;

  select array_agg(d.account_id order by d.account_id), array_agg(d.delta order by d.account_id)
    into ids, deltas
    from (select n.account_id, sum(n.amount_fen)::bigint as delta from new_rows n group by n.account_id) d;
  if ids is null then
    return null;
  end if;

  perform 1 from public.ledger_accounts a
   where a.id = any (ids)
   order by a.id
   for update;

  select a.id, a.kind, a.owner_id, a.balance_fen, d.delta into bad
    from unnest(ids, deltas) d (account_id, delta)
    join public.ledger_accounts a on a.id = d.account_id
   where not a.allow_negative and a.balance_fen + a.normal_side * d.delta < 0
   limit 1;
  if found then
    perform app.fail('insufficient_balance',
      format('account %s (%s %s) has %s fen, posting needs %s', bad.id, bad.kind, bad.owner_id, bad.balance_fen, -bad.delta));
  end if;

  update public.ledger_accounts a
     set balance_fen = a.balance_fen + a.normal_side * d.delta, updated_at = now()
    from unnest(ids, deltas) d (account_id, delta)
   where a.id = d.account_id;
  return null;
end;
$$;

-- docs/DOMAIN.md: approved → active "once fee and deposit are paid"; grace | lapsed → active on
-- renewal. The payment that completes what the merchant owes activates it in the same
-- transaction, through the same merchant_move as the manual action (status history and audit
-- row, reason fee_paid, the payment number as the note). A payment that leaves something
-- unpaid changes nothing.
create or replace function app.payments_activate_merchant()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
begin
  select * into m from public.merchants where id = new.merchant_id for update;
  if m.status in ('approved', 'grace', 'lapsed') and app.merchant_fee_ok(m) then
    perform app.merchant_move(m.id, '{approved,grace,lapsed}', 'active',
      case when m.status = 'approved' then 'activate' else 'renew' end, 'fee_paid', 'payment ' || new.payment_no);
  end if;
  return null;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.money_actor(VARIADIC roles public.staff_role[]) from public, anon, authenticated, service_role;
grant execute on function app.money_actor(VARIADIC roles public.staff_role[]) to public, authenticated, service_role;
revoke all on function app.ledger_immutable(),
  app.ensure_ledger_accounts(p_owner_type public.money_owner_type, p_owner_ids uuid[]),
  app.ledger_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_kind public.ledger_account_kind),
  app.post_journal(p_kind text, p_ref_type text, p_ref_id text, p_memo text, p_lines jsonb),
  app.lock_accounts(p_ids bigint[]),
  app.fee_plan_months(p public.fee_plan),
  app.ledger_entries_apply(),
  app.payments_activate_merchant() from public, anon, authenticated, service_role;
grant execute on function app.ledger_immutable(),
  app.ensure_ledger_accounts(p_owner_type public.money_owner_type, p_owner_ids uuid[]),
  app.ledger_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_kind public.ledger_account_kind),
  app.post_journal(p_kind text, p_ref_type text, p_ref_id text, p_memo text, p_lines jsonb),
  app.lock_accounts(p_ids bigint[]),
  app.fee_plan_months(p public.fee_plan),
  app.ledger_entries_apply(),
  app.payments_activate_merchant() to public;
revoke all on function public.payment_create(p_payment_no text, p_payer_type public.money_owner_type, p_payer_id uuid, p_kind public.payment_kind, p_amount_fen bigint, p_channel public.payment_channel, p_plan public.fee_plan, p_note text),
  public.payment_confirm(p_payment_id uuid, p_channel_txn_id text, p_paid_at timestamp with time zone),
  public.payment_fail(p_payment_id uuid, p_reason text),
  public.payment_refund(p_payment_id uuid, p_reason text),
  public.channel_statement_import(p_rows jsonb),
  public.ledger_check(),
  public.payment_totals(p_kind public.payment_kind, p_channel public.payment_channel, p_status public.payment_status, p_payer_type public.money_owner_type, p_payer_id uuid, p_from timestamp with time zone, p_to timestamp with time zone, p_search text) from public, anon, authenticated, service_role;
grant execute on function public.payment_create(p_payment_no text, p_payer_type public.money_owner_type, p_payer_id uuid, p_kind public.payment_kind, p_amount_fen bigint, p_channel public.payment_channel, p_plan public.fee_plan, p_note text),
  public.payment_confirm(p_payment_id uuid, p_channel_txn_id text, p_paid_at timestamp with time zone),
  public.payment_fail(p_payment_id uuid, p_reason text),
  public.payment_refund(p_payment_id uuid, p_reason text),
  public.channel_statement_import(p_rows jsonb),
  public.ledger_check(),
  public.payment_totals(p_kind public.payment_kind, p_channel public.payment_channel, p_status public.payment_status, p_payer_type public.money_owner_type, p_payer_id uuid, p_from timestamp with time zone, p_to timestamp with time zone, p_search text) to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger ledger_entries_immutable before update or delete on public.ledger_entries
  for each row execute function app.ledger_immutable();

create trigger ledger_entries_no_truncate before truncate on public.ledger_entries
  for each statement execute function app.ledger_immutable();

create trigger ledger_journals_immutable before update or delete on public.ledger_journals
  for each row execute function app.ledger_immutable();

create trigger ledger_journals_no_truncate before truncate on public.ledger_journals
  for each statement execute function app.ledger_immutable();

create trigger ledger_entries_apply after insert on public.ledger_entries
  referencing new table as new_rows
  for each statement execute function app.ledger_entries_apply();

create trigger payments_activate_merchant
  after update of status on public.payments
  for each row
  when (new.status = 'succeeded' and old.status <> 'succeeded' and new.merchant_id is not null
        and new.kind in ('platform_fee', 'deposit'))
  execute function app.payments_activate_merchant();

-- Views ---------------------------------------------------------------------------------------

-- Reconciliation (R-PAY-4): every statement line and every payment a statement should
-- contain (succeeded or later refunded, paid within an imported statement's period on its
-- channel), classified matched | amount_mismatch | extra (statement only) | missing
-- (payment only).
create or replace view public.v_payment_reconciliation
with (security_invoker = on) as
with lines as (
  select l.id as line_id, l.statement_id, s.statement_ref, l.channel, l.channel_txn_id, l.amount_fen, l.occurred_at
    from public.channel_statement_lines l
    join public.channel_statements s on s.id = l.statement_id
),
expected as (
  select p.id, p.payment_no, p.channel, p.channel_txn_id, p.amount_fen, p.paid_at, p.status, p.kind, p.city_code,
         (select s.id from public.channel_statements s
           where s.channel = p.channel and app.biz_date(p.paid_at) between s.period_from and s.period_to
           order by s.id limit 1) as statement_id
    from public.payments p
   where p.status in ('succeeded', 'refunded') and p.channel_txn_id is not null
)
select
  case
    when l.line_id is null then 'missing'
    when p.id is null then 'extra'
    when l.amount_fen <> p.amount_fen then 'amount_mismatch'
    else 'matched'
  end as result,
  coalesce(l.channel, p.channel) as channel,
  coalesce(l.channel_txn_id, p.channel_txn_id) as channel_txn_id,
  coalesce(l.statement_id, p.statement_id) as statement_id,
  l.statement_ref,
  p.id as payment_id,
  p.payment_no,
  p.kind as payment_kind,
  p.status as payment_status,
  p.amount_fen as payment_amount_fen,
  l.amount_fen as statement_amount_fen,
  coalesce(l.amount_fen, 0) - coalesce(p.amount_fen, 0) as diff_fen,
  coalesce(l.occurred_at, p.paid_at) as occurred_at,
  p.city_code
from lines l
full join (select * from expected e where e.statement_id is not null
           or exists (select 1 from public.channel_statement_lines x
                       where x.channel = e.channel and x.channel_txn_id = e.channel_txn_id)) p
  on p.channel = l.channel and p.channel_txn_id = l.channel_txn_id;
comment on view public.v_payment_reconciliation is '对账结果: matched / missing / extra / amount_mismatch per transaction';

-- Read models for the money screens (security_invoker: the base tables' RLS applies). Names
-- joined in, PII masked unless the caller has the right (app.can_see_pii), ciphertext never.
create view public.v_payments with (security_invoker = on) as
select p.id, p.payment_no, p.payer_type, p.merchant_id, p.member_id,
       coalesce(mc.name, mb.nickname) as payer_name,
       case when p.payer_type = 'merchant' then app.merchant_pii(p.merchant_id, 'contact_phone')
            else app.member_pii(p.member_id, 'phone') end as payer_phone,
       p.kind, p.plan, p.amount_fen, p.channel, p.channel_txn_id, p.status, p.city_code, r.name as city_name,
       p.covers_from, p.covers_to, p.note, p.created_at, p.paid_at, p.failed_at, p.fail_reason,
       p.refunded_at, p.refund_reason, p.refunded_by, p.journal_id, p.refund_journal_id,
       coalesce(mc.name, mb.nickname, '') || ' ' || p.payment_no || ' ' || coalesce(p.channel_txn_id, '') as search,
       p.refund_requested_by, app.staff_name(p.refund_requested_by) as refund_requested_by_name,
       p.refund_requested_at, p.refund_request_reason
  from public.payments p
  left join public.merchants mc on mc.id = p.merchant_id
  left join public.members mb on mb.id = p.member_id
  left join public.regions r on r.code = p.city_code;

create view public.v_channel_statements with (security_invoker = on) as
select s.id, s.channel, s.statement_ref, s.period_from, s.period_to, s.imported_at, s.imported_by,
       (select count(*) from public.channel_statement_lines l where l.statement_id = s.id) as line_count,
       (select coalesce(sum(l.amount_fen), 0) from public.channel_statement_lines l where l.statement_id = s.id)::bigint as line_total_fen,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'matched') as matched_count,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'missing') as missing_count,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'extra') as extra_count,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'amount_mismatch') as mismatch_count
  from public.channel_statements s;

-- One row per account owner: available, frozen (merchant pending / member frozen commission),
-- locked (in withdrawals), deposit, receivable, and balance = what the platform owes them.
-- The platform row: available = revenue, frozen = fees deferred, locked = payouts in flight,
-- cash = clearing.
create view public.v_accounts with (security_invoker = on) as
select a.owner_type, a.owner_id,
       case a.owner_type when 'platform' then '平台' else coalesce(min(mc.name), min(mb.nickname)) end as owner_name,
       min(a.city_code) as city_code,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_available', 'member_available', 'platform_revenue')), 0)::bigint as available_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_pending', 'member_frozen', 'platform_fee_deferred')), 0)::bigint as frozen_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_locked', 'member_locked', 'platform_payout_clearing')), 0)::bigint as locked_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'merchant_deposit'), 0)::bigint as deposit_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_receivable', 'member_receivable')), 0)::bigint as receivable_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_clearing'), 0)::bigint as cash_fen,
       (coalesce(sum(a.balance_fen) filter (where a.normal_side = -1), 0)
        - coalesce(sum(a.balance_fen) filter (where a.normal_side = 1 and a.owner_type <> 'platform'), 0))::bigint as balance_fen,
       max(a.updated_at) as updated_at
  from public.ledger_accounts a
  left join public.merchants mc on a.owner_type = 'merchant' and mc.id = a.owner_id
  left join public.members mb on a.owner_type = 'member' and mb.id = a.owner_id
 group by a.owner_type, a.owner_id;

create view public.v_ledger_entries with (security_invoker = on) as
select e.id, e.journal_id, j.kind as journal_kind, j.ref_type, j.ref_id, j.memo, e.posted_at,
       e.account_id, a.kind as account_kind, a.owner_type, a.owner_id, e.amount_fen,
       case when e.amount_fen > 0 then e.amount_fen else 0 end as debit_fen,
       case when e.amount_fen < 0 then -e.amount_fen else 0 end as credit_fen
  from public.ledger_entries e
  join public.ledger_journals j on j.id = e.journal_id
  join public.ledger_accounts a on a.id = e.account_id;

-- Read models of the finance screens (no rules of their own):
--   v_reconciliation     v_payment_reconciliation with a row id (react-admin lists need one)
--   v_account_balances   one row per account owner with id = owner_id (platform: the nil uuid),
--                        written so `id = X` reaches ledger_accounts_owner_idx
--   payment_totals()     count and amounts of the payments a list filter selects, in SQL
--   commission_totals()  the same for commission records (12_commissions_and_settlement.sql)
-- All security_invoker / security invoker: the base tables' RLS decides what is counted.
create view public.v_reconciliation with (security_invoker = on) as
select r.channel::text || ':' || r.channel_txn_id || ':' || coalesce(r.statement_id::text, '-') as id, r.*
  from public.v_payment_reconciliation r;
comment on view public.v_reconciliation is '对账结果 with a row id for the reconciliation screen';

create view public.v_account_balances with (security_invoker = on) as
select '00000000-0000-0000-0000-000000000000'::uuid as id, 'platform'::public.money_owner_type as owner_type,
       null::uuid as owner_id, '平台'::text as owner_name, null::text as city_code,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_revenue'), 0)::bigint as available_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_fee_deferred'), 0)::bigint as frozen_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_payout_clearing'), 0)::bigint as locked_fen,
       0::bigint as deposit_fen,
       0::bigint as receivable_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_clearing'), 0)::bigint as cash_fen,
       coalesce(sum(a.balance_fen) filter (where a.normal_side = -1), 0)::bigint as balance_fen,
       max(a.updated_at) as updated_at,
       '平台 platform'::text as search
  from public.ledger_accounts a
 where a.owner_type = 'platform'
union all
select a.owner_id as id, a.owner_type, a.owner_id,
       coalesce(min(mc.name), min(mb.nickname)) as owner_name,
       min(a.city_code) as city_code,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_available', 'member_available')), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_pending', 'member_frozen')), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_locked', 'member_locked')), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'merchant_deposit'), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_receivable', 'member_receivable')), 0)::bigint,
       0::bigint,
       (coalesce(sum(a.balance_fen) filter (where a.normal_side = -1), 0)
        - coalesce(sum(a.balance_fen) filter (where a.normal_side = 1), 0))::bigint,
       max(a.updated_at),
       coalesce(min(mc.name), min(mb.nickname), '') || ' ' || a.owner_id::text
  from public.ledger_accounts a
  left join public.merchants mc on a.owner_type = 'merchant' and mc.id = a.owner_id
  left join public.members mb on a.owner_type = 'member' and mb.id = a.owner_id
 where a.owner_id is not null
 group by a.owner_type, a.owner_id;
comment on view public.v_account_balances is '账户余额: available, frozen/pending, locked, deposit, receivable per owner';

-- Functions that return the views' rows -------------------------------------------------------

-- The same, filtered, for the reconciliation screen and exports.
create or replace function public.payment_reconciliation(
  p_channel public.payment_channel default null,
  p_from date default null,
  p_to date default null,
  p_only_problems boolean default false
)
returns setof public.v_payment_reconciliation
language sql
stable
security invoker
set search_path = ''
as $$
  select r.* from public.v_payment_reconciliation r
   where (p_channel is null or r.channel = p_channel)
     and (p_from is null or app.biz_date(r.occurred_at) >= p_from)
     and (p_to is null or app.biz_date(r.occurred_at) <= p_to)
     and (not p_only_problems or r.result <> 'matched')
   order by r.occurred_at, r.channel_txn_id
$$;

revoke all on function public.payment_reconciliation(p_channel public.payment_channel, p_from date, p_to date, p_only_problems boolean) from public, anon, authenticated, service_role;
grant execute on function public.payment_reconciliation(p_channel public.payment_channel, p_from date, p_to date, p_only_problems boolean) to authenticated, service_role;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_payment_reconciliation,
  public.v_payments,
  public.v_channel_statements,
  public.v_accounts,
  public.v_ledger_entries,
  public.v_reconciliation,
  public.v_account_balances from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.v_payment_reconciliation,
  public.v_payments,
  public.v_channel_statements,
  public.v_accounts,
  public.v_ledger_entries,
  public.v_reconciliation,
  public.v_account_balances to authenticated;
grant all on table public.v_payment_reconciliation,
  public.v_payments,
  public.v_channel_statements,
  public.v_accounts,
  public.v_ledger_entries,
  public.v_reconciliation,
  public.v_account_balances to service_role;

-- Reference data ------------------------------------------------------------------------------

-- The platform's own accounts exist from the start (lowest ids: locked first everywhere).
-- Payout clearing holds what the platform has sent to a bank for a payee but the bank has not
-- confirmed yet: money still owed, so it is credit-normal (a liability).
insert into public.ledger_accounts (owner_type, owner_id, kind, normal_side, allow_negative)
values ('platform', null, 'platform_clearing', 1, false),
       ('platform', null, 'platform_payout_clearing', -1, false),
       ('platform', null, 'platform_fee_deferred', -1, false),
       ('platform', null, 'platform_revenue', -1, true);
