-- Search: the app bar's one search box (global_search), and how a list's search box chooses
-- between the two ways of finding its rows (search_mode). The helpers both use, and the
-- search_hit / search_match columns of the lists' views, are in 00_foundation.sql and the views'
-- files; docs/ARCHITECTURE.md ("Searching under row-level security") tells the whole story.
set check_function_bodies = off;

-- Functions -----------------------------------------------------------------------------------

-- How a list finds the rows whose search text holds every word of p_q: 'hits' when few enough
-- match to read them by id (the view's search_hit column), 'words' when more do (search_match,
-- checked row by row: a page of a common word is found after a few rows), null without words.
-- The panel asks once per list and entry (src/providers/listSearch.ts).
create or replace function public.search_mode(p_resource text, p_q text)
returns text
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_resource is null or p_resource not in ('listings', 'merchants', 'members', 'complaints') then
    perform app.fail('invalid_input', 'no search for ' || coalesce(p_resource, 'null'));
  end if;
  if cardinality(app.search_words(p_q)) = 0 then
    return null;
  end if;
  return case when app.search_hits(p_resource, p_q, app.search_cap()) is null then 'words' else 'hits' end;
end;
$$;

revoke all on function public.search_mode(p_resource text, p_q text) from public, anon, authenticated, service_role;
grant execute on function public.search_mode(p_resource text, p_q text) to authenticated, service_role;

-- The search box in the app bar ---------------------------------------------------------------

