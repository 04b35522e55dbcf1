-- Read models that summarise several domains. A list's view lives in its domain's file unless
-- it reads a domain whose file comes later; these do (reservation, complaint and commission
-- counts), so they come last, with the functions that return their rows: the member tree, and
-- the member actions (ban, unban, level, points, promotion rights) that answer with a v_members row.
set check_function_bodies = off;

-- Views ---------------------------------------------------------------------------------------

-- What the public app (anon) may read of listings: on shelf, not retired, of a public merchant
-- (public_merchants). Runs as the caller like public_merchants; anon's policies and column
-- grants (07_catalogue_and_listings.sql, promotions in 08) decide the rows; no PII.
create view public.public_listings with (security_invoker = on) as
select l.id, l.merchant_id, pm.name as merchant_name, l.kind, l.title,
  l.brand_id, b.name as brand_name, l.series_id, s.name as series_name, l.model_id, cm.name as model_name,
  l.year, l.mileage_km, l.colour, l.gearbox, l.energy, l.city_code, pm.city_name,
  l.price_fen, l.deposit_fen, l.holiday_price_fen, l.holiday_starts_at, l.holiday_ends_at,
  case when l.holiday_price_fen is not null and now() >= l.holiday_starts_at and now() < l.holiday_ends_at
       then l.holiday_price_fen else l.price_fen end as current_price_fen,
  l.photos, l.description, l.trade_state, l.listed_at,
  exists (select 1 from public.promotions p where p.listing_id = l.id and p.state = 'active' and p.ends_at > now()) as promoted,
  l.search, l.search_grams
from public.listings l
join public.public_merchants pm on pm.id = l.merchant_id
join public.car_brands b on b.id = l.brand_id
join public.car_series s on s.id = l.series_id
left join public.car_models cm on cm.id = l.model_id
where app.listing_on_shelf(l.review_state, l.shelf_state) and l.trade_state <> 'retired';

-- Shares with their clicks, bound customers, reservations and closed trades.
create or replace view public.v_shares with (security_invoker = on) as
select sh.id, sh.code, sh.channel, sh.distributor_id, coalesce(d.nickname, app.member_name(sh.distributor_id)) as distributor_nickname,
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
left join public.members d on d.id = sh.distributor_id
join public.listings l on l.id = sh.listing_id
join public.merchants mc on mc.id = sh.merchant_id;

-- 产品推广记录 per distributor (R-PRO-3): share → clicks → bound customers → reservations →
-- trades, with the commission each trade earned the distributor. security_invoker views: the
-- caller's RLS applies (roles without commission rights see no commission rows).
create view public.v_distributors with (security_invoker = on) as
select m.id, m.seq, m.nickname, m.avatar_url,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'phone') else m.phone_masked end as phone,
  m.city_code, r.name as city_name, r.parent_code as province_code,
  m.level, m.status, m.has_promotion_rights, m.promotion_rights_at, m.registered_at,
  (select count(*) from public.shares s where s.distributor_id = m.id) as share_count,
  (select count(*) from public.share_clicks k join public.shares s on s.id = k.share_id
     where s.distributor_id = m.id) as click_count,
  (select count(*) from public.customer_bindings b where b.distributor_id = m.id) as bound_customer_count,
  (select count(*) from public.customer_bindings b where b.distributor_id = m.id
     and b.ended_at is null and b.expires_at > now()) as active_binding_count,
  (select count(*) from public.reservations x where x.distributor_id = m.id) as reservation_count,
  (select count(*) from public.trades t where t.distributor_id = m.id and t.status = 'closed') as trade_count,
  (select coalesce(sum(t.amount_fen), 0) from public.trades t
     where t.distributor_id = m.id and t.status = 'closed')::bigint as trade_amount_fen,
  (select coalesce(sum(c.amount_fen), 0) from public.commissions c
     where c.beneficiary_id = m.id and c.status <> 'cancelled')::bigint as commission_fen,
  m.search, m.search_grams
from public.members m
left join public.regions r on r.code = m.city_code
where m.has_promotion_rights or exists (select 1 from public.shares s where s.distributor_id = m.id);

