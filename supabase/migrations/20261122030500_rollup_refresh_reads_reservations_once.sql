-- The per-day refresh of the reservation rollups read the day's reservations three times
-- (one aggregate per rollup): at seed factor 100 a recent day (~45,000 reservations) took
-- 0.7 s, and a batch of 20 days came close to the API's 8 s statement timeout. Now one read
-- into a temporary table and three aggregates of it, like the trade rollups; the schedule
-- also asks for smaller batches (run-jobs). Same rows as before.

create or replace function app.rollup_recompute(p_source text, p_from date, p_to date)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d0 date := coalesce(p_from, '-infinity'::date);
  d1 date := coalesce(p_to, 'infinity'::date);
  t0 timestamptz := case when p_from is null then '-infinity'::timestamptz else p_from::timestamp at time zone 'Asia/Shanghai' end;
  t1 timestamptz := case when p_to is null then 'infinity'::timestamptz else (p_to + 1)::timestamp at time zone 'Asia/Shanghai' end;
  t text;
begin
  if p_source = 'reservation' then
    foreach t in array array['app.ana_reservations_day', 'app.ana_distributor_reservations_day', 'app.rank_reservations_day'] loop
      execute format('delete from %s where day >= $1 and day <= $2', t) using d0, d1;
    end loop;
    -- one read of the day's reservations (an index range scan), three aggregates of it
    execute $q$
      create temp table rollup_reservations on commit drop as
      select (x.created_at at time zone 'Asia/Shanghai')::date as day, x.city_code, x.kind, x.merchant_id, x.distributor_id,
        x.state in ('visited', 'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided') as ok,
        x.state in ('cancelled_by_customer', 'cancelled_by_merchant', 'auto_expired', 'no_show') as cancelled
      from public.reservations x
      where x.created_at >= $1 and x.created_at < $2 $q$ using t0, t1;
    insert into app.ana_reservations_day (day, city_code, kind, total, successful, cancelled)
    select x.day, x.city_code, x.kind, count(*), count(*) filter (where x.ok), count(*) filter (where x.cancelled)
    from pg_temp.rollup_reservations x group by 1, 2, 3;
    insert into app.ana_distributor_reservations_day (day, city_code, distributor_id, reservations)
    select x.day, x.city_code, x.distributor_id, count(*)
    from pg_temp.rollup_reservations x where x.distributor_id is not null group by 1, 2, 3;
    insert into app.rank_reservations_day (day, merchant_id, total, successful)
    select x.day, x.merchant_id, count(*), count(*) filter (where x.ok)
    from pg_temp.rollup_reservations x group by 1, 2;
    drop table pg_temp.rollup_reservations;
  elsif p_source = 'trade' then
    foreach t in array array['app.ana_distributor_trades_day', 'app.ana_commission_day', 'app.ana_days_on_market_day',
      'app.ana_trades_hour_day', 'app.ana_trades_brand_day', 'app.ana_trades_model_day', 'app.ana_trades_merchant_day'] loop
      execute format('delete from %s where day >= $1 and day <= $2', t) using d0, d1;
    end loop;
    execute $q$
      create temp table rollup_closed_trades on commit drop as
      select t.id, t.closed_at, (t.closed_at at time zone 'Asia/Shanghai')::date as day, t.city_code, t.merchant_id,
        t.distributor_id, t.brand_id, t.model_id, t.listing_id, t.kind, t.amount_fen
      from public.trades t
      where t.status = 'closed' and t.closed_at >= $1 and t.closed_at < $2 $q$ using t0, t1;
    insert into app.ana_trades_hour_day (day, city_code, hour, trades, gmv_fen)
    select c.day, c.city_code, extract(hour from c.closed_at at time zone 'Asia/Shanghai')::smallint, count(*), sum(c.amount_fen)
    from pg_temp.rollup_closed_trades c group by 1, 2, 3;
    insert into app.ana_trades_brand_day (day, city_code, brand_id, trades, gmv_fen)
    select c.day, c.city_code, c.brand_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c group by 1, 2, 3;
    insert into app.ana_trades_model_day (day, city_code, model_id, trades, gmv_fen)
    select c.day, c.city_code, c.model_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c
    where c.model_id is not null group by 1, 2, 3;
    insert into app.ana_trades_merchant_day (day, city_code, merchant_id, trades, gmv_fen)
    select c.day, c.city_code, c.merchant_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c group by 1, 2, 3;
    insert into app.ana_distributor_trades_day (day, city_code, distributor_id, trades, gmv_fen)
    select c.day, c.city_code, c.distributor_id, count(*), sum(c.amount_fen) from pg_temp.rollup_closed_trades c
    where c.distributor_id is not null group by 1, 2, 3;
    insert into app.ana_days_on_market_day (day, city_code, listing_city_code, kind, bucket_order, listings, days_sum)
    select r.day, r.city_code, r.listing_city_code, r.kind,
      case when r.days < 8 then 1 when r.days < 31 then 2 when r.days < 61 then 3
           when r.days < 91 then 4 when r.days < 181 then 5 else 6 end,
      count(*), sum(r.days)
    from (
      select c.day, c.city_code, l.city_code as listing_city_code, l.kind,
        greatest(extract(epoch from c.closed_at - coalesce(l.listed_at, l.approved_at, l.created_at)) / 86400.0, 0) as days
      from pg_temp.rollup_closed_trades c join public.listings l on l.id = c.listing_id
      where c.kind = 'sale'
    ) r
    group by 1, 2, 3, 4, 5;
    drop table pg_temp.rollup_closed_trades;
    execute $q$
      insert into app.ana_commission_day (day, city_code, trade_city_code, beneficiary_id, amount_fen, records)
      select (r.at at time zone 'Asia/Shanghai')::date, r.city_code, r.trade_city_code, r.beneficiary_id, sum(r.amount_fen), count(*)
      from (
        -- credited: the commission of trades closed that day (a refunded trade's stays; its claw-back below)
        select t.closed_at as at, c.city_code, t.city_code as trade_city_code, c.beneficiary_id, c.amount_fen
        from public.trades t
        join public.commissions c on c.trade_id = t.id and not c.is_clawback
        where t.distributor_id is not null and t.closed_at >= $1 and t.closed_at < $2 and c.status <> 'cancelled'
        union all
        -- clawed back: on the day the trade was refunded or voided
        select coalesce(t.refunded_at, t.voided_at, c.created_at), c.city_code, t.city_code, c.beneficiary_id, c.amount_fen
        from public.commissions c
        join public.trades t on t.id = c.trade_id
        where c.is_clawback
          and coalesce(t.refunded_at, t.voided_at, c.created_at) >= $1 and coalesce(t.refunded_at, t.voided_at, c.created_at) < $2
      ) r
      group by 1, 2, 3, 4 $q$ using t0, t1;
  else
    raise exception 'unknown rollup source %', p_source;
  end if;
end;
$$;
