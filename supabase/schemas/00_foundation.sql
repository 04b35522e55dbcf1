-- Foundation: the private `app` schema, the extensions, and the helpers every domain uses:
-- how a function refuses (app.fail), coded reasons, service-key detection, search keys and
-- the Beijing business day. Nothing here is an endpoint: `app` is not exposed through PostgREST.
set check_function_bodies = off;

-- Schemas and extensions ----------------------------------------------------------------------
-- Private schema for helpers that policies and RPCs call. It is not exposed through
-- PostgREST (only `public` and `graphql_public` are), so nothing here is an endpoint.
create schema if not exists app;
grant usage on schema app to anon, authenticated, service_role;
alter default privileges in schema app revoke execute on functions from public;
-- Extensions the core domain needs (all in contrib): trigram search, the referral tree, and
-- btree_gist for exclusion constraints that mix equality with date ranges (fee prices).
create extension if not exists pg_trgm with schema extensions;
create extension if not exists ltree with schema extensions;
create extension if not exists btree_gist with schema extensions;

-- Functions -----------------------------------------------------------------------------------

-- One way to refuse: a stable machine-readable code in `message` (the UI translates it
-- under `errors.<code>`), a human detail for logs. PostgREST answers HTTP 400 for P0001,
-- 403 for 42501, 409 for 23505, 404 for PT404.
create or replace function app.fail(code text, detail text default null, errcode text default 'P0001')
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  raise exception using errcode = errcode, message = code, detail = coalesce(detail, code);
end;
$$;

