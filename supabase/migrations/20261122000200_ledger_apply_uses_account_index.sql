-- ledger_entries_apply joined the statement's new rows straight to ledger_accounts. A
-- transition table has no statistics, so the planner guessed ~1,500 rows and hashed the whole
-- accounts table: every posting (one withdrawal, one refund) read every account, 30 ms and
-- growing at a few hundred thousand members. The deltas now go into arrays first and the
-- accounts are reached through their primary key. Same checks, same order of locks.
create or replace function app.ledger_entries_apply()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  bad record;
  ids bigint[];
  deltas bigint[];
begin
  select n.journal_id, sum(n.amount_fen) as total into bad
    from new_rows n group by n.journal_id having sum(n.amount_fen) <> 0 limit 1;
  if found then
    perform app.fail('unbalanced_journal', format('journal %s is off by %s fen', bad.journal_id, bad.total));
  end if;

  select array_agg(d.account_id order by d.account_id), array_agg(d.delta order by d.account_id)
    into ids, deltas
    from (select n.account_id, sum(n.amount_fen)::bigint as delta from new_rows n group by n.account_id) d;
  if ids is null then
    return null;
  end if;

  perform 1 from public.ledger_accounts a
   where a.id = any (ids)
   order by a.id
   for update;

  select a.id, a.kind, a.owner_id, a.balance_fen, d.delta into bad
    from unnest(ids, deltas) d (account_id, delta)
    join public.ledger_accounts a on a.id = d.account_id
   where not a.allow_negative and a.balance_fen + a.normal_side * d.delta < 0
   limit 1;
  if found then
    perform app.fail('insufficient_balance',
      format('account %s (%s %s) has %s fen, posting needs %s', bad.id, bad.kind, bad.owner_id, bad.balance_fen, -bad.delta));
  end if;

  update public.ledger_accounts a
     set balance_fen = a.balance_fen + a.normal_side * d.delta, updated_at = now()
    from unnest(ids, deltas) d (account_id, delta)
   where a.id = d.account_id;
  return null;
end;
$$;
