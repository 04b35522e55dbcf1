-- What the public app (anon) may read: approved, active, fee-paid merchants and their approved,
-- on-shelf listings. These two views run as their owner (no security_invoker) because anon has
-- no privileges on the base tables; they filter explicitly and expose no PII, not even the
-- merchant's phone (R-PRO-2: bound customers must not see it; public_merchant_contact decides).
create view public.public_merchants as
select m.id, m.name, m.kind, c.name as category_name, m.city_code, r.name as city_name,
  m.address, m.lat, m.lng, m.level, m.rating, m.rank_in_city, m.description, m.licence_no
from public.merchants m
join public.merchant_categories c on c.id = m.category_id
left join public.regions r on r.code = m.city_code
where m.status = 'active'
  and m.fee_paid_until >= (now() at time zone 'Asia/Shanghai')::date;

create view public.public_listings as
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
where l.review_state = 'approved' and l.shelf_state = 'on' and l.trade_state <> 'retired';

revoke all on public.public_merchants, public.public_listings from anon, authenticated;
grant select on public.public_merchants, public.public_listings to anon, authenticated, service_role;

-- The merchant contact a member of the public app may see. A customer bound to a distributor
-- for this merchant gets the distributor instead (R-PRO-2). Called by the public app's
-- backend with the service key and a member id, or by a signed-in member for themself.
create or replace function public.public_merchant_contact(p_merchant uuid, p_member uuid default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  me uuid;
  m public.merchants;
  b public.customer_bindings;
  d public.members;
begin
  if app.is_service() then
    me := p_member;
  else
    select x.id into me from public.members x where x.auth_user_id = (select auth.uid());
    if me is null then
      perform app.fail('not_permitted', 'only members of the public app', '42501');
    end if;
  end if;
  select * into m from public.merchants x where x.id = p_merchant
    and x.status = 'active' and x.fee_paid_until >= (now() at time zone 'Asia/Shanghai')::date;
  if m.id is null then
    perform app.fail('not_found', 'no public merchant ' || p_merchant);
  end if;
  if me is not null then
    b := app.active_binding(me, p_merchant);
  end if;
  if b.id is not null then
    select * into d from public.members x where x.id = b.distributor_id;
    return jsonb_build_object('merchant_id', m.id, 'bound', true, 'contact_name', null, 'contact_phone', null,
      'distributor_id', d.id, 'distributor_nickname', d.nickname, 'distributor_phone', d.phone);
  end if;
  return jsonb_build_object('merchant_id', m.id, 'bound', false, 'contact_name', m.contact_name,
    'contact_phone', m.contact_phone, 'distributor_id', null, 'distributor_nickname', null, 'distributor_phone', null);
end;
$$;
revoke execute on function public.public_merchant_contact(uuid, uuid) from public, anon;
grant execute on function public.public_merchant_contact(uuid, uuid) to authenticated, service_role;
