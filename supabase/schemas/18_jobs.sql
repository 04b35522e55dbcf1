-- Jobs: every run of background work — the minute timers, settlement, ranking, imports and
-- server-side exports — is a row of job_runs, started, moved forward and ended by the edge
-- function doing the work (with the service key for the schedule, with the caller's own token
-- for what a staff member starts), so the jobs screen shows what runs, how far it got, what it
-- made and why it failed, and a page left while work runs loses nothing.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

create type public.job_kind as enum ('run_jobs', 'settle', 'rank_merchants', 'import', 'export');
create type public.job_state as enum ('queued', 'running', 'succeeded', 'failed');

-- Tables --------------------------------------------------------------------------------------

create table public.job_runs (
  id uuid primary key default gen_random_uuid(),
  kind public.job_kind not null,
  -- the staff member who started it; null: the schedule (service key)
  started_by uuid references public.staff (id) on delete set null,
  state public.job_state not null default 'running',
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  progress_done integer not null default 0 check (progress_done >= 0),
  progress_total integer check (progress_total >= 0),
  -- rows made or moved (an export's lines, the timers' transitions)
  rows integer check (rows >= 0),
  -- what it was asked (an export's list and filter)
  params jsonb not null default '{}' check (jsonb_typeof(params) = 'object'),
  result jsonb check (result is null or jsonb_typeof(result) = 'object'),
  error text check (error is null or length(error) <= 2000),
  constraint job_runs_finished check ((state in ('succeeded', 'failed')) = (finished_at is not null))
);
comment on table public.job_runs is 'background work: one row per scheduled or manual run, with progress, result and error';

-- Indexes -------------------------------------------------------------------------------------

create index job_runs_created on public.job_runs (created_at desc, id);
create index job_runs_started_by on public.job_runs (started_by, created_at desc) where started_by is not null;
-- what is still running (the panel polls its own)
create index job_runs_open on public.job_runs (started_by, created_at) where state in ('queued', 'running');

-- Row-level security --------------------------------------------------------------------------

alter table public.job_runs enable row level security;

-- Admin and finance see every run (settlement and ranking are theirs to watch); everyone else
-- sees the runs they started (their exports).
create policy job_runs_read on public.job_runs for select to authenticated
  using ((select app.has_role('admin', 'finance')) or (started_by = (select auth.uid()) and (select app.is_staff())));

-- Privileges ----------------------------------------------------------------------------------

revoke all on table public.job_runs from public, anon, authenticated, service_role;
grant select on table public.job_runs to authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Who may start a run of a kind: the schedule (service key) any; staff the work they may do.
create or replace function app.job_kind_allowed(p_kind public.job_kind)
returns boolean
language sql
stable
set search_path = ''
as $$
  select app.is_service() or case p_kind
    when 'export' then app.is_staff()
    when 'settle' then app.has_role('admin', 'finance')
    when 'rank_merchants' then app.has_role('admin', 'analyst')
    when 'import' then app.has_role('admin', 'reviewer')
    else false
  end
$$;

-- The run, locked, if the caller may write it: the schedule writes any, staff their own.
create or replace function app.job_run_for_write(p_id uuid)
returns public.job_runs
language plpgsql
set search_path = ''
as $$
declare
  r public.job_runs;
begin
  select * into r from public.job_runs j where j.id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no such job run');
  end if;
  if not app.is_service() and r.started_by is distinct from (select auth.uid()) then
    perform app.fail('not_permitted', 'only the one who started a run reports on it', '42501');
  end if;
  if r.state in ('succeeded', 'failed') then
    perform app.fail('illegal_transition', 'the run has ended');
  end if;
  return r;
end;
$$;

-- Starts a run: `running` at once, or `queued` when the work waits for a slot. Returns its id.
create or replace function public.job_start(p_kind public.job_kind, p_params jsonb default '{}',
  p_total integer default null, p_queued boolean default false)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_id uuid;
  who uuid := case when app.is_service() then null else (select auth.uid()) end;
begin
  if not app.is_service() and not app.is_staff() then
    perform app.fail('not_permitted', 'staff only', '42501');
  end if;
  if p_kind is null or not app.job_kind_allowed(p_kind) then
    perform app.fail('not_permitted', 'this role may not start this kind of work', '42501');
  end if;
  if p_params is null or jsonb_typeof(p_params) <> 'object' or octet_length(p_params::text) > 16000 then
    perform app.fail('invalid_input', 'the parameters are a JSON object of at most 16,000 bytes');
  end if;
  if p_total is not null and p_total < 0 then
    perform app.fail('invalid_input', 'the total is not negative');
  end if;
  insert into public.job_runs (kind, started_by, state, started_at, progress_total, params)
  values (p_kind, who, case when p_queued then 'queued'::public.job_state else 'running' end,
          case when p_queued then null else now() end, p_total, p_params)
  returning id into new_id;
  -- staff runs are audited; the schedule's runs are not (a row a minute would bury the log),
  -- and the work they do audits itself
  if who is not null then
    perform app.audit('job_run.start', 'job_run', new_id::text, null,
      jsonb_strip_nulls(jsonb_build_object('kind', p_kind, 'resource', p_params ->> 'resource')), null, null);
  end if;
  return new_id;
end;
$$;

-- Progress: rows done so far (and the total, once known). A queued run starts running.
create or replace function public.job_progress(p_id uuid, p_done integer, p_total integer default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.job_runs;
begin
  r := app.job_run_for_write(p_id);
  if p_done is null or p_done < 0 or (p_total is not null and p_total < 0) then
    perform app.fail('invalid_input', 'progress is a count of rows, not negative');
  end if;
  update public.job_runs
     set progress_done = p_done,
         progress_total = coalesce(p_total, progress_total),
         state = 'running',
         started_at = coalesce(started_at, now())
   where id = p_id;
end;
$$;

-- Ends a run that did its work: the rows it made and what it wants shown (an export's file).
create or replace function public.job_finish(p_id uuid, p_rows integer default null, p_result jsonb default '{}')
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.job_runs;
begin
  r := app.job_run_for_write(p_id);
  if p_rows is not null and p_rows < 0 then
    perform app.fail('invalid_input', 'the row count is not negative');
  end if;
  if p_result is null or jsonb_typeof(p_result) <> 'object' or octet_length(p_result::text) > 64000 then
    perform app.fail('invalid_input', 'the result is a JSON object of at most 64,000 bytes');
  end if;
  update public.job_runs
     set state = 'succeeded', finished_at = now(), started_at = coalesce(started_at, now()),
         rows = p_rows, result = p_result,
         progress_done = greatest(progress_done, coalesce(p_rows, 0)),
         -- the total was an estimate: at the end it is what was done
         progress_total = coalesce(greatest(progress_done, p_rows), progress_total)
   where id = p_id;
  if r.started_by is not null then
    perform app.audit('job_run.finish', 'job_run', p_id::text, jsonb_build_object('state', r.state),
      jsonb_build_object('state', 'succeeded', 'rows', p_rows), null, null);
  end if;
end;
$$;

-- Ends a run that failed, with why (shown on its page).
create or replace function public.job_fail(p_id uuid, p_error text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.job_runs;
begin
  r := app.job_run_for_write(p_id);
  if coalesce(btrim(p_error), '') = '' then
    perform app.fail('reason_required', 'say why the run failed');
  end if;
  update public.job_runs
     set state = 'failed', finished_at = now(), started_at = coalesce(started_at, now()),
         error = left(p_error, 2000)
   where id = p_id;
  if r.started_by is not null then
    perform app.audit('job_run.fail', 'job_run', p_id::text, jsonb_build_object('state', r.state),
      jsonb_build_object('state', 'failed'), left(p_error, 500), null);
  end if;
end;
$$;

revoke all on function app.job_kind_allowed(p_kind public.job_kind), app.job_run_for_write(p_id uuid)
  from public, anon, authenticated, service_role;
grant execute on function app.job_kind_allowed(p_kind public.job_kind), app.job_run_for_write(p_id uuid)
  to authenticated, service_role;
revoke all on function public.job_start(p_kind public.job_kind, p_params jsonb, p_total integer, p_queued boolean),
  public.job_progress(p_id uuid, p_done integer, p_total integer),
  public.job_finish(p_id uuid, p_rows integer, p_result jsonb),
  public.job_fail(p_id uuid, p_error text)
  from public, anon, authenticated, service_role;
grant execute on function public.job_start(p_kind public.job_kind, p_params jsonb, p_total integer, p_queued boolean),
  public.job_progress(p_id uuid, p_done integer, p_total integer),
  public.job_finish(p_id uuid, p_rows integer, p_result jsonb),
  public.job_fail(p_id uuid, p_error text)
  to authenticated, service_role;

-- Views ---------------------------------------------------------------------------------------

-- The jobs screen: who started it (名字, or the schedule), how long it took or has run.
create or replace view public.v_job_runs with (security_invoker = on) as
select j.id, j.kind, j.state, j.started_by,
       (select s.display_name from public.staff s where s.id = j.started_by) as started_by_name,
       j.created_at, j.started_at, j.finished_at,
       (extract(epoch from (coalesce(j.finished_at, now()) - coalesce(j.started_at, j.created_at))) * 1000)::bigint as duration_ms,
       j.progress_done, j.progress_total, j.rows, j.params, j.result, j.error
from public.job_runs j;

-- read only: the project's default privileges would give the API roles every right on a new view
revoke all on table public.v_job_runs from public, anon, authenticated, service_role;
grant select on table public.v_job_runs to authenticated;
grant all on table public.v_job_runs to service_role;

-- Storage: an export's file, private, under exports/<staff id>/<run id>.<ext>; its starter
-- reads it (through a short-lived signed link); the function writes it with the service key.
create policy exports_read_own on storage.objects for select to authenticated
  using (bucket_id = 'exports' and (storage.foldername(objects.name))[1] = (select auth.uid())::text and (select app.is_staff()));

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('exports', 'exports', false, 50 * 1024 * 1024,
        array['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
on conflict (id) do update
  set public = excluded.public, file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types, updated_at = now();
