-- Staff accounts, their roles and region scopes, and the helpers every policy uses.
create type public.staff_role as enum ('admin', 'reviewer', 'customer_service', 'finance', 'analyst');

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

create or replace function app.staff_role()
returns public.staff_role
language sql
stable
security definer
set search_path = ''
as $$
  select s.role from public.staff s where s.id = (select auth.uid()) and s.active
$$;

create or replace function app.has_role(variadic roles public.staff_role[])
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select s.role = any (roles) from public.staff s where s.id = (select auth.uid()) and s.active), false)
$$;

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

-- Who may read phone, ID and bank numbers in full (DOMAIN.md "PII"): admin everywhere,
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

-- Masks a phone (138****5678), an ID number (4101**********1234) or a bank account (**** 1234).
create or replace function app.mask(value text, kind text default 'phone')
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when value is null then null
    when kind = 'bank' then '**** ' || right(value, 4)
    when kind = 'id' and length(value) > 8 then left(value, 4) || repeat('*', length(value) - 8) || right(value, 4)
    when length(value) >= 7 then left(value, 3) || repeat('*', length(value) - 7) || right(value, 4)
    else repeat('*', length(value))
  end
$$;

grant execute on function app.current_staff(), app.staff_role(), app.is_staff(), app.in_region(text),
  app.can_see_pii(text), app.mask(text, text), app.has_role(public.staff_role[])
  to authenticated, service_role;
