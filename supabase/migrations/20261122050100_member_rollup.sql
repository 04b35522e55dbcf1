-- A rollup of members per Shanghai registration day, city and level, for the member charts
-- (growth, levels, cities), which counted the members table live: at seed factor 100
-- (2 M members) 0.4–1.35 s each for the default 90 days, the growth chart also counting every
-- member registered before the range. About 53,000 rollup rows at that size.
--
-- Source 'member' of the rollup machinery of 20261122030100_analytics_rollups.sql, kept right
-- the same way: a statement trigger on members notes the registration days of the rows a
-- statement inserted, deleted, or changed in what the rollup groups by (registration time, city,
-- level), old and new days both, so a level change of a member who registered months ago moves
-- that old day's row at the next refresh; the refresh re-aggregates each noted day from members
-- (one day is an index range scan on members_registered_idx, ~5,500 rows at factor 100);
-- app.rollup_rebuild() covers it for bulk loads. Other member updates (points, names, status)
-- note nothing.

alter table app.rollup_dirty drop constraint rollup_dirty_source_check;
alter table app.rollup_dirty add constraint rollup_dirty_source_check
  check (source in ('reservation', 'trade', 'listing', 'member'));

-- members by registration day, city (null kept: unscoped staff count members without a city in
-- the growth chart) and current level
create table app.ana_members_day (
  day date not null,
  city_code text,
  level public.member_level not null,
  members integer not null,
  constraint ana_members_day_key unique nulls not distinct (day, city_code, level)
);
alter table app.ana_members_day enable row level security;
revoke all on app.ana_members_day from public, anon, authenticated, service_role;
grant select on app.ana_members_day to authenticated, service_role;
-- as members_read
create policy ana_members_day_read on app.ana_members_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

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
  perform app.rollup_recompute_listing(null, null);
  perform app.rollup_recompute_member(null, null);
end;
$$;
revoke execute on function app.rollup_recompute_member(date, date), app.rollup_refresh(integer, text), app.rollup_rebuild()
  from public, anon, authenticated;

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
revoke execute on function app.rollup_mark_members() from public, anon, authenticated;

create trigger members_rollup_insert after insert on public.members
  referencing new table as new_rows for each statement execute function app.rollup_mark_members();
create trigger members_rollup_update after update on public.members
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_members();
create trigger members_rollup_delete after delete on public.members
  referencing old table as old_rows for each statement execute function app.rollup_mark_members();

-- first build from what is already there
select app.rollup_recompute_member(null, null);
