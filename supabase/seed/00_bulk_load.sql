-- Bulk-load helpers for the generated seed (all of it runs in one session, so these pg_temp
-- functions serve every later seed file). Filling a table and then building its secondary
-- indexes once is several times faster than maintaining them row by row, most of all the GIN
-- search indexes and the GiST referral-path index; at seed:scale factor 100 it is what keeps the
-- seed in minutes. Unique and constraint indexes stay, so every key is still checked as rows go in.
set maintenance_work_mem = '1GB';
set max_parallel_maintenance_workers = 2;
set work_mem = '256MB';

-- The seed's deterministic "random" number in [0, 1) for row i and a salt. Every part of the
-- expression is immutable (salt::text, not the stable text || int), so the planner inlines it:
-- called millions of times at scale, that halves its cost.
create or replace function pg_temp.rnd(i bigint, salt int)
returns double precision language sql immutable as $$
  select ('x' || substr(md5(i::text || ':' || salt::text), 1, 8))::bit(32)::bigint / 4294967296.0
$$;

-- Who the seed's RPC calls run as (the money seed): the claims PostgREST would set for the
-- service key or a demo login. Made here because a seed file cannot call a function it makes
-- itself (the CLI prepares a file's statements before running any).
create or replace function pg_temp.act_as(who text) returns void language sql as $$
  select set_config('request.jwt.claims', case who
    when 'service' then '{"role":"service_role"}'
    when 'finance' then '{"sub":"00000000-0000-4000-a000-000000000004","role":"authenticated"}'
    when 'admin' then '{"sub":"00000000-0000-4000-a000-000000000001","role":"authenticated"}' end, false)
$$;

create temp table if not exists seed_dropped_indexes (tbl regclass not null, name text not null, def text not null);

create or replace function pg_temp.seed_drop_indexes(variadic p_tables regclass[])
returns void language plpgsql as $$
declare
  r record;
begin
  for r in
    select i.indrelid::regclass as tbl, i.indexrelid::regclass as idx, pg_get_indexdef(i.indexrelid) as def
      from pg_index i
     where i.indrelid = any (p_tables) and not i.indisunique and not i.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
  loop
    insert into seed_dropped_indexes values (r.tbl, r.idx::text, r.def);
    execute format('drop index %s', r.idx);
  end loop;
end $$;

create or replace function pg_temp.seed_restore_indexes(variadic p_tables regclass[])
returns void language plpgsql as $$
declare
  r record;
begin
  for r in delete from seed_dropped_indexes where tbl = any (p_tables) returning def loop
    execute r.def;
  end loop;
  -- later seed statements join these tables: give the planner their real size
  for r in select unnest(p_tables) as tbl loop
    execute format('analyze %s', r.tbl);
  end loop;
end $$;

-- Per-row foreign-key checks are most of what the big inserts cost. seed_unchecked(true, …)
-- switches them off for the transaction (replica mode, which skips every ordinary trigger);
-- the triggers named in p_keep ('schema.table.trigger', e.g. the trades' money postings) are set
-- to fire always meanwhile, and back to normal with seed_unchecked(false, …the same names).
-- seed_check_foreign_keys then checks every foreign key of the tables at once, one anti-join
-- each, and fails the seed on the first broken reference: the data meets the same rules.
create or replace function pg_temp.seed_unchecked(p_on boolean, variadic p_keep text[] default '{}')
returns void language plpgsql as $$
declare
  t text;
  parts text[];
begin
  foreach t in array p_keep loop
    parts := regexp_match(t, '^(.+)\.([^.]+)$');
    execute format('alter table %s enable %s trigger %I', parts[1], case when p_on then 'always' else '' end, parts[2]);
  end loop;
  -- a plain SET: hosted Supabase lets postgres SET this superuser setting (supautils), not set_config() it
  if p_on then
    set local session_replication_role = replica;
  else
    set local session_replication_role = origin;
  end if;
end $$;

create or replace function pg_temp.seed_check_foreign_keys(variadic p_tables regclass[])
returns void language plpgsql as $$
declare
  r record;
  bad bigint;
begin
  for r in
    select c.conname, c.conrelid::regclass as tbl, c.confrelid::regclass as ref,
      (select string_agg(format('c.%I = p.%I', a.attname, b.attname), ' and ')
         from unnest(c.conkey, c.confkey) k (ck, fk)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.ck
         join pg_attribute b on b.attrelid = c.confrelid and b.attnum = k.fk) as matches,
      (select string_agg(format('c.%I is not null', a.attname), ' and ')
         from unnest(c.conkey) k (ck)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.ck) as present
    from pg_constraint c
    where c.contype = 'f' and c.conrelid = any (p_tables)
  loop
    execute format('select count(*) from %s c where %s and not exists (select 1 from %s p where %s)',
                   r.tbl, r.present, r.ref, r.matches) into bad;
    if bad > 0 then
      raise exception 'seed: % rows of % break foreign key %', bad, r.tbl, r.conname;
    end if;
  end loop;
end $$;
