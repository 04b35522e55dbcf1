// The schedule is defined once (app.scheduled_jobs): the local timer reads it, and on hosted
// app.schedule_jobs() turns it into pg_cron jobs posting through pg_net with Vault's secrets.
// The embedded Postgres has neither pg_cron nor pg_net (nor Debian packages of them for
// Postgres 17), so the hosted path runs here against stand-ins with pg_cron's and pg_net's
// signatures, created in a transaction that is rolled back: what is checked is the SQL the
// function schedules, run as pg_cron would run it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { parseCron } from '../../scripts/local-stack/cron.ts';
import { loadSchedule } from '../../scripts/local-stack/schedule.ts';
import { db, stack } from '../support/stack.ts';

let pgc: pg.Client;
beforeAll(async () => {
  pgc = await db();
});
afterAll(async () => {
  await pgc.end();
});

const STAND_INS = `
  create schema cron;
  create table cron.job (jobid bigserial primary key, jobname text unique, schedule text not null, command text not null);
  create function cron.schedule(job_name text, schedule text, command text) returns bigint language sql as $$
    insert into cron.job (jobname, schedule, command) values (job_name, schedule, command)
    on conflict (jobname) do update set schedule = excluded.schedule, command = excluded.command returning jobid $$;
  create function cron.unschedule(job_name text) returns boolean language sql as $$
    with d as (delete from cron.job where jobname = job_name returning 1) select exists (select 1 from d) $$;
  create schema net;
  create table net.calls (id bigserial primary key, url text, body jsonb, headers jsonb, timeout_milliseconds integer);
  create function net.http_post(url text, body jsonb default '{}', params jsonb default '{}',
      headers jsonb default '{"Content-Type": "application/json"}', timeout_milliseconds integer default 5000)
    returns bigint language sql as $$
    insert into net.calls (url, body, headers, timeout_milliseconds) values (url, body, headers, timeout_milliseconds) returning id $$;
  create schema vault;
  create view vault.decrypted_secrets as
    select * from (values ('project_url', 'https://demo-ref.supabase.co'), ('service_key', 'service-key-from-vault')) s (name, decrypted_secret);`;

describe('scheduled jobs', () => {
  it('schedules nothing where pg_cron and pg_net are missing (the local stack)', async () => {
    const { rows } = await pgc.query('select app.schedule_jobs() as n, to_regnamespace($1) as cron', ['cron']);
    expect(rows[0]).toEqual({ n: 0, cron: null });
  });

  it('the local timer reads the same definitions, for functions that exist, with valid schedules', async () => {
    const local = await loadSchedule(await stack());
    const { rows } = await pgc.query('select slug, schedule, body from app.scheduled_jobs order by slug');
    expect(local).toEqual(rows);
    expect(local.map((j) => j.slug)).toEqual(['notify', 'rank-merchants', 'run-jobs', 'settle']);
    for (const job of local) {
      expect(existsSync(path.join(import.meta.dirname, '../../supabase/functions', job.slug, 'index.ts')), job.slug).toBe(true);
      expect(() => parseCron(job.schedule)).not.toThrow();
    }
    // settlement and ranking never start in the same minute
    const settle = parseCron(local.find((j) => j.slug === 'settle')!.schedule);
    const rank = parseCron(local.find((j) => j.slug === 'rank-merchants')!.schedule);
    const day = Date.UTC(2026, 0, 1);
    const clash = Array.from({ length: 24 * 60 }, (_, m) => new Date(day + m * 60_000)).filter((t) => settle.matches(t) && rank.matches(t));
    expect(clash).toEqual([]);
  });

  it('on hosted: one pg_cron job per row, posting the body with the key from Vault, kept in step with the table', async () => {
    await pgc.query('begin');
    try {
      await pgc.query(STAND_INS);
      await pgc.query("select cron.schedule('someone-elses-job', '0 0 * * *', 'select 1')");
      expect((await pgc.query('select app.schedule_jobs() as n')).rows[0].n).toBe(4);
      const jobs = (await pgc.query('select jobname, schedule, command from cron.job order by jobname')).rows;
      expect(jobs.map((j) => [j.jobname, j.schedule])).toEqual([
        ['edge:notify', '* * * * *'],
        ['edge:rank-merchants', '40 17 * * *'],
        ['edge:run-jobs', '* * * * *'],
        ['edge:settle', '10 17 * * *'],
        ['someone-elses-job', '0 0 * * *'],
      ]);
      // run each command as pg_cron would
      for (const j of jobs.filter((x) => x.jobname.startsWith('edge:'))) await pgc.query(j.command);
      const calls = (await pgc.query('select url, body, headers, timeout_milliseconds from net.calls order by id')).rows;
      expect(calls.map((c) => c.url)).toEqual([
        'https://demo-ref.supabase.co/functions/v1/notify',
        'https://demo-ref.supabase.co/functions/v1/rank-merchants',
        'https://demo-ref.supabase.co/functions/v1/run-jobs',
        'https://demo-ref.supabase.co/functions/v1/settle',
      ]);
      for (const c of calls) {
        expect(c.body).toEqual({});
        expect(c.headers).toEqual({ 'Content-Type': 'application/json', apikey: 'service-key-from-vault', Authorization: 'Bearer service-key-from-vault' });
      }
      // a change of the table reschedules: the trigger keeps pg_cron in step
      await pgc.query("update app.scheduled_jobs set schedule = '20 17 * * *', body = '{\"days\": 3}' where slug = 'settle'");
      await pgc.query("delete from app.scheduled_jobs where slug = 'rank-merchants'");
      const after = (await pgc.query('select jobname, schedule, command from cron.job order by jobname')).rows;
      expect(after.map((j) => [j.jobname, j.schedule])).toEqual([
        ['edge:notify', '* * * * *'],
        ['edge:run-jobs', '* * * * *'],
        ['edge:settle', '20 17 * * *'],
        ['someone-elses-job', '0 0 * * *'],
      ]);
      expect(after[2].command).toContain(`'{"days": 3}'::jsonb`);
    } finally {
      await pgc.query('rollback');
    }
  });
});
