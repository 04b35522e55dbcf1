-- Reservation machine (DOMAIN.md). One function moves a reservation; who may take each edge:
--   'app'   the public/merchant app (service key) or an admin acting for it
--   'staff' customer_service or admin (verifying deals, voiding), or the service key for jobs
-- deal_closed inserts the trade (the money side reacts to it); voided voids the trade.
create or replace function app.reservation_edge(from_state public.reservation_state, to_state public.reservation_state,
  kind public.reservation_kind)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when from_state = 'created' and to_state in ('confirmed', 'auto_expired') then 'app'
    when from_state in ('created', 'confirmed') and to_state in ('cancelled_by_customer', 'cancelled_by_merchant') then 'app'
    when from_state = 'confirmed' and to_state in ('no_show', 'visited') then 'app'
    when from_state = 'visited' and to_state in ('no_deal', 'deal_pending') then 'app'
    when from_state = 'deal_pending' and to_state = 'deal_closed' then 'staff'
    when kind = 'rental' and from_state = 'deal_closed' and to_state = 'in_use' then 'app'
    when kind = 'rental' and from_state = 'in_use' and to_state = 'returned' then 'app'
    when kind = 'rental' and from_state = 'returned' and to_state = 'settled' then 'staff'
    when from_state in ('deal_closed', 'settled') and to_state = 'voided' then 'staff'
  end
$$;

create or replace function public.reservation_transition(
  p_id uuid,
  p_to public.reservation_state,
  p_reason_code text default null,
  p_note text default null,
  p_deal_amount_fen bigint default null,
  p_evidence text[] default null,
  p_checkin_code text default null
)
returns public.reservations
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.reservations;
  new public.reservations;
  edge text;
  t public.trades;
  l public.listings;
  still_held boolean;
begin
  if not (app.is_service() or app.is_staff()) then
    perform app.fail('not_permitted', 'staff only', '42501');
  end if;
  select * into old from public.reservations where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no reservation ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  edge := app.reservation_edge(old.state, p_to, old.kind);
  if edge is null then
    perform app.illegal('reservation', old.state::text, p_to::text);
  end if;
  if edge = 'app' then
    perform app.require_role(true, 'admin');
  else
    perform app.require_role(true, 'admin', 'customer_service');
  end if;
  if p_to in ('cancelled_by_merchant', 'voided') then
    perform app.require_reason(p_reason_code, p_note);
  end if;
  if p_to = 'visited' and old.checkin_code is not null and p_checkin_code is distinct from old.checkin_code then
    perform app.fail('invalid_input', 'wrong check-in code');
  end if;
  if p_to = 'deal_pending' and coalesce(p_deal_amount_fen, 0) <= 0 then
    perform app.fail('invalid_input', 'the deal amount is required');
  end if;
  if p_to = 'deal_closed' and exists (select 1 from public.merchants m where m.id = old.merchant_id and m.status = 'closed') then
    perform app.fail('merchant_inactive', 'the merchant is closed');
  end if;

  update public.reservations set state = p_to, state_changed_at = now(),
    state_reason = coalesce(concat_ws(': ', p_reason_code, p_note), state_reason),
    confirmed_at = case when p_to = 'confirmed' then now() else confirmed_at end,
    visited_at = case when p_to = 'visited' then now() else visited_at end,
    deal_amount_fen = case when p_to = 'deal_pending' then p_deal_amount_fen else deal_amount_fen end,
    deal_evidence = case when p_to = 'deal_pending' then p_evidence else deal_evidence end,
    deal_closed_at = case when p_to = 'deal_closed' then now() else deal_closed_at end
  where id = p_id returning * into new;
  insert into public.reservation_history (reservation_id, from_state, to_state, reason_code, note, actor_id)
  values (p_id, old.state, p_to, p_reason_code, p_note, (select auth.uid()));

  -- the listing's trade dimension follows the reservation
  select * into l from public.listings where id = old.listing_id;
  if p_to = 'confirmed' and l.trade_state = 'available' then
    perform app.listing_move_trade(l.id, 'on_hold', 'reservation_confirmed', p_id::text);
  elsif p_to in ('cancelled_by_customer', 'cancelled_by_merchant', 'no_show', 'no_deal') and l.trade_state = 'on_hold' then
    select exists (select 1 from public.reservations x where x.listing_id = l.id and x.id <> p_id
                   and x.state in ('confirmed', 'visited', 'deal_pending')) into still_held;
    if not still_held then
      perform app.listing_move_trade(l.id, 'available', 'reservation_' || p_to::text, p_id::text);
    end if;
  elsif p_to = 'deal_closed' and old.kind <> 'rental' and l.trade_state = 'on_hold' then
    perform app.listing_move_trade(l.id, 'sold', 'deal_closed', p_id::text);
  elsif p_to = 'in_use' and l.trade_state in ('on_hold', 'available') then
    perform app.listing_move_trade(l.id, 'rented_out', 'rental_started', p_id::text);
  elsif p_to = 'returned' and l.trade_state = 'rented_out' then
    perform app.listing_move_trade(l.id, 'available', 'rental_returned', p_id::text);
  end if;

  if p_to = 'deal_closed' then
    insert into public.trades (reservation_id, merchant_id, member_id, distributor_id, listing_id, brand_id, model_id,
      kind, amount_fen, quantity, city_code, status, closed_at)
    values (p_id, old.merchant_id, old.member_id, old.distributor_id, old.listing_id, l.brand_id, old.model_id,
      case when old.kind = 'rental' then 'rental'::public.trade_kind else 'sale'::public.trade_kind end,
      old.deal_amount_fen, 1, old.city_code, 'closed', now())
    returning * into t;
    insert into public.trade_history (trade_id, from_status, to_status, reason_code, note, actor_id)
    values (t.id, null, 'closed', 'deal_closed', p_note, (select auth.uid()));
  elsif p_to = 'voided' then
    select * into t from public.trades where reservation_id = p_id for update;
    if t.id is not null and t.status = 'closed' then
      update public.trades set status = 'voided', voided_at = now(), status_reason = concat_ws(': ', p_reason_code, p_note)
      where id = t.id;
      insert into public.trade_history (trade_id, from_status, to_status, reason_code, note, actor_id)
      values (t.id, 'closed', 'voided', p_reason_code, p_note, (select auth.uid()));
    end if;
  end if;

  perform app.audit('reservation.' || p_to::text, 'reservation', p_id::text,
    jsonb_build_object('state', old.state), jsonb_build_object('state', new.state, 'deal_amount_fen', new.deal_amount_fen),
    concat_ws(': ', p_reason_code, p_note), new.city_code);
  return new;
