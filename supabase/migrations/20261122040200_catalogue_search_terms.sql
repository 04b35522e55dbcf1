-- What the search box matches catalogue words against (宝马, 汉兰达, X5, BMW, baoma, bm, 1.5T): one
-- row per brand, series and model with its names, English name, pinyin and initials. The app
-- reads it once per session and turns a word that names catalogue entries into brand_id /
-- series_id / model_id filters: integer equality, which row-level security lets use an index
-- (a trigram or array match on the listings' search column it does not: those operators are
-- not leakproof), so "宝马, newest first" walks one index instead of scanning a million rows.
create view public.v_search_terms with (security_invoker = on) as
select 'brand'::text as level, b.id, b.id as brand_id, null::integer as series_id,
  app.search_text(b.name, b.name_en, b.name_pinyin, b.name_initials) as terms
from public.car_brands b
union all
select 'series', s.id, s.brand_id, s.id,
  app.search_text(s.name, s.name_pinyin, s.name_initials, b.name_initials || s.name_initials)
from public.car_series s
join public.car_brands b on b.id = s.brand_id
union all
select 'model', m.id, s.brand_id, m.series_id, app.search_text(m.name)
from public.car_models m
join public.car_series s on s.id = m.series_id;

revoke all on public.v_search_terms from anon, authenticated;
grant select on public.v_search_terms to authenticated;
