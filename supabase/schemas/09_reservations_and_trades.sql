-- Reservations (预约看车 / 预约租车) and the trades (买卖记录) a closed deal creates: the
-- reservation state machine, deal verification, voiding and refunds, the timers that expire
-- and auto-close, and trade totals.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Reservations (预约看车 / 预约租车), state machine per docs/DOMAIN.md.
create type public.reservation_kind as enum ('rental', 'used_purchase', 'new_purchase');

create type public.reservation_state as enum (
  'created', 'confirmed', 'auto_expired', 'cancelled_by_customer', 'cancelled_by_merchant',
  'no_show', 'visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided');

-- Trades (买卖记录): one row per closed deal, inserted with status 'closed' by the reservation
-- machine at deal_closed, later updated to 'voided' or 'refunded' by SQL functions. The money
-- side's triggers (11_payments_and_ledger.sql, 12_commissions_and_settlement.sql) hang on this
-- table (docs/DATA_MODEL_CONTRACT.md).
create type public.trade_kind as enum ('sale', 'rental');

create type public.trade_status as enum ('closed', 'voided', 'refunded');

-- Tables --------------------------------------------------------------------------------------

create table public.reservations (
  id uuid primary key default extensions.gen_random_uuid(),
  kind public.reservation_kind not null,
  member_id uuid not null references public.members (id),
  merchant_id uuid not null references public.merchants (id),
  listing_id uuid not null references public.listings (id),
  model_id integer references public.car_models (id),
  city_code text not null references public.regions (code),
  -- snapshot at creation (R-PRO-2): who brought the customer, through which share, when
  distributor_id uuid references public.members (id),
  share_id uuid references public.shares (id),
  touched_at timestamptz,
  state public.reservation_state not null default 'created',
  reserved_for timestamptz not null,
  confirm_deadline timestamptz not null,
  price_fen bigint not null check (price_fen > 0),
  rental_start date,
  rental_end date,
  deal_amount_fen bigint check (deal_amount_fen > 0),
  deal_evidence text[],
  checkin_code text,
  state_reason text,
  created_at timestamptz not null default now(),
  confirmed_at timestamptz,
  visited_at timestamptz,
  deal_closed_at timestamptz,
  state_changed_at timestamptz not null default now(),
  constraint reservations_rental_period check (
    kind <> 'rental' or (rental_start is not null and rental_end is not null and rental_end >= rental_start)),
  constraint reservations_not_own_distributor check (distributor_id <> member_id),
  constraint reservations_deal_amount check (
    state not in ('deal_pending', 'deal_closed', 'in_use', 'returned', 'settled') or deal_amount_fen is not null)
);
comment on table public.reservations is '预约记录: state per docs/DOMAIN.md; deal_closed creates a trade';
alter table public.reservations enable row level security;

