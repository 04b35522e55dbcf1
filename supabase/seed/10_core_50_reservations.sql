-- Core demo data 5/6: reservations (50,000 × app.seed_factor) in every state and the trades
-- (8,000 × factor: 16 % of reservations reach a deal) with status closed / voided / refunded
-- consistent with them. Distributors come only from bindings (filled exactly as the insert
-- trigger would), so R-PRO-2 holds for the demo data. The money side's triggers on trades fire as usual.
do $$
declare
  f int := greatest(1, coalesce(nullif(current_setting('app.seed_factor', true), ''), '1')::int);
  n int := 50000 * f;
  nb int;
  nl int;
  nm int;
begin
  if exists (select 1 from public.reservations) then
    raise notice 'reservations already seeded';
    return;
  end if;
  create temp table seed_l on commit drop as
    select row_number() over (order by l.id) as i, l.id, l.merchant_id, l.kind, l.price_fen, l.created_at,
      row_number() over (partition by l.merchant_id order by l.id) as mi
    from public.listings l where l.review_state = 'approved';
  create index on seed_l (i);
  create index on seed_l (merchant_id, mi);
  create index on seed_l (id);
  create temp table seed_lc on commit drop as select merchant_id, count(*) as cnt from seed_l group by 1;
  create index on seed_lc (merchant_id);
  select count(*) into nl from seed_l;
  create temp table seed_mem on commit drop as
    select row_number() over (order by seq) as i, id, registered_at from public.members where status = 'active';
  create index on seed_mem (i);
  create index on seed_mem (id);
  select count(*) into nm from seed_mem;
  -- bindings that have at least one approved listing of their merchant to reserve
  create temp table seed_b on commit drop as
    select row_number() over (order by b.bound_at, b.id) as i, b.member_id, b.merchant_id, b.bound_at,
      least(b.expires_at, now()) as until
    from public.customer_bindings b where exists (select 1 from seed_l l where l.merchant_id = b.merchant_id);
  create index on seed_b (i);
  select count(*) into nb from seed_b;

  create temp table seed_r on commit drop as
  select g, md5('reservation:' || g)::uuid as id, src.member_id, l.id as listing_id, l.merchant_id, l.kind as lkind,
    l.price_fen, st.state, st.bucket,
    case when st.state in ('created', 'confirmed', 'visited', 'deal_pending', 'in_use') and not src.bound
         then now() - pg_temp.rnd(g, 4) * interval '4 days' - interval '2 hours'
         else src.created end as created
  from generate_series(1, n) g
  cross join lateral (select (g * 37) % 100 as b) bk
  cross join lateral (
    select case when bk.b < 16 then 'deal'
      when bk.b < 19 then 'created' when bk.b < 22 then 'confirmed' when bk.b < 23 then 'visited'
      when bk.b < 25 then 'deal_pending' when bk.b < 31 then 'auto_expired' when bk.b < 40 then 'cancelled_by_customer'
      when bk.b < 43 then 'cancelled_by_merchant' when bk.b < 49 then 'no_show' else 'no_deal' end as state0, bk.b as bucket) s0
  -- the first reservations come through bindings (a bound customer reserving that merchant)
  cross join lateral (
    select true as bound, b.member_id, b.merchant_id, b.bound_at + pg_temp.rnd(g, 5) * (b.until - b.bound_at) as created
    from seed_b b where g <= least(nb, 4000 * f) and b.i = g
    union all
    select false, m.id, null, null
    from seed_mem m where not (g <= least(nb, 4000 * f)) and m.i = 1 + floor(pg_temp.rnd(g, 1) * nm)::int
  ) src0
  cross join lateral (
    select case when src0.bound
      then (select l.id from seed_l l join seed_lc c on c.merchant_id = l.merchant_id
            where l.merchant_id = src0.merchant_id and l.mi = 1 + g % c.cnt)
      else (select l.id from seed_l l where l.i = 1 + floor(pg_temp.rnd(g, 2) * nl)::int) end as lid
  ) pick
  join seed_l l on l.id = pick.lid
  cross join lateral (
    select src0.bound, src0.member_id,
      coalesce(src0.created, greatest(l.created_at, (select registered_at from seed_mem where id = src0.member_id))
               + pg_temp.rnd(g, 3) * (now() - interval '6 days' - greatest(l.created_at, (select registered_at from seed_mem where id = src0.member_id)))) as created
  ) src
  cross join lateral (
    select case when s0.state0 <> 'deal' then s0.state0
      when s0.bucket = 0 then 'voided'
      when l.kind = 'rental' then case s0.bucket when 2 then 'in_use' when 3 then 'returned' else 'settled' end
      else 'deal_closed' end::public.reservation_state as state, s0.bucket
  ) st;

  -- The insert trigger (binding snapshot, model, city) runs per row; the seed does the same
  -- set-based, with the trigger and the per-row foreign-key checks off (seed_unchecked) and
  -- every foreign key checked at once afterwards.
  create index on seed_r (member_id);
  perform pg_temp.seed_drop_indexes('public.reservations', 'public.reservation_history', 'public.trades', 'public.trade_history',
    'public.trade_money', 'public.commissions', 'public.ledger_journals', 'public.ledger_entries');
  perform pg_temp.seed_unchecked(true);
  insert into public.reservations (id, kind, member_id, merchant_id, listing_id, model_id, city_code, distributor_id, share_id,
    touched_at, state, reserved_for, confirm_deadline, price_fen,
    rental_start, rental_end, deal_amount_fen, deal_evidence, checkin_code, state_reason, created_at, confirmed_at, visited_at,
    deal_closed_at, state_changed_at)
  select r.id,
    case r.lkind when 'rental' then 'rental' when 'new_sale' then 'new_purchase' else 'used_purchase' end::public.reservation_kind,
    r.member_id, r.merchant_id, r.listing_id, pl.model_id, pl.city_code, b.distributor_id, b.share_id, b.bound_at, r.state,
    r.created + (1 + r.g % 4) * interval '1 day' + (9 + r.g % 9) * interval '1 hour',
    r.created + interval '24 hours', r.price_fen,
    case when r.lkind = 'rental' then (r.created + (1 + r.g % 4) * interval '1 day')::date end,
    case when r.lkind = 'rental' then (r.created + (1 + r.g % 4) * interval '1 day')::date + (r.g % 7) end,
    case when r.state in ('deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided') then
      case when r.lkind = 'rental' then r.price_fen * (1 + r.g % 7) else r.price_fen * (95 + r.g % 6) / 100 end end,
    case when r.state in ('deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided')
         then array['samples/evidence-receipt-1.svg'] end,
    lpad((r.g * 7 % 1000000)::text, 6, '0'),
    case r.state when 'cancelled_by_merchant' then 'car_unavailable: 车辆已售' when 'cancelled_by_customer' then 'changed_mind: 行程变更'
                 when 'voided' then 'deal_cancelled: 交易撤销' end,
    r.created,
    case when r.state not in ('created', 'auto_expired') and not (r.state in ('cancelled_by_customer', 'cancelled_by_merchant') and r.g % 2 = 0)
         then r.created + interval '2 hours' end,
    case when app.reservation_is_successful(r.state::public.reservation_state)
         then r.created + (1 + r.g % 4) * interval '1 day' + (9 + r.g % 9) * interval '1 hour' end,
    case when r.state in ('deal_closed', 'in_use', 'returned', 'settled', 'voided')
         then least(now() - interval '1 hour', r.created + (2 + r.g % 4) * interval '1 day' + (12 + r.g % 6) * interval '1 hour') end,
    least(now(), r.created + case when r.state = 'created' then interval '0' else (2 + r.g % 6) * interval '1 day' end)
  from seed_r r
  join public.listings pl on pl.id = r.listing_id
  left join public.customer_bindings b on b.member_id = r.member_id and b.merchant_id = r.merchant_id and b.ended_at is null
    and b.bound_at <= r.created and b.expires_at > r.created
  order by r.created;

  insert into public.reservation_history (reservation_id, from_state, to_state, reason_code, note, actor_id, at)
  select id, null::public.reservation_state, 'created'::public.reservation_state, null, null, null::uuid, created_at from public.reservations
  union all
  select id, 'created'::public.reservation_state, state, split_part(state_reason, ':', 1), state_reason, null::uuid, state_changed_at
  from public.reservations where state <> 'created';

  perform pg_temp.seed_unchecked(false);
  perform pg_temp.seed_check_foreign_keys('public.reservations', 'public.reservation_history');

  -- trades with their money postings (the two triggers keep firing), foreign keys checked after
  perform pg_temp.seed_unchecked(true, 'public.trades.trades_money_insert', 'public.ledger_entries.ledger_entries_apply');
  insert into public.trades (id, reservation_id, merchant_id, member_id, distributor_id, listing_id, brand_id, model_id, kind,
    amount_fen, quantity, city_code, status, closed_at, voided_at, refunded_at, status_reason, created_at)
  select md5('trade:' || r.id)::uuid, r.id, r.merchant_id, r.member_id, r.distributor_id, r.listing_id, l.brand_id, r.model_id,
    case when r.kind = 'rental' then 'rental' else 'sale' end::public.trade_kind,
    r.deal_amount_fen, 1, r.city_code,
    case when r.state = 'voided' then 'voided' when sr.bucket = 1 then 'refunded' else 'closed' end::public.trade_status,
    r.deal_closed_at,
    case when r.state = 'voided' then least(now(), r.deal_closed_at + interval '3 days') end,
    case when r.state <> 'voided' and sr.bucket = 1 then least(now(), r.deal_closed_at + interval '5 days') end,
    case when r.state = 'voided' then r.state_reason when sr.bucket = 1 then 'customer_refund: 车况与描述不符' end,
    r.deal_closed_at
  from public.reservations r
  join seed_r sr on sr.id = r.id
  join public.listings l on l.id = r.listing_id
  where r.state in ('deal_closed', 'in_use', 'returned', 'settled', 'voided')
  order by r.deal_closed_at;

  insert into public.trade_history (trade_id, from_status, to_status, reason_code, note, actor_id, at)
  select id, null::public.trade_status, 'closed'::public.trade_status, 'deal_closed', null, null::uuid, closed_at from public.trades
  union all
  select id, 'closed'::public.trade_status, status, split_part(status_reason, ':', 1), status_reason, '00000000-0000-4000-a000-000000000003'::uuid,
    coalesce(voided_at, refunded_at)
  from public.trades where status <> 'closed';
  perform pg_temp.seed_unchecked(false, 'public.trades.trades_money_insert', 'public.ledger_entries.ledger_entries_apply');
  perform pg_temp.seed_check_foreign_keys('public.trades', 'public.trade_history', 'public.trade_money', 'public.commissions',
    'public.ledger_journals', 'public.ledger_entries');
  perform pg_temp.seed_restore_indexes('public.reservations', 'public.reservation_history', 'public.trades', 'public.trade_history',
    'public.trade_money', 'public.commissions', 'public.ledger_journals', 'public.ledger_entries');
end $$;
