// merchant_update_profile (20261122010100): only an admin (in region) corrects a merchant's
// non-state columns, through the function, and every change writes an audit row with before
// and after; direct UPDATEs are refused to every role, admin included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, ROLES } from '../support/stack.ts';
import { CITY_A, CITY_B, auditRows, ensureRegions, expectFail, makeMerchant, makeScopedStaff } from './core-fixtures.ts';

let pgc: pg.Client;

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
});
afterAll(async () => {
  await pgc.end();
});

const update = (client: SupabaseClient, id: string, changes: unknown, reason?: string) =>
  client.rpc('merchant_update_profile', { p_id: id, p_changes: changes, ...(reason === undefined ? {} : { p_reason: reason }) });

async function row(id: string) {
  const { rows } = await pgc.query('select * from public.merchants where id = $1', [id]);
  return rows[0];
}

describe('merchant_update_profile', () => {
  it('an admin changes the profile; the audit row has before and after of the changed columns, phone masked', async () => {
    const id = await makeMerchant(pgc);
    const before = await row(id);
    const { data, error } = await update(
      await as('admin'),
      id,
      {
        name: '  北京测试改名车行  ',
        name_pinyin: 'beijingceshigaimingchehang',
        name_initials: 'bjcsgmch',
        address: '北京市朝阳区测试路 8 号',
        lat: 39.9219,
        lng: 116.4436,
        contact_name: '王经理',
        contact_phone: '13812345678',
        description: '',
      },
      '营业执照变更后更新资料',
    );
    expect(error, error?.message).toBeNull();
    expect(data).toMatchObject({ name: '北京测试改名车行', contact_phone: '13812345678', address: '北京市朝阳区测试路 8 号' });
    const after = await row(id);
    expect(after).toMatchObject({ name: '北京测试改名车行', name_initials: 'bjcsgmch', contact_name: '王经理', description: null });
    expect(Number(after.lat)).toBeCloseTo(39.9219, 6);
    // state and money columns are untouched
    expect(after).toMatchObject({ status: before.status, category_id: before.category_id, deposit_fen: before.deposit_fen });

    const audit = await auditRows(pgc, id, 'merchant.update_profile');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_email: 'admin@demo.test', entity: 'merchant', reason: '营业执照变更后更新资料', region_code: CITY_A });
    const b = audit[0].before as Record<string, unknown>;
    const a = audit[0].after as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(['address', 'contact_name', 'contact_phone', 'lat', 'lng', 'name', 'name_initials', 'name_pinyin']);
    expect(b.name).toBe(before.name);
    expect(a.name).toBe('北京测试改名车行');
    expect(a.contact_phone).toBe('138****5678');
    expect(String(b.contact_phone)).toContain('****');
  });

  it('writes nothing when nothing differs', async () => {
    const id = await makeMerchant(pgc);
    const { name } = await row(id);
    const { error } = await update(await as('admin'), id, { name });
    expect(error).toBeNull();
    expect(await auditRows(pgc, id, 'merchant.update_profile')).toHaveLength(0);
  });

  it('refuses every other role, and leaves the row and the audit log alone', async () => {
    const id = await makeMerchant(pgc);
    const before = await row(id);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expectFail((await update(await as(role), id, { name: `改名 ${role}` })).error, 'not_permitted');
    }
    expect((await row(id)).name).toBe(before.name);
    expect(await auditRows(pgc, id, 'merchant.update_profile')).toHaveLength(0);
  });

  it('refuses a direct UPDATE through the API to every role, admin included', async () => {
    const id = await makeMerchant(pgc);
    const before = await row(id);
    for (const role of ROLES) {
      const { error } = await (await as(role)).from('merchants').update({ address: '直接改的地址' }).eq('id', id);
      expect(error?.code, role).toBe('42501');
    }
    expect((await row(id)).address).toBe(before.address);
  });

  it('refuses an admin outside their regions', async () => {
    const id = await makeMerchant(pgc, { city: CITY_A });
    const scoped = await makeScopedStaff(pgc, 'admin', [CITY_B]);
    expectFail((await update(scoped.client, id, { address: '外区地址' })).error, 'out_of_region');
  });

  it('validates: name, mobile phone, columns that are not editable here, coordinates in pairs', async () => {
    const id = await makeMerchant(pgc);
    const admin = await as('admin');
    expectFail((await update(admin, id, {})).error, 'invalid_input');
    expectFail((await update(admin, id, [])).error, 'invalid_input');
    expectFail((await update(admin, id, { name: '   ' })).error, 'invalid_input');
    expectFail((await update(admin, id, { name: 'x'.repeat(81) })).error, 'invalid_input');
    expectFail((await update(admin, id, { contact_phone: '12345678901' })).error, 'invalid_input');
    expectFail((await update(admin, id, { contact_phone: '138****5678' })).error, 'invalid_input');
    expectFail((await update(admin, id, { status: 'suspended' })).error, 'invalid_input');
    expectFail((await update(admin, id, { commission_rate_override: 0.5 })).error, 'invalid_input');
    expectFail((await update(admin, id, { lat: 39.9, lng: null })).error, 'invalid_input');
    expectFail((await update(admin, id, { lat: 'north', lng: 116 })).error, 'invalid_input');
    expectFail((await update(admin, id, { lat: 95, lng: 116 })).error, 'invalid_input');
    expectFail((await update(admin, id, { address: 'x' }, 'r'.repeat(501))).error, 'invalid_input');
    expectFail((await update(admin, '00000000-0000-0000-0000-000000000000', { address: 'x' })).error, 'not_found');
    expect(await auditRows(pgc, id, 'merchant.update_profile')).toHaveLength(0);
  });
});
