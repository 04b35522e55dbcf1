-- Top merchants and the merchant trend read their range's whole ISO weeks from
-- app.ana_trades_merchant_week (20261122050300_merchant_week_rollup.sql) and only the days of the
-- partial first and last weeks from app.ana_trades_merchant_day: for the default 90 days at seed
-- factor 100 about 210,000 rows summed instead of 465,000 (top merchants 0.37 → 0.19 s, the trend
-- 0.89 → 0.19 s). The trend chart ranks first, then reads the per-week figures of its top few
-- merchants alone through ana_trades_merchant_day_merchant_idx (it used to materialize all the
-- range's rows and scan them twice). Names are joined for the top N only, as before. Same
-- signatures, rows and order: the sums are of the same daily rows.
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
grant execute on function app.ana_week_bounds(date, date) to authenticated, service_role;

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
