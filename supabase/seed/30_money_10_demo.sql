-- Money demo data (runs after the core seed, whose trades already produced trade money,
-- commissions and ledger journals through the triggers). Adds, sized by app.seed_factor:
-- payments of every kind and status over 12 months (ledger-posted set-based), releases due
-- commissions, settles every past month, bank accounts, withdrawals in every state through
-- the real RPCs, and a WeChat Pay statement with deliberate differences. Deterministic.
-- Ends by asserting that ledger_check() is empty.
-- RPCs run as these callers (pg_temp.act_as, made in 00_bulk_load.sql): the payment backend
-- (service key), finance, and admin as the second finance approver / manual payer.
-- Each section commits: every posting updates the same platform ledger rows, and within one
-- transaction their old versions cannot be pruned, so at seed factor 100 each later lookup
-- of those rows walked a chain of a hundred thousand versions.

-- 1. payments ---------------------------------------------------------------------------
do $$
declare
  f int := greatest(1, coalesce(nullif(current_setting('app.seed_factor', true), ''), '1')::int);
  n_merchant int := 400 * f;
  n_member int := 400 * f;
begin
  drop table if exists seed_pay;
  create temp table seed_pay as
  with merch as (
    select row_number() over (order by m.id) as k, m.id, m.city_code from public.merchants m where m.status <> 'approved'
  ), memb as (
    select row_number() over (order by m.id) as k, m.id, m.city_code from public.members m
  ), src as (
    select g, 'merchant'::public.money_owner_type as payer_type, mc.id as merchant_id, null::uuid as member_id, mc.city_code,
           case when pg_temp.rnd(g, 1) < 0.75 then 'platform_fee' else 'deposit' end::public.payment_kind as kind
      from generate_series(1, n_merchant) g
      join merch mc on mc.k = 1 + (g::bigint * 7919) % (select count(*) from merch)
    union all
    select n_merchant + g, 'member', null, mb.id, mb.city_code,
           case when pg_temp.rnd(g, 2) < 0.6 then 'promotion_rights' else 'reservation_rights' end::public.payment_kind
      from generate_series(1, n_member) g
      join memb mb on mb.k = 1 + (g::bigint * 104729) % (select count(*) from memb)
  )
  select md5('payment:' || s.g)::uuid as id,
         'P' || to_char(now() - (floor(pg_temp.rnd(s.g, 3) * 360) || ' days')::interval, 'YYYYMMDD') || lpad(s.g::text, 8, '0') as payment_no,
         s.payer_type, s.merchant_id, s.member_id, s.kind, s.city_code,
         case when s.kind = 'platform_fee' then (array['monthly', 'quarterly', 'yearly'])[1 + s.g % 3] end::public.fee_plan as plan,
         case s.kind
           when 'platform_fee' then (array[29900, 79900, 299900])[1 + s.g % 3]
           when 'deposit' then (array[500000, 1000000, 2000000])[1 + s.g % 3]
           when 'promotion_rights' then (array[9900, 19900, 39900])[1 + s.g % 3]
           else (array[990, 1990])[1 + s.g % 2] end::bigint as amount_fen,
         (array['wechat', 'wechat', 'alipay', 'alipay', 'bank_transfer'])[1 + s.g % 5]::public.payment_channel as channel,
         case when pg_temp.rnd(s.g, 4) < 0.80 then 'succeeded' when pg_temp.rnd(s.g, 4) < 0.87 then 'pending'
              when pg_temp.rnd(s.g, 4) < 0.94 then 'failed' else 'refunded' end::public.payment_status as status,
         least(now() - interval '1 hour', now() - (floor(pg_temp.rnd(s.g, 3) * 360) || ' days')::interval
               + (8 + s.g % 12) * interval '1 hour') as created_at
    from src s;
  -- deposits never get refunded below what a merchant keeps: keep refunds to fees and rights
  update seed_pay set status = 'succeeded' where kind = 'deposit' and status = 'refunded';

  perform app.ensure_ledger_accounts('merchant', array(select distinct merchant_id from seed_pay where kind = 'deposit'));

  with j as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, posted_at)
    select 'payment', 'payment', p.id::text, p.kind || ' ' || p.payment_no, p.created_at + interval '2 minutes'
      from seed_pay p where p.status in ('succeeded', 'refunded')
    returning id, ref_id
  ), jr as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, posted_at)
    select 'payment_refund', 'payment', p.id::text, '用户申请退款', p.created_at + interval '3 days'
      from seed_pay p where p.status = 'refunded'
    returning id, ref_id
  ), pay as (
    insert into public.payments (id, payment_no, payer_type, merchant_id, member_id, kind, plan, amount_fen, channel,
      channel_txn_id, status, city_code, created_at, paid_at, failed_at, fail_reason, refunded_at, refund_reason,
      refunded_by, journal_id, refund_journal_id)
    select p.id, p.payment_no, p.payer_type, p.merchant_id, p.member_id, p.kind, p.plan, p.amount_fen, p.channel,
           case when p.status <> 'pending' then upper(left(p.channel::text, 2)) || substr(md5('txn:' || p.id), 1, 24) end,
           p.status, p.city_code, p.created_at,
           case when p.status in ('succeeded', 'refunded') then p.created_at + interval '2 minutes' end,
           case when p.status = 'failed' then p.created_at + interval '5 minutes' end,
           case when p.status = 'failed' then '余额不足' end,
           case when p.status = 'refunded' then p.created_at + interval '3 days' end,
           case when p.status = 'refunded' then '用户申请退款' end,
           case when p.status = 'refunded' then '00000000-0000-4000-a000-000000000004'::uuid end,
           j.id, jr.id
      from seed_pay p
      left join j on j.ref_id = p.id::text
      left join jr on jr.ref_id = p.id::text
    returning id, kind, merchant_id, amount_fen, journal_id, refund_journal_id
  )
  insert into public.ledger_entries (journal_id, account_id, amount_fen)
  select x.journal_id, x.acc, x.amt
    from pay
    cross join lateral (values
      (pay.journal_id, (select id from public.ledger_accounts where owner_type = 'platform' and kind = 'platform_clearing'), pay.amount_fen),
      (pay.journal_id, case when pay.kind = 'deposit'
         then (select id from public.ledger_accounts where owner_type = 'merchant' and owner_id = pay.merchant_id and kind = 'merchant_deposit')
         else (select id from public.ledger_accounts where owner_type = 'platform' and kind = 'platform_revenue') end, -pay.amount_fen),
      (pay.refund_journal_id, (select id from public.ledger_accounts where owner_type = 'platform' and kind = 'platform_revenue'), pay.amount_fen),
      (pay.refund_journal_id, (select id from public.ledger_accounts where owner_type = 'platform' and kind = 'platform_clearing'), -pay.amount_fen)
    ) x (journal_id, acc, amt)
   where x.journal_id is not null;

  insert into public.payment_history (payment_id, from_status, to_status, note, actor_id, at)
  select p.id, null::public.payment_status, 'pending'::public.payment_status, null::text, null::uuid, p.created_at
    from public.payments p
  union all
  select p.id, 'pending', case when p.status = 'refunded' then 'succeeded' else p.status end, p.fail_reason, null::uuid,
         coalesce(p.paid_at, p.failed_at)
    from public.payments p where p.status <> 'pending'
  union all
  select p.id, 'succeeded', 'refunded', p.refund_reason, p.refunded_by, p.refunded_at from public.payments p where p.status = 'refunded';
