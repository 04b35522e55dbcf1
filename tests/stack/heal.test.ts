// The supervisor heals: a throw-away stack of its own (durable, like `npm start`; no demo
// seed, so it starts quickly), on its own ports so the shared test stack is not disturbed.
// Postgres is killed with SIGKILL while rows are being written: every acknowledged row is
// there afterwards, the service is back (time measured and written to
// .local/test-results/heal.json; no tight timing assert, the machine may be loaded), an edge
// function called meanwhile answers 503 service_unavailable and never 401. Then a function,
// auth, the gateway and PostgREST are killed one by one and come back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { ROOT, stackConfig, type StackConfig } from '../../scripts/local-stack/config.ts';
import { postgresLayout } from '../../scripts/local-stack/db.ts';
import { startStack, type RunningStack } from '../../scripts/local-stack/stack.ts';
import type { SupervisorEvent } from '../../scripts/local-stack/supervisor.ts';

const PORT_BASE = Number(process.env.HEAL_PORT_BASE ?? Number(process.env.STACK_PORT_BASE ?? 64320) + 500);
const OVERALL_MS = 90_000; // a generous ceiling: the measured time is reported, not asserted
const PASSWORD = 'Heal-test-passw0rd-2026';

let cfg: StackConfig;
let stack: RunningStack;
const events: SupervisorEvent[] = [];
let accessToken = '';
const measured: Record<string, number> = {};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function restStatus(): Promise<number> {
  try {
    const res = await fetch(`${cfg.apiUrl}/rest/v1/heal_probe?select=id&limit=1`, {
      headers: { apikey: cfg.serviceRoleKey },
      signal: AbortSignal.timeout(5000),
    });
    await res.body?.cancel();
    return res.status;
  } catch {
    return 0;
  }
}

async function callFunction(): Promise<{ status: number; code?: string }> {
  try {
    const res = await fetch(`${cfg.apiUrl}/functions/v1/admin-users`, {
      method: 'POST',
      headers: { apikey: cfg.anonKey, Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'create' }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string }; code?: string };
    return { status: res.status, code: body.error?.code ?? body.code };
  } catch {
    return { status: 0 };
  }
}

/** Polls until `ok` holds; returns the milliseconds it took (fails past OVERALL_MS). */
async function until(what: string, ok: () => Promise<boolean>, since = Date.now()): Promise<number> {
  for (;;) {
    if (await ok()) return Date.now() - since;
    if (Date.now() - since > OVERALL_MS) throw new Error(`${what}: not back within ${OVERALL_MS / 1000} s`);
    await sleep(100);
  }
}

function pidOf(service: string): number {
  const pid = stack.supervisor.child(service)?.proc.pid;
  if (!pid) throw new Error(`${service} has no process`);
  return pid;
}