-- Every reservation state change (from, to, reason, who).
create table public.reservation_history (
  id bigint generated always as identity primary key,
  reservation_id uuid not null references public.reservations (id),
  from_state public.reservation_state,
  to_state public.reservation_state not null,
  reason_code text,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
alter table public.reservation_history enable row level security;

create table public.trades (
  id uuid primary key default extensions.gen_random_uuid(),
  reservation_id uuid not null unique references public.reservations (id),
  merchant_id uuid not null references public.merchants (id),
  member_id uuid not null references public.members (id),
  distributor_id uuid references public.members (id),
  listing_id uuid not null references public.listings (id),
  brand_id integer references public.car_brands (id),
  model_id integer references public.car_models (id),
  kind public.trade_kind not null,
  amount_fen bigint not null check (amount_fen > 0),
  quantity integer not null default 1 check (quantity > 0),
  city_code text not null references public.regions (code),
  status public.trade_status not null default 'closed',
  closed_at timestamptz not null default now(),
  voided_at timestamptz,
  refunded_at timestamptz,
  status_reason text,
  created_at timestamptz not null default now(),
  -- a refund at or above four_eyes_rules.refund_approval is requested by one person first
  refund_requested_by uuid,
  refund_requested_at timestamptz,
  refund_request_reason text,
  constraint trades_status_times check (
    (status = 'closed' and voided_at is null and refunded_at is null)
    or (status = 'voided' and voided_at is not null and refunded_at is null)
    or (status = 'refunded' and refunded_at is not null and voided_at is null))
);
comment on table public.trades is '买卖记录: closed deals; money triggers attach here';
alter table public.trades enable row level security;

-- Every trade status change (closed, voided, refunded).
create table public.trade_history (
  id bigint generated always as identity primary key,
  trade_id uuid not null references public.trades (id),
  from_status public.trade_status,
  to_status public.trade_status not null,
  reason_code text,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
alter table public.trade_history enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index reservations_member_idx on public.reservations (member_id, kind);

create index reservations_listing_idx on public.reservations (listing_id);

create index reservations_distributor_idx on public.reservations (distributor_id) where distributor_id is not null;

create index reservations_share_idx on public.reservations (share_id) where share_id is not null;

create index reservations_model_idx on public.reservations (model_id);

create index reservations_city_created_idx on public.reservations (city_code, created_at desc);

create index reservations_created_idx on public.reservations (created_at desc);

create index reservations_open_idx on public.reservations (confirm_deadline) where state = 'created';

create index reservation_history_reservation_idx on public.reservation_history (reservation_id, at desc);

create index trades_merchant_idx on public.trades (merchant_id, closed_at desc);

create index trades_member_idx on public.trades (member_id);

create index trades_distributor_idx on public.trades (distributor_id) where distributor_id is not null;

create index trades_listing_idx on public.trades (listing_id);

create index trades_brand_idx on public.trades (brand_id, closed_at desc);

create index trades_model_idx on public.trades (model_id);

create index trades_city_closed_idx on public.trades (city_code, closed_at desc);

create index trade_history_trade_idx on public.trade_history (trade_id, at desc);

-- The per-minute timer job (reservation_run_timers) looks for deals pending past the
-- auto-close window, oldest first, through this partial index (as reservations_open_idx serves
-- the confirm deadline): reading every deal_pending reservation instead (100,000 at seed factor
-- 100) took 4.6 s a batch, past the job's 8 s statement timeout with the confirmations.
create index reservations_deal_pending_idx on public.reservations (state_changed_at)
  where state = 'deal_pending';

create index reservations_merchant_idx on public.reservations (merchant_id, state) include (city_code);

create index trades_closed_idx on public.trades (closed_at desc) include (city_code, status, amount_fen);

-- Row-level security --------------------------------------------------------------------------

-- reservations and trades
create policy reservations_read on public.reservations for select to authenticated
  using ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[])));

create policy trades_read on public.trades for select to authenticated
  using ((select app.all_regions()) or (city_code = any ((select app.scope_cities())::text[])));

