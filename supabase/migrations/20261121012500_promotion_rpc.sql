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
  if l.review_state <> 'approved' or l.shelf_state <> 'on' or m.status <> 'active' then
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
  update public.promotions set state = 'ended', ended_at = now(), end_reason = 'expired'
  where state = 'active' and ends_at <= now();
  get diagnostics n = row_count;
  return n;
end;
$$;

revoke execute on function public.promotion_create(uuid, timestamptz, timestamptz), public.promotion_cancel(uuid, text, text),
  public.promotion_expire_due() from public, anon;
grant execute on function public.promotion_create(uuid, timestamptz, timestamptz), public.promotion_cancel(uuid, text, text),
  public.promotion_expire_due() to authenticated, service_role;
