-- R-TRD-2 / R-TRD-3: totals (count, GMV, average) of the trades a list shows, for any filter
-- the trades screen offers. security invoker: the caller's RLS (role, region) decides which
-- trades count, exactly as for the list itself. Unknown keys are ignored; values are text.
--   status, kind, merchant_id, member_id, distributor_id, city_code, province_code, brand_id,
--   closed_from, closed_to (timestamptz, inclusive), q (the list's search box)
-- GMV and the average count only closed (not voided or refunded) trades.
create or replace function public.trade_totals(filters jsonb default '{}')
returns table (trade_count bigint, closed_count bigint, gmv_fen bigint, avg_fen bigint, refunded_fen bigint)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  f jsonb := coalesce(filters, '{}');
  q text := app.search_norm(f ->> 'q');
begin
  if not app.is_staff() then
    perform app.fail('not_permitted', 'staff only', '42501');
  end if;
  return query
  select count(*)::bigint,
         count(*) filter (where t.status = 'closed')::bigint,
         coalesce(sum(t.amount_fen) filter (where t.status = 'closed'), 0)::bigint,
         coalesce(round(avg(t.amount_fen) filter (where t.status = 'closed')), 0)::bigint,
         coalesce(sum(t.amount_fen) filter (where t.status = 'refunded'), 0)::bigint
  from public.trades t
  where (f ->> 'status' is null or t.status = (f ->> 'status')::public.trade_status)
    and (f ->> 'kind' is null or t.kind = (f ->> 'kind')::public.trade_kind)
    and (f ->> 'merchant_id' is null or t.merchant_id = (f ->> 'merchant_id')::uuid)
    and (f ->> 'member_id' is null or t.member_id = (f ->> 'member_id')::uuid)
    and (f ->> 'distributor_id' is null or t.distributor_id = (f ->> 'distributor_id')::uuid)
    and (f ->> 'city_code' is null or t.city_code = f ->> 'city_code')
    and (f ->> 'province_code' is null
         or t.city_code in (select r.code from public.regions r where r.parent_code = f ->> 'province_code'))
    and (f ->> 'brand_id' is null or t.brand_id = (f ->> 'brand_id')::integer)
    and (f ->> 'closed_from' is null or t.closed_at >= (f ->> 'closed_from')::timestamptz)
    and (f ->> 'closed_to' is null or t.closed_at <= (f ->> 'closed_to')::timestamptz)
    and (q is null or exists (select 1 from public.v_trades v where v.id = t.id
                              and v.search ilike '%' || replace(q, ' ', '%') || '%'));
end;
$$;
revoke execute on function public.trade_totals(jsonb) from public, anon;
grant execute on function public.trade_totals(jsonb) to authenticated, service_role;
