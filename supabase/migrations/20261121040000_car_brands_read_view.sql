-- Read model for the catalogue screen's first level (brands), with the counts the list shows
-- and a search column (Chinese, Latin, pinyin, initials). Small table: no search index needed.
create view public.v_car_brands with (security_invoker = on) as
select b.id, b.name, b.name_en, b.name_pinyin, b.name_initials, b.first_letter, b.country, b.logo_url,
  b.sort_order, b.active, b.created_at,
  (select count(*) from public.car_series s where s.brand_id = b.id) as series_count,
  (select count(*) from public.car_models m join public.car_series s on s.id = m.series_id where s.brand_id = b.id) as model_count,
  app.search_text(b.name, b.name_en, b.name_pinyin, b.name_initials) as search
from public.car_brands b;

revoke all on public.v_car_brands from anon, authenticated;
grant select on public.v_car_brands to authenticated;
