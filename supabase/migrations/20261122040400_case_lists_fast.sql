-- The reservations and trades lists at factor 100 (5 M reservations, 800 k trades): names looked
-- up per row instead of joined, as for v_listings (20261122040100). Eight joined tables, each
-- behind a row-level-security filter, cost 145 ms a page (planning and a hash of every
-- member's and merchant's row) and a row estimate far below the truth. Same rows as before:
-- a reservation's and a trade's city are its listing's and merchant's city, so the inner joins
-- on merchants and listings removed nothing that row-level security had not already removed.
create or replace view public.v_reservations with (security_invoker = on) as
select x.id, x.kind, x.state, x.member_id, app.member_name(x.member_id) as member_nickname,
  case when (select app.can_see_pii('person')) then app.member_pii(x.member_id, 'phone')
       else coalesce((select m.phone_masked from public.members m where m.id = x.member_id), app.member_pii(x.member_id, 'phone')) end as member_phone,
  x.merchant_id, (select mc.name from public.merchants mc where mc.id = x.merchant_id) as merchant_name,
  x.listing_id, (select l.title from public.listings l where l.id = x.listing_id) as listing_title,
  (select l.brand_id from public.listings l where l.id = x.listing_id) as brand_id,
  (select b.name from public.listings l join public.car_brands b on b.id = l.brand_id where l.id = x.listing_id) as brand_name,
  x.model_id, (select cm.name from public.car_models cm where cm.id = x.model_id) as model_name,
  x.city_code, (select r.name from public.regions r where r.code = x.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = x.city_code) as province_code,
  x.distributor_id, app.member_name(x.distributor_id) as distributor_nickname, x.share_id, x.touched_at,
  x.reserved_for, x.confirm_deadline, x.price_fen, x.rental_start, x.rental_end,
  case when x.kind = 'rental' then x.rental_end - x.rental_start + 1 end as rental_days,
  x.deal_amount_fen, x.deal_evidence, x.state_reason,
  x.created_at, x.confirmed_at, x.visited_at, x.deal_closed_at, x.state_changed_at,
  (select t.id from public.trades t where t.reservation_id = x.id) as trade_id,
  app.search_text(
    (select m.nickname from public.members m where m.id = x.member_id),
    (select m.nickname_pinyin from public.members m where m.id = x.member_id),
    (select mc.name from public.merchants mc where mc.id = x.merchant_id),
    (select mc.name_pinyin from public.merchants mc where mc.id = x.merchant_id),
    (select l.title from public.listings l where l.id = x.listing_id)) as search
from public.reservations x;

create or replace view public.v_trades with (security_invoker = on) as
select t.id, t.reservation_id, t.kind, t.status, t.amount_fen, t.quantity,
  t.merchant_id, (select mc.name from public.merchants mc where mc.id = t.merchant_id) as merchant_name,
  t.member_id, app.member_name(t.member_id) as member_nickname,
  t.distributor_id, app.member_name(t.distributor_id) as distributor_nickname,
  t.listing_id, (select l.title from public.listings l where l.id = t.listing_id) as listing_title,
  t.brand_id, (select b.name from public.car_brands b where b.id = t.brand_id) as brand_name,
  t.model_id, (select cm.name from public.car_models cm where cm.id = t.model_id) as model_name,
  (select s.name from public.car_models cm join public.car_series s on s.id = cm.series_id where cm.id = t.model_id) as series_name,
  t.city_code, (select r.name from public.regions r where r.code = t.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = t.city_code) as province_code,
  t.closed_at, t.voided_at, t.refunded_at, t.status_reason, t.created_at,
  app.search_text(
    (select mc.name from public.merchants mc where mc.id = t.merchant_id),
    (select mc.name_pinyin from public.merchants mc where mc.id = t.merchant_id),
    (select m.nickname from public.members m where m.id = t.member_id),
    (select b.name from public.car_brands b where b.id = t.brand_id),
    (select b.name_pinyin from public.car_brands b where b.id = t.brand_id),
    (select s.name from public.car_models cm join public.car_series s on s.id = cm.series_id where cm.id = t.model_id),
    (select l.title from public.listings l where l.id = t.listing_id)) as search
from public.trades t;
