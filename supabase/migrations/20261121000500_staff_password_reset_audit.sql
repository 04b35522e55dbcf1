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
revoke execute on function public.staff_record_password_reset(uuid) from public, anon;
grant execute on function public.staff_record_password_reset(uuid) to authenticated, service_role;
