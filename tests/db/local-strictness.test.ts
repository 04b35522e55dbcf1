// The local stack refuses postgres what a hosted project refuses it in the platform's schemas
// (scripts/local-stack/bootstrap*.sql: hosted's revokes, and a DDL guard because the local
// postgres is a superuser), and allows what hosted allows there. The same statements are
// checked against the hosted-compat cluster in tests/hosted/push.test.ts. Each runs in a
// transaction that is rolled back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { db } from '../support/stack.ts';
import { ALLOWED_DDL, REFUSED_DDL } from '../support/hosted-refusals.ts';

let pgc: pg.Client;
beforeAll(async () => {
  pgc = await db();
});
afterAll(async () => {
  await pgc.end();
});

async function refusal(sql: string): Promise<string | null> {
  await pgc.query('begin');
  try {
    await pgc.query(sql);
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).message;
  } finally {
    await pgc.query('rollback');
  }
}

describe('the local stack is as strict as hosted about auth and storage', () => {
  it('postgres is no member of the auth and storage admin roles', async () => {
    const { rows } = await pgc.query(`select pg_has_role('postgres', 'supabase_auth_admin', 'member') as auth,
      pg_has_role('postgres', 'supabase_storage_admin', 'member') as storage`);
    // as a superuser postgres has every role's privileges; what matters is that no grant says so
    const grants = await pgc.query(`select count(*)::int as n from pg_auth_members m
      where m.member = 'postgres'::regrole and m.roleid in ('supabase_auth_admin'::regrole, 'supabase_storage_admin'::regrole)`);
    expect(grants.rows[0].n).toBe(0);
    expect(rows).toHaveLength(1);
  });

  it.each(REFUSED_DDL)('refuses %s', async (_what, sql) => {
    expect(await refusal(sql)).toBe('42501');
  });

  it.each(ALLOWED_DDL)('allows %s', async (_what, sql) => {
    expect(await refusal(sql)).toBeNull();
  });
});
