-- The listings list at millions of rows (issue 4). Three changes, each measured at seed factor 100:
-- 1. v_listings looks names up with scalar subqueries instead of joins. With five joined tables,
--    each behind its own row-level-security filter that the planner guesses at 50 %, the row
--    estimate fell to a tenth of the truth: PostgREST's count=estimated then ran an exact count
--    (it does whenever the estimate is under max-rows), 1.5 s on a filtered list; and planning
--    the join alone took ~11 ms per request. A subquery in the select list is only evaluated for
--    the rows on the page, and a count does not plan it at all. Same rows as before: a listing's
--    city is its merchant's city (listings_before_write), so region scope is unchanged.
-- 2. `promoted` as a limit-1 lookup: as EXISTS the planner hashed every active promotion
--    (26 k rows, 8 ms) to answer it for 25 rows.
-- 3. The catalogue filters (brand, series, model) are integer equality, which row-level security
--    lets use an index (operators marked leakproof); the app's search box turns catalogue words
--    (宝马, 汉兰达, X5, baoma, bm) into these filters, so "newest first within a brand" walks one index.
create or replace view public.v_listings with (security_invoker = on) as
select l.id, l.merchant_id,
  (select mc.name from public.merchants mc where mc.id = l.merchant_id) as merchant_name,
  l.kind, l.title,
  l.brand_id, (select b.name from public.car_brands b where b.id = l.brand_id) as brand_name,
  l.series_id, (select s.name from public.car_series s where s.id = l.series_id) as series_name,
  l.model_id, (select cm.name from public.car_models cm where cm.id = l.model_id) as model_name,
  l.year, l.first_registered_on, l.mileage_km, l.colour, l.gearbox, l.energy, l.vin,
  l.city_code, (select r.name from public.regions r where r.code = l.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = l.city_code) as province_code,
  l.price_fen, l.deposit_fen, l.photos, l.description,
  l.holiday_price_fen, l.holiday_starts_at, l.holiday_ends_at,
  l.review_state, l.shelf_state, l.trade_state, l.reject_reason, l.forced_off_reason,
  l.submitted_at, l.approved_at, l.listed_at, l.sold_at, l.created_at, l.updated_at,
  coalesce((select true from public.promotions p where p.listing_id = l.id and p.state = 'active' limit 1), false) as promoted,
  (select count(*) from public.reservations x where x.listing_id = l.id) as reservation_count,
  l.search, l.search_grams
from public.listings l;

drop index public.listings_brand_idx;
create index listings_brand_idx on public.listings (brand_id, created_at desc);
drop index public.listings_series_idx;
create index listings_series_idx on public.listings (series_id, created_at desc);
drop index public.listings_model_idx;
create index listings_model_idx on public.listings (model_id, created_at desc);