create policy reservation_history_read on public.reservation_history for select to authenticated
  using ((select app.all_regions()) or reservation_id in (select p.id from public.reservations p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy trade_history_read on public.trade_history for select to authenticated
  using ((select app.all_regions()) or trade_id in (select p.id from public.trades p where (p.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.reservations, public.reservation_history, public.trades, public.trade_history from public, anon, authenticated, service_role;
grant select on table public.reservations, public.reservation_history, public.trades, public.trade_history to authenticated;
grant all on table public.reservations, public.reservation_history, public.trades, public.trade_history to service_role;
revoke all on sequence public.reservation_history_id_seq, public.trade_history_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.reservation_history_id_seq, public.trade_history_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Successful reservations (docs/DOMAIN.md "Reservation"): those that reached `visited` or
-- beyond. The ranking's success rate, the reservations chart and rollups, and the merchant list
-- count them through this one function.
-- SQL, immutable, without a SET clause and with every name qualified: the planner inlines it,
-- so a caller's filter stays the plain `state = any (…)` (partial indexes and row-level
-- security see the same expression as if it were written out).
create or replace function app.reservation_is_successful(s public.reservation_state)
returns boolean
language sql
immutable
parallel safe
as $$
  select s operator(pg_catalog.=) any
    ('{visited,no_deal,deal_pending,deal_closed,in_use,returned,settled,voided}'::public.reservation_state[])
$$;

-- R-PRO-2: a customer bound to a distributor for this merchant reserves only through that
-- distributor. The binding fills the snapshot; a different distributor is refused.
create or replace function app.reservations_before_insert()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  b public.customer_bindings;
  l public.listings;
begin
  select * into l from public.listings where id = new.listing_id;
  if l.merchant_id is distinct from new.merchant_id then
    perform app.fail('invalid_input', 'reservation merchant must be the listing''s merchant');
  end if;
  new.model_id := coalesce(new.model_id, l.model_id);
  new.city_code := coalesce(new.city_code, l.city_code);
  b := app.active_binding(new.member_id, new.merchant_id, coalesce(new.created_at, now()));
  if b.id is not null then
    if new.distributor_id is not null and new.distributor_id <> b.distributor_id then
      perform app.fail('binding_mismatch', 'customer is bound to another distributor for this merchant');
    end if;
    new.distributor_id := b.distributor_id;
    new.share_id := coalesce(new.share_id, b.share_id);
    new.touched_at := coalesce(new.touched_at, b.bound_at);
  end if;
  return new;
end;
$$;

-- Reservation machine (docs/DOMAIN.md). One function moves a reservation; who may take each edge:
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

-- Moves a reservation along one edge: checks the edge, role, region and inputs, writes the
-- history and audit rows, moves the listing's trade dimension, and creates or voids the trade.
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
  if p_to = 'deal_pending' then
    perform app.require_amount('deal', p_deal_amount_fen);
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
  perform app.require_mfa();
  perform app.require_reason(p_reason_code, p_note);
  select * into old from public.trades where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no trade ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  if old.status <> 'closed' then
    perform app.illegal('trade', old.status::text, 'refunded');
  end if;
  -- at or above the threshold: the first person's call records the request, another's refunds
  if not app.is_service() and app.four_eyes_applies('refund_approval', old.amount_fen) then
    if old.refund_requested_by is null then
      update public.trades set refund_requested_by = (select auth.uid()), refund_requested_at = now(),
             refund_request_reason = concat_ws(': ', p_reason_code, p_note)
       where id = p_id returning * into new;
      insert into public.trade_history (trade_id, from_status, to_status, reason_code, note, actor_id)
      values (p_id, 'closed', 'closed', 'refund_requested', concat_ws(': ', p_reason_code, p_note), (select auth.uid()));
      perform app.audit('trade.refund_request', 'trade', p_id::text, null,
        jsonb_build_object('refund_requested_by', new.refund_requested_by, 'amount_fen', new.amount_fen),
        concat_ws(': ', p_reason_code, p_note), new.city_code);
      return new;
    end if;
    perform app.require_other_person('refund_approval', old.refund_requested_by, old.amount_fen);
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

-- Scheduled: created reservations past the confirm deadline → auto_expired; deals pending
-- longer than deal_auto_close_days with no open complaint → deal_closed.
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
  perform app.require_all_regions();
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
                           and app.complaint_is_open(c.state))
           order by x.state_changed_at limit greatest(1, least(p_limit, 5000))
  loop
    perform public.reservation_transition(r.id, 'deal_closed', 'auto_closed', 'no dispute within the window');
    closed := closed + 1;
  end loop;
  return jsonb_build_object('auto_expired', expired, 'deal_closed', closed);
end;
$$;

-- R-TRD-2 / R-TRD-3: totals (count, GMV, average) of the trades a list shows, for any filter
-- the trades screen offers. security invoker: the caller's RLS (role, region) decides which
-- trades count, exactly as for the list itself. Unknown keys are ignored; values are text.
--   status, kind, merchant_id, member_id, distributor_id, city_code, province_code, brand_id,
--   closed_from, closed_to (timestamptz, inclusive), q (the list's search box)
-- GMV and the average count only closed (not voided or refunded) trades.
create or replace function public.trade_totals(filters jsonb default '{}')
returns table (trade_count bigint, closed_count bigint, gmv_fen bigint, avg_fen bigint, refunded_fen bigint)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  f jsonb := coalesce(filters, '{}');
  q text;
  v_status public.trade_status;
  v_kind public.trade_kind;
  v_merchant uuid;
  v_member uuid;
  v_distributor uuid;
  v_brand integer;
  v_from timestamptz;
  v_to timestamptz;
begin
  if not app.is_staff() then
    perform app.fail('not_permitted', 'staff only', '42501');
  end if;
  if jsonb_typeof(f) <> 'object' then
    perform app.fail('invalid_input', 'filters must be a JSON object');
  end if;
  -- each filter checked against its type once, before the query (a bad value is invalid_input)
  q := app.search_norm(f ->> 'q');
  v_status := app.json_value(f, 'status', 'public.trade_status')::public.trade_status;
  v_kind := app.json_value(f, 'kind', 'public.trade_kind')::public.trade_kind;
  v_merchant := app.json_value(f, 'merchant_id', 'uuid')::uuid;
  v_member := app.json_value(f, 'member_id', 'uuid')::uuid;
  v_distributor := app.json_value(f, 'distributor_id', 'uuid')::uuid;
  v_brand := app.json_value(f, 'brand_id', 'integer')::integer;
  v_from := app.json_value(f, 'closed_from', 'timestamptz')::timestamptz;
  v_to := app.json_value(f, 'closed_to', 'timestamptz')::timestamptz;
  return query
  select count(*)::bigint,
         count(*) filter (where t.status = 'closed')::bigint,
         coalesce(sum(t.amount_fen) filter (where t.status = 'closed'), 0)::bigint,
         coalesce(round(avg(t.amount_fen) filter (where t.status = 'closed')), 0)::bigint,
         coalesce(sum(t.amount_fen) filter (where t.status = 'refunded'), 0)::bigint
  from public.trades t
  where (v_status is null or t.status = v_status)
    and (v_kind is null or t.kind = v_kind)
    and (v_merchant is null or t.merchant_id = v_merchant)
    and (v_member is null or t.member_id = v_member)
    and (v_distributor is null or t.distributor_id = v_distributor)
    and (f ->> 'city_code' is null or t.city_code = f ->> 'city_code')
    and (f ->> 'province_code' is null
         or t.city_code in (select r.code from public.regions r where r.parent_code = f ->> 'province_code'))
    and (v_brand is null or t.brand_id = v_brand)
    and (v_from is null or t.closed_at >= v_from)
    and (v_to is null or t.closed_at <= v_to)
    and (q is null or exists (select 1 from public.v_trades v where v.id = t.id
                              and v.search ilike '%' || replace(q, ' ', '%') || '%'));
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.reservations_before_insert(),
  app.reservation_edge(from_state public.reservation_state, to_state public.reservation_state, kind public.reservation_kind) from public, anon, authenticated, service_role;
grant execute on function app.reservations_before_insert(),
  app.reservation_edge(from_state public.reservation_state, to_state public.reservation_state, kind public.reservation_kind) to public;
revoke all on function public.reservation_verify_deal(p_id uuid, p_note text),
  public.reservation_void(p_id uuid, p_reason_code text, p_note text),
  public.reservation_transition(p_id uuid, p_to public.reservation_state, p_reason_code text, p_note text, p_deal_amount_fen bigint, p_evidence text[], p_checkin_code text),
  public.trade_refund(p_id uuid, p_reason_code text, p_note text),
  public.reservation_run_timers(p_city text, p_limit integer),
  public.trade_totals(filters jsonb) from public, anon, authenticated, service_role;
grant execute on function public.reservation_verify_deal(p_id uuid, p_note text),
  public.reservation_void(p_id uuid, p_reason_code text, p_note text),
  public.reservation_transition(p_id uuid, p_to public.reservation_state, p_reason_code text, p_note text, p_deal_amount_fen bigint, p_evidence text[], p_checkin_code text),
  public.trade_refund(p_id uuid, p_reason_code text, p_note text),
  public.reservation_run_timers(p_city text, p_limit integer),
  public.trade_totals(filters jsonb) to authenticated, service_role;
revoke all on function app.reservation_is_successful(s public.reservation_state) from public, anon, authenticated, service_role;
grant execute on function app.reservation_is_successful(s public.reservation_state) to public, authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger reservations_before_insert before insert on public.reservations
  for each row execute function app.reservations_before_insert();

-- Views ---------------------------------------------------------------------------------------

-- The reservations and trades lists (5 M reservations, 800 k trades at seed factor 100) take
-- names through scalar subqueries, not joins (docs/CONVENTIONS.md, as v_listings): eight joined
-- tables, each behind a row-level-security filter, cost 145 ms a page (planning and a hash of
-- every member's and merchant's row) and gave a row estimate far below the truth. A
-- reservation's and a trade's city are its listing's and merchant's city, so no join is needed
-- to filter rows: row-level security on the base table already does.
create or replace view public.v_reservations with (security_invoker = on) as
select x.id, x.kind, x.state, x.member_id, app.member_name(x.member_id) as member_nickname,
  case when (select app.can_see_pii('person')) then app.member_pii(x.member_id, 'phone')
       else coalesce((select m.phone_masked from public.members m where m.id = x.member_id), app.member_pii(x.member_id, 'phone')) end as member_phone,
  x.merchant_id, (select mc.name from public.merchants mc where mc.id = x.merchant_id) as merchant_name,
  x.listing_id, (select l.title from public.listings l where l.id = x.listing_id) as listing_title,
  (select l.brand_id from public.listings l where l.id = x.listing_id) as brand_id,
  (select b.name from public.listings l join public.car_brands b on b.id = l.brand_id where l.id = x.listing_id) as brand_name,
  x.model_id, (select cm.name from public.car_models cm where cm.id = x.model_id) as model_name,
  x.city_code, (select r.name from public.regions r where r.code = x.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = x.city_code) as province_code,
  x.distributor_id, app.member_name(x.distributor_id) as distributor_nickname, x.share_id, x.touched_at,
  x.reserved_for, x.confirm_deadline, x.price_fen, x.rental_start, x.rental_end,
  case when x.kind = 'rental' then x.rental_end - x.rental_start + 1 end as rental_days,
  x.deal_amount_fen, x.deal_evidence, x.state_reason,
  x.created_at, x.confirmed_at, x.visited_at, x.deal_closed_at, x.state_changed_at,
  (select t.id from public.trades t where t.reservation_id = x.id) as trade_id,
  app.search_text(
    (select m.nickname from public.members m where m.id = x.member_id),
    (select m.nickname_pinyin from public.members m where m.id = x.member_id),
    (select mc.name from public.merchants mc where mc.id = x.merchant_id),
    (select mc.name_pinyin from public.merchants mc where mc.id = x.merchant_id),
    (select l.title from public.listings l where l.id = x.listing_id)) as search
from public.reservations x;

create or replace view public.v_trades with (security_invoker = on) as
select t.id, t.reservation_id, t.kind, t.status, t.amount_fen, t.quantity,
  t.merchant_id, (select mc.name from public.merchants mc where mc.id = t.merchant_id) as merchant_name,
  t.member_id, app.member_name(t.member_id) as member_nickname,
  t.distributor_id, app.member_name(t.distributor_id) as distributor_nickname,
  t.listing_id, (select l.title from public.listings l where l.id = t.listing_id) as listing_title,
  t.brand_id, (select b.name from public.car_brands b where b.id = t.brand_id) as brand_name,
  t.model_id, (select cm.name from public.car_models cm where cm.id = t.model_id) as model_name,
  (select s.name from public.car_models cm join public.car_series s on s.id = cm.series_id where cm.id = t.model_id) as series_name,
  t.city_code, (select r.name from public.regions r where r.code = t.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = t.city_code) as province_code,
  t.closed_at, t.voided_at, t.refunded_at, t.status_reason, t.created_at,
  app.search_text(
    (select mc.name from public.merchants mc where mc.id = t.merchant_id),
    (select mc.name_pinyin from public.merchants mc where mc.id = t.merchant_id),
    (select m.nickname from public.members m where m.id = t.member_id),
    (select b.name from public.car_brands b where b.id = t.brand_id),
    (select b.name_pinyin from public.car_brands b where b.id = t.brand_id),
    (select s.name from public.car_models cm join public.car_series s on s.id = cm.series_id where cm.id = t.model_id),
    (select l.title from public.listings l where l.id = t.listing_id)) as search,
  -- a refund at or above the four-eyes threshold waiting for a second person
  t.refund_requested_by, app.staff_name(t.refund_requested_by) as refund_requested_by_name,
  t.refund_requested_at, t.refund_request_reason
from public.trades t;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_reservations, public.v_trades from public, anon, authenticated, service_role;
grant select on table public.v_reservations, public.v_trades to authenticated;
grant all on table public.v_reservations, public.v_trades to service_role;
