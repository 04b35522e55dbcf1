-- Withdrawals (提现) and payee bank accounts: funds are locked at application, reviewed,
-- approved (twice above a threshold, by different people), paid out or returned. Account
-- numbers are stored encrypted; app.money_secrets holds the key.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Withdrawals (提现, R-WDR, docs/DOMAIN.md). Ledger per step:
--   apply               available → locked                         (withdrawal_apply)
--   cancel | reject     locked → available                         (withdrawal_unlock)
--   first payout        locked → payout_clearing (net) + revenue (fee)  (withdrawal_payout)
--   paid                payout_clearing → platform_clearing (net)  (withdrawal_paid)
--   failed, returned    payout_clearing + revenue → available      (withdrawal_return)
--   manual payout       locked → platform_clearing + revenue       (withdrawal_paid)
-- Each journal kind is unique per withdrawal, so nothing is paid or unlocked twice; every
-- transition locks the row and checks the expected state.
create type public.withdrawal_state as enum (
  'applied', 'cancelled', 'in_review', 'rejected', 'approved', 'paying', 'paid', 'pay_failed', 'refunded');

create type public.withdrawal_recon_status as enum ('unreconciled', 'matched', 'mismatch');

-- Tables --------------------------------------------------------------------------------------

-- Payee bank accounts. The number is stored encrypted (pgp_sym_encrypt with a key kept in a
-- private table no API role can read; on hosted Supabase move the key to Vault) plus its last
-- four digits; nobody reads the column directly, finance and admin reveal it through an
-- audited RPC, everyone else sees '**** 1234'.
create table app.money_secrets (
  name text primary key,
  value text not null
);

create table public.bank_accounts (
  id uuid primary key default extensions.gen_random_uuid(),
  owner_type public.money_owner_type not null check (owner_type in ('merchant', 'member')),
  owner_id uuid not null,
  holder_name text not null check (char_length(btrim(holder_name)) between 1 and 60),
  bank_name text not null check (char_length(btrim(bank_name)) between 2 and 60),
  branch_name text,
  account_no_enc bytea not null,
  account_last4 text not null check (account_last4 ~ '^[0-9]{4}$'),
  -- keyed hash: finds a duplicate without decrypting
  account_hash text not null,
  verified boolean not null default false,
  verified_at timestamptz,
  verified_by uuid,
  active boolean not null default true,
  city_code text,
  created_at timestamptz not null default now(),
  -- who added (or re-added) it: they may not verify it (four_eyes_rules.payee_verify)
  added_by uuid,
  -- a rejected account leaves the verification queue until it is added again
  rejected_at timestamptz,
  rejected_by uuid,
  reject_reason text,
  constraint bank_accounts_once unique (owner_type, owner_id, account_hash),
  constraint bank_accounts_verified check (not verified or verified_at is not null),
  constraint bank_accounts_rejected check (rejected_at is null or (not verified and reject_reason is not null))
);
comment on table public.bank_accounts is '收款账户: number encrypted; masked everywhere except the audited reveal RPC';
alter table public.bank_accounts enable row level security;

create table public.withdrawals (
  id uuid primary key default extensions.gen_random_uuid(),
  -- the applicant's idempotency key, reused as the payout order number on every retry
  withdrawal_no text not null unique check (withdrawal_no ~ '^[A-Za-z0-9_-]{6,64}$'),
  owner_type public.money_owner_type not null check (owner_type in ('merchant', 'member')),
  owner_id uuid not null,
  city_code text,
  amount_fen bigint not null check (amount_fen > 0),
  fee_fen bigint not null check (fee_fen >= 0),
  net_fen bigint not null check (net_fen > 0),
  bank_account_id uuid not null references public.bank_accounts (id),
  -- payee snapshot at application time
  payee_name text not null,
  payee_bank text not null,
  payee_account_enc bytea not null,
  payee_account_last4 text not null,
  state public.withdrawal_state not null default 'applied',
  applied_at timestamptz not null default now(),
  applied_by uuid,
  claimed_by uuid,
  claimed_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  needs_second_approval boolean not null default false,
  second_approved_by uuid,
  second_approved_at timestamptz,
  rejected_by uuid,
  reject_reason text,
  cancelled_at timestamptz,
  payout_attempts integer not null default 0,
  payout_channel public.payment_channel,
  paying_at timestamptz,
  paid_at timestamptz,
  paid_by uuid,
  channel_txn_id text,
  manual_proof_url text,
  failed_at timestamptz,
  fail_reason text,
  refunded_at timestamptz,
  recon_status public.withdrawal_recon_status not null default 'unreconciled',
  updated_at timestamptz not null default now(),
  constraint withdrawals_parts check (fee_fen + net_fen = amount_fen),
  constraint withdrawals_payout_txn unique (payout_channel, channel_txn_id),
  constraint withdrawals_two_people check (second_approved_by is null or second_approved_by <> approved_by),
  constraint withdrawals_manual_not_approver check (
    manual_proof_url is null or (paid_by <> approved_by and paid_by is distinct from second_approved_by)),
  constraint withdrawals_paid_shape check (state <> 'paid' or (paid_at is not null and (channel_txn_id is not null or manual_proof_url is not null))),
  constraint withdrawals_reject_reason check (state <> 'rejected' or reject_reason is not null)
);
comment on table public.withdrawals is '提现申请: funds locked at apply; state per docs/DOMAIN.md';
alter table public.withdrawals enable row level security;

create table public.withdrawal_history (
  id bigint generated always as identity primary key,
  withdrawal_id uuid not null references public.withdrawals (id),
  from_state public.withdrawal_state,
  to_state public.withdrawal_state not null,
  actor_id uuid,
  reason_code text,
  note text,
  amount_fen bigint not null,
  at timestamptz not null default now()
);
alter table public.withdrawal_history enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index bank_accounts_owner_idx on public.bank_accounts (owner_id);

