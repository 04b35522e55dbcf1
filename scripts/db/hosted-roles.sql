-- A hosted Supabase project's role model, applied by the platform superuser (supabase_admin)
-- to a cluster that scripts/local-stack/bootstrap*.sql has just set up (as a superuser
-- `postgres`, the way Supabase's own init scripts run before postgres is demoted). Only for
-- the hosted-compat check's throw-away cluster (scripts/db/hosted.ts); see docs/HOSTED.md.

-- postgres is demoted: it keeps what the platform grants it and no more.
grant all on database postgres to postgres;
grant all on schema extensions to postgres;
grant all on all tables in schema extensions to postgres;
grant all on all sequences in schema extensions to postgres;
grant all on all routines in schema extensions to postgres;
grant all on schema auth, storage to postgres;
grant all on all tables in schema auth, storage to postgres;
grant all on all sequences in schema auth, storage to postgres;
grant all on all routines in schema auth, storage to postgres;
alter role postgres nosuperuser createdb createrole login replication bypassrls;
grant pg_read_all_data, pg_signal_backend to postgres;
grant anon, authenticated, service_role to postgres with admin option;

-- The 2024–2025 lock-down: no membership of the auth and storage admins, no CREATE in their
-- schemas, no access to their migration tables; DML and grant option on the storage tables.
revoke supabase_auth_admin, supabase_storage_admin from postgres;
revoke create on schema auth, storage from postgres;
revoke all on auth.schema_migrations from postgres;
revoke all on storage.migrations from anon, authenticated, service_role, postgres;
grant usage on schema storage to postgres with grant option;
grant all on storage.buckets, storage.objects to postgres with grant option;

-- supautils.privileged_role_allowed_configs: a plain SET of session_replication_role is run
-- for postgres as the superuser. GRANT SET also lets set_config() through, which supautils
-- does not (it hooks the SET statement only): hosted.ts refuses set_config() of a superuser
-- setting in the files it applies.
grant set on parameter session_replication_role to postgres;

-- supautils.policy_grants: postgres may create, alter and drop policies (and drop triggers)
-- on these platform-owned tables; supautils runs such a statement as the superuser.
-- hosted.ts routes exactly those statements through this function.
create schema if not exists supautils_emulation;
revoke all on schema supautils_emulation from public;
grant usage on schema supautils_emulation to postgres;
create or replace function supautils_emulation.as_superuser(p_statement text, p_table regclass)
returns void
language plpgsql
security definer
as $$
-- no search_path of its own: the statement resolves names as the caller's would
begin
  if p_table::text not in ('auth.audit_log_entries', 'auth.identities', 'auth.refresh_tokens', 'auth.sessions',
                           'auth.users', 'storage.buckets', 'storage.migrations', 'storage.objects') then
    raise exception 'must be owner of table %', p_table using errcode = '42501';
  end if;
  execute p_statement;
end $$;
-- only postgres (and so the login roles that become postgres) may call it
revoke all on function supautils_emulation.as_superuser(text, regclass) from public;
grant execute on function supautils_emulation.as_superuser(text, regclass) to postgres;

-- The CLI's temporary login role (`supabase db push` logs in as cli_login_postgres, then
-- SET SESSION ROLE postgres).
do $$ begin
  if not exists (select from pg_roles where rolname = 'cli_login_postgres') then
    create role cli_login_postgres login;
  end if;
end $$;
grant postgres to cli_login_postgres;
