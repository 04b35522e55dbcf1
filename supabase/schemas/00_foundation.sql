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

-- Who may call them ---------------------------------------------------------------------------
-- `app` is not exposed through PostgREST: EXECUTE here only lets policies, views, generated
-- columns and functions running as the caller use the helpers.
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
