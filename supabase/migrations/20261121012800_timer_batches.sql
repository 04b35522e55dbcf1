-- Scheduled jobs work in batches (p_limit, at most 5,000 a call, so a call stays inside the
-- statement timeout) and optionally for one city (p_city: a job per region, or a test).
-- The listing trigger writes listing_history, which `authenticated` cannot insert into, when
-- an admin's direct edit sends a listing back to review: it runs as its owner.
drop function if exists public.reservation_run_timers();
drop function if exists public.complaint_run_timers();
drop function if exists public.merchant_sweep_fees();

create or replace function public.reservation_run_timers(p_city text default null, p_limit integer default 500)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  r record;
  expired integer := 0;
  closed integer := 0;
begin
  perform app.require_role(true, 'admin');
  for r in select x.id from public.reservations x where x.state = 'created' and x.confirm_deadline < now()
           and app.in_region_or_service(x.city_code) and (p_city is null or x.city_code = p_city) order by x.confirm_deadline limit greatest(1, least(p_limit, 5000))
  loop
    perform public.reservation_transition(r.id, 'auto_expired', 'merchant_no_answer', null);
    expired := expired + 1;
  end loop;
  for r in select x.id from public.reservations x where x.state = 'deal_pending'
           and x.state_changed_at < now() - make_interval(days => (app.settings()).deal_auto_close_days)
           and app.in_region_or_service(x.city_code) and (p_city is null or x.city_code = p_city)
           and not exists (select 1 from public.complaints c where c.reservation_id = x.id
                           and c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn'))
           order by x.state_changed_at limit greatest(1, least(p_limit, 5000))
  loop
    perform public.reservation_transition(r.id, 'deal_closed', 'auto_closed', 'no dispute within the window');
    closed := closed + 1;
  end loop;
  return jsonb_build_object('auto_expired', expired, 'deal_closed', closed);
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

create or replace function public.merchant_sweep_fees(p_city text default null, p_limit integer default 500)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  today date := (now() at time zone 'Asia/Shanghai')::date;
  grace integer := (app.settings()).merchant_grace_days;
  r record;
  to_grace integer := 0;
  to_lapsed integer := 0;
  to_active integer := 0;
begin
  perform app.require_role(true, 'admin');
  for r in select m.id from public.merchants m
           where m.status = 'active' and (m.fee_paid_until is null or m.fee_paid_until < today) and app.in_region_or_service(m.city_code)
             and (p_city is null or m.city_code = p_city) limit greatest(1, least(p_limit, 5000))
  loop
    perform app.merchant_move(r.id, '{active}', 'grace', 'grace', 'fee_expired', null);
    to_grace := to_grace + 1;
  end loop;
  for r in select m.id from public.merchants m
           where m.status = 'grace' and (m.fee_paid_until is null or m.fee_paid_until < today - grace) and app.in_region_or_service(m.city_code)
             and (p_city is null or m.city_code = p_city) limit greatest(1, least(p_limit, 5000))
  loop
    perform app.merchant_move(r.id, '{grace}', 'lapsed', 'lapse', 'grace_expired', null);
    to_lapsed := to_lapsed + 1;
  end loop;
  for r in select m.id from public.merchants m
           where m.status in ('grace', 'lapsed') and app.merchant_fee_ok(m) and app.in_region_or_service(m.city_code)
             and (p_city is null or m.city_code = p_city) limit greatest(1, least(p_limit, 5000))
  loop
    perform app.merchant_move(r.id, '{grace,lapsed}', 'active', 'renew', 'fee_paid', null);
    to_active := to_active + 1;
  end loop;
  return jsonb_build_object('grace', to_grace, 'lapsed', to_lapsed, 'active', to_active);
end;
$$;

revoke execute on function public.reservation_run_timers(text, integer), public.complaint_run_timers(text, integer),
  public.merchant_sweep_fees(text, integer) from public, anon;
grant execute on function public.reservation_run_timers(text, integer), public.complaint_run_timers(text, integer),
  public.merchant_sweep_fees(text, integer) to authenticated, service_role;

alter function app.listings_before_write() security definer;