end;
$$;

-- Named entry points for the staff screens.
create or replace function public.reservation_verify_deal(p_id uuid, p_note text default null)
returns public.reservations
language sql
security definer
set search_path = ''
as $$
  select public.reservation_transition(p_id, 'deal_closed', 'verified', p_note)
$$;

create or replace function public.reservation_void(p_id uuid, p_reason_code text, p_note text default null)
returns public.reservations
language sql
security definer
set search_path = ''
as $$
  select public.reservation_transition(p_id, 'voided', p_reason_code, p_note)
$$;

-- Scheduled jobs (service key or admin): unanswered reservations expire; declared deals with
-- no dispute close after N days.
create or replace function public.reservation_run_timers()
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
           and app.in_region_or_service(x.city_code) order by x.confirm_deadline limit 5000
  loop
    perform public.reservation_transition(r.id, 'auto_expired', 'merchant_no_answer', null);
    expired := expired + 1;
  end loop;
  for r in select x.id from public.reservations x where x.state = 'deal_pending'
           and x.state_changed_at < now() - make_interval(days => (app.settings()).deal_auto_close_days)
           and app.in_region_or_service(x.city_code)
           and not exists (select 1 from public.complaints c where c.reservation_id = x.id
                           and c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn'))
           order by x.state_changed_at limit 5000
  loop
    perform public.reservation_transition(r.id, 'deal_closed', 'auto_closed', 'no dispute within the window');
    closed := closed + 1;
  end loop;
  return jsonb_build_object('auto_expired', expired, 'deal_closed', closed);
end;
$$;

-- A closed trade refunded after the fact (the money side reverses commission on it).
create or replace function public.trade_refund(p_id uuid, p_reason_code text, p_note text default null)
returns public.trades
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.trades;
  new public.trades;
begin
  perform app.require_role(true, 'admin', 'finance', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  select * into old from public.trades where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no trade ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  if old.status <> 'closed' then
    perform app.illegal('trade', old.status::text, 'refunded');
  end if;
  update public.trades set status = 'refunded', refunded_at = now(), status_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  insert into public.trade_history (trade_id, from_status, to_status, reason_code, note, actor_id)
  values (p_id, 'closed', 'refunded', p_reason_code, p_note, (select auth.uid()));
  perform app.audit('trade.refund', 'trade', p_id::text, jsonb_build_object('status', old.status),
    jsonb_build_object('status', new.status), concat_ws(': ', p_reason_code, p_note), new.city_code);
  return new;
end;
$$;

revoke execute on function public.reservation_transition(uuid, public.reservation_state, text, text, bigint, text[], text),
  public.reservation_verify_deal(uuid, text), public.reservation_void(uuid, text, text), public.reservation_run_timers(),
  public.trade_refund(uuid, text, text) from public, anon;
grant execute on function public.reservation_transition(uuid, public.reservation_state, text, text, bigint, text[], text),
  public.reservation_verify_deal(uuid, text), public.reservation_void(uuid, text, text), public.reservation_run_timers(),
  public.trade_refund(uuid, text, text) to authenticated, service_role;