beforeAll(async () => {
  cfg = await stackConfig({ name: 'test-heal', portBase: PORT_BASE, durable: true });
  stack = await startStack(cfg, { reset: true, quiet: true, seed: false, onEvent: (e) => events.push(e) });
  const client = new pg.Client({ connectionString: cfg.dbUrl });
  await client.connect();
  await client.query('create table public.heal_probe (id int primary key, at timestamptz not null default now())');
  await client.query('grant select on public.heal_probe to service_role');
  await client.query("notify pgrst, 'reload schema'");
  await client.end();
  const admin = createClient(cfg.apiUrl, cfg.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const email = `heal-${Date.now()}@test.local`;
  const { error } = await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
  if (error) throw error;
  const user = createClient(cfg.apiUrl, cfg.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const { data, error: signInError } = await user.auth.signInWithPassword({ email, password: PASSWORD });
  if (signInError) throw signInError;
  accessToken = data.session!.access_token;
  await until('the probe table through PostgREST', async () => (await restStatus()) === 200);
}, 300_000);

afterAll(async () => {
  const layout = cfg ? await postgresLayout(cfg) : undefined;
  await stack?.stop();
  const out = path.join(ROOT, '.local', 'test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'heal.json'), JSON.stringify({ measured, events }, null, 2));
  // the pid file of a cleanly stopped cluster is gone: nothing was left running
  if (layout) expect(() => readFileSync(path.join(layout.pgData, 'postmaster.pid'))).toThrow();
}, 120_000);

describe('the supervisor heals a killed database', () => {
  it('runs the durable settings npm start uses', async () => {
    const client = new pg.Client({ connectionString: cfg.dbUrl });
    await client.connect();
    const { rows } = await client.query(
      "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes') order by name",
    );
    await client.end();
    expect(rows).toEqual([
      { name: 'fsync', setting: 'on' },
      { name: 'full_page_writes', setting: 'on' },
      { name: 'synchronous_commit', setting: 'on' },
    ]);
  });

  it('restarts Postgres after kill -9: nothing acknowledged is lost, functions say 503 meanwhile, never 401', async () => {
    // Writer: one row per transaction, synchronous_commit on; a row counts once its commit returned.
    const acknowledged: number[] = [];
    let writing = true;
    const writer = (async () => {
      let id = 0;
      while (writing) {
        const client = new pg.Client({ connectionString: cfg.dbUrl });
        client.on('error', () => {});
        try {
          await client.connect();
          await client.query('set synchronous_commit = on');
          while (writing) {
            id += 1;
            await client.query('insert into public.heal_probe (id) values ($1)', [id]);
            acknowledged.push(id);
          }
        } catch {
          await sleep(50); // the database is down: try again
        } finally {
          await client.end().catch(() => {});
        }
      }
    })();
    await until('some rows written', async () => acknowledged.length >= 50);

    // Function caller: what staff would see while the database is down.
    const answers: Array<{ status: number; code?: string }> = [];
    let calling = true;
    const caller = (async () => {
      while (calling) {
        answers.push(await callFunction());
        await sleep(50);
      }
    })();

    const killedAt = Date.now();
    process.kill(pidOf('postgres'), 'SIGKILL');
    // back = the supervisor has Postgres running again and the API answers through it (a
    // backend of the killed server may still answer for a few milliseconds right after the kill)
    const restarted = () => events.some((e) => e.service === 'postgres' && e.kind === 'recovered' && e.at >= killedAt);
    measured.postgresMs = await until('Postgres', async () => restarted(), killedAt);
    measured.restMs = await until('REST', async () => (await restStatus()) === 200, killedAt);
    measured.functionMs = await until('the function', async () => (await callFunction()).status === 403, killedAt);
    calling = false;
    await caller;
    const before = acknowledged.length;
    await until('a write after the restart', async () => acknowledged.length > before);
    writing = false;
    await writer;
    console.log(`postgres killed: running again after ${measured.postgresMs} ms, REST back after ${measured.restMs} ms, functions after ${measured.functionMs} ms`);

    const client = new pg.Client({ connectionString: cfg.dbUrl });
    await client.connect();
    const { rows } = await client.query<{ id: number }>('select id from public.heal_probe');
    await client.end();
    const stored = new Set(rows.map((r) => r.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(50);

    // staff are never told their session is over because the database was down
    expect(answers.filter((a) => a.status === 401)).toEqual([]);
    expect(answers.some((a) => a.status === 503 && a.code === 'service_unavailable')).toBe(true);
    // 503 while it is down, then the function's ordinary refusal (this login is not staff)
    expect(answers.filter((a) => a.status !== 503 && a.status !== 403)).toEqual([]);

    const pgEvents = events.filter((e) => e.service === 'postgres' && e.at >= killedAt).map((e) => e.kind);
    expect(pgEvents).toEqual(['crashed', 'restarting', 'recovered']);
  }, OVERALL_MS * 3);

  it.each(['fn:admin-users', 'auth', 'gateway', 'postgrest', 'storage'])('restarts %s after kill -9', async (service) => {
    const killedAt = Date.now();
    process.kill(pidOf(service), 'SIGKILL');
    measured[`${service}Ms`] = await until(service, async () => {
      if (stack.supervisor.state(service) !== 'up') return false;
      if (service === 'storage') {
        const res = await fetch(`${cfg.apiUrl}/storage/v1/bucket`, { headers: { apikey: cfg.serviceRoleKey } }).catch(() => null);
        return res?.status === 200;
      }
      return (await restStatus()) === 200 && (await callFunction()).status === 403;
    }, killedAt);
    expect(events.filter((e) => e.service === service && e.at >= killedAt).map((e) => e.kind)).toEqual(['crashed', 'restarting', 'recovered']);
  }, OVERALL_MS * 2);
});
