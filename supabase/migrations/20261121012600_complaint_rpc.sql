-- Complaint machine (DOMAIN.md):
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

-- Scheduled: escalate unanswered complaints, close resolved ones after the confirmation window.
create or replace function public.complaint_run_timers()
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
           and app.in_region_or_service(c.city_code) limit 5000
  loop
    perform public.complaint_escalate(r.id, 'merchant reply deadline passed');
    escalated := escalated + 1;
  end loop;
  for r in select c.id from public.complaints c where c.state = 'resolved'
           and c.resolved_at < now() - make_interval(days => (app.settings()).complaint_auto_close_days)
           and app.in_region_or_service(c.city_code) limit 5000
  loop
    perform public.complaint_close(r.id, 'auto-closed after the confirmation window');
    closed := closed + 1;
  end loop;
  return jsonb_build_object('escalated', escalated, 'closed', closed);
end;
$$;

revoke execute on function public.complaint_submit(uuid, uuid, public.complaint_category, text, text, text[], uuid, uuid),
  public.complaint_assign(uuid, uuid), public.complaint_accept(uuid, public.complaint_category, public.complaint_severity, text),
  public.complaint_dismiss(uuid, text, text), public.complaint_request_merchant(uuid, integer, text),
  public.complaint_merchant_replied(uuid, text), public.complaint_escalate(uuid, text),
  public.complaint_resolve(uuid, public.complaint_outcome, text, text, numeric, integer), public.complaint_close(uuid, text),
  public.complaint_reopen(uuid, text, text), public.complaint_withdraw(uuid, text),
  public.complaint_add_message(uuid, public.complaint_message_kind, text, text[]), public.merchant_penalty_revoke(uuid, text),
  public.complaint_run_timers() from public, anon;
grant execute on function public.complaint_submit(uuid, uuid, public.complaint_category, text, text, text[], uuid, uuid),
  public.complaint_assign(uuid, uuid), public.complaint_accept(uuid, public.complaint_category, public.complaint_severity, text),
  public.complaint_dismiss(uuid, text, text), public.complaint_request_merchant(uuid, integer, text),
  public.complaint_merchant_replied(uuid, text), public.complaint_escalate(uuid, text),
  public.complaint_resolve(uuid, public.complaint_outcome, text, text, numeric, integer), public.complaint_close(uuid, text),
  public.complaint_reopen(uuid, text, text), public.complaint_withdraw(uuid, text),
  public.complaint_add_message(uuid, public.complaint_message_kind, text, text[]), public.merchant_penalty_revoke(uuid, text),
  public.complaint_run_timers() to authenticated, service_role;
