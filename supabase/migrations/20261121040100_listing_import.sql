-- Bulk import of listings from CSV (R-PRD-5). The browser parses and pre-checks the file,
-- then sends the rows here; every row is validated again in SQL and the answer is one result
-- per row (row number, ok, errors as [{field, code}]). All or nothing: if any row has
-- an error, or p_dry_run is set, nothing is written. Imported listings enter the review
-- queue (review_state pending) with a history row each and one audit row for the batch.
create or replace function public.listing_import(p_rows jsonb, p_dry_run boolean default false)
returns table (row_no integer, ok boolean, errors jsonb)
language plpgsql
security definer
set search_path = ''
as $$
declare
  r record;
  v jsonb;
  errs jsonb;
  m public.merchants;
  n_found integer;
  b_id integer;
  s_id integer;
  md_id integer;
  v_kind public.listing_kind;
  v_gearbox public.gearbox_type;
  v_energy public.energy_type;
  v_year integer;
  v_mileage integer;
  v_price bigint;
  v_deposit bigint;
  v_vin text;
  v_city text;
  v_title text;
  v_photos text[];
  seen_vins text[] := '{}';
  resolved jsonb := '[]';
  results jsonb := '[]';
  any_error boolean := false;
  total integer;
  new_ids uuid[];
  txt text;
