-- Commissions (佣金) and settlement (结算): the money side of each trade (platform fee,
-- distributor commission), the frozen → available → paid_out life of a commission, claw-backs,
-- and idempotent settlement runs with a statement per account and period.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

create type public.commission_status as enum ('frozen', 'available', 'cancelled', 'clawed_back');

-- Tables --------------------------------------------------------------------------------------

-- Settlement runs (结算, R-SET-3/4). A run for a period [from, to] (Shanghai business days)
-- takes every trade closed in it that no run has taken yet, writes one statement per merchant,
-- per distributor and for the platform (sales, refunds, platform fee, commissions, net), and
-- posts one journal: merchant net pending → available, platform fees deferred → revenue.
-- Periods never overlap; running the same period again returns the first run unchanged.
create table public.settlement_runs (
  id bigint generated always as identity primary key,
  period_from date not null,
  period_to date not null,
  period daterange generated always as (daterange(period_from, period_to, '[]')) stored,
  run_by uuid,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  trade_count integer not null default 0,
  sales_fen bigint not null default 0,
  refunds_fen bigint not null default 0,
  platform_fee_fen bigint not null default 0,
  commission_fen bigint not null default 0,
  merchant_net_fen bigint not null default 0,
  journal_id bigint references public.ledger_journals (id),
  constraint settlement_runs_period check (period_to >= period_from),
  constraint settlement_runs_once unique (period_from, period_to),
  constraint settlement_runs_no_overlap exclude using gist (period with &&)
);
comment on table public.settlement_runs is '结算批次: one per period; periods never overlap';
alter table public.settlement_runs enable row level security;

-- Commission (佣金, R-SET-1/2, R-PRO-4). When a trade closes, triggers on trades compute in
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
  settlement_run_id bigint constraint trade_money_settlement_run_fk references public.settlement_runs (id),
  constraint trade_money_parts check (fee_fen + commission_fen + merchant_net_fen = amount_fen),
  constraint trade_money_reversal check ((reversed_at is null) = (reversal_journal_id is null))
);
comment on table public.trade_money is '交易资金快照: fee, commission and merchant net per closed trade';
alter table public.trade_money enable row level security;

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
alter table public.commissions enable row level security;

create table public.settlement_statements (
  id bigint generated always as identity primary key,
  run_id bigint not null references public.settlement_runs (id),
  period_from date not null,
  period_to date not null,
  owner_type public.money_owner_type not null,
  owner_id uuid,
  city_code text,
  trade_count integer not null,
  -- gross of every trade of the period; refunds = gross of those voided/refunded before the run
  sales_fen bigint not null,
  refunds_fen bigint not null,
  platform_fee_fen bigint not null,
  commission_fen bigint not null,
  -- merchant: what moved to available; distributor: commission earned; platform: fee revenue
  net_fen bigint not null,
  created_at timestamptz not null default now(),
  constraint settlement_statements_once unique nulls not distinct (period_from, period_to, owner_type, owner_id),
  constraint settlement_statements_owner check ((owner_type = 'platform') = (owner_id is null))
);
comment on table public.settlement_statements is '结算单: per period and account';
alter table public.settlement_statements enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index trade_money_unsettled_idx on public.trade_money (closed_at) where settlement_run_id is null;

create index trade_money_run_idx on public.trade_money (settlement_run_id) where settlement_run_id is not null;

create index trade_money_merchant_idx on public.trade_money (merchant_id, closed_at desc);
-- foreign keys: a delete or key change of the referenced row finds its referrers by index
create index trade_money_close_journal_id_idx on public.trade_money (close_journal_id);
create index trade_money_reversal_journal_id_idx on public.trade_money (reversal_journal_id) where reversal_journal_id is not null;
create index trade_money_tier2_member_id_idx on public.trade_money (tier2_member_id) where tier2_member_id is not null;
create index trade_money_distributor_id_idx on public.trade_money (distributor_id) where distributor_id is not null;
create index settlement_runs_journal_id_idx on public.settlement_runs (journal_id) where journal_id is not null;

create index commissions_beneficiary_idx on public.commissions (beneficiary_id, created_at desc);

create index commissions_due_idx on public.commissions (unfreeze_at) where status = 'frozen';

create index commissions_trade_idx on public.commissions (trade_id);

create index commissions_merchant_idx on public.commissions (merchant_id, created_at desc);

create index settlement_statements_owner_idx on public.settlement_statements (owner_id, period_from desc);

create index settlement_statements_run_idx on public.settlement_statements (run_id);

