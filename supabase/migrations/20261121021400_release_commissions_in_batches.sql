-- release_due_commissions in batches: one call releases at most p_limit commissions (oldest
-- first), so a backlog never runs into the API statement timeout; the scheduler calls it
-- until it returns less than the limit.
drop function if exists public.release_due_commissions(timestamptz);
create or replace function public.release_due_commissions(p_now timestamptz default null, p_limit integer default 5000)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  n integer;
  total bigint;
  cutoff timestamptz := coalesce(p_now, now());
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance or the scheduler releases commissions', '42501');
  end if;
  if p_limit is not null and (p_limit < 1 or p_limit > 50000) then
    perform app.fail('invalid_input', 'limit must be between 1 and 50000');
  end if;
  if cutoff > now() then
    perform app.fail('invalid_input', 'cannot release ahead of time');
  end if;
  with due as (
    select c.id from public.commissions c
      join public.trades t on t.id = c.trade_id
     where c.status = 'frozen' and c.unfreeze_at <= cutoff and t.status = 'closed'
       and not exists (select 1 from public.complaints k
                        where (k.trade_id = c.trade_id or k.reservation_id = t.reservation_id)
                          and k.state not in ('dismissed', 'resolved', 'closed', 'withdrawn'))
     order by c.unfreeze_at, c.id
     limit greatest(coalesce(p_limit, 5000), 1)
  ),
  upd as (
    update public.commissions c set status = 'available', released_at = now()
      from due where c.id = due.id and c.status = 'frozen'
    returning c.id, c.beneficiary_id, c.amount_fen
  ),
  j as (
    insert into public.ledger_journals (kind, ref_type, ref_id, memo, actor_id)
    select 'commission_release', 'commission', upd.id::text, 'commission released', (select auth.uid()) from upd
    returning id, ref_id
  ),
  e as (
    insert into public.ledger_entries (journal_id, account_id, amount_fen)
    select j.id, x.acc, x.amt
      from j join upd on upd.id::text = j.ref_id
      cross join lateral (values
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = upd.beneficiary_id and la.kind = 'member_frozen'), upd.amount_fen),
        ((select la.id from public.ledger_accounts la where la.owner_type = 'member' and la.owner_id = upd.beneficiary_id and la.kind = 'member_available'), -upd.amount_fen)
      ) x (acc, amt)
    returning 1
  )
  select count(*), coalesce(sum(amount_fen), 0) into n, total from upd;
  if n > 0 then
    perform app.audit('commission.release', 'commission', null, null,
      jsonb_build_object('released', n, 'amount_fen', total, 'cutoff', cutoff));
  end if;
  return n;
end;
$$;

revoke execute on function public.release_due_commissions(timestamptz, integer) from public, anon;
grant execute on function public.release_due_commissions(timestamptz, integer) to authenticated, service_role;
