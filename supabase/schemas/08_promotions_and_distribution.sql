-- Promotions (推广位: at most N slots per car model and region, held under concurrency) and
-- distribution (分销): shares, clicks and the binding of a customer to the distributor who
-- brought them. The distribution read models (v_shares, v_distributors,
-- v_distribution_trades) are in 90_cross_domain_views.sql: they count reservations and
-- commissions.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- Distribution (分销): a member with promotion rights shares a listing; clicks on the share
-- are recorded; a customer who arrives through a share is bound to that distributor for
-- that merchant, with the share and click as evidence, until the binding expires (R-PRO-2).
create type public.share_channel as enum ('wechat', 'moments', 'qr', 'link', 'other');

-- Promotion slots (推广位): at most 3 active per car model per region (city). Each active
-- promotion holds a numbered slot 1..3; a partial unique index on (model, region, slot) makes
-- a 4th impossible even if two requests raced past the function's lock.
create type public.promotion_state as enum ('active', 'ended', 'cancelled');

-- Tables --------------------------------------------------------------------------------------

create table public.shares (
  id uuid primary key default extensions.gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Za-z0-9]{6,16}$'),
  distributor_id uuid not null references public.members (id),
  listing_id uuid not null references public.listings (id),
  merchant_id uuid not null references public.merchants (id),
  channel public.share_channel not null default 'wechat',
  created_at timestamptz not null default now()
);
alter table public.shares enable row level security;

create table public.share_clicks (
  id bigint generated always as identity primary key,
  share_id uuid not null references public.shares (id),
  visitor_member_id uuid references public.members (id),
  clicked_at timestamptz not null default now(),
  ip_hash text,
  user_agent text
);
alter table public.share_clicks enable row level security;

create table public.customer_bindings (
  id uuid primary key default extensions.gen_random_uuid(),
  member_id uuid not null references public.members (id),
  distributor_id uuid not null references public.members (id),
  merchant_id uuid not null references public.merchants (id),
  share_id uuid not null references public.shares (id),
  click_id bigint references public.share_clicks (id),
  bound_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  end_reason text,
  -- a binding made by staff settling a dispute: who, and the binding it replaced
  created_by uuid references public.staff (id),
  replaces_id uuid references public.customer_bindings (id),
  ended_by uuid references public.staff (id),
  constraint customer_bindings_not_self check (member_id <> distributor_id),
  constraint customer_bindings_window check (expires_at > bound_at)
);
comment on table public.customer_bindings is '绑定客户: customer ↔ distributor per merchant, with the share and click that caused it';
alter table public.customer_bindings enable row level security;

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
alter table public.promotions enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index shares_distributor_idx on public.shares (distributor_id, created_at desc);

create index shares_listing_idx on public.shares (listing_id);

create index shares_merchant_idx on public.shares (merchant_id);

create index share_clicks_share_idx on public.share_clicks (share_id, clicked_at desc);

create index share_clicks_visitor_idx on public.share_clicks (visitor_member_id);

-- one open binding per customer and merchant
create unique index customer_bindings_open_key on public.customer_bindings (member_id, merchant_id) where ended_at is null;

create index customer_bindings_distributor_idx on public.customer_bindings (distributor_id, bound_at desc);

create index customer_bindings_merchant_idx on public.customer_bindings (merchant_id);

create index customer_bindings_share_idx on public.customer_bindings (share_id);
-- foreign keys: a delete or key change of the referenced row finds its referrers by index
create index customer_bindings_click_id_idx on public.customer_bindings (click_id) where click_id is not null;

create index customer_bindings_replaces_id_idx on public.customer_bindings (replaces_id) where replaces_id is not null;
create index customer_bindings_created_by_idx on public.customer_bindings (created_by) where created_by is not null;
create index customer_bindings_ended_by_idx on public.customer_bindings (ended_by) where ended_by is not null;

create unique index promotions_slot_key on public.promotions (model_id, region_code, slot_no) where state = 'active';

create index promotions_listing_idx on public.promotions (listing_id);

create index promotions_merchant_idx on public.promotions (merchant_id, created_at desc);

create index promotions_region_idx on public.promotions (region_code, state);

create index promotions_active_end_idx on public.promotions (ends_at) where state = 'active';

-- Row-level security --------------------------------------------------------------------------

-- promotions
create policy promotions_read on public.promotions for select to authenticated
  using ((select app.all_regions()) is distinct from false or (region_code = any ((select app.scope_cities())::text[])));
-- the public app (anon) sees which listings are promoted now (public_listings.promoted)
create policy promotions_public_read on public.promotions for select to anon
  using (state = 'active' and ends_at > now());

