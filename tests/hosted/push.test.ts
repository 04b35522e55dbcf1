// The hosted-compat layer: the migrations and the seed pushed, as `supabase db push
// --include-seed` pushes them, to a throw-away cluster with a hosted project's role model
// (scripts/db/hosted.ts, docs/HOSTED.md). Needs no stack: it starts its own Postgres on
// HOSTED_PORT_BASE (scripts/test.ts sets it).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { execBatch, sendBatchPrepared } from '../../scripts/db/cli-protocol.ts';
import { migrationFiles, push, startHostedCluster, viaSupautils, type HostedCluster, type PushReport } from '../../scripts/db/hosted.ts';
import { seedFiles } from '../../scripts/local-stack/db.ts';
import { logger } from '../../scripts/local-stack/log.ts';
import { ALLOWED_DDL, REFUSED_DDL, REFUSED_HOSTED_ONLY } from '../support/hosted-refusals.ts';

let cluster: HostedCluster;
let report: PushReport | undefined;
let pushError: Error | undefined;
let cli: pg.Client;

beforeAll(async () => {
  cluster = await startHostedCluster(Number(process.env.HOSTED_PORT_BASE ?? 44620));
  try {
    report = await push(cluster, logger('hosted', { quiet: true }));
  } catch (e) {
    pushError = e as Error;
  }
  cli = await cluster.cli();
}, 300_000);

afterAll(async () => {
  await cli?.end();
  await cluster?.stop();
});

/** The error code a statement fails with as the CLI's login role, or null if it succeeds (rolled back either way). */
async function refusal(sql: string): Promise<string | null> {
  await cli.query('begin');
  try {
    await cli.query(sql);
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).message;
  } finally {
    await cli.query('rollback');
  }
}

describe('supabase db push --include-seed on hosted', () => {
  it('applies every migration and records it as the CLI does', async () => {
    expect(pushError?.message).toBeUndefined();
    const files = migrationFiles().map((f) => path.basename(f));
    expect(report!.migrations).toEqual(files);
    const { rows } = await cli.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by 1');
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.slice(0, f.indexOf('_'))));
  });

  it('seeds every seed file, each as one prepared batch', async () => {
    expect(pushError?.message).toBeUndefined();
    expect(report!.seeds).toHaveLength(seedFiles().length);
    const { rows } = await cli.query<{ n: number }>('select count(*)::int as n from supabase_migrations.seed_files');
    expect(rows[0].n).toBe(seedFiles().length);
    const members = await cli.query<{ n: number }>('select count(*)::int as n from public.members');
    expect(members.rows[0].n).toBeGreaterThan(1000);
  });

  it('sets no superuser setting with set_config() (hosted elevates a plain SET only)', () => {
    expect(report?.refused ?? ['push failed']).toEqual([]);
  });

  it('lets the CLI login role prove the books with no API claims (ledger_check)', async () => {
    const who = await cli.query<{ s: string; c: string }>('select session_user as s, current_user as c');
    expect(who.rows[0]).toEqual({ s: 'cli_login_postgres', c: 'postgres' });
    const { rows } = await cli.query('select * from public.ledger_check()');
    expect(rows).toEqual([]);
  });
});

describe('the emulated role model refuses what hosted refuses', () => {
  it('postgres is no superuser and no member of the auth and storage admins', async () => {
    const { rows } = await cli.query(`select rolsuper, pg_has_role('postgres', 'supabase_auth_admin', 'member') as auth,
      pg_has_role('postgres', 'supabase_storage_admin', 'member') as storage from pg_roles where rolname = 'postgres'`);
    expect(rows[0]).toEqual({ rolsuper: false, auth: false, storage: false });
  });

  it.each(REFUSED_DDL)('refuses %s', async (_what, sql) => {
    expect(await refusal(sql)).toBe('42501');
  });

  it.each(ALLOWED_DDL)('allows %s', async (_what, sql) => {
    expect(await refusal(viaSupautils(sql))).toBeNull();
  });

  it.each(REFUSED_HOSTED_ONLY)('refuses %s', async (_what, sql) => {
    expect(await refusal(sql)).toBe('42501');
  });

  it('a plain SET of session_replication_role is allowed, as supautils allows it', async () => {
    expect(await refusal('set local session_replication_role = replica')).toBeNull();
  });
});

describe('the CLI batch emulation', () => {
  const sameFile = [
    { text: 'create temp table cli_probe (i int)' },
    { text: 'insert into cli_probe values (1)' },
  ];
  it('a seed file cannot use a table it creates: every statement is prepared before any runs', async () => {
    await expect(sendBatchPrepared(cli, sameFile)).rejects.toThrow(/preparing statement 2.*relation "cli_probe" does not exist/s);
  });
  it('a migration can: each statement is parsed after the previous one ran', async () => {
    await execBatch(cli, [...sameFile, { text: 'drop table cli_probe' }]);
  });
  it('a failing statement rolls the whole batch back', async () => {
    await expect(execBatch(cli, [{ text: 'create table public.cli_probe_rollback (i int)' }, { text: 'select 1/0' }])).rejects.toThrow(/statement 2.*division by zero/s);
    const { rows } = await cli.query("select to_regclass('public.cli_probe_rollback') as t");
    expect(rows[0].t).toBeNull();
  });
});

it('every seed file the CLI would push is in supabase/seed or seed.sql', () => {
  const dir = path.join(import.meta.dirname, '../../supabase/seed');
  expect(seedFiles().length).toBe(1 + readdirSync(dir).filter((f) => f.endsWith('.sql')).length);
});
