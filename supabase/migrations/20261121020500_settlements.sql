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

alter table public.trade_money
  add constraint trade_money_settlement_run_fk foreign key (settlement_run_id) references public.settlement_runs (id);

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
create index settlement_statements_owner_idx on public.settlement_statements (owner_id, period_from desc);
create index settlement_statements_run_idx on public.settlement_statements (run_id);

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
  if p_from is null or p_to is null or p_to < p_from then
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

alter table public.settlement_runs enable row level security;
alter table public.settlement_statements enable row level security;
revoke all on public.settlement_runs, public.settlement_statements from anon;
revoke insert, update, delete, truncate on public.settlement_runs, public.settlement_statements from authenticated;
grant select on public.settlement_runs, public.settlement_statements to authenticated;
create policy settlement_runs_read on public.settlement_runs for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')));
create policy settlement_statements_read on public.settlement_statements for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

revoke execute on function public.settle_period(date, date) from public, anon;
grant execute on function public.settle_period(date, date) to authenticated, service_role;