-- Trades a distributor brought in, each with the commission it earned them (net of claw-backs).
create view public.v_distribution_trades with (security_invoker = on) as
select t.id, t.reservation_id, t.distributor_id, d.nickname as distributor_nickname, x.share_id, sh.code as share_code,
  t.kind, t.status, t.amount_fen, t.merchant_id, mc.name as merchant_name, t.member_id, m.nickname as member_nickname,
  t.listing_id, l.title as listing_title, t.city_code, t.closed_at,
  (select sum(c.amount_fen) from public.commissions c
     where c.trade_id = t.id and c.beneficiary_id = t.distributor_id and c.status <> 'cancelled')::bigint as commission_fen,
  (select c.status from public.commissions c
     where c.trade_id = t.id and c.beneficiary_id = t.distributor_id and not c.is_clawback
     order by c.tier limit 1) as commission_status
from public.trades t
join public.reservations x on x.id = t.reservation_id
join public.members d on d.id = t.distributor_id
join public.members m on m.id = t.member_id
join public.merchants mc on mc.id = t.merchant_id
join public.listings l on l.id = t.listing_id
left join public.shares sh on sh.id = x.share_id
where t.distributor_id is not null;

-- The listings list at millions of rows (issue 4; figures at seed factor 100):
-- 1. Names come from scalar subqueries, not joins. Five joined tables, each behind its own
--    row-level-security filter that the planner guesses at 50 %, put the row estimate at a tenth
--    of the truth, so PostgREST's count=estimated ran an exact count (it does whenever the
--    estimate is under max-rows), 1.5 s on a filtered list, and planning the join took ~11 ms
--    per request. A subquery in the select list runs for the rows on the page only, and a count
--    does not plan it. A listing's city is its merchant's city (listings_before_write), so the
--    listing's own row-level security scopes the rows.
-- 2. `promoted` is a limit-1 lookup: as EXISTS the planner hashes every active promotion
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
  l.search, l.search_grams,
  -- the search box (00_foundation.sql, "Searching under row-level security"): the ids of the
  -- entry in the x-search header, or its words checked on this row
  l.id = any ((select app.search_requested_hits('listings'))::uuid[]) as search_hit,
  app.search_match(l.search, l.search_grams, (select app.search_likes(app.search_requested())),
    (select app.search_shorts(app.search_requested()))) as search_match
from public.listings l;

-- The merchants list (30,000 merchants at seed factor 100), built like v_listings: names looked
-- up per row, not joined (each joined table's row-level-security filter halves the row estimate
-- and adds to a 14 ms plan). The counts use the rule functions (app.complaint_is_open,
-- app.reservation_is_successful, app.merchant_is_public), which the planner inlines.
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
  app.merchant_is_public(m.status, m.fee_paid_until) as is_public,
  (select count(*) from public.listings l where l.merchant_id = m.id) as product_count,
  (select count(*) from public.listings l where l.merchant_id = m.id and l.shelf_state = 'on') as on_shelf_count,
  (select count(*) from public.complaints x where x.merchant_id = m.id) as complaint_count,
  (select count(*) from public.complaints x where x.merchant_id = m.id
     and app.complaint_is_open(x.state)) as open_complaint_count,
  (select count(*) from public.reservations x where x.merchant_id = m.id) as reservation_count,
  (select count(*) from public.reservations x where x.merchant_id = m.id
     and app.reservation_is_successful(x.state)) as success_count,
  (select round(count(*) filter (where app.reservation_is_successful(x.state))::numeric
                / nullif(count(*), 0), 4)
     from public.reservations x where x.merchant_id = m.id) as success_rate,
  (select count(*) from public.merchant_penalties p where p.merchant_id = m.id and p.revoked_at is null
     and p.starts_at <= now() and p.expires_at > now()) as active_penalty_count,
  m.search, m.search_grams,
  -- the search box (00_foundation.sql, "Searching under row-level security"): the ids of the
  -- entry in the x-search header, or its words checked on this row
  m.id = any ((select app.search_requested_hits('merchants'))::uuid[]) as search_hit,
  app.search_match(m.search, m.search_grams, (select app.search_likes(app.search_requested())),
    (select app.search_shorts(app.search_requested()))) as search_match