-- Claw-backs are few: the commission charts find them (dated by their trade's refund or void)
-- without reading every commission row.
create index commissions_clawback_trade_idx on public.commissions (trade_id) where is_clawback;
-- foreign keys: a delete or key change of the referenced row finds its referrers by index
create index commissions_journal_id_idx on public.commissions (journal_id);
create index commissions_reverses_id_idx on public.commissions (reverses_id) where reverses_id is not null;

-- Row-level security --------------------------------------------------------------------------

create policy trade_money_read on public.trade_money for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

create policy commissions_read on public.commissions for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

create policy settlement_runs_read on public.settlement_runs for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')));

create policy settlement_statements_read on public.settlement_statements for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.trade_money,
  public.commissions,
  public.settlement_runs,
  public.settlement_statements from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.trade_money,
  public.commissions,
  public.settlement_runs,
  public.settlement_statements to authenticated;
grant all on table public.trade_money,
  public.commissions,
  public.settlement_runs,
  public.settlement_statements to service_role;
revoke all on sequence public.commissions_id_seq,
  public.settlement_runs_id_seq,
  public.settlement_statements_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.commissions_id_seq,
  public.settlement_runs_id_seq,
  public.settlement_statements_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

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

create or replace function public.settle_period(p_from date, p_to date)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  run public.settlement_runs;
  s public.money_settings := app.money_settings();
  t0 timestamptz := clock_timestamp();
  jid bigint;
  n integer;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance runs settlements', '42501');
  end if;
  perform app.require_mfa();
  -- a run takes every region's trades of the period
  perform app.require_all_regions();
  if p_from is null or p_to is null or not isfinite(p_from) or not isfinite(p_to) or p_to < p_from then
    perform app.fail('invalid_input', 'period must be from <= to');
  end if;
  if p_to - p_from > 366 then
    perform app.fail('invalid_input', 'a period is at most a year');
  end if;
  -- one run at a time: the second caller waits, then finds the first one's run
  perform pg_advisory_xact_lock(hashtext('public.settle_period'));

  select * into run from public.settlement_runs r where r.period_from = p_from and r.period_to = p_to;
  if found then
    return jsonb_build_object('run_id', run.id, 'created', false, 'period_from', run.period_from, 'period_to', run.period_to,
      'trade_count', run.trade_count, 'sales_fen', run.sales_fen, 'refunds_fen', run.refunds_fen,
      'platform_fee_fen', run.platform_fee_fen, 'commission_fen', run.commission_fen, 'merchant_net_fen', run.merchant_net_fen);
  end if;
  if exists (select 1 from public.settlement_runs r where r.period && daterange(p_from, p_to, '[]')) then
    perform app.fail('period_overlap', 'another settlement run covers part of this period');
  end if;
  -- every trade of the period must be past its refund window
  if app.biz_day_start(p_to + 1) + make_interval(days => s.refund_window_days) > now() then
    perform app.fail('period_not_ready', format('trades of %s are still within the %s-day refund window', p_to, s.refund_window_days));
  end if;

  insert into public.settlement_runs (period_from, period_to, run_by) values (p_from, p_to, (select auth.uid()))
  returning * into run;

  -- claim the period's trades (row locks: a concurrent refund waits, or is already reflected)
  create temp table if not exists pg_temp.settle_trades (like public.trade_money) on commit drop;
  truncate pg_temp.settle_trades;
  with upd as (
    update public.trade_money t set settlement_run_id = run.id
     where t.closed_at >= app.biz_day_start(p_from) and t.closed_at < app.biz_day_start(p_to + 1)
       and t.settlement_run_id is null
    returning t.*
  )
  insert into pg_temp.settle_trades select * from upd;
  get diagnostics n = row_count;

  insert into public.settlement_statements (run_id, period_from, period_to, owner_type, owner_id, city_code, trade_count,
    sales_fen, refunds_fen, platform_fee_fen, commission_fen, net_fen)
  select run.id, p_from, p_to, 'merchant', t.merchant_id, min(t.city_code), count(*),
         sum(t.amount_fen),
         coalesce(sum(t.amount_fen) filter (where t.reversed_at is not null), 0),
         coalesce(sum(t.fee_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(t.commission_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(t.merchant_net_fen) filter (where t.reversed_at is null), 0)
    from pg_temp.settle_trades t
   group by t.merchant_id;

  insert into public.settlement_statements (run_id, period_from, period_to, owner_type, owner_id, city_code, trade_count,
    sales_fen, refunds_fen, platform_fee_fen, commission_fen, net_fen)
  select run.id, p_from, p_to, 'member', c.beneficiary_id, min(c.city_code), count(*),
         sum(t.amount_fen),
         coalesce(sum(t.amount_fen) filter (where t.reversed_at is not null), 0),
         0,
         coalesce(sum(c.amount_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(c.amount_fen) filter (where t.reversed_at is null), 0)
    from pg_temp.settle_trades t
    join public.commissions c on c.trade_id = t.trade_id and not c.is_clawback
   group by c.beneficiary_id;

  insert into public.settlement_statements (run_id, period_from, period_to, owner_type, owner_id, city_code, trade_count,
    sales_fen, refunds_fen, platform_fee_fen, commission_fen, net_fen)
  select run.id, p_from, p_to, 'platform', null, null, count(*),
         coalesce(sum(t.amount_fen), 0),
         coalesce(sum(t.amount_fen) filter (where t.reversed_at is not null), 0),
         coalesce(sum(t.fee_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(t.commission_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(t.fee_fen) filter (where t.reversed_at is null), 0)
    from pg_temp.settle_trades t;

  if exists (select 1 from pg_temp.settle_trades t where t.reversed_at is null and (t.merchant_net_fen > 0 or t.fee_fen > 0)) then
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id)
    values ('settlement', 'settlement_run', run.id::text, format('settlement %s..%s', p_from, p_to), (select auth.uid()))
    returning id into jid;
    insert into public.ledger_entries (journal_id, account_id, amount_fen)
    select jid, x.acc, x.amt
      from (
        select t.merchant_id, sum(t.merchant_net_fen) as net
          from pg_temp.settle_trades t where t.reversed_at is null group by t.merchant_id
      ) m
      join public.ledger_accounts p on p.owner_type = 'merchant' and p.owner_id = m.merchant_id and p.kind = 'merchant_pending'
      join public.ledger_accounts a on a.owner_type = 'merchant' and a.owner_id = m.merchant_id and a.kind = 'merchant_available'
      cross join lateral (values (p.id, m.net), (a.id, -m.net)) x (acc, amt)
     where m.net > 0
    union all
    select jid, x.acc, x.amt
      from (select coalesce(sum(t.fee_fen), 0) as fee from pg_temp.settle_trades t where t.reversed_at is null) f
      cross join lateral (values
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_fee_deferred'), f.fee),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_revenue'), -f.fee)) x (acc, amt)
     where f.fee > 0;
  end if;

  update public.settlement_runs r set
    finished_at = clock_timestamp(), journal_id = jid, trade_count = n,
    sales_fen = st.sales_fen, refunds_fen = st.refunds_fen, platform_fee_fen = st.platform_fee_fen,
    commission_fen = st.commission_fen,
    merchant_net_fen = (select coalesce(sum(t.merchant_net_fen), 0) from pg_temp.settle_trades t where t.reversed_at is null)
    from public.settlement_statements st
   where r.id = run.id and st.run_id = run.id and st.owner_type = 'platform'
  returning r.* into run;

  perform app.audit('settlement.run', 'settlement_run', run.id::text, null, to_jsonb(run));
  return jsonb_build_object('run_id', run.id, 'created', true, 'period_from', run.period_from, 'period_to', run.period_to,
    'trade_count', run.trade_count, 'sales_fen', run.sales_fen, 'refunds_fen', run.refunds_fen,
    'platform_fee_fen', run.platform_fee_fen, 'commission_fen', run.commission_fen, 'merchant_net_fen', run.merchant_net_fen,
    'ms', round(extract(epoch from clock_timestamp() - t0) * 1000));
end;
$$;

-- Trades may also be inserted already voided or refunded (imports, the demo seed): they are
-- booked as closed and reversed at once (close journal + mirrored reversal journal, commission
-- rows cancelled), so every trade has its money record and ledger_check stays exact.
create or replace function app.trades_money_on_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  s public.money_settings := app.money_settings();
begin
  if not exists (select 1 from new_rows) then
    return null;
  end if;
  perform app.ensure_ledger_accounts('merchant', array(select distinct n.merchant_id from new_rows n));
  perform app.ensure_ledger_accounts('member', array(
    select distinct b from new_rows n
      join public.members d on d.id = n.distributor_id
      cross join lateral (values (n.distributor_id), (case when s.second_tier_enabled then d.upline_id end)) v (b)
     where b is not null));

  with calc as (
    select t.id as trade_id, t.merchant_id, t.distributor_id, t.city_code, t.amount_fen, t.closed_at, c.id as category_id,
           t.status, case when t.status <> 'closed' then coalesce(t.voided_at, t.refunded_at, now()) end as reversed_at,
           coalesce(m.commission_rate_override, c.commission_rate) as fee_rate,
           case when t.distributor_id is not null then c.distributor_rate else 0 end as dist_rate,
           case when t.distributor_id is not null and s.second_tier_enabled and s.second_tier_rate > 0
                     and d.upline_id is not null and d.upline_id <> t.distributor_id then d.upline_id end as tier2_id
      from new_rows t
      join public.merchants m on m.id = t.merchant_id
      join public.merchant_categories c on c.id = m.category_id
      left join public.members d on d.id = t.distributor_id
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
  j2 as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id, posted_at)
    select 'trade_reversal', 'trade', a.trade_id::text, 'trade ' || a.status || ' (recorded closed and reversed)', (select auth.uid()), now()
      from amounts a where a.reversed_at is not null
    returning id, ref_id
  ),
  tm as (
    insert into public.trade_money (trade_id, merchant_id, distributor_id, tier2_member_id, city_code, category_id,
      amount_fen, fee_rate, fee_fen, commission_fen, merchant_net_fen, closed_at, unfreeze_at, close_journal_id,
      reversed_at, reversal_status, reversal_journal_id)
    select a.trade_id, a.merchant_id, a.distributor_id, a.tier2_id, a.city_code, a.category_id,
           a.amount_fen, a.fee_rate, a.fee_fen, a.c1_fen + a.c2_fen, a.amount_fen - a.fee_fen - a.c1_fen - a.c2_fen,
           a.closed_at, a.closed_at + make_interval(days => s.refund_window_days), j.id,
           a.reversed_at, case when a.reversed_at is not null then a.status end, j2.id
      from amounts a join j on j.ref_id = a.trade_id::text
      left join j2 on j2.ref_id = a.trade_id::text
    returning *
  ),
  e as (
    insert into public.ledger_entries (journal_id, account_id, amount_fen)
    select jr.journal_id, x.acc, jr.sign * x.amt
      from tm
      cross join lateral (values (tm.close_journal_id, 1), (tm.reversal_journal_id, -1)) jr (journal_id, sign)
      join amounts a on a.trade_id = tm.trade_id
      cross join lateral (values
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_clearing'), tm.amount_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'merchant' and la.owner_id = tm.merchant_id and la.kind = 'merchant_pending'), -tm.merchant_net_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_fee_deferred'), -tm.fee_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = tm.distributor_id and la.kind = 'member_frozen'), -a.c1_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = tm.tier2_member_id and la.kind = 'member_frozen'), -a.c2_fen)
      ) x (acc, amt)
     where x.amt <> 0 and jr.journal_id is not null
    returning 1
  )
  insert into public.commissions (trade_id, beneficiary_id, tier, merchant_id, city_code, base_amount_fen, rate, amount_fen,
    rule, status, unfreeze_at, journal_id, cancelled_at)
  select tm.trade_id, b.member_id, b.tier, tm.merchant_id, tm.city_code, tm.amount_fen, b.rate, b.amt,
         b.rule, case when tm.reversed_at is null then 'frozen' else 'cancelled' end::public.commission_status,
         tm.unfreeze_at, tm.close_journal_id, tm.reversed_at
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

