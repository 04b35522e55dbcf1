// The seed's bulk-load shortcuts (supabase/seed/00_bulk_load.sql) must not let bad data in:
// with per-row foreign-key checks off, seed_check_foreign_keys finds a broken reference and
// fails; dropped indexes come back exactly; kept triggers return to normal. Each case runs in
// a transaction that is rolled back, so the shared database is untouched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { db } from '../support/stack.ts';

const HELPERS = readFileSync(path.join(import.meta.dirname, '../../supabase/seed/00_bulk_load.sql'), 'utf8');
let pgc: pg.Client;

beforeAll(async () => {
  pgc = await db();
  await pgc.query(HELPERS);
});
afterAll(async () => {
  await pgc.end();
});

async function inRollback<T>(fn: () => Promise<T>): Promise<T> {
  await pgc.query('begin');
  try {
    return await fn();
  } finally {
    await pgc.query('rollback');
  }
}

describe('seed bulk-load helpers', () => {
  it('seed_check_foreign_keys fails on a reference the unchecked insert let through', async () => {
    const err = await inRollback(async () => {
      await pgc.query(`select pg_temp.seed_unchecked(true)`);
      await pgc.query(`insert into public.reservation_history (reservation_id, to_state, at)
                       values ('00000000-0000-4000-8000-00000000dead', 'created', now())`);
      await pgc.query(`select pg_temp.seed_unchecked(false)`);
      return pgc.query(`select pg_temp.seed_check_foreign_keys('public.reservation_history')`).then(
        () => null,
        (e: Error) => e,
      );
    });
    expect(err?.message).toMatch(/1 rows of reservation_history break foreign key reservation_history_reservation_id_fkey/);
  });

  it('seed_check_foreign_keys passes on the seeded data', async () => {
    await inRollback(() =>
      pgc.query(`select pg_temp.seed_check_foreign_keys('public.reservations', 'public.trades', 'public.ledger_entries')`),
    );
  });

  it('unchecked mode skips ordinary triggers but fires the kept ones, and puts them back', async () => {
    const modes = await inRollback(async () => {
      await pgc.query(`select pg_temp.seed_unchecked(true, 'public.trades.trades_money_insert')`);
      const during = await pgc.query(`select current_setting('session_replication_role') as role,
        (select tgenabled from pg_trigger where tgname = 'trades_money_insert') as kept`);
      await pgc.query(`select pg_temp.seed_unchecked(false, 'public.trades.trades_money_insert')`);
      const after = await pgc.query(`select current_setting('session_replication_role') as role,
        (select tgenabled from pg_trigger where tgname = 'trades_money_insert') as kept`);
      return [during.rows[0], after.rows[0]];
    });
    expect(modes).toEqual([
      { role: 'replica', kept: 'A' },
      { role: 'origin', kept: 'O' },
    ]);
  });

  it('restores exactly the secondary indexes it dropped, constraint and unique indexes untouched', async () => {
    const defs = `select string_agg(pg_get_indexdef(indexrelid), E'\\n' order by pg_get_indexdef(indexrelid)) as d
                  from pg_index where indrelid = 'public.members'::regclass`;
    const r = await inRollback(async () => {
      const before = (await pgc.query(defs)).rows[0].d as string;
      await pgc.query(`select pg_temp.seed_drop_indexes('public.members')`);
      const dropped = (await pgc.query(defs)).rows[0].d as string;
      await pgc.query(`select pg_temp.seed_restore_indexes('public.members')`);
      const after = (await pgc.query(defs)).rows[0].d as string;
      return { before, dropped, after };
    });
    expect(r.after).toBe(r.before);
    expect(r.dropped).toContain('members_pkey');
    expect(r.dropped).toContain('members_phone_key');
    expect(r.dropped).not.toContain('members_search_trgm');
    expect(r.dropped).not.toContain('members_path_gist');
  });
});
