-- Read models the finance screens need on top of the money migrations (no new rules):
--   v_reconciliation     v_payment_reconciliation with a row id (react-admin lists need one)
--   v_account_balances   one row per account owner with id = owner_id (platform: the nil uuid),
--                        written so `id = X` reaches ledger_accounts_owner_idx
--   payment_totals()     count and amounts of the payments a list filter selects, in SQL
--   commission_totals()  the same for commission records
-- All security_invoker / security invoker: the base tables' RLS decides what is counted.

create view public.v_reconciliation with (security_invoker = on) as
select r.channel::text || ':' || r.channel_txn_id || ':' || coalesce(r.statement_id::text, '-') as id, r.*
  from public.v_payment_reconciliation r;
comment on view public.v_reconciliation is '对账结果 with a row id for the reconciliation screen';

create view public.v_account_balances with (security_invoker = on) as
select '00000000-0000-0000-0000-000000000000'::uuid as id, 'platform'::public.money_owner_type as owner_type,
       null::uuid as owner_id, '平台'::text as owner_name, null::text as city_code,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_revenue'), 0)::bigint as available_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_fee_deferred'), 0)::bigint as frozen_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_payout_clearing'), 0)::bigint as locked_fen,
       0::bigint as deposit_fen,
       0::bigint as receivable_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_clearing'), 0)::bigint as cash_fen,
       coalesce(sum(a.balance_fen) filter (where a.normal_side = -1), 0)::bigint as balance_fen,
       max(a.updated_at) as updated_at,
       '平台 platform'::text as search
  from public.ledger_accounts a
 where a.owner_type = 'platform'
union all
select a.owner_id as id, a.owner_type, a.owner_id,
       coalesce(min(mc.name), min(mb.nickname)) as owner_name,
       min(a.city_code) as city_code,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_available', 'member_available')), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_pending', 'member_frozen')), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_locked', 'member_locked')), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'merchant_deposit'), 0)::bigint,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_receivable', 'member_receivable')), 0)::bigint,
       0::bigint,
       (coalesce(sum(a.balance_fen) filter (where a.normal_side = -1), 0)
        - coalesce(sum(a.balance_fen) filter (where a.normal_side = 1), 0))::bigint,
       max(a.updated_at),
       coalesce(min(mc.name), min(mb.nickname), '') || ' ' || a.owner_id::text
  from public.ledger_accounts a
  left join public.merchants mc on a.owner_type = 'merchant' and mc.id = a.owner_id
  left join public.members mb on a.owner_type = 'member' and mb.id = a.owner_id
 where a.owner_id is not null
 group by a.owner_type, a.owner_id;
comment on view public.v_account_balances is '账户余额: available, frozen/pending, locked, deposit, receivable per owner';

-- Totals of the payments list for its current filter (same meaning as the list's filters;
-- days are Asia/Shanghai bounds sent by the screen as timestamptz).
create or replace function public.payment_totals(
  p_kind public.payment_kind default null,
  p_channel public.payment_channel default null,
  p_status public.payment_status default null,
  p_payer_type public.money_owner_type default null,
  p_payer_id uuid default null,
  p_from timestamptz default null,
  p_to timestamptz default null,
  p_search text default null
)
returns table (count bigint, amount_fen bigint, succeeded_fen bigint, refunded_fen bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select count(*), coalesce(sum(p.amount_fen), 0)::bigint,
         coalesce(sum(p.amount_fen) filter (where p.status = 'succeeded'), 0)::bigint,
         coalesce(sum(p.amount_fen) filter (where p.status = 'refunded'), 0)::bigint
    from public.v_payments p
   where (p_kind is null or p.kind = p_kind)
     and (p_channel is null or p.channel = p_channel)
     and (p_status is null or p.status = p_status)
     and (p_payer_type is null or p.payer_type = p_payer_type)
     and (p_payer_id is null or p.merchant_id = p_payer_id or p.member_id = p_payer_id)
     and (p_from is null or p.created_at >= p_from)
     and (p_to is null or p.created_at <= p_to)
     and (coalesce(p_search, '') = '' or p.search ilike '%' || replace(p_search, '*', '%') || '%')
$$;

create or replace function public.commission_totals(
  p_status public.commission_status default null,
  p_tier smallint default null,
  p_beneficiary_id uuid default null,
  p_beneficiary_name text default null,
  p_trade_id uuid default null,
  p_merchant_name text default null,
  p_from timestamptz default null,
  p_to timestamptz default null
)
returns table (count bigint, amount_fen bigint, frozen_fen bigint, available_fen bigint, cancelled_fen bigint,
               clawed_back_fen bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select count(*), coalesce(sum(c.amount_fen), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.status = 'frozen'), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.status = 'available'), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.status = 'cancelled'), 0)::bigint,
         coalesce(sum(c.amount_fen) filter (where c.is_clawback), 0)::bigint
    from public.v_commissions c
   where (p_status is null or c.status = p_status)
     and (p_tier is null or c.tier = p_tier)
     and (p_beneficiary_id is null or c.beneficiary_id = p_beneficiary_id)
     and (coalesce(p_beneficiary_name, '') = '' or c.beneficiary_name ilike '%' || replace(p_beneficiary_name, '*', '%') || '%')
     and (p_trade_id is null or c.trade_id = p_trade_id)
     and (coalesce(p_merchant_name, '') = '' or c.merchant_name ilike '%' || replace(p_merchant_name, '*', '%') || '%')
     and (p_from is null or c.created_at >= p_from)
     and (p_to is null or c.created_at <= p_to)
$$;

revoke all on public.v_reconciliation, public.v_account_balances from anon;
revoke insert, update, delete, truncate on public.v_reconciliation, public.v_account_balances from authenticated;
grant select on public.v_reconciliation, public.v_account_balances to authenticated;
revoke execute on function
  public.payment_totals(public.payment_kind, public.payment_channel, public.payment_status, public.money_owner_type, uuid,
    timestamptz, timestamptz, text),
  public.commission_totals(public.commission_status, smallint, uuid, text, uuid, text, timestamptz, timestamptz)
  from public, anon;
grant execute on function
  public.payment_totals(public.payment_kind, public.payment_channel, public.payment_status, public.money_owner_type, uuid,
    timestamptz, timestamptz, text),
  public.commission_totals(public.commission_status, smallint, uuid, text, uuid, text, timestamptz, timestamptz)
  to authenticated, service_role;