-- At most one open request per applicant (R-WDR-1), whatever runs at once. The predicate
-- spells the open states that app.withdrawal_is_open() defines (an index predicate cannot call
-- it; tests/db/rule-functions.test.ts checks they agree).
create unique index withdrawals_one_open on public.withdrawals (owner_type, owner_id)
  where state in ('applied', 'in_review', 'approved', 'paying', 'pay_failed');

create index withdrawals_state_idx on public.withdrawals (state, applied_at);

create index withdrawals_owner_idx on public.withdrawals (owner_id, applied_at desc);

create index withdrawals_applied_idx on public.withdrawals (applied_at desc);
-- foreign keys: a delete or key change of the referenced row finds its referrers by index
create index withdrawals_bank_account_id_idx on public.withdrawals (bank_account_id);

-- The search box finds a payout by its transaction id without knowing the channel
-- (withdrawals_payout_txn leads with the channel).
create index withdrawals_channel_txn_idx on public.withdrawals (channel_txn_id) where channel_txn_id is not null;

create index withdrawal_history_withdrawal_idx on public.withdrawal_history (withdrawal_id, at desc);

create index withdrawal_history_at_idx on public.withdrawal_history (at, to_state);

-- Row-level security --------------------------------------------------------------------------

create policy bank_accounts_read on public.bank_accounts for select to authenticated
  using ((select app.has_role('admin', 'finance', 'analyst'))
         and ((select app.all_regions()) is distinct from false or app.in_region(city_code)));

create policy withdrawals_read on public.withdrawals for select to authenticated
  using ((select app.has_role('admin', 'finance', 'analyst'))
         and ((select app.all_regions()) is distinct from false or app.in_region(city_code)));

create policy withdrawal_history_read on public.withdrawal_history for select to authenticated
  using ((select app.has_role('admin', 'finance', 'analyst')) and (select app.all_regions()));

-- Privileges (row-level security above decides which rows) ------------------------------------
-- The key table: no API role reads it (only the security definer accessors below).
revoke all on table app.money_secrets from public, anon, authenticated, service_role;
-- bank_accounts and withdrawals: every column but the ciphertext (account_no_enc,
-- payee_account_enc) and the account hash; the full number only through bank_account_reveal.
revoke all on table public.bank_accounts from public, anon, authenticated, service_role;
grant all on table public.bank_accounts to service_role;
grant select (id, owner_type, owner_id, holder_name, bank_name, branch_name, account_last4, verified, verified_at, verified_by, active, city_code, created_at, added_by, rejected_at, rejected_by, reject_reason) on table public.bank_accounts to authenticated;
revoke all on table public.withdrawals from public, anon, authenticated, service_role;
grant all on table public.withdrawals to service_role;
grant select (id, withdrawal_no, owner_type, owner_id, city_code, amount_fen, fee_fen, net_fen, bank_account_id, payee_name, payee_bank, payee_account_last4, state, applied_at, applied_by, claimed_by, claimed_at, approved_by, approved_at, needs_second_approval, second_approved_by, second_approved_at, rejected_by, reject_reason, cancelled_at, payout_attempts, payout_channel, paying_at, paid_at, paid_by, channel_txn_id, manual_proof_url, failed_at, fail_reason, refunded_at, recon_status, updated_at) on table public.withdrawals to authenticated;
revoke all on table public.withdrawal_history from public, anon, authenticated, service_role;
grant select on table public.withdrawal_history to authenticated;
grant all on table public.withdrawal_history to service_role;
revoke all on sequence public.withdrawal_history_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.withdrawal_history_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Open withdrawals: applied and not yet paid, cancelled, rejected or refunded (R-WDR-1: at most
-- one per applicant). Withdrawal apply, the dashboard and ledger_check use this one function.
-- SQL, immutable, without a SET clause and with every name qualified: the planner inlines it,
-- so a caller's filter stays the plain `state = any (…)` (partial indexes and row-level
-- security see the same expression as if it were written out).
create or replace function app.withdrawal_is_open(s public.withdrawal_state)
returns boolean
language sql
immutable
parallel safe
as $$
  select s operator(pg_catalog.=) any ('{applied,in_review,approved,paying,pay_failed}'::public.withdrawal_state[])
$$;

-- The bank account key, and encryption and decryption with it (pgcrypto, symmetric).
create or replace function app.bank_key()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select value from app.money_secrets where name = 'bank_account_key'
$$;

create or replace function app.encrypt_account_no(p_no text)
returns bytea
language sql
volatile
security definer
set search_path = ''
as $$
  select extensions.pgp_sym_encrypt(p_no, app.bank_key())
$$;

create or replace function app.decrypt_account_no(p_enc bytea)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select extensions.pgp_sym_decrypt(p_enc, app.bank_key())
$$;

