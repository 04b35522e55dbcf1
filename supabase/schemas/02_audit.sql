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

-- Direct writes through the API (admins editing the catalogue, categories, settings, a
-- listing's fields) are audited row by row. It runs as the caller (security invoker): writes
-- made inside the RPCs run as the functions' owner and are audited by the RPCs themselves.
create or replace function app.audit_row_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  before jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  after jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  changed jsonb;
begin
  if current_user not in ('authenticated', 'anon') then
    return null;
  end if;
  if tg_op = 'UPDATE' then
    -- only what changed, so the log says what the edit was
    select jsonb_object_agg(k, before -> k) into changed from jsonb_object_keys(after) k where after -> k is distinct from before -> k;
    if changed is null then
      return null;
    end if;
    after := (select jsonb_object_agg(k, after -> k) from jsonb_object_keys(changed) k);
    before := changed;
  end if;
  perform app.audit(tg_table_name || '.' || lower(tg_op), tg_table_name,
    coalesce(after ->> 'id', before ->> 'id', to_jsonb(coalesce(new, old)) ->> 'id'), before, after, null,
    to_jsonb(coalesce(new, old)) ->> 'city_code');
  return null;
end;
$$;

-- Sign-in events (登录事件) from the auth server's own trail, auth.audit_log_entries (GoTrue's
-- payload): sign-ins and failed attempts, sign-outs, MFA, password and e-mail changes, with
-- the client address. Newest first; admins only.
create or replace function public.auth_events(p_from timestamptz default null, p_to timestamptz default null, p_limit integer default 200)
returns table (id uuid, at timestamptz, action text, log_type text, actor_id uuid, actor_email text, ip_address text, traits jsonb)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admins may read sign-in events', '42501');
  end if;
  -- everyone's sign-ins: not for an admin limited to some regions
  perform app.require_all_regions();
  return query
    select e.id, e.created_at, e.payload ->> 'action', e.payload ->> 'log_type',
           (e.payload ->> 'actor_id')::uuid, e.payload ->> 'actor_username', e.ip_address::text,
           coalesce((e.payload -> 'traits')::jsonb, '{}'::jsonb)
    from auth.audit_log_entries e
    where (p_from is null or e.created_at >= p_from) and (p_to is null or e.created_at < p_to)
    order by e.created_at desc, e.id
    limit least(greatest(coalesce(p_limit, 200), 1), 1000);
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.forbid_audit_change() from public, anon, authenticated, service_role;
grant execute on function app.forbid_audit_change() to public;
revoke all on function app.audit_row_change() from public, anon, authenticated, service_role;
grant execute on function app.audit_row_change() to authenticated, service_role;
revoke all on function app.audit(action text, entity text, entity_id text, before jsonb, after jsonb, reason text, region_code text) from public, anon, authenticated, service_role;
grant execute on function app.audit(action text, entity text, entity_id text, before jsonb, after jsonb, reason text, region_code text) to public, authenticated, service_role;
revoke all on function public.auth_events(p_from timestamptz, p_to timestamptz, p_limit integer) from public, anon, authenticated, service_role;
grant execute on function public.auth_events(p_from timestamptz, p_to timestamptz, p_limit integer) to authenticated;

-- Triggers ------------------------------------------------------------------------------------

create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function app.forbid_audit_change();

create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function app.forbid_audit_change();
