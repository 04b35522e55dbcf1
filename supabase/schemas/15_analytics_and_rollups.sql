-- Analytics (数据统计) and the rollups behind them: per-day sums kept right by statement-level
-- triggers that note changed days, refreshed in bounded batches by the run-jobs schedule; the
-- dashboard figures and every chart's function.
set check_function_bodies = off;

-- Tables --------------------------------------------------------------------------------------

-- Rollups for the charts and the ranking that would read too many rows live at scale (issue 6:
-- at seed factor 100 the reservations chart read 1.7 M rows in 5 s, days on market 3.7 s,
-- distributors 1.8 s, the member charts 0.4–1.35 s, and the ranking spent 4 of its 6 s on the
-- 90-day reservation counts per merchant).
--
-- Each rollup holds per-Beijing-day sums of one source (reservations by created day; trades by
-- closed day, clawed-back commission by the day of the refund or void; listing events; members
-- by registration day), in the same groups and with the same filters as the live query would
-- use, so a chart that sums whole days of a rollup returns exactly what the live query would.
--
-- Keeping them right under change. A row's figures change after its day (a reservation created
-- on day D is visited on D+2; a trade closed on D is refunded later; a listing's dates are
-- corrected), so a refresh cannot just append new days. Statement-level triggers with
-- transition tables on every source table note the days a statement touched, old and new
-- values both, in app.rollup_dirty, and a refresh re-aggregates each noted day from the source
-- (delete the day's rollup rows, insert them again). Chosen over recomputing a fixed recent
-- window because late changes have no bound (a refund, a correction months later), and over
-- per-row deltas because re-aggregating a day is simple to prove right and costs one day's rows
-- (about 14,000 reservations or 2,200 trades at factor 100).
--   * app.rollup_dirty is append-only, without a unique key: a writer never waits on another
--     writer's uncommitted mark (an ON CONFLICT on one (source, day) row would serialize every
--     concurrent reservation change of the same day, and could deadlock with their row locks).
--   * A refresh deletes the marks it takes, then re-aggregates those days. A mark committed
--     after that delete stays for the next refresh (which then redoes the day): a change is
--     never lost, at worst a day is recomputed twice. One refresh at a time (advisory lock).
--   * The schedule calls public.analytics_refresh_rollups every minute through run-jobs, in
--     batches of days (idempotent: recomputing a day twice gives the same rows). The charts are
--     therefore up to a minute behind; the ranking drains the reservation and listing marks
--     itself first, so its figures are exact at the time it runs.
--   * Members: a statement trigger notes the registration days of the rows a statement
--     inserted, deleted, or changed in what the rollup groups by (registration time, city,
--     level), old and new days both; other member updates (points, names, status) note nothing.
--   * Bulk loads that skip triggers (the demo seed runs in replica mode) rebuild everything
--     with app.rollup_rebuild() (seed/98_analytics_rollups.sql).
--
-- The rollups live in schema app (not exposed by PostgREST). The chart functions stay
-- security invoker, so the rollups the charts read carry row-level security with the same
-- region and role rules as the source rows they sum (scoped staff see their regions' rows).
create table app.rollup_dirty (
  source text not null check (source in ('reservation', 'trade', 'listing', 'member')),
  day date not null,
  marked_at timestamptz not null default now(),
  -- a key of its own: the same day may be marked many times until the refresh takes it
  id bigint generated always as identity primary key
);
-- Row-level security on every rollup: the same rules as the rows summed. Only the refresh writes.
alter table app.rollup_dirty enable row level security;

-- reservations by created day: the reservations chart (successful per
-- app.reservation_is_successful, cancelled = cancelled by either side, expired or no-show)
create table app.ana_reservations_day (
  day date not null,
  city_code text not null,
  kind public.reservation_kind not null,
  total integer not null,
  successful integer not null,
  cancelled integer not null,
  primary key (day, city_code, kind)
);
alter table app.ana_reservations_day enable row level security;

-- reservations brought by a distributor, by created day (distributors chart)
create table app.ana_distributor_reservations_day (
  day date not null,
  city_code text not null,
  distributor_id uuid not null,
  reservations integer not null,
  primary key (day, city_code, distributor_id)
);
alter table app.ana_distributor_reservations_day enable row level security;

-- reservations per merchant by created day, and how many were successful (ranking)
create table app.rank_reservations_day (
  day date not null,
  merchant_id uuid not null,
  total integer not null,
  successful integer not null,
  primary key (day, merchant_id)
);
alter table app.rank_reservations_day enable row level security;

-- closed trades a distributor brought, by closed day (distributors chart)
create table app.ana_distributor_trades_day (
  day date not null,
  city_code text not null,
  distributor_id uuid not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, distributor_id)
);
alter table app.ana_distributor_trades_day enable row level security;

-- commission credited (by the trade's closed day) and clawed back (by the day the trade was
-- refunded or voided) per beneficiary: distributors and commission charts. A commission row
-- copies its trade's city; both are kept so each keeps its own table's row-level rule.
create table app.ana_commission_day (
  day date not null,
  city_code text,
  trade_city_code text,
  beneficiary_id uuid not null,
  amount_fen bigint not null,
  records integer not null,
  constraint ana_commission_day_key unique nulls not distinct (day, city_code, trade_city_code, beneficiary_id),
  -- the natural key has nullable parts (no city), which a primary key cannot have
  id bigint generated always as identity primary key
);
alter table app.ana_commission_day enable row level security;

-- cars sold (closed sale trades) by closed day, listing kind and days-on-market bucket, with the
-- exact sum of days so the chart's average is the same numeric division as avg()
create table app.ana_days_on_market_day (
  day date not null,
  city_code text not null,
  listing_city_code text not null,
  kind public.listing_kind not null,
  bucket_order smallint not null,
  listings integer not null,
  days_sum numeric not null,
  primary key (day, city_code, listing_city_code, kind, bucket_order)
);
alter table app.ana_days_on_market_day enable row level security;

-- closed trades by closed day and hour (GMV per day, trades by hour), by brand, model and merchant
create table app.ana_trades_hour_day (
  day date not null,
  city_code text not null,
  hour smallint not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, hour)
);
alter table app.ana_trades_hour_day enable row level security;

create table app.ana_trades_brand_day (
  day date not null,
  city_code text not null,
  brand_id integer,
  trades integer not null,
  gmv_fen bigint not null,
  constraint ana_trades_brand_day_key unique nulls not distinct (day, city_code, brand_id),
  -- the natural key has a nullable part (no brand), which a primary key cannot have
  id bigint generated always as identity primary key
);
alter table app.ana_trades_brand_day enable row level security;

create table app.ana_trades_model_day (
  day date not null,
  city_code text not null,
  model_id integer not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, model_id)
);
alter table app.ana_trades_model_day enable row level security;

create table app.ana_trades_merchant_day (
  day date not null,
  city_code text not null,
  merchant_id uuid not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, merchant_id)
);
alter table app.ana_trades_merchant_day enable row level security;

-- listing events per merchant and Shanghai day: listings created that day plus listing_history rows of that day
create table app.rank_listing_events_day (
  day date not null,
  merchant_id uuid not null,
  events integer not null,
  primary key (day, merchant_id)
);
alter table app.rank_listing_events_day enable row level security;

