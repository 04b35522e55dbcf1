-- The charts that read hundreds of thousands of rows live at scale now sum whole days of the
-- rollups of 20261122030100_analytics_rollups.sql instead: same signatures, same rows, same
-- order (a rollup row is one day's group of the live query, so summing the days of the range
-- gives the live query's sums; the rollups' row-level rules are the source tables'). They are
-- as fresh as the last refresh (the schedule runs it every minute). Unchanged and still live:
-- the member, complaint and payment charts (each well under half a second at factor 100).

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

create or replace function public.analytics_top_merchants(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (merchant_id uuid, merchant_name text, city_code text, city_name text, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select t.merchant_id, sum(t.trades)::bigint as trades, sum(t.gmv_fen)::bigint as gmv_fen
    from app.ana_trades_merchant_day t, app.ana_bounds(p_from, p_to) r
    where t.day >= r.d0 and t.day <= r.d1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by t.merchant_id
    order by sum(t.gmv_fen) desc, sum(t.trades) desc, t.merchant_id
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
  with r as (select * from app.ana_bounds(p_from, p_to)),
  rows as (
    select t.merchant_id, date_trunc('week', t.day::timestamp)::date as week, t.trades, t.gmv_fen
    from app.ana_trades_merchant_day t, r
    where t.day >= r.d0 and t.day <= r.d1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
  ),
  top as (
    select rows.merchant_id from rows group by 1
    order by sum(rows.gmv_fen) desc, rows.merchant_id
    limit least(greatest(coalesce(p_limit, 5), 1), 10)
  ),
  agg as (
    select rows.week, rows.merchant_id, sum(rows.trades)::bigint as trades, sum(rows.gmv_fen)::bigint as gmv_fen
    from rows join top using (merchant_id) group by 1, 2
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

create or replace function public.analytics_distributors(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (distributor_id uuid, nickname text, reservations bigint, trades bigint, gmv_fen bigint, commission_fen bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  res as (
    select x.distributor_id as id, sum(x.reservations)::bigint as n
    from app.ana_distributor_reservations_day x, r
    where x.day >= r.d0 and x.day <= r.d1
      and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
    group by 1
  ),
  trd as (
    select t.distributor_id as id, sum(t.trades)::bigint as n, sum(t.gmv_fen)::bigint as gmv
    from app.ana_distributor_trades_day t, r
    where t.day >= r.d0 and t.day <= r.d1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by 1
  ),
  com as (
    select c.beneficiary_id as id, sum(c.amount_fen)::bigint as amount
    from app.ana_commission_day c, r
    where c.day >= r.d0 and c.day <= r.d1
      and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
    group by 1
  ),
  ids as (
    select id from res union select id from trd union select id from com
  ),
  top as (
    select ids.id, coalesce(res.n, 0) as reservations, coalesce(trd.n, 0) as trades, coalesce(trd.gmv, 0) as gmv,
      coalesce(com.amount, 0) as commission
    from ids
    left join res on res.id = ids.id
    left join trd on trd.id = ids.id
    left join com on com.id = ids.id
    order by commission desc, gmv desc, ids.id
    limit least(greatest(coalesce(p_limit, 10), 1), 50)
  )
  select top.id, coalesce(m.nickname, app.member_name(top.id)), top.reservations, top.trades, top.gmv, top.commission
  from top left join public.members m on m.id = top.id
  order by top.commission desc, top.gmv desc, top.id
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
