-- The merchants list and the application queue at factor 100 (30,000 merchants, 38,000
-- applications), the same way as v_listings (20261122040100): names looked up per row instead of
-- joined (each joined table's row-level-security filter halved the row estimate and added to a
-- 14 ms plan), and indexes whose first column row-level security lets the planner use: an enum
-- comparison is not leakproof, so (state, submitted_at) could not serve the queue, while a
-- partial index on the open states can (its predicate is proven, not evaluated per row).
create or replace view public.v_merchants with (security_invoker = on) as
select m.id, m.name, m.name_pinyin, m.name_initials, m.kind, m.status, m.status_reason, m.status_changed_at,
  m.category_id, (select c.name from public.merchant_categories c where c.id = m.category_id) as category_name,
  (select c.commission_rate from public.merchant_categories c where c.id = m.category_id) as category_commission_rate,
  m.commission_rate_override,
  coalesce(m.commission_rate_override, (select c.commission_rate from public.merchant_categories c where c.id = m.category_id)) as commission_rate,
  (select c.distributor_rate from public.merchant_categories c where c.id = m.category_id) as distributor_rate,
  m.city_code, (select r.name from public.regions r where r.code = m.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = m.city_code) as province_code,
  m.address, m.lat, m.lng,
  m.level, m.rank_score, m.rank_in_city, m.rating,
  m.fee_plan, m.fee_paid_until, m.deposit_fen,
  (select c.deposit_required_fen from public.merchant_categories c where c.id = m.category_id) as deposit_required_fen,
  m.contact_name,
  case when (select app.can_see_pii('person')) then app.merchant_pii(m.id, 'contact_phone') else m.contact_phone_masked end as contact_phone,
  m.licence_no, m.licence_image_url, m.legal_person_name,
  app.merchant_pii(m.id, 'legal_person_id_number') as legal_person_id_number,
  m.description, m.application_id, m.approved_at, m.activated_at, m.closed_at, m.created_at, m.updated_at,
  (m.status = 'active' and m.fee_paid_until >= (now() at time zone 'Asia/Shanghai')::date) as is_public,
  (select count(*) from public.listings l where l.merchant_id = m.id) as product_count,
  (select count(*) from public.listings l where l.merchant_id = m.id and l.shelf_state = 'on') as on_shelf_count,
  (select count(*) from public.complaints x where x.merchant_id = m.id) as complaint_count,
  (select count(*) from public.complaints x where x.merchant_id = m.id
     and x.state not in ('dismissed', 'resolved', 'closed', 'withdrawn')) as open_complaint_count,
  (select count(*) from public.reservations x where x.merchant_id = m.id) as reservation_count,
  (select count(*) from public.reservations x where x.merchant_id = m.id
     and x.state in ('visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided')) as success_count,
  (select round(count(*) filter (where x.state in ('visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided'))::numeric
                / nullif(count(*), 0), 4)
     from public.reservations x where x.merchant_id = m.id) as success_rate,
  (select count(*) from public.merchant_penalties p where p.merchant_id = m.id and p.revoked_at is null
     and p.starts_at <= now() and p.expires_at > now()) as active_penalty_count,
  m.search, m.search_grams
from public.merchants m;

create or replace view public.v_merchant_applications with (security_invoker = on) as
select a.id, a.company_name, a.company_name_pinyin, a.kind, a.category_id,
  (select c.name from public.merchant_categories c where c.id = a.category_id) as category_name,
  a.city_code, (select r.name from public.regions r where r.code = a.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = a.city_code) as province_code,
  a.address, a.lat, a.lng,
  a.contact_name,
  case when (select app.can_see_pii('person')) then app.merchant_application_pii(a.id, 'contact_phone') else a.contact_phone_masked end as contact_phone,
  a.licence_no, a.licence_image_url, a.legal_person_name,
  app.merchant_application_pii(a.id, 'legal_person_id_number') as legal_person_id_number,
  a.state, a.version, a.reviewer_id, (select s.display_name from public.staff s where s.id = a.reviewer_id) as reviewer_name,
  a.claimed_at, a.field_comments,
  a.reject_reason, a.fee_plan, a.merchant_id, a.submitted_at, a.decided_at, a.created_at, a.updated_at,
  (select count(*) from public.merchant_application_documents d where d.application_id = a.id and d.version = a.version) as document_count,
  a.search, a.search_grams
from public.merchant_applications a;

-- The merchants list's default order (rank_score desc) across all cities.
create index merchants_rank_score_idx on public.merchants (rank_score desc);
-- The review queue (submitted and in review, oldest first).
create index merchant_applications_open_idx on public.merchant_applications (submitted_at)
  where state in ('submitted', 'in_review');
-- A merchant's reservation counts as index-only scans: row-level security reads city_code.
drop index public.reservations_merchant_idx;
create index reservations_merchant_idx on public.reservations (merchant_id, state) include (city_code);