-- members by registration day, city (null kept: unscoped staff count members without a city in
-- the growth chart) and current level: about 53,000 rows for 2 M members (seed factor 100)
create table app.ana_members_day (
  day date not null,
  city_code text,
  level public.member_level not null,
  members integer not null,
  constraint ana_members_day_key unique nulls not distinct (day, city_code, level),
  -- the natural key has a nullable part (no city), which a primary key cannot have
  id bigint generated always as identity primary key
);
alter table app.ana_members_day enable row level security;

-- Closed trades per merchant and ISO week (Monday start, like the trend chart's weeks), for the
-- top merchants and merchant trend charts. app.ana_trades_merchant_day barely aggregates at
-- scale (most merchants close about one trade a day: the default 90 days are 465,000 of its
-- rows at seed factor 100), while a recent week is ~55,000 daily rows but ~18,600 weekly rows;
-- so a range reads its whole weeks here and only its partial first and last weeks' days there.
--
-- Kept right from the daily rollup, not from trades: after a refresh batch re-aggregates trade
-- days, it re-sums the weeks of those days (each week once per batch: ~60,000 daily rows, 0.3 s,
-- for a recent week at factor 100); app.rollup_rebuild() rebuilds it after the daily ones. The
-- ranking's own drains (reservation, listing marks) do not touch it.
create table app.ana_trades_merchant_week (
  week date not null,
  city_code text not null,
  merchant_id uuid not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (week, city_code, merchant_id)
);
alter table app.ana_trades_merchant_week enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index rollup_dirty_source_day_idx on app.rollup_dirty (source, day);

-- the trend chart's per-week figures of its top few merchants: their days only
create index ana_trades_merchant_day_merchant_idx on app.ana_trades_merchant_day (merchant_id, day);

-- The distributors chart ranks by commission and GMV first and reads reservations only for the
-- distributors it shows: their days of app.ana_distributor_reservations_day by this index, a few
-- rows each, instead of summing the whole range (257,000 rows for the default 90 days at seed
-- factor 100). No weekly rollup as for merchants: a distributor brings about two reservations in
-- 90 days, so summing by ISO week barely shrinks the data (256,671 daily rows, 232,608 weekly).
create index ana_distributor_reservations_day_distributor_idx
  on app.ana_distributor_reservations_day (distributor_id, day) include (city_code, reservations);

-- Row-level security --------------------------------------------------------------------------

-- as reservations_read / trades_read
create policy ana_reservations_day_read on app.ana_reservations_day for select to authenticated
  using ((select app.all_regions()) is distinct from false or city_code = any ((select app.scope_cities())::text[]));

create policy ana_distributor_reservations_day_read on app.ana_distributor_reservations_day for select to authenticated
  using ((select app.all_regions()) is distinct from false or city_code = any ((select app.scope_cities())::text[]));

create policy ana_distributor_trades_day_read on app.ana_distributor_trades_day for select to authenticated
  using ((select app.all_regions()) is distinct from false or city_code = any ((select app.scope_cities())::text[]));

create policy ana_trades_hour_day_read on app.ana_trades_hour_day for select to authenticated
  using ((select app.all_regions()) is distinct from false or city_code = any ((select app.scope_cities())::text[]));

create policy ana_trades_brand_day_read on app.ana_trades_brand_day for select to authenticated
  using ((select app.all_regions()) is distinct from false or city_code = any ((select app.scope_cities())::text[]));

create policy ana_trades_model_day_read on app.ana_trades_model_day for select to authenticated
  using ((select app.all_regions()) is distinct from false or city_code = any ((select app.scope_cities())::text[]));

create policy ana_trades_merchant_day_read on app.ana_trades_merchant_day for select to authenticated
  using ((select app.all_regions()) is distinct from false or city_code = any ((select app.scope_cities())::text[]));

-- trades_read on the trade's city and listings_read on the listing's
create policy ana_days_on_market_day_read on app.ana_days_on_market_day for select to authenticated
  using ((select app.all_regions()) is distinct from false
         or (city_code = any ((select app.scope_cities())::text[]) and listing_city_code = any ((select app.scope_cities())::text[])));

-- commissions_read on the commission's city and trades_read on the trade's
create policy ana_commission_day_read on app.ana_commission_day for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) is distinct from false or app.in_region(city_code))
         and ((select app.all_regions()) is distinct from false or trade_city_code = any ((select app.scope_cities())::text[])));

-- as members_read
create policy ana_members_day_read on app.ana_members_day for select to authenticated
  using ((select app.all_regions()) is distinct from false or city_code = any ((select app.scope_cities())::text[]));

-- as trades_read (and ana_trades_merchant_day_read)
create policy ana_trades_merchant_week_read on app.ana_trades_merchant_week for select to authenticated
  using ((select app.all_regions()) is distinct from false or city_code = any ((select app.scope_cities())::text[]));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table app.rank_reservations_day, app.rollup_dirty, app.rank_listing_events_day from public, anon, authenticated, service_role;
revoke all on table app.ana_reservations_day,
  app.ana_distributor_reservations_day,
  app.ana_distributor_trades_day,
  app.ana_commission_day,
  app.ana_days_on_market_day,
  app.ana_trades_hour_day,
  app.ana_trades_brand_day,
  app.ana_trades_model_day,
  app.ana_trades_merchant_day,
  app.ana_members_day,
  app.ana_trades_merchant_week from public, anon, authenticated, service_role;
grant select on table app.ana_reservations_day,
  app.ana_distributor_reservations_day,
  app.ana_distributor_trades_day,
  app.ana_commission_day,
  app.ana_days_on_market_day,
  app.ana_trades_hour_day,
  app.ana_trades_brand_day,
  app.ana_trades_model_day,
  app.ana_trades_merchant_day,
  app.ana_members_day,
  app.ana_trades_merchant_week to authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Home dashboard figures (R-ANA-1) in one call. security invoker: each figure counts only