-- Members and merchants with this whole phone number, for those who may see it: a member where
-- app.sees_member_pii (admins; customer service on the member's open case), a merchant's
-- contact phone for the roles with PII rights. Anyone else learns nothing about whose number it
-- is (the last four digits find members for everyone, as the masked phone shows them).
create or replace function app.search_phone_owners(p_phone text)
returns table (kind text, id uuid)
language sql
stable
security definer
set search_path = ''
as $$
  select 'member', m.id from public.members m where m.phone = p_phone and app.sees_member_pii(m.id)
  union all
  select 'merchant', mc.id from public.merchants mc where mc.contact_phone = p_phone and app.can_see_pii('person')
$$;

-- 全局搜索: one box for every record a staff member looks up by what they were told: a record's
-- id (whole, or its first 8+ hex digits as screens shorten it) for reservations, trades (also by
-- their reservation's), complaints, withdrawals, payments, members, merchants and listings; a
-- payment or withdrawal number or a channel's transaction id; a VIN; a phone's last four digits
-- (members), or the whole number for those who may see it; and words: member names and pinyin
-- (also inside a name), merchant names, listing words, complaint text. At most p_limit rows of
-- each kind, numbers first. security invoker: the views' policies keep every row within the
-- caller's role and regions and mask what they mask; app.search_hits finds the words' ids within
-- the regions too, so the limit counts rows the caller may see.
create or replace function public.global_search(p_query text, p_limit integer default 20)
returns table (kind text, id text, title text, subtitle text)
language plpgsql
stable
set search_path = ''
as $$
declare
  q text := btrim(regexp_replace(left(coalesce(p_query, ''), 200), '[[:space:]]+', ' ', 'g'));
  lim integer := least(greatest(coalesce(p_limit, 20), 1), 50);
  token text := replace(q, ' ', '');
  hex text := lower(replace(replace(q, ' ', ''), '-', ''));
  by_id boolean := hex ~ '^[0-9a-f]{8,32}$' and token ~ '^[0-9A-Fa-f-]+$';
  by_no boolean := token ~ '^[A-Za-z0-9_-]{4,64}$';
  nos text[] := array[token, upper(token)];
  lo uuid;
  hi uuid;
  words boolean;
  ids uuid[];
  owners uuid[] := '{}';
begin
  if q = '' or not app.is_staff() then
    return;
  end if;
  if by_id then
    lo := rpad(hex, 32, '0')::uuid;
    hi := rpad(hex, 32, 'f')::uuid;
  end if;
  -- a whole id is in no name
  words := not hex ~ '^[0-9a-f]{32}$';
  if token ~ '^1[3-9][0-9]{9}$' then
    select coalesce(array_agg(o.id), '{}') into owners from app.search_phone_owners(token) o;
  end if;

  -- Each kind: the ids first (index lookups on the tables, under their policies; leakproof
  -- comparisons only), then the rows through the kind's read view, which masks what it masks.
  if by_id then
    ids := array(select x.id from public.reservations x where x.id between lo and hi limit lim);
    return query select 'reservation', v.id::text, v.listing_title,
        concat_ws(' · ', v.member_nickname, v.merchant_name, app.search_day(v.created_at))
      from public.v_reservations v where v.id = any (ids);
    ids := array(select x.id from public.trades x where x.id between lo and hi or x.reservation_id between lo and hi limit lim);
    return query select 'trade', v.id::text, v.listing_title,
        concat_ws(' · ', app.search_money(v.amount_fen), v.member_nickname, v.merchant_name, app.search_day(v.closed_at))
      from public.v_trades v where v.id = any (ids);
  end if;
  if by_id or by_no then
    ids := array(select x.id from public.withdrawals x
                  where (by_id and x.id between lo and hi) or (by_no and (x.withdrawal_no = any (nos) or x.channel_txn_id = token))
                  limit lim);
    return query select 'withdrawal', v.id::text, v.withdrawal_no,
        concat_ws(' · ', v.owner_name, app.search_money(v.amount_fen), v.channel_txn_id, app.search_day(v.applied_at))
      from public.v_withdrawals v where v.id = any (ids);
    ids := array(select x.id from public.payments x
                  where (by_id and x.id between lo and hi) or (by_no and (x.payment_no = any (nos) or x.channel_txn_id = token))
                  limit lim);
    return query select 'payment', v.id::text, v.payment_no,
        concat_ws(' · ', v.payer_name, app.search_money(v.amount_fen), v.channel_txn_id, app.search_day(v.created_at))
      from public.v_payments v where v.id = any (ids);
  end if;

  ids := owners;
  if by_id then
    ids := ids || array(select x.id from public.members x where x.id between lo and hi limit lim);
  end if;
  if token ~ '^[0-9]{4}$' then
    ids := ids || array(select x.id from public.members x where x.phone_tail = token limit lim);
  end if;
  if words then
    ids := ids || app.search_hits('members', q, lim, false);
  end if;
  return query select 'member', v.id::text, v.nickname, concat_ws(' · ', v.phone, v.city_name)
    from public.v_members v where v.id = any (ids) limit lim;

  ids := owners;
  if by_id then
    ids := ids || array(select x.id from public.merchants x where x.id between lo and hi limit lim);
  end if;
  if words then
    ids := ids || app.search_hits('merchants', q, lim, false);
  end if;
  return query select 'merchant', v.id::text, v.name, concat_ws(' · ', v.city_name, v.contact_phone)
    from public.v_merchants v where v.id = any (ids) limit lim;

  ids := '{}';
  if by_id then
    ids := array(select x.id from public.listings x where x.id between lo and hi limit lim);
  end if;
  if token ~* '^[A-HJ-NPR-Z0-9]{17}$' then
    ids := ids || array(select x.id from public.listings x where x.vin = upper(token) limit lim);
  end if;
  if words then
    ids := ids || app.search_hits('listings', q, lim, false);
  end if;
  return query select 'listing', v.id::text, v.title, concat_ws(' · ', v.merchant_name, v.city_name, app.search_money(v.price_fen))
    from public.v_listings v where v.id = any (ids) limit lim;

  ids := '{}';
  if by_id then
    ids := array(select x.id from public.complaints x where x.id between lo and hi limit lim);
  end if;
  if words then
    ids := ids || app.search_hits('complaints', q, lim, false);
  end if;
  return query select 'complaint', v.id::text, v.title, concat_ws(' · ', v.member_nickname, v.merchant_name, app.search_day(v.created_at))
    from public.v_complaints v where v.id = any (ids) limit lim;
end;
$$;

-- A day and an amount as the results show them: language-neutral (the panel labels the kinds).
create or replace function app.search_day(ts timestamptz)
returns text
language sql
immutable
as $$
  select pg_catalog.to_char(pg_catalog.timezone('Asia/Shanghai', ts), 'YYYY-MM-DD')
$$;

create or replace function app.search_money(fen bigint)
returns text
language sql
immutable
as $$
  select '¥' operator(pg_catalog.||) pg_catalog.to_char(fen operator(pg_catalog./) 100.0, 'FM999,999,999,990.00')
$$;

revoke all on function app.search_phone_owners(p_phone text),
  app.search_day(ts timestamp with time zone),
  app.search_money(fen bigint) from public, anon, authenticated, service_role;
grant execute on function app.search_phone_owners(p_phone text),
  app.search_day(ts timestamp with time zone),
  app.search_money(fen bigint) to authenticated, service_role;
revoke all on function public.global_search(p_query text, p_limit integer) from public, anon, authenticated, service_role;
grant execute on function public.global_search(p_query text, p_limit integer) to authenticated, service_role;
