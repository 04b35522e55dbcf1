-- ledger_check(), corrected: inside a security definer function current_user is always the
-- owner, so the superuser escape hatch must look at session_user (tests and operators on a
-- direct connection); and every trade, whatever its status, must now have its money record.
create or replace function public.ledger_check()
returns table (check_name text, ref text, detail text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not app.money_actor('admin', 'finance') and session_user not in ('postgres', 'supabase_admin') then
    perform app.fail('not_permitted', 'only finance runs the ledger check', '42501');
  end if;

  -- journals that do not sum to zero, or have no entries
  return query
  select 'unbalanced_journal', j.id::text, format('%s %s:%s sums to %s', j.kind, j.ref_type, j.ref_id, coalesce(sum(e.amount_fen), 0))
    from public.ledger_journals j left join public.ledger_entries e on e.journal_id = j.id
   group by j.id having coalesce(sum(e.amount_fen), 0) <> 0 or count(e.id) = 0;

  -- maintained balance against the entries
  return query
  select 'balance_drift', a.id::text, format('%s %s: kept %s, entries say %s', a.kind, a.owner_id, a.balance_fen, a.normal_side * coalesce(d.total, 0))
    from public.ledger_accounts a
    left join (select e.account_id, sum(e.amount_fen) as total from public.ledger_entries e group by e.account_id) d on d.account_id = a.id
   where a.balance_fen <> a.normal_side * coalesce(d.total, 0);

  return query
  select 'negative_balance', a.id::text, format('%s %s: %s', a.kind, a.owner_id, a.balance_fen)
    from public.ledger_accounts a where not a.allow_negative and a.balance_fen < 0;

  -- every closed trade has its money snapshot and close journal; reversed ones their reversal
  return query
  select 'trade_without_ledger', t.id::text, format('trade %s (%s) has no money record', t.id, t.status)
    from public.trades t
   where not exists (select 1 from public.trade_money m where m.trade_id = t.id);
  return query
  select 'trade_reversal_missing', m.trade_id::text, format('trade is %s but its money is not reversed', t.status)
    from public.trade_money m join public.trades t on t.id = m.trade_id
   where t.status <> 'closed' and m.reversed_at is null;
  return query
  select 'trade_money_mismatch', m.trade_id::text, format('trade amount %s, money snapshot %s', t.amount_fen, m.amount_fen)
    from public.trade_money m join public.trades t on t.id = m.trade_id
   where t.amount_fen <> m.amount_fen;

  -- commission rows and their journals
  return query
  select 'commission_without_ledger', c.id::text, format('commission %s %s has no journal entry for its beneficiary', c.status, c.amount_fen)
    from public.commissions c
   where not exists (select 1 from public.ledger_entries e join public.ledger_accounts a on a.id = e.account_id
                      where e.journal_id = c.journal_id and a.owner_type = 'member' and a.owner_id = c.beneficiary_id);
  return query
  select 'commission_release_missing', c.id::text, 'available commission without a release journal'
    from public.commissions c
   where not c.is_clawback and c.released_at is not null
     and not exists (select 1 from public.ledger_journals j where j.kind = 'commission_release' and j.ref_type = 'commission' and j.ref_id = c.id::text);
  -- frozen balances equal the frozen commission rows
  return query
  select 'frozen_mismatch', a.owner_id::text, format('member_frozen %s, frozen commissions %s', a.balance_fen, coalesce(f.total, 0))
    from public.ledger_accounts a
    left join (select c.beneficiary_id, sum(c.amount_fen) as total from public.commissions c where c.status = 'frozen' group by 1) f
      on f.beneficiary_id = a.owner_id
   where a.kind = 'member_frozen' and a.balance_fen <> coalesce(f.total, 0);
  -- merchant pending equals the net of unsettled, unreversed trades
  return query
  select 'pending_mismatch', a.owner_id::text, format('merchant_pending %s, unsettled trades %s', a.balance_fen, coalesce(p.total, 0))
    from public.ledger_accounts a
    left join (select m.merchant_id, sum(m.merchant_net_fen) as total from public.trade_money m
                where m.settlement_run_id is null and m.reversed_at is null group by 1) p on p.merchant_id = a.owner_id
   where a.kind = 'merchant_pending' and a.balance_fen <> coalesce(p.total, 0);
  return query
  select 'fee_deferred_mismatch', a.id::text, format('platform_fee_deferred %s, unsettled fees %s', a.balance_fen,
           (select coalesce(sum(m.fee_fen), 0) from public.trade_money m where m.settlement_run_id is null and m.reversed_at is null))
    from public.ledger_accounts a
   where a.kind = 'platform_fee_deferred'
     and a.balance_fen <> (select coalesce(sum(m.fee_fen), 0) from public.trade_money m where m.settlement_run_id is null and m.reversed_at is null);

  -- payments
  return query
  select 'payment_without_ledger', p.id::text, format('%s payment %s has no %s journal', p.status, p.payment_no,
           case when p.journal_id is null then 'payment' else 'refund' end)
    from public.payments p
   where (p.status in ('succeeded', 'refunded') and (p.journal_id is null
            or not exists (select 1 from public.ledger_journals j where j.kind = 'payment' and j.ref_id = p.id::text)))
      or (p.status = 'refunded' and not exists (select 1 from public.ledger_journals j where j.kind = 'payment_refund' and j.ref_id = p.id::text))
      or (p.status in ('pending', 'failed') and exists (select 1 from public.ledger_journals j where j.kind = 'payment' and j.ref_id = p.id::text));

  -- withdrawals: locked funds, payouts in flight and paid ones against their journals
  return query
  select 'locked_mismatch', a.owner_id::text, format('%s %s, open withdrawals %s', a.kind, a.balance_fen, coalesce(w.total, 0))
    from public.ledger_accounts a
    left join (select x.owner_type, x.owner_id, sum(x.amount_fen) as total from public.withdrawals x
                where x.state in ('applied', 'in_review', 'approved') group by 1, 2) w
      on w.owner_type = a.owner_type and w.owner_id = a.owner_id
   where a.kind in ('merchant_locked', 'member_locked') and a.balance_fen <> coalesce(w.total, 0);
  return query
  select 'payout_clearing_mismatch', a.id::text, format('payout clearing %s, withdrawals in payout %s', a.balance_fen,
           (select coalesce(sum(x.net_fen), 0) from public.withdrawals x where x.state in ('paying', 'pay_failed')))
    from public.ledger_accounts a
   where a.kind = 'platform_payout_clearing'
     and a.balance_fen <> (select coalesce(sum(x.net_fen), 0) from public.withdrawals x where x.state in ('paying', 'pay_failed'));
  return query
  select 'paid_without_payout', x.id::text, format('withdrawal %s is paid without a payout journal', x.withdrawal_no)
    from public.withdrawals x
   where x.state = 'paid'
     and not exists (select 1 from public.ledger_journals j where j.kind = 'withdrawal_paid' and j.ref_type = 'withdrawal' and j.ref_id = x.id::text);
  return query
  select 'payout_without_paid', j.ref_id, format('withdrawal_paid journal %s but the withdrawal is %s', j.id, x.state)
    from public.ledger_journals j join public.withdrawals x on x.id::text = j.ref_id
   where j.kind = 'withdrawal_paid' and x.state <> 'paid';
  return query
  select 'withdrawal_without_lock', x.id::text, format('withdrawal %s has no apply journal', x.withdrawal_no)
    from public.withdrawals x
   where not exists (select 1 from public.ledger_journals j where j.kind = 'withdrawal_apply' and j.ref_id = x.id::text);
  return query
  select 'open_withdrawals', x.owner_id::text, format('%s open withdrawals', count(*))
    from public.withdrawals x where x.state in ('applied', 'in_review', 'approved', 'paying', 'pay_failed')
   group by x.owner_type, x.owner_id having count(*) > 1;

  -- settlement runs: statements sum to the run, and the journal moved exactly the net
  return query
  select 'settlement_mismatch', r.id::text, format('run net %s, merchant statements %s', r.merchant_net_fen, coalesce(sum(st.net_fen), 0))
    from public.settlement_runs r
    left join public.settlement_statements st on st.run_id = r.id and st.owner_type = 'merchant'
   group by r.id having r.merchant_net_fen <> coalesce(sum(st.net_fen), 0);
end;
$$;

