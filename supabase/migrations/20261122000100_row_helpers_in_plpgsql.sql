-- app.mask (generated columns on members, merchants and staff), app.search_norm and
-- app.listing_search_text (the listing trigger) run for every row written. As SQL functions
-- with a SET clause they cannot be inlined and are planned on every call; plpgsql caches the
-- plan. Same results in a fraction of the time per row, which is most of what a bulk load of
-- members or listings costs.
create or replace function app.mask(value text, kind text default 'phone')
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return case
    when value is null then null
    when kind = 'bank' then '**** ' || right(value, 4)
    when kind = 'id' and length(value) > 8 then left(value, 4) || repeat('*', length(value) - 8) || right(value, 4)
    when length(value) >= 7 then left(value, 3) || repeat('*', length(value) - 7) || right(value, 4)
    else repeat('*', length(value))
  end;
end;
$$;

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

create or replace function app.listing_search_text(p_brand integer, p_series integer, p_model integer, p_title text, p_year smallint)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  result text;
begin
  select app.search_norm(concat_ws(' ',
           b.name, b.name_en, b.name_pinyin, b.name_initials,
           s.name, s.name_pinyin, s.name_initials, b.name_initials || s.name_initials,
           m.name, p_title, p_year::text))
    into result
    from public.car_brands b
    join public.car_series s on s.id = p_series
    left join public.car_models m on m.id = p_model
   where b.id = p_brand;
  return result;
end;
$$;
