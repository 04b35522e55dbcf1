-- The bulk-load shortcuts (00_bulk_load.sql) must all be undone before the seed ends: every
-- dropped index back, triggers firing as the migrations set them, foreign-key checks on.
do $$
declare
  missing text;
begin
  select string_agg(name, ', ') into missing from seed_dropped_indexes;
  if missing is not null then
    raise exception 'seed left indexes dropped: %', missing;
  end if;
  select string_agg(tgrelid::regclass || '.' || tgname, ', ') into missing
    from pg_trigger where not tgisinternal and tgenabled <> 'O' and tgrelid::regclass::text not like 'pg\_%';
  if missing is not null then
    raise exception 'seed left triggers switched: %', missing;
  end if;
  if current_setting('session_replication_role') <> 'origin' then
    raise exception 'seed left session_replication_role = %', current_setting('session_replication_role');
  end if;
end $$;
