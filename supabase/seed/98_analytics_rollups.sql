-- The bulk loads above run in replica mode, which skips the triggers that note changed days for
-- the analytics and ranking rollups (20261122030100_analytics_rollups.sql): build them whole.
select app.rollup_rebuild();
