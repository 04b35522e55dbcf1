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

revoke all on public.v_distributors, public.v_distribution_trades from anon, authenticated;
grant select on public.v_distributors, public.v_distribution_trades to authenticated;