-- Registers a payee account (the merchant/member app backend with the service key, or
-- finance on the applicant's behalf). Starts unverified.
create or replace function public.bank_account_add(
  p_owner_type public.money_owner_type,
  p_owner_id uuid,
  p_holder_name text,
  p_bank_name text,
  p_account_no text,
  p_branch_name text default null
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  no text := regexp_replace(coalesce(p_account_no, ''), '\s', '', 'g');
  city text;
  new_id uuid;
  h text;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'bank accounts are added by finance or the app backend', '42501');
  end if;
  perform app.require_text(p_holder_name, 'holder_name', 1, 60);
  perform app.require_text(p_bank_name, 'bank_name', 2, 60);
  if no !~ '^[0-9]{12,30}$' then
    perform app.fail('invalid_input', 'account number must be 12 to 30 digits');
  end if;
  if p_owner_type = 'merchant' then
    select m.city_code into city from public.merchants m where m.id = p_owner_id;
  elsif p_owner_type = 'member' then
    select m.city_code into city from public.members m where m.id = p_owner_id;
  else
    perform app.fail('invalid_input', 'owner must be a merchant or a member');
  end if;
  if not found then
    perform app.fail('not_found', format('no %s %s', p_owner_type, p_owner_id));
  end if;
  perform app.require_region(city);
  h := encode(extensions.hmac(no, app.bank_key(), 'sha256'), 'hex');
  insert into public.bank_accounts (owner_type, owner_id, holder_name, bank_name, branch_name, account_no_enc,
    account_last4, account_hash, city_code, added_by)
  values (p_owner_type, p_owner_id, btrim(p_holder_name), btrim(p_bank_name), p_branch_name, app.encrypt_account_no(no),
    right(no, 4), h, city, (select auth.uid()))
  -- adding it again is a change: it needs a new verification by someone else
  on conflict on constraint bank_accounts_once do update
    set active = true, holder_name = excluded.holder_name, bank_name = excluded.bank_name,
        branch_name = excluded.branch_name, added_by = excluded.added_by,
        verified = false, verified_at = null, verified_by = null,
        rejected_at = null, rejected_by = null, reject_reason = null
  returning id into new_id;
  perform app.audit('bank_account.add', 'bank_account', new_id::text, null,
    jsonb_build_object('owner_type', p_owner_type, 'owner_id', p_owner_id, 'bank', p_bank_name, 'last4', right(no, 4)),
    null, city);
  return new_id;
end;
$$;

-- Finance marks an account verified after checking it against the licence / ID, or rejects it
-- (not verified) with a reason: a rejected account leaves the queue until it is added again.
-- Verifying takes someone other than whoever added it (four_eyes_rules.payee_verify).
create or replace function public.bank_account_verify(p_id uuid, p_verified boolean default true, p_reason text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.bank_accounts;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance verifies bank accounts', '42501');
  end if;
  perform app.require_given(p_verified, 'verified');
  perform app.require_mfa();
  select * into old from public.bank_accounts where id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no bank account ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  if p_verified then
    perform app.require_other_person('payee_verify', old.added_by);
  end if;
  if not p_verified then
    perform app.require_reason(null, p_reason);
  end if;
  update public.bank_accounts
     set verified = p_verified, verified_at = case when p_verified then now() end,
         verified_by = case when p_verified then (select auth.uid()) end,
         rejected_at = case when p_verified then null else now() end,
         rejected_by = case when p_verified then null else (select auth.uid()) end,
         reject_reason = case when p_verified then null else btrim(p_reason) end
   where id = p_id;
  perform app.audit(case when p_verified then 'bank_account.verify' else 'bank_account.reject' end,
    'bank_account', p_id::text, jsonb_build_object('verified', old.verified), jsonb_build_object('verified', p_verified),
    p_reason, old.city_code);
end;
$$;

-- The full number, for finance paying by hand; every reveal is audited.
create or replace function public.bank_account_reveal(p_id uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  acc public.bank_accounts;
begin
  if not app.can_see_pii('bank') then
    perform app.fail('not_permitted', 'only finance and admin see bank account numbers', '42501');
  end if;
  perform app.require_mfa();
  select * into acc from public.bank_accounts where id = p_id;
  if not found then
    perform app.fail('not_found', 'no bank account ' || p_id);
  end if;
  perform app.require_region(acc.city_code);
  perform app.audit('bank_account.reveal', 'bank_account', p_id::text, null, null, null, acc.city_code);
  return app.decrypt_account_no(acc.account_no_enc);
end;
$$;

-- History row + audit row for one transition (callers have already changed the row).
create or replace function app.withdrawal_log(p_old public.withdrawals, p_new public.withdrawals, p_action text,
  p_reason_code text default null, p_note text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.withdrawal_history (withdrawal_id, from_state, to_state, actor_id, reason_code, note, amount_fen)
  values (p_new.id, p_old.state, p_new.state, (select auth.uid()), p_reason_code, p_note, p_new.amount_fen);
  perform app.audit('withdrawal.' || p_action, 'withdrawal', p_new.id::text,
    case when p_old.id is null then null else to_jsonb(p_old) - 'payee_account_enc' end,
    to_jsonb(p_new) - 'payee_account_enc', coalesce(p_note, p_reason_code), p_new.city_code);
end;
$$;

-- Locks and returns a withdrawal, refusing unless its state is one of p_states and the caller's
-- scope covers the applicant's city. Every transition locks through here.
create or replace function app.withdrawal_lock(p_id uuid, variadic p_states public.withdrawal_state[])
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  w public.withdrawals;
begin
  select * into w from public.withdrawals where id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no withdrawal ' || p_id);
  end if;
  perform app.require_region(w.city_code);
  if not (w.state = any (p_states)) then
    perform app.fail('illegal_transition', format('withdrawal %s is %s', w.withdrawal_no, w.state));
  end if;
  return w;
end;
$$;

create or replace function app.owner_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_part text)
returns bigint
language sql
security definer
set search_path = ''
as $$
  select app.ledger_account(p_owner_type, p_owner_id, (p_owner_type::text || '_' || p_part)::public.ledger_account_kind)
$$;

-- Apply (R-WDR-1): minimum amount, one open request, a verified account of the applicant,
-- enough available balance (merchants keep their deposit), not suspended with open
-- complaints. The funds are locked at once. The same withdrawal_no returns the first result.
create or replace function public.withdrawal_apply(
  p_withdrawal_no text,
  p_owner_type public.money_owner_type,
  p_owner_id uuid,
  p_amount_fen bigint,
  p_bank_account_id uuid
)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  s public.money_settings := app.money_settings();
  w public.withdrawals;
  b public.bank_accounts;
  city text;
  m_status text;
  avail bigint;
  deposit_paid bigint;
  deposit_required bigint := 0;
  fee bigint;
  jid bigint;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'withdrawals are applied for by the app backend or finance', '42501');
  end if;
  if coalesce(p_withdrawal_no, '') !~ '^[A-Za-z0-9_-]{6,64}$' then
    perform app.fail('invalid_input', 'withdrawal_no must be 6-64 letters, digits, _ or -');
  end if;
  select * into w from public.withdrawals where withdrawal_no = p_withdrawal_no;
  if found then
    if w.owner_type <> p_owner_type or w.owner_id <> p_owner_id or w.amount_fen <> p_amount_fen then
      perform app.fail('idempotency_conflict', 'withdrawal_no ' || p_withdrawal_no || ' exists with other details');
    end if;
    return w;
  end if;
  perform app.require_amount('withdrawal', p_amount_fen);
  if p_amount_fen < s.withdrawal_min_fen then
    perform app.fail('below_minimum', format('the minimum withdrawal is %s fen', s.withdrawal_min_fen));
  end if;

  if p_owner_type = 'merchant' then
    select m.city_code, m.status::text, c.deposit_required_fen into city, m_status, deposit_required
      from public.merchants m join public.merchant_categories c on c.id = m.category_id where m.id = p_owner_id;
    if not found then
      perform app.fail('not_found', 'no merchant ' || p_owner_id);
    end if;
    if m_status = 'suspended' and exists (select 1 from public.complaints k where k.merchant_id = p_owner_id
        and app.complaint_is_open(k.state)) then
      perform app.fail('suspended_with_complaints', 'a suspended merchant with open complaints cannot withdraw');
    end if;
  elsif p_owner_type = 'member' then
    select m.city_code, m.status::text into city, m_status from public.members m where m.id = p_owner_id;
    if not found then
      perform app.fail('not_found', 'no member ' || p_owner_id);
    end if;
    if m_status = 'banned' then
      perform app.fail('owner_banned', 'a banned member cannot withdraw');
    end if;
  else
    perform app.fail('invalid_input', 'only merchants and members withdraw');
  end if;
  perform app.require_region(city);

  select * into b from public.bank_accounts where id = p_bank_account_id;
  if not found or b.owner_type <> p_owner_type or b.owner_id <> p_owner_id or not b.active then
    perform app.fail('bank_account_invalid', 'the bank account is not the applicant''s');
  end if;
  if not b.verified then
    perform app.fail('bank_account_unverified', 'the bank account is not verified');
  end if;

  -- serialise this applicant: all their accounts, in id order
  perform app.ensure_ledger_accounts(p_owner_type, array[p_owner_id]);
  perform app.lock_accounts(array(select a.id from public.ledger_accounts a
                                   where a.owner_type = p_owner_type and a.owner_id = p_owner_id));
  if exists (select 1 from public.withdrawals x where x.owner_type = p_owner_type and x.owner_id = p_owner_id
              and app.withdrawal_is_open(x.state)) then
    perform app.fail('already_open', 'the applicant already has an open withdrawal');
  end if;
  select a.balance_fen into avail from public.ledger_accounts a
   where a.owner_type = p_owner_type and a.owner_id = p_owner_id and a.kind::text = p_owner_type::text || '_available';
  if avail < p_amount_fen then
    perform app.fail('insufficient_balance', format('available %s fen, requested %s fen', avail, p_amount_fen));
  end if;
  if p_owner_type = 'merchant' then
    select a.balance_fen into deposit_paid from public.ledger_accounts a
     where a.owner_type = 'merchant' and a.owner_id = p_owner_id and a.kind = 'merchant_deposit';
    -- balance − amount ≥ deposit: the part of the required deposit not yet paid stays in available
    if avail - p_amount_fen < greatest(coalesce(deposit_required, 0) - coalesce(deposit_paid, 0), 0) then
      perform app.fail('deposit_required', format('the merchant must keep %s fen for its deposit',
        greatest(coalesce(deposit_required, 0) - coalesce(deposit_paid, 0), 0)));
    end if;
  end if;

  fee := greatest(s.withdrawal_fee_min_fen, round(p_amount_fen * s.withdrawal_fee_rate)::bigint);
  if fee >= p_amount_fen then
    perform app.fail('below_minimum', 'the amount does not cover the withdrawal fee');
  end if;

  begin
    insert into public.withdrawals (withdrawal_no, owner_type, owner_id, city_code, amount_fen, fee_fen, net_fen,
      bank_account_id, payee_name, payee_bank, payee_account_enc, payee_account_last4, applied_by)
    values (p_withdrawal_no, p_owner_type, p_owner_id, city, p_amount_fen, fee, p_amount_fen - fee,
      b.id, b.holder_name, b.bank_name, b.account_no_enc, b.account_last4, (select auth.uid()))
    returning * into w;
  exception when unique_violation then
    perform app.fail('already_open', 'the applicant already has an open withdrawal');
  end;
  jid := app.post_journal('withdrawal_apply', 'withdrawal', w.id::text, 'withdrawal ' || w.withdrawal_no,
    jsonb_build_array(
      jsonb_build_object('account', app.owner_account(p_owner_type, p_owner_id, 'available'), 'amount', p_amount_fen),
      jsonb_build_object('account', app.owner_account(p_owner_type, p_owner_id, 'locked'), 'amount', -p_amount_fen)));
  perform app.withdrawal_log(null, w, 'apply');
  return w;
end;
$$;

-- Funds back from locked to available (cancel, reject).
create or replace function app.withdrawal_unlock(w public.withdrawals, p_memo text)
returns bigint
language sql
security definer
set search_path = ''
as $$
  select app.post_journal('withdrawal_unlock', 'withdrawal', w.id::text, p_memo,
    jsonb_build_array(
      jsonb_build_object('account', app.owner_account(w.owner_type, w.owner_id, 'locked'), 'amount', w.amount_fen),
      jsonb_build_object('account', app.owner_account(w.owner_type, w.owner_id, 'available'), 'amount', -w.amount_fen)))
$$;

-- applied → cancelled, by the applicant (app backend) or finance on their behalf.
create or replace function public.withdrawal_cancel(p_id uuid, p_reason text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'not permitted', '42501');
  end if;
  old := app.withdrawal_lock(p_id, 'applied');
  perform app.withdrawal_unlock(old, 'withdrawal cancelled');
  update public.withdrawals set state = 'cancelled', cancelled_at = now(), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'cancel', null, p_reason);
  return w;
end;
$$;

-- applied → in_review: a finance user takes it.
create or replace function public.withdrawal_claim(p_id uuid)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance reviews withdrawals', '42501');
  end if;
  old := app.withdrawal_lock(p_id, 'applied');
  perform app.require_other_person('withdrawal_review', old.applied_by);
  update public.withdrawals set state = 'in_review', claimed_by = (select auth.uid()), claimed_at = now(), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'claim');
  return w;
