-- Notifications (通知): what the platform tells merchants, applicants and members when something
-- happens to them. A change of state enqueues one outbox row per channel in the same transaction
-- (AFTER triggers on the state columns below, so no state-changing function had to change); the
-- `notify` edge function, run by the schedule every minute, claims due rows, renders them with
-- the templates (app.notification_render, the same function the panel's preview uses), sends
-- them and records the result, retrying with exponential backoff. docs/DOMAIN.md, "Notifications".
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

create type public.notification_event as enum (
  'application_approved', 'application_rejected', 'application_need_more_info',
  'complaint_awaiting_merchant', 'penalty_imposed',
  'fee_due', 'fee_grace', 'fee_lapsed',
  'listing_rejected', 'listing_delisted',
  'withdrawal_paid', 'withdrawal_rejected');

create type public.notification_channel as enum ('sms', 'email', 'wechat');

-- pending → sending → sent | pending (retry later) | failed (gave up); not_configured: the
-- channel has no credentials (or the template no provider template code) where notify runs,
-- so the row waits, pending in all but name, until it has.
create type public.notification_state as enum ('pending', 'not_configured', 'sending', 'sent', 'failed');

-- applicant: a merchant application (no merchant exists before approval)
create type public.notification_recipient_kind as enum ('merchant', 'member', 'applicant');

-- Tables --------------------------------------------------------------------------------------

-- How to reach a recipient on the channels that have no column of their own (the phone for SMS
-- is the merchant's, member's or application's own). Private: read by the functions below only.
create table app.notification_contacts (
  recipient_kind public.notification_recipient_kind not null,
  recipient_id uuid not null,
  email text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  wechat_openid text check (wechat_openid ~ '^[A-Za-z0-9_-]{6,64}$'),
  primary key (recipient_kind, recipient_id)
);
comment on table app.notification_contacts is 'e-mail address and WeChat openid of merchants, applicants and members, for notifications';
alter table app.notification_contacts enable row level security;

-- One template per event and channel. subject: e-mail only. body: the text (e-mail, and what
-- the provider's approved SMS template says). provider_template_code: the SMS template code or
-- the WeChat subscription template id; provider_params: the provider template's variables, each
-- a template of its own ({"name": "{{merchant_name}}"}; Tencent's are sent in key order 1, 2, …).
create table public.notification_templates (
  event public.notification_event not null,
  channel public.notification_channel not null,
  enabled boolean not null default true,
  subject text not null default '' check (char_length(subject) <= 200),
  body text not null check (char_length(btrim(body)) between 1 and 2000),
  provider_template_code text not null default '' check (char_length(provider_template_code) <= 100),
  provider_params jsonb not null default '{}' check (jsonb_typeof(provider_params) = 'object'),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (event, channel)
);
comment on table public.notification_templates is '通知模板: per event and channel, {{placeholders}} filled from the outbox payload';
alter table public.notification_templates enable row level security;

-- The outbox: one row per delivery (event occurrence × recipient × channel, the idempotency key).
create table public.notification_outbox (
  id bigint generated always as identity primary key,
  event public.notification_event not null,
  recipient_kind public.notification_recipient_kind not null,
  recipient_id uuid not null,
  channel public.notification_channel not null,
  -- the region of what happened, for staff's region scope
  city_code text,
  entity text not null,
  entity_id uuid not null,
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  state public.notification_state not null default 'pending',
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  claimed_at timestamptz,
  last_error text,
  provider_message_id text,
  idempotency_key text not null unique,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  constraint notification_outbox_sent check ((state = 'sent') = (sent_at is not null))
);
comment on table public.notification_outbox is '通知发件箱: written by triggers in the transaction of the change, delivered by the notify function';
alter table public.notification_outbox enable row level security;

-- Indexes -------------------------------------------------------------------------------------

-- what notify claims: the due rows of the waiting states
create index notification_outbox_due_idx on public.notification_outbox (next_attempt_at, id)
  where state in ('pending', 'not_configured', 'sending');

create index notification_outbox_created_idx on public.notification_outbox (created_at desc, id desc);

create index notification_outbox_city_idx on public.notification_outbox (city_code, created_at desc);

create index notification_outbox_entity_idx on public.notification_outbox (entity_id);

-- Row-level security --------------------------------------------------------------------------

-- Admins and customer service read the outbox of their regions; nobody writes it directly.
create policy notification_outbox_read on public.notification_outbox for select to authenticated
  using ((select app.has_role('admin', 'customer_service'))
         and ((select app.all_regions()) or city_code = any ((select app.scope_cities())::text[])));

create policy notification_templates_read on public.notification_templates for select to authenticated
  using ((select app.has_role('admin', 'customer_service')));

-- Privileges (row-level security above decides which rows) ------------------------------------

revoke all on table app.notification_contacts from public, anon, authenticated, service_role;
revoke all on table public.notification_outbox, public.notification_templates from public, anon, authenticated, service_role;
grant select on table public.notification_outbox, public.notification_templates to authenticated;
grant select on table public.notification_outbox, public.notification_templates to service_role;
revoke all on sequence public.notification_outbox_id_seq from public, anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Fills {{key}} with the payload's value; a key the payload lacks stays as written, so a preview
-- shows it. The panel's preview and the sender both render through this.
create or replace function app.notification_render(template text, payload jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  out text := coalesce(template, '');
  k text;
  v text;
begin
  for k, v in select e.key, e.value from jsonb_each_text(coalesce(payload, '{}')) e loop
    out := replace(out, '{{' || k || '}}', coalesce(v, ''));
  end loop;
  return out;
end;
$$;

-- The payload every event carries, with sample values: the preview renders these and a template
-- may use only these keys.
create or replace function app.notification_sample(p_event public.notification_event)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select case p_event
    when 'application_approved' then '{"merchant_name": "杭州诚信二手车有限公司", "fee_plan": "年付"}'
    when 'application_rejected' then '{"merchant_name": "杭州诚信二手车有限公司", "reason": "营业执照无效"}'
    when 'application_need_more_info' then '{"merchant_name": "杭州诚信二手车有限公司", "reason": "请补充门店照片"}'
    when 'complaint_awaiting_merchant' then '{"merchant_name": "杭州诚信二手车有限公司", "complaint_title": "车况与描述不符", "reply_due_at": "2026-12-05 18:00"}'
    when 'penalty_imposed' then '{"merchant_name": "杭州诚信二手车有限公司", "penalty_size": "10.00", "penalty_reason": "投诉成立", "expires_at": "2027-01-05"}'
    when 'fee_due' then '{"merchant_name": "杭州诚信二手车有限公司", "fee_paid_until": "2026-12-31"}'
    when 'fee_grace' then '{"merchant_name": "杭州诚信二手车有限公司", "fee_paid_until": "2026-12-31", "grace_until": "2027-01-15"}'
    when 'fee_lapsed' then '{"merchant_name": "杭州诚信二手车有限公司", "fee_paid_until": "2026-12-31"}'
    when 'listing_rejected' then '{"merchant_name": "杭州诚信二手车有限公司", "listing_title": "2020款 大众帕萨特 330TSI", "reason": "照片不清晰"}'
    when 'listing_delisted' then '{"merchant_name": "杭州诚信二手车有限公司", "listing_title": "2020款 大众帕萨特 330TSI", "reason": "价格异常"}'
    when 'withdrawal_paid' then '{"recipient_name": "王建国", "withdrawal_no": "WD202612010001", "amount_yuan": "¥1,200.00", "net_yuan": "¥1,194.00"}'
    when 'withdrawal_rejected' then '{"recipient_name": "王建国", "withdrawal_no": "WD202612010001", "amount_yuan": "¥1,200.00", "reason": "收款账户信息有误"}'
  end::jsonb
$$;

-- ¥ with two decimals, as the panel shows money
create or replace function app.notification_yuan(fen bigint)
returns text
language sql
immutable
set search_path = ''
as $$
  select '¥' || pg_catalog.to_char(fen / 100.0, 'FM999,999,999,990.00')
$$;

-- Beijing time, minutes
create or replace function app.notification_time(ts timestamptz)
returns text
language sql
stable
set search_path = ''
as $$
  select pg_catalog.to_char(ts at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
$$;

-- Where a recipient is reached on a channel (null: not on that one). SMS goes to mobile numbers only.
create or replace function app.notification_address(
  p_kind public.notification_recipient_kind, p_id uuid, p_channel public.notification_channel)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when p_channel = 'sms' then (
      select p.phone from (
        select m.contact_phone as phone from public.merchants m where p_kind = 'merchant' and m.id = p_id
        union all
        select b.phone from public.members b where p_kind = 'member' and b.id = p_id
        union all
        select a.contact_phone from public.merchant_applications a where p_kind = 'applicant' and a.id = p_id
      ) p where p.phone ~ '^1[3-9][0-9]{9}$' limit 1)
    when p_channel = 'email' then (
      select c.email from app.notification_contacts c where c.recipient_kind = p_kind and c.recipient_id = p_id)
    else (
      select c.wechat_openid from app.notification_contacts c where c.recipient_kind = p_kind and c.recipient_id = p_id)
  end
$$;

-- Enqueues an event for a recipient: one row per enabled template of the event whose channel
-- reaches the recipient. p_occurrence tells this occurrence of the event from another of the
-- same entity; with the recipient and the channel it makes the idempotency key, so enqueueing
-- twice delivers once. Renders nothing: notify renders when it sends.
create or replace function app.notify_enqueue(
  p_event public.notification_event,
  p_recipient_kind public.notification_recipient_kind,
  p_recipient_id uuid,
  p_occurrence text,
  p_city_code text,
  p_entity text,
  p_entity_id uuid,
  p_payload jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  n integer;
begin
  if p_recipient_id is null then
    return 0;
  end if;
  insert into public.notification_outbox (event, recipient_kind, recipient_id, channel, city_code, entity, entity_id, payload, idempotency_key)
  select p_event, p_recipient_kind, p_recipient_id, t.channel, p_city_code, p_entity, p_entity_id, p_payload,
         concat_ws(':', p_event, p_occurrence, p_recipient_kind, p_recipient_id, t.channel)
    from public.notification_templates t
   where t.event = p_event and t.enabled
     and app.notification_address(p_recipient_kind, p_recipient_id, t.channel) is not null
  on conflict (idempotency_key) do nothing;
  get diagnostics n = row_count;
  return n;
end;
$$;

-- This transaction's moment: a state change happens once per entity and transaction.
create or replace function app.notification_occurrence(p_id uuid)
returns text
language sql
stable
set search_path = ''
as $$
  select p_id::text || '@' || pg_catalog.to_char(pg_catalog.now() at time zone 'UTC', 'YYYYMMDDHH24MISSUS')
$$;

-- Waiting time before attempt n + 1 after n failed attempts: 30 s, 1 min, 2 min, … at most an hour.
create or replace function app.notification_backoff(attempts integer)
returns interval
language sql
immutable
set search_path = ''
as $$
  select least(interval '1 hour', interval '30 seconds' * power(2, greatest(attempts, 1) - 1))
$$;

-- Attempts after which a message is given up (failed); an admin may retry it.
create or replace function app.notification_max_attempts()
returns integer
language sql
immutable
set search_path = ''
as $$
  select 6
$$;

-- notify's claim: the due rows of the channels it can send (p_channels; e-mail needs no provider
-- template, SMS and WeChat do), locked with skip locked so concurrent runs never claim the same
-- row, moved to sending with one more attempt, rendered. Rows of channels it cannot send wait
-- as not_configured. A row left in sending for 10 minutes (a run that died) is due again.
create or replace function public.notification_claim(p_channels public.notification_channel[], p_limit integer default 50)
returns table (
  id bigint, event public.notification_event, channel public.notification_channel, address text,
  subject text, body text, provider_template_code text, provider_params jsonb, attempts integer)
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not app.is_service() then
    perform app.fail('not_permitted', 'notification_claim is called by the notify function', '42501');
  end if;
  -- skip locked here too: concurrent runs must not wait on (or deadlock over) each other's rows
  update public.notification_outbox o set state = 'not_configured'
   where o.id in (
     select w.id from public.notification_outbox w
      where w.state = 'pending'
        and not exists (select 1 from public.notification_templates t
                         where t.event = w.event and t.channel = w.channel and w.channel = any (p_channels)
                           and (w.channel = 'email' or t.provider_template_code <> ''))
      for update skip locked);
  return query
  with due as (
    select o.id from public.notification_outbox o
     where o.state in ('pending', 'not_configured', 'sending')
       and (o.state <> 'sending' or o.claimed_at < pg_catalog.now() - interval '10 minutes')
       and o.next_attempt_at <= pg_catalog.now()
       and o.channel = any (p_channels)
       and exists (select 1 from public.notification_templates t
                    where t.event = o.event and t.channel = o.channel
                      and (o.channel = 'email' or t.provider_template_code <> ''))
     order by o.next_attempt_at, o.id
     limit greatest(1, least(coalesce(p_limit, 50), 500))
     for update of o skip locked
  ), claimed as (
    update public.notification_outbox o
       set state = 'sending', attempts = o.attempts + 1, claimed_at = pg_catalog.now()
      from due where o.id = due.id
    returning o.id, o.event, o.channel, o.recipient_kind, o.recipient_id, o.payload, o.attempts
  )
  select c.id, c.event, c.channel, app.notification_address(c.recipient_kind, c.recipient_id, c.channel),
         app.notification_render(t.subject, c.payload), app.notification_render(t.body, c.payload),
         t.provider_template_code,
         coalesce((select jsonb_object_agg(p.key, app.notification_render(p.value, c.payload))
                     from jsonb_each_text(t.provider_params) p), '{}'::jsonb),
         c.attempts
    from claimed c join public.notification_templates t on t.event = c.event and t.channel = c.channel
   order by c.id;
end;
$$;

-- notify's result for one claimed row: sent; or failed now (p_permanent: the provider refused
-- for good, or no address) or after the last attempt; else pending again after the backoff.
create or replace function public.notification_record(
  p_id bigint, p_ok boolean, p_error text default null, p_provider_id text default null, p_permanent boolean default false)
returns public.notification_state
language plpgsql
security definer
set search_path = ''
as $$
declare
  result public.notification_state;
begin
  if not app.is_service() then
    perform app.fail('not_permitted', 'notification_record is called by the notify function', '42501');
  end if;
  update public.notification_outbox o
     set state = case when p_ok then 'sent'
                      when coalesce(p_permanent, false) or o.attempts >= app.notification_max_attempts() then 'failed'
                      else 'pending' end::public.notification_state,
         sent_at = case when p_ok then pg_catalog.now() end,
         last_error = case when p_ok then null else left(coalesce(p_error, 'unknown'), 1000) end,
         provider_message_id = left(p_provider_id, 200),
         next_attempt_at = case when p_ok then o.next_attempt_at else pg_catalog.now() + app.notification_backoff(o.attempts) end
   where o.id = p_id and o.state = 'sending'
  returning o.state into result;
  if not found then
    perform app.fail('illegal_transition', 'notification ' || p_id || ' is not being sent');
  end if;
  return result;
end;
$$;

-- 会费即将到期: active merchants whose fee runs out within p_days (Beijing dates), once per
-- paid-until date. Called by notify before it claims; the status changes (grace, lapsed) are
-- enqueued by the merchants trigger.
create or replace function public.notification_enqueue_fee_reminders(p_days integer default 7, p_limit integer default 500)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  today date := (pg_catalog.now() at time zone 'Asia/Shanghai')::date;
  r record;
  n integer := 0;
begin
  if not app.is_service() then
    perform app.fail('not_permitted', 'notification_enqueue_fee_reminders is called by the notify function', '42501');
  end if;
  for r in select m.id, m.name, m.city_code, m.fee_paid_until from public.merchants m
            where m.status = 'active' and m.fee_paid_until between today and today + greatest(p_days, 0)
              and not exists (select 1 from public.notification_outbox o
                               where o.entity_id = m.id and o.event = 'fee_due'
                                 and o.idempotency_key like 'fee_due:' || m.id::text || '@' || m.fee_paid_until::text || ':%')
            limit greatest(1, least(coalesce(p_limit, 500), 5000))
  loop
    n := n + app.notify_enqueue('fee_due', 'merchant', r.id, r.id::text || '@' || r.fee_paid_until::text, r.city_code,
      'merchant', r.id, jsonb_build_object('merchant_name', r.name, 'fee_paid_until', r.fee_paid_until::text));
  end loop;
  return n;
end;
$$;

-- A template in words for the panel's preview: the given (unsaved) subject and body, or the
-- stored ones, rendered with the event's sample payload.
create or replace function public.notification_template_preview(
  p_event public.notification_event, p_channel public.notification_channel,
  p_subject text default null, p_body text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  t public.notification_templates;
  sample jsonb := app.notification_sample(p_event);
begin
  perform app.require_role(false, 'admin', 'customer_service');
  select * into t from public.notification_templates x where x.event = p_event and x.channel = p_channel;
  if not found then
    perform app.fail('not_found', 'no template for ' || p_event || '/' || p_channel);
  end if;
  return jsonb_build_object(
    'subject', app.notification_render(coalesce(p_subject, t.subject), sample),
    'body', app.notification_render(coalesce(p_body, t.body), sample),
    'payload', sample);
end;
$$;

-- An admin changes a template with a coded reason (audited). Placeholders must be keys of the
-- event's payload (app.notification_sample): a typo would otherwise reach the recipient.
create or replace function public.notification_template_update(
  p_event public.notification_event,
  p_channel public.notification_channel,
  p_subject text,
  p_body text,
  p_enabled boolean,
  p_provider_template_code text,
  p_provider_params jsonb,
  p_reason_code text,
  p_note text default null)
returns public.notification_templates
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.notification_templates;
  row public.notification_templates;
  sample jsonb := app.notification_sample(p_event);
  unknown text;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admin changes notification templates', '42501');
  end if;
  -- the same words go to every region: like the settings, a change for all of them
  perform app.require_all_regions();
  if p_reason_code is null or p_reason_code not in ('template_wording', 'template_compliance', 'provider_template', 'other') then
    perform app.fail('reason_required', 'p_reason_code is one of template_wording, template_compliance, provider_template, other');
  end if;
  if p_reason_code = 'other' then
    perform app.require_reason(null, p_note);
  end if;
  perform app.require_text(p_body, 'p_body', 1, 2000);
  if char_length(coalesce(p_subject, '')) > 200 or char_length(coalesce(p_provider_template_code, '')) > 100
     or (p_provider_params is not null and jsonb_typeof(p_provider_params) <> 'object') then
    perform app.fail('invalid_input', 'p_subject, p_provider_template_code or p_provider_params');
  end if;
  select string_agg(distinct m[1], ', ') into unknown
    from regexp_matches(coalesce(p_subject, '') || ' ' || p_body || ' ' || coalesce(p_provider_params::text, ''), '\{\{\s*([^}]*?)\s*\}\}', 'g') m
   where not sample ? m[1];
  if unknown is not null then
    perform app.fail('unknown_placeholder', unknown);
  end if;
  select * into old from public.notification_templates t where t.event = p_event and t.channel = p_channel for update;
  if not found then
    perform app.fail('not_found', 'no template for ' || p_event || '/' || p_channel);
  end if;
  update public.notification_templates t
     set subject = coalesce(p_subject, ''), body = p_body, enabled = coalesce(p_enabled, t.enabled),
         provider_template_code = btrim(coalesce(p_provider_template_code, '')),
         provider_params = coalesce(p_provider_params, '{}'::jsonb),
         updated_at = pg_catalog.now(), updated_by = (select auth.uid())
   where t.event = p_event and t.channel = p_channel
  returning * into row;
  perform app.audit('notification_template.update', 'notification_template', p_event || ':' || p_channel,
    to_jsonb(old) - 'updated_at' - 'updated_by', to_jsonb(row) - 'updated_at' - 'updated_by',
    p_reason_code || coalesce(': ' || nullif(btrim(p_note), ''), ''));
  return row;
end;
$$;

-- An admin sends a given-up message again: failed → pending, attempts from zero (audited).
create or replace function public.notification_retry(p_id bigint, p_note text default null)
returns public.notification_outbox
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.notification_outbox;
  row public.notification_outbox;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admin retries notifications', '42501');
  end if;
  select * into old from public.notification_outbox o where o.id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no notification ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  if old.state <> 'failed' then
    perform app.fail('illegal_transition', 'notification ' || p_id || ' is ' || old.state);
  end if;
  update public.notification_outbox o
     set state = 'pending', attempts = 0, next_attempt_at = pg_catalog.now(), last_error = null, claimed_at = null
   where o.id = p_id
  returning * into row;
  perform app.audit('notification.retry', 'notification', p_id::text,
    jsonb_build_object('state', old.state, 'attempts', old.attempts, 'last_error', old.last_error),
    jsonb_build_object('state', row.state, 'attempts', row.attempts), nullif(btrim(coalesce(p_note, '')), ''), old.city_code);
  return row;
end;
$$;

-- Trigger functions: the events of each table, enqueued in the transaction of the change.
create or replace function app.notify_application_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.notify_enqueue(
    ('application_' || new.state::text)::public.notification_event, 'applicant', new.id,
    app.notification_occurrence(new.id), new.city_code, 'merchant_application', new.id,
    jsonb_build_object('merchant_name', new.company_name,
      'reason', coalesce(new.reject_reason,
        (select string_agg(e.value, '；' order by e.key) from jsonb_each_text(coalesce(new.field_comments, '{}')) e), ''),
      'fee_plan', case new.fee_plan when 'monthly' then '月付' when 'quarterly' then '季付' when 'yearly' then '年付' else '' end));
  return null;
end;
$$;

create or replace function app.notify_merchant_status_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.notify_enqueue(
    ('fee_' || new.status::text)::public.notification_event, 'merchant', new.id,
    app.notification_occurrence(new.id), new.city_code, 'merchant', new.id,
    jsonb_build_object('merchant_name', new.name, 'fee_paid_until', coalesce(new.fee_paid_until::text, ''),
      'grace_until', coalesce((new.fee_paid_until + (app.settings()).merchant_grace_days)::text, '')));
  return null;
end;
$$;

create or replace function app.notify_complaint_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.notify_enqueue(
    'complaint_awaiting_merchant', 'merchant', new.merchant_id,
    app.notification_occurrence(new.id), new.city_code, 'complaint', new.id,
    jsonb_build_object('merchant_name', (select m.name from public.merchants m where m.id = new.merchant_id),
      'complaint_title', new.title, 'reply_due_at', coalesce(app.notification_time(new.merchant_reply_due_at), '')));
  return null;
end;
$$;

create or replace function app.notify_penalty_imposed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
begin
  select * into m from public.merchants x where x.id = new.merchant_id;
  perform app.notify_enqueue(
    'penalty_imposed', 'merchant', new.merchant_id, new.id::text, m.city_code, 'merchant_penalty', new.id,
    jsonb_build_object('merchant_name', m.name, 'penalty_size', pg_catalog.to_char(new.size, 'FM9990.00'),
      'penalty_reason', new.reason, 'expires_at', pg_catalog.to_char(new.expires_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')));
  return null;
end;
$$;

create or replace function app.notify_listing_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  payload jsonb := jsonb_build_object(
    'merchant_name', (select m.name from public.merchants m where m.id = new.merchant_id), 'listing_title', new.title);
begin
  if new.review_state = 'rejected' and old.review_state is distinct from 'rejected' then
    perform app.notify_enqueue('listing_rejected', 'merchant', new.merchant_id, app.notification_occurrence(new.id),
      new.city_code, 'listing', new.id, payload || jsonb_build_object('reason', coalesce(new.reject_reason, '')));
  end if;
  if new.shelf_state = 'forced_off' and old.shelf_state is distinct from 'forced_off' then
    perform app.notify_enqueue('listing_delisted', 'merchant', new.merchant_id, app.notification_occurrence(new.id),
      new.city_code, 'listing', new.id, payload || jsonb_build_object('reason', coalesce(new.forced_off_reason, '')));
  end if;
  return null;
end;
$$;

create or replace function app.notify_withdrawal_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  kind public.notification_recipient_kind := new.owner_type::text::public.notification_recipient_kind;
  who_name text;
  city text := new.city_code;
begin
  if kind = 'merchant' then
    select m.name, coalesce(city, m.city_code) into who_name, city from public.merchants m where m.id = new.owner_id;
  else
    select b.nickname, coalesce(city, b.city_code) into who_name, city from public.members b where b.id = new.owner_id;
  end if;
  perform app.notify_enqueue(
    ('withdrawal_' || new.state::text)::public.notification_event, kind, new.owner_id,
    app.notification_occurrence(new.id), city, 'withdrawal', new.id,
    jsonb_build_object('recipient_name', coalesce(who_name, new.payee_name), 'withdrawal_no', new.withdrawal_no,
      'amount_yuan', app.notification_yuan(new.amount_fen), 'net_yuan', app.notification_yuan(new.net_fen),
      'reason', coalesce(new.reject_reason, '')));
  return null;
end;
$$;

revoke all on function app.notification_render(text, jsonb),
  app.notification_sample(public.notification_event),
  app.notification_yuan(bigint),
  app.notification_time(timestamptz),
  app.notification_address(public.notification_recipient_kind, uuid, public.notification_channel),
  app.notify_enqueue(public.notification_event, public.notification_recipient_kind, uuid, text, text, text, uuid, jsonb),
  app.notification_occurrence(uuid),
  app.notification_backoff(integer),
  app.notification_max_attempts(),
  app.notify_application_changed(),
  app.notify_merchant_status_changed(),
  app.notify_complaint_changed(),
  app.notify_penalty_imposed(),
  app.notify_listing_changed(),
  app.notify_withdrawal_changed() from public, anon, authenticated, service_role;
grant execute on function app.notification_render(text, jsonb),
  app.notification_sample(public.notification_event),
  app.notification_backoff(integer),
  app.notification_max_attempts() to authenticated, service_role;

revoke all on function public.notification_claim(public.notification_channel[], integer),
  public.notification_record(bigint, boolean, text, text, boolean),
  public.notification_enqueue_fee_reminders(integer, integer),
  public.notification_template_preview(public.notification_event, public.notification_channel, text, text),
  public.notification_template_update(public.notification_event, public.notification_channel, text, text, boolean, text, jsonb, text, text),
  public.notification_retry(bigint, text) from public, anon, authenticated, service_role;
grant execute on function public.notification_claim(public.notification_channel[], integer),
  public.notification_record(bigint, boolean, text, text, boolean),
  public.notification_enqueue_fee_reminders(integer, integer) to service_role;
grant execute on function public.notification_template_preview(public.notification_event, public.notification_channel, text, text),
  public.notification_template_update(public.notification_event, public.notification_channel, text, text, boolean, text, jsonb, text, text),
  public.notification_retry(bigint, text) to authenticated;

-- Triggers ------------------------------------------------------------------------------------

create trigger merchant_applications_notify after update of state on public.merchant_applications
  for each row when (new.state is distinct from old.state and new.state in ('approved', 'rejected', 'need_more_info'))
  execute function app.notify_application_changed();

create trigger merchants_notify after update of status on public.merchants
  for each row when (new.status is distinct from old.status and new.status in ('grace', 'lapsed'))
  execute function app.notify_merchant_status_changed();

create trigger complaints_notify after update of state on public.complaints
  for each row when (new.state is distinct from old.state and new.state = 'awaiting_merchant')
  execute function app.notify_complaint_changed();

create trigger merchant_penalties_notify after insert on public.merchant_penalties
  for each row execute function app.notify_penalty_imposed();

create trigger listings_notify after update of review_state, shelf_state on public.listings
  for each row when ((new.review_state = 'rejected' and old.review_state is distinct from 'rejected')
                     or (new.shelf_state = 'forced_off' and old.shelf_state is distinct from 'forced_off'))
  execute function app.notify_listing_changed();

create trigger withdrawals_notify after update of state on public.withdrawals
  for each row when (new.state is distinct from old.state and new.state in ('paid', 'rejected'))
  execute function app.notify_withdrawal_changed();

-- Views ---------------------------------------------------------------------------------------

-- 通知发件箱: the outbox with the recipient's name (addresses stay out of the panel).
create view public.v_notification_outbox with (security_invoker = on) as
select o.id, o.event, o.recipient_kind, o.recipient_id,
       case o.recipient_kind
         when 'merchant' then (select m.name from public.merchants m where m.id = o.recipient_id)
         when 'member' then (select b.nickname from public.members b where b.id = o.recipient_id)
         else (select a.company_name from public.merchant_applications a where a.id = o.recipient_id)
       end as recipient_name,
       o.channel, o.state, o.attempts, o.next_attempt_at, o.last_error, o.city_code,
       (select r.name from public.regions r where r.code = o.city_code) as city_name,
       o.entity, o.entity_id, o.payload, o.created_at, o.sent_at
  from public.notification_outbox o;

-- 通知模板: one row per event and channel, with an id react-admin can route to.
create view public.v_notification_templates with (security_invoker = on) as
select t.event::text || ':' || t.channel::text as id, t.event, t.channel, t.enabled, t.subject, t.body,
       t.provider_template_code, t.provider_params, t.updated_at, t.updated_by,
       (select s.display_name from public.staff s where s.id = t.updated_by) as updated_by_name
  from public.notification_templates t;

revoke all on table public.v_notification_outbox, public.v_notification_templates from public, anon, authenticated, service_role;
grant select on table public.v_notification_outbox, public.v_notification_templates to authenticated;

-- Reference data ------------------------------------------------------------------------------

-- zh-CN wording. SMS texts are what the provider's approved templates say (their codes and
-- variables are filled in by an admin once the provider has approved them); WeChat likewise.
insert into public.notification_templates (event, channel, subject, body) values
  ('application_approved', 'sms', '', '【{{merchant_name}}】您的入驻申请已通过审核，欢迎入驻平台。'),
  ('application_approved', 'email', '入驻申请已通过', E'{{merchant_name}}，您好：\n\n您的入驻申请已通过审核，会费方式：{{fee_plan}}。欢迎入驻平台。\n\n平台运营中心'),
  ('application_approved', 'wechat', '', '入驻申请已通过：{{merchant_name}}'),
  ('application_rejected', 'sms', '', '【{{merchant_name}}】很抱歉，您的入驻申请未通过审核，原因：{{reason}}。'),
  ('application_rejected', 'email', '入驻申请未通过', E'{{merchant_name}}，您好：\n\n很抱歉，您的入驻申请未通过审核。\n原因：{{reason}}\n\n如有疑问请联系平台客服。\n\n平台运营中心'),
  ('application_rejected', 'wechat', '', '入驻申请未通过：{{reason}}'),
  ('application_need_more_info', 'sms', '', '【{{merchant_name}}】您的入驻申请需补充材料：{{reason}}，请登录商户端补充。'),
  ('application_need_more_info', 'email', '入驻申请需补充材料', E'{{merchant_name}}，您好：\n\n您的入驻申请需补充以下材料：\n{{reason}}\n\n请登录商户端补充后重新提交。\n\n平台运营中心'),
  ('application_need_more_info', 'wechat', '', '入驻申请需补充材料：{{reason}}'),
  ('complaint_awaiting_merchant', 'sms', '', '【{{merchant_name}}】您有一条新的用户投诉“{{complaint_title}}”，请于{{reply_due_at}}前回复。'),
  ('complaint_awaiting_merchant', 'email', '您有一条待回复的投诉', E'{{merchant_name}}，您好：\n\n用户投诉“{{complaint_title}}”需要您回复，回复期限：{{reply_due_at}}（北京时间）。\n逾期未回复将按商户未回应处理。\n\n平台运营中心'),
  ('complaint_awaiting_merchant', 'wechat', '', '待回复投诉：{{complaint_title}}，期限{{reply_due_at}}'),
  ('penalty_imposed', 'sms', '', '【{{merchant_name}}】因{{penalty_reason}}，您的店铺排名降权{{penalty_size}}分，至{{expires_at}}。'),
  ('penalty_imposed', 'email', '店铺降权通知', E'{{merchant_name}}，您好：\n\n因{{penalty_reason}}，您的店铺排名降权{{penalty_size}}分，有效期至{{expires_at}}。\n\n平台运营中心'),
  ('penalty_imposed', 'wechat', '', '店铺降权{{penalty_size}}分：{{penalty_reason}}'),
  ('fee_due', 'sms', '', '【{{merchant_name}}】您的平台会费将于{{fee_paid_until}}到期，请及时续费。'),
  ('fee_due', 'email', '会费即将到期', E'{{merchant_name}}，您好：\n\n您的平台会费将于{{fee_paid_until}}到期，请及时续费，以免影响店铺展示。\n\n平台运营中心'),
  ('fee_due', 'wechat', '', '会费将于{{fee_paid_until}}到期'),
  ('fee_grace', 'sms', '', '【{{merchant_name}}】您的平台会费已于{{fee_paid_until}}到期，宽限期至{{grace_until}}，请尽快续费。'),
  ('fee_grace', 'email', '会费已到期，进入宽限期', E'{{merchant_name}}，您好：\n\n您的平台会费已于{{fee_paid_until}}到期，店铺进入宽限期，宽限期至{{grace_until}}。\n宽限期结束前未续费，店铺将暂停展示。\n\n平台运营中心'),
  ('fee_grace', 'wechat', '', '会费已到期，宽限期至{{grace_until}}'),
  ('fee_lapsed', 'sms', '', '【{{merchant_name}}】您的平台会费宽限期已过，店铺已暂停展示，续费后自动恢复。'),
  ('fee_lapsed', 'email', '会费宽限期已过，店铺暂停展示', E'{{merchant_name}}，您好：\n\n您的平台会费宽限期已过，店铺已暂停展示。续费后将自动恢复。\n\n平台运营中心'),
  ('fee_lapsed', 'wechat', '', '会费宽限期已过，店铺暂停展示'),
  ('listing_rejected', 'sms', '', '【{{merchant_name}}】您的车源“{{listing_title}}”未通过审核，原因：{{reason}}。'),
  ('listing_rejected', 'email', '车源未通过审核', E'{{merchant_name}}，您好：\n\n您的车源“{{listing_title}}”未通过审核。\n原因：{{reason}}\n请修改后重新提交。\n\n平台运营中心'),
  ('listing_rejected', 'wechat', '', '车源未通过审核：{{listing_title}}'),
  ('listing_delisted', 'sms', '', '【{{merchant_name}}】您的车源“{{listing_title}}”已被平台下架，原因：{{reason}}。'),
  ('listing_delisted', 'email', '车源已被下架', E'{{merchant_name}}，您好：\n\n您的车源“{{listing_title}}”已被平台下架。\n原因：{{reason}}\n\n平台运营中心'),
  ('listing_delisted', 'wechat', '', '车源已被下架：{{listing_title}}'),
  ('withdrawal_paid', 'sms', '', '【{{recipient_name}}】您的提现{{withdrawal_no}}已打款，到账金额{{net_yuan}}。'),
  ('withdrawal_paid', 'email', '提现已打款', E'{{recipient_name}}，您好：\n\n您的提现申请{{withdrawal_no}}（金额{{amount_yuan}}）已打款，到账金额{{net_yuan}}。\n\n平台运营中心'),
  ('withdrawal_paid', 'wechat', '', '提现已打款：{{net_yuan}}'),
  ('withdrawal_rejected', 'sms', '', '【{{recipient_name}}】您的提现{{withdrawal_no}}（{{amount_yuan}}）未通过，原因：{{reason}}，资金已退回余额。'),
  ('withdrawal_rejected', 'email', '提现申请未通过', E'{{recipient_name}}，您好：\n\n您的提现申请{{withdrawal_no}}（金额{{amount_yuan}}）未通过审核。\n原因：{{reason}}\n资金已退回您的可用余额。\n\n平台运营中心'),
  ('withdrawal_rejected', 'wechat', '', '提现未通过：{{reason}}')
on conflict (event, channel) do nothing;