end $$;

commit;

-- 2. commissions past their refund window become available; past months are settled --------
select pg_temp.act_as('service');
do $$
begin
  while public.release_due_commissions(null, 20000) = 20000 loop
  end loop;
end $$;

do $$
declare
  m date;
begin
  for m in
    select generate_series(date_trunc('month', now() - interval '12 months'), date_trunc('month', now() - interval '1 month'), interval '1 month')::date
  loop
    if (m + interval '1 month' - interval '1 day')::date + (app.money_settings()).refund_window_days < (now() at time zone 'Asia/Shanghai')::date then
      perform public.settle_period(m, (m + interval '1 month' - interval '1 day')::date);
    end if;
  end loop;
end $$;

-- a few settled trades refunded afterwards: commission clawed back (negative rows), the
-- merchant's net taken back from available (or booked as a receivable)
do $$
declare
  f int := greatest(1, coalesce(nullif(current_setting('app.seed_factor', true), ''), '1')::int);
begin
  create temp table seed_late_refunds as
    select t.id from public.trades t
     where t.status = 'closed'
       and exists (select 1 from public.commissions c where c.trade_id = t.id and c.status = 'available')
       and exists (select 1 from public.trade_money m where m.trade_id = t.id and m.settlement_run_id is not null)
     order by t.id limit 5 * f;
  update public.trades set status = 'refunded', refunded_at = now(), status_reason = 'customer_refund: 结算后协商退款'
   where id in (select id from seed_late_refunds);
  insert into public.trade_history (trade_id, from_status, to_status, reason_code, note, actor_id, at)
  select id, 'closed', 'refunded', 'customer_refund', '结算后协商退款', '00000000-0000-4000-a000-000000000003'::uuid, now()
    from seed_late_refunds;
  drop table seed_late_refunds;