end;
$$;

-- in_review → approved. At or above the threshold a second, different finance user must
-- then call withdrawal_approve_second before any payout.
create or replace function public.withdrawal_approve(p_id uuid, p_note text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance approves withdrawals', '42501');
  end if;
  perform app.require_mfa();
  old := app.withdrawal_lock(p_id, 'in_review');
  perform app.require_other_person('withdrawal_review', old.applied_by);
  update public.withdrawals
     set state = 'approved', approved_by = (select auth.uid()), approved_at = now(),
         needs_second_approval = amount_fen >= (app.money_settings()).withdrawal_second_approval_fen, updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'approve', null, p_note);
  return w;
end;
$$;

create or replace function public.withdrawal_approve_second(p_id uuid, p_note text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance approves withdrawals', '42501');
  end if;
  perform app.require_mfa();
  old := app.withdrawal_lock(p_id, 'approved');
  if not old.needs_second_approval or old.second_approved_by is not null then
    perform app.fail('illegal_transition', 'no second approval pending');
  end if;
  perform app.require_other_person('withdrawal_review', old.applied_by);
  -- four_eyes_rules.withdrawal_second_approval, locked on (withdrawals_two_people enforces it too)
  if old.approved_by = (select auth.uid()) then
    perform app.fail('second_approver_required', 'the second approval must come from a different finance user');
  end if;
  update public.withdrawals set second_approved_by = (select auth.uid()), second_approved_at = now(), updated_at = now()
   where id = p_id returning * into w;
  insert into public.withdrawal_history (withdrawal_id, from_state, to_state, actor_id, reason_code, note, amount_fen)
  values (w.id, 'approved', 'approved', (select auth.uid()), 'second_approval', p_note, w.amount_fen);
  perform app.audit('withdrawal.approve_second', 'withdrawal', w.id::text, to_jsonb(old) - 'payee_account_enc',
    to_jsonb(w) - 'payee_account_enc', p_note, w.city_code);
  return w;
end;
$$;

-- in_review → rejected (or an approval still waiting for its second approver): funds unlocked.
create or replace function public.withdrawal_reject(p_id uuid, p_reason_code text, p_note text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance rejects withdrawals', '42501');
  end if;
  perform app.require_reason(p_reason_code, p_note);
  old := app.withdrawal_lock(p_id, 'in_review', 'approved');
  if old.state = 'approved' and not (old.needs_second_approval and old.second_approved_by is null) then
    perform app.fail('illegal_transition', 'an approved withdrawal can only be rejected while awaiting its second approval');
  end if;
  perform app.withdrawal_unlock(old, 'withdrawal rejected');
  update public.withdrawals set state = 'rejected', rejected_by = (select auth.uid()),
         reject_reason = coalesce(nullif(btrim(p_reason_code), ''), 'other') || coalesce(': ' || p_note, ''), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'reject', p_reason_code, p_note);
  return w;
end;
$$;

-- approved → paying (first attempt: the money leaves the applicant's locked balance into
-- payout clearing, the fee becomes revenue), or pay_failed → paying (retry, same
-- withdrawal_no, no new posting).
create or replace function public.withdrawal_start_payout(p_id uuid, p_channel public.payment_channel default 'bank_transfer')
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance pays withdrawals', '42501');
  end if;
  perform app.require_mfa();
  old := app.withdrawal_lock(p_id, 'approved', 'pay_failed');
  if old.state = 'approved' and old.needs_second_approval and old.second_approved_by is null then
    perform app.fail('second_approval_required', 'a second finance user must approve first');
  end if;
  perform app.require_other_person('withdrawal_payout', old.approved_by);
  perform app.require_other_person('withdrawal_payout', old.second_approved_by);
  if old.state = 'approved' then
    perform app.post_journal('withdrawal_payout', 'withdrawal', old.id::text, 'payout ' || old.withdrawal_no,
      jsonb_build_array(
        jsonb_build_object('account', app.owner_account(old.owner_type, old.owner_id, 'locked'), 'amount', old.amount_fen),
        jsonb_build_object('account', app.ledger_account('platform', null, 'platform_payout_clearing'), 'amount', -old.net_fen),
        jsonb_build_object('account', app.ledger_account('platform', null, 'platform_revenue'), 'amount', -old.fee_fen)));
  end if;
  update public.withdrawals set state = 'paying', payout_channel = coalesce(payout_channel, p_channel),
         payout_attempts = payout_attempts + 1, paying_at = now(), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, case when old.state = 'pay_failed' then 'retry_payout' else 'start_payout' end);
  return w;
