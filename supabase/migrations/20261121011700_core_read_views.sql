-- Read models the staff lists use (security_invoker: the caller's RLS and privileges apply).
-- Counts are scalar subqueries so a count or a filter that does not select them never
-- computes them; PII goes through the app.*_pii() accessors.

create view public.v_members with (security_invoker = on) as
select m.id, m.seq, m.nickname, m.nickname_pinyin, m.nickname_initials, m.avatar_url,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'phone') else m.phone_masked end as phone,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'id_number') else m.id_number_masked end as id_number,
  app.member_pii(m.id, 'real_name') as real_name,
  m.city_code, r.name as city_name, r.parent_code as province_code,
  m.level, m.status, m.status_reason, m.banned_at, m.points,
  m.has_promotion_rights, m.promotion_rights_at,
  m.upline_id, u.nickname as upline_nickname, m.depth, m.path::text as path,
  (select count(*) from public.members d where d.upline_id = m.id) as direct_downline_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'rental') as rental_reservation_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'used_purchase') as used_purchase_reservation_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'new_purchase') as new_purchase_reservation_count,
  m.registered_at, m.updated_at, m.search, m.search_grams
from public.members m
left join public.regions r on r.code = m.city_code
left join public.members u on u.id = m.upline_id;

create view public.v_merchants with (security_invoker = on) as
select m.id, m.name, m.name_pinyin, m.name_initials, m.kind, m.status, m.status_reason, m.status_changed_at,
  m.category_id, c.name as category_name, c.commission_rate as category_commission_rate,
  m.commission_rate_override, coalesce(m.commission_rate_override, c.commission_rate) as commission_rate,
  c.distributor_rate,
  m.city_code, r.name as city_name, r.parent_code as province_code, m.address, m.lat, m.lng,
  m.level, m.rank_score, m.rank_in_city, m.rating,
  m.fee_plan, m.fee_paid_until, m.deposit_fen, c.deposit_required_fen,
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
from public.merchants m
join public.merchant_categories c on c.id = m.category_id
left join public.regions r on r.code = m.city_code;

create view public.v_merchant_applications with (security_invoker = on) as
select a.id, a.company_name, a.company_name_pinyin, a.kind, a.category_id, c.name as category_name,
  a.city_code, r.name as city_name, r.parent_code as province_code, a.address, a.lat, a.lng,
  a.contact_name,
  case when (select app.can_see_pii('person')) then app.merchant_application_pii(a.id, 'contact_phone') else a.contact_phone_masked end as contact_phone,
  a.licence_no, a.licence_image_url, a.legal_person_name,
  app.merchant_application_pii(a.id, 'legal_person_id_number') as legal_person_id_number,
  a.state, a.version, a.reviewer_id, s.display_name as reviewer_name, a.claimed_at, a.field_comments,
  a.reject_reason, a.fee_plan, a.merchant_id, a.submitted_at, a.decided_at, a.created_at, a.updated_at,
  (select count(*) from public.merchant_application_documents d where d.application_id = a.id and d.version = a.version) as document_count,
  a.search, a.search_grams
from public.merchant_applications a
left join public.merchant_categories c on c.id = a.category_id
left join public.regions r on r.code = a.city_code
left join public.staff s on s.id = a.reviewer_id;

create view public.v_car_models with (security_invoker = on) as
select m.id, m.series_id, s.name as series_name, s.brand_id, b.name as brand_name, b.name_en as brand_name_en,
  m.name, m.model_year, m.guide_price_fen, m.energy, m.gearbox, m.displacement_l, m.power_kw, m.battery_kwh,
  m.range_km, m.seats, m.drive, m.length_mm, m.width_mm, m.height_mm, m.wheelbase_mm, m.fuel_l_per_100km,
  m.vehicle_params, m.oil_grade, m.oil_capacity_l, m.service_interval_km, m.service_interval_months,
  m.tyre_size, m.maintenance_params, m.active, m.created_at,
  app.search_text(b.name, b.name_en, b.name_pinyin, b.name_initials, s.name, s.name_pinyin, s.name_initials, m.name) as search
from public.car_models m
join public.car_series s on s.id = m.series_id
join public.car_brands b on b.id = s.brand_id;

create view public.v_car_series with (security_invoker = on) as
select s.id, s.brand_id, b.name as brand_name, s.name, s.name_pinyin, s.name_initials, s.maker, s.body_type,
  s.active, s.created_at,
  (select count(*) from public.car_models m where m.series_id = s.id) as model_count,
  app.search_text(b.name, b.name_en, b.name_pinyin, s.name, s.name_pinyin, s.name_initials) as search
from public.car_series s
join public.car_brands b on b.id = s.brand_id;