from public.merchants m;

-- The members list: PII masked unless allowed, reservation counts per kind, and "C"-collated
-- sort keys for name, pinyin and initials (members_*_idx).
create or replace view public.v_members with (security_invoker = on) as
select m.id, m.seq, m.nickname, m.nickname_pinyin, m.nickname_initials, m.avatar_url,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'phone') else m.phone_masked end as phone,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'id_number') else m.id_number_masked end as id_number,
  app.member_pii(m.id, 'real_name') as real_name,
  m.city_code, (select r.name from public.regions r where r.code = m.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = m.city_code) as province_code,
  m.level, m.status, m.status_reason, m.banned_at, m.points,
  m.has_promotion_rights, m.promotion_rights_at,
  m.upline_id, (select u.nickname from public.members u where u.id = m.upline_id) as upline_nickname,
  m.depth, m.path::text as path,
  (select count(*) from public.members d where d.upline_id = m.id) as direct_downline_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'rental') as rental_reservation_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'used_purchase') as used_purchase_reservation_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'new_purchase') as new_purchase_reservation_count,
  m.registered_at, m.updated_at, m.search, m.search_grams,
  m.nickname collate "C" as name_key, m.nickname_pinyin collate "C" as pinyin_key,
  m.nickname_initials collate "C" as initials_key,
  m.phone_tail,
  -- the search box (00_foundation.sql, "Searching under row-level security"): the ids of the
  -- entry in the x-search header, or its words checked on this row
  m.id = any ((select app.search_requested_hits('members'))::uuid[]) as search_hit,
  app.search_match(m.search, m.search_grams, (select app.search_likes(app.search_requested())),
    (select app.search_shorts(app.search_requested()))) as search_match
from public.members m;

-- Functions that return the views' rows -------------------------------------------------------

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

create or replace function public.member_ban(p_id uuid, p_reason_code text, p_note text default null)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  old := app.member_lock(p_id);
  if old.status <> 'active' then
    perform app.illegal('member', old.status::text, 'banned');
  end if;
  update public.members set status = 'banned', banned_at = now(), status_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.member_log(old, new, 'ban', p_reason_code, p_note);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

create or replace function public.member_unban(p_id uuid, p_reason_code text, p_note text default null)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  old := app.member_lock(p_id);
  if old.status <> 'banned' then
    perform app.illegal('member', old.status::text, 'active');
  end if;
  update public.members set status = 'active', banned_at = null, status_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.member_log(old, new, 'unban', p_reason_code, p_note);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

create or replace function public.member_set_level(p_id uuid, p_level public.member_level, p_reason text)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(null, p_reason);
  old := app.member_lock(p_id);
  if p_level is null or old.level = p_level then
    perform app.fail('invalid_input', 'the level does not change');
  end if;
  update public.members set level = p_level where id = p_id returning * into new;
  perform app.member_log(old, new, 'level_change', null, p_reason);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

create or replace function public.member_adjust_points(p_id uuid, p_delta integer, p_reason text)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(null, p_reason);
  if coalesce(p_delta, 0) = 0 or p_delta not between -1000000 and 1000000 then
    perform app.fail('invalid_input', 'points delta must be non-zero and at most 1,000,000');
  end if;
  old := app.member_lock(p_id);
  if old.points + p_delta < 0 then
    perform app.fail('insufficient_points', format('member has %s points', old.points));
  end if;
  update public.members set points = points + p_delta where id = p_id returning * into new;
  perform app.member_log(old, new, 'points_adjust', null, p_reason, p_delta);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

