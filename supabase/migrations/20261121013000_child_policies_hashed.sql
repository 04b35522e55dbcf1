-- Child tables (history, messages, documents…) follow their parent's region. The first
-- policies used a correlated EXISTS per row, which region-scoped staff paid for on every row
-- scanned (reservation_history hit the statement timeout). `parent_id in (select …)` lets the
-- planner build the set of visible parents once (a hashed subplan); unscoped staff still
-- short-circuit on app.all_regions() and never build it.
drop policy member_actions_read on public.member_actions;
create policy member_actions_read on public.member_actions for select to authenticated
  using ((select app.all_regions()) or member_id in (select p.id from public.members p where app.in_region(p.city_code)));
drop policy merchant_status_history_read on public.merchant_status_history;
create policy merchant_status_history_read on public.merchant_status_history for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where app.in_region(p.city_code)));
drop policy merchant_commission_changes_read on public.merchant_commission_changes;
create policy merchant_commission_changes_read on public.merchant_commission_changes for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where app.in_region(p.city_code)));
drop policy listing_history_read on public.listing_history;
create policy listing_history_read on public.listing_history for select to authenticated
  using ((select app.all_regions()) or listing_id in (select p.id from public.listings p where app.in_region(p.city_code)));
drop policy shares_read on public.shares;
create policy shares_read on public.shares for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where app.in_region(p.city_code)));
drop policy customer_bindings_read on public.customer_bindings;
create policy customer_bindings_read on public.customer_bindings for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where app.in_region(p.city_code)));
drop policy reservation_history_read on public.reservation_history;
create policy reservation_history_read on public.reservation_history for select to authenticated
  using ((select app.all_regions()) or reservation_id in (select p.id from public.reservations p where app.in_region(p.city_code)));
drop policy trade_history_read on public.trade_history;
create policy trade_history_read on public.trade_history for select to authenticated
  using ((select app.all_regions()) or trade_id in (select p.id from public.trades p where app.in_region(p.city_code)));
drop policy merchant_application_documents_read on public.merchant_application_documents;
create policy merchant_application_documents_read on public.merchant_application_documents for select to authenticated
  using ((select app.all_regions()) or application_id in (select p.id from public.merchant_applications p where app.in_region(p.city_code)));
drop policy merchant_application_versions_read on public.merchant_application_versions;
create policy merchant_application_versions_read on public.merchant_application_versions for select to authenticated
  using ((select app.all_regions()) or application_id in (select p.id from public.merchant_applications p where app.in_region(p.city_code)));
drop policy merchant_application_history_read on public.merchant_application_history;
create policy merchant_application_history_read on public.merchant_application_history for select to authenticated
  using ((select app.all_regions()) or application_id in (select p.id from public.merchant_applications p where app.in_region(p.city_code)));
drop policy complaint_messages_read on public.complaint_messages;
create policy complaint_messages_read on public.complaint_messages for select to authenticated
  using ((select app.all_regions()) or complaint_id in (select p.id from public.complaints p where app.in_region(p.city_code)));
drop policy complaint_history_read on public.complaint_history;
create policy complaint_history_read on public.complaint_history for select to authenticated
  using ((select app.all_regions()) or complaint_id in (select p.id from public.complaints p where app.in_region(p.city_code)));
drop policy merchant_penalties_read on public.merchant_penalties;
create policy merchant_penalties_read on public.merchant_penalties for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where app.in_region(p.city_code)));
drop policy merchant_scores_read on public.merchant_scores;
create policy merchant_scores_read on public.merchant_scores for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where app.in_region(p.city_code)));
drop policy merchant_score_history_read on public.merchant_score_history;
create policy merchant_score_history_read on public.merchant_score_history for select to authenticated
  using ((select app.all_regions()) or merchant_id in (select p.id from public.merchants p where app.in_region(p.city_code)));
drop policy share_clicks_read on public.share_clicks;
create policy share_clicks_read on public.share_clicks for select to authenticated
  using ((select app.all_regions())
         or share_id in (select s.id from public.shares s join public.merchants m on m.id = s.merchant_id where app.in_region(m.city_code)));
