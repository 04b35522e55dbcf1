-- Commission (傭金, R-SET-1/2, R-PRO-4). When a trade closes, triggers on trades compute in
-- the same transaction: platform fee = amount × (merchant override or category rate),
-- distributor commission = amount × category distributor_rate when the trade came through a
-- distributor (tier 1; tier 2 = the distributor's upline, only if the setting is on), and the
-- merchant's net. trade_money keeps that snapshot; commissions is the commission sub-ledger.
-- Ledger: Dr platform_clearing amount / Cr merchant_pending net / Cr platform_fee_deferred fee /
-- Cr member_frozen commission. A voided or refunded trade posts the reverse: frozen commission
-- is cancelled, released commission is clawed back with a negative row.
create table public.trade_money (
  trade_id uuid primary key references public.trades (id),
  merchant_id uuid not null references public.merchants (id),
  distributor_id uuid references public.members (id),
  tier2_member_id uuid references public.members (id),
  city_code text,
  category_id integer,
  amount_fen bigint not null check (amount_fen > 0),
  fee_rate numeric(6, 4) not null,
  fee_fen bigint not null check (fee_fen >= 0),
  commission_fen bigint not null check (commission_fen >= 0),
  merchant_net_fen bigint not null check (merchant_net_fen >= 0),
  closed_at timestamptz not null,
  unfreeze_at timestamptz not null,
  close_journal_id bigint not null references public.ledger_journals (id),
  reversed_at timestamptz,
  reversal_status public.trade_status,
  reversal_journal_id bigint references public.ledger_journals (id),
  -- set by the settlement run that moved this trade's net to the merchant's available balance
  settlement_run_id bigint,
  constraint trade_money_parts check (fee_fen + commission_fen + merchant_net_fen = amount_fen),
  constraint trade_money_reversal check ((reversed_at is null) = (reversal_journal_id is null))
);
comment on table public.trade_money is '交易资金快照: fee, commission and merchant net per closed trade';
create index trade_money_unsettled_idx on public.trade_money (closed_at) where settlement_run_id is null;
create index trade_money_run_idx on public.trade_money (settlement_run_id) where settlement_run_id is not null;
create index trade_money_merchant_idx on public.trade_money (merchant_id, closed_at desc);

create type public.commission_status as enum ('frozen', 'available', 'cancelled', 'clawed_back');

create table public.commissions (
  id bigint generated always as identity primary key,
  trade_id uuid not null references public.trades (id),
  beneficiary_id uuid not null references public.members (id),
  tier smallint not null check (tier in (1, 2)),
  -- a claw-back is a negative row pointing at the original, which stays
  is_clawback boolean not null default false,
  reverses_id bigint references public.commissions (id),
  merchant_id uuid not null references public.merchants (id),
  city_code text,
  base_amount_fen bigint not null,
  rate numeric(6, 4) not null,
  amount_fen bigint not null,
  -- which rule produced the rate: category:<id> or second_tier
  rule text not null,
  status public.commission_status not null,
  unfreeze_at timestamptz not null,
  created_at timestamptz not null default now(),
  released_at timestamptz,
  cancelled_at timestamptz,
  clawed_back_at timestamptz,
  -- the journal that booked this row (trade_close, or trade_reversal for a claw-back)
  journal_id bigint not null references public.ledger_journals (id),
  constraint commissions_once unique (trade_id, beneficiary_id, tier, is_clawback),
  constraint commissions_sign check ((is_clawback and amount_fen < 0 and reverses_id is not null and status = 'clawed_back')
                                     or (not is_clawback and amount_fen > 0 and reverses_id is null))
);
comment on table public.commissions is '佣金记录: frozen → available → (cancelled | clawed_back); claw-backs are negative rows';
create index commissions_beneficiary_idx on public.commissions (beneficiary_id, created_at desc);
create index commissions_due_idx on public.commissions (unfreeze_at) where status = 'frozen';
create index commissions_trade_idx on public.commissions (trade_id);
create index commissions_merchant_idx on public.commissions (merchant_id, created_at desc);

-- AFTER INSERT (statement, transition table): every closed trade of the statement gets its
-- money snapshot, a trade_close journal and its commission rows in one set-based pass.
create or replace function app.trades_money_on_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  s public.money_settings := app.money_settings();
begin
  if not exists (select 1 from new_rows where status = 'closed') then
    return null;
  end if;
  perform app.ensure_ledger_accounts('merchant', array(select distinct n.merchant_id from new_rows n where n.status = 'closed'));
  perform app.ensure_ledger_accounts('member', array(
    select distinct b from new_rows n
      join public.members d on d.id = n.distributor_id
      cross join lateral (values (n.distributor_id), (case when s.second_tier_enabled then d.upline_id end)) v (b)
     where n.status = 'closed' and b is not null));

  with calc as (
    select t.id as trade_id, t.merchant_id, t.distributor_id, t.city_code, t.amount_fen, t.closed_at, c.id as category_id,
           coalesce(m.commission_rate_override, c.commission_rate) as fee_rate,
           case when t.distributor_id is not null then c.distributor_rate else 0 end as dist_rate,
           case when t.distributor_id is not null and s.second_tier_enabled and s.second_tier_rate > 0
                     and d.upline_id is not null and d.upline_id <> t.distributor_id then d.upline_id end as tier2_id
      from new_rows t
      join public.merchants m on m.id = t.merchant_id
      join public.merchant_categories c on c.id = m.category_id
      left join public.members d on d.id = t.distributor_id
     where t.status = 'closed'
  ),
  amounts as (
    select calc.*,
           round(calc.amount_fen * calc.fee_rate)::bigint as fee_fen,
           round(calc.amount_fen * calc.dist_rate)::bigint as c1_fen,
           case when calc.tier2_id is not null then round(calc.amount_fen * s.second_tier_rate)::bigint else 0 end as c2_fen
      from calc
  ),
  j as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id, posted_at)
    select 'trade_close', 'trade', a.trade_id::text, 'trade closed', (select auth.uid()), now()
      from amounts a
    returning id, ref_id
  ),
  tm as (
    insert into public.trade_money (trade_id, merchant_id, distributor_id, tier2_member_id, city_code, category_id,
      amount_fen, fee_rate, fee_fen, commission_fen, merchant_net_fen, closed_at, unfreeze_at, close_journal_id)
    select a.trade_id, a.merchant_id, a.distributor_id, a.tier2_id, a.city_code, a.category_id,
           a.amount_fen, a.fee_rate, a.fee_fen, a.c1_fen + a.c2_fen, a.amount_fen - a.fee_fen - a.c1_fen - a.c2_fen,
           a.closed_at, a.closed_at + make_interval(days => s.refund_window_days), j.id
      from amounts a join j on j.ref_id = a.trade_id::text
    returning *
  ),
  e as (
    insert into public.ledger_entries (journal_id, account_id, amount_fen)
    select tm.close_journal_id, x.acc, x.amt
      from tm
      join amounts a on a.trade_id = tm.trade_id
      cross join lateral (values
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_clearing'), tm.amount_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'merchant' and la.owner_id = tm.merchant_id and la.kind = 'merchant_pending'), -tm.merchant_net_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_fee_deferred'), -tm.fee_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = tm.distributor_id and la.kind = 'member_frozen'), -a.c1_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = tm.tier2_member_id and la.kind = 'member_frozen'), -a.c2_fen)
      ) x (acc, amt)
     where x.amt <> 0
    returning 1
  )
  insert into public.commissions (trade_id, beneficiary_id, tier, merchant_id, city_code, base_amount_fen, rate, amount_fen,
    rule, status, unfreeze_at, journal_id)
  select tm.trade_id, b.member_id, b.tier, tm.merchant_id, tm.city_code, tm.amount_fen, b.rate, b.amt,
         b.rule, 'frozen', tm.unfreeze_at, tm.close_journal_id
    from tm
    join amounts a on a.trade_id = tm.trade_id
    cross join lateral (values
      (a.distributor_id, 1::smallint, a.dist_rate, a.c1_fen, 'category:' || a.category_id),
      (a.tier2_id, 2::smallint, s.second_tier_rate, a.c2_fen, 'second_tier')) b (member_id, tier, rate, amt, rule)
   where b.member_id is not null and b.amt > 0;
  return null;