-- the rows the caller may read (a region-scoped reviewer sees their regions' queue; a role
-- without rights on withdrawals gets 0 there). Every figure is an index range or a partial
-- index scan, so the whole summary stays cheap at millions of rows.
-- GMV = amounts of trades still `closed` (voided and refunded ones excluded), by the
-- Shanghai business day / month of closed_at.
create or replace function public.dashboard_summary()
returns jsonb
language sql
stable
set search_path = ''
as $$
  with b as (
    select (date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as day_start,
           (date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as month_start
  ),
  apps as (
    select count(*) filter (where a.state = 'submitted') as submitted,
           count(*) filter (where a.state = 'in_review') as in_review
    from public.merchant_applications a where a.state in ('submitted', 'in_review')
  ),
  lst as (
    select count(*) as n from public.listings l where l.review_state = 'pending'
  ),
  cmp as (
    select count(*) as open,
           count(*) filter (where c.resolution_due_at < now()) as overdue,
           count(*) filter (where c.first_responded_at is null and c.first_response_due_at < now()) as first_response_overdue
    from public.complaints c
    where app.complaint_is_open(c.state)
  ),
  wdr as (
    select count(*) as n, coalesce(sum(w.amount_fen), 0)::bigint as amount
    from public.withdrawals w
    where app.withdrawal_is_open(w.state)
  ),
  trd as (
    select count(*) filter (where t.closed_at >= b.day_start) as today_n,
           coalesce(sum(t.amount_fen) filter (where t.closed_at >= b.day_start), 0)::bigint as today_fen,
           count(*) as month_n,
           coalesce(sum(t.amount_fen), 0)::bigint as month_fen
    from public.trades t, b
    where t.closed_at >= b.month_start and t.status = 'closed'
  ),
  mem as (
    select count(*) filter (where m.registered_at >= b.day_start) as today_n, count(*) as month_n
    from public.members m, b
    where m.registered_at >= b.month_start
  )
  select jsonb_build_object(
    'pending_merchant_reviews', apps.submitted + apps.in_review,
    'merchant_reviews_submitted', apps.submitted,
    'merchant_reviews_in_review', apps.in_review,
    'pending_listing_reviews', lst.n,
    'open_complaints', cmp.open,
    'overdue_complaints', cmp.overdue,
    'first_response_overdue_complaints', cmp.first_response_overdue,
    'pending_withdrawals', wdr.n,
    'pending_withdrawals_fen', wdr.amount,
    'gmv_today_fen', trd.today_fen,
    'trades_today', trd.today_n,
    'gmv_month_fen', trd.month_fen,
    'trades_month', trd.month_n,
    'new_members_today', mem.today_n,
    'new_members_month', mem.month_n,
    'day_start', b.day_start,
    'month_start', b.month_start,
    'as_of', now())
  from apps, lst, cmp, wdr, trd, mem, b
$$;

-- Analytics charts (R-ANA-2). One function per chart, each taking a date range (Shanghai
-- calendar days, both ends included; default the last 90 days) and a region (a city code, a
-- province code for all its cities, or null for every region the caller may see).
-- security invoker + stable: RLS applies, so analysts read everything and region-scoped
-- staff only their regions. They return the aggregated rows a chart draws, never raw rows.
-- The region test is written inline in every query (a function call per row would not be
-- inlined because of `set search_path`).

-- [d0, d1] as dates and [t0, t1) as instants; defaults: the 90 days ending today. A range is
-- finite and at most ten years (3,653 days): a chart of daily points over centuries (or from
-- -infinity) would run until the statement timeout. Refused with invalid_input.
create or replace function app.ana_bounds(p_from date, p_to date)
returns table (d0 date, d1 date, t0 timestamptz, t1 timestamptz)
rows 1
language plpgsql
stable
set search_path = ''
as $$
begin
  if not isfinite(p_from) or not isfinite(p_to) then
    perform app.fail('invalid_input', 'dates must be finite');
  end if;
  d1 := coalesce(p_to, (now() at time zone 'Asia/Shanghai')::date);
  d0 := least(coalesce(p_from, d1 - 89), d1);
  if d1 - d0 > 3653 then
    perform app.fail('invalid_input', 'a chart covers at most ten years');
  end if;
  t0 := d0::timestamp at time zone 'Asia/Shanghai';
  t1 := (d1 + 1)::timestamp at time zone 'Asia/Shanghai';
  return next;
end;
$$;

-- Complaints filed in the period by category: how many, still open, resolved, upheld (fully or partly).
create or replace function public.analytics_complaints_by_category(p_from date default null, p_to date default null, p_city text default null)
returns table (category public.complaint_category, total bigint, open bigint, resolved bigint, upheld bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select c.category, count(*) as total,
      count(*) filter (where app.complaint_is_open(c.state)) as open,
      count(*) filter (where c.resolved_at is not null) as resolved,
      count(*) filter (where c.outcome in ('upheld', 'partly_upheld')) as upheld
    from public.complaints c, app.ana_bounds(p_from, p_to) r
    where c.created_at >= r.t0 and c.created_at < r.t1
      and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select k.category, coalesce(agg.total, 0), coalesce(agg.open, 0), coalesce(agg.resolved, 0), coalesce(agg.upheld, 0)
  from unnest(enum_range(null::public.complaint_category)) k (category)
  left join agg on agg.category = k.category
  order by k.category
$$;

-- Time to resolve complaints resolved in the period, by category (hours: average, median, 90th percentile)
-- and how many were resolved after their deadline.
create or replace function public.analytics_complaint_resolution(p_from date default null, p_to date default null, p_city text default null)
returns table (category public.complaint_category, resolved bigint, avg_hours numeric, median_hours numeric, p90_hours numeric, late bigint)
language sql
stable
set search_path = ''
as $$
  with rows as (
    select c.category, extract(epoch from c.resolved_at - c.created_at) / 3600.0 as hours, c.resolved_at > c.resolution_due_at as late
    from public.complaints c, app.ana_bounds(p_from, p_to) r
    where c.resolved_at >= r.t0 and c.resolved_at < r.t1
      and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
  ),
  agg as (
    select rows.category, count(*) as n, round(avg(rows.hours), 1) as avg_h,
      round((percentile_cont(0.5) within group (order by rows.hours))::numeric, 1) as med_h,
      round((percentile_cont(0.9) within group (order by rows.hours))::numeric, 1) as p90_h,
      count(*) filter (where rows.late) as late
    from rows group by 1
  )
  select k.category, coalesce(agg.n, 0), agg.avg_h, agg.med_h, agg.p90_h, coalesce(agg.late, 0)
  from unnest(enum_range(null::public.complaint_category)) k (category)
  left join agg on agg.category = k.category
  order by k.category
$$;

-- Payments received in the period by kind and channel: succeeded (incl. later refunded) and refunded.
create or replace function public.analytics_payments_by_kind(p_from date default null, p_to date default null, p_city text default null)
returns table (kind public.payment_kind, channel public.payment_channel, payments bigint, amount_fen bigint, refunded bigint,
  refunded_fen bigint)
language sql
stable
set search_path = ''
as $$
  select p.kind, p.channel, count(*), sum(p.amount_fen)::bigint,
    count(*) filter (where p.status = 'refunded'), coalesce(sum(p.amount_fen) filter (where p.status = 'refunded'), 0)::bigint
  from public.payments p, app.ana_bounds(p_from, p_to) r
  where p.paid_at >= r.t0 and p.paid_at < r.t1 and p.status in ('succeeded', 'refunded')
    and (p_city is null or p.city_code = p_city or (p_city like '__0000' and p.city_code like left(p_city, 2) || '%'))
  group by 1, 2
  order by 1, 2
$$;

-- The scheduled job (run-jobs, every minute): recomputes up to p_limit noted days (at most 100)
-- and returns how many; run-jobs calls it again while a batch comes back full.
create or replace function public.analytics_refresh_rollups(p_limit integer default 20)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(true, 'admin');
  perform app.require_all_regions();
  return app.rollup_refresh(greatest(1, least(coalesce(p_limit, 20), 100)));
end;
$$;

-- ---- noting the days a statement changed ------------------------------------------------------
create or replace function app.rollup_mark_reservations()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.rollup_dirty (source, day)
    select distinct 'reservation', (n.created_at at time zone 'Asia/Shanghai')::date from new_rows n;
  elsif tg_op = 'DELETE' then
    insert into app.rollup_dirty (source, day)
    select distinct 'reservation', (o.created_at at time zone 'Asia/Shanghai')::date from old_rows o;
  else
    insert into app.rollup_dirty (source, day)
    select distinct 'reservation', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.created_at), (n.created_at)) v (at)
    where (o.created_at, o.state, o.kind, o.city_code, o.merchant_id, o.distributor_id)
          is distinct from (n.created_at, n.state, n.kind, n.city_code, n.merchant_id, n.distributor_id);
  end if;
  return null;
end;
$$;

create or replace function app.rollup_mark_trades()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from new_rows n cross join lateral (values (n.closed_at), (n.refunded_at), (n.voided_at)) v (at)
    where v.at is not null;
  elsif tg_op = 'DELETE' then
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o cross join lateral (values (o.closed_at), (o.refunded_at), (o.voided_at)) v (at)
    where v.at is not null;
  else
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.closed_at), (o.refunded_at), (o.voided_at), (n.closed_at), (n.refunded_at), (n.voided_at)) v (at)
    where v.at is not null
      and (o.status, o.kind, o.closed_at, o.refunded_at, o.voided_at, o.city_code, o.merchant_id, o.distributor_id,
           o.brand_id, o.model_id, o.listing_id, o.amount_fen)
          is distinct from (n.status, n.kind, n.closed_at, n.refunded_at, n.voided_at, n.city_code, n.merchant_id,
           n.distributor_id, n.brand_id, n.model_id, n.listing_id, n.amount_fen);
  end if;
  return null;