create policy shares_read on public.shares for select to authenticated
  using ((select app.all_regions()) is distinct from false or merchant_id in (select p.id from public.merchants p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy customer_bindings_read on public.customer_bindings for select to authenticated
  using ((select app.all_regions()) is distinct from false or merchant_id in (select p.id from public.merchants p where (p.city_code = any ((select app.scope_cities())::text[]))));

create policy share_clicks_read on public.share_clicks for select to authenticated
  using ((select app.all_regions()) is distinct from false
         or share_id in (select s.id from public.shares s join public.merchants m on m.id = s.merchant_id where (m.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.shares, public.share_clicks, public.customer_bindings, public.promotions from public, anon, authenticated, service_role;
grant select on table public.shares, public.share_clicks, public.customer_bindings, public.promotions to authenticated;
grant select (listing_id, state, ends_at) on table public.promotions to anon;
grant all on table public.shares, public.share_clicks, public.customer_bindings, public.promotions to service_role;
revoke all on sequence public.share_clicks_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.share_clicks_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Only an active member with promotion rights shares, and only a listing of the share's merchant.
create or replace function app.shares_check()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not coalesce((select m.has_promotion_rights and m.status = 'active' from public.members m where m.id = new.distributor_id), false) then
    perform app.fail('not_permitted', 'only active members with promotion rights may share', '42501');
  end if;
  if (select l.merchant_id from public.listings l where l.id = new.listing_id) is distinct from new.merchant_id then
    perform app.fail('invalid_input', 'share merchant must be the listing''s merchant');
  end if;
  return new;
end;
$$;

-- Promotion slots (R-PRO-1). promotion_create serialises on (car model, region) with a
-- transaction-scoped advisory lock, ends expired promotions of that pair, then takes the
-- lowest free slot number; the partial unique index stays the last line of defence.
create or replace function public.promotion_create(p_listing_id uuid, p_ends_at timestamptz,
  p_starts_at timestamptz default null)
returns public.promotions
language plpgsql
security definer
set search_path = ''
as $$
declare
  l public.listings;
  m public.merchants;
  p public.promotions;
  slots integer := (app.settings()).promotion_slots_per_model;
  free_slot smallint;
begin
  perform app.require_role(true, 'admin');
  select * into l from public.listings where id = p_listing_id;
  if l.id is null then
    perform app.fail('not_found', 'no listing ' || p_listing_id);
  end if;
  perform app.require_region(l.city_code);
  if l.model_id is null then
    perform app.fail('invalid_input', 'only a listing with a car model can be promoted');
  end if;
  if p_ends_at is null or p_ends_at <= coalesce(p_starts_at, now()) then
    perform app.fail('invalid_input', 'the promotion must end after it starts');
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('promotion:' || l.model_id || ':' || l.city_code, 0));
  -- re-read under the lock: the listing must be approved and on shelf, its merchant active
  select * into l from public.listings where id = p_listing_id for share;
  select * into m from public.merchants where id = l.merchant_id;
  if not app.listing_on_shelf(l.review_state, l.shelf_state) or m.status <> 'active' then
    perform app.fail('invalid_input', 'only an approved, on-shelf listing of an active merchant can be promoted');
  end if;
  update public.promotions set state = 'ended', ended_at = now(), end_reason = 'expired'
  where model_id = l.model_id and region_code = l.city_code and state = 'active' and ends_at <= now();
  if exists (select 1 from public.promotions x where x.listing_id = l.id and x.state = 'active') then
    perform app.fail('already_open', 'this listing is already promoted');
  end if;
  select s::smallint into free_slot from generate_series(1, slots) s
  where not exists (select 1 from public.promotions x where x.model_id = l.model_id and x.region_code = l.city_code
                    and x.state = 'active' and x.slot_no = s)
  order by s limit 1;
  if free_slot is null then
    perform app.fail('slot_full', format('all %s promotion slots for this model in %s are taken', slots, l.city_code));
  end if;
  insert into public.promotions (listing_id, merchant_id, model_id, region_code, slot_no, starts_at, ends_at, created_by)
  values (l.id, l.merchant_id, l.model_id, l.city_code, free_slot, coalesce(p_starts_at, now()), p_ends_at, (select auth.uid()))
  returning * into p;
  perform app.audit('promotion.create', 'promotion', p.id::text, null, to_jsonb(p), null, p.region_code);
  return p;
end;
$$;

-- Staff (reviewer, admin) end a promotion early, with a reason.
create or replace function public.promotion_cancel(p_id uuid, p_reason_code text, p_note text default null)
returns public.promotions
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.promotions;
  new public.promotions;
begin
  perform app.require_role(true, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  select * into old from public.promotions where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no promotion ' || p_id);
  end if;
  perform app.require_region(old.region_code);
  if old.state <> 'active' then
    perform app.illegal('promotion', old.state::text, 'cancelled');
  end if;
  update public.promotions set state = 'cancelled', ended_at = now(), end_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.audit('promotion.cancel', 'promotion', p_id::text, jsonb_build_object('state', old.state),
    jsonb_build_object('state', new.state), concat_ws(': ', p_reason_code, p_note), new.region_code);
  return new;
end;
$$;

-- Scheduled: frees the slots of promotions whose window has passed.
create or replace function public.promotion_expire_due()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  n integer;
begin
  perform app.require_role(true, 'admin');
  perform app.require_all_regions();
  update public.promotions set state = 'ended', ended_at = now(), end_reason = 'expired'
  where state = 'active' and ends_at <= now();
  get diagnostics n = row_count;
  return n;
end;
$$;

-- The customer's open binding to a distributor for a merchant at a time (R-PRO-2). The
-- reservation trigger runs it per row, so it is plpgsql: plpgsql caches its plan, a SQL
-- function with a SET clause is planned on every call.
create or replace function app.active_binding(p_member uuid, p_merchant uuid, p_at timestamptz default now())
returns public.customer_bindings
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  b public.customer_bindings;
begin
  select * into b from public.customer_bindings x
  where x.member_id = p_member and x.merchant_id = p_merchant and x.ended_at is null
    and x.bound_at <= p_at and x.expires_at > p_at
  limit 1;
  return b;
end;
$$;

-- Binding disputes (R-PRO-2): a reviewer or admin ends a customer's open binding (unbind), or
-- ends it and binds the customer to another distributor through one of that distributor's
-- shares of the same merchant (rebind). Both act on the future only: reservations copy the
-- distributor when they are made (app.reservations_before_insert), trades and commissions copy
-- it from the reservation, so what was made or earned before stays with whom it was.
create or replace function app.binding_lock(p_id uuid)
returns public.customer_bindings
language plpgsql
set search_path = ''
as $$
declare
  b public.customer_bindings;
begin
  select * into b from public.customer_bindings where id = p_id for update;
  if b.id is null then
    perform app.fail('not_found', 'no binding ' || p_id);
  end if;
  perform app.require_region((select m.city_code from public.merchants m where m.id = b.merchant_id));
  if b.ended_at is not null then
    perform app.illegal('customer binding', 'ended', 'ended');
  end if;
  return b;
end;
$$;

create or replace function public.binding_end(p_id uuid, p_reason_code text, p_note text default null)
returns public.customer_bindings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.customer_bindings;
  new public.customer_bindings;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  old := app.binding_lock(p_id);
  update public.customer_bindings set ended_at = now(), end_reason = concat_ws(': ', p_reason_code, p_note),
    ended_by = (select auth.uid())
  where id = p_id returning * into new;
  perform app.audit('customer_binding.end', 'customer_binding', p_id::text,
    jsonb_build_object('distributor_id', old.distributor_id, 'ended_at', old.ended_at),
    jsonb_build_object('distributor_id', new.distributor_id, 'ended_at', new.ended_at),
    concat_ws(': ', p_reason_code, p_note), (select m.city_code from public.merchants m where m.id = new.merchant_id));
  return new;
end;
$$;

create or replace function public.binding_rebind(p_id uuid, p_share_id uuid, p_reason_code text, p_note text default null)
returns public.customer_bindings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.customer_bindings;
  new public.customer_bindings;
  sh public.shares;
  city text;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  perform app.require_given(p_share_id, 'share');
  old := app.binding_lock(p_id);
  city := (select m.city_code from public.merchants m where m.id = old.merchant_id);
  select * into sh from public.shares where id = p_share_id;
  if sh.id is null then
    perform app.fail('not_found', 'no share ' || p_share_id);
  end if;
  if sh.merchant_id <> old.merchant_id then
    perform app.fail('invalid_input', 'the share must be of the binding''s merchant');
  end if;
  if sh.distributor_id = old.distributor_id or sh.distributor_id = old.member_id then
    perform app.fail('invalid_input', 'rebind to a distributor other than the current one and the customer');
  end if;
  if not coalesce((select d.has_promotion_rights and d.status = 'active' from public.members d where d.id = sh.distributor_id), false) then
    perform app.fail('no_promotion_rights', 'the new distributor has no promotion rights');
  end if;
  update public.customer_bindings set ended_at = now(), end_reason = concat_ws(': ', p_reason_code, p_note),
    ended_by = (select auth.uid())
  where id = p_id;
  insert into public.customer_bindings (member_id, distributor_id, merchant_id, share_id, bound_at, expires_at, created_by, replaces_id)
  values (old.member_id, sh.distributor_id, old.merchant_id, sh.id, now(),
    now() + make_interval(days => (app.settings()).binding_days), (select auth.uid()), old.id)
  returning * into new;
  perform app.audit('customer_binding.rebind', 'customer_binding', old.id::text,
    jsonb_build_object('distributor_id', old.distributor_id, 'binding_id', old.id),
    jsonb_build_object('distributor_id', new.distributor_id, 'binding_id', new.id, 'share_id', new.share_id),
    concat_ws(': ', p_reason_code, p_note), city);
  return new;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.shares_check() from public, anon, authenticated, service_role;
grant execute on function app.shares_check() to public;
revoke all on function app.active_binding(p_member uuid, p_merchant uuid, p_at timestamp with time zone) from public, anon, authenticated, service_role;
grant execute on function app.active_binding(p_member uuid, p_merchant uuid, p_at timestamp with time zone) to public, authenticated, service_role;
revoke all on function public.promotion_create(p_listing_id uuid, p_ends_at timestamp with time zone, p_starts_at timestamp with time zone),
  public.promotion_cancel(p_id uuid, p_reason_code text, p_note text),
  public.promotion_expire_due() from public, anon, authenticated, service_role;
grant execute on function public.promotion_create(p_listing_id uuid, p_ends_at timestamp with time zone, p_starts_at timestamp with time zone),
  public.promotion_cancel(p_id uuid, p_reason_code text, p_note text),
  public.promotion_expire_due() to authenticated, service_role;
revoke all on function app.binding_lock(p_id uuid) from public, anon, authenticated, service_role;
grant execute on function app.binding_lock(p_id uuid) to public;
revoke all on function public.binding_end(p_id uuid, p_reason_code text, p_note text),
  public.binding_rebind(p_id uuid, p_share_id uuid, p_reason_code text, p_note text) from public, anon, authenticated, service_role;
grant execute on function public.binding_end(p_id uuid, p_reason_code text, p_note text),
  public.binding_rebind(p_id uuid, p_share_id uuid, p_reason_code text, p_note text) to authenticated;

-- Triggers ------------------------------------------------------------------------------------

create trigger shares_check before insert or update on public.shares
  for each row execute function app.shares_check();

-- Views ---------------------------------------------------------------------------------------

-- The promotion list with listing, merchant, catalogue and region names.
create view public.v_promotions with (security_invoker = on) as
select p.id, p.listing_id, l.title as listing_title, p.merchant_id, mc.name as merchant_name,
  p.model_id, cm.name as model_name, s.name as series_name, b.name as brand_name,
  p.region_code, r.name as region_name, p.slot_no, p.state, p.starts_at, p.ends_at,
  p.created_by, p.created_at, p.ended_at, p.end_reason
from public.promotions p
join public.listings l on l.id = p.listing_id
join public.merchants mc on mc.id = p.merchant_id
join public.car_models cm on cm.id = p.model_id
join public.car_series s on s.id = cm.series_id
join public.car_brands b on b.id = s.brand_id
left join public.regions r on r.code = p.region_code;

-- Bindings with both members' nicknames: through app.member_name() when the member is
-- outside the caller's regions (left joins keep the row).
create or replace view public.v_customer_bindings with (security_invoker = on) as
select cb.id, cb.member_id, coalesce(m.nickname, app.member_name(cb.member_id)) as member_nickname, cb.distributor_id, coalesce(d.nickname, app.member_name(cb.distributor_id)) as distributor_nickname,
  cb.merchant_id, mc.name as merchant_name, mc.city_code, cb.share_id, sh.code as share_code, cb.click_id,
  cb.bound_at, cb.expires_at, cb.ended_at, cb.end_reason,
  (cb.ended_at is null and cb.expires_at > now()) as is_active
from public.customer_bindings cb
left join public.members m on m.id = cb.member_id
left join public.members d on d.id = cb.distributor_id
join public.merchants mc on mc.id = cb.merchant_id
join public.shares sh on sh.id = cb.share_id;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_promotions, public.v_customer_bindings from public, anon, authenticated, service_role;
grant select on table public.v_promotions, public.v_customer_bindings to authenticated;
grant all on table public.v_promotions, public.v_customer_bindings to service_role;
