-- Money: shared types and the one-row settings table every money rule reads.
create type public.money_owner_type as enum ('platform', 'merchant', 'member');

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
insert into public.money_settings (id) values (true);

alter table public.money_settings enable row level security;
revoke all on public.money_settings from anon;
revoke insert, update, delete, truncate on public.money_settings from authenticated;
grant select on public.money_settings to authenticated;
create policy money_settings_read on public.money_settings for select to authenticated
  using ((select app.is_staff()));

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

-- Staff with one of the roles, or a backend holding the service key (scheduled jobs,
-- channel callbacks). Money RPCs use it for their role checks.
create or replace function app.money_actor(variadic roles public.staff_role[])
returns boolean
language sql
stable
set search_path = ''
as $$
  select app.is_service() or app.has_role(variadic roles)
$$;

-- Shanghai business day of a timestamp: periods, reports and statements use it.
create or replace function app.biz_date(ts timestamptz)
returns date
language sql
immutable
parallel safe
set search_path = ''
as $$
  select (ts at time zone 'Asia/Shanghai')::date
$$;

-- Start of a Shanghai business day as a timestamptz.
create or replace function app.biz_day_start(d date)
returns timestamptz
language sql
immutable
parallel safe
set search_path = ''
as $$
  select (d::timestamp at time zone 'Asia/Shanghai')
$$;

grant execute on function app.money_settings(), app.money_actor(public.staff_role[]), app.biz_date(timestamptz),
  app.biz_day_start(date) to authenticated, service_role;
revoke execute on function public.money_settings_update(jsonb, text) from public, anon;
grant execute on function public.money_settings_update(jsonb, text) to authenticated, service_role;
