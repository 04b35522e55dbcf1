-- DOMAIN: approved → active "once fee and deposit are paid"; grace | lapsed → active on renewal.
-- Until now an admin had to press Activate after the money arrived. The payment that completes
-- what the merchant owes now activates it in the same transaction, through the same
-- merchant_move as the manual action (status history and audit row, reason fee_paid, the
-- payment number as the note). A payment that leaves something unpaid changes nothing.
create or replace function app.payments_activate_merchant()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
begin
  select * into m from public.merchants where id = new.merchant_id for update;
  if m.status in ('approved', 'grace', 'lapsed') and app.merchant_fee_ok(m) then
    perform app.merchant_move(m.id, '{approved,grace,lapsed}', 'active',
      case when m.status = 'approved' then 'activate' else 'renew' end, 'fee_paid', 'payment ' || new.payment_no);
  end if;
  return null;
end;
$$;

create trigger payments_activate_merchant
  after update of status on public.payments
  for each row
  when (new.status = 'succeeded' and old.status <> 'succeeded' and new.merchant_id is not null
        and new.kind in ('platform_fee', 'deposit'))
  execute function app.payments_activate_merchant();