-- Promotion rights are bought in the public app (payments, R-PAY-2); the money side, an admin
-- or a reviewer handling a distribution case grants or revokes them here, with a coded reason
-- (p_reason_code) and/or a note (p_reason). Revoking stops new shares (app.shares_check); open
-- bindings and earned commissions stay.
create or replace function public.member_set_promotion_rights(p_id uuid, p_enabled boolean, p_reason text default null,
  p_reason_code text default null)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(true, 'admin', 'reviewer');
  perform app.require_given(p_enabled, 'enabled');
  perform app.require_reason(p_reason_code, p_reason);
  old := app.member_lock(p_id);
  if old.has_promotion_rights = p_enabled then
    perform app.illegal('member promotion rights', old.has_promotion_rights::text, p_enabled::text);
  end if;
  update public.members set has_promotion_rights = p_enabled,
    promotion_rights_at = case when p_enabled then now() end
  where id = p_id returning * into new;
  perform app.member_log(old, new, case when p_enabled then 'grant_promotion_rights' else 'revoke_promotion_rights' end,
    nullif(btrim(p_reason_code), ''), nullif(btrim(p_reason), ''));
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

revoke all on function public.member_downline(p_member uuid, p_max_depth integer),
  public.member_upline_chain(p_member uuid),
  public.member_ban(p_id uuid, p_reason_code text, p_note text),
  public.member_unban(p_id uuid, p_reason_code text, p_note text),
  public.member_set_level(p_id uuid, p_level public.member_level, p_reason text),
  public.member_adjust_points(p_id uuid, p_delta integer, p_reason text),
  public.member_set_promotion_rights(p_id uuid, p_enabled boolean, p_reason text, p_reason_code text) from public, anon, authenticated, service_role;
grant execute on function public.member_downline(p_member uuid, p_max_depth integer),
  public.member_upline_chain(p_member uuid),
  public.member_ban(p_id uuid, p_reason_code text, p_note text),
  public.member_unban(p_id uuid, p_reason_code text, p_note text),
  public.member_set_level(p_id uuid, p_level public.member_level, p_reason text),
  public.member_adjust_points(p_id uuid, p_delta integer, p_reason text),
  public.member_set_promotion_rights(p_id uuid, p_enabled boolean, p_reason text, p_reason_code text) to authenticated, service_role;