end;
$$;

-- a commission row counts on its trade's closed day, a claw-back on the refund / void day (or
-- its own creation day when the trade has neither)
create or replace function app.rollup_mark_commissions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from new_rows c join public.trades t on t.id = c.trade_id
    cross join lateral (values (t.closed_at), (t.refunded_at), (t.voided_at), (c.created_at)) v (at)
    where v.at is not null;
  elsif tg_op = 'DELETE' then
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows c join public.trades t on t.id = c.trade_id
    cross join lateral (values (t.closed_at), (t.refunded_at), (t.voided_at), (c.created_at)) v (at)
    where v.at is not null;
  else
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.trade_id), (n.trade_id)) k (trade_id)
    join public.trades t on t.id = k.trade_id
    cross join lateral (values (t.closed_at), (t.refunded_at), (t.voided_at), (o.created_at), (n.created_at)) v (at)
    where v.at is not null
      -- only what the rollups read: a release (frozen → available) changes nothing there
      and (o.trade_id, o.status = 'cancelled', o.amount_fen, o.is_clawback, o.city_code, o.beneficiary_id, o.created_at)
          is distinct from (n.trade_id, n.status = 'cancelled', n.amount_fen, n.is_clawback, n.city_code, n.beneficiary_id, n.created_at);
  end if;
  return null;
end;
$$;

