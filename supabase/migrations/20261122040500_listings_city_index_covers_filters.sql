-- A city's listings filtered by state, kind and price (the reviewer's usual filtered list): the
-- city index carries those columns, so the page and its count are index-only scans. At factor
-- 100 a 北京 + approved + used + ¥100k–400k list with its count took 155 ms (a bitmap of every
-- listing in the price range, then the heap), now ~9 ms. Row-level security reads city_code,
-- which is the index's first column.
drop index public.listings_city_idx;
create index listings_city_idx on public.listings (city_code, created_at desc)
  include (price_fen, review_state, shelf_state, trade_state, kind);