end;
$$;

-- paying → paid: the channel confirmed the transfer.
create or replace function public.withdrawal_mark_paid(p_id uuid, p_channel_txn_id text)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance pays withdrawals', '42501');
  end if;
  perform app.require_mfa();
  if coalesce(p_channel_txn_id, '') !~ '^[A-Za-z0-9_-]{4,64}$' then
    perform app.fail('invalid_input', 'channel transaction id required');
  end if;
  old := app.withdrawal_lock(p_id, 'paying');
  perform app.require_other_person('withdrawal_payout', old.approved_by);
  perform app.require_other_person('withdrawal_payout', old.second_approved_by);
  perform app.post_journal('withdrawal_paid', 'withdrawal', old.id::text, 'paid ' || p_channel_txn_id,
    jsonb_build_array(
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_payout_clearing'), 'amount', old.net_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', -old.net_fen)));
  begin
    update public.withdrawals set state = 'paid', paid_at = now(), paid_by = (select auth.uid()),
           channel_txn_id = p_channel_txn_id, updated_at = now()
     where id = p_id returning * into w;
  exception when unique_violation then
    perform app.fail('duplicate_channel_txn', 'transaction ' || p_channel_txn_id || ' already paid another withdrawal');
  end;
  perform app.withdrawal_log(old, w, 'pay');
  return w;