create view public.v_listings with (security_invoker = on) as
select l.id, l.merchant_id, mc.name as merchant_name, l.kind, l.title,
  l.brand_id, b.name as brand_name, l.series_id, s.name as series_name, l.model_id, cm.name as model_name,
  l.year, l.first_registered_on, l.mileage_km, l.colour, l.gearbox, l.energy, l.vin,
  l.city_code, r.name as city_name, r.parent_code as province_code,
  l.price_fen, l.deposit_fen, l.photos, l.description,
  l.holiday_price_fen, l.holiday_starts_at, l.holiday_ends_at,
  l.review_state, l.shelf_state, l.trade_state, l.reject_reason, l.forced_off_reason,
  l.submitted_at, l.approved_at, l.listed_at, l.sold_at, l.created_at, l.updated_at,
  exists (select 1 from public.promotions p where p.listing_id = l.id and p.state = 'active') as promoted,
  (select count(*) from public.reservations x where x.listing_id = l.id) as reservation_count,
  l.search, l.search_grams
from public.listings l
join public.merchants mc on mc.id = l.merchant_id
join public.car_brands b on b.id = l.brand_id
join public.car_series s on s.id = l.series_id
left join public.car_models cm on cm.id = l.model_id
left join public.regions r on r.code = l.city_code;

create view public.v_reservations with (security_invoker = on) as
select x.id, x.kind, x.state, x.member_id, m.nickname as member_nickname,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'phone') else m.phone_masked end as member_phone,
  x.merchant_id, mc.name as merchant_name, x.listing_id, l.title as listing_title,
  l.brand_id, b.name as brand_name, x.model_id, cm.name as model_name,
  x.city_code, r.name as city_name, r.parent_code as province_code,
  x.distributor_id, d.nickname as distributor_nickname, x.share_id, x.touched_at,
  x.reserved_for, x.confirm_deadline, x.price_fen, x.rental_start, x.rental_end,
  case when x.kind = 'rental' then x.rental_end - x.rental_start + 1 end as rental_days,
  x.deal_amount_fen, x.deal_evidence, x.state_reason,
  x.created_at, x.confirmed_at, x.visited_at, x.deal_closed_at, x.state_changed_at,
  (select t.id from public.trades t where t.reservation_id = x.id) as trade_id,
  app.search_text(m.nickname, m.nickname_pinyin, mc.name, mc.name_pinyin, l.title) as search
from public.reservations x
join public.members m on m.id = x.member_id
join public.merchants mc on mc.id = x.merchant_id
join public.listings l on l.id = x.listing_id
join public.car_brands b on b.id = l.brand_id
left join public.car_models cm on cm.id = x.model_id
left join public.members d on d.id = x.distributor_id
left join public.regions r on r.code = x.city_code;

create view public.v_trades with (security_invoker = on) as
select t.id, t.reservation_id, t.kind, t.status, t.amount_fen, t.quantity,
  t.merchant_id, mc.name as merchant_name, t.member_id, m.nickname as member_nickname,
  t.distributor_id, d.nickname as distributor_nickname, t.listing_id, l.title as listing_title,
  t.brand_id, b.name as brand_name, t.model_id, cm.name as model_name, s.name as series_name,
  t.city_code, r.name as city_name, r.parent_code as province_code,
  t.closed_at, t.voided_at, t.refunded_at, t.status_reason, t.created_at,
  app.search_text(mc.name, mc.name_pinyin, m.nickname, b.name, b.name_pinyin, s.name, l.title) as search
from public.trades t
join public.merchants mc on mc.id = t.merchant_id
join public.members m on m.id = t.member_id
join public.listings l on l.id = t.listing_id
left join public.car_brands b on b.id = t.brand_id
left join public.car_models cm on cm.id = t.model_id
left join public.car_series s on s.id = cm.series_id
left join public.members d on d.id = t.distributor_id
left join public.regions r on r.code = t.city_code;

