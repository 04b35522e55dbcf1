-- The ranking's listing events (new listings and listing state changes per merchant: the
-- product-update count and the number of days with an update) read a per-day rollup too, like
-- its reservation counts (20261122030300): whole Shanghai days from app.rank_listing_events_day,
-- raw events only for the window's two partial days. At seed factor 100 this part read ~600,000
-- events joined to 500,000 listings (about 1.8 s of the run). Source 'listing' of the rollup
-- machinery of 20261122030100_analytics_rollups.sql: triggers on listings and listing_history
-- note the days a statement changed, the refresh recomputes them, the ranking drains them first.

-- the per-day recompute and the ranking's partial days find history rows by time
create index if not exists listing_history_at_idx on public.listing_history (at);

alter table app.rollup_dirty drop constraint rollup_dirty_source_check;
alter table app.rollup_dirty add constraint rollup_dirty_source_check check (source in ('reservation', 'trade', 'listing'));

-- listing events per merchant and Shanghai day: listings created that day plus listing_history rows of that day
create table app.rank_listing_events_day (
  day date not null,
  merchant_id uuid not null,
  events integer not null,
  primary key (day, merchant_id)
);
alter table app.rank_listing_events_day enable row level security;
revoke all on app.rank_listing_events_day from public, anon, authenticated, service_role;

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
  foreach s in array array['reservation', 'trade', 'listing'] loop
    continue when p_source is not null and s <> p_source;
    exit when p_limit is not null and n >= p_limit;
    select coalesce(array_agg(x.day), '{}') into days
    from (select distinct r.day from app.rollup_dirty r where r.source = s order by r.day desc limit p_limit - n) x;
    delete from app.rollup_dirty r where r.source = s and r.day = any (days);
    foreach d in array days loop
      if s = 'listing' then
        perform app.rollup_recompute_listing(d, d);
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
end;
$$;
revoke execute on function app.rollup_recompute_listing(date, date), app.rollup_refresh(integer, text), app.rollup_rebuild()
  from public, anon, authenticated;

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
revoke execute on function app.rollup_mark_listings(), app.rollup_mark_listing_history() from public, anon, authenticated;

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

select app.rollup_recompute_listing(null, null);

create or replace function public.rank_merchants(p_trigger text default 'manual')
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.ranking_rules;
  v_run bigint;
  v_now timestamptz := now();
  v_since timestamptz;
  v_first_full date;
  v_last_full date;
  v_b1 timestamptz;
  v_b2 timestamptz;
  v_started timestamptz := clock_timestamp();
  v_count integer;
  v_levels jsonb;
  v_cities integer;
  v_summary jsonb;
