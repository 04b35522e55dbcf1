-- Who reads staff rows, and the only ways to change them (each audited).
revoke all on public.staff from anon;
revoke insert, update, delete, truncate on public.staff from authenticated;
grant select on public.staff to authenticated;

create policy staff_read on public.staff for select to authenticated
  using (id = (select auth.uid()) and active or app.has_role('admin'));

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

revoke execute on function public.staff_register(uuid, text, public.staff_role, text[], text),
  public.staff_update(uuid, text, public.staff_role, text[], text, text),
  public.staff_set_active(uuid, boolean, text), public.my_staff() from public, anon;
grant execute on function public.staff_register(uuid, text, public.staff_role, text[], text),
  public.staff_update(uuid, text, public.staff_role, text[], text, text),
  public.staff_set_active(uuid, boolean, text), public.my_staff() to authenticated, service_role;
