-- The schedule: which edge function is called when, defined once. Two schedulers read this
-- table: on a hosted project pg_cron (each job an HTTP POST by pg_net, with the project URL and
-- the service key kept in Vault), set up by app.schedule_jobs(); locally the stack's own timer
-- (scripts/local-stack/schedule.ts), where there is no pg_cron. docs/HOSTED.md says how to
-- store the key.
set check_function_bodies = off;

-- A hosted project has pg_cron and pg_net available but off until enabled: enable them, so that
-- `supabase db push` also sets the schedule up. Where they are not available or cannot be
-- created (the embedded Postgres has neither) nothing happens, and the local timer runs the jobs.
do $$
declare
  ext text;
begin
  foreach ext in array array['pg_net', 'pg_cron'] loop
    if exists (select from pg_catalog.pg_available_extensions where name = ext) then
      begin
        execute pg_catalog.format('create extension if not exists %I', ext);
      exception when others then
        raise notice 'scheduled jobs: extension % not enabled (%); run select app.schedule_jobs() once it is', ext, sqlerrm;
      end;
    end if;
  end loop;
end $$;

-- Tables --------------------------------------------------------------------------------------

create table app.scheduled_jobs (
  -- the edge function: POST {project url}/functions/v1/{slug}
  slug text primary key check (slug ~ '^[a-z][a-z0-9-]*$'),
  -- five-field cron expression in UTC (minute hour day-of-month month day-of-week)
  schedule text not null check (schedule ~ '^\s*(\S+\s+){4}\S+\s*$'),
  -- the request body
  body jsonb not null default '{}' check (jsonb_typeof(body) = 'object'),
  note text not null default ''
);
comment on table app.scheduled_jobs is 'edge functions called on a schedule: pg_cron on hosted (app.schedule_jobs), the local stack''s timer otherwise';

-- Row-level security --------------------------------------------------------------------------

-- Not in an exposed schema and no API role has a privilege: the schedulers read it as postgres.
alter table app.scheduled_jobs enable row level security;

-- Privileges ----------------------------------------------------------------------------------

revoke all on table app.scheduled_jobs from public, anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Makes pg_cron's jobs match app.scheduled_jobs: one cron job per row, named 'edge:<slug>',
-- posting the row's body to the function with the service key; cron jobs named 'edge:…' whose
-- row is gone are unscheduled. Where pg_cron or pg_net is missing (the local stack, a project
-- that has not enabled them) it does nothing and returns 0; run it again after enabling them.
-- The URL and key are read from Vault when each job runs (secrets 'project_url' and
-- 'service_key'), so rotating the key needs no rescheduling. Returns the number of jobs scheduled.
create or replace function app.schedule_jobs()
returns integer
language plpgsql
set search_path = ''
as $$
declare
  j record;
  n integer := 0;
begin
  if pg_catalog.to_regprocedure('cron.schedule(text,text,text)') is null
     or pg_catalog.to_regprocedure('net.http_post(text,jsonb,jsonb,jsonb,integer)') is null then
    raise notice 'app.schedule_jobs: pg_cron or pg_net is not installed; nothing scheduled';
    return 0;
  end if;
  if pg_catalog.to_regclass('vault.decrypted_secrets') is null then
    raise warning 'app.schedule_jobs: Vault is not installed; the jobs will fail until it is and holds project_url and service_key';
  end if;
  for j in select s.slug, s.schedule, s.body from app.scheduled_jobs s order by s.slug loop
    execute 'select cron.schedule($1, $2, $3)' using 'edge:' || j.slug, j.schedule, pg_catalog.format(
      $cmd$select net.http_post(
  url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/%s',
  body := %L::jsonb,
  headers := (select jsonb_build_object('Content-Type', 'application/json', 'apikey', k.decrypted_secret,
    'Authorization', 'Bearer ' || k.decrypted_secret) from vault.decrypted_secrets k where k.name = 'service_key'),
  timeout_milliseconds := 600000)$cmd$, j.slug, j.body::text);
    n := n + 1;
  end loop;
  execute $q$select cron.unschedule(c.jobname) from cron.job c
    where c.jobname like 'edge:%' and substr(c.jobname, 6) not in (select s.slug from app.scheduled_jobs s)$q$;
  return n;
end;
$$;

-- Keeps pg_cron in step with every change of the table (a migration adding or moving a job).
create or replace function app.scheduled_jobs_changed()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform app.schedule_jobs();
  return null;
end;
$$;

revoke all on function app.schedule_jobs(), app.scheduled_jobs_changed() from public, anon, authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger scheduled_jobs_sync after insert or update or delete or truncate on app.scheduled_jobs
  for each statement execute function app.scheduled_jobs_changed();

-- Reference data ------------------------------------------------------------------------------

-- Times in UTC. Settlement and ranking run at quiet hours of the Asia/Shanghai day, half an hour
-- apart: settlement and the minute job's commission release post to the same platform ledger
-- accounts, and ranking should not queue behind settlement's locks.
insert into app.scheduled_jobs (slug, schedule, body, note) values
  ('run-jobs', '* * * * *', '{}', 'time-based transitions of every state machine, in bounded batches'),
  ('settle', '10 17 * * *', '{}', 'settlement of the days past the refund window, 01:10 Asia/Shanghai'),
  ('rank-merchants', '40 17 * * *', '{}', 'merchant ranking, 01:40 Asia/Shanghai'),
  ('notify', '* * * * *', '{}', 'delivers the notification outbox (SMS, e-mail, WeChat), with retries')
on conflict (slug) do update set schedule = excluded.schedule, body = excluded.body, note = excluded.note;
