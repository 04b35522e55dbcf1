-- Double-entry ledger (R-SET-3). Chart of accounts per owner:
--   platform: clearing (cash held at channels, asset), payout_clearing (payouts sent, not yet
--             confirmed, asset), fee_deferred (platform fees on trades not yet settled, liability),
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
comment on table public.ledger_accounts is '账户: chart of accounts; balance_fen is maintained from ledger_entries';
create index ledger_accounts_owner_idx on public.ledger_accounts (owner_id, kind) where owner_id is not null;

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
create index ledger_journals_posted_idx on public.ledger_journals (posted_at);
create index ledger_journals_ref_idx on public.ledger_journals (ref_type, ref_id);

create table public.ledger_entries (
  id bigint generated always as identity primary key,
  journal_id bigint not null references public.ledger_journals (id),
  account_id bigint not null references public.ledger_accounts (id),
  -- debit positive, credit negative
  amount_fen bigint not null check (amount_fen <> 0),
  posted_at timestamptz not null default now()
);
comment on table public.ledger_entries is '分录: signed (debit +, credit −); immutable; each journal sums to 0';
create index ledger_entries_journal_idx on public.ledger_entries (journal_id);
create index ledger_entries_account_idx on public.ledger_entries (account_id, id);

-- The platform's own accounts exist from the start (lowest ids: locked first everywhere).
insert into public.ledger_accounts (owner_type, owner_id, kind, normal_side, allow_negative)
values ('platform', null, 'platform_clearing', 1, false),
       ('platform', null, 'platform_payout_clearing', 1, false),
       ('platform', null, 'platform_fee_deferred', -1, false),
       ('platform', null, 'platform_revenue', -1, true);

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
create trigger ledger_entries_immutable before update or delete on public.ledger_entries
  for each row execute function app.ledger_immutable();
create trigger ledger_entries_no_truncate before truncate on public.ledger_entries
  for each statement execute function app.ledger_immutable();
create trigger ledger_journals_immutable before update or delete on public.ledger_journals
  for each row execute function app.ledger_immutable();
create trigger ledger_journals_no_truncate before truncate on public.ledger_journals
  for each statement execute function app.ledger_immutable();

-- After every INSERT statement on entries: each journal it touched must balance within the
-- statement (all of a journal's entries go in one statement); then the affected accounts are
-- locked in id order (no deadlocks between postings), checked against going negative, and
-- their maintained balances moved. Set-based, so bulk postings (seeds, settlement) stay fast.
create or replace function app.ledger_entries_apply()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  bad record;
begin
  select n.journal_id, sum(n.amount_fen) as total into bad
    from new_rows n group by n.journal_id having sum(n.amount_fen) <> 0 limit 1;
  if found then
    perform app.fail('unbalanced_journal', format('journal %s is off by %s fen', bad.journal_id, bad.total));
  end if;

  perform 1 from public.ledger_accounts a
   where a.id in (select n.account_id from new_rows n)
   order by a.id
   for update;

  select a.id, a.kind, a.owner_id, a.balance_fen, d.delta into bad
    from public.ledger_accounts a
    join (select n.account_id, sum(n.amount_fen) as delta from new_rows n group by n.account_id) d on d.account_id = a.id
   where not a.allow_negative and a.balance_fen + a.normal_side * d.delta < 0
   limit 1;
  if found then
    perform app.fail('insufficient_balance',
      format('account %s (%s %s) has %s fen, posting needs %s', bad.id, bad.kind, bad.owner_id, bad.balance_fen, -bad.delta));
  end if;

  update public.ledger_accounts a
     set balance_fen = a.balance_fen + a.normal_side * d.delta, updated_at = now()
    from (select n.account_id, sum(n.amount_fen) as delta from new_rows n group by n.account_id) d
   where a.id = d.account_id;
  return null;
end;
$$;
create trigger ledger_entries_apply after insert on public.ledger_entries
  referencing new table as new_rows
  for each statement execute function app.ledger_entries_apply();

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

-- Read access: admin, finance, customer service, analyst (DOMAIN.md); scoped staff see the
-- accounts of their regions; journals and entries only staff without a region scope.
alter table public.ledger_accounts enable row level security;
alter table public.ledger_journals enable row level security;
alter table public.ledger_entries enable row level security;
revoke all on public.ledger_accounts, public.ledger_journals, public.ledger_entries from anon;
revoke insert, update, delete, truncate on public.ledger_accounts, public.ledger_journals, public.ledger_entries
  from authenticated, service_role;
grant select on public.ledger_accounts, public.ledger_journals, public.ledger_entries to authenticated, service_role;

create policy ledger_accounts_read on public.ledger_accounts for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));
create policy ledger_journals_read on public.ledger_journals for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')) and (select app.all_regions()));
create policy ledger_entries_read on public.ledger_entries for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')) and (select app.all_regions()));
