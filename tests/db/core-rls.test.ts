// RLS matrix for the core domain, generated from one table: every staff role, anon and a
// region-scoped reviewer × select / insert / update / delete on every core table and view.
// Writes are refused everywhere (state changes go through RPCs) except where an admin edits
// reference data or non-state columns; region-scoped staff see only their regions' rows;
// PII is never readable from base tables and is masked in views for roles without PII rights.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, as, db, ROLES, type StaffRole } from '../support/stack.ts';
import { makeScopedStaff, uniq } from './core-fixtures.ts';

type Actor = StaffRole | 'anon' | 'regional';
const ACTORS: Actor[] = [...ROLES, 'anon', 'regional'];
const SCOPE = ['510100']; // 成都: the regional reviewer's scope
type Key = 'uuid' | 'int' | 'text';

interface Resource {
  name: string;
  key: string;
  keyType: Key;
  /** column holding the GB/T 2260 city code, for the region check */
  city?: string;
  view?: boolean;
  /** readable by anon (public views) */
  publicView?: boolean;
  /** a table anon reads the public rows of (what the public views show): SQL giving their keys as text */
  anonRows?: string;
  /** admin may insert / update (with this column) / delete directly */
  adminInsert?: boolean;
  adminUpdate?: string;
  adminDelete?: boolean;
}

