// The rank-merchants edge function through the gateway: an admin runs the ranking from the
// panel, the schedule runs it with the service key, everyone else is refused.
import { describe, expect, it } from 'vitest';
import { anonClient, as, db, serviceClient, stack } from '../support/stack.ts';
import { expectRefused, NOT_OBJECTS } from './bodies.ts';

async function invokeAs(role: 'admin' | 'reviewer' | 'analyst') {
  const client = await as(role);
  const { data, error } = await client.functions.invoke('rank-merchants', { body: {} });
  const context = (error as { context?: Response } | null)?.context;
  return { data, status: context?.status, errBody: context ? await context.json() : undefined };
}

describe('rank-merchants edge function', () => {
  it('runs the ranking for an admin and answers with the summary; the run is audited under the admin', async () => {
    const { data, status } = await invokeAs('admin');
    expect(status).toBeUndefined();
    expect(data).toMatchObject({ status: 'succeeded', trigger: 'manual' });
    expect(data.merchant_count).toBeGreaterThan(0);
    const pg = await db();
    const run = await pg.query('select status, trigger, triggered_by from public.ranking_runs where id = $1', [data.run_id]);
    const audit = await pg.query("select actor_email from public.audit_log where action = 'ranking.run' and entity_id = $1", [
      String(data.run_id),
    ]);
    await pg.end();
    expect(run.rows[0]).toMatchObject({ status: 'succeeded', trigger: 'manual', triggered_by: '00000000-0000-4000-a000-000000000001' });
    expect(audit.rows).toEqual([{ actor_email: 'admin@demo.test' }]);
  });

  it('refuses a reviewer and an analyst with 403', async () => {
    for (const role of ['reviewer', 'analyst'] as const) {
      const { status, errBody } = await invokeAs(role);
      expect(status).toBe(403);
      expect(errBody.error.code).toBe('not_permitted');
    }
  });

  it('refuses anonymous callers', async () => {
    const anon = await anonClient();
    const { error } = await anon.functions.invoke('rank-merchants', { body: {} });
    expect((error as { context: Response }).context.status).toBe(401);
  });

  it('runs on schedule with the service key', async () => {
    const service = await serviceClient();
    const { data, error } = await service.functions.invoke('rank-merchants', { body: {} });
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
  });

  it('accepts a bare service key header as a cron job sends it', async () => {
    const cfg = await stack();
    const res = await fetch(`${cfg.apiUrl}/functions/v1/rank-merchants`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${cfg.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
  });
});

describe('rank-merchants: bodies', () => {
  it('answers 400 invalid_input for a body other than {} or nothing, before any run', async () => {
    const pg = await db();
    const before = (await pg.query('select count(*)::int as n from public.ranking_runs')).rows[0].n;
    await expectRefused('rank-merchants', 'admin', [...NOT_OBJECTS, '{"trigger":"manual"}', '{"p_trigger":5}']);
    await expectRefused('rank-merchants', 'service', [...NOT_OBJECTS, '{"trigger":"schedule"}']);
    expect((await pg.query('select count(*)::int as n from public.ranking_runs')).rows[0].n).toBe(before);
    await pg.end();
  });
});
