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
create index audit_log_at_idx on public.audit_log (at desc);
create index audit_log_actor_at_idx on public.audit_log (actor_id, at desc);
create index audit_log_entity_idx on public.audit_log (entity, entity_id, at desc);
create index audit_log_action_at_idx on public.audit_log (action, at desc);

alter table public.audit_log enable row level security;
revoke insert, update, delete, truncate on public.audit_log from anon, authenticated, service_role;
revoke all on public.audit_log from anon;

-- admin and analyst read everything; every other staff member reads their own actions.
create policy audit_log_read on public.audit_log for select to authenticated
  using (app.has_role('admin', 'analyst') or actor_id = (select auth.uid()));

create or replace function app.forbid_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = 'audit_append_only', detail = 'audit_log rows cannot be changed or deleted';
end;
$$;
create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function app.forbid_audit_change();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function app.forbid_audit_change();

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
grant execute on function app.audit(text, text, text, jsonb, jsonb, text, text) to authenticated, service_role;
