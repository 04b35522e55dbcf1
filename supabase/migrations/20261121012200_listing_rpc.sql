-- Listing machines (DOMAIN.md), one dimension each:
-- review: draft → pending → approved | rejected; shelf: off ⇄ on (approved, merchant active),
-- forced_off by staff, back to off only after a new approval; trade: available → on_hold →
-- sold | rented_out → available; available ⇄ maintenance; any → retired.
create or replace function app.listing_lock(p_id uuid)
returns public.listings
language plpgsql
set search_path = ''
as $$
declare
  l public.listings;
begin
  select * into l from public.listings where id = p_id for update;
  if l.id is null then
    perform app.fail('not_found', 'no listing ' || p_id);
  end if;
  perform app.require_region(l.city_code);
  return l;
end;
$$;

create or replace function app.listing_log(old public.listings, new public.listings, dimension text, action text,
  reason_code text, note text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  from_state text := case dimension when 'review' then old.review_state::text when 'shelf' then old.shelf_state::text else old.trade_state::text end;
  to_state text := case dimension when 'review' then new.review_state::text when 'shelf' then new.shelf_state::text else new.trade_state::text end;
begin
  insert into public.listing_history (listing_id, dimension, from_state, to_state, reason_code, note, actor_id)
  values (new.id, dimension, from_state, to_state, reason_code, note, (select auth.uid()));
  perform app.audit('listing.' || action, 'listing', new.id::text,
    jsonb_build_object('review_state', old.review_state, 'shelf_state', old.shelf_state, 'trade_state', old.trade_state),
    jsonb_build_object('review_state', new.review_state, 'shelf_state', new.shelf_state, 'trade_state', new.trade_state),
    concat_ws(': ', reason_code, note), new.city_code);
end;
$$;

-- Ends a listing's active promotions (taken off shelf, sold, retired).
create or replace function app.listing_end_promotions(p_listing uuid, reason text)
returns void
language sql
set search_path = ''
as $$
  update public.promotions set state = 'ended', ended_at = now(), end_reason = reason
  where listing_id = p_listing and state = 'active'
$$;

create or replace function public.listing_submit(p_id uuid, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(true, 'admin');
  old := app.listing_lock(p_id);
  if old.review_state not in ('draft', 'rejected') then
    perform app.illegal('listing review', old.review_state::text, 'pending');
  end if;
  update public.listings set review_state = 'pending', submitted_at = now(), reject_reason = null
  where id = p_id returning * into new;
  perform app.listing_log(old, new, 'review', 'submit', null, p_note);
  return new;
end;
$$;

create or replace function public.listing_approve(p_id uuid, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  old := app.listing_lock(p_id);
  if old.review_state <> 'pending' then
    perform app.illegal('listing review', old.review_state::text, 'approved');
  end if;
  update public.listings set review_state = 'approved', approved_at = now(), reject_reason = null,
    shelf_state = case when shelf_state = 'forced_off' then 'off' else shelf_state end,
    forced_off_reason = case when shelf_state = 'forced_off' then null else forced_off_reason end
  where id = p_id returning * into new;
  perform app.listing_log(old, new, 'review', 'approve', null, p_note);
  if old.shelf_state = 'forced_off' then
    insert into public.listing_history (listing_id, dimension, from_state, to_state, reason_code, note, actor_id)
    values (p_id, 'shelf', 'forced_off', 'off', 'reapproved', null, (select auth.uid()));
  end if;
  return new;
end;
$$;

create or replace function public.listing_reject(p_id uuid, p_reason_code text, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  old := app.listing_lock(p_id);
  if old.review_state <> 'pending' then
    perform app.illegal('listing review', old.review_state::text, 'rejected');
  end if;
  update public.listings set review_state = 'rejected', reject_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.listing_log(old, new, 'review', 'reject', p_reason_code, p_note);
  return new;
end;
$$;

-- Puts an approved listing on shelf; the merchant must be active with the fee paid.
create or replace function public.listing_shelve(p_id uuid, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
  m public.merchants;
begin
  perform app.require_role(true, 'admin');
  old := app.listing_lock(p_id);
  if old.shelf_state <> 'off' or old.review_state <> 'approved' or old.trade_state in ('sold', 'retired') then
    perform app.illegal('listing shelf', old.shelf_state::text || '/' || old.review_state::text, 'on');
  end if;
  select * into m from public.merchants where id = old.merchant_id;
  if m.status <> 'active' or not app.merchant_fee_ok(m) then
    perform app.fail('merchant_inactive', 'the merchant is not active with the fee paid');
  end if;
  update public.listings set shelf_state = 'on', listed_at = coalesce(listed_at, now())
  where id = p_id returning * into new;
  perform app.listing_log(old, new, 'shelf', 'shelve', null, p_note);
  return new;
end;
$$;

create or replace function public.listing_unshelve(p_id uuid, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(true, 'admin');
  old := app.listing_lock(p_id);
  if old.shelf_state <> 'on' then
    perform app.illegal('listing shelf', old.shelf_state::text, 'off');
  end if;
  update public.listings set shelf_state = 'off' where id = p_id returning * into new;
  perform app.listing_end_promotions(p_id, 'unshelved');
  perform app.listing_log(old, new, 'shelf', 'unshelve', null, p_note);
  return new;
end;
$$;

-- Staff delist (下架) with a reason: on | off → forced_off.
create or replace function public.listing_force_off(p_id uuid, p_reason_code text, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  old := app.listing_lock(p_id);
  if old.shelf_state = 'forced_off' then
    perform app.illegal('listing shelf', old.shelf_state::text, 'forced_off');
  end if;
  update public.listings set shelf_state = 'forced_off', forced_off_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.listing_end_promotions(p_id, 'forced_off');
  perform app.listing_log(old, new, 'shelf', 'force_off', p_reason_code, p_note);
  return new;
end;
$$;

-- Trade dimension. Reservations drive most of it; staff and the merchant app may set
-- maintenance, return from maintenance, or retire.
create or replace function app.listing_trade_allowed(kind public.listing_kind, from_state public.listing_trade_state,
  to_state public.listing_trade_state)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select (from_state, to_state) in (
      ('available', 'on_hold'), ('on_hold', 'available'), ('available', 'maintenance'), ('maintenance', 'available'),
      ('rented_out', 'available'))
    or (from_state = 'on_hold' and to_state = 'sold' and kind <> 'rental')
    or (from_state in ('on_hold', 'available') and to_state = 'rented_out' and kind = 'rental')
    or (from_state <> 'retired' and to_state = 'retired')
$$;

create or replace function app.listing_move_trade(p_id uuid, to_state public.listing_trade_state, reason_code text, note text)
returns public.listings
language plpgsql
set search_path = ''
as $$
declare
  old public.listings;
  new public.listings;
begin
  old := app.listing_lock(p_id);
  if not app.listing_trade_allowed(old.kind, old.trade_state, to_state) then
    perform app.illegal('listing trade', old.trade_state::text, to_state::text);
  end if;
  update public.listings set trade_state = to_state,
    sold_at = case when to_state = 'sold' then now() else sold_at end,
    shelf_state = case when to_state in ('sold', 'retired') and shelf_state = 'on' then 'off' else shelf_state end
  where id = p_id returning * into new;
  if to_state in ('sold', 'retired') then
    perform app.listing_end_promotions(p_id, to_state::text);
  end if;
  perform app.listing_log(old, new, 'trade', 'trade_' || to_state::text, reason_code, note);
  return new;
end;
$$;

create or replace function public.listing_set_trade_state(p_id uuid, p_to public.listing_trade_state,
  p_reason_code text default null, p_note text default null)
returns public.listings
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(true, 'admin');
  if p_to not in ('maintenance', 'available', 'retired') then
    perform app.fail('invalid_input', 'on_hold, sold and rented_out follow reservations');
  end if;
  return app.listing_move_trade(p_id, p_to, p_reason_code, p_note);
end;
$$;

-- Bulk actions: one result per id; a refused id does not undo the others.
create or replace function public.listing_bulk_approve(p_ids uuid[], p_note text default null)
returns table (id uuid, ok boolean, error text)
language plpgsql
security definer
set search_path = ''
as $$
declare
  one uuid;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  if cardinality(p_ids) > 500 then
    perform app.fail('invalid_input', 'at most 500 listings at once');
  end if;
  foreach one in array coalesce(p_ids, '{}') loop
    begin
      perform public.listing_approve(one, p_note);
      id := one; ok := true; error := null;
    exception when others then
      id := one; ok := false; error := sqlerrm;
    end;
    return next;
  end loop;
end;
$$;

create or replace function public.listing_bulk_delist(p_ids uuid[], p_reason_code text, p_note text default null)
returns table (id uuid, ok boolean, error text)
language plpgsql
security definer
set search_path = ''
as $$
declare
  one uuid;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  if cardinality(p_ids) > 500 then
    perform app.fail('invalid_input', 'at most 500 listings at once');
  end if;
  foreach one in array coalesce(p_ids, '{}') loop
    begin
      perform public.listing_force_off(one, p_reason_code, p_note);
      id := one; ok := true; error := null;
    exception when others then
      id := one; ok := false; error := sqlerrm;
    end;
    return next;
  end loop;
end;
$$;

revoke execute on function public.listing_submit(uuid, text), public.listing_approve(uuid, text),
  public.listing_reject(uuid, text, text), public.listing_shelve(uuid, text), public.listing_unshelve(uuid, text),
  public.listing_force_off(uuid, text, text), public.listing_set_trade_state(uuid, public.listing_trade_state, text, text),
  public.listing_bulk_approve(uuid[], text), public.listing_bulk_delist(uuid[], text, text) from public, anon;
grant execute on function public.listing_submit(uuid, text), public.listing_approve(uuid, text),
  public.listing_reject(uuid, text, text), public.listing_shelve(uuid, text), public.listing_unshelve(uuid, text),
  public.listing_force_off(uuid, text, text), public.listing_set_trade_state(uuid, public.listing_trade_state, text, text),
  public.listing_bulk_approve(uuid[], text), public.listing_bulk_delist(uuid[], text, text) to authenticated, service_role;
