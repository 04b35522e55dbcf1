-- Withdrawal reconciliation report (R-WDR-4): per Shanghai business day, totals of what was
-- applied, approved, paid and rejected (from the history), and the paid amount according to
-- the ledger (credits to platform_clearing by withdrawal_paid journals) next to it.
create or replace view public.v_withdrawal_daily
with (security_invoker = on) as
with moves as (
  select app.biz_date(h.at) as day, h.to_state, h.from_state, h.reason_code, h.amount_fen, w.net_fen
    from public.withdrawal_history h join public.withdrawals w on w.id = h.withdrawal_id
),
ledger as (
  select app.biz_date(j.posted_at) as day, -sum(e.amount_fen) as paid_net_fen
    from public.ledger_journals j
    join public.ledger_entries e on e.journal_id = j.id
    join public.ledger_accounts a on a.id = e.account_id and a.kind = 'platform_clearing'
   where j.kind = 'withdrawal_paid'
   group by 1
),
days as (
  select m.day,
         count(*) filter (where m.to_state = 'applied' and m.from_state is null) as applied_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'applied' and m.from_state is null), 0) as applied_fen,
         count(*) filter (where m.to_state = 'approved' and m.from_state = 'in_review') as approved_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'approved' and m.from_state = 'in_review'), 0) as approved_fen,
         count(*) filter (where m.to_state = 'paid') as paid_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'paid'), 0) as paid_fen,
         coalesce(sum(m.net_fen) filter (where m.to_state = 'paid'), 0) as paid_net_fen,
         count(*) filter (where m.to_state = 'rejected') as rejected_count,
         coalesce(sum(m.amount_fen) filter (where m.to_state = 'rejected'), 0) as rejected_fen,
         count(*) filter (where m.to_state in ('pay_failed')) as failed_count,
         count(*) filter (where m.to_state in ('refunded')) as returned_count
    from moves m group by m.day
)
select coalesce(d.day, l.day) as day,
       coalesce(d.applied_count, 0) as applied_count, coalesce(d.applied_fen, 0)::bigint as applied_fen,
       coalesce(d.approved_count, 0) as approved_count, coalesce(d.approved_fen, 0)::bigint as approved_fen,
       coalesce(d.paid_count, 0) as paid_count, coalesce(d.paid_fen, 0)::bigint as paid_fen,
       coalesce(d.paid_net_fen, 0)::bigint as paid_net_fen,
       coalesce(d.rejected_count, 0) as rejected_count, coalesce(d.rejected_fen, 0)::bigint as rejected_fen,
       coalesce(d.failed_count, 0) as failed_count, coalesce(d.returned_count, 0) as returned_count,
       coalesce(l.paid_net_fen, 0)::bigint as ledger_paid_net_fen,
       (coalesce(d.paid_net_fen, 0) - coalesce(l.paid_net_fen, 0))::bigint as diff_fen
  from days d full join ledger l on l.day = d.day;
comment on view public.v_withdrawal_daily is '提现对账日报: applied / approved / paid / rejected per day, ledger paid beside';

-- Per day in [from, to] plus a total row (day null) for the period.
create or replace function public.withdrawal_report(p_from date, p_to date)
returns setof public.v_withdrawal_daily
language sql
stable
security invoker
set search_path = ''
as $$
  select * from (
    select d.* from public.v_withdrawal_daily d where d.day between p_from and p_to
    union all
    select null::date, coalesce(sum(applied_count), 0)::bigint, coalesce(sum(applied_fen), 0)::bigint,
           coalesce(sum(approved_count), 0)::bigint, coalesce(sum(approved_fen), 0)::bigint,
           coalesce(sum(paid_count), 0)::bigint, coalesce(sum(paid_fen), 0)::bigint, coalesce(sum(paid_net_fen), 0)::bigint,
           coalesce(sum(rejected_count), 0)::bigint, coalesce(sum(rejected_fen), 0)::bigint,
           coalesce(sum(failed_count), 0)::bigint, coalesce(sum(returned_count), 0)::bigint,
           coalesce(sum(ledger_paid_net_fen), 0)::bigint, coalesce(sum(diff_fen), 0)::bigint
      from public.v_withdrawal_daily d where d.day between p_from and p_to
  ) r order by r.day nulls last
$$;

revoke all on public.v_withdrawal_daily from anon;
grant select on public.v_withdrawal_daily to authenticated;
revoke execute on function public.withdrawal_report(date, date) from public, anon;
grant execute on function public.withdrawal_report(date, date) to authenticated, service_role;
