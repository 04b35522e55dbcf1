-- Reservations (预约看车 / 预约租车), state machine per DOMAIN.md.
create type public.reservation_kind as enum ('rental', 'used_purchase', 'new_purchase');
create type public.reservation_state as enum (
  'created', 'confirmed', 'auto_expired', 'cancelled_by_customer', 'cancelled_by_merchant',
  'no_show', 'visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided');

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
comment on table public.reservations is '预约记录: state per DOMAIN.md; deal_closed creates a trade';
create index reservations_member_idx on public.reservations (member_id, kind);
create index reservations_merchant_idx on public.reservations (merchant_id, state);
create index reservations_listing_idx on public.reservations (listing_id);
create index reservations_distributor_idx on public.reservations (distributor_id) where distributor_id is not null;
create index reservations_share_idx on public.reservations (share_id) where share_id is not null;
create index reservations_model_idx on public.reservations (model_id);
create index reservations_city_created_idx on public.reservations (city_code, created_at desc);
create index reservations_created_idx on public.reservations (created_at desc);
create index reservations_open_idx on public.reservations (confirm_deadline) where state = 'created';

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
create trigger reservations_before_insert before insert on public.reservations
  for each row execute function app.reservations_before_insert();

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
create index reservation_history_reservation_idx on public.reservation_history (reservation_id, at desc);

alter table public.reservations enable row level security;
alter table public.reservation_history enable row level security;
