-- Rollups for the charts and the ranking that read too many rows live at scale (issue 6: at seed
-- factor 100 the reservations chart read 1.7 M rows in 5 s, days on market 3.7 s, distributors
-- 1.8 s, the ranking spent 4 of its 6 s on the 90-day reservation counts per merchant).
--
-- Each rollup holds per-Shanghai-day sums of one source table (reservations by created day;
-- trades by closed day, clawed-back commission by the day of the refund or void), in the same
-- groups and with the same filters as the live query it replaces, so a chart that sums whole
-- days of a rollup returns exactly what the live query returned.
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
--     therefore up to a minute behind; the ranking drains the reservation marks itself first,
--     so its figures are exact at the time it runs.
--   * Bulk loads that skip triggers (the demo seed runs in replica mode) rebuild everything
--     with app.rollup_rebuild() (seed/98_analytics_rollups.sql).
--
-- The rollups live in schema app (not exposed by PostgREST). The chart functions stay
-- security invoker, so the rollups the charts read carry row-level security with the same
-- region and role rules as the source rows they sum (scoped staff see their regions' rows).

create table app.rollup_dirty (
  source text not null check (source in ('reservation', 'trade')),
  day date not null,
  marked_at timestamptz not null default now()
);
create index rollup_dirty_source_day_idx on app.rollup_dirty (source, day);

-- reservations by created day: the reservations chart (successful = visited or beyond,
-- cancelled = cancelled by either side, expired or no-show)
create table app.ana_reservations_day (
  day date not null,
  city_code text not null,
  kind public.reservation_kind not null,
  total integer not null,
  successful integer not null,
  cancelled integer not null,
  primary key (day, city_code, kind)
);

-- reservations brought by a distributor, by created day (distributors chart)
create table app.ana_distributor_reservations_day (
  day date not null,
  city_code text not null,
  distributor_id uuid not null,
  reservations integer not null,
  primary key (day, city_code, distributor_id)
);

-- reservations per merchant by created day, and how many reached visited or beyond (ranking)
create table app.rank_reservations_day (
  day date not null,
  merchant_id uuid not null,
  total integer not null,
  successful integer not null,
  primary key (day, merchant_id)
);

-- closed trades a distributor brought, by closed day (distributors chart)
create table app.ana_distributor_trades_day (
  day date not null,
  city_code text not null,
  distributor_id uuid not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, distributor_id)
);

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
  constraint ana_commission_day_key unique nulls not distinct (day, city_code, trade_city_code, beneficiary_id)
);

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

-- closed trades by closed day and hour (GMV per day, trades by hour), by brand, model and merchant
create table app.ana_trades_hour_day (
  day date not null,
  city_code text not null,
  hour smallint not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, hour)
);
create table app.ana_trades_brand_day (
  day date not null,
  city_code text not null,
  brand_id integer,
  trades integer not null,
  gmv_fen bigint not null,
  constraint ana_trades_brand_day_key unique nulls not distinct (day, city_code, brand_id)
);
create table app.ana_trades_model_day (
  day date not null,
  city_code text not null,
  model_id integer not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, model_id)
);
create table app.ana_trades_merchant_day (
  day date not null,
  city_code text not null,
  merchant_id uuid not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, merchant_id)
);

-- Row-level security: the same rules as the rows summed. Only the refresh writes.
alter table app.rollup_dirty enable row level security;
alter table app.rank_reservations_day enable row level security;
alter table app.ana_reservations_day enable row level security;
alter table app.ana_distributor_reservations_day enable row level security;
alter table app.ana_distributor_trades_day enable row level security;
alter table app.ana_commission_day enable row level security;
alter table app.ana_days_on_market_day enable row level security;
alter table app.ana_trades_hour_day enable row level security;
alter table app.ana_trades_brand_day enable row level security;
alter table app.ana_trades_model_day enable row level security;
alter table app.ana_trades_merchant_day enable row level security;
revoke all on app.rollup_dirty, app.rank_reservations_day, app.ana_reservations_day, app.ana_distributor_reservations_day,
  app.ana_distributor_trades_day, app.ana_commission_day, app.ana_days_on_market_day, app.ana_trades_hour_day,
  app.ana_trades_brand_day, app.ana_trades_model_day, app.ana_trades_merchant_day from public, anon, authenticated, service_role;
grant select on app.ana_reservations_day, app.ana_distributor_reservations_day, app.ana_distributor_trades_day,
  app.ana_commission_day, app.ana_days_on_market_day, app.ana_trades_hour_day, app.ana_trades_brand_day,
  app.ana_trades_model_day, app.ana_trades_merchant_day to authenticated, service_role;
