-- Settings: one row of rule parameters for the core domain (deadlines, binding days, slots,
-- grace days) and one for money (refund window, withdrawal limits, fees, deposits). Functions
-- read them through app.settings() and app.money_settings().
set check_function_bodies = off;

-- Tables --------------------------------------------------------------------------------------

-- Tunable numbers the core state machines use (one row). Admins change them; everyone reads.
create table public.core_settings (
  id smallint primary key default 1 check (id = 1),
  reservation_confirm_hours integer not null default 24 check (reservation_confirm_hours > 0),
  deal_auto_close_days integer not null default 7 check (deal_auto_close_days > 0),
  binding_days integer not null default 30 check (binding_days > 0),
  complaint_first_response_hours integer not null default 24 check (complaint_first_response_hours > 0),
  complaint_merchant_reply_hours integer not null default 48 check (complaint_merchant_reply_hours > 0),
  complaint_resolution_days integer not null default 7 check (complaint_resolution_days > 0),
  complaint_auto_close_days integer not null default 7 check (complaint_auto_close_days > 0),
  -- active penalties at which a merchant is suspended automatically
  penalty_suspend_threshold integer not null default 3 check (penalty_suspend_threshold > 0),
  merchant_grace_days integer not null default 15 check (merchant_grace_days >= 0),
  promotion_slots_per_model integer not null default 3 check (promotion_slots_per_model between 1 and 3),
  updated_at timestamptz not null default now()
);
alter table public.core_settings enable row level security;

-- One row (id = true). Rates are numeric(6,4); amounts are fen.
create table public.money_settings (
  id boolean primary key default true check (id),
  -- days after closed_at during which a trade may still be refunded; commission stays frozen
  refund_window_days integer not null default 7 check (refund_window_days between 0 and 90),
  -- a second commission tier (the distributor's upline) is off by default; never a third
  second_tier_enabled boolean not null default false,
  second_tier_rate numeric(6, 4) not null default 0 check (second_tier_rate >= 0 and second_tier_rate < 1),
  withdrawal_min_fen bigint not null default 10000 check (withdrawal_min_fen > 0),
  withdrawal_fee_rate numeric(6, 4) not null default 0 check (withdrawal_fee_rate >= 0 and withdrawal_fee_rate < 1),
  withdrawal_fee_min_fen bigint not null default 0 check (withdrawal_fee_min_fen >= 0),
  -- at or above this amount a second finance user must approve
  withdrawal_second_approval_fen bigint not null default 5000000 check (withdrawal_second_approval_fen > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid
);
comment on table public.money_settings is '资金设置: refund window, commission tiers, withdrawal limits (one row)';
alter table public.money_settings enable row level security;

-- Row-level security --------------------------------------------------------------------------

-- settings
create policy core_settings_read on public.core_settings for select to authenticated using ((select app.is_staff()));

create policy core_settings_admin_update on public.core_settings for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));

create policy money_settings_read on public.money_settings for select to authenticated
  using ((select app.is_staff()));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.core_settings from public, anon, authenticated, service_role;
grant select on table public.core_settings to authenticated;
grant all on table public.core_settings to service_role;
grant update (reservation_confirm_hours, deal_auto_close_days, binding_days, complaint_first_response_hours, complaint_merchant_reply_hours, complaint_resolution_days, complaint_auto_close_days, penalty_suspend_threshold, merchant_grace_days, promotion_slots_per_model, updated_at) on table public.core_settings to authenticated;
revoke all on table public.money_settings from public, anon, authenticated, service_role;
grant maintain, references, select, trigger on table public.money_settings to authenticated;
grant all on table public.money_settings to service_role;

-- Functions -----------------------------------------------------------------------------------

create or replace function app.settings()
returns public.core_settings
language sql
stable
security definer
set search_path = ''
as $$
  select s.* from public.core_settings s where s.id = 1
$$;

-- Settings row for functions (security definer: callers may not read the table directly).
create or replace function app.money_settings()
returns public.money_settings
language sql
stable
security definer
set search_path = ''
as $$
  select s.* from public.money_settings s where s.id
$$;

-- Admin changes settings; every change audited with before/after.
create or replace function public.money_settings_update(p_changes jsonb, p_reason text default null)
returns public.money_settings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.money_settings;
  row public.money_settings;
  bad text;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admin changes money settings', '42501');
  end if;
  select k into bad from jsonb_object_keys(coalesce(p_changes, '{}')) k
   where k not in ('refund_window_days', 'second_tier_enabled', 'second_tier_rate', 'withdrawal_min_fen',
                   'withdrawal_fee_rate', 'withdrawal_fee_min_fen', 'withdrawal_second_approval_fen')
   limit 1;
  if bad is not null then
    perform app.fail('invalid_input', 'unknown setting ' || bad);
  end if;
  select * into old from public.money_settings where id for update;
  update public.money_settings s set
    refund_window_days = coalesce((p_changes ->> 'refund_window_days')::integer, s.refund_window_days),
    second_tier_enabled = coalesce((p_changes ->> 'second_tier_enabled')::boolean, s.second_tier_enabled),
    second_tier_rate = coalesce((p_changes ->> 'second_tier_rate')::numeric(6, 4), s.second_tier_rate),
    withdrawal_min_fen = coalesce((p_changes ->> 'withdrawal_min_fen')::bigint, s.withdrawal_min_fen),
    withdrawal_fee_rate = coalesce((p_changes ->> 'withdrawal_fee_rate')::numeric(6, 4), s.withdrawal_fee_rate),
    withdrawal_fee_min_fen = coalesce((p_changes ->> 'withdrawal_fee_min_fen')::bigint, s.withdrawal_fee_min_fen),
    withdrawal_second_approval_fen = coalesce((p_changes ->> 'withdrawal_second_approval_fen')::bigint, s.withdrawal_second_approval_fen),
    updated_at = now(),
    updated_by = (select auth.uid())
  where s.id
  returning * into row;
  perform app.audit('money_settings.update', 'money_settings', 'money', to_jsonb(old), to_jsonb(row), p_reason);
  return row;
exception when invalid_text_representation or numeric_value_out_of_range then
  perform app.fail('invalid_input', sqlerrm);
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.settings(), app.money_settings() from public, anon, authenticated, service_role;
grant execute on function app.settings(), app.money_settings() to public, authenticated, service_role;
revoke all on function public.money_settings_update(p_changes jsonb, p_reason text) from public, anon, authenticated, service_role;
grant execute on function public.money_settings_update(p_changes jsonb, p_reason text) to authenticated, service_role;

-- Reference data ------------------------------------------------------------------------------

insert into public.core_settings (id) values (1) on conflict do nothing;

insert into public.money_settings (id) values (true);
