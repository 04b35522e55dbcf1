-- Table privileges for the core domain. anon gets nothing (public views come later);
-- authenticated reads, and writes only where an admin edits reference data or non-state
-- columns. State columns change only through the RPCs (security definer). PII columns
-- (phones, ID numbers, real names) are not readable at all: the v_* views reveal them
-- through app.*_pii() accessors to the roles allowed, and show masked copies otherwise.

-- Grants SELECT on every column of a table except the listed ones.
create or replace function app.grant_select_except(tbl regclass, grantee text, hidden text[])
returns void
language plpgsql
set search_path = ''
as $$
declare
  cols text;
begin
  select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into cols
  from pg_catalog.pg_attribute a
  where a.attrelid = tbl and a.attnum > 0 and not a.attisdropped and a.attname <> all (hidden);
  execute format('grant select (%s) on %s to %I', cols, tbl, grantee);
end;
$$;
revoke execute on function app.grant_select_except(regclass, text, text[]) from public;

do $$
declare
  t text;
begin
  foreach t in array array[
    'members', 'member_actions', 'merchant_categories', 'merchants', 'merchant_status_history',
    'merchant_commission_changes', 'car_brands', 'car_series', 'car_models', 'listings', 'listing_history',
    'shares', 'share_clicks', 'customer_bindings', 'reservations', 'reservation_history', 'trades',
    'trade_history', 'core_settings', 'merchant_applications', 'merchant_application_documents',
    'merchant_application_versions', 'merchant_application_history', 'promotions', 'complaints',
    'complaint_messages', 'complaint_history', 'merchant_penalties', 'ranking_rules', 'ranking_runs',
    'merchant_scores', 'merchant_score_history']
  loop
    execute format('revoke all on public.%I from anon, authenticated', t);
  end loop;
  foreach t in array array[
    'member_actions', 'merchant_categories', 'merchant_status_history', 'merchant_commission_changes',
    'car_brands', 'car_series', 'car_models', 'listings', 'listing_history', 'shares', 'share_clicks',
    'customer_bindings', 'reservations', 'reservation_history', 'trades', 'trade_history', 'core_settings',
    'merchant_application_versions', 'merchant_application_history', 'merchant_application_documents',
    'promotions', 'complaints', 'complaint_messages', 'complaint_history', 'merchant_penalties',
    'ranking_rules', 'ranking_runs', 'merchant_scores', 'merchant_score_history']
  loop
    execute format('grant select on public.%I to authenticated', t);
  end loop;
end $$;

select app.grant_select_except('public.members', 'authenticated', '{phone,id_number,real_name}');
select app.grant_select_except('public.merchants', 'authenticated', '{contact_phone,legal_person_id_number}');
select app.grant_select_except('public.merchant_applications', 'authenticated', '{contact_phone,legal_person_id_number}');

-- Admin edits reference data and settings directly (RLS below limits these to admin).
grant insert, update, delete on public.car_brands, public.car_series, public.car_models to authenticated;
grant insert, update on public.merchant_categories, public.ranking_rules to authenticated;
grant update (reservation_confirm_hours, deal_auto_close_days, binding_days, complaint_first_response_hours,
  complaint_merchant_reply_hours, complaint_resolution_days, complaint_auto_close_days,
  penalty_suspend_threshold, merchant_grace_days, promotion_slots_per_model, updated_at)
  on public.core_settings to authenticated;
-- Non-state columns an admin may correct in place; status, category and rates go through RPCs.
grant update (name, name_pinyin, name_initials, address, lat, lng, contact_name, contact_phone, description,
  licence_image_url, legal_person_name, updated_at) on public.merchants to authenticated;
grant update (title, description, colour, photos, holiday_price_fen, holiday_starts_at, holiday_ends_at,
  first_registered_on, mileage_km, price_fen, deposit_fen, vin, updated_at) on public.listings to authenticated;

-- Helpers called from triggers and generated columns while an admin writes directly.
grant execute on function app.listing_search_text(integer, integer, integer, text, smallint),
  app.active_binding(uuid, uuid, timestamptz) to authenticated, service_role;