create or replace function public.release_due_commissions(p_now timestamptz default null, p_limit integer default 5000)
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
  perform app.require_all_regions();
  if p_limit is not null and (p_limit < 1 or p_limit > 50000) then
    perform app.fail('invalid_input', 'limit must be between 1 and 50000');
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
                          and app.complaint_is_open(k.state))
     order by c.unfreeze_at, c.id
     limit greatest(coalesce(p_limit, 5000), 1)
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

create or replace function public.commission_totals(
  p_status public.commission_status default null,
  p_tier smallint default null,
  p_beneficiary_id uuid default null,
  p_beneficiary_name text default null,
  p_trade_id uuid default null,
  p_merchant_name text default null,
  p_from timestamptz default null,
  p_to timestamptz default null
)
returns table (count bigint, amount_fen bigint, frozen_fen bigint, available_fen bigint, cancelled_fen bigint,
               clawed_back_fen bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select count(*), coalesce(sum(c.amount_fen), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.status = 'frozen'), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.status = 'available'), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.status = 'cancelled'), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.is_clawback), 0)::bigint
    from public.v_commissions c
   where (p_status is null or c.status = p_status)
     and (p_tier is null or c.tier = p_tier)
     and (p_beneficiary_id is null or c.beneficiary_id = p_beneficiary_id)
     and (coalesce(p_beneficiary_name, '') = '' or c.beneficiary_name ilike '%' || replace(p_beneficiary_name, '*', '%') || '%')
     and (p_trade_id is null or c.trade_id = p_trade_id)
     and (coalesce(p_merchant_name, '') = '' or c.merchant_name ilike '%' || replace(p_merchant_name, '*', '%') || '%')
     and (p_from is null or c.created_at >= p_from)
     and (p_to is null or c.created_at <= p_to)
