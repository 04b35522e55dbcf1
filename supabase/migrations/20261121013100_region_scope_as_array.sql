-- app.in_region() looks the caller's staff row up for every row a policy checks; over tens of
-- thousands of rows that dominates a region-scoped user's list and count queries. The core
-- policies instead compare against the caller's scope expanded once per query to the set of
-- region codes it covers (a province brings its cities), which is also indexable.
create or replace function app.scope_cities()
returns text[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct r.code), '{}')
  from public.staff s
  cross join lateral unnest(s.region_codes) as c (code)
  join public.regions r on r.code = c.code or r.parent_code = c.code
  where s.id = (select auth.uid()) and s.active
$$;
grant execute on function app.scope_cities() to authenticated, service_role;

-- Rewrite every core policy's app.in_region(col) into col = any ((select app.scope_cities())::text[]).
do $$
declare
  p record;
  core text[] := array['members', 'member_actions', 'merchants', 'merchant_status_history', 'merchant_commission_changes',
    'listings', 'listing_history', 'shares', 'share_clicks', 'customer_bindings', 'reservations', 'reservation_history',
    'trades', 'trade_history', 'merchant_applications', 'merchant_application_documents', 'merchant_application_versions',
    'merchant_application_history', 'promotions', 'complaints', 'complaint_messages', 'complaint_history',
    'merchant_penalties', 'merchant_scores', 'merchant_score_history'];
  rx text := 'app\.in_region\(([a-z_]+\.)?([a-z_]+)\)';
  rep text := '(\1\2 = ANY ((SELECT app.scope_cities())::text[]))';
begin
  for p in select * from pg_catalog.pg_policies where schemaname = 'public' and tablename = any (core)
           and (qual ~ 'in_region' or with_check ~ 'in_region') and policyname like tablename || '%'
  loop
    if p.qual is not null then
      execute format('alter policy %I on public.%I using (%s)', p.policyname, p.tablename, regexp_replace(p.qual, rx, rep, 'g'));
    end if;
    if p.with_check is not null then
      execute format('alter policy %I on public.%I with check (%s)', p.policyname, p.tablename, regexp_replace(p.with_check, rx, rep, 'g'));
    end if;
  end loop;
end $$;
