// What a hosted Supabase project refuses postgres (and so the CLI's migrations) in the schemas
// the platform owns, and what it still allows there. tests/hosted/push.test.ts checks the
// hosted-compat cluster refuses and allows these; tests/db/local-strictness.test.ts checks the
// local stack does the same (its bootstrap's revokes and DDL guard).
export const REFUSED_DDL: Array<[string, string]> = [
  ['a table in auth', 'create table auth.mine (id int)'],
  ['a function in storage', 'create function storage.mine() returns int language sql as $$ select 1 $$'],
  ['a column on auth.users', 'alter table auth.users add column mine int'],
  ['an index on storage.objects', 'create index mine on storage.objects (owner_id)'],
  ['a comment on storage.buckets', "comment on table storage.buckets is 'mine'"],
  ['a policy on an auth table supautils does not list', 'create policy mine on auth.mfa_factors for select using (false)'],
  ['dropping a platform table', 'drop table storage.migrations'],
  ['a trigger on the auth migrations table', 'create trigger mine before update on auth.schema_migrations for each row execute function storage.update_updated_at_column()'],
];

// Refused on hosted by privileges a superuser always has: only the hosted-compat cluster can check these.
export const REFUSED_HOSTED_ONLY: Array<[string, string]> = [
  ['a write to the auth migrations table', "insert into auth.schema_migrations values ('mine')"],
  ['set_config() of a superuser setting', "select set_config('log_statement', 'all', true)"],
];

export const ALLOWED_DDL: Array<[string, string]> = [
  ['a policy on storage.objects (supautils policy_grants)', "create policy mine on storage.objects for select to authenticated using (bucket_id = 'mine')"],
  ['a trigger on storage.objects (TRIGGER privilege)',
    'create trigger mine before update on storage.objects for each row execute function storage.update_updated_at_column()'],
  ['a grant on storage.objects (grant option)', 'grant select on storage.objects to authenticated'],
];
