-- Region-scoped staff see members of their own cities only (members RLS), yet a 成都 case
-- may involve a 北京 customer or distributor. The case read models therefore keep the row
-- (left join) and take the member's nickname through app.member_name(), which any staff
-- member may read for the rows they can see; phones stay behind app.member_pii().
create or replace function app.member_name(p_id uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  n text;
begin
  if p_id is null or not app.is_staff() then
    return null;
  end if;
  select m.nickname into n from public.members m where m.id = p_id;
  return n;
end;
$$;
grant execute on function app.member_name(uuid) to authenticated, service_role;

drop policy members_read on public.members;
create policy members_read on public.members for select to authenticated
  using ((select app.all_regions()) or app.in_region(city_code));

create or replace view public.v_reservations with (security_invoker = on) as
select x.id, x.kind, x.state, x.member_id, coalesce(m.nickname, app.member_name(x.member_id)) as member_nickname,
  case when (select app.can_see_pii('person')) then app.member_pii(x.member_id, 'phone') else coalesce(m.phone_masked, app.member_pii(x.member_id, 'phone')) end as member_phone,
  x.merchant_id, mc.name as merchant_name, x.listing_id, l.title as listing_title,
  l.brand_id, b.name as brand_name, x.model_id, cm.name as model_name,
  x.city_code, r.name as city_name, r.parent_code as province_code,
  x.distributor_id, coalesce(d.nickname, app.member_name(x.distributor_id)) as distributor_nickname, x.share_id, x.touched_at,
  x.reserved_for, x.confirm_deadline, x.price_fen, x.rental_start, x.rental_end,
  case when x.kind = 'rental' then x.rental_end - x.rental_start + 1 end as rental_days,
  x.deal_amount_fen, x.deal_evidence, x.state_reason,
  x.created_at, x.confirmed_at, x.visited_at, x.deal_closed_at, x.state_changed_at,
  (select t.id from public.trades t where t.reservation_id = x.id) as trade_id,
  app.search_text(m.nickname, m.nickname_pinyin, mc.name, mc.name_pinyin, l.title) as search
from public.reservations x
left join public.members m on m.id = x.member_id
join public.merchants mc on mc.id = x.merchant_id
join public.listings l on l.id = x.listing_id
join public.car_brands b on b.id = l.brand_id
left join public.car_models cm on cm.id = x.model_id
left join public.members d on d.id = x.distributor_id
left join public.regions r on r.code = x.city_code;

create or replace view public.v_trades with (security_invoker = on) as
select t.id, t.reservation_id, t.kind, t.status, t.amount_fen, t.quantity,
  t.merchant_id, mc.name as merchant_name, t.member_id, coalesce(m.nickname, app.member_name(t.member_id)) as member_nickname,
  t.distributor_id, coalesce(d.nickname, app.member_name(t.distributor_id)) as distributor_nickname, t.listing_id, l.title as listing_title,
  t.brand_id, b.name as brand_name, t.model_id, cm.name as model_name, s.name as series_name,
  t.city_code, r.name as city_name, r.parent_code as province_code,
  t.closed_at, t.voided_at, t.refunded_at, t.status_reason, t.created_at,
  app.search_text(mc.name, mc.name_pinyin, m.nickname, b.name, b.name_pinyin, s.name, l.title) as search
from public.trades t
join public.merchants mc on mc.id = t.merchant_id
left join public.members m on m.id = t.member_id
join public.listings l on l.id = t.listing_id
left join public.car_brands b on b.id = t.brand_id
left join public.car_models cm on cm.id = t.model_id
left join public.car_series s on s.id = cm.series_id
left join public.members d on d.id = t.distributor_id
left join public.regions r on r.code = t.city_code;

create or replace view public.v_complaints with (security_invoker = on) as
select c.id, c.member_id, coalesce(m.nickname, app.member_name(c.member_id)) as member_nickname,
  case when (select app.can_see_pii('person')) then app.member_pii(c.member_id, 'phone') else coalesce(m.phone_masked, app.member_pii(c.member_id, 'phone')) end as member_phone,
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
left join public.members m on m.id = c.member_id
join public.merchants mc on mc.id = c.merchant_id
left join public.staff s on s.id = c.assignee_id
left join public.regions r on r.code = c.city_code;

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

create or replace view public.v_customer_bindings with (security_invoker = on) as
select cb.id, cb.member_id, coalesce(m.nickname, app.member_name(cb.member_id)) as member_nickname, cb.distributor_id, coalesce(d.nickname, app.member_name(cb.distributor_id)) as distributor_nickname,
  cb.merchant_id, mc.name as merchant_name, mc.city_code, cb.share_id, sh.code as share_code, cb.click_id,
  cb.bound_at, cb.expires_at, cb.ended_at, cb.end_reason,
  (cb.ended_at is null and cb.expires_at > now()) as is_active
from public.customer_bindings cb
left join public.members m on m.id = cb.member_id
left join public.members d on d.id = cb.distributor_id
join public.merchants mc on mc.id = cb.merchant_id
join public.shares sh on sh.id = cb.share_id;