end;
$$;

-- paying → pay_failed: the channel refused; funds stay in payout clearing for a retry.
create or replace function public.withdrawal_mark_failed(p_id uuid, p_reason text)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance pays withdrawals', '42501');
  end if;
  perform app.require_reason(null, p_reason);
  old := app.withdrawal_lock(p_id, 'paying');
  perform app.require_other_person('withdrawal_payout', old.approved_by);
  perform app.require_other_person('withdrawal_payout', old.second_approved_by);
  update public.withdrawals set state = 'pay_failed', failed_at = now(), fail_reason = p_reason, updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'pay_fail', null, p_reason);
  return w;
end;
$$;

-- pay_failed → refunded: give up on the payout; amount (fee included) back to available.
create or replace function public.withdrawal_return_funds(p_id uuid, p_reason text)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance returns withdrawal funds', '42501');
  end if;
  perform app.require_mfa();
  perform app.require_reason(null, p_reason);
  old := app.withdrawal_lock(p_id, 'pay_failed');
  perform app.post_journal('withdrawal_return', 'withdrawal', old.id::text, p_reason,
    jsonb_build_array(
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_payout_clearing'), 'amount', old.net_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_revenue'), 'amount', old.fee_fen),
      jsonb_build_object('account', app.owner_account(old.owner_type, old.owner_id, 'available'), 'amount', -old.amount_fen)));
  update public.withdrawals set state = 'refunded', refunded_at = now(), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'return_funds', null, p_reason);
  return w;
end;
$$;

-- approved → paid by hand (bank counter, corporate e-banking): proof and reference required,
-- and the payer must not be an approver.
create or replace function public.withdrawal_manual_paid(p_id uuid, p_proof_url text, p_reference text)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
  me uuid := (select auth.uid());
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance pays withdrawals', '42501');
  end if;
  perform app.require_mfa();
  if coalesce(btrim(p_proof_url), '') = '' then
    perform app.fail('proof_required', 'a payment proof is required');
  end if;
  if coalesce(p_reference, '') !~ '^[A-Za-z0-9_-]{4,64}$' then
    perform app.fail('invalid_input', 'a bank reference is required');
  end if;
  old := app.withdrawal_lock(p_id, 'approved');
  if old.needs_second_approval and old.second_approved_by is null then
    perform app.fail('second_approval_required', 'a second finance user must approve first');
  end if;
  perform app.require_other_person('withdrawal_payout', old.approved_by);
  perform app.require_other_person('withdrawal_payout', old.second_approved_by);
  perform app.post_journal('withdrawal_paid', 'withdrawal', old.id::text, 'manual payout ' || p_reference,
    jsonb_build_array(
      jsonb_build_object('account', app.owner_account(old.owner_type, old.owner_id, 'locked'), 'amount', old.amount_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', -old.net_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_revenue'), 'amount', -old.fee_fen)));
  begin
    update public.withdrawals set state = 'paid', paid_at = now(), paid_by = me, payout_channel = 'bank_transfer',
           channel_txn_id = p_reference, manual_proof_url = p_proof_url, updated_at = now()
     where id = p_id returning * into w;
  exception when unique_violation then
    perform app.fail('duplicate_channel_txn', 'reference ' || p_reference || ' already paid another withdrawal');
  end;
  perform app.withdrawal_log(old, w, 'manual_pay', null, p_reference);
  return w;
end;
$$;

