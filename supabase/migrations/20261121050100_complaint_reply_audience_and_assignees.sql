-- Customer service talks to both sides of a complaint: a staff reply goes to the member or to
-- the merchant (R-CMP-2). The audience is recorded on the message; internal notes have none.
-- Also: the people a complaint may be assigned to, for staff who cannot read the staff table.

alter table public.complaint_messages
  add column audience text check (audience in ('member', 'merchant')),
  add constraint complaint_messages_audience check (kind = 'reply' or audience is null);
comment on column public.complaint_messages.audience is
  'who a staff reply is addressed to (member or merchant); null for notes and for messages written by the member or merchant';

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
revoke execute on function public.complaint_reply(uuid, text, text, text[]) from public, anon;
grant execute on function public.complaint_reply(uuid, text, text, text[]) to authenticated, service_role;

create or replace view public.v_complaint_messages with (security_invoker = on) as
select x.id, x.complaint_id, x.kind, x.author_kind, x.author_staff_id, s.display_name as author_name,
  x.body, x.attachments, x.created_at, x.audience
from public.complaint_messages x
left join public.staff s on s.id = x.author_staff_id;

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
revoke execute on function public.complaint_assignees() from public, anon;
grant execute on function public.complaint_assignees() to authenticated, service_role;
