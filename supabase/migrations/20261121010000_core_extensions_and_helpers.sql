-- Extensions the core domain needs (all in contrib): trigram search and the referral tree.
create extension if not exists pg_trgm with schema extensions;
create extension if not exists ltree with schema extensions;

-- True for active staff without a region scope. Policies put it first, wrapped in
-- (select …), so unscoped staff skip the per-row app.in_region() call.
create or replace function app.all_regions()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select cardinality(s.region_codes) = 0 from public.staff s
                   where s.id = (select auth.uid()) and s.active), false)
$$;

-- Lower-cased, whitespace-collapsed text used for search columns and search queries.
create or replace function app.search_norm(value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select nullif(btrim(regexp_replace(lower(coalesce(value, '')), '\s+', ' ', 'g')), '')
$$;

-- Joins the parts (nulls skipped) into one normalised search text. Declared immutable:
-- it only works on text, unlike concat_ws, which generated columns cannot use.
create or replace function app.search_text(variadic parts text[])
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select app.search_norm(array_to_string(parts, ' '))
$$;

-- Every 1- and 2-character fragment of every word of a search text. Trigram indexes
-- cannot serve queries shorter than 3 characters (宝马, x5, bm), so short queries use
-- `search_grams @> array[q]` on a GIN index instead; longer ones use `search ilike`.
create or replace function app.search_grams(value text)
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select coalesce(array_agg(distinct g order by g), '{}')
  from (
    select substr(w, i, n) as g
    from unnest(regexp_split_to_array(coalesce(app.search_norm(value), ''), ' ')) as w,
         generate_series(1, char_length(w)) as i,
         (values (1), (2)) as len (n)
    where w <> '' and i + n - 1 <= char_length(w)
  ) s
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

-- Who is acting: an active staff member, or a backend using the service key.
create or replace function app.is_service()
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce((select auth.role()) = 'service_role', false) or current_user = 'service_role'
$$;

grant execute on function app.all_regions(), app.search_norm(text), app.search_grams(text), app.search_text(text[]),
  app.require_reason(text, text), app.is_service() to authenticated, service_role;
grant execute on function app.search_norm(text), app.search_grams(text), app.search_text(text[]) to anon;
