-- Closed trades per merchant and week, for the top merchants and merchant trend charts.
--
-- Why: app.ana_trades_merchant_day barely aggregates at scale (most merchants close about one
-- trade a day): at seed factor 100 the default 90 days are 465,000 of its rows, and ranking
-- 19,000 merchants by summing them took 0.4–0.9 s (the trend chart summed them twice, through a
-- materialized CTE). Summed by ISO week (Monday start, like the trend chart's weeks) a recent week
-- is ~55,000 daily rows but ~18,600 weekly rows, so a range reads its whole weeks from this table
-- and only the days of its partial first and last weeks from the daily one.
--
-- Kept right from the daily rollup, not from trades: after a refresh batch re-aggregates trade
-- days, it re-sums the weeks of those days (each week once per batch: ~60,000 daily rows, 0.3 s,
-- for a recent week at factor 100, beside 1.5–2 s for the trade day itself);
-- app.rollup_rebuild() rebuilds it after the daily ones. The ranking's own drains (reservation,
-- listing marks) do not touch it.

create table app.ana_trades_merchant_week (
  week date not null,
  city_code text not null,
  merchant_id uuid not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (week, city_code, merchant_id)
);
alter table app.ana_trades_merchant_week enable row level security;
revoke all on app.ana_trades_merchant_week from public, anon, authenticated, service_role;
grant select on app.ana_trades_merchant_week to authenticated, service_role;
-- as trades_read (and ana_trades_merchant_day_read)
create policy ana_trades_merchant_week_read on app.ana_trades_merchant_week for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

-- the trend chart's per-week figures of its top few merchants: their days only
create index ana_trades_merchant_day_merchant_idx on app.ana_trades_merchant_day (merchant_id, day);

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
revoke execute on function app.rollup_recompute_merchant_week(date, date), app.rollup_refresh(integer, text), app.rollup_rebuild()
  from public, anon, authenticated;

-- first build from the daily rollup
select app.rollup_recompute_merchant_week(null, null);
