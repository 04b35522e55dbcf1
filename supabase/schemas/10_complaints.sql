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
-- foreign keys: a delete or key change of the referenced row finds its referrers by index
create index complaint_messages_author_staff_id_idx on public.complaint_messages (author_staff_id) where author_staff_id is not null;

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
  perform app.require_given(p_category, 'category');
  perform app.require_text(p_title, 'title', 2, 120);
  perform app.require_given(p_content, 'content');
  select * into m from public.merchants where id = p_merchant_id;
  if m.id is null then
    perform app.fail('not_found', 'no merchant ' || p_merchant_id);
  end if;
  perform app.require_region(m.city_code);
  if not exists (select 1 from public.members x where x.id = p_member_id) then
    perform app.fail('not_found', 'no member ' || p_member_id);
  end if;
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
  perform app.require_text(p_body, 'the merchant''s reply', 1, 4000);
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
  -- the size as merchant_penalties stores it: numeric(6, 2), above 0
  if p_penalty_size is not null and (p_outcome = 'not_upheld' or round(p_penalty_size, 2) not between 0.01 and 9999.99
      or coalesce(p_penalty_days, 0) not between 1 and 365) then
    perform app.fail('invalid_input', 'a penalty needs an upheld outcome, a size of 0.01 to 9999.99 and 1 to 365 days');
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
  perform app.require_given(p_kind, 'kind');
  perform app.require_text(p_body, 'body', 1, 4000);
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
  perform app.require_all_regions();
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