end $$;

commit;

-- 3. bank accounts: merchants and distributors with money, most verified --------------------
insert into public.bank_accounts (owner_type, owner_id, holder_name, bank_name, branch_name, account_no_enc, account_last4,
  account_hash, verified, verified_at, verified_by, city_code, created_at)
select o.owner_type, o.owner_id, o.holder, (array['中国工商银行', '中国建设银行', '招商银行', '中国农业银行', '中国银行'])[1 + o.k % 5],
       o.city_name || '分行', app.encrypt_account_no(o.no), right(o.no, 4),
       encode(extensions.hmac(o.no, app.bank_key(), 'sha256'), 'hex'),
       o.k % 10 <> 0, case when o.k % 10 <> 0 then now() - interval '30 days' end,
       case when o.k % 10 <> 0 then '00000000-0000-4000-a000-000000000004'::uuid end, o.city_code, now() - interval '60 days'
  from (
    select row_number() over (order by a.owner_type, a.owner_id) as k, a.owner_type, a.owner_id, a.city_code,
           coalesce(mc.name, mb.nickname) as holder, coalesce(r.name, '总') as city_name,
           '62' || lpad((('x' || substr(md5('bank:' || a.owner_id), 1, 15))::bit(60)::bigint % 100000000000000000)::text, 17, '0') as no
      from public.ledger_accounts a
      left join public.merchants mc on a.owner_type = 'merchant' and mc.id = a.owner_id
      left join public.members mb on a.owner_type = 'member' and mb.id = a.owner_id
      left join public.regions r on r.code = a.city_code
     where a.kind in ('merchant_available', 'member_available') and a.balance_fen >= 50000
  ) o
on conflict do nothing;

commit;

-- 4. withdrawals in every state, through the RPCs (locks, ledger, history, audit) -----------
do $$
declare
  f int := greatest(1, coalesce(nullif(current_setting('app.seed_factor', true), ''), '1')::int);
  r record;
  w public.withdrawals;
  i int := 0;
  target text;
