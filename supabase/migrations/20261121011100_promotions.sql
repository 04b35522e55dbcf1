-- Promotion slots (推广位): at most 3 active per car model per region (city). Each active
-- promotion holds a numbered slot 1..3; a partial unique index on (model, region, slot) makes
-- a 4th impossible even if two requests raced past the function's lock.
create type public.promotion_state as enum ('active', 'ended', 'cancelled');

create table public.promotions (
  id uuid primary key default extensions.gen_random_uuid(),
  listing_id uuid not null references public.listings (id),
  merchant_id uuid not null references public.merchants (id),
  model_id integer not null references public.car_models (id),
  region_code text not null references public.regions (code),
  slot_no smallint not null check (slot_no between 1 and 3),
  state public.promotion_state not null default 'active',
  starts_at timestamptz not null default now(),
  ends_at timestamptz not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  ended_at timestamptz,
  end_reason text,
  constraint promotions_window check (ends_at > starts_at),
  constraint promotions_end check ((state = 'active') = (ended_at is null))
);
comment on table public.promotions is '推广位: records pointing at approved, on-shelf listings; 3 per model per city';
create unique index promotions_slot_key on public.promotions (model_id, region_code, slot_no) where state = 'active';
create index promotions_listing_idx on public.promotions (listing_id);
create index promotions_merchant_idx on public.promotions (merchant_id, created_at desc);
create index promotions_region_idx on public.promotions (region_code, state);
create index promotions_active_end_idx on public.promotions (ends_at) where state = 'active';

alter table public.promotions enable row level security;