$$;

-- The days the schedule still has to settle, oldest first: every business day past the refund
-- window with trades no run has taken and no run covers, gaps before a later run included
-- (settling a later day by hand must not make the catch-up skip the earlier ones).
create or replace function public.settlement_due_days(p_limit integer default 62)
returns setof date
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance runs settlements', '42501');
  end if;
  perform app.require_all_regions();
  return query
  select x.d from (
    select distinct app.biz_date(t.closed_at) as d
      from public.trade_money t
     where t.settlement_run_id is null
       and t.closed_at < app.biz_day_start(app.biz_date(now() - make_interval(days => (app.money_settings()).refund_window_days)))
  ) x
  where not exists (select 1 from public.settlement_runs r where r.period @> x.d)
  order by x.d
  limit greatest(1, least(coalesce(p_limit, 62), 366));
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.reverse_trade_money(p_trade_id uuid, p_status public.trade_status),
  app.trades_money_on_update(),
  app.trades_money_on_insert() from public, anon, authenticated, service_role;
grant execute on function app.reverse_trade_money(p_trade_id uuid, p_status public.trade_status),
  app.trades_money_on_update(),
  app.trades_money_on_insert() to public;
revoke all on function public.settle_period(p_from date, p_to date),
  public.settlement_due_days(p_limit integer),
  public.release_due_commissions(p_now timestamp with time zone, p_limit integer),
  public.commission_totals(p_status public.commission_status, p_tier smallint, p_beneficiary_id uuid, p_beneficiary_name text, p_trade_id uuid, p_merchant_name text, p_from timestamp with time zone, p_to timestamp with time zone) from public, anon, authenticated, service_role;
