-- Analytics charts (R-ANA-2). One function per chart, each taking a date range (Shanghai
-- calendar days, both ends included; default the last 90 days) and a region (a city code, a
-- province code for all its cities, or null for every region the caller may see).
-- security invoker + stable: RLS applies, so analysts read everything and region-scoped
-- staff only their regions. They return the aggregated rows a chart draws, never raw rows.
-- The region test is written inline in every query (a function call per row would not be
-- inlined because of `set search_path`).

-- [d0, d1] as dates and [t0, t1) as instants; defaults: the 90 days ending today.
create or replace function app.ana_bounds(p_from date, p_to date)
returns table (d0 date, d1 date, t0 timestamptz, t1 timestamptz)
rows 1
language sql
stable
set search_path = ''
as $$
  with d as (
    select coalesce(p_to, (now() at time zone 'Asia/Shanghai')::date) as d1
  ), e as (
    select least(coalesce(p_from, d.d1 - 89), d.d1) as d0, d.d1 from d
  )
  select e.d0, e.d1, e.d0::timestamp at time zone 'Asia/Shanghai', (e.d1 + 1)::timestamp at time zone 'Asia/Shanghai'
  from e
$$;
grant execute on function app.ana_bounds(date, date) to authenticated, service_role;

-- GMV and trades per day (closed trades; voided / refunded excluded).
create or replace function public.analytics_gmv(p_from date default null, p_to date default null, p_city text default null)
returns table (day date, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  agg as (
    select (t.closed_at at time zone 'Asia/Shanghai')::date as day, count(*) as trades, sum(t.amount_fen)::bigint as gmv_fen
    from public.trades t, r
    where t.closed_at >= r.t0 and t.closed_at < r.t1 and t.status = 'closed'
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select g.day::date, coalesce(agg.trades, 0), coalesce(agg.gmv_fen, 0)
  from r cross join lateral generate_series(r.d0, r.d1, interval '1 day') g (day)
  left join agg on agg.day = g.day::date
  order by 1
$$;

-- Reservations per day and kind, with how many reached `visited` or beyond.
create or replace function public.analytics_reservations(p_from date default null, p_to date default null, p_city text default null)
returns table (day date, kind public.reservation_kind, total bigint, successful bigint, cancelled bigint)
language sql
stable
set search_path = ''
as $$
  select (x.created_at at time zone 'Asia/Shanghai')::date, x.kind, count(*),
    count(*) filter (where x.state in ('visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided')),
    count(*) filter (where x.state in ('cancelled_by_customer', 'cancelled_by_merchant', 'auto_expired', 'no_show'))
  from public.reservations x, app.ana_bounds(p_from, p_to) r
  where x.created_at >= r.t0 and x.created_at < r.t1
    and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
  group by 1, 2
  order by 1, 2
$$;

-- Top brands by closed trades (count and GMV).
create or replace function public.analytics_top_brands(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (brand_id integer, brand_name text, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  select t.brand_id, b.name, count(*), sum(t.amount_fen)::bigint
  from public.trades t
  cross join app.ana_bounds(p_from, p_to) r
  left join public.car_brands b on b.id = t.brand_id
  where t.closed_at >= r.t0 and t.closed_at < r.t1 and t.status = 'closed'
    and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
  group by t.brand_id, b.name
  order by count(*) desc, sum(t.amount_fen) desc, t.brand_id
  limit least(greatest(coalesce(p_limit, 10), 1), 50)
$$;

-- Top car models (brand · series · model) by closed trades.
create or replace function public.analytics_top_models(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (model_id integer, model_name text, series_name text, brand_name text, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select t.model_id, count(*) as trades, sum(t.amount_fen)::bigint as gmv_fen
    from public.trades t, app.ana_bounds(p_from, p_to) r
    where t.closed_at >= r.t0 and t.closed_at < r.t1 and t.status = 'closed' and t.model_id is not null
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by t.model_id
    order by count(*) desc, sum(t.amount_fen) desc, t.model_id
    limit least(greatest(coalesce(p_limit, 10), 1), 50)
  )
  select agg.model_id, m.name, s.name, b.name, agg.trades, agg.gmv_fen
  from agg
  join public.car_models m on m.id = agg.model_id
  join public.car_series s on s.id = m.series_id
  join public.car_brands b on b.id = s.brand_id
  order by agg.trades desc, agg.gmv_fen desc, agg.model_id
$$;

-- Closed trades by hour of day (Beijing time), all 24 hours.
create or replace function public.analytics_trades_by_hour(p_from date default null, p_to date default null, p_city text default null)
returns table (hour integer, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select extract(hour from t.closed_at at time zone 'Asia/Shanghai')::integer as hour, count(*) as trades,
      sum(t.amount_fen)::bigint as gmv_fen
    from public.trades t, app.ana_bounds(p_from, p_to) r
    where t.closed_at >= r.t0 and t.closed_at < r.t1 and t.status = 'closed'
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select h.hour, coalesce(agg.trades, 0), coalesce(agg.gmv_fen, 0)
  from generate_series(0, 23) h (hour)
  left join agg on agg.hour = h.hour
  order by 1
$$;

-- Top merchants by GMV of closed trades.
create or replace function public.analytics_top_merchants(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (merchant_id uuid, merchant_name text, city_code text, city_name text, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select t.merchant_id, count(*) as trades, sum(t.amount_fen)::bigint as gmv_fen
    from public.trades t, app.ana_bounds(p_from, p_to) r
    where t.closed_at >= r.t0 and t.closed_at < r.t1 and t.status = 'closed'
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by t.merchant_id
    order by sum(t.amount_fen) desc, count(*) desc, t.merchant_id
    limit least(greatest(coalesce(p_limit, 10), 1), 50)
  )
  select agg.merchant_id, m.name, m.city_code, g.name, agg.trades, agg.gmv_fen
  from agg
  join public.merchants m on m.id = agg.merchant_id
  left join public.regions g on g.code = m.city_code
  order by agg.gmv_fen desc, agg.trades desc, agg.merchant_id
$$;

-- Weekly GMV of the top p_limit merchants of the period (sales trends). Weeks start on Monday.
create or replace function public.analytics_merchant_trend(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 5)
returns table (week date, merchant_id uuid, merchant_name text, trades bigint, gmv_fen bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  rows as (
    select t.merchant_id, date_trunc('week', t.closed_at at time zone 'Asia/Shanghai')::date as week, t.amount_fen
    from public.trades t, r
    where t.closed_at >= r.t0 and t.closed_at < r.t1 and t.status = 'closed'
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
  ),
  top as (
    select rows.merchant_id from rows group by 1
    order by sum(rows.amount_fen) desc, rows.merchant_id
    limit least(greatest(coalesce(p_limit, 5), 1), 10)
  ),
  agg as (
    select rows.week, rows.merchant_id, count(*) as trades, sum(rows.amount_fen)::bigint as gmv_fen
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

-- New members per day, and the running total of members registered up to that day.
create or replace function public.analytics_member_growth(p_from date default null, p_to date default null, p_city text default null)
returns table (day date, new_members bigint, total_members bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  before as (
    select count(*) as n from public.members m, r
    where m.registered_at < r.t0
      and (p_city is null or m.city_code = p_city or (p_city like '__0000' and m.city_code like left(p_city, 2) || '%'))
  ),
  agg as (
    select (m.registered_at at time zone 'Asia/Shanghai')::date as day, count(*) as n
    from public.members m, r
    where m.registered_at >= r.t0 and m.registered_at < r.t1
      and (p_city is null or m.city_code = p_city or (p_city like '__0000' and m.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select g.day::date, coalesce(agg.n, 0),
    (before.n + sum(coalesce(agg.n, 0)) over (order by g.day))::bigint
  from r cross join before cross join lateral generate_series(r.d0, r.d1, interval '1 day') g (day)
  left join agg on agg.day = g.day::date
  order by 1
$$;

-- Members who registered in the period, by level.
create or replace function public.analytics_member_levels(p_from date default null, p_to date default null, p_city text default null)
returns table (level public.member_level, members bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select m.level, count(*) as n
    from public.members m, app.ana_bounds(p_from, p_to) r
    where m.registered_at >= r.t0 and m.registered_at < r.t1
      and (p_city is null or m.city_code = p_city or (p_city like '__0000' and m.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select l.level, coalesce(agg.n, 0)
  from unnest(enum_range(null::public.member_level)) l (level)
  left join agg on agg.level = l.level
  order by l.level
$$;

-- Members who registered in the period, by city (top p_limit cities).
create or replace function public.analytics_member_cities(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 15)
returns table (city_code text, city_name text, members bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select m.city_code, count(*) as n
    from public.members m, app.ana_bounds(p_from, p_to) r
    where m.registered_at >= r.t0 and m.registered_at < r.t1 and m.city_code is not null
      and (p_city is null or m.city_code = p_city or (p_city like '__0000' and m.city_code like left(p_city, 2) || '%'))
    group by 1
    order by count(*) desc, m.city_code
    limit least(greatest(coalesce(p_limit, 15), 1), 50)
  )
  select agg.city_code, g.name, agg.n
  from agg left join public.regions g on g.code = agg.city_code
  order by agg.n desc, agg.city_code
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
      count(*) filter (where c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn')) as open,
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

-- Distributors of the period: reservations and closed trades they brought in, and the commission
-- credited to them (net of claw-backs, cancelled excluded). Ranked by commission, then GMV.
create or replace function public.analytics_distributors(p_from date default null, p_to date default null, p_city text default null,
  p_limit integer default 10)
returns table (distributor_id uuid, nickname text, reservations bigint, trades bigint, gmv_fen bigint, commission_fen bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  res as (
    select x.distributor_id as id, count(*) as n
    from public.reservations x, r
    where x.distributor_id is not null and x.created_at >= r.t0 and x.created_at < r.t1
      and (p_city is null or x.city_code = p_city or (p_city like '__0000' and x.city_code like left(p_city, 2) || '%'))
    group by 1
  ),
  trd as (
    select t.distributor_id as id, count(*) as n, sum(t.amount_fen)::bigint as gmv
    from public.trades t, r
    where t.distributor_id is not null and t.status = 'closed' and t.closed_at >= r.t0 and t.closed_at < r.t1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
    group by 1
  ),
  com as (
    select c.beneficiary_id as id, sum(c.amount_fen)::bigint as amount
    from public.commissions c, r
    where c.status <> 'cancelled' and c.created_at >= r.t0 and c.created_at < r.t1
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
  select top.id, m.nickname, top.reservations, top.trades, top.gmv, top.commission
  from top join public.members m on m.id = top.id
  order by top.commission desc, top.gmv desc, top.id
$$;

-- Commission credited to distributors per day (net of claw-backs, cancelled excluded).
create or replace function public.analytics_commission_daily(p_from date default null, p_to date default null, p_city text default null)
returns table (day date, commission_fen bigint, records bigint)
language sql
stable
set search_path = ''
as $$
  with r as (select * from app.ana_bounds(p_from, p_to)),
  agg as (
    select (c.created_at at time zone 'Asia/Shanghai')::date as day, sum(c.amount_fen)::bigint as amount, count(*) as n
    from public.commissions c, r
    where c.status <> 'cancelled' and c.created_at >= r.t0 and c.created_at < r.t1
      and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
    group by 1
  )
  select g.day::date, coalesce(agg.amount, 0), coalesce(agg.n, 0)
  from r cross join lateral generate_series(r.d0, r.d1, interval '1 day') g (day)
  left join agg on agg.day = g.day::date
  order by 1
$$;

-- Days on market (库存周转) of the cars sold in the period: days from listing (listed_at, else
-- approved_at, else created_at) to the closed sale, in buckets, per listing kind.
create or replace function public.analytics_days_on_market(p_from date default null, p_to date default null, p_city text default null)
returns table (kind public.listing_kind, bucket text, bucket_order integer, listings bigint, avg_days numeric)
language sql
stable
set search_path = ''
as $$
  with rows as (
    select l.kind, greatest(extract(epoch from t.closed_at - coalesce(l.listed_at, l.approved_at, l.created_at)) / 86400.0, 0) as days
    from public.trades t
    cross join app.ana_bounds(p_from, p_to) r
    join public.listings l on l.id = t.listing_id
    where t.kind = 'sale' and t.status = 'closed' and t.closed_at >= r.t0 and t.closed_at < r.t1
      and (p_city is null or t.city_code = p_city or (p_city like '__0000' and t.city_code like left(p_city, 2) || '%'))
  ),
  b as (
    select rows.kind, rows.days,
      case when rows.days < 8 then 1 when rows.days < 31 then 2 when rows.days < 61 then 3
           when rows.days < 91 then 4 when rows.days < 181 then 5 else 6 end as bucket_order
    from rows
  ),
  buckets (bucket_order, bucket) as (
    values (1, '0-7'), (2, '8-30'), (3, '31-60'), (4, '61-90'), (5, '91-180'), (6, '180+')
  ),
  kinds as (select distinct b.kind from b),
  agg as (
    select b.kind, b.bucket_order, count(*) as n, round(avg(b.days), 1) as avg_days from b group by 1, 2
  )
  select k.kind, bk.bucket, bk.bucket_order, coalesce(agg.n, 0), agg.avg_days
  from kinds k cross join buckets bk
  left join agg on agg.kind = k.kind and agg.bucket_order = bk.bucket_order
  order by k.kind, bk.bucket_order
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

do $$
declare
  f text;
begin
  foreach f in array array[
    'analytics_gmv(date, date, text)', 'analytics_reservations(date, date, text)',
    'analytics_top_brands(date, date, text, integer)', 'analytics_top_models(date, date, text, integer)',
    'analytics_trades_by_hour(date, date, text)', 'analytics_top_merchants(date, date, text, integer)',
    'analytics_merchant_trend(date, date, text, integer)', 'analytics_member_growth(date, date, text)',
    'analytics_member_levels(date, date, text)', 'analytics_member_cities(date, date, text, integer)',
    'analytics_complaints_by_category(date, date, text)', 'analytics_complaint_resolution(date, date, text)',
    'analytics_distributors(date, date, text, integer)', 'analytics_commission_daily(date, date, text)',
    'analytics_days_on_market(date, date, text)', 'analytics_payments_by_kind(date, date, text)']
  loop
    execute format('revoke execute on function public.%s from public, anon', f);
    execute format('grant execute on function public.%s to authenticated, service_role', f);
  end loop;
end $$;
