-- The member charts sum whole days of app.ana_members_day (20261122050100_member_rollup.sql)
-- instead of counting members live (factor 100: growth 1.35 s, cities 0.47 s, levels 0.41 s).
-- Same signatures, rows and order: a member registered in [t0, t1) is one whose Shanghai
-- registration day is in [d0, d1], the rollup's row-level rule is members_read, and its level is
-- the member's current level (as the live query read it). As fresh as the last refresh (every
-- minute).

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
