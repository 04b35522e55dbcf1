-- The `storage` schema as a hosted Supabase project has it (tables, helpers, grants),
-- so bucket/policy migrations written for Supabase apply unchanged to the local cluster.
-- The local storage server (storage.ts) reads and writes these tables as the caller's
-- role, so RLS on storage.objects decides exactly as it does on hosted Storage.
-- Idempotent: runs on every start, after bootstrap.sql (which creates supabase_storage_admin).

-- as on hosted since 2025: postgres is no member of supabase_storage_admin
revoke supabase_storage_admin from postgres;
grant usage on schema extensions to supabase_storage_admin;
alter role supabase_storage_admin set search_path = storage;

create schema if not exists storage authorization supabase_storage_admin;
grant usage on schema storage to anon, authenticated, service_role;
-- hosted: postgres may use the schema and pass that on, not create in it
grant usage on schema storage to postgres with grant option;
revoke create on schema storage from postgres;

set role supabase_storage_admin;

create table if not exists storage.buckets (
  id text primary key,
  name text not null,
  owner uuid,
  owner_id text,
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
create unique index if not exists bname on storage.buckets (name);
comment on column storage.buckets.owner is 'Field is deprecated, use owner_id instead';

create table if not exists storage.objects (
  id uuid primary key default extensions.gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  metadata jsonb,
  user_metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now()
);
create unique index if not exists bucketid_objname on storage.objects (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);
comment on column storage.objects.owner is 'Field is deprecated, use owner_id instead';

create table if not exists storage.migrations (
  id integer primary key,
  name varchar(100) unique not null,
  hash varchar(40) not null,
  executed_at timestamp default current_timestamp
);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;
alter table storage.migrations enable row level security;

-- 'a/b/c.png' → {a,b}
create or replace function storage.foldername(name text) returns text[]
language sql immutable
set search_path = ''
as $$
  select (string_to_array(name, '/'))[1:greatest(cardinality(string_to_array(name, '/')) - 1, 0)]
$$;

-- 'a/b/c.png' → 'c.png'
create or replace function storage.filename(name text) returns text
language sql immutable
set search_path = ''
as $$
  select (string_to_array(name, '/'))[cardinality(string_to_array(name, '/'))]
$$;

-- 'a/b/c.tar.gz' → 'gz'; no dot → the whole file name (as Supabase's helper does)
create or replace function storage.extension(name text) returns text
language sql immutable
set search_path = ''
as $$
  select reverse(split_part(reverse(storage.filename(name)), '.', 1))
$$;

create or replace function storage.update_updated_at_column() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at = now();
  return new;
end $$;

do $$ begin
  if not exists (select from pg_trigger where tgname = 'update_objects_updated_at'
                 and tgrelid = 'storage.objects'::regclass) then
    create trigger update_objects_updated_at before update on storage.objects
      for each row execute function storage.update_updated_at_column();
  end if;
end $$;

-- What POST /object/list/{bucket} runs (as the caller, so RLS filters the rows): the
-- entries one level below `prefix` ('' or 'a/b/'), folders with a null id first in the
-- same ordering as files. `levels` = number of path segments of an entry at that level.
create or replace function storage.search(
  prefix text,
  bucketname text,
  limits integer default 100,
  levels integer default 1,
  offsets integer default 0,
  search text default '',
  sortcolumn text default 'name',
  sortorder text default 'asc'
) returns table (
  name text,
  id uuid,
  updated_at timestamptz,
  created_at timestamptz,
  last_accessed_at timestamptz,
  metadata jsonb
)
language plpgsql stable
set search_path = ''
as $$
declare
  col text := case lower(coalesce(sortcolumn, 'name'))
    when 'updated_at' then 'updated_at' when 'created_at' then 'created_at'
    when 'last_accessed_at' then 'last_accessed_at' else 'name' end;
  dir text := case lower(coalesce(sortorder, 'asc')) when 'desc' then 'desc' else 'asc' end;
  pattern text := replace(replace(replace(coalesce(prefix, '') || coalesce(search, ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
begin
  return query execute format($q$
    with hits as (
      select o.path_tokens[$3] as entry, cardinality(o.path_tokens) > $3 as is_folder,
             o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
      from storage.objects o
      where o.bucket_id = $1 and o.name ilike $2 and cardinality(o.path_tokens) >= $3
    ), entries as (
      select distinct on (h.entry) h.entry as name, null::uuid as id, null::timestamptz as updated_at,
             null::timestamptz as created_at, null::timestamptz as last_accessed_at, null::jsonb as metadata, 0 as kind
      from hits h where h.is_folder
      union all
      select h.entry, h.id, h.updated_at, h.created_at, h.last_accessed_at, h.metadata, 1
      from hits h where not h.is_folder
    )
    select e.name, e.id, e.updated_at, e.created_at, e.last_accessed_at, e.metadata
    from entries e
    order by e.kind, e.%I %s nulls last, e.name
    limit $4 offset $5
  $q$, col, dir)
  using bucketname, pattern, levels, limits, offsets;
end $$;

reset role;

-- Supabase's grants: the API roles may use the schema and touch the tables; RLS decides.
grant all on storage.buckets to anon, authenticated, service_role;
grant all on storage.objects to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to postgres with grant option;
-- storage's own migration record: nobody's but storage's (hosted revoked it in 2025)
revoke all on storage.migrations from anon, authenticated, service_role, postgres;
grant execute on all functions in schema storage to anon, authenticated, service_role, postgres;
alter default privileges for role supabase_storage_admin in schema storage
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_storage_admin in schema storage
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_storage_admin in schema storage
  grant all on sequences to postgres, anon, authenticated, service_role;
