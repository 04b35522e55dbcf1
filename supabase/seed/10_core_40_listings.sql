-- Core demo data 4/5: listings (5,000 × app.seed_factor) in every review, shelf and trade
-- state, promotion slots, shares, clicks and customer bindings.
do $$
declare
  f int := greatest(1, coalesce(nullif(current_setting('app.seed_factor', true), ''), '1')::int);
  n int := 5000 * f;
  sellers int;
begin
  if exists (select 1 from public.listings) then
    raise notice 'listings already seeded';
    return;
  end if;
  perform pg_temp.seed_drop_indexes('public.listings', 'public.listing_history', 'public.promotions', 'public.shares', 'public.share_clicks',
    'public.customer_bindings');
  create temp table seed_sellers on commit drop as
    select row_number() over (order by id) as i, id, kind, city_code, status, created_at
    from public.merchants where kind in ('used_dealer', 'new_dealer_4s', 'rental');
  select count(*) into sellers from seed_sellers;
  create temp table seed_models on commit drop as
    select row_number() over (order by m.id) as i, m.id, m.series_id, s.brand_id, s.name as series_name, b.name as brand_name,
      m.model_year, m.guide_price_fen, m.energy, m.gearbox
    from public.car_models m join public.car_series s on s.id = m.series_id join public.car_brands b on b.id = s.brand_id;

  insert into public.listings (id, merchant_id, kind, title, brand_id, series_id, model_id, year, first_registered_on, mileage_km,
    colour, gearbox, energy, vin, city_code, price_fen, deposit_fen, photos, description, holiday_price_fen, holiday_starts_at,
    holiday_ends_at, review_state, shelf_state, trade_state, reject_reason, forced_off_reason, submitted_at, approved_at,
    listed_at, sold_at, created_at, updated_at)
  select md5('listing:' || g)::uuid, s.id, x.kind,
    md.brand_name || ' ' || md.series_name || ' ' || md.model_year || '款' ||
      case x.kind when 'rental' then ' 日租' when 'new_sale' then ' 新车现车' else ' ' || c.colour || ' 准新车' end,
    md.brand_id, md.series_id, md.id, md.model_year,
    case when x.kind = 'used_sale' then make_date(md.model_year, 1 + g % 12, 1 + g % 28) end,
    case x.kind when 'new_sale' then g % 50 when 'rental' then 5000 + (g * 37) % 60000
         else ((2025 - md.model_year) * 12000 + (g * 53) % 20000) end,
    c.colour, md.gearbox, md.energy,
    upper(substr(translate(md5('vin:' || g), 'o', '0'), 1, 17)),
    s.city_code,
    case x.kind
      when 'rental' then (20000 + (md.guide_price_fen / 1000) + (g % 10) * 1000)
      when 'new_sale' then md.guide_price_fen * (92 + g % 8) / 100
      else md.guide_price_fen * (55 + (md.model_year - 2021) * 8 + g % 10) / 100 end,
    case when x.kind = 'rental' then 300000 + (g % 5) * 100000 end,
    -- object names in the public listing-photos bucket (docs/SEED_IMAGES.md)
    array[(array['cars/sedan-white.svg','cars/sedan-black.svg','cars/sedan-red.svg','cars/suv-white.svg','cars/suv-blue.svg','cars/suv-grey.svg','cars/mpv-silver.svg','cars/mpv-black.svg','cars/hatchback-red.svg','cars/hatchback-yellow.svg','cars/pickup-grey.svg','cars/pickup-green.svg','cars/sports-red.svg','cars/sports-yellow.svg','cars/ev-white.svg','cars/ev-blue.svg'])[1 + g % 16], (array['cars/sedan-white.svg','cars/sedan-black.svg','cars/sedan-red.svg','cars/suv-white.svg','cars/suv-blue.svg','cars/suv-grey.svg','cars/mpv-silver.svg','cars/mpv-black.svg','cars/hatchback-red.svg','cars/hatchback-yellow.svg','cars/pickup-grey.svg','cars/pickup-green.svg','cars/sports-red.svg','cars/sports-yellow.svg','cars/ev-white.svg','cars/ev-blue.svg'])[1 + (g + 5) % 16], (array['cars/sedan-white.svg','cars/sedan-black.svg','cars/sedan-red.svg','cars/suv-white.svg','cars/suv-blue.svg','cars/suv-grey.svg','cars/mpv-silver.svg','cars/mpv-black.svg','cars/hatchback-red.svg','cars/hatchback-yellow.svg','cars/pickup-grey.svg','cars/pickup-green.svg','cars/sports-red.svg','cars/sports-yellow.svg','cars/ev-white.svg','cars/ev-blue.svg'])[1 + (g + 11) % 16]],
    case x.kind when 'rental' then '车况良好，随租随走，支持异地还车。' when 'new_sale' then '新车现车，可按揭，到店有礼。'
         else '一手车，全程4S店保养，无事故无泡水，可检测。' end,
    case when g % 10 = 0 then
      case x.kind when 'rental' then (20000 + (md.guide_price_fen / 1000)) * 12 / 10 else md.guide_price_fen * 50 / 100 end end,
    case when g % 10 = 0 then date_trunc('day', now()) - interval '3 days' + (g % 40) * interval '1 day' end,
    case when g % 10 = 0 then date_trunc('day', now()) + interval '4 days' + (g % 40) * interval '1 day' end,
    st.review, st.shelf, st.trade,
    case when st.review = 'rejected' then 'photos_unclear: 照片不清晰' end,
    case when st.shelf = 'forced_off' then 'false_info: 车况描述不实' end,
    case when st.review <> 'draft' then x.created + interval '1 hour' end,
    case when st.review = 'approved' then x.created + interval '1 day' end,
    case when st.shelf = 'on' or st.trade in ('sold', 'rented_out') then x.created + interval '1 day' end,
    case when st.trade = 'sold' then x.created + interval '40 days' end,
    x.created, x.created
  from generate_series(1, n) g
  join seed_sellers s on s.i = 1 + (g * 7) % sellers
  join seed_models md on md.i = 1 + floor(power(pg_temp.rnd(g, 1), 1.3) * (select count(*) from seed_models))::int
  cross join lateral (select case s.kind when 'used_dealer' then 'used_sale' when 'new_dealer_4s' then 'new_sale'
                                         else 'rental' end::public.listing_kind as kind,
                             greatest(s.created_at, now() - interval '390 days') + pg_temp.rnd(g, 2)
                               * (now() - interval '20 days' - greatest(s.created_at, now() - interval '390 days')) as created) x
  cross join lateral (select (array['白色', '黑色', '银色', '灰色', '红色', '蓝色', '珍珠白', '香槟金'])[1 + g % 8] as colour) c
  cross join lateral (
    select r.review::public.listing_review_state,
      case when r.review <> 'approved' then 'off'
           when g % 33 = 0 then 'forced_off'
           when s.status = 'active' and g % 7 <> 0 and r.trade not in ('sold', 'retired') then 'on'
           else 'off' end::public.listing_shelf_state as shelf,
      r.trade::public.listing_trade_state
    from (select case when g % 20 = 0 then 'draft' when g % 20 in (1, 2) then 'pending' when g % 20 = 3 then 'rejected'
                      else 'approved' end as review,
                 case when g % 20 < 4 then 'available'
                      when g % 11 = 0 then case when x.kind = 'rental' then 'rented_out' else 'sold' end
                      when g % 23 = 0 then 'on_hold'
                      when g % 29 = 0 and x.kind = 'rental' then 'maintenance'
                      when g % 47 = 0 then 'retired'
                      else 'available' end as trade) r
  ) st
  order by g;

  perform pg_temp.seed_unchecked(true);
  insert into public.listing_history (listing_id, dimension, from_state, to_state, reason_code, note, actor_id, at)
  select id, 'review', 'draft', 'pending', null, null, null::uuid, submitted_at from public.listings where submitted_at is not null
  union all
  select id, 'review', 'pending', review_state::text, case when review_state = 'rejected' then 'photos_unclear' end, reject_reason,
    '00000000-0000-4000-a000-000000000002'::uuid, coalesce(approved_at, submitted_at + interval '1 day')
  from public.listings where review_state in ('approved', 'rejected')
  union all
  select id, 'shelf', 'off', shelf_state::text, case when shelf_state = 'forced_off' then 'false_info' end, forced_off_reason,
    case when shelf_state = 'forced_off' then '00000000-0000-4000-a000-000000000002'::uuid end, approved_at + interval '1 hour'
  from public.listings where shelf_state <> 'off';
  perform pg_temp.seed_unchecked(false);

  -- Promotion slots: up to 3 per model and city among approved, on-shelf listings.
  insert into public.promotions (listing_id, merchant_id, model_id, region_code, slot_no, state, starts_at, ends_at, created_at)
  select id, merchant_id, model_id, city_code, rk, 'active', now() - interval '5 days', now() + interval '25 days', now() - interval '5 days'
  from (select l.*, row_number() over (partition by l.model_id, l.city_code order by l.id) as rk
        from public.listings l
        where l.review_state = 'approved' and l.shelf_state = 'on' and l.model_id is not null and hashtext(l.id::text) % 4 = 0) p
  where rk <= 3;
  insert into public.promotions (listing_id, merchant_id, model_id, region_code, slot_no, state, starts_at, ends_at, created_at,
    ended_at, end_reason)
  select id, merchant_id, model_id, city_code, 1, 'ended', created_at + interval '2 days', created_at + interval '32 days',
    created_at + interval '2 days', created_at + interval '32 days', 'expired'
  from public.listings where review_state = 'approved' and hashtext(id::text) % 9 = 1 and created_at < now() - interval '40 days';

  -- Shares by distributors (members with promotion rights), clicks, and the bindings they caused.
  create temp table seed_distributors on commit drop as
    select row_number() over (order by seq) as i, id from public.members where has_promotion_rights and status = 'active';
  create temp table seed_public_listings on commit drop as
    select row_number() over (order by l.id) as i, l.id, l.merchant_id, l.created_at
    from public.listings l join public.merchants m on m.id = l.merchant_id
    where l.review_state = 'approved' and m.status in ('active', 'suspended', 'grace');

  insert into public.shares (id, code, distributor_id, listing_id, merchant_id, channel, created_at)
  select md5('share:' || g)::uuid, upper(substr(md5('sharecode:' || g), 1, 10)), d.id, l.id, l.merchant_id,
    (array['wechat', 'moments', 'qr', 'link', 'wechat'])[1 + g % 5]::public.share_channel,
    l.created_at + pg_temp.rnd(g, 1) * (now() - interval '10 days' - l.created_at)
  from generate_series(1, 3000 * f) g
  join seed_distributors d on d.i = 1 + (g * 13) % (select count(*) from seed_distributors)
  join seed_public_listings l on l.i = 1 + (g * 31) % (select count(*) from seed_public_listings);

  -- ~5 clicks per share; some visitors are members.
  perform pg_temp.seed_unchecked(true);
  insert into public.share_clicks (share_id, visitor_member_id, clicked_at, ip_hash, user_agent)
  select s.id,
    case when k <= 2 then md5('member:' || (1 + (abs(hashtext(s.id::text || k)) % (20000 * f))))::uuid end,
    s.created_at + (k * 3 + (abs(hashtext(s.id::text)) % 5)) * interval '1 hour',
    substr(md5(s.id::text || k), 1, 16), (array['MicroMessenger/8.0', 'Mozilla/5.0 iPhone', 'Mozilla/5.0 Android'])[1 + k % 3]
  from public.shares s, generate_series(1, 5) k;

  -- A member who clicked becomes bound to the distributor for that merchant (one open binding
  -- per member and merchant; the first click wins). Bindings last 30 days; older ones expired.
  insert into public.customer_bindings (member_id, distributor_id, merchant_id, share_id, click_id, bound_at, expires_at)
  select distinct on (k.visitor_member_id, s.merchant_id)
    k.visitor_member_id, s.distributor_id, s.merchant_id, s.id, k.id, k.clicked_at,
    k.clicked_at + interval '30 days'
  from public.share_clicks k join public.shares s on s.id = k.share_id
  where k.visitor_member_id is not null and k.visitor_member_id <> s.distributor_id
  order by k.visitor_member_id, s.merchant_id, k.clicked_at, k.id;
  perform pg_temp.seed_unchecked(false);
  perform pg_temp.seed_check_foreign_keys('public.listing_history', 'public.share_clicks', 'public.customer_bindings');
  perform pg_temp.seed_restore_indexes('public.listings', 'public.listing_history', 'public.promotions', 'public.shares', 'public.share_clicks',
    'public.customer_bindings');
end $$;
