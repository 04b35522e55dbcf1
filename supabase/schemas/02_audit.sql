-- Audit log (操作日志, R-ACL-3): append-only; every state change, money action and permission
-- change writes one row through app.audit() in the same transaction; every export of a list
-- writes one through export_record(). The log is read through v_audit_log: the reader's region
-- scope decides the rows, and PII inside before/after is masked for roles without the right.
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

-- Every staff member reads their own actions; admin and analyst read the rows of their regions
-- (a row without a region only when unscoped).
create policy audit_log_read on public.audit_log for select to authenticated
  using (actor_id = (select auth.uid())
         or ((select app.has_role('admin', 'analyst'))
             and ((select app.all_regions()) is distinct from false or region_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.audit_log from public, anon, authenticated, service_role;
grant maintain, references, trigger on table public.audit_log to authenticated, service_role;
grant select on table public.audit_log to service_role;
-- Every column but before and after (they may hold phones, ID and bank numbers, payee names):
-- v_audit_log reads them through app.audit_entry(), masked for roles without PII rights.
grant select (id, at, actor_id, actor_email, actor_role, action, entity, entity_id, reason, region_code) on table public.audit_log to authenticated;
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

-- PII inside an audit row's before/after, masked by key wherever it sits (nested objects and
-- arrays included): phones (phone, *_phone) and ID numbers (id_number, *_id_number) unless
-- `person`; payee and bank details (payee_name, holder_name, account_no, *_account_no) unless
-- `payee`; real names (real_name) unless `person`; ciphertext and keyed hashes (*_enc,
-- account_hash) always.
create or replace function app.audit_mask(j jsonb, person boolean, payee boolean)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  out jsonb;
begin
  if j is null then
    return null;
  end if;
  if jsonb_typeof(j) = 'array' then
    select coalesce(jsonb_agg(app.audit_mask(e.v, person, payee) order by e.n), '[]') into out
      from jsonb_array_elements(j) with ordinality e (v, n);
    return out;
  end if;
  if jsonb_typeof(j) <> 'object' then
    return j;
  end if;
  select jsonb_object_agg(e.k, case
      when jsonb_typeof(e.v) in ('object', 'array') then app.audit_mask(e.v, person, payee)
      when jsonb_typeof(e.v) = 'null' then e.v
      when e.k like '%\_enc' or e.k = 'account_hash' then to_jsonb('****'::text)
      when not person and (e.k = 'phone' or e.k like '%\_phone') then to_jsonb(app.mask(e.v #>> '{}', 'phone'))
      when not person and (e.k = 'id_number' or e.k like '%\_id\_number') then to_jsonb(app.mask(e.v #>> '{}', 'id'))
      when not person and e.k = 'real_name' then to_jsonb(app.mask_name(e.v #>> '{}'))
      when not payee and e.k in ('payee_name', 'holder_name') then to_jsonb(app.mask_name(e.v #>> '{}'))
      when not payee and (e.k = 'account_no' or e.k like '%\_account\_no') then to_jsonb(app.mask(e.v #>> '{}', 'bank'))
      else e.v end)
    into out from jsonb_each(j) e (k, v);
  return coalesce(out, '{}');
end;
$$;

-- An audit row's before or after for v_audit_log, as the caller may see it: the row only if the
-- caller may read it (audit_log_read), people's details in full only for admins (customer
-- service's right to a member's phone is need-to-know, case by case, not the audit log's),
-- payee and bank details only for admin and finance.
create or replace function app.audit_entry(p_id bigint, p_side text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select app.audit_mask(case p_side when 'before' then l.before when 'after' then l.after end,
                        app.has_role('admin'), app.can_see_pii('payee'))
  from public.audit_log l
  where l.id = p_id
    and (l.actor_id = (select auth.uid())
         or (app.has_role('admin', 'analyst') and (app.all_regions() or l.region_code = any (app.scope_cities()))))
$$;

-- Every export of a list is recorded (who, which list, the filter, how many rows, the format):
-- the panel calls this when it writes a file. Any staff member may export what they may read;
-- the rows themselves come from the same read views, masked as on screen.
create or replace function public.export_record(p_resource text, p_filter jsonb default null, p_rows integer default null,
  p_format text default 'csv')
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not app.is_staff() then
    perform app.fail('not_permitted', 'staff only', '42501');
  end if;
  if coalesce(p_resource, '') !~ '^[a-z][a-z0-9_]{0,62}$' then
    perform app.fail('invalid_input', 'the resource is a list name (lower case letters, digits, _)');
  end if;
  if p_filter is not null and (jsonb_typeof(p_filter) <> 'object' or octet_length(p_filter::text) > 8000) then
    perform app.fail('invalid_input', 'the filter is a JSON object of at most 8,000 bytes');
  end if;
  if p_rows is null or p_rows < 0 then
    perform app.fail('invalid_input', 'the row count is required');
  end if;
  if coalesce(p_format, '') !~ '^[a-z0-9]{1,10}$' then
    perform app.fail('invalid_input', 'the format is a short name such as csv or xlsx');
  end if;
  return app.audit('export.' || p_resource, p_resource, null, null,
    jsonb_build_object('filter', coalesce(p_filter, '{}'), 'rows', p_rows, 'format', p_format), null, null);
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
revoke all on function app.audit_mask(j jsonb, person boolean, payee boolean), app.audit_entry(p_id bigint, p_side text)
  from public, anon, authenticated, service_role;
grant execute on function app.audit_mask(j jsonb, person boolean, payee boolean), app.audit_entry(p_id bigint, p_side text)
  to authenticated, service_role;
revoke all on function public.export_record(p_resource text, p_filter jsonb, p_rows integer, p_format text)
  from public, anon, authenticated, service_role;
grant execute on function public.export_record(p_resource text, p_filter jsonb, p_rows integer, p_format text)
  to authenticated, service_role;
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

-- Views ---------------------------------------------------------------------------------------

-- The audit list (操作日志) and every entity's audit tab read this view: audit_log's own rows
-- (audit_log_read: own actions, or admin and analyst within their regions), before and after
-- through app.audit_entry() (looked up for the page's rows only), masked as the reader may see.
create or replace view public.v_audit_log with (security_invoker = on) as
select l.id, l.at, l.actor_id, l.actor_email, l.actor_role, l.action, l.entity, l.entity_id,
  app.audit_entry(l.id, 'before') as before, app.audit_entry(l.id, 'after') as after,
  l.reason, l.region_code
from public.audit_log l;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_audit_log from public, anon, authenticated, service_role;
grant select on table public.v_audit_log to authenticated;
grant all on table public.v_audit_log to service_role;
