-- Trades (买卖记录): one row per closed deal, inserted with status 'closed' by the reservation
-- machine at deal_closed, later updated to 'voided' or 'refunded' by SQL functions. The money
-- migrations hang their triggers on this table (docs/DATA_MODEL_CONTRACT.md).
create type public.trade_kind as enum ('sale', 'rental');
create type public.trade_status as enum ('closed', 'voided', 'refunded');

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
  constraint trades_status_times check (
    (status = 'closed' and voided_at is null and refunded_at is null)
    or (status = 'voided' and voided_at is not null and refunded_at is null)
    or (status = 'refunded' and refunded_at is not null and voided_at is null))
);
comment on table public.trades is '买卖记录: closed deals; money triggers attach here';
create index trades_merchant_idx on public.trades (merchant_id, closed_at desc);
create index trades_member_idx on public.trades (member_id);
create index trades_distributor_idx on public.trades (distributor_id) where distributor_id is not null;
create index trades_listing_idx on public.trades (listing_id);
create index trades_brand_idx on public.trades (brand_id, closed_at desc);
create index trades_model_idx on public.trades (model_id);
create index trades_city_closed_idx on public.trades (city_code, closed_at desc);
create index trades_closed_idx on public.trades (closed_at desc);

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
create index trade_history_trade_idx on public.trade_history (trade_id, at desc);

alter table public.trades enable row level security;
alter table public.trade_history enable row level security;
