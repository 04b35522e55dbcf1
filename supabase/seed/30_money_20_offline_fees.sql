-- Offline platform fees (线下缴费) for the demo: bank transfers finance recorded that wait for
-- a colleague's confirmation, and one rejected. Rows of grace and lapsed merchants at the
-- list price of the day received; the proof is the sample receipt (payment-proofs/samples/).
-- Confirmation is left to the demo (it posts the payment and renews the merchant).
insert into public.offline_fee_payments (bank_serial, merchant_id, plan, amount_fen, payer_name, paid_on, proof_path,
  note, status, city_code, recorded_by, recorded_at, decided_by, decided_at, reject_reason)
select 'ICBC' || to_char(x.paid_on, 'YYYYMMDD') || lpad(x.k::text, 6, '0'), x.id, x.plan, app.fee_price(x.category_id, x.plan, x.paid_on),
       x.payer, x.paid_on, 'samples/transfer-receipt-1.pdf', case when x.k = 2 then '商户来电告知已转账' end,
       case when x.k = 4 then 'rejected' else 'recorded' end::public.offline_fee_status, x.city_code,
       '00000000-0000-4000-a000-000000000004', app.biz_day_start(x.paid_on) + interval '15 hours',
       case when x.k = 4 then '00000000-0000-4000-a000-000000000001'::uuid end,
       case when x.k = 4 then app.biz_day_start(x.paid_on) + interval '1 day 10 hours' end,
       case when x.k = 4 then '查无此笔到账，付款户名与商户不符' end
  from (
    select row_number() over (order by m.status, m.id) as k, m.id, m.category_id, m.city_code,
           coalesce(m.fee_plan, 'yearly') as plan,
           -- the merchant pays from its own account; the rejected one came from a stranger
           case when row_number() over (order by m.status, m.id) = 4 then '杭州恒信汽车贸易有限公司' else m.name end as payer,
           (now() at time zone 'Asia/Shanghai')::date - (row_number() over (order by m.status, m.id))::int as paid_on
      from public.merchants m
     where m.status in ('grace', 'lapsed')
     order by m.status, m.id
     limit 4
  ) x
 where app.fee_price(x.category_id, x.plan, x.paid_on) is not null;
