-- Trades may also be inserted already voided or refunded (imports, the demo seed): they are
-- booked as closed and reversed at once (close journal + mirrored reversal journal, commission
-- rows cancelled), so every trade has its money record and ledger_check stays exact.
create or replace function app.trades_money_on_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  s public.money_settings := app.money_settings();
begin
  if not exists (select 1 from new_rows) then
    return null;
  end if;
  perform app.ensure_ledger_accounts('merchant', array(select distinct n.merchant_id from new_rows n));
  perform app.ensure_ledger_accounts('member', array(
    select distinct b from new_rows n
      join public.members d on d.id = n.distributor_id
      cross join lateral (values (n.distributor_id), (case when s.second_tier_enabled then d.upline_id end)) v (b)
     where b is not null));

  with calc as (
    select t.id as trade_id, t.merchant_id, t.distributor_id, t.city_code, t.amount_fen, t.closed_at, c.id as category_id,
           t.status, case when t.status <> 'closed' then coalesce(t.voided_at, t.refunded_at, now()) end as reversed_at,
           coalesce(m.commission_rate_override, c.commission_rate) as fee_rate,
           case when t.distributor_id is not null then c.distributor_rate else 0 end as dist_rate,
           case when t.distributor_id is not null and s.second_tier_enabled and s.second_tier_rate > 0
                     and d.upline_id is not null and d.upline_id <> t.distributor_id then d.upline_id end as tier2_id
      from new_rows t
      join public.merchants m on m.id = t.merchant_id
      join public.merchant_categories c on c.id = m.category_id
      left join public.members d on d.id = t.distributor_id
  ),
  amounts as (
    select calc.*,
           round(calc.amount_fen * calc.fee_rate)::bigint as fee_fen,
           round(calc.amount_fen * calc.dist_rate)::bigint as c1_fen,
           case when calc.tier2_id is not null then round(calc.amount_fen * s.second_tier_rate)::bigint else 0 end as c2_fen
      from calc
  ),
  j as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id, posted_at)
    select 'trade_close', 'trade', a.trade_id::text, 'trade closed', (select auth.uid()), now()
      from amounts a
    returning id, ref_id
  ),
  j2 as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id, posted_at)
    select 'trade_reversal', 'trade', a.trade_id::text, 'trade ' || a.status || ' (recorded closed and reversed)', (select auth.uid()), now()
      from amounts a where a.reversed_at is not null
    returning id, ref_id
  ),
  tm as (
    insert into public.trade_money (trade_id, merchant_id, distributor_id, tier2_member_id, city_code, category_id,
      amount_fen, fee_rate, fee_fen, commission_fen, merchant_net_fen, closed_at, unfreeze_at, close_journal_id,
      reversed_at, reversal_status, reversal_journal_id)
    select a.trade_id, a.merchant_id, a.distributor_id, a.tier2_id, a.city_code, a.category_id,
           a.amount_fen, a.fee_rate, a.fee_fen, a.c1_fen + a.c2_fen, a.amount_fen - a.fee_fen - a.c1_fen - a.c2_fen,
           a.closed_at, a.closed_at + make_interval(days => s.refund_window_days), j.id,
           a.reversed_at, case when a.reversed_at is not null then a.status end, j2.id
      from amounts a join j on j.ref_id = a.trade_id::text
      left join j2 on j2.ref_id = a.trade_id::text
    returning *
  ),
  e as (
    insert into public.ledger_entries (journal_id, account_id, amount_fen)
    select jr.journal_id, x.acc, jr.sign * x.amt
      from tm
      cross join lateral (values (tm.close_journal_id, 1), (tm.reversal_journal_id, -1)) jr (journal_id, sign)
      join amounts a on a.trade_id = tm.trade_id
      cross join lateral (values
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_clearing'), tm.amount_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'merchant' and la.owner_id = tm.merchant_id and la.kind = 'merchant_pending'), -tm.merchant_net_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'platform' and la.kind = 'platform_fee_deferred'), -tm.fee_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = tm.distributor_id and la.kind = 'member_frozen'), -a.c1_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = tm.tier2_member_id and la.kind = 'member_frozen'), -a.c2_fen)
      ) x (acc, amt)
     where x.amt <> 0 and jr.journal_id is not null
    returning 1
  )
  insert into public.commissions (trade_id, beneficiary_id, tier, merchant_id, city_code, base_amount_fen, rate, amount_fen,
    rule, status, unfreeze_at, journal_id, cancelled_at)
  select tm.trade_id, b.member_id, b.tier, tm.merchant_id, tm.city_code, tm.amount_fen, b.rate, b.amt,
         b.rule, case when tm.reversed_at is null then 'frozen' else 'cancelled' end::public.commission_status,
         tm.unfreeze_at, tm.close_journal_id, tm.reversed_at
    from tm
    join amounts a on a.trade_id = tm.trade_id
    cross join lateral (values
      (a.distributor_id, 1::smallint, a.dist_rate, a.c1_fen, 'category:' || a.category_id),
      (a.tier2_id, 2::smallint, s.second_tier_rate, a.c2_fen, 'second_tier')) b (member_id, tier, rate, amt, rule)
   where b.member_id is not null and b.amt > 0;
  return null;
exception when check_violation then
  perform app.fail('invalid_rates', 'fee and commission rates exceed the trade amount: ' || sqlerrm);
  return null;
end;
$$;