-- as reservations_read / trades_read
create policy ana_reservations_day_read on app.ana_reservations_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));
create policy ana_distributor_reservations_day_read on app.ana_distributor_reservations_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));
create policy ana_distributor_trades_day_read on app.ana_distributor_trades_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));
create policy ana_trades_hour_day_read on app.ana_trades_hour_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));
create policy ana_trades_brand_day_read on app.ana_trades_brand_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));
create policy ana_trades_model_day_read on app.ana_trades_model_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));
create policy ana_trades_merchant_day_read on app.ana_trades_merchant_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));
-- trades_read on the trade's city and listings_read on the listing's
create policy ana_days_on_market_day_read on app.ana_days_on_market_day for select to authenticated
  using ((select app.all_regions())
         or (city_code = any ((select app.scope_cities())::text[]) and listing_city_code = any ((select app.scope_cities())::text[])));
-- commissions_read on the commission's city and trades_read on the trade's
create policy ana_commission_day_read on app.ana_commission_day for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code))
         and ((select app.all_regions()) or trade_city_code = any ((select app.scope_cities())::text[])));

-- Re-aggregates one source's rollups for the Shanghai days [p_from, p_to] (null: unbounded).
-- Dynamic SQL so each call is planned for its own range: a day is an index range scan, a
-- full rebuild a sequential scan.
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
    execute $q$
      insert into app.ana_reservations_day (day, city_code, kind, total, successful, cancelled)
      select (x.created_at at time zone 'Asia/Shanghai')::date, x.city_code, x.kind, count(*),
        count(*) filter (where x.state in ('visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided')),
        count(*) filter (where x.state in ('cancelled_by_customer', 'cancelled_by_merchant', 'auto_expired', 'no_show'))
      from public.reservations x
      where x.created_at >= $1 and x.created_at < $2
      group by 1, 2, 3 $q$ using t0, t1;
    execute $q$
      insert into app.ana_distributor_reservations_day (day, city_code, distributor_id, reservations)
      select (x.created_at at time zone 'Asia/Shanghai')::date, x.city_code, x.distributor_id, count(*)
      from public.reservations x
      where x.distributor_id is not null and x.created_at >= $1 and x.created_at < $2
      group by 1, 2, 3 $q$ using t0, t1;
    execute $q$
      insert into app.rank_reservations_day (day, merchant_id, total, successful)
      select (x.created_at at time zone 'Asia/Shanghai')::date, x.merchant_id, count(*),
        count(*) filter (where x.state in ('visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided'))
      from public.reservations x
      where x.created_at >= $1 and x.created_at < $2
      group by 1, 2 $q$ using t0, t1;
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

-- Recomputes up to p_limit noted (source, day) pairs (null: all of them), most recent days
-- first; p_source limits it to one source. Returns how many days it recomputed.
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
  foreach s in array array['reservation', 'trade'] loop
    continue when p_source is not null and s <> p_source;
    exit when p_limit is not null and n >= p_limit;
    select coalesce(array_agg(x.day), '{}') into days
    from (select distinct r.day from app.rollup_dirty r where r.source = s order by r.day desc limit p_limit - n) x;
    delete from app.rollup_dirty r where r.source = s and r.day = any (days);
    foreach d in array days loop
      perform app.rollup_recompute(s, d, d);
    end loop;
    n := n + cardinality(days);
  end loop;
  return n;
end;
$$;

-- Rebuilds every rollup from the source tables (after a bulk load that skipped the triggers).
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
end;
$$;

revoke execute on function app.rollup_recompute(text, date, date), app.rollup_refresh(integer, text), app.rollup_rebuild()
  from public, anon, authenticated;

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
  return app.rollup_refresh(greatest(1, least(coalesce(p_limit, 20), 100)));
end;
$$;
revoke execute on function public.analytics_refresh_rollups(integer) from public, anon;
grant execute on function public.analytics_refresh_rollups(integer) to authenticated, service_role;

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

-- days on market reads the listing's kind, city and dates: a change there redoes its trades' days
create or replace function app.rollup_mark_listings()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into app.rollup_dirty (source, day)
  select distinct 'trade', (t.closed_at at time zone 'Asia/Shanghai')::date
  from old_rows o join new_rows n on n.id = o.id
  join public.trades t on t.listing_id = n.id
  where t.closed_at is not null
    and (o.kind, o.city_code, o.listed_at, o.approved_at, o.created_at)
        is distinct from (n.kind, n.city_code, n.listed_at, n.approved_at, n.created_at);
  return null;
end;
$$;
revoke execute on function app.rollup_mark_reservations(), app.rollup_mark_trades(), app.rollup_mark_commissions(),
  app.rollup_mark_listings() from public, anon, authenticated;

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

-- first build from what is already there
select app.rollup_rebuild();