exception when check_violation then
  perform app.fail('invalid_rates', 'fee and commission rates exceed the trade amount: ' || sqlerrm);
  return null;
end;
$$;

-- Reverses one trade's money (voided or refunded). Before settlement the merchant's net comes
-- back from pending and the fee from fee_deferred; after settlement from available (the rest,
-- if available is short, becomes a receivable) and from revenue. Frozen commission is
-- cancelled; released commission is clawed back (available, then receivable). Idempotent.
create or replace function app.reverse_trade_money(p_trade_id uuid, p_status public.trade_status)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  tm public.trade_money;
  c record;
  lines jsonb := '[]';
  acc_ids bigint[];
  take bigint;
  avail bigint;
  jid bigint;
  plat_clearing bigint := app.ledger_account('platform', null, 'platform_clearing');
  plat_deferred bigint := app.ledger_account('platform', null, 'platform_fee_deferred');
  plat_revenue bigint := app.ledger_account('platform', null, 'platform_revenue');
begin
  select * into tm from public.trade_money where trade_id = p_trade_id for update;
  if not found or tm.reversed_at is not null then
    return null;
  end if;
  -- lock order everywhere: trade_money → commissions → accounts (by id)
  perform 1 from public.commissions where trade_id = p_trade_id and not is_clawback order by id for update;
  select array_agg(a.id) into acc_ids from public.ledger_accounts a
   where a.owner_type = 'platform'
      or (a.owner_type = 'merchant' and a.owner_id = tm.merchant_id)
      or (a.owner_type = 'member' and a.owner_id in (select beneficiary_id from public.commissions where trade_id = p_trade_id));
  perform app.lock_accounts(acc_ids);

  lines := lines || jsonb_build_object('account', plat_clearing, 'amount', -tm.amount_fen);
  if tm.settlement_run_id is null then
    lines := lines || jsonb_build_object('account', app.ledger_account('merchant', tm.merchant_id, 'merchant_pending'), 'amount', tm.merchant_net_fen)
                   || jsonb_build_object('account', plat_deferred, 'amount', tm.fee_fen);
  else
    select balance_fen into avail from public.ledger_accounts
     where owner_type = 'merchant' and owner_id = tm.merchant_id and kind = 'merchant_available';
    take := least(tm.merchant_net_fen, greatest(avail, 0));
    lines := lines || jsonb_build_object('account', app.ledger_account('merchant', tm.merchant_id, 'merchant_available'), 'amount', take)
                   || jsonb_build_object('account', app.ledger_account('merchant', tm.merchant_id, 'merchant_receivable'), 'amount', tm.merchant_net_fen - take)
                   || jsonb_build_object('account', plat_revenue, 'amount', tm.fee_fen);
  end if;

  for c in select * from public.commissions where trade_id = p_trade_id and not is_clawback and status in ('frozen', 'available') order by id loop
    if c.status = 'frozen' then
      lines := lines || jsonb_build_object('account', app.ledger_account('member', c.beneficiary_id, 'member_frozen'), 'amount', c.amount_fen);
    else
      select balance_fen into avail from public.ledger_accounts
       where owner_type = 'member' and owner_id = c.beneficiary_id and kind = 'member_available';
      take := least(c.amount_fen, greatest(avail, 0));
      lines := lines || jsonb_build_object('account', app.ledger_account('member', c.beneficiary_id, 'member_available'), 'amount', take)
                     || jsonb_build_object('account', app.ledger_account('member', c.beneficiary_id, 'member_receivable'), 'amount', c.amount_fen - take);
    end if;
  end loop;

  jid := app.post_journal('trade_reversal', 'trade', p_trade_id::text, 'trade ' || p_status, lines);

  insert into public.commissions (trade_id, beneficiary_id, tier, is_clawback, reverses_id, merchant_id, city_code,
    base_amount_fen, rate, amount_fen, rule, status, unfreeze_at, journal_id)
  select o.trade_id, o.beneficiary_id, o.tier, true, o.id, o.merchant_id, o.city_code,
         o.base_amount_fen, o.rate, -o.amount_fen, o.rule, 'clawed_back', o.unfreeze_at, jid
    from public.commissions o
   where o.trade_id = p_trade_id and not o.is_clawback and o.status = 'available';
  update public.commissions set status = 'clawed_back', clawed_back_at = now()
   where trade_id = p_trade_id and not is_clawback and status = 'available';
  update public.commissions set status = 'cancelled', cancelled_at = now()
   where trade_id = p_trade_id and not is_clawback and status = 'frozen';
  update public.trade_money set reversed_at = now(), reversal_status = p_status, reversal_journal_id = jid
   where trade_id = p_trade_id;
  return jid;