-- The charts that would read hundreds of thousands of rows live sum whole days of the rollups
-- (a rollup row is one day's group of the live query, so summing the days of the range gives
-- the live query's sums; the rollups' row-level rules are the source tables'). They are as
-- fresh as the last refresh (the schedule runs it every minute). The complaint and payment
-- charts count live (each well under half a second at factor 100).
create or replace function public.analytics_gmv(p_from date default null, p_to date default null, p_city text default null)
returns table (day date, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  agg as (
    select h.day, sum(h.trades)::bigint as trades, sum(h.gmv_fen)::bigint as gmv_fen
    from app.ana_trades_hour_day h, r
    where h.day >= r.d0 and h.day <= r.d1
      and (p_city is null or h.city_code = p_city or (p_city like '__0000' and h.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select g.day::date, coalesce(agg.trades, 0), coalesce(agg.gmv_fen, 0)
  from r cross join lateral generate_series(r.d0, r.d1, interval '1 day') g (day)
  left join agg on agg.day = g.day::date
  order by 1
$$;

create or replace function public.analytics_reservations(p_from date default null, p_to date default null, p_city text default null)
returns table (day date, kind public.reservation_kind, total bigint, successful bigint, cancelled bigint)
language sql
stable
set search_path = ''
as $$
  select x.day, x.kind, sum(x.total)::bigint, sum(x.successful)::bigint, sum(x.cancelled)::bigint
  from app.ana_reservations_day x, app.ana_bounds(p_from, p_to) r
  where x.day >= r.d0 and x.day <= r.d1
    and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
  group by 1, 2
  order by 1, 2
$$;

create or replace function public.analytics_top_brands(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (brand_id integer, brand_name text, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  select t.brand_id, b.name, sum(t.trades)::bigint, sum(t.gmv_fen)::bigint
  from app.ana_trades_brand_day t
  cross join app.ana_bounds(p_from, p_to) r
  left join public.car_brands b on b.id = t.brand_id
  where t.day >= r.d0 and t.day <= r.d1
    and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
  group by t.brand_id, b.name
  order by sum(t.trades) desc, sum(t.gmv_fen) desc, t.brand_id
  limit least(greatest(coalesce(p_limit, 10), 1), 50)
$$;

create or replace function public.analytics_top_models(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (model_id integer, model_name text, series_name text, brand_name text, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select t.model_id, sum(t.trades)::bigint as trades, sum(t.gmv_fen)::bigint as gmv_fen
    from app.ana_trades_model_day t, app.ana_bounds(p_from, p_to) r
    where t.day >= r.d0 and t.day <= r.d1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by t.model_id
    order by sum(t.trades) desc, sum(t.gmv_fen) desc, t.model_id
    limit least(greatest(coalesce(p_limit, 10), 1), 50)
  )
  select agg.model_id, m.name, s.name, b.name, agg.trades, agg.gmv_fen
  from agg
  join public.car_models m on m.id = agg.model_id
  join public.car_series s on s.id = m.series_id
  join public.car_brands b on b.id = s.brand_id
  order by agg.trades desc, agg.gmv_fen desc, agg.model_id
$$;

create or replace function public.analytics_trades_by_hour(p_from date default null, p_to date default null, p_city text default null)
returns table (hour integer, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select t.hour::integer as hour, sum(t.trades)::bigint as trades, sum(t.gmv_fen)::bigint as gmv_fen
    from app.ana_trades_hour_day t, app.ana_bounds(p_from, p_to) r
    where t.day >= r.d0 and t.day <= r.d1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select h.hour, coalesce(agg.trades, 0), coalesce(agg.gmv_fen, 0)
  from generate_series(0, 23) h (hour)
  left join agg on agg.hour = h.hour
  order by 1
$$;

create or replace function public.analytics_commission_daily(p_from date default null, p_to date default null, p_city text default null)
returns table (day date, commission_fen bigint, records bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  agg as (
    select c.day, sum(c.amount_fen)::bigint as amount, sum(c.records)::bigint as n
    from app.ana_commission_day c, r
    where c.day >= r.d0 and c.day <= r.d1
      and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select g.day::date, coalesce(agg.amount, 0), coalesce(agg.n, 0)
  from r cross join lateral generate_series(r.d0, r.d1, interval '1 day') g (day)
  left join agg on agg.day = g.day::date
  order by 1
$$;

-- avg(days) is sum(days) / count as a numeric division: the rollup keeps the exact sums
create or replace function public.analytics_days_on_market(p_from date default null, p_to date default null, p_city text default null)
returns table (kind public.listing_kind, bucket text, bucket_order integer, listings bigint, avg_days numeric)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select x.kind, x.bucket_order::integer as bucket_order, sum(x.listings)::bigint as n,
      round(sum(x.days_sum) / sum(x.listings)::numeric, 1) as avg_days
    from app.ana_days_on_market_day x, app.ana_bounds(p_from, p_to) r
    where x.day >= r.d0 and x.day <= r.d1
      and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
    group by 1, 2
  ),
  buckets (bucket_order, bucket) as (
    values (1, '0-7'), (2, '8-30'), (3, '31-60'), (4, '61-90'), (5, '91-180'), (6, '180+')
  ),
  kinds as (select distinct agg.kind from agg)
  select k.kind, bk.bucket, bk.bucket_order, coalesce(agg.n, 0), agg.avg_days
  from kinds k cross join buckets bk
  left join agg on agg.kind = k.kind and agg.bucket_order = bk.bucket_order
  order by k.kind, bk.bucket_order
$$;

create or replace function app.rollup_recompute_listing(p_from date, p_to date)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  t0 timestamptz := case when p_from is null then '-infinity'::timestamptz else p_from::timestamp at time zone 'Asia/Shanghai' end;
  t1 timestamptz := case when p_to is null then 'infinity'::timestamptz else (p_to + 1)::timestamp at time zone 'Asia/Shanghai' end;
begin
  delete from app.rank_listing_events_day where day >= coalesce(p_from, '-infinity'::date) and day <= coalesce(p_to, 'infinity'::date);
  execute $q$
    insert into app.rank_listing_events_day (day, merchant_id, events)
    select (ev.at at time zone 'Asia/Shanghai')::date, ev.merchant_id, count(*)
    from (
      select l.merchant_id, l.created_at as at from public.listings l where l.created_at >= $1 and l.created_at < $2
      union all
      select l.merchant_id, h.at from public.listing_history h join public.listings l on l.id = h.listing_id
      where h.at >= $1 and h.at < $2
    ) ev
    group by 1, 2 $q$ using t0, t1;
end;
$$;

-- listings: created (its day), re-dated or moved to another merchant (its creation day and
-- every day of its history); the days-on-market part (source 'trade') stays as it was
create or replace function app.rollup_mark_listings()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.rollup_dirty (source, day)
    select distinct 'listing', (n.created_at at time zone 'Asia/Shanghai')::date from new_rows n;
    return null;
  elsif tg_op = 'DELETE' then
    insert into app.rollup_dirty (source, day)
    select distinct 'listing', (o.created_at at time zone 'Asia/Shanghai')::date from old_rows o;
    return null;
  end if;
  insert into app.rollup_dirty (source, day)
  select distinct 'trade', (t.closed_at at time zone 'Asia/Shanghai')::date
  from old_rows o join new_rows n on n.id = o.id
  join public.trades t on t.listing_id = n.id
  where t.closed_at is not null
    and (o.kind, o.city_code, o.listed_at, o.approved_at, o.created_at)
        is distinct from (n.kind, n.city_code, n.listed_at, n.approved_at, n.created_at);
  insert into app.rollup_dirty (source, day)
  select distinct 'listing', (v.at at time zone 'Asia/Shanghai')::date
  from old_rows o join new_rows n on n.id = o.id
  cross join lateral (
    select o.created_at union all select n.created_at
    union all select h.at from public.listing_history h where h.listing_id = n.id and o.merchant_id is distinct from n.merchant_id
  ) v (at)
  where (o.created_at, o.merchant_id) is distinct from (n.created_at, n.merchant_id);
  return null;
end;
$$;

create or replace function app.rollup_mark_listing_history()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.rollup_dirty (source, day)
    select distinct 'listing', (n.at at time zone 'Asia/Shanghai')::date from new_rows n;
  elsif tg_op = 'DELETE' then
    insert into app.rollup_dirty (source, day)
    select distinct 'listing', (o.at at time zone 'Asia/Shanghai')::date from old_rows o;
  else
    insert into app.rollup_dirty (source, day)
    select distinct 'listing', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.at), (n.at)) v (at)
    where (o.at, o.listing_id) is distinct from (n.at, n.listing_id);
  end if;
  return null;
end;
$$;

-- Re-aggregates the days [p_from, p_to] (null: unbounded) of one source's rollups from the
-- source rows: deletes the days' rollup rows and inserts them again. Each source is read once
-- into a temporary table and aggregated per rollup from there (a recent day at seed factor 100
-- is ~45,000 reservations; reading them once per rollup kept a batch near the API's 8 s
-- statement timeout).
create or replace function app.rollup_recompute(p_source text, p_from date, p_to date)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d0 date := coalesce(p_from, '-infinity'::date);
  d1 date := coalesce(p_to, 'infinity'::date);
  t0 timestamptz := case when p_from is null then '-infinity'::timestamptz else p_from::timestamp at time zone 'Asia/Shanghai' end;
  t1 timestamptz := case when p_to is null then 'infinity'::timestamptz else (p_to + 1)::timestamp at time zone 'Asia/Shanghai' end;
  t text;
begin
  if p_source = 'reservation' then
    foreach t in array array['app.ana_reservations_day', 'app.ana_distributor_reservations_day', 'app.rank_reservations_day'] loop
      execute format('delete from %s where day >= $1 and day <= $2', t) using d0, d1;
    end loop;
    -- one read of the day's reservations (an index range scan), three aggregates of it
    execute $q$
      create temp table rollup_reservations on commit drop as
      select (x.created_at at time zone 'Asia/Shanghai')::date as day, x.city_code, x.kind, x.merchant_id, x.distributor_id,
        app.reservation_is_successful(x.state) as ok,
        x.state in ('cancelled_by_customer', 'cancelled_by_merchant', 'auto_expired', 'no_show') as cancelled
      from public.reservations x
      where x.created_at >= $1 and x.created_at < $2 $q$ using t0, t1;
    insert into app.ana_reservations_day (day, city_code, kind, total, successful, cancelled)
    select x.day, x.city_code, x.kind, count(*), count(*) filter (where x.ok), count(*) filter (where x.cancelled)
    from pg_temp.rollup_reservations x group by 1, 2, 3;
    insert into app.ana_distributor_reservations_day (day, city_code, distributor_id, reservations)
    select x.day, x.city_code, x.distributor_id, count(*)
    from pg_temp.rollup_reservations x where x.distributor_id is not null group by 1, 2, 3;
    insert into app.rank_reservations_day (day, merchant_id, total, successful)
    select x.day, x.merchant_id, count(*), count(*) filter (where x.ok)
    from pg_temp.rollup_reservations x group by 1, 2;
    drop table pg_temp.rollup_reservations;
  elsif p_source = 'trade' then
    foreach t in array array['app.ana_distributor_trades_day', 'app.ana_commission_day', 'app.ana_days_on_market_day',
      'app.ana_trades_hour_day', 'app.ana_trades_brand_day', 'app.ana_trades_model_day', 'app.ana_trades_merchant_day'] loop
      execute format('delete from %s where day >= $1 and day <= $2', t) using d0, d1;
    end loop;
    execute $q$
      create temp table rollup_closed_trades on commit drop as
      select t.id, t.closed_at, (t.closed_at at time zone 'Asia/Shanghai')::date as day, t.city_code, t.merchant_id,
        t.distributor_id, t.brand_id, t.model_id, t.listing_id, t.kind, t.amount_fen
      from public.trades t
      where t.status = 'closed' and t.closed_at >= $1 and t.closed_at < $2 $q$ using t0, t1;
    insert into app.ana_trades_hour_day (day, city_code, hour, trades, gmv_fen)
    select c.day, c.city_code, extract(hour from c.closed_at at time zone 'Asia/Shanghai')::smallint, count(*), sum(c.amount_fen)
    from pg_temp.rollup_closed_trades c group by 1, 2, 3;
    insert into app.ana_trades_brand_day (day, city_code, brand_id, trades, gmv_fen)
    select c.day, c.city_code, c.brand_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c group by 1, 2, 3;
    insert into app.ana_trades_model_day (day, city_code, model_id, trades, gmv_fen)
    select c.day, c.city_code, c.model_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c
    where c.model_id is not null group by 1, 2, 3;
    insert into app.ana_trades_merchant_day (day, city_code, merchant_id, trades, gmv_fen)
    select c.day, c.city_code, c.merchant_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c group by 1, 2, 3;
    insert into app.ana_distributor_trades_day (day, city_code, distributor_id, trades, gmv_fen)
    select c.day, c.city_code, c.distributor_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c
    where c.distributor_id is not null group by 1, 2, 3;
    insert into app.ana_days_on_market_day (day, city_code, listing_city_code, kind, bucket_order, listings, days_sum)
    select r.day, r.city_code, r.listing_city_code, r.kind,
      case when r.days < 8 then 1 when r.days < 31 then 2 when r.days < 61 then 3
           when r.days < 91 then 4 when r.days < 181 then 5 else 6 end,
      count(*), sum(r.days)
    from (
      select c.day, c.city_code, l.city_code as listing_city_code, l.kind,
        greatest(extract(epoch from c.closed_at - coalesce(l.listed_at, l.approved_at, l.created_at)) / 86400.0, 0) as days
      from pg_temp.rollup_closed_trades c join public.listings l on l.id = c.listing_id
      where c.kind = 'sale'
    ) r
    group by 1, 2, 3, 4, 5;
    drop table pg_temp.rollup_closed_trades;
    execute $q$
      insert into app.ana_commission_day (day, city_code, trade_city_code, beneficiary_id, amount_fen, records)
      select (r.at at time zone 'Asia/Shanghai')::date, r.city_code, r.trade_city_code, r.beneficiary_id, sum(r.amount_fen), count(*)
      from (
        -- credited: the commission of trades closed that day (a refunded trade's stays; its claw-back below)
        select t.closed_at as at, c.city_code, t.city_code as trade_city_code, c.beneficiary_id, c.amount_fen
        from public.trades t
        join public.commissions c on c.trade_id = t.id and not c.is_clawback
        where t.distributor_id is not null and t.closed_at >= $1 and t.closed_at < $2 and c.status <> 'cancelled'
        union all
        -- clawed back: on the day the trade was refunded or voided
        select coalesce(t.refunded_at, t.voided_at, c.created_at), c.city_code, t.city_code, c.beneficiary_id, c.amount_fen
        from public.commissions c
        join public.trades t on t.id = c.trade_id
        where c.is_clawback
          and coalesce(t.refunded_at, t.voided_at, c.created_at) >= $1 and coalesce(t.refunded_at, t.voided_at, c.created_at) < $2
      ) r
      group by 1, 2, 3, 4 $q$ using t0, t1;
  else
    raise exception 'unknown rollup source %', p_source;
  end if;
end;
$$;

-- Re-aggregates the Shanghai registration days [p_from, p_to] (null: unbounded). Dynamic SQL so
-- a day is planned as an index range scan and a full build as a sequential scan.
create or replace function app.rollup_recompute_member(p_from date, p_to date)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  t0 timestamptz := case when p_from is null then '-infinity'::timestamptz else p_from::timestamp at time zone 'Asia/Shanghai' end;
  t1 timestamptz := case when p_to is null then 'infinity'::timestamptz else (p_to + 1)::timestamp at time zone 'Asia/Shanghai' end;
begin
  delete from app.ana_members_day where day >= coalesce(p_from, '-infinity'::date) and day <= coalesce(p_to, 'infinity'::date);
  execute $q$
    insert into app.ana_members_day (day, city_code, level, members)
    select (m.registered_at at time zone 'Asia/Shanghai')::date, m.city_code, m.level, count(*)
    from public.members m
    where m.registered_at >= $1 and m.registered_at < $2
    group by 1, 2, 3 $q$ using t0, t1;
end;
$$;

create or replace function app.rollup_mark_members()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.rollup_dirty (source, day)
    select distinct 'member', (n.registered_at at time zone 'Asia/Shanghai')::date from new_rows n;
  elsif tg_op = 'DELETE' then
    insert into app.rollup_dirty (source, day)
    select distinct 'member', (o.registered_at at time zone 'Asia/Shanghai')::date from old_rows o;
  else
    insert into app.rollup_dirty (source, day)
    select distinct 'member', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.registered_at), (n.registered_at)) v (at)
    where (o.registered_at, o.city_code, o.level) is distinct from (n.registered_at, n.city_code, n.level);
  end if;
  return null;
end;
$$;

-- The member charts sum whole days of app.ana_members_day: a member registered in [t0, t1) is
-- one whose Beijing registration day is in [d0, d1], the rollup's row-level rule is
-- members_read, and its level is the member's current level. As fresh as the last refresh
-- (every minute).
create or replace function public.analytics_member_growth(p_from date default null, p_to date default null, p_city text default null)
returns table (day date, new_members bigint, total_members bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  before as (
    select coalesce(sum(x.members), 0)::bigint as n from app.ana_members_day x, r
    where x.day < r.d0
      and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
  ),
  agg as (
    select x.day, sum(x.members)::bigint as n
    from app.ana_members_day x, r
    where x.day >= r.d0 and x.day <= r.d1
      and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select g.day::date, coalesce(agg.n, 0),
    (before.n + sum(coalesce(agg.n, 0)) over (order by g.day))::bigint
  from r cross join before cross join lateral generate_series(r.d0, r.d1, interval '1 day') g (day)
  left join agg on agg.day = g.day::date
  order by 1
$$;

create or replace function public.analytics_member_levels(p_from date default null, p_to date default null, p_city text default null)
returns table (level public.member_level, members bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select x.level, sum(x.members)::bigint as n
    from app.ana_members_day x, app.ana_bounds(p_from, p_to) r
    where x.day >= r.d0 and x.day <= r.d1
      and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select l.level, coalesce(agg.n, 0)
  from unnest(enum_range(null::public.member_level)) l (level)
  left join agg on agg.level = l.level
  order by l.level
$$;

create or replace function public.analytics_member_cities(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 15)
returns table (city_code text, city_name text, members bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select x.city_code, sum(x.members)::bigint as n
    from app.ana_members_day x, app.ana_bounds(p_from, p_to) r
    where x.day >= r.d0 and x.day <= r.d1 and x.city_code is not null
      and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
    group by 1
    order by sum(x.members) desc, x.city_code
    limit least(greatest(coalesce(p_limit, 15), 1), 50)
  )
  select agg.city_code, g.name, agg.n
  from agg left join public.regions g on g.code = agg.city_code
  order by agg.n desc, agg.city_code
$$;

-- Re-sums the weeks starting [p_from, p_to] (Mondays; null: unbounded) from the daily rollup.
create or replace function app.rollup_recompute_merchant_week(p_from date, p_to date)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d0 date := coalesce(p_from, '-infinity'::date);
  d1 date := coalesce(p_to + 7, 'infinity'::date);
begin
  delete from app.ana_trades_merchant_week where week >= d0 and week < d1;
  execute $q$
    insert into app.ana_trades_merchant_week (week, city_code, merchant_id, trades, gmv_fen)
    select date_trunc('week', t.day::timestamp)::date, t.city_code, t.merchant_id, sum(t.trades)::integer, sum(t.gmv_fen)::bigint
    from app.ana_trades_merchant_day t
    where t.day >= $1 and t.day < $2
    group by 1, 2, 3 $q$ using d0, d1;
end;
$$;

create or replace function app.rollup_refresh(p_limit integer default null, p_source text default null)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  s text;
  d date;
  days date[];
  n integer := 0;
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('app.rollup_refresh'));
  foreach s in array array['reservation', 'trade', 'listing', 'member'] loop
    continue when p_source is not null and s <> p_source;
    exit when p_limit is not null and n >= p_limit;
    select coalesce(array_agg(x.day), '{}') into days
    from (select distinct r.day from app.rollup_dirty r where r.source = s order by r.day desc limit p_limit - n) x;
    delete from app.rollup_dirty r where r.source = s and r.day = any (days);
    foreach d in array days loop
      if s = 'listing' then
        perform app.rollup_recompute_listing(d, d);
      elsif s = 'member' then
        perform app.rollup_recompute_member(d, d);
      else
        perform app.rollup_recompute(s, d, d);
      end if;
    end loop;
    if s = 'trade' then
      -- the weeks of the days just redone, each once
      for d in select distinct date_trunc('week', x.day::timestamp)::date from unnest(days) x (day) loop
        perform app.rollup_recompute_merchant_week(d, d);
      end loop;
    end if;
    n := n + cardinality(days);
  end loop;
  return n;
end;
$$;

create or replace function app.rollup_rebuild()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('app.rollup_refresh'));
  delete from app.rollup_dirty;
  perform app.rollup_recompute('reservation', null, null);
  perform app.rollup_recompute('trade', null, null);
  perform app.rollup_recompute_merchant_week(null, null);
  perform app.rollup_recompute_listing(null, null);
  perform app.rollup_recompute_member(null, null);
end;
$$;

-- Top merchants and the merchant trend read their range's whole ISO weeks from
-- app.ana_trades_merchant_week and only the days of the partial first and last weeks from
-- app.ana_trades_merchant_day: for the default 90 days at seed factor 100 about 210,000 rows
-- summed rather than 465,000. The trend chart ranks first, then reads the per-week figures of its
-- top few merchants alone through ana_trades_merchant_day_merchant_idx. Names are joined for the
-- top N only.
--
-- Range split, with w0 the first Monday on or after d0 and w1 the Monday after d1's week when d1
-- is a Sunday (else d1's own Monday): days [d0, least(w0, d1 + 1)), weeks [w0, w1), days
-- [greatest(w0, w1), d1] — disjoint and covering [d0, d1] (a range without a whole week is all
-- days). Each part is one index range scan.

-- [d0, a1) days, [w0, w1) weeks, [b0, d1] days; plain columns so each is an index range
create or replace function app.ana_week_bounds(p_from date, p_to date)
returns table (d0 date, d1 date, a1 date, w0 date, w1 date, b0 date)
rows 1
language sql
stable
set search_path = ''
as $$
  select w.d0, w.d1, least(w.w0, w.d1 + 1), w.w0, w.w1, greatest(w.w0, w.w1)
  from (
    select b.d0, b.d1, date_trunc('week', (b.d0 + 6)::timestamp)::date as w0, date_trunc('week', (b.d1 + 1)::timestamp)::date as w1
    from app.ana_bounds(p_from, p_to) b
  ) w
$$;

create or replace function public.analytics_top_merchants(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (merchant_id uuid, merchant_name text, city_code text, city_name text, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_week_bounds(p_from, p_to)),
  parts as (
    select t.merchant_id, t.trades, t.gmv_fen
    from app.ana_trades_merchant_day t, r
    where t.day >= r.d0 and t.day < r.a1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    union all
    select w.merchant_id, w.trades, w.gmv_fen
    from app.ana_trades_merchant_week w, r
    where w.week >= r.w0 and w.week < r.w1
      and (p_city is null or w.city_code = p_city or (p_city like '__0000' and w.city_code like left(p_city, 2) || '%'))
    union all
    select t.merchant_id, t.trades, t.gmv_fen
    from app.ana_trades_merchant_day t, r
    where t.day >= r.b0 and t.day <= r.d1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
  ),
  agg as (
    select p.merchant_id, sum(p.trades)::bigint as trades, sum(p.gmv_fen)::bigint as gmv_fen
    from parts p
    group by p.merchant_id
    order by sum(p.gmv_fen) desc, sum(p.trades) desc, p.merchant_id
    limit least(greatest(coalesce(p_limit, 10), 1), 50)
  )
  select agg.merchant_id, m.name, m.city_code, g.name, agg.trades, agg.gmv_fen
  from agg
  join public.merchants m on m.id = agg.merchant_id
  left join public.regions g on g.code = m.city_code
  order by agg.gmv_fen desc, agg.trades desc, agg.merchant_id
$$;

create or replace function public.analytics_merchant_trend(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 5)
returns table (week date, merchant_id uuid, merchant_name text, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_week_bounds(p_from, p_to)),
  parts as (
    select t.merchant_id, t.gmv_fen
    from app.ana_trades_merchant_day t, r
    where t.day >= r.d0 and t.day < r.a1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    union all
    select w.merchant_id, w.gmv_fen
    from app.ana_trades_merchant_week w, r
    where w.week >= r.w0 and w.week < r.w1
      and (p_city is null or w.city_code = p_city or (p_city like '__0000' and w.city_code like left(p_city, 2) || '%'))
    union all
    select t.merchant_id, t.gmv_fen
    from app.ana_trades_merchant_day t, r
    where t.day >= r.b0 and t.day <= r.d1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
  ),
  top as (
    select p.merchant_id from parts p group by 1
    order by sum(p.gmv_fen) desc, p.merchant_id
    limit least(greatest(coalesce(p_limit, 5), 1), 10)
  ),
  agg as (
    select date_trunc('week', t.day::timestamp)::date as week, t.merchant_id, sum(t.trades)::bigint as trades,
      sum(t.gmv_fen)::bigint as gmv_fen
    from top join app.ana_trades_merchant_day t on t.merchant_id = top.merchant_id, r
    where t.day >= r.d0 and t.day <= r.d1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by 1, 2
  ),
  weeks as (
    select generate_series(date_trunc('week', r.d0::timestamp), date_trunc('week', r.d1::timestamp), interval '1 week')::date as week from r
  )
  select w.week, top.merchant_id, m.name, coalesce(agg.trades, 0), coalesce(agg.gmv_fen, 0)
  from weeks w cross join top
  join public.merchants m on m.id = top.merchant_id
  left join agg on agg.week = w.week and agg.merchant_id = top.merchant_id
  order by 1, 3
$$;

-- The distributors chart ranks by commission, then GMV, then id. Trades and commission are
-- summed per distributor in one aggregate (75,000 rows for the default 90 days at seed factor
-- 100) and ranked first: a distributor whose (commission, GMV) is above (0, 0) ranks above every
-- distributor that only brought reservations (those are (0, 0) and rank by id), so when at least
-- p_limit distributors are above (0, 0) they are the top, and reservations are summed for them
-- alone, through ana_distributor_reservations_day_distributor_idx. Otherwise (a short range, a
-- small city: a net claw-back can also leave a distributor below (0, 0)) the full ranking of
-- every distributor runs (257,000 reservation rows summed at factor 100); a one-time filter
-- skips whichever branch is not needed. A distributor whose member row the caller cannot read
-- (outside a scoped analyst's cities) still counts; the name comes through app.member_name().
create or replace function public.analytics_distributors(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (distributor_id uuid, nickname text, reservations bigint, trades bigint, gmv_fen bigint, commission_fen bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  lim as (select least(greatest(coalesce(p_limit, 10), 1), 50) as n),
  -- trades and commission per distributor
  tc as (
    select x.id, sum(x.trades)::bigint as trades, sum(x.gmv)::bigint as gmv, sum(x.commission)::bigint as commission
    from (
      select t.distributor_id as id, t.trades, t.gmv_fen as gmv, 0::bigint as commission
      from app.ana_distributor_trades_day t, r
      where t.day >= r.d0 and t.day <= r.d1
        and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
      union all
      select c.beneficiary_id, 0, 0, c.amount_fen
      from app.ana_commission_day c, r
      where c.day >= r.d0 and c.day <= r.d1
        and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
    ) x
    group by x.id
  ),
  -- the top of those ranking above (0, 0): the whole top if there are enough of them
  ahead as materialized (
    select tc.id, tc.trades, tc.gmv, tc.commission
    from tc
    where tc.commission > 0 or (tc.commission = 0 and tc.gmv > 0)
    order by tc.commission desc, tc.gmv desc, tc.id
    limit (select lim.n from lim)
  ),
  enough as (select count(*) >= (select lim.n from lim) as yes from ahead),
  fast as (
    select a.id, coalesce((
        select sum(x.reservations)::bigint
        from app.ana_distributor_reservations_day x, r
        where x.distributor_id = a.id and x.day >= r.d0 and x.day <= r.d1
          and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
      ), 0) as reservations, a.trades, a.gmv, a.commission
    from ahead a
    where (select enough.yes from enough)
  ),
  -- otherwise the full ranking of every distributor
  res as (
    select x.distributor_id as id, sum(x.reservations)::bigint as n
    from app.ana_distributor_reservations_day x, r
    where not (select enough.yes from enough)
      and x.day >= r.d0 and x.day <= r.d1
      and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
    group by 1
  ),
  slow as (
    select ids.id, coalesce(res.n, 0) as reservations, coalesce(tc.trades, 0) as trades, coalesce(tc.gmv, 0) as gmv,
      coalesce(tc.commission, 0) as commission
    from (select res.id from res union select tc.id from tc where not (select enough.yes from enough)) ids
    left join res on res.id = ids.id
    left join tc on tc.id = ids.id
    where not (select enough.yes from enough)
    order by commission desc, gmv desc, ids.id
    limit (select lim.n from lim)
  ),
  top as (select * from fast union all select * from slow)
  select top.id, coalesce(m.nickname, app.member_name(top.id)), top.reservations, top.trades, top.gmv, top.commission
  from top left join public.members m on m.id = top.id
  order by top.commission desc, top.gmv desc, top.id
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.ana_bounds(p_from date, p_to date), app.ana_week_bounds(p_from date, p_to date) from public, anon, authenticated, service_role;
grant execute on function app.ana_bounds(p_from date, p_to date), app.ana_week_bounds(p_from date, p_to date) to public, authenticated, service_role;
revoke all on function public.dashboard_summary(),
  public.analytics_reservations(p_from date, p_to date, p_city text),
  public.analytics_top_merchants(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_gmv(p_from date, p_to date, p_city text),
  public.analytics_top_models(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_trades_by_hour(p_from date, p_to date, p_city text),
  public.analytics_member_growth(p_from date, p_to date, p_city text),
  public.analytics_complaints_by_category(p_from date, p_to date, p_city text),
  public.analytics_member_levels(p_from date, p_to date, p_city text),
  public.analytics_member_cities(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_complaint_resolution(p_from date, p_to date, p_city text),
  public.analytics_distributors(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_commission_daily(p_from date, p_to date, p_city text),
  public.analytics_days_on_market(p_from date, p_to date, p_city text),
  public.analytics_payments_by_kind(p_from date, p_to date, p_city text),
  public.analytics_refresh_rollups(p_limit integer),
  public.analytics_top_brands(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_merchant_trend(p_from date, p_to date, p_city text, p_limit integer) from public, anon, authenticated, service_role;
grant execute on function public.dashboard_summary(),
  public.analytics_reservations(p_from date, p_to date, p_city text),
  public.analytics_top_merchants(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_gmv(p_from date, p_to date, p_city text),
  public.analytics_top_models(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_trades_by_hour(p_from date, p_to date, p_city text),
  public.analytics_member_growth(p_from date, p_to date, p_city text),
  public.analytics_complaints_by_category(p_from date, p_to date, p_city text),
  public.analytics_member_levels(p_from date, p_to date, p_city text),
  public.analytics_member_cities(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_complaint_resolution(p_from date, p_to date, p_city text),
  public.analytics_distributors(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_commission_daily(p_from date, p_to date, p_city text),
  public.analytics_days_on_market(p_from date, p_to date, p_city text),
  public.analytics_payments_by_kind(p_from date, p_to date, p_city text),
  public.analytics_refresh_rollups(p_limit integer),
  public.analytics_top_brands(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_merchant_trend(p_from date, p_to date, p_city text, p_limit integer) to authenticated, service_role;
revoke all on function app.rollup_mark_reservations(),
  app.rollup_mark_members(),
  app.rollup_recompute_merchant_week(p_from date, p_to date),
  app.rollup_refresh(p_limit integer, p_source text),
  app.rollup_recompute(p_source text, p_from date, p_to date),
  app.rollup_rebuild(),
  app.rollup_mark_trades(),
  app.rollup_mark_commissions(),
  app.rollup_recompute_listing(p_from date, p_to date),
  app.rollup_mark_listings(),
  app.rollup_mark_listing_history(),
  app.rollup_recompute_member(p_from date, p_to date) from public, anon, authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger reservations_rollup_insert after insert on public.reservations
  referencing new table as new_rows for each statement execute function app.rollup_mark_reservations();

create trigger reservations_rollup_update after update on public.reservations
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_reservations();

create trigger reservations_rollup_delete after delete on public.reservations
  referencing old table as old_rows for each statement execute function app.rollup_mark_reservations();

create trigger trades_rollup_insert after insert on public.trades
  referencing new table as new_rows for each statement execute function app.rollup_mark_trades();

create trigger trades_rollup_update after update on public.trades
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_trades();

create trigger trades_rollup_delete after delete on public.trades
  referencing old table as old_rows for each statement execute function app.rollup_mark_trades();

create trigger commissions_rollup_insert after insert on public.commissions
  referencing new table as new_rows for each statement execute function app.rollup_mark_commissions();

create trigger commissions_rollup_update after update on public.commissions
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_commissions();

create trigger commissions_rollup_delete after delete on public.commissions
  referencing old table as old_rows for each statement execute function app.rollup_mark_commissions();

create trigger listings_rollup_update after update on public.listings
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_listings();

create trigger listings_rollup_insert after insert on public.listings
  referencing new table as new_rows for each statement execute function app.rollup_mark_listings();

-- (a listing with history or trades cannot be deleted: their foreign keys refuse it)
create trigger listings_rollup_delete after delete on public.listings
  referencing old table as old_rows for each statement execute function app.rollup_mark_listings();

create trigger listing_history_rollup_insert after insert on public.listing_history
  referencing new table as new_rows for each statement execute function app.rollup_mark_listing_history();

create trigger listing_history_rollup_update after update on public.listing_history
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_listing_history();

create trigger listing_history_rollup_delete after delete on public.listing_history
  referencing old table as old_rows for each statement execute function app.rollup_mark_listing_history();

create trigger members_rollup_insert after insert on public.members
  referencing new table as new_rows for each statement execute function app.rollup_mark_members();

create trigger members_rollup_update after update on public.members
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_members();

create trigger members_rollup_delete after delete on public.members
  referencing old table as old_rows for each statement execute function app.rollup_mark_members();
