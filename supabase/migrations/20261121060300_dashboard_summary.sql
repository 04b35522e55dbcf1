-- Home dashboard figures (R-ANA-1) in one call. security invoker: each figure counts only
-- the rows the caller may read (a region-scoped reviewer sees their regions' queue; a role
-- without rights on withdrawals gets 0 there). Every figure is an index range or a partial
-- index scan, so the whole summary stays cheap at millions of rows.
-- GMV = amounts of trades still `closed` (voided and refunded ones excluded), by the
-- Shanghai business day / month of closed_at.
create or replace function public.dashboard_summary()
returns jsonb
language sql
stable
set search_path = ''
as $$
  with b as (
    select (date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as day_start,
           (date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as month_start
  ),
  apps as (
    select count(*) filter (where a.state = 'submitted') as submitted,
           count(*) filter (where a.state = 'in_review') as in_review
    from public.merchant_applications a where a.state in ('submitted', 'in_review')
  ),
  lst as (
    select count(*) as n from public.listings l where l.review_state = 'pending'
  ),
  cmp as (
    select count(*) as open,
           count(*) filter (where c.resolution_due_at < now()) as overdue,
           count(*) filter (where c.first_responded_at is null and c.first_response_due_at < now()) as first_response_overdue
    from public.complaints c
    where c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn')
  ),
  wdr as (
    select count(*) as n, coalesce(sum(w.amount_fen), 0)::bigint as amount
    from public.withdrawals w
    where w.state in ('applied', 'in_review', 'approved', 'paying', 'pay_failed')
  ),
  trd as (
    select count(*) filter (where t.closed_at >= b.day_start) as today_n,
           coalesce(sum(t.amount_fen) filter (where t.closed_at >= b.day_start), 0)::bigint as today_fen,
           count(*) as month_n,
           coalesce(sum(t.amount_fen), 0)::bigint as month_fen
    from public.trades t, b
    where t.closed_at >= b.month_start and t.status = 'closed'
  ),
  mem as (
    select count(*) filter (where m.registered_at >= b.day_start) as today_n, count(*) as month_n
    from public.members m, b
    where m.registered_at >= b.month_start
  )
  select jsonb_build_object(
    'pending_merchant_reviews', apps.submitted + apps.in_review,
    'merchant_reviews_submitted', apps.submitted,
    'merchant_reviews_in_review', apps.in_review,
    'pending_listing_reviews', lst.n,
    'open_complaints', cmp.open,
    'overdue_complaints', cmp.overdue,
    'first_response_overdue_complaints', cmp.first_response_overdue,
    'pending_withdrawals', wdr.n,
    'pending_withdrawals_fen', wdr.amount,
    'gmv_today_fen', trd.today_fen,
    'trades_today', trd.today_n,
    'gmv_month_fen', trd.month_fen,
    'trades_month', trd.month_n,
    'new_members_today', mem.today_n,
    'new_members_month', mem.month_n,
    'day_start', b.day_start,
    'month_start', b.month_start,
    'as_of', now())
  from apps, lst, cmp, wdr, trd, mem, b
$$;
revoke execute on function public.dashboard_summary() from public, anon;
grant execute on function public.dashboard_summary() to authenticated, service_role;
