-- Read models for the money screens (security_invoker: the base tables' RLS applies). Names
-- joined in, PII masked unless the caller has the right (app.can_see_pii), ciphertext never.
create view public.v_payments with (security_invoker = on) as
select p.id, p.payment_no, p.payer_type, p.merchant_id, p.member_id,
       coalesce(mc.name, mb.nickname) as payer_name,
       case when p.payer_type = 'merchant' then app.merchant_pii(p.merchant_id, 'contact_phone')
            else app.member_pii(p.member_id, 'phone') end as payer_phone,
       p.kind, p.plan, p.amount_fen, p.channel, p.channel_txn_id, p.status, p.city_code, r.name as city_name,
       p.covers_from, p.covers_to, p.note, p.created_at, p.paid_at, p.failed_at, p.fail_reason,
       p.refunded_at, p.refund_reason, p.refunded_by, p.journal_id, p.refund_journal_id,
       coalesce(mc.name, mb.nickname, '') || ' ' || p.payment_no || ' ' || coalesce(p.channel_txn_id, '') as search
  from public.payments p
  left join public.merchants mc on mc.id = p.merchant_id
  left join public.members mb on mb.id = p.member_id
  left join public.regions r on r.code = p.city_code;

create view public.v_channel_statements with (security_invoker = on) as
select s.id, s.channel, s.statement_ref, s.period_from, s.period_to, s.imported_at, s.imported_by,
       (select count(*) from public.channel_statement_lines l where l.statement_id = s.id) as line_count,
       (select coalesce(sum(l.amount_fen), 0) from public.channel_statement_lines l where l.statement_id = s.id)::bigint as line_total_fen,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'matched') as matched_count,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'missing') as missing_count,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'extra') as extra_count,
       (select count(*) from public.v_payment_reconciliation v where v.statement_id = s.id and v.result = 'amount_mismatch') as mismatch_count
  from public.channel_statements s;

-- One row per account owner: available, frozen (merchant pending / member frozen commission),
-- locked (in withdrawals), deposit, receivable, and balance = what the platform owes them.
-- The platform row: available = revenue, frozen = fees deferred, locked = payouts in flight,
-- cash = clearing.
create view public.v_accounts with (security_invoker = on) as
select a.owner_type, a.owner_id,
       case a.owner_type when 'platform' then '平台' else coalesce(min(mc.name), min(mb.nickname)) end as owner_name,
       min(a.city_code) as city_code,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_available', 'member_available', 'platform_revenue')), 0)::bigint as available_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_pending', 'member_frozen', 'platform_fee_deferred')), 0)::bigint as frozen_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_locked', 'member_locked', 'platform_payout_clearing')), 0)::bigint as locked_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'merchant_deposit'), 0)::bigint as deposit_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind in ('merchant_receivable', 'member_receivable')), 0)::bigint as receivable_fen,
       coalesce(sum(a.balance_fen) filter (where a.kind = 'platform_clearing'), 0)::bigint as cash_fen,
       (coalesce(sum(a.balance_fen) filter (where a.normal_side = -1), 0)
        - coalesce(sum(a.balance_fen) filter (where a.normal_side = 1 and a.owner_type <> 'platform'), 0))::bigint as balance_fen,
       max(a.updated_at) as updated_at
  from public.ledger_accounts a
  left join public.merchants mc on a.owner_type = 'merchant' and mc.id = a.owner_id
  left join public.members mb on a.owner_type = 'member' and mb.id = a.owner_id
 group by a.owner_type, a.owner_id;

create view public.v_ledger_entries with (security_invoker = on) as
select e.id, e.journal_id, j.kind as journal_kind, j.ref_type, j.ref_id, j.memo, e.posted_at,
       e.account_id, a.kind as account_kind, a.owner_type, a.owner_id, e.amount_fen,
       case when e.amount_fen > 0 then e.amount_fen else 0 end as debit_fen,
       case when e.amount_fen < 0 then -e.amount_fen else 0 end as credit_fen
  from public.ledger_entries e
  join public.ledger_journals j on j.id = e.journal_id
  join public.ledger_accounts a on a.id = e.account_id;

