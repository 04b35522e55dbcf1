-- Private schema for helpers that policies and RPCs call. It is not exposed through
-- PostgREST (only `public` and `graphql_public` are), so nothing here is an endpoint.
create schema if not exists app;
grant usage on schema app to anon, authenticated, service_role;
alter default privileges in schema app revoke execute on functions from public;

-- One way to refuse: a stable machine-readable code in `message` (the UI translates it
-- under `errors.<code>`), a human detail for logs. PostgREST answers HTTP 400 for P0001,
-- 403 for 42501, 409 for 23505, 404 for PT404.
create or replace function app.fail(code text, detail text default null, errcode text default 'P0001')
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  raise exception using errcode = errcode, message = code, detail = coalesce(detail, code);
end;
$$;
grant execute on function app.fail(text, text, text) to anon, authenticated, service_role;