-- A binding dispute in one read (R-PRO-2): the binding, the share and click it came from, every
-- binding of the customer with this merchant, the customer's clicks on this merchant's shares,
-- the customer's reservations and commissions with this merchant, and the shares of other
-- distributors it could be rebound to (those the customer clicked first). Invoker: each
-- table's policies apply (a role without commission rights gets no commission rows).
create or replace function public.binding_evidence(p_id uuid)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'binding', to_jsonb(v),
    'share', (select jsonb_build_object('id', sh.id, 'code', sh.code, 'channel', sh.channel, 'created_at', sh.created_at,
                 'listing_id', sh.listing_id, 'listing_title', (select l.title from public.listings l where l.id = sh.listing_id),
                 'distributor_nickname', app.member_name(sh.distributor_id),
                 'click_count', (select count(*) from public.share_clicks k where k.share_id = sh.id))
              from public.shares sh where sh.id = v.share_id),
    'click', (select jsonb_build_object('id', k.id, 'clicked_at', k.clicked_at, 'visitor_member_id', k.visitor_member_id)
              from public.share_clicks k where k.id = v.click_id),
    'bindings', (select coalesce(jsonb_agg(jsonb_build_object('id', b.id, 'distributor_id', b.distributor_id,
                   'distributor_nickname', app.member_name(b.distributor_id), 'share_id', b.share_id,
                   'bound_at', b.bound_at, 'expires_at', b.expires_at, 'ended_at', b.ended_at, 'end_reason', b.end_reason,
                   'replaces_id', b.replaces_id, 'created_by_name', app.staff_name(b.created_by)) order by b.bound_at desc), '[]')
                 from public.customer_bindings b where b.member_id = v.member_id and b.merchant_id = v.merchant_id),
    'clicks', (select coalesce(jsonb_agg(jsonb_build_object('clicked_at', k.clicked_at, 'share_id', sh.id, 'share_code', sh.code,
                 'distributor_id', sh.distributor_id, 'distributor_nickname', app.member_name(sh.distributor_id)) order by k.clicked_at desc), '[]')
               from public.share_clicks k join public.shares sh on sh.id = k.share_id
               where k.visitor_member_id = v.member_id and sh.merchant_id = v.merchant_id),
    'reservations', (select coalesce(jsonb_agg(jsonb_build_object('id', x.id, 'created_at', x.created_at, 'state', x.state,
                       'kind', x.kind, 'price_fen', x.price_fen, 'distributor_id', x.distributor_id,
                       'distributor_nickname', app.member_name(x.distributor_id),
                       'share_code', (select sh.code from public.shares sh where sh.id = x.share_id)) order by x.created_at desc), '[]')
                     from public.reservations x where x.member_id = v.member_id and x.merchant_id = v.merchant_id),
    'commissions', (select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'trade_id', c.trade_id, 'tier', c.tier,
                      'beneficiary_id', c.beneficiary_id, 'beneficiary_nickname', app.member_name(c.beneficiary_id),
                      'amount_fen', c.amount_fen, 'status', c.status, 'created_at', c.created_at) order by c.id desc), '[]')
                    from public.commissions c join public.trades t on t.id = c.trade_id
                    where t.member_id = v.member_id and t.merchant_id = v.merchant_id),
    'candidate_shares', (select coalesce(jsonb_agg(q.j order by q.clicked desc, q.created_at desc), '[]') from (
        select jsonb_build_object('id', sh.id, 'code', sh.code, 'distributor_id', sh.distributor_id,
                 'distributor_nickname', app.member_name(sh.distributor_id),
                 'listing_title', (select l.title from public.listings l where l.id = sh.listing_id),
                 'clicked_by_customer', exists (select 1 from public.share_clicks k where k.share_id = sh.id and k.visitor_member_id = v.member_id)) as j,
               exists (select 1 from public.share_clicks k where k.share_id = sh.id and k.visitor_member_id = v.member_id) as clicked,
               sh.created_at
        from public.shares sh join public.members d on d.id = sh.distributor_id
        where sh.merchant_id = v.merchant_id and sh.distributor_id <> v.distributor_id and sh.distributor_id <> v.member_id
          and d.has_promotion_rights and d.status = 'active'
        order by clicked desc, sh.created_at desc limit 50) q))
  from public.v_customer_bindings v where v.id = p_id
$$;
revoke all on function public.binding_evidence(p_id uuid) from public, anon, authenticated, service_role;
grant execute on function public.binding_evidence(p_id uuid) to authenticated;

-- Who may read the views ----------------------------------------------------------------------
revoke all on table public.v_members,
  public.v_listings,
  public.v_merchants,
  public.v_shares,
  public.v_distributors,
  public.v_distribution_trades from public, anon, authenticated, service_role;
grant select on table public.v_members,
  public.v_listings,
  public.v_merchants,
  public.v_shares,
  public.v_distributors,
  public.v_distribution_trades to authenticated;
grant all on table public.v_members,
  public.v_listings,
  public.v_merchants,
  public.v_shares,
  public.v_distributors,
  public.v_distribution_trades to service_role;
revoke all on table public.public_listings from public, anon, authenticated, service_role;
grant select on table public.public_listings to anon, authenticated;
grant all on table public.public_listings to service_role;

-- The settings page (系统管理 → 参数设置) in one read: business rules, money rules, four-eyes
-- rules, amount ceilings and merchant categories. Invoker: each table's policies apply.
create or replace function public.settings_overview()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'core', (select to_jsonb(s) from public.core_settings s where s.id = 1),
    'money', (select to_jsonb(m) from public.money_settings m where m.id),
    'four_eyes', (select coalesce(jsonb_agg(to_jsonb(r) order by r.rule), '[]') from public.four_eyes_rules r),
    'ceilings', (select coalesce(jsonb_agg(to_jsonb(c) order by c.kind), '[]') from public.amount_ceilings c),
    'categories', (select coalesce(jsonb_agg(to_jsonb(k) order by k.id), '[]') from public.merchant_categories k))
$$;
revoke all on function public.settings_overview() from public, anon, authenticated, service_role;
grant execute on function public.settings_overview() to authenticated, service_role;