begin
  if not (app.is_service() or app.has_role('admin')) then
    perform app.fail('not_permitted', 'only admins or the scheduler run the ranking', '42501');
  end if;
  if p_trigger is null or p_trigger not in ('manual', 'schedule') then
    perform app.fail('invalid_input', 'trigger must be manual or schedule');
  end if;
  -- one run at a time; a second caller waits for the first and then runs on fresh data
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('public.rank_merchants'));
  select * into r from public.ranking_rules x where x.active;
  if r.id is null then
    perform app.fail('not_found', 'no active ranking rule');
  end if;
  v_since := v_now - make_interval(days => r.window_days);
  -- whole days inside the window come from the rollup: [v_first_full, v_last_full]; the raw rows
  -- of [v_since, v_b1) and [v_b2, v_now) complete it (v_b1 = end of v_since's day, v_b2 = start of today)
  v_first_full := (v_since at time zone 'Asia/Shanghai')::date + 1;
  v_last_full := (v_now at time zone 'Asia/Shanghai')::date - 1;
  v_b1 := least(v_first_full::timestamp at time zone 'Asia/Shanghai', v_now);
  v_b2 := greatest((v_last_full + 1)::timestamp at time zone 'Asia/Shanghai', v_b1);
  -- reservation days changed since the last refresh
  perform app.rollup_refresh(null, 'reservation');
  perform app.rollup_refresh(null, 'listing');
  insert into public.ranking_runs (rule_id, trigger, triggered_by)
  values (r.id, p_trigger, (select auth.uid()))
  returning id into v_run;

  begin
    with m as (
      select x.id, x.city_code, x.rating
      from public.merchants x
      where x.status <> 'closed'
    ),
    -- listing events: one rollup row per merchant and whole day with events, raw events for the partial days
    ev as (
      select d.merchant_id, d.day, d.events as n
      from app.rank_listing_events_day d
      where d.day >= v_first_full and d.day <= v_last_full
      union all
      select l.merchant_id, (l.created_at at time zone 'Asia/Shanghai')::date, 1
      from public.listings l
      where (l.created_at >= v_since and l.created_at < v_b1) or (l.created_at >= v_b2 and l.created_at < v_now)
      union all
      select l.merchant_id, (h.at at time zone 'Asia/Shanghai')::date, 1
      from public.listing_history h
      join public.listings l on l.id = h.listing_id
      where (h.at >= v_since and h.at < v_b1) or (h.at >= v_b2 and h.at < v_now)
    ),
    upd as (
      select ev.merchant_id, sum(ev.n)::bigint as n, count(distinct ev.day) as days
      from ev group by ev.merchant_id
    ),
    cmp as (
      select c.merchant_id, count(*) as n
      from public.complaints c
      where c.created_at >= v_since and c.created_at < v_now and c.state not in ('dismissed', 'withdrawn')
      group by c.merchant_id
    ),
    res_rows as (
      select d.merchant_id, d.total as n, d.successful as ok
      from app.rank_reservations_day d
      where d.day >= v_first_full and d.day <= v_last_full
      union all
      select x.merchant_id, 1, (x.state in ('visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided'))::integer
      from public.reservations x
      where (x.created_at >= v_since and x.created_at < v_b1) or (x.created_at >= v_b2 and x.created_at < v_now)
    ),
    res as (
      select res_rows.merchant_id, sum(res_rows.n)::bigint as n, sum(res_rows.ok)::bigint as ok
      from res_rows
      group by res_rows.merchant_id
    ),
    pen as (
      select p.merchant_id, sum(p.size) as pts, count(*) as n
      from public.merchant_penalties p
      where p.revoked_at is null and p.starts_at <= v_now and p.expires_at > v_now
      group by p.merchant_id
    ),
    raw as (
      select m.id, m.city_code,
        coalesce(upd.n, 0) as v_updates,
        round(least(coalesce(upd.days, 0), r.window_days) * 100.0 / r.window_days, 2) as v_freq,
        m.rating as v_rating,
        coalesce(cmp.n, 0) as v_complaints,
        coalesce(res.n, 0) as v_res,
        coalesce(res.ok, 0) as v_res_ok,
        case when coalesce(res.n, 0) > 0 then round(res.ok * 100.0 / res.n, 2) else 0 end as v_rate,
        coalesce(pen.pts, 0) as v_pen,
        coalesce(pen.n, 0) as v_pen_n
      from m
      left join upd on upd.merchant_id = m.id
      left join cmp on cmp.merchant_id = m.id
      left join res on res.merchant_id = m.id
      left join pen on pen.merchant_id = m.id
    ),
    norm as (
      select raw.*,
        round(least(v_updates, r.cap_product_updates) * 100.0 / r.cap_product_updates, 2) as n_updates,
        v_freq as n_freq,
        round(coalesce(v_rating, 0) * 20, 2) as n_rating,
        round(least(v_complaints, r.cap_complaints) * 100.0 / r.cap_complaints, 2) as n_complaints,
        round(least(v_res, r.cap_reservations) * 100.0 / r.cap_reservations, 2) as n_res,
        v_rate as n_rate,
        v_pen as n_pen
      from raw
    ),
    pts as (
      select norm.*,
        round(r.w_product_updates * n_updates, 2) as p_updates,
        round(r.w_update_frequency * n_freq, 2) as p_freq,
        round(r.w_rating * n_rating, 2) as p_rating,
        round(r.w_complaints * n_complaints, 2) as p_complaints,
        round(r.w_reservations * n_res, 2) as p_res,
        round(r.w_success_rate * n_rate, 2) as p_rate,
        round(r.w_penalties * n_pen, 2) as p_pen
      from norm
    ),
    scored as (
      select pts.*, (p_updates + p_freq + p_rating + p_complaints + p_res + p_rate + p_pen)::numeric(8, 2) as score
      from pts
    ),
    ranked as (
      select s.id, s.city_code, s.score,
        (1 + (s.score >= r.level_thresholds[1])::int + (s.score >= r.level_thresholds[2])::int
           + (s.score >= r.level_thresholds[3])::int + (s.score >= r.level_thresholds[4])::int)::smallint as lvl,
        rank() over (partition by s.city_code order by s.score desc)::integer as rnk,
        jsonb_build_object(
          'product_updates', jsonb_build_object('value', s.v_updates, 'cap', r.cap_product_updates,
              'normalized', s.n_updates, 'weight', r.w_product_updates, 'points', s.p_updates),
          'update_frequency', jsonb_build_object('value', s.v_freq, 'window_days', r.window_days,
              'normalized', s.n_freq, 'weight', r.w_update_frequency, 'points', s.p_freq),
          'rating', jsonb_build_object('value', s.v_rating,
              'normalized', s.n_rating, 'weight', r.w_rating, 'points', s.p_rating),
          'complaints', jsonb_build_object('value', s.v_complaints, 'cap', r.cap_complaints,
              'normalized', s.n_complaints, 'weight', r.w_complaints, 'points', s.p_complaints),
          'reservations', jsonb_build_object('value', s.v_res, 'cap', r.cap_reservations,
              'normalized', s.n_res, 'weight', r.w_reservations, 'points', s.p_res),
          'success_rate', jsonb_build_object('value', s.v_rate, 'successful', s.v_res_ok, 'total', s.v_res,
              'normalized', s.n_rate, 'weight', r.w_success_rate, 'points', s.p_rate),
          'penalties', jsonb_build_object('value', s.v_pen, 'count', s.v_pen_n,
              'normalized', s.n_pen, 'weight', r.w_penalties, 'points', s.p_pen)
        ) as terms
      from scored s
    ),
    -- the data-modifying CTEs (hist, cur, mer) run to completion although nothing reads them
    hist as (
      insert into public.merchant_score_history (run_id, merchant_id, rule_id, score, level, rank_in_city, terms, computed_at)
      select v_run, x.id, r.id, x.score, x.lvl, x.rnk, x.terms, v_now from ranked x
    ),
    cur as (
      insert into public.merchant_scores as sc (merchant_id, run_id, rule_id, score, level, rank_in_city, terms, computed_at)
      select x.id, v_run, r.id, x.score, x.lvl, x.rnk, x.terms, v_now from ranked x
      on conflict (merchant_id) do update
        set run_id = excluded.run_id, rule_id = excluded.rule_id, score = excluded.score, level = excluded.level,
            rank_in_city = excluded.rank_in_city, terms = excluded.terms, computed_at = excluded.computed_at
    ),
    mer as (
      update public.merchants mm
         set level = x.lvl, rank_score = x.score, rank_in_city = x.rnk
        from ranked x
       where mm.id = x.id
         and (mm.level, mm.rank_score, mm.rank_in_city) is distinct from (x.lvl, x.score, x.rnk)
    ),
    lv as (
      select x.lvl, count(*) as n from ranked x group by x.lvl
    )
    select (select count(*) from ranked),
           coalesce((select jsonb_object_agg(lv.lvl::text, lv.n order by lv.lvl) from lv), '{}'::jsonb),
           (select count(distinct x.city_code) from ranked x)
      into v_count, v_levels, v_cities;
  exception when others then
    update public.ranking_runs set status = 'failed', error = sqlerrm, finished_at = clock_timestamp() where id = v_run;
    return jsonb_build_object('run_id', v_run, 'status', 'failed', 'error', sqlerrm, 'rule_id', r.id, 'rule_version', r.version);
  end;

  update public.ranking_runs set status = 'succeeded', merchant_count = v_count, finished_at = clock_timestamp()
  where id = v_run;
  v_summary := jsonb_build_object(
    'run_id', v_run, 'status', 'succeeded', 'trigger', p_trigger,
    'rule_id', r.id, 'rule_version', r.version, 'window_days', r.window_days,
    'merchant_count', v_count, 'city_count', v_cities, 'levels', v_levels,
    'started_at', v_started, 'finished_at', clock_timestamp(),
    'duration_ms', round(extract(epoch from clock_timestamp() - v_started) * 1000));
  perform app.audit('ranking.run', 'ranking_run', v_run::text, null, v_summary, null, null);
  return v_summary;
end;
$$;
revoke execute on function public.rank_merchants(text) from public, anon;
grant execute on function public.rank_merchants(text) to authenticated, service_role;
