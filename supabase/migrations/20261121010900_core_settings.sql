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
insert into public.core_settings (id) values (1) on conflict do nothing;
alter table public.core_settings enable row level security;

create or replace function app.settings()
returns public.core_settings
language sql
stable
security definer
set search_path = ''
as $$
  select s.* from public.core_settings s where s.id = 1
$$;
grant execute on function app.settings() to authenticated, service_role;
