-- The two commission charts (R-ANA-2 "distributor performance and commission paid"), corrected.
--
-- 1. Commission is dated by the trade, not by when its row was written. A commission row is
--    credited when its trade closes, and a claw-back when the trade is refunded or voided; the
--    row's created_at only matches that when the reservation machine closes the trade live.
--    Trades recorded after the fact (imports, the demo seed) got created_at = the insert time,
--    so the whole demo's commission fell on the seed day and any earlier period showed none.
--    Now: an original row counts on its trade's closed_at (cancelled ones still excluded), a
--    claw-back row on its trade's refunded_at / voided_at. Same numbers as before for live data.
-- 2. analytics_distributors keeps a distributor whose member row the caller cannot read (a
--    region-scoped analyst sees members of their own cities only, but a distributor living
--    elsewhere still brings that region's trades); the name comes through app.member_name(),
--    as in the case read models.

-- claw-backs are few; this finds them without reading every commission row
create index if not exists commissions_clawback_trade_idx on public.commissions (trade_id) where is_clawback;

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
  com_rows as (
    -- credited: the commission of trades closed in the period (a refunded trade's stays here; its claw-back below)
    select c.beneficiary_id as id, c.amount_fen
    from public.trades t
    cross join r
    join public.commissions c on c.trade_id = t.id and not c.is_clawback
    where t.distributor_id is not null and t.closed_at >= r.t0 and t.closed_at < r.t1 and c.status <> 'cancelled'
      and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
    union all
    -- clawed back: on the day the trade was refunded or voided
    select c.beneficiary_id, c.amount_fen
    from public.commissions c
    cross join r
    join public.trades t on t.id = c.trade_id
    where c.is_clawback
      and coalesce(t.refunded_at, t.voided_at, c.created_at) >= r.t0 and coalesce(t.refunded_at, t.voided_at, c.created_at) < r.t1
      and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
  ),
  com as (
    select com_rows.id, sum(com_rows.amount_fen)::bigint as amount from com_rows group by 1
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
  rows as (
    select t.closed_at as at, c.amount_fen
    from public.trades t
    cross join r
    join public.commissions c on c.trade_id = t.id and not c.is_clawback
    where t.distributor_id is not null and t.closed_at >= r.t0 and t.closed_at < r.t1 and c.status <> 'cancelled'
      and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
    union all
    select coalesce(t.refunded_at, t.voided_at, c.created_at), c.amount_fen
    from public.commissions c
    cross join r
    join public.trades t on t.id = c.trade_id
    where c.is_clawback
      and coalesce(t.refunded_at, t.voided_at, c.created_at) >= r.t0 and coalesce(t.refunded_at, t.voided_at, c.created_at) < r.t1
      and (p_city is null or c.city_code = p_city or (p_city like '__0000' and c.city_code like left(p_city, 2) || '%'))
  ),
  agg as (
    select (rows.at at time zone 'Asia/Shanghai')::date as day, sum(rows.amount_fen)::bigint as amount, count(*) as n
    from rows group by 1
  )
  select g.day::date, coalesce(agg.amount, 0), coalesce(agg.n, 0)
  from r cross join lateral generate_series(r.d0, r.d1, interval '1 day') g (day)
  left join agg on agg.day = g.day::date
  order by 1
$$;