grant execute on function public.settle_period(p_from date, p_to date),
  public.settlement_due_days(p_limit integer),
  public.release_due_commissions(p_now timestamp with time zone, p_limit integer),
  public.commission_totals(p_status public.commission_status, p_tier smallint, p_beneficiary_id uuid, p_beneficiary_name text, p_trade_id uuid, p_merchant_name text, p_from timestamp with time zone, p_to timestamp with time zone) to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger trades_money_insert after insert on public.trades
  referencing new table as new_rows
  for each statement execute function app.trades_money_on_insert();

create trigger trades_money_update after update on public.trades
  referencing old table as old_rows new table as new_rows
  for each statement execute function app.trades_money_on_update();

-- Views ---------------------------------------------------------------------------------------

create view public.v_commissions with (security_invoker = on) as
select c.id, c.trade_id, c.beneficiary_id, mb.nickname as beneficiary_name, c.tier, c.is_clawback, c.reverses_id,
       c.merchant_id, mc.name as merchant_name, c.city_code, c.base_amount_fen, c.rate, c.amount_fen, c.rule, c.status,
       c.unfreeze_at, c.created_at, c.released_at, c.cancelled_at, c.clawed_back_at, c.journal_id,
       t.status as trade_status, t.closed_at as trade_closed_at, t.kind as trade_kind
  from public.commissions c
  left join public.members mb on mb.id = c.beneficiary_id
  left join public.merchants mc on mc.id = c.merchant_id
  left join public.trades t on t.id = c.trade_id;

create view public.v_settlements with (security_invoker = on) as
select st.id, st.run_id, st.period_from, st.period_to, st.owner_type, st.owner_id,
       case st.owner_type when 'platform' then '平台' when 'merchant' then mc.name else mb.nickname end as owner_name,
       st.city_code, st.trade_count, st.sales_fen, st.refunds_fen, st.platform_fee_fen, st.commission_fen, st.net_fen,
       st.created_at
  from public.settlement_statements st
  left join public.merchants mc on st.owner_type = 'merchant' and mc.id = st.owner_id
  left join public.members mb on st.owner_type = 'member' and mb.id = st.owner_id;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_commissions, public.v_settlements from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.v_commissions, public.v_settlements to authenticated;
grant all on table public.v_commissions, public.v_settlements to service_role;
