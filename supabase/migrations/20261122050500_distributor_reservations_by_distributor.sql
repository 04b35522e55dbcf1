-- The distributors chart (20261122050600_distributors_chart_ranks_first.sql) now ranks by
-- commission and GMV first and reads reservations only for the distributors it shows: their
-- days of app.ana_distributor_reservations_day by this index, a few rows each, instead of
-- summing the whole range (257,000 rows for the default 90 days at seed factor 100).
--
-- Why not a weekly rollup like the merchants' (20261122050300_merchant_week_rollup.sql): a
-- distributor brings about two reservations in 90 days, so summing by ISO week barely shrinks
-- the data (factor 100, 90 days: 256,671 daily rows, 232,608 weekly; trades 37,349 → 36,883;
-- commission 38,146 → 37,675).
create index ana_distributor_reservations_day_distributor_idx
  on app.ana_distributor_reservations_day (distributor_id, day) include (city_code, reservations);
