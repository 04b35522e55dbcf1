-- The distributors chart ranks by commission, then GMV, then id, and used to sum every source
-- for every distributor of the range before ranking: at seed factor 100 the default 90 days
-- summed 257,000 reservation rows into 108,000 distributors and outer-joined them with 33,000
-- trade and 33,000 commission sums (0.45 s median), to show ten of them; now 0.09 s (a city
-- 0.11 → 0.03 s, a province 0.17 → 0.04 s).
--
-- Now trades and commission are summed per distributor in one aggregate (75,000 rows) and
-- ranked first. A distributor whose (commission, GMV) is above (0, 0) ranks above every
-- distributor that only brought reservations (those are (0, 0) and rank by id), so when at least
-- p_limit distributors are above (0, 0) they are the top, and reservations are summed for them
-- alone, through ana_distributor_reservations_day_distributor_idx
-- (20261122050500_distributor_reservations_by_distributor.sql). Otherwise (a short range, a
-- small city: a net claw-back can also leave a distributor below (0, 0)) the old full
-- computation runs; the one-time filter skips whichever branch is not needed. Same signature,
-- rows and order; row-level security is that of the same rollups.
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
  -- otherwise the full ranking, as before
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