-- Reconciliation status against the bank statement (separate from the state machine).
create or replace function public.withdrawal_set_recon(p_id uuid, p_status public.withdrawal_recon_status, p_note text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance reconciles', '42501');
  end if;
  perform app.require_given(p_status, 'status');
  old := app.withdrawal_lock(p_id, 'paid');
  update public.withdrawals set recon_status = p_status, updated_at = now() where id = p_id returning * into w;
  perform app.audit('withdrawal.reconcile', 'withdrawal', w.id::text, jsonb_build_object('recon_status', old.recon_status),
    jsonb_build_object('recon_status', p_status), p_note, w.city_code);
  return w;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function public.withdrawal_set_recon(p_id uuid, p_status public.withdrawal_recon_status, p_note text),
  public.bank_account_add(p_owner_type public.money_owner_type, p_owner_id uuid, p_holder_name text, p_bank_name text, p_account_no text, p_branch_name text),
  public.bank_account_verify(p_id uuid, p_verified boolean, p_reason text),
  public.bank_account_reveal(p_id uuid),
  public.withdrawal_apply(p_withdrawal_no text, p_owner_type public.money_owner_type, p_owner_id uuid, p_amount_fen bigint, p_bank_account_id uuid),
  public.withdrawal_mark_failed(p_id uuid, p_reason text),
  public.withdrawal_cancel(p_id uuid, p_reason text),
  public.withdrawal_claim(p_id uuid),
  public.withdrawal_approve(p_id uuid, p_note text),
  public.withdrawal_approve_second(p_id uuid, p_note text),
  public.withdrawal_reject(p_id uuid, p_reason_code text, p_note text),
  public.withdrawal_start_payout(p_id uuid, p_channel public.payment_channel),
  public.withdrawal_mark_paid(p_id uuid, p_channel_txn_id text),
  public.withdrawal_return_funds(p_id uuid, p_reason text),
  public.withdrawal_manual_paid(p_id uuid, p_proof_url text, p_reference text) from public, anon, authenticated, service_role;
grant execute on function public.withdrawal_set_recon(p_id uuid, p_status public.withdrawal_recon_status, p_note text),
  public.bank_account_add(p_owner_type public.money_owner_type, p_owner_id uuid, p_holder_name text, p_bank_name text, p_account_no text, p_branch_name text),
  public.bank_account_verify(p_id uuid, p_verified boolean, p_reason text),
  public.bank_account_reveal(p_id uuid),
  public.withdrawal_apply(p_withdrawal_no text, p_owner_type public.money_owner_type, p_owner_id uuid, p_amount_fen bigint, p_bank_account_id uuid),
  public.withdrawal_mark_failed(p_id uuid, p_reason text),
  public.withdrawal_cancel(p_id uuid, p_reason text),
  public.withdrawal_claim(p_id uuid),
  public.withdrawal_approve(p_id uuid, p_note text),
  public.withdrawal_approve_second(p_id uuid, p_note text),
  public.withdrawal_reject(p_id uuid, p_reason_code text, p_note text),
  public.withdrawal_start_payout(p_id uuid, p_channel public.payment_channel),
  public.withdrawal_mark_paid(p_id uuid, p_channel_txn_id text),
  public.withdrawal_return_funds(p_id uuid, p_reason text),
  public.withdrawal_manual_paid(p_id uuid, p_proof_url text, p_reference text) to authenticated, service_role;
revoke all on function app.bank_key(),
  app.encrypt_account_no(p_no text),
  app.decrypt_account_no(p_enc bytea),
  app.withdrawal_log(p_old public.withdrawals, p_new public.withdrawals, p_action text, p_reason_code text, p_note text),
  app.withdrawal_lock(p_id uuid, VARIADIC p_states public.withdrawal_state[]),
  app.owner_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_part text),
  app.withdrawal_unlock(w public.withdrawals, p_memo text) from public, anon, authenticated, service_role;
grant execute on function app.bank_key(),
  app.encrypt_account_no(p_no text),
  app.decrypt_account_no(p_enc bytea),
  app.withdrawal_log(p_old public.withdrawals, p_new public.withdrawals, p_action text, p_reason_code text, p_note text),
  app.withdrawal_lock(p_id uuid, VARIADIC p_states public.withdrawal_state[]),
  app.owner_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_part text),
  app.withdrawal_unlock(w public.withdrawals, p_memo text) to public;

-- Views ---------------------------------------------------------------------------------------

-- Withdrawal reconciliation report (R-WDR-4): per Shanghai business day, totals of what was
-- applied, approved, paid and rejected (from the history), and the paid amount according to
-- the ledger (credits to platform_clearing by withdrawal_paid journals) next to it.
create or replace view public.v_withdrawal_daily
with (security_invoker = on) as
with moves as (
  select app.biz_date(h.at) as day, h.to_state, h.from_state, h.reason_code, h.amount_fen, w.net_fen
    from public.withdrawal_history h join public.withdrawals w on w.id = h.withdrawal_id
),
ledger as (
  select app.biz_date(j.posted_at) as day, -sum(e.amount_fen) as paid_net_fen
    from public.ledger_journals j
    join public.ledger_entries e on e.journal_id = j.id
    join public.ledger_accounts a on a.id = e.account_id and a.kind = 'platform_clearing'
   where j.kind = 'withdrawal_paid'
   group by 1
),
days as (
  select m.day,
         count(*) filter (where m.to_state = 'applied' and m.from_state is null) as applied_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'applied' and m.from_state is null), 0) as applied_fen,
         count(*) filter (where m.to_state = 'approved' and m.from_state = 'in_review') as approved_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'approved' and m.from_state = 'in_review'), 0) as approved_fen,
         count(*) filter (where m.to_state = 'paid') as paid_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'paid'), 0) as paid_fen,
         coalesce(sum(m.net_fen) filter (where m.to_state = 'paid'), 0) as paid_net_fen,
         count(*) filter (where m.to_state = 'rejected') as rejected_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'rejected'), 0) as rejected_fen,
         count(*) filter (where m.to_state in ('pay_failed')) as failed_count,
         count(*) filter (where m.to_state in ('refunded')) as returned_count
    from moves m group by m.day
)
select coalesce(d.day, l.day) as day,
       coalesce(d.applied_count, 0) as applied_count, coalesce(d.applied_fen, 0)::bigint as applied_fen,
       coalesce(d.approved_count, 0) as approved_count, coalesce(d.approved_fen, 0)::bigint as approved_fen,
       coalesce(d.paid_count, 0) as paid_count, coalesce(d.paid_fen, 0)::bigint as paid_fen,
       coalesce(d.paid_net_fen, 0)::bigint as paid_net_fen,
       coalesce(d.rejected_count, 0) as rejected_count, coalesce(d.rejected_fen, 0)::bigint as rejected_fen,
       coalesce(d.failed_count, 0) as failed_count, coalesce(d.returned_count, 0) as returned_count,
       coalesce(l.paid_net_fen, 0)::bigint as ledger_paid_net_fen,
       (coalesce(d.paid_net_fen, 0) - coalesce(l.paid_net_fen, 0))::bigint as diff_fen
  from days d full join ledger l on l.day = d.day;