end;
$$;

-- AFTER UPDATE (statement): closed → voided | refunded reverses the money of each trade.
create or replace function app.trades_money_on_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  r record;
begin
  for r in
    select n.id, n.status from new_rows n join old_rows o on o.id = n.id
     where o.status = 'closed' and n.status in ('voided', 'refunded')
     order by n.id
  loop
    perform app.reverse_trade_money(r.id, r.status);
  end loop;
  return null;
end;
$$;

create trigger trades_money_insert after insert on public.trades
  referencing new table as new_rows
  for each statement execute function app.trades_money_on_insert();
create trigger trades_money_update after update on public.trades
  referencing old table as old_rows new table as new_rows
  for each statement execute function app.trades_money_on_update();

-- frozen → available for every commission past its unfreeze time whose trade is still closed
-- and has no open complaint (on the trade or its reservation). One journal per commission.
-- Called by the scheduled job (service key) or by finance; returns how many were released.
create or replace function public.release_due_commissions(p_now timestamptz default null)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  n integer;
  total bigint;
  cutoff timestamptz := coalesce(p_now, now());
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance or the scheduler releases commissions', '42501');
  end if;
  if cutoff > now() then
    perform app.fail('invalid_input', 'cannot release ahead of time');
  end if;
  with due as (
    select c.id from public.commissions c
      join public.trades t on t.id = c.trade_id
     where c.status = 'frozen' and c.unfreeze_at <= cutoff and t.status = 'closed'
       and not exists (select 1 from public.complaints k
                        where (k.trade_id = c.trade_id or k.reservation_id = t.reservation_id)
                          and k.state not in ('dismissed', 'resolved', 'closed', 'withdrawn'))
  ),
  upd as (
    update public.commissions c set status = 'available', released_at = now()
      from due where c.id = due.id and c.status = 'frozen'
    returning c.id, c.beneficiary_id, c.amount_fen
  ),
  j as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id)
    select 'commission_release', 'commission', upd.id::text, 'commission released', (select auth.uid()) from upd
    returning id, ref_id
  ),
  e as (
    insert into public.ledger_entries (journal_id, account_id, amount_fen)
    select j.id, x.acc, x.amt
      from j join upd on upd.id::text = j.ref_id
      cross join lateral (values
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = upd.beneficiary_id and la.kind = 'member_frozen'), upd.amount_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = upd.beneficiary_id and la.kind = 'member_available'), -upd.amount_fen)
      ) x (acc, amt)
    returning 1
  )
  select count(*), coalesce(sum(amount_fen), 0) into n, total from upd;
  if n > 0 then
    perform app.audit('commission.release', 'commission', null, null,
      jsonb_build_object('released', n, 'amount_fen', total, 'cutoff', cutoff));
  end if;
  return n;
end;
$$;

alter table public.trade_money enable row level security;
alter table public.commissions enable row level security;
revoke all on public.trade_money, public.commissions from anon;
revoke insert, update, delete, truncate on public.trade_money, public.commissions from authenticated;
grant select on public.trade_money, public.commissions to authenticated;
create policy trade_money_read on public.trade_money for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));
create policy commissions_read on public.commissions for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

revoke execute on function public.release_due_commissions(timestamptz) from public, anon;
grant execute on function public.release_due_commissions(timestamptz) to authenticated, service_role;
