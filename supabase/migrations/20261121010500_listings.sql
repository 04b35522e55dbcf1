-- Listings (产品): used cars for sale, new cars for sale, cars for rent. Review, shelf and
-- trade are three separate state dimensions (DOMAIN.md). Search: `search` (trigram, for
-- queries of 3+ characters) and `search_grams` (1-2 character fragments, GIN) built from
-- the catalogue's Chinese, Latin, pinyin and initials plus the title.
create type public.listing_kind as enum ('used_sale', 'new_sale', 'rental');
create type public.listing_review_state as enum ('draft', 'pending', 'approved', 'rejected');
create type public.listing_shelf_state as enum ('off', 'on', 'forced_off');
create type public.listing_trade_state as enum ('available', 'on_hold', 'sold', 'rented_out', 'maintenance', 'retired');

create table public.listings (
  id uuid primary key default extensions.gen_random_uuid(),
  merchant_id uuid not null references public.merchants (id),
  kind public.listing_kind not null,
  title text not null check (char_length(btrim(title)) between 2 and 120),
  brand_id integer not null references public.car_brands (id),
  series_id integer not null references public.car_series (id),
  model_id integer references public.car_models (id),
  year smallint check (year between 1990 and 2100),
  first_registered_on date,
  mileage_km integer check (mileage_km >= 0),
  colour text,
  gearbox public.gearbox_type,
  energy public.energy_type,
  vin text check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
  city_code text not null references public.regions (code),
  -- sale price, or the daily rent for rentals
  price_fen bigint not null check (price_fen > 0),
  deposit_fen bigint check (deposit_fen >= 0),
  photos text[] not null default '{}',
  description text,
  holiday_price_fen bigint check (holiday_price_fen > 0),
  holiday_starts_at timestamptz,
  holiday_ends_at timestamptz,
  review_state public.listing_review_state not null default 'draft',
  shelf_state public.listing_shelf_state not null default 'off',
  trade_state public.listing_trade_state not null default 'available',
  reject_reason text,
  forced_off_reason text,
  submitted_at timestamptz,
  approved_at timestamptz,
  listed_at timestamptz,
  sold_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search text,
  search_grams text[] generated always as (app.search_grams(search)) stored,
  constraint listings_on_shelf_needs_approval check (shelf_state <> 'on' or review_state = 'approved'),
  constraint listings_holiday_window check (
    (holiday_price_fen is null and holiday_starts_at is null and holiday_ends_at is null)
    or (holiday_price_fen is not null and holiday_starts_at is not null and holiday_ends_at > holiday_starts_at)),
  constraint listings_rental_deposit check (kind <> 'rental' or deposit_fen is not null),
  constraint listings_trade_state_kind check (
    (kind = 'rental' and trade_state <> 'sold') or (kind <> 'rental' and trade_state <> 'rented_out'))
);
comment on table public.listings is '产品/车源: review, shelf and trade states per DOMAIN.md; write through RPCs';
create index listings_merchant_idx on public.listings (merchant_id, created_at desc);
create index listings_brand_idx on public.listings (brand_id);
create index listings_series_idx on public.listings (series_id);
create index listings_model_idx on public.listings (model_id);
create index listings_city_idx on public.listings (city_code, created_at desc);
create index listings_created_idx on public.listings (created_at desc);
create index listings_price_idx on public.listings (kind, price_fen);
create index listings_review_queue_idx on public.listings (submitted_at) where review_state = 'pending';
create index listings_public_idx on public.listings (city_code, kind) where review_state = 'approved' and shelf_state = 'on';
create index listings_search_trgm on public.listings using gin (search extensions.gin_trgm_ops);
create index listings_search_grams on public.listings using gin (search_grams);

-- Builds the search text from the catalogue: 宝马 BMW baoma bm X5 … plus the title and year.
create or replace function app.listing_search_text(p_brand integer, p_series integer, p_model integer, p_title text, p_year smallint)
returns text
language sql
stable
set search_path = ''
as $$
  select app.search_norm(concat_ws(' ',
    b.name, b.name_en, b.name_pinyin, b.name_initials,
    s.name, s.name_pinyin, s.name_initials, b.name_initials || s.name_initials,
    m.name, p_title, p_year::text))
  from public.car_brands b
  join public.car_series s on s.id = p_series
  left join public.car_models m on m.id = p_model
  where b.id = p_brand
$$;

-- Keeps search, catalogue consistency, city and updated_at right on every write, and sends an
-- approved listing back to review on a material edit (VIN, mileage, price, photos).
create or replace function app.listings_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select s.brand_id from public.car_series s where s.id = new.series_id) is distinct from new.brand_id then
    perform app.fail('invalid_input', 'series does not belong to the brand');
  end if;
  if new.model_id is not null
     and (select m.series_id from public.car_models m where m.id = new.model_id) is distinct from new.series_id then
    perform app.fail('invalid_input', 'model does not belong to the series');
  end if;
  if tg_op = 'INSERT' or new.brand_id <> old.brand_id or new.series_id <> old.series_id
     or new.model_id is distinct from old.model_id or new.title <> old.title or new.year is distinct from old.year then
    new.search := app.listing_search_text(new.brand_id, new.series_id, new.model_id, new.title, new.year);
  end if;
  if tg_op = 'UPDATE' then
    new.updated_at := now();
    if old.review_state = 'approved' and new.review_state = 'approved'
       and (new.vin is distinct from old.vin or new.mileage_km is distinct from old.mileage_km
            or new.price_fen <> old.price_fen or new.photos is distinct from old.photos) then
      new.review_state := 'pending';
      new.submitted_at := now();
      if new.shelf_state = 'on' then
        new.shelf_state := 'off';
      end if;
      insert into public.listing_history (listing_id, dimension, from_state, to_state, reason_code, note, actor_id)
      values (new.id, 'review', 'approved', 'pending', 'material_edit', 'VIN, mileage, price or photos changed', (select auth.uid()));
    end if;
  end if;
  return new;
end;
$$;
create trigger listings_before_write before insert or update on public.listings
  for each row execute function app.listings_before_write();

create table public.listing_history (
  id bigint generated always as identity primary key,
  listing_id uuid not null references public.listings (id),
  dimension text not null check (dimension in ('review', 'shelf', 'trade')),
  from_state text,
  to_state text not null,
  reason_code text,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
create index listing_history_listing_idx on public.listing_history (listing_id, at desc);

alter table public.listings enable row level security;
alter table public.listing_history enable row level security;