comment on view public.v_withdrawal_daily is '提现对账日报: applied / approved / paid / rejected per day, ledger paid beside';

create view public.v_bank_accounts with (security_invoker = on) as
select b.id, b.owner_type, b.owner_id, coalesce(mc.name, mb.nickname) as owner_name,
       case when app.can_see_pii('payee') then b.holder_name else app.mask_name(b.holder_name) end as holder_name,
       b.bank_name, b.branch_name, app.mask(b.account_last4, 'bank') as account_no_masked,
       b.verified, b.verified_at, b.active, b.city_code, b.created_at,
       -- the verification queue: who added it (they may not verify it), who decided, why not
       b.added_by, app.staff_name(b.added_by) as added_by_name, b.verified_by, app.staff_name(b.verified_by) as verified_by_name,
       b.rejected_at, app.staff_name(b.rejected_by) as rejected_by_name, b.reject_reason,
       case when b.verified then 'verified' when b.rejected_at is not null then 'rejected' else 'pending' end as review_state,
       coalesce(mc.name, mb.nickname, '') || ' ' || b.bank_name || ' ' || b.holder_name as search
  from public.bank_accounts b
  left join public.merchants mc on b.owner_type = 'merchant' and mc.id = b.owner_id
  left join public.members mb on b.owner_type = 'member' and mb.id = b.owner_id;

create view public.v_withdrawals with (security_invoker = on) as
select w.id, w.withdrawal_no, w.owner_type, w.owner_id, coalesce(mc.name, mb.nickname) as owner_name,
       w.city_code, r.name as city_name, w.amount_fen, w.fee_fen, w.net_fen, w.bank_account_id,
       case when app.can_see_pii('payee') then w.payee_name else app.mask_name(w.payee_name) end as payee_name,
       w.payee_bank, app.mask(w.payee_account_last4, 'bank') as payee_account_masked,
       w.state, w.applied_at, w.claimed_by, w.claimed_at, w.approved_by, w.approved_at, w.needs_second_approval,
       w.second_approved_by, w.second_approved_at,
       (w.state = 'approved' and w.needs_second_approval and w.second_approved_by is null) as awaiting_second_approval,
       w.rejected_by, w.reject_reason, w.cancelled_at, w.payout_attempts, w.payout_channel, w.paying_at, w.paid_at,
       w.paid_by, w.channel_txn_id, w.manual_proof_url, w.failed_at, w.fail_reason, w.refunded_at, w.recon_status,
       w.updated_at,
       coalesce(mc.name, mb.nickname, '') || ' ' || w.withdrawal_no as search
  from public.withdrawals w
  left join public.merchants mc on w.owner_type = 'merchant' and mc.id = w.owner_id
  left join public.members mb on w.owner_type = 'member' and mb.id = w.owner_id
  left join public.regions r on r.code = w.city_code;

-- Functions that return the views' rows -------------------------------------------------------

-- Per day in [from, to] plus a total row (day null) for the period.
create or replace function public.withdrawal_report(p_from date, p_to date)
returns setof public.v_withdrawal_daily
language sql
stable
security invoker
set search_path = ''
as $$
  select * from (
    select d.* from public.v_withdrawal_daily d where d.day between p_from and p_to
    union all
    select null::date, coalesce(sum(applied_count), 0)::bigint, coalesce(sum(applied_fen), 0)::bigint,
           coalesce(sum(approved_count), 0)::bigint, coalesce(sum(approved_fen), 0)::bigint,
           coalesce(sum(paid_count), 0)::bigint, coalesce(sum(paid_fen), 0)::bigint, coalesce(sum(paid_net_fen), 0)::bigint,
           coalesce(sum(rejected_count), 0)::bigint, coalesce(sum(rejected_fen), 0)::bigint,
           coalesce(sum(failed_count), 0)::bigint, coalesce(sum(returned_count), 0)::bigint,
           coalesce(sum(ledger_paid_net_fen), 0)::bigint, coalesce(sum(diff_fen), 0)::bigint
      from public.v_withdrawal_daily d where d.day between p_from and p_to
  ) r order by r.day nulls last
$$;

revoke all on function public.withdrawal_report(p_from date, p_to date) from public, anon, authenticated, service_role;
grant execute on function public.withdrawal_report(p_from date, p_to date) to authenticated, service_role;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_withdrawal_daily from public, anon, authenticated, service_role;
grant select on table public.v_withdrawal_daily to authenticated;
grant all on table public.v_withdrawal_daily to service_role;
revoke all on table public.v_bank_accounts, public.v_withdrawals from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.v_bank_accounts, public.v_withdrawals to authenticated;
grant all on table public.v_bank_accounts, public.v_withdrawals to service_role;

-- Reference data ------------------------------------------------------------------------------

insert into app.money_secrets (name, value)
values ('bank_account_key', encode(extensions.gen_random_bytes(32), 'hex'));
