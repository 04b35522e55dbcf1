-- Row level security for the core domain (DOMAIN.md permission table). Every staff role
-- reads these resources; region-scoped staff see only their regions' rows. Writes are RPCs,
-- except admin's reference data. `(select app.all_regions())` is evaluated once per query,
-- so unscoped staff never pay for the per-row app.in_region() call.

-- members and their action log
create policy members_read on public.members for select to authenticated
  using ((select app.all_regions()) or app.in_region(city_code));
create policy member_actions_read on public.member_actions for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.members m where m.id = member_id and app.in_region(m.city_code)));

-- merchants
create policy merchant_categories_read on public.merchant_categories for select to authenticated
  using ((select app.is_staff()));
create policy merchant_categories_admin_insert on public.merchant_categories for insert to authenticated
  with check ((select app.has_role('admin')));
create policy merchant_categories_admin_update on public.merchant_categories for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));
create policy merchants_read on public.merchants for select to authenticated
  using ((select app.all_regions()) or app.in_region(city_code));
create policy merchants_admin_update on public.merchants for update to authenticated
  using ((select app.has_role('admin')) and ((select app.all_regions()) or app.in_region(city_code)))
  with check ((select app.has_role('admin')) and ((select app.all_regions()) or app.in_region(city_code)));
create policy merchant_status_history_read on public.merchant_status_history for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchants m where m.id = merchant_id and app.in_region(m.city_code)));
create policy merchant_commission_changes_read on public.merchant_commission_changes for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchants m where m.id = merchant_id and app.in_region(m.city_code)));

-- catalogue: every staff member reads, admin maintains
create policy car_brands_read on public.car_brands for select to authenticated using ((select app.is_staff()));
create policy car_brands_admin_insert on public.car_brands for insert to authenticated with check ((select app.has_role('admin')));
create policy car_brands_admin_update on public.car_brands for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));
create policy car_brands_admin_delete on public.car_brands for delete to authenticated using ((select app.has_role('admin')));
create policy car_series_read on public.car_series for select to authenticated using ((select app.is_staff()));
create policy car_series_admin_insert on public.car_series for insert to authenticated with check ((select app.has_role('admin')));
create policy car_series_admin_update on public.car_series for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));
create policy car_series_admin_delete on public.car_series for delete to authenticated using ((select app.has_role('admin')));
create policy car_models_read on public.car_models for select to authenticated using ((select app.is_staff()));
create policy car_models_admin_insert on public.car_models for insert to authenticated with check ((select app.has_role('admin')));
create policy car_models_admin_update on public.car_models for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));
create policy car_models_admin_delete on public.car_models for delete to authenticated using ((select app.has_role('admin')));

-- listings
create policy listings_read on public.listings for select to authenticated
  using ((select app.all_regions()) or app.in_region(city_code));
create policy listings_admin_update on public.listings for update to authenticated
  using ((select app.has_role('admin')) and ((select app.all_regions()) or app.in_region(city_code)))
  with check ((select app.has_role('admin')) and ((select app.all_regions()) or app.in_region(city_code)));
create policy listing_history_read on public.listing_history for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.listings l where l.id = listing_id and app.in_region(l.city_code)));

-- distribution
create policy shares_read on public.shares for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchants m where m.id = merchant_id and app.in_region(m.city_code)));
create policy share_clicks_read on public.share_clicks for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.shares s join public.merchants m on m.id = s.merchant_id
                    where s.id = share_id and app.in_region(m.city_code)));
create policy customer_bindings_read on public.customer_bindings for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchants m where m.id = merchant_id and app.in_region(m.city_code)));

-- reservations and trades
create policy reservations_read on public.reservations for select to authenticated
  using ((select app.all_regions()) or app.in_region(city_code));
create policy reservation_history_read on public.reservation_history for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.reservations r where r.id = reservation_id and app.in_region(r.city_code)));
create policy trades_read on public.trades for select to authenticated
  using ((select app.all_regions()) or app.in_region(city_code));
create policy trade_history_read on public.trade_history for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.trades t where t.id = trade_id and app.in_region(t.city_code)));

-- settings
create policy core_settings_read on public.core_settings for select to authenticated using ((select app.is_staff()));
create policy core_settings_admin_update on public.core_settings for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));

-- merchant applications
create policy merchant_applications_read on public.merchant_applications for select to authenticated
  using ((select app.all_regions()) or app.in_region(city_code));
create policy merchant_application_documents_read on public.merchant_application_documents for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchant_applications a where a.id = application_id and app.in_region(a.city_code)));
create policy merchant_application_versions_read on public.merchant_application_versions for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchant_applications a where a.id = application_id and app.in_region(a.city_code)));
create policy merchant_application_history_read on public.merchant_application_history for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchant_applications a where a.id = application_id and app.in_region(a.city_code)));

-- promotions
create policy promotions_read on public.promotions for select to authenticated
  using ((select app.all_regions()) or app.in_region(region_code));

-- complaints
create policy complaints_read on public.complaints for select to authenticated
  using ((select app.all_regions()) or app.in_region(city_code));
create policy complaint_messages_read on public.complaint_messages for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.complaints c where c.id = complaint_id and app.in_region(c.city_code)));
create policy complaint_history_read on public.complaint_history for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.complaints c where c.id = complaint_id and app.in_region(c.city_code)));
create policy merchant_penalties_read on public.merchant_penalties for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchants m where m.id = merchant_id and app.in_region(m.city_code)));

-- ranking
create policy ranking_rules_read on public.ranking_rules for select to authenticated using ((select app.is_staff()));
create policy ranking_rules_admin_insert on public.ranking_rules for insert to authenticated with check ((select app.has_role('admin')));
create policy ranking_rules_admin_update on public.ranking_rules for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));
create policy ranking_runs_read on public.ranking_runs for select to authenticated using ((select app.is_staff()));
create policy merchant_scores_read on public.merchant_scores for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchants m where m.id = merchant_id and app.in_region(m.city_code)));
create policy merchant_score_history_read on public.merchant_score_history for select to authenticated
  using ((select app.all_regions())
         or exists (select 1 from public.merchants m where m.id = merchant_id and app.in_region(m.city_code)));