const RESOURCES: Resource[] = [
  { name: 'regions', key: 'code', keyType: 'text', anonRows: `select code from public.regions where code in (select city_code from public.merchants where app.merchant_is_public(status, fee_paid_until))` },
  { name: 'members', key: 'id', keyType: 'uuid', city: 'city_code' },
  { name: 'member_actions', key: 'id', keyType: 'int' },
  { name: 'merchant_categories', key: 'id', keyType: 'int', adminInsert: true, adminUpdate: 'name', anonRows: `select category_id::text from public.merchants where app.merchant_is_public(status, fee_paid_until)` },
  // no direct update, not even admin: the profile goes through merchant_update_profile (audited)
  { name: 'merchants', key: 'id', keyType: 'uuid', city: 'city_code', anonRows: `select id::text from public.public_merchants` },
  { name: 'merchant_status_history', key: 'id', keyType: 'int' },
  { name: 'merchant_commission_changes', key: 'id', keyType: 'int' },
  { name: 'car_brands', key: 'id', keyType: 'int', adminInsert: true, adminUpdate: 'name', adminDelete: true, anonRows: `select id::text from public.car_brands where active` },
  { name: 'car_series', key: 'id', keyType: 'int', adminInsert: true, adminUpdate: 'name', adminDelete: true, anonRows: `select id::text from public.car_series where active` },
  { name: 'car_models', key: 'id', keyType: 'int', adminInsert: true, adminUpdate: 'name', adminDelete: true, anonRows: `select id::text from public.car_models where active` },
  { name: 'listings', key: 'id', keyType: 'uuid', city: 'city_code', adminUpdate: 'description', anonRows: `select id::text from public.public_listings` },
  { name: 'listing_history', key: 'id', keyType: 'int' },
  { name: 'shares', key: 'id', keyType: 'uuid' },
  { name: 'share_clicks', key: 'id', keyType: 'int' },
  { name: 'customer_bindings', key: 'id', keyType: 'uuid' },
  { name: 'reservations', key: 'id', keyType: 'uuid', city: 'city_code' },
  { name: 'reservation_history', key: 'id', keyType: 'int' },
  { name: 'trades', key: 'id', keyType: 'uuid', city: 'city_code' },
  { name: 'trade_history', key: 'id', keyType: 'int' },
  { name: 'core_settings', key: 'id', keyType: 'int', adminUpdate: 'binding_days' },
  { name: 'merchant_applications', key: 'id', keyType: 'uuid', city: 'city_code' },
  { name: 'merchant_application_documents', key: 'id', keyType: 'uuid' },
  { name: 'merchant_application_versions', key: 'application_id', keyType: 'uuid' },
  { name: 'merchant_application_history', key: 'id', keyType: 'int' },
  { name: 'promotions', key: 'id', keyType: 'uuid', city: 'region_code' },
  { name: 'complaints', key: 'id', keyType: 'uuid', city: 'city_code' },
  { name: 'complaint_messages', key: 'id', keyType: 'int' },
  { name: 'complaint_history', key: 'id', keyType: 'int' },
  { name: 'merchant_penalties', key: 'id', keyType: 'uuid' },
  { name: 'ranking_rules', key: 'id', keyType: 'int' },
  { name: 'ranking_runs', key: 'id', keyType: 'int' },
  { name: 'merchant_scores', key: 'merchant_id', keyType: 'uuid' },
  { name: 'merchant_score_history', key: 'id', keyType: 'int' },
  { name: 'v_members', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_merchants', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_merchant_applications', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_car_models', key: 'id', keyType: 'int', view: true },
  { name: 'v_car_series', key: 'id', keyType: 'int', view: true },
  { name: 'v_listings', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_reservations', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_trades', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_complaints', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_complaint_messages', key: 'id', keyType: 'int', view: true },
  { name: 'v_merchant_penalties', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_promotions', key: 'id', keyType: 'uuid', city: 'region_code', view: true },
  { name: 'v_shares', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_customer_bindings', key: 'id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'v_merchant_scores', key: 'merchant_id', keyType: 'uuid', city: 'city_code', view: true },
  { name: 'public_merchants', key: 'id', keyType: 'uuid', view: true, publicView: true },
  { name: 'public_listings', key: 'id', keyType: 'uuid', view: true, publicView: true },
];

const SENTINEL: Record<Key, string | number> = { uuid: '00000000-0000-0000-0000-000000000000', int: -1, text: '000000' };
const inScope = (code: string) => SCOPE.some((s) => code === s || code.slice(0, 2) + '0000' === s || code.slice(0, 4) + '00' === s);

let pgc: pg.Client;
const clients = {} as Record<Actor, SupabaseClient>;

beforeAll(async () => {
  pgc = await db();
  for (const role of ROLES) clients[role] = await as(role);
  clients.anon = await anonClient();
  clients.regional = (await makeScopedStaff(pgc, 'reviewer', SCOPE)).client;
});
afterAll(async () => {
  await pgc.end();
});

describe.each(RESOURCES)('$name', (r) => {
  it.each(ACTORS)('select as %s', async (actor) => {
    const { data, error } = await clients[actor].from(r.name).select(r.city ? `${r.key},${r.city}` : r.key).limit(200);
    if (actor === 'anon' && r.anonRows) {
      // the tables behind the public views: anon reads the public rows and nothing else
      expect(error, error?.message).toBeNull();
      const allowed = new Set((await pgc.query<{ k: string }>(`select k from (${r.anonRows}) x (k)`)).rows.map((x) => x.k));
      const keys = ((data ?? []) as unknown as Record<string, string | number>[]).map((row) => String(row[r.key]));
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((k) => !allowed.has(k)), 'rows the public views do not show').toEqual([]);
      return;
    }
    if (actor === 'anon' && !r.publicView) {
      expect(error, 'anon must not read').not.toBeNull();
      return;
    }
    expect(error, error?.message).toBeNull();
    const rows = (data ?? []) as unknown as Record<string, string>[];
    if (actor === 'regional' && r.city) {
      expect(rows.every((row) => row[r.city!] && inScope(row[r.city!])), 'rows outside the scope').toBe(true);
    }
  });

  it.each(ACTORS)('insert as %s', async (actor) => {
    const { error } = await clients[actor].from(r.name).insert({});
    if (actor === 'admin' && r.adminInsert) {
      // allowed through privileges and RLS: what stops this empty row is a NOT NULL constraint
      expect(error?.code).toBe('23502');
    } else {
      expect(error, 'insert must be refused').not.toBeNull();
      // 42501: no privilege or refused by a policy; 55000: a read-model view is not insertable at all
      expect(r.view ? ['42501', '55000'] : ['42501']).toContain(error!.code);
    }
  });

  it.each(ACTORS)('update as %s', async (actor) => {
    if (r.adminUpdate) {
      // set a column to its current value on a real row: admin updates one row, others none
      const { rows } = await pgc.query(`select ${r.key} as k, ${r.adminUpdate} as v from public.${r.name} order by 1 limit 1`);
      const { data, error } = await clients[actor]
        .from(r.name).update({ [r.adminUpdate]: rows[0].v }).eq(r.key, rows[0].k).select(r.key);
      if (actor === 'anon') {
        expect(error).not.toBeNull();
      } else if (actor === 'admin') {
        expect(error, error?.message).toBeNull();
        expect(data).toHaveLength(1);
      } else {
        expect(error === null ? (data ?? []).length : 0, 'no row may change').toBe(0);
      }
    } else {
      const { error } = await clients[actor].from(r.name).update({ [r.key]: SENTINEL[r.keyType] }).eq(r.key, SENTINEL[r.keyType]);
      expect(error, 'update must be refused').not.toBeNull();
    }
  });

  it.each(ACTORS)('delete as %s', async (actor) => {
    const { error } = await clients[actor].from(r.name).delete().eq(r.key, SENTINEL[r.keyType]);
    if (r.adminDelete && actor !== 'anon') {
      expect(error, error?.message).toBeNull(); // privilege exists; the policy decides (below)
    } else {
      expect(error, 'delete must be refused').not.toBeNull();
    }
  });
});

describe('admin-only catalogue writes', () => {
  it('only admin deletes a brand; other roles delete nothing', async () => {
    const name = `测试品牌${uniq()}`;
    const { rows } = await pgc.query(
      `insert into public.car_brands (name, name_pinyin, name_initials, first_letter) values ($1, 'ceshi', 'cs', 'C') returning id`,
      [name],
    );
    for (const actor of ['reviewer', 'customer_service', 'finance', 'analyst', 'regional'] as Actor[]) {
      const { data } = await clients[actor].from('car_brands').delete().eq('id', rows[0].id).select('id');
      expect(data ?? []).toHaveLength(0);
    }
    const { data } = await clients.admin.from('car_brands').delete().eq('id', rows[0].id).select('id');
    expect(data).toHaveLength(1);
  });
});

describe('region scope', () => {
  it('members of other cities who do business in the region stay visible (complaints keep their member)', async () => {
    const scoped = await clients.regional.from('complaints').select('id', { count: 'exact', head: true });
    const viewed = await clients.regional.from('v_complaints').select('id', { count: 'exact', head: true });
    expect(viewed.count).toBe(scoped.count);
  });

  it('the regional reviewer sees some rows of their city and fewer than an unscoped reviewer', async () => {
    for (const name of ['v_merchants', 'v_listings', 'v_reservations', 'v_trades', 'v_complaints', 'v_members']) {
      const scoped = await clients.regional.from(name).select('id', { count: 'exact', head: true });
      const all = await clients.reviewer.from(name).select('id', { count: 'exact', head: true });
      expect(scoped.error).toBeNull();
      expect(scoped.count, name).toBeGreaterThan(0);
      expect(scoped.count!, name).toBeLessThan(all.count!);
    }
  });

  it('the regional reviewer cannot act outside their region', async () => {
    const { rows } = await pgc.query(`select id from public.listings where city_code <> '510100' and review_state = 'pending' limit 1`);
    const { error } = await clients.regional.rpc('listing_approve', { p_id: rows[0].id });
    expect(error?.message).toBe('out_of_region');
  });
});

describe('PII', () => {
  it('no role reads phone or ID numbers from the base tables', async () => {
    for (const actor of ROLES) {
      for (const [table, col] of [['members', 'phone'], ['members', 'id_number'], ['merchants', 'contact_phone'],
        ['merchant_applications', 'contact_phone'], ['merchants', 'legal_person_id_number']]) {
        const { error } = await clients[actor].from(table).select(col).limit(1);
        expect(error?.code, `${actor} ${table}.${col}`).toBe('42501');
      }
    }
  });

  it.each(ROLES)('views mask PII for %s unless the role has PII rights', async (actor) => {
    // members: in full for admins; for customer service only members of their open complaints (need to know, tests/db/pii.test.ts)
    const full = actor === 'admin' || actor === 'customer_service';
    const { data: m } = await clients[actor].from('v_members').select('id,phone,id_number').not('id_number', 'is', null).limit(5);
    // merchants without a contact phone (test fixtures) have nothing to mask
    const { data: mc } = await clients[actor].from('v_merchants').select('contact_phone').not('contact_phone', 'is', null).limit(5);
    const inCase = actor === 'customer_service'
      ? new Set((await pgc.query(`select member_id from public.complaints where assignee_id = (select id from public.staff where email = 'service@demo.test')
          and state not in ('dismissed', 'resolved', 'closed', 'withdrawn')`)).rows.map((r) => r.member_id as string))
      : new Set<string>();
    for (const row of m ?? []) {
      const fullMember = actor === 'admin' || inCase.has(row.id);
      expect(/^\d{11}$/.test(row.phone), `phone ${row.phone}`).toBe(fullMember);
      expect(row.id_number.includes('*')).toBe(!fullMember);
    }
    for (const row of mc ?? []) expect(/\*/.test(row.contact_phone)).toBe(!full);
    expect((m ?? []).length).toBeGreaterThan(0);
    expect((mc ?? []).length).toBeGreaterThan(0);
  });

  it('public views carry no contact phone', async () => {
    const { error } = await clients.anon.from('public_merchants').select('contact_phone').limit(1);
    expect(error).not.toBeNull();
    const { data } = await clients.anon.from('public_merchants').select('id').limit(1);
    expect(data).toHaveLength(1);
  });
});
