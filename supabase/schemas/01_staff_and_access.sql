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

-- A colleague's display name for screens that say who did a step (a pending refund's requester):
-- staff read only their own staff row, so names come through here, to staff callers only.
create or replace function app.staff_name(p_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select s.display_name from public.staff s where s.id = p_id and app.is_staff()
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
  perform app.require_all_regions();
  perform app.require_text(p_display_name, 'display_name', 1, 60);
  perform app.require_given(p_role, 'role');
  perform app.require_region_codes(p_region_codes);
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
  perform app.require_all_regions();
  if p_display_name is not null and btrim(p_display_name) <> '' then
    perform app.require_text(p_display_name, 'display_name', 1, 60);
  end if;
  if p_region_codes is not null then
    perform app.require_region_codes(p_region_codes);
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
  perform app.require_all_regions();
  perform app.require_given(p_active, 'active');
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
  perform app.require_all_regions();
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

-- Money actions and PII reveals need the second factor (aal2) from anyone who has enrolled
-- one, and from every staff member whose role is in core_settings.mfa_required_roles. The
-- service key is not a person. Refused with mfa_required: the panel then asks for the code.
create or replace function app.require_mfa()
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if app.is_service() or coalesce((select auth.jwt()) ->> 'aal', 'aal1') = 'aal2' then
    return;
  end if;
  if app.staff_role() = any ((app.settings()).mfa_required_roles)
     or exists (select 1 from auth.mfa_factors f where f.user_id = (select auth.uid()) and f.status = 'verified') then
    perform app.fail('mfa_required', 'confirm it with your authenticator app first', '42501');
  end if;
end;
$$;

-- Work across every region (settlement, statement import, rules, staff accounts) needs a staff
-- member without a region scope, or the service key.
create or replace function app.require_all_regions()
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not app.is_service() and not app.all_regions() then
    perform app.fail('out_of_region', 'this needs a staff member without a region scope', '42501');
  end if;
end;
$$;

-- A staff member's region scope as staff.region_codes accepts it: six-digit codes, no nulls.
create or replace function app.require_region_codes(codes text[])
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if array_position(codes, null) is not null or array_to_string(codes, ',') !~ '^([0-9]{6}(,|$))*$' then
    perform app.fail('invalid_input', 'region codes are six-digit GB/T 2260 codes');
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
  app.require_all_regions(),
  app.require_region_codes(codes text[]),
  app.require_mfa(),
  app.in_region_or_service(code text),
  app.scope_cities(),
  app.staff_name(p_id uuid),
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
  app.require_all_regions(),
  app.require_region_codes(codes text[]),
  app.require_mfa(),
  app.in_region_or_service(code text),
  app.scope_cities(),
  app.staff_name(p_id uuid),
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