-- A coded reason must come with either a code or free text; this is the shared check.
create or replace function app.require_reason(reason_code text, note text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if coalesce(btrim(reason_code), '') = '' and coalesce(btrim(note), '') = '' then
    perform app.fail('reason_required', 'a reason code or note is required');
  end if;
end;
$$;

-- Argument checks. A function refuses a bad argument with invalid_input before it writes, so
-- no table constraint fires: a constraint's error names the constraint and its detail carries
-- the failing row's contents, which must not reach the client. The detail names the argument,
-- never its value. Cheap checks instead of an exception block: a block opens a subtransaction
-- on every call, and these functions run in loops (timers, bulk actions, the seed).
-- app.require_text: present, and between min_len and max_len characters once trimmed.
create or replace function app.require_text(value text, field text, min_len integer default 1, max_len integer default 4000)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if value is null or char_length(btrim(value)) not between min_len and max_len then
    perform app.fail('invalid_input', format('%s must have %s to %s characters', field, min_len, max_len));
  end if;
end;
$$;

-- app.require_given: an argument that may not be null (an enum, a flag, an id).
create or replace function app.require_given(value anyelement, field text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if value is null then
    perform app.fail('invalid_input', field || ' is required');
  end if;
end;
$$;

-- app.json_value: a JSON object's key as text, checked against a type without casting it
-- (pg_input_is_valid: no exception, no subtransaction): null when absent, invalid_input when
-- the value is not of the type (a filter's uuid, date or enum). The types are spelled out: given
-- the type name as a variable, pg_input_is_valid keeps the first name it saw for its call site
-- (it takes a parameter for a constant) and would check every later value against that type.
create or replace function app.json_value(j jsonb, key text, type text)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v text := j ->> key;
  ok boolean;
begin
  if v is null then
    return null;
  end if;
  ok := case type
    when 'uuid' then pg_input_is_valid(v, 'uuid')
    when 'integer' then pg_input_is_valid(v, 'integer')
    when 'bigint' then pg_input_is_valid(v, 'bigint')
    when 'numeric' then pg_input_is_valid(v, 'numeric')
    when 'boolean' then pg_input_is_valid(v, 'boolean')
    when 'date' then pg_input_is_valid(v, 'date')
    when 'timestamptz' then pg_input_is_valid(v, 'timestamptz')
    -- an enum: one of its labels
    else exists (select 1 from pg_catalog.pg_enum e where e.enumtypid = type::regtype and e.enumlabel = v)
  end;
  if not ok then
    perform app.fail('invalid_input', format('%s must be a %s', key, type));
  end if;
  return v;
end;
$$;

-- Who is acting: an active staff member, or a backend using the service key.
create or replace function app.is_service()
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce((select auth.role()) = 'service_role', false) or current_user = 'service_role'
$$;

-- Refuses a state change the state machine does not allow (code illegal_transition).
create or replace function app.illegal(entity text, from_state text, to_state text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform app.fail('illegal_transition', format('%s cannot go from %s to %s', entity, from_state, to_state));
end;
$$;

-- The search helpers run for every row written (generated columns, listing trigger). They are
-- plpgsql: a SQL function with a SET clause cannot be inlined and is planned on every call
-- (~100 µs a row), while plpgsql caches its plan (a fifth of that).
-- app.search_text: the lower-cased, space-folded search column made of the parts given.
create or replace function app.search_text(variadic parts text[])
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return nullif(btrim(regexp_replace(lower(array_to_string(parts, ' ')), '\s+', ' ', 'g')), '');
end;
$$;

-- app.search_grams: every character and character pair of each word, the keys of the
-- search_grams GIN indexes (unsorted, with repeats: GIN de-duplicates keys itself).
create or replace function app.search_grams(value text)
returns text[]
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  w text;
  acc text[] := '{}';
  i integer;
  len integer;
begin
  if value is null then
    return acc;
  end if;
  foreach w in array string_to_array(btrim(regexp_replace(lower(value), '\s+', ' ', 'g')), ' ') loop
    len := char_length(w);
    for i in 1 .. len loop
      acc := acc || substr(w, i, 1);
      if i < len then
        acc := acc || substr(w, i, 2);
      end if;
    end loop;
  end loop;
  return acc;
end;
$$;

-- Beijing (Asia/Shanghai) business day of a timestamp: periods, reports and statements use it.
create or replace function app.biz_date(ts timestamptz)
returns date
language sql
immutable
parallel safe
set search_path = ''
as $$
  select (ts at time zone 'Asia/Shanghai')::date
$$;

-- Start of a Beijing business day as a timestamptz.
create or replace function app.biz_day_start(d date)
returns timestamptz
language sql
immutable
parallel safe
set search_path = ''
as $$
  select (d::timestamp at time zone 'Asia/Shanghai')
$$;

-- A search word as the search columns store it: lower case, white space folded, null if empty.
create or replace function app.search_norm(value text)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return nullif(btrim(regexp_replace(lower(coalesce(value, '')), '\s+', ' ', 'g')), '');
end;
$$;

-- Searching under row-level security ---------------------------------------------------------
-- Under row-level security a filter uses an index only if its operator is leakproof; ILIKE and
-- array containment are not, so a trigram or fragment search ran row by row after the policy
-- (seconds for a rare word among millions of rows), and the planner, barred from the column
-- statistics for them, guessed 0.01 % of the rows for a word in half of them (so it sorted every
-- match instead of walking an index to the first page). A list's search box therefore works in
-- one of two ways (public.search_mode decides, the panel sends the words in the x-search header):
--   hits:  app.search_hits, security definer, finds the ids through the trigram (`search`, words
--          of 3+ characters) and fragment (`search_grams`, 1–2 characters) indexes within the
--          caller's regions; the view's search_hit column is `id = any (those ids)`, leakproof,
--          so the policies apply again and the primary key serves it;
--   words: more rows match than app.search_cap(): the view's search_match column checks the
--          words row by row (a function the planner guesses at a third of the rows, so it walks
--          the list's order index and stops at the page).

-- The words of a search entry as the search columns store them: lower case, split on white
-- space, at most 8 words of at most 64 characters; LIKE's wildcards and escape become spaces
-- (nothing stores them). SQL without a SET clause: it folds into a constant in a plan.
create or replace function app.search_words(p_q text)
returns text[]
language sql
immutable
parallel safe
as $$
  select coalesce(pg_catalog.array_agg(pg_catalog.left(w, 64) order by n), '{}')
    from pg_catalog.unnest(pg_catalog.regexp_split_to_array(pg_catalog.lower(pg_catalog.btrim(pg_catalog.regexp_replace(
           pg_catalog.left(coalesce(p_q, ''), 200), '[%_\\[:space:]]+', ' ', 'g'))), ' '))
         with ordinality as t (w, n)
   where w operator(pg_catalog.<>) '' and n operator(pg_catalog.<=) 8
$$;

-- ILIKE patterns of the words of 3 or more characters (trigram indexes serve them).
create or replace function app.search_likes(p_q text)
returns text[]
language sql
immutable
parallel safe
as $$
  select coalesce(pg_catalog.array_agg('%' operator(pg_catalog.||) w operator(pg_catalog.||) '%'), '{}')
    from pg_catalog.unnest(app.search_words(p_q)) w where pg_catalog.char_length(w) operator(pg_catalog.>) 2
$$;

-- The words of 1 or 2 characters: search_grams keys (trigram indexes cannot serve them).
create or replace function app.search_shorts(p_q text)
returns text[]
language sql
immutable
parallel safe
as $$
  select coalesce(pg_catalog.array_agg(w), '{}')
    from pg_catalog.unnest(app.search_words(p_q)) w where pg_catalog.char_length(w) operator(pg_catalog.<=) 2
$$;

-- The search condition on `<alias>.search` / `<alias>.search_grams` as SQL text, one ILIKE per
-- long word (each its own trigram index scan), null when the entry has no words.
create or replace function app.search_condition(p_alias text, p_q text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  parts text[] := '{}';
  p text;
  shorts text[] := app.search_shorts(p_q);
begin
  foreach p in array app.search_likes(p_q) loop
    parts := parts || format('%I.search ilike %L', p_alias, p);
  end loop;
  if cardinality(shorts) > 0 then
    parts := parts || format('%I.search_grams @> %L::text[]', p_alias, shorts);
  end if;
  return nullif(array_to_string(parts, ' and '), '');
end;
$$;

-- One row's search text and fragments against the patterns and short words of an entry: what
-- the views' search_match columns check. plpgsql on purpose: the planner cannot look into it and
-- guesses a third of the rows (an inlined ILIKE under row-level security is guessed at 0.01 %).
create or replace function app.search_match(p_search text, p_grams text[], p_likes text[], p_shorts text[])
returns boolean
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return p_search ilike all (p_likes) and p_grams @> p_shorts;
end;
$$;

-- How many matches a list reads by id (app.search_hits) before it checks the words row by row
-- instead: the two cost the same around here at seed factor 10 and 100 (scripts/bench/15-search.ts).
create or replace function app.search_cap()
returns integer
language sql
immutable
as $$
  select 2000
$$;

-- The ids of the rows of a list (listings, merchants, members, complaints) whose search text
-- holds every word, within the caller's regions (the policies apply again where the ids are
-- read). p_all: every match, or null when more than p_limit rows match; otherwise any p_limit
-- matches (the app bar's search box). Complaints match by their own text (title and content),
-- or by the name, pinyin or phone's last four of their member or merchant.
create or replace function app.search_hits(p_kind text, p_q text, p_limit integer, p_all boolean default true)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  cond text := app.search_condition('t', p_q);
  lim integer := least(greatest(coalesce(p_limit, 20), 1), 100000);
  scope text := 'true';
  source text;
  ids uuid[];
begin
  if cond is null or not app.is_staff() then
    return '{}';
  end if;
  if not app.all_regions() then
    scope := format('t.city_code = any (%L::text[])', app.scope_cities());
  end if;
  source := case p_kind
    when 'listings' then format('select t.id from public.listings t where %s and %s', scope, cond)
    when 'merchants' then format('select t.id from public.merchants t where %s and %s', scope, cond)
    when 'members' then format('select t.id from public.members t where %s and %s', scope, cond)
    when 'complaints' then format(
      'select t.id from public.complaints t where %1$s and %2$s
       union
       select c.id from public.complaints c join public.members t on t.id = c.member_id where %3$s and %2$s
       union
       select c.id from public.complaints c join public.merchants t on t.id = c.merchant_id where %3$s and %2$s',
      scope, cond, replace(scope, 't.city_code', 'c.city_code'))
  end;
  if source is null then
    perform app.fail('invalid_input', 'nothing to search called ' || coalesce(p_kind, 'null'));
  end if;
  execute format('select array(select x.id from (%s) x (id) limit %s)', source, lim + case when p_all then 1 else 0 end) into ids;
  if p_all and cardinality(ids) > lim then
    return null;
  end if;
  return ids;
end;
$$;

-- The search entry of this request: the x-search header (the words' UTF-8 bytes in hex, so any
-- script passes a header), null without one. PostgREST hands the request's headers over in
-- request.headers; a view's column cannot take an argument any other way.
create or replace function app.search_requested()
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  h text := nullif(current_setting('request.headers', true), '')::json ->> 'x-search';
begin
  if h is null or h = '' then
    return null;
  end if;
  return convert_from(decode(left(h, 2000), 'hex'), 'UTF8');
exception when others then
  return null;
end;
$$;

-- app.search_hits of this request's entry (every match up to app.search_cap(), '{}' for more),
-- kept for the transaction: PostgREST reads a page and its count in one statement, and each
-- reads the view.
create or replace function app.search_requested_hits(p_kind text)
returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
  q text := app.search_requested();
  key text;
  kept text := current_setting('app.search_hits', true);
  ids uuid[];
begin
  if q is null then
    return '{}';
  end if;
  key := p_kind || ' ' || coalesce(auth.uid()::text, '') || ' ' || md5(q);
  if kept is not null and split_part(kept, ';', 1) = key then
    return split_part(kept, ';', 2)::uuid[];
  end if;
  ids := coalesce(app.search_hits(p_kind, q, app.search_cap()), '{}');
  perform set_config('app.search_hits', key || ';' || ids::text, true);
  return ids;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
-- `app` is not exposed through PostgREST: EXECUTE here only lets policies, views, generated
-- columns and functions running as the caller use the helpers.
revoke all on function app.search_words(p_q text),
  app.search_likes(p_q text),
  app.search_shorts(p_q text),
  app.search_condition(p_alias text, p_q text),
  app.search_match(p_search text, p_grams text[], p_likes text[], p_shorts text[]),
  app.search_cap(),
  app.search_hits(p_kind text, p_q text, p_limit integer, p_all boolean),
  app.search_requested(),
  app.search_requested_hits(p_kind text) from public, anon, authenticated, service_role;
grant execute on function app.search_words(p_q text),
  app.search_likes(p_q text),
  app.search_shorts(p_q text),
  app.search_condition(p_alias text, p_q text),
  app.search_match(p_search text, p_grams text[], p_likes text[], p_shorts text[]),
  app.search_cap(),
  app.search_hits(p_kind text, p_q text, p_limit integer, p_all boolean),
  app.search_requested(),
  app.search_requested_hits(p_kind text) to authenticated, service_role;
revoke all on function app.fail(code text, detail text, errcode text),
  app.require_text(value text, field text, min_len integer, max_len integer),
  app.require_given(value anyelement, field text),
  app.json_value(j jsonb, key text, type text),
  app.search_norm(value text),
  app.search_text(VARIADIC parts text[]),
  app.search_grams(value text) from public, anon, authenticated, service_role;
grant execute on function app.fail(code text, detail text, errcode text),
  app.require_text(value text, field text, min_len integer, max_len integer),
  app.require_given(value anyelement, field text),
  app.json_value(j jsonb, key text, type text),
  app.search_norm(value text),
  app.search_text(VARIADIC parts text[]),
  app.search_grams(value text) to public, anon, authenticated, service_role;
revoke all on function app.require_reason(reason_code text, note text),
  app.is_service(),
  app.illegal(entity text, from_state text, to_state text),
  app.biz_date(ts timestamp with time zone),
  app.biz_day_start(d date) from public, anon, authenticated, service_role;
grant execute on function app.require_reason(reason_code text, note text),
  app.is_service(),
  app.illegal(entity text, from_state text, to_state text),
  app.biz_date(ts timestamp with time zone),
  app.biz_day_start(d date) to public, authenticated, service_role;
