// run-jobs: the schedule's entry point. Only the service key may call it; it moves what is
// due through the same SQL functions staff use (history and audit rows included).
import { describe, expect, it } from 'vitest';
import { as, db, stack } from '../support/stack.ts';
import { expectRefused, NOT_OBJECTS } from './bodies.ts';

async function post(token: string | null) {
  const cfg = await stack();
  return fetch(`${cfg.apiUrl}/functions/v1/run-jobs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: cfg.anonKey, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: '{}',
  });
}

describe('run-jobs edge function', () => {
  it('refuses staff and anonymous callers', async () => {
    const admin = await as('admin');
    const { data } = await admin.auth.getSession();
    expect((await post(data.session!.access_token)).status).toBe(403);
    expect((await post((await stack()).anonKey)).status).toBe(403);
    // no Authorization: the gateway maps the apikey (anon) into one, as Kong does
    expect((await post(null)).status).toBe(403);
  });

  it('expires a reservation the merchant never answered, with history and audit', async () => {
    const pg = await db();
    try {
      const { rows } = await pg.query(
        `select id from public.reservations where state = 'created' order by created_at limit 1`,
      );
      expect(rows.length).toBe(1);
      const id = rows[0].id as string;
      // the merchant's deadline passed an hour ago
      await pg.query('alter table public.reservations disable trigger user');
      await pg.query(`update public.reservations set confirm_deadline = now() - interval '1 hour' where id = $1`, [id]);
      await pg.query('alter table public.reservations enable trigger user');

      const res = await post((await stack()).serviceRoleKey);
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.jobs.map((j: { name: string }) => j.name)).toEqual([
        'reservation_run_timers', 'complaint_run_timers', 'merchant_sweep_fees', 'promotion_expire_due', 'release_due_commissions',
        'analytics_refresh_rollups',
      ]);
      expect(body.jobs.every((j: { error?: string }) => !j.error)).toBe(true);

      const after = await pg.query('select state from public.reservations where id = $1', [id]);
      expect(after.rows[0].state).toBe('auto_expired');
      const audit = await pg.query(`select count(*)::int as n from public.audit_log where entity_id = $1`, [id]);
      expect(audit.rows[0].n).toBeGreaterThan(0);
    } finally {
      await pg.end();
    }
  });
});

describe('run-jobs: bodies', () => {
  it('answers 400 invalid_input for a body other than {} or nothing', async () => {
    await expectRefused('run-jobs', 'service', [...NOT_OBJECTS, '{"p_limit":"all"}', '{"jobs":["settle"]}']);
  });
});