begin
  perform app.require_role(false, 'admin');
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    perform app.fail('invalid_input', 'rows must be a JSON array');
  end if;
  total := jsonb_array_length(p_rows);
  if total = 0 or total > 5000 then
    perform app.fail('invalid_input', 'between 1 and 5000 rows per import');
  end if;

  for r in select e.value as row, e.ordinality::integer as n from jsonb_array_elements(p_rows) with ordinality as e loop
    v := r.row;
    errs := '[]';
    m := null; b_id := null; s_id := null; md_id := null; v_kind := null; v_gearbox := null; v_energy := null;
    v_year := null; v_mileage := null; v_price := null; v_deposit := null; v_vin := null; v_city := null; v_photos := '{}';

    if jsonb_typeof(v) <> 'object' then
      errs := errs || jsonb_build_object('field', 'row', 'code', 'invalid');
    else
      -- merchant: id or exact name
      txt := nullif(btrim(v ->> 'merchant'), '');
      if txt is null then
        errs := errs || jsonb_build_object('field', 'merchant', 'code', 'required');
      else
        if txt ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
          select * into m from public.merchants x where x.id = txt::uuid;
          n_found := case when m.id is null then 0 else 1 end;
        else
          select count(*) into n_found from public.merchants x where x.name = txt;
          if n_found = 1 then
            select * into m from public.merchants x where x.name = txt;
          end if;
        end if;
        if n_found = 0 then
          errs := errs || jsonb_build_object('field', 'merchant', 'code', 'not_found');
        elsif n_found > 1 then
          errs := errs || jsonb_build_object('field', 'merchant', 'code', 'ambiguous');
        elsif not app.in_region(m.city_code) then
          errs := errs || jsonb_build_object('field', 'merchant', 'code', 'out_of_region');
        elsif m.status in ('closing', 'closed') then
          errs := errs || jsonb_build_object('field', 'merchant', 'code', 'merchant_inactive');
        end if;
      end if;

      txt := nullif(btrim(v ->> 'kind'), '');
      if txt is null then
        errs := errs || jsonb_build_object('field', 'kind', 'code', 'required');
      elsif txt not in ('used_sale', 'new_sale', 'rental') then
        errs := errs || jsonb_build_object('field', 'kind', 'code', 'invalid');
      else
        v_kind := txt::public.listing_kind;
      end if;

      -- catalogue: brand by Chinese, English or pinyin name; series and model inside it
      txt := lower(nullif(btrim(v ->> 'brand'), ''));
      if txt is null then
        errs := errs || jsonb_build_object('field', 'brand', 'code', 'required');
      else
        select x.id into b_id from public.car_brands x
        where lower(x.name) = txt or lower(x.name_en) = txt or x.name_pinyin = txt order by x.id limit 1;
        if b_id is null then
          errs := errs || jsonb_build_object('field', 'brand', 'code', 'not_found');
        end if;
      end if;
      txt := lower(nullif(btrim(v ->> 'series'), ''));
      if txt is null then
        errs := errs || jsonb_build_object('field', 'series', 'code', 'required');
      elsif b_id is not null then
        select x.id into s_id from public.car_series x
        where x.brand_id = b_id and (lower(x.name) = txt or x.name_pinyin = txt) order by x.id limit 1;
        if s_id is null then
          errs := errs || jsonb_build_object('field', 'series', 'code', 'not_found');
        end if;
      end if;
      txt := lower(nullif(btrim(v ->> 'model'), ''));
      if txt is not null and s_id is not null then
        select x.id into md_id from public.car_models x where x.series_id = s_id and lower(x.name) = txt order by x.id limit 1;
        if md_id is null then
          errs := errs || jsonb_build_object('field', 'model', 'code', 'not_found');
        end if;
      end if;

      txt := nullif(btrim(v ->> 'year'), '');
      if txt is not null then
        if txt !~ '^[0-9]{4}$' or txt::integer not between 1990 and 2100 then
          errs := errs || jsonb_build_object('field', 'year', 'code', 'invalid');
        else
          v_year := txt::integer;
        end if;
      end if;
      txt := nullif(btrim(v ->> 'mileage_km'), '');
      if txt is not null then
        if txt !~ '^[0-9]{1,7}$' then
          errs := errs || jsonb_build_object('field', 'mileage_km', 'code', 'invalid');
        else
          v_mileage := txt::integer;
        end if;
      end if;
      txt := nullif(btrim(v ->> 'gearbox'), '');
      if txt is not null then
        if txt not in ('manual', 'automatic', 'dct', 'cvt', 'single_speed') then
          errs := errs || jsonb_build_object('field', 'gearbox', 'code', 'invalid');
        else
          v_gearbox := txt::public.gearbox_type;
        end if;
      end if;
      txt := nullif(btrim(v ->> 'energy'), '');
      if txt is not null then
        if txt not in ('petrol', 'diesel', 'hybrid', 'phev', 'erev', 'ev', 'fcev') then
          errs := errs || jsonb_build_object('field', 'energy', 'code', 'invalid');
        else
          v_energy := txt::public.energy_type;
        end if;
      end if;
      v_vin := upper(nullif(btrim(v ->> 'vin'), ''));
      if v_vin is not null then
        if v_vin !~ '^[A-HJ-NPR-Z0-9]{17}$' then
          errs := errs || jsonb_build_object('field', 'vin', 'code', 'invalid');
        elsif v_vin = any (seen_vins) then
          errs := errs || jsonb_build_object('field', 'vin', 'code', 'duplicate');
        elsif exists (select 1 from public.listings x where x.vin = v_vin and x.trade_state <> 'retired') then
          errs := errs || jsonb_build_object('field', 'vin', 'code', 'duplicate');
        else
          seen_vins := seen_vins || v_vin;
        end if;
      end if;
      v_city := coalesce(nullif(btrim(v ->> 'city_code'), ''), m.city_code);
      if v_city is not null and not exists (select 1 from public.regions x where x.code = v_city) then
        errs := errs || jsonb_build_object('field', 'city_code', 'code', 'not_found');
      elsif v_city is not null and m.id is not null and not app.in_region(v_city) then
        errs := errs || jsonb_build_object('field', 'city_code', 'code', 'out_of_region');
      end if;
      txt := nullif(btrim(v ->> 'price_fen'), '');
      if txt is null then
        errs := errs || jsonb_build_object('field', 'price_fen', 'code', 'required');
      elsif txt !~ '^[0-9]{1,12}$' or txt::bigint <= 0 then
        errs := errs || jsonb_build_object('field', 'price_fen', 'code', 'invalid');
      else
        v_price := txt::bigint;
      end if;
      txt := nullif(btrim(v ->> 'deposit_fen'), '');
      if txt is not null then
        if txt !~ '^[0-9]{1,12}$' then
          errs := errs || jsonb_build_object('field', 'deposit_fen', 'code', 'invalid');
        else
          v_deposit := txt::bigint;
        end if;
      elsif v_kind = 'rental' then
        errs := errs || jsonb_build_object('field', 'deposit_fen', 'code', 'required');
      end if;
      v_title := nullif(btrim(v ->> 'title'), '');
      if v_title is null and b_id is not null and s_id is not null then
        v_title := concat_ws(' ', (select x.name from public.car_brands x where x.id = b_id),
          (select x.name from public.car_series x where x.id = s_id), case when v_year is not null then v_year || '款' end);
      end if;
      if v_title is not null and char_length(v_title) not between 2 and 120 then
        errs := errs || jsonb_build_object('field', 'title', 'code', 'invalid');
      end if;
      if jsonb_typeof(v -> 'photos') = 'array' then
        select coalesce(array_agg(btrim(p)), '{}') into v_photos
        from jsonb_array_elements_text(v -> 'photos') p where btrim(p) <> '';
      elsif nullif(btrim(v ->> 'photos'), '') is not null then
        select coalesce(array_agg(btrim(p)), '{}') into v_photos
        from unnest(string_to_array(v ->> 'photos', '|')) p where btrim(p) <> '';
      end if;
    end if;

    if jsonb_array_length(errs) > 0 then
      any_error := true;
    else
      resolved := resolved || jsonb_build_object('n', r.n, 'merchant_id', m.id, 'kind', v_kind, 'title', v_title,
        'brand_id', b_id, 'series_id', s_id, 'model_id', md_id, 'year', v_year, 'mileage_km', v_mileage,
        'colour', nullif(btrim(v ->> 'colour'), ''), 'gearbox', v_gearbox, 'energy', v_energy, 'vin', v_vin,
        'city_code', v_city, 'price_fen', v_price, 'deposit_fen', v_deposit,
        'description', nullif(btrim(v ->> 'description'), ''), 'photos', to_jsonb(v_photos));
    end if;
    results := results || jsonb_build_object('n', r.n, 'errors', errs);
  end loop;

  if any_error or p_dry_run then
    return query select (x ->> 'n')::integer, jsonb_array_length(x -> 'errors') = 0, x -> 'errors'
      from jsonb_array_elements(results) x;
    return;
  end if;

  with ins as (
    insert into public.listings (merchant_id, kind, title, brand_id, series_id, model_id, year, mileage_km, colour, gearbox,
      energy, vin, city_code, price_fen, deposit_fen, description, photos, review_state, submitted_at)
    select x.merchant_id, x.kind, x.title, x.brand_id, x.series_id, x.model_id, x.year, x.mileage_km, x.colour, x.gearbox,
      x.energy, x.vin, x.city_code, x.price_fen, x.deposit_fen, x.description,
      coalesce((select array_agg(p) from jsonb_array_elements_text(x.photos) p), '{}'), 'pending', now()
    from jsonb_to_recordset(resolved) as x (n integer, merchant_id uuid, kind public.listing_kind, title text,
      brand_id integer, series_id integer, model_id integer, year smallint, mileage_km integer, colour text,
      gearbox public.gearbox_type, energy public.energy_type, vin text, city_code text, price_fen bigint,
      deposit_fen bigint, description text, photos jsonb)
    returning public.listings.id
  )
  select array_agg(ins.id) into new_ids from ins;
  insert into public.listing_history (listing_id, dimension, from_state, to_state, reason_code, note, actor_id)
  select u, 'review', 'draft', 'pending', 'import', null, (select auth.uid()) from unnest(new_ids) u;
  perform app.audit('listing.import', 'listing', null, null,
    jsonb_build_object('count', cardinality(new_ids), 'ids', to_jsonb(new_ids)), 'csv import', null);
  return query select (x ->> 'n')::integer, true, '[]'::jsonb from jsonb_array_elements(results) x;
end;
$$;

revoke execute on function public.listing_import(jsonb, boolean) from public, anon;
grant execute on function public.listing_import(jsonb, boolean) to authenticated, service_role;