create view public.v_complaints with (security_invoker = on) as
select c.id, c.member_id, m.nickname as member_nickname,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'phone') else m.phone_masked end as member_phone,
  c.merchant_id, mc.name as merchant_name, c.reservation_id, c.trade_id,
  c.city_code, r.name as city_name, r.parent_code as province_code,
  c.category, c.severity, c.title, c.content, c.images, c.state,
  c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn') as is_open,
  c.assignee_id, s.display_name as assignee_name, c.assigned_at,
  c.first_response_due_at, c.first_responded_at,
  (c.first_responded_at is null and c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn')
     and c.first_response_due_at < now()) as first_response_overdue,
  c.merchant_reply_due_at, c.merchant_no_response,
  c.resolution_due_at,
  (c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn') and c.resolution_due_at < now()) as resolution_overdue,
  c.outcome, c.remedy, c.state_reason, c.resolved_at, c.closed_at, c.created_at, c.state_changed_at,
  (select count(*) from public.complaint_messages x where x.complaint_id = c.id) as message_count,
  (select max(x.created_at) from public.complaint_messages x where x.complaint_id = c.id) as last_message_at,
  app.search_text(c.title, m.nickname, mc.name, mc.name_pinyin) as search
from public.complaints c
join public.members m on m.id = c.member_id
join public.merchants mc on mc.id = c.merchant_id
left join public.staff s on s.id = c.assignee_id
left join public.regions r on r.code = c.city_code;

create view public.v_complaint_messages with (security_invoker = on) as
select x.id, x.complaint_id, x.kind, x.author_kind, x.author_staff_id, s.display_name as author_name,
  x.body, x.attachments, x.created_at
from public.complaint_messages x
left join public.staff s on s.id = x.author_staff_id;

create view public.v_merchant_penalties with (security_invoker = on) as
select p.id, p.merchant_id, mc.name as merchant_name, mc.city_code, p.complaint_id, c.title as complaint_title,
  p.size, p.reason, p.starts_at, p.expires_at, p.created_by, p.created_at, p.revoked_at, p.revoked_by, p.revoke_reason,
  (p.revoked_at is null and p.starts_at <= now() and p.expires_at > now()) as is_active
from public.merchant_penalties p
join public.merchants mc on mc.id = p.merchant_id
left join public.complaints c on c.id = p.complaint_id;

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

-- 产品推广记录 (R-PRO-3): share → clicks → bound customers → reservations → trades.
create view public.v_shares with (security_invoker = on) as
select sh.id, sh.code, sh.channel, sh.distributor_id, d.nickname as distributor_nickname,
  sh.listing_id, l.title as listing_title, sh.merchant_id, mc.name as merchant_name, mc.city_code,
  sh.created_at,
  (select count(*) from public.share_clicks k where k.share_id = sh.id) as click_count,
  (select count(*) from public.customer_bindings cb where cb.share_id = sh.id) as bound_customer_count,
  (select count(*) from public.reservations x where x.share_id = sh.id) as reservation_count,
  (select count(*) from public.trades t join public.reservations x on x.id = t.reservation_id
     where x.share_id = sh.id and t.status = 'closed') as trade_count,
  (select coalesce(sum(t.amount_fen), 0) from public.trades t join public.reservations x on x.id = t.reservation_id
     where x.share_id = sh.id and t.status = 'closed') as trade_amount_fen,
  app.search_text(d.nickname, d.nickname_pinyin, mc.name, l.title, sh.code) as search
from public.shares sh
join public.members d on d.id = sh.distributor_id
join public.listings l on l.id = sh.listing_id
join public.merchants mc on mc.id = sh.merchant_id;

create view public.v_customer_bindings with (security_invoker = on) as
select cb.id, cb.member_id, m.nickname as member_nickname, cb.distributor_id, d.nickname as distributor_nickname,
  cb.merchant_id, mc.name as merchant_name, mc.city_code, cb.share_id, sh.code as share_code, cb.click_id,
  cb.bound_at, cb.expires_at, cb.ended_at, cb.end_reason,
  (cb.ended_at is null and cb.expires_at > now()) as is_active
from public.customer_bindings cb
join public.members m on m.id = cb.member_id
join public.members d on d.id = cb.distributor_id
join public.merchants mc on mc.id = cb.merchant_id
join public.shares sh on sh.id = cb.share_id;

create view public.v_merchant_scores with (security_invoker = on) as
select sc.merchant_id, mc.name as merchant_name, mc.city_code, r.name as city_name, sc.run_id, sc.rule_id,
  rr.version as rule_version, sc.score, sc.level, sc.rank_in_city, sc.terms, sc.computed_at
from public.merchant_scores sc
join public.merchants mc on mc.id = sc.merchant_id
join public.ranking_rules rr on rr.id = sc.rule_id
left join public.regions r on r.code = mc.city_code;

do $$
declare
  v text;
begin
  foreach v in array array['v_members', 'v_merchants', 'v_merchant_applications', 'v_car_models', 'v_car_series',
    'v_listings', 'v_reservations', 'v_trades', 'v_complaints', 'v_complaint_messages', 'v_merchant_penalties',
    'v_promotions', 'v_shares', 'v_customer_bindings', 'v_merchant_scores']
  loop
    execute format('revoke all on public.%I from anon, authenticated', v);
    execute format('grant select on public.%I to authenticated', v);
  end loop;
end $$;

-- Member detail (R-MEM-2): the downline tree and the upline chain, on the ltree GiST index.
create or replace function public.member_downline(p_member uuid, p_max_depth integer default 10)
returns setof public.v_members
language sql
stable
set search_path = ''
as $$
  select v.* from public.v_members v
  join public.members m on m.id = v.id
  join public.members root on root.id = p_member
  where m.path operator(extensions.<@) root.path and m.id <> root.id
    and m.depth <= root.depth + least(greatest(coalesce(p_max_depth, 10), 1), 50)
$$;

create or replace function public.member_upline_chain(p_member uuid)
returns setof public.v_members
language sql
stable
set search_path = ''
as $$
  select v.* from public.v_members v
  join public.members m on m.id = v.id
  join public.members me on me.id = p_member
  where m.path operator(extensions.@>) me.path and m.id <> me.id
$$;
revoke execute on function public.member_downline(uuid, integer), public.member_upline_chain(uuid) from public, anon;
grant execute on function public.member_downline(uuid, integer), public.member_upline_chain(uuid) to authenticated, service_role;