begin
  for r in
    select b.id as bank_id, b.owner_type, b.owner_id, a.balance_fen
      from public.bank_accounts b
      join public.ledger_accounts a on a.owner_type = b.owner_type and a.owner_id = b.owner_id
       and a.kind::text = b.owner_type::text || '_available'
      left join public.merchants mc on b.owner_type = 'merchant' and mc.id = b.owner_id
     where b.verified and coalesce(mc.status::text, 'active') <> 'suspended'
     order by b.owner_type, b.owner_id
     -- The whole seed file is one transaction, and every RPC here opens subtransactions whose
     -- row locks on shared rows (cities, platform accounts) pile up as multixacts that each
     -- later lookup must read: the loop's cost grows with the square of its length. 1,200 is
     -- plenty for every withdrawal screen; live, each RPC is its own transaction.
     limit 120 * least(f, 10)
  loop
    i := i + 1;
    target := (array['applied', 'cancelled', 'in_review', 'rejected', 'approved', 'awaiting_second', 'paying', 'paid',
                     'paid', 'paid', 'pay_failed', 'refunded', 'manual_paid', 'paid'])[1 + i % 14];
    perform pg_temp.act_as('service');
    begin
      w := public.withdrawal_apply('W' || lpad(i::text, 10, '0'), r.owner_type, r.owner_id,
        case when target = 'awaiting_second' then greatest(least(r.balance_fen / 2, 6000000), 10000)
             else greatest(least(r.balance_fen / 3, 3000000), 10000) end, r.bank_id);
    exception when others then
      continue;  -- e.g. a merchant whose deposit must stay: skip it
    end;
    if target = 'applied' then continue; end if;
    if target = 'cancelled' then perform public.withdrawal_cancel(w.id, '用户撤回'); continue; end if;
    perform pg_temp.act_as('finance');
    perform public.withdrawal_claim(w.id);
    if target = 'in_review' then continue; end if;
    if target = 'rejected' then perform public.withdrawal_reject(w.id, 'info_mismatch', '收款人与账户信息不符'); continue; end if;
    w := public.withdrawal_approve(w.id);
    if w.needs_second_approval and target <> 'awaiting_second' then
      perform pg_temp.act_as('admin');
      perform public.withdrawal_approve_second(w.id);
      perform pg_temp.act_as('finance');
    end if;
    if target in ('approved', 'awaiting_second') then continue; end if;
    if target = 'manual_paid' then
      perform pg_temp.act_as('admin');
      perform public.withdrawal_manual_paid(w.id, 'payout-proofs/' || w.withdrawal_no || '.pdf', 'MANUAL' || lpad(i::text, 8, '0'));
      continue;
    end if;
    -- four eyes: the approver does not pay; the payout backend (service key) sends it and the
    -- channel's callback confirms it
    perform pg_temp.act_as('service');
    perform public.withdrawal_start_payout(w.id, 'bank_transfer');
    if target = 'paying' then continue; end if;
    if target = 'paid' then perform public.withdrawal_mark_paid(w.id, 'BT' || substr(md5('payout:' || w.id), 1, 20)); continue; end if;
    perform public.withdrawal_mark_failed(w.id, '收款行退票');
    perform pg_temp.act_as('finance');
    if target = 'refunded' then perform public.withdrawal_return_funds(w.id, '多次失败，退回余额'); end if;
  end loop;
end $$;

commit;

-- 5. a WeChat Pay statement for last month with deliberate differences ----------------------
select pg_temp.act_as('finance');
select public.channel_statement_import((
  select jsonb_agg(x.row order by x.row ->> 'channel_txn_id')
    from (
      select jsonb_build_object('statement_id', 'WX-' || to_char(date_trunc('month', now() - interval '1 month'), 'YYYYMM'),
               'channel', 'wechat', 'channel_txn_id', p.channel_txn_id,
               -- two amounts differ on purpose
               'amount_fen', p.amount_fen + case when row_number() over (order by p.channel_txn_id) in (5, 9) then 100 else 0 end,
               'occurred_at', p.paid_at) as row,
             row_number() over (order by p.channel_txn_id) as k
        from public.payments p
       where p.channel = 'wechat' and p.status in ('succeeded', 'refunded')
         and p.paid_at >= date_trunc('month', now() - interval '1 month') and p.paid_at < date_trunc('month', now())
    ) x
   where x.k not in (3, 7, 11)  -- three payments missing from the statement
  ) || (
  -- three transactions the channel has and we do not
  select jsonb_agg(jsonb_build_object('statement_id', 'WX-' || to_char(date_trunc('month', now() - interval '1 month'), 'YYYYMM'),
           'channel', 'wechat', 'channel_txn_id', 'WXEXTRA' || g, 'amount_fen', 9900 * g,
           'occurred_at', date_trunc('month', now() - interval '1 month') + g * interval '5 days'))
    from generate_series(1, 3) g));

select set_config('request.jwt.claims', '', false);
commit;
-- fresh statistics first: commissions were released above, and a plan from the old ones
-- ("none released") made one check quadratic at seed factor 100
analyze public.commissions, public.ledger_journals, public.ledger_entries, public.ledger_accounts, public.payments,
  public.withdrawals, public.trade_money;

do $$
declare
  problems int;
  first_problem text;
begin
  select count(*), min(check_name || ' ' || ref || ': ' || detail) into problems, first_problem from public.ledger_check();
  if problems > 0 then
    raise exception 'money seed left % ledger_check violations, e.g. %', problems, first_problem;
  end if;
end $$;