create view public.v_commissions with (security_invoker = on) as
select c.id, c.trade_id, c.beneficiary_id, mb.nickname as beneficiary_name, c.tier, c.is_clawback, c.reverses_id,
       c.merchant_id, mc.name as merchant_name, c.city_code, c.base_amount_fen, c.rate, c.amount_fen, c.rule, c.status,
       c.unfreeze_at, c.created_at, c.released_at, c.cancelled_at, c.clawed_back_at, c.journal_id,
       t.status as trade_status, t.closed_at as trade_closed_at, t.kind as trade_kind
  from public.commissions c
  left join public.members mb on mb.id = c.beneficiary_id
  left join public.merchants mc on mc.id = c.merchant_id
  left join public.trades t on t.id = c.trade_id;

create view public.v_settlements with (security_invoker = on) as
select st.id, st.run_id, st.period_from, st.period_to, st.owner_type, st.owner_id,
       case st.owner_type when 'platform' then '平台' when 'merchant' then mc.name else mb.nickname end as owner_name,
       st.city_code, st.trade_count, st.sales_fen, st.refunds_fen, st.platform_fee_fen, st.commission_fen, st.net_fen,
       st.created_at
  from public.settlement_statements st
  left join public.merchants mc on st.owner_type = 'merchant' and mc.id = st.owner_id
  left join public.members mb on st.owner_type = 'member' and mb.id = st.owner_id;

create view public.v_bank_accounts with (security_invoker = on) as
select b.id, b.owner_type, b.owner_id, coalesce(mc.name, mb.nickname) as owner_name,
       case when app.can_see_pii('payee') then b.holder_name else app.mask_name(b.holder_name) end as holder_name,
       b.bank_name, b.branch_name, app.mask(b.account_last4, 'bank') as account_no_masked,
       b.verified, b.verified_at, b.active, b.city_code, b.created_at
  from public.bank_accounts b
  left join public.merchants mc on b.owner_type = 'merchant' and mc.id = b.owner_id
  left join public.members mb on b.owner_type = 'member' and mb.id = b.owner_id;

create view public.v_withdrawals with (security_invoker = on) as
select w.id, w.withdrawal_no, w.owner_type, w.owner_id, coalesce(mc.name, mb.nickname) as owner_name,
       w.city_code, r.name as city_name, w.amount_fen, w.fee_fen, w.net_fen, w.bank_account_id,
       case when app.can_see_pii('payee') then w.payee_name else app.mask_name(w.payee_name) end as payee_name,
       w.payee_bank, app.mask(w.payee_account_last4, 'bank') as payee_account_masked,
       w.state, w.applied_at, w.claimed_by, w.claimed_at, w.approved_by, w.approved_at, w.needs_second_approval,
       w.second_approved_by, w.second_approved_at,
       (w.state = 'approved' and w.needs_second_approval and w.second_approved_by is null) as awaiting_second_approval,
       w.rejected_by, w.reject_reason, w.cancelled_at, w.payout_attempts, w.payout_channel, w.paying_at, w.paid_at,
       w.paid_by, w.channel_txn_id, w.manual_proof_url, w.failed_at, w.fail_reason, w.refunded_at, w.recon_status,
       w.updated_at,
       coalesce(mc.name, mb.nickname, '') || ' ' || w.withdrawal_no as search
  from public.withdrawals w
  left join public.merchants mc on w.owner_type = 'merchant' and mc.id = w.owner_id
  left join public.members mb on w.owner_type = 'member' and mb.id = w.owner_id
  left join public.regions r on r.code = w.city_code;

revoke all on public.v_payments, public.v_channel_statements, public.v_accounts, public.v_ledger_entries,
  public.v_commissions, public.v_settlements, public.v_bank_accounts, public.v_withdrawals from anon;
revoke insert, update, delete, truncate on public.v_payments, public.v_channel_statements, public.v_accounts,
  public.v_ledger_entries, public.v_commissions, public.v_settlements, public.v_bank_accounts, public.v_withdrawals
  from authenticated;
grant select on public.v_payments, public.v_channel_statements, public.v_accounts, public.v_ledger_entries,
  public.v_commissions, public.v_settlements, public.v_bank_accounts, public.v_withdrawals to authenticated;
