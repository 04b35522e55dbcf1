// Business rule parameters and category rates change only with a reason, by an admin, one
// audit row per change; a bad key, type or range changes nothing and answers invalid_input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db } from '../support/stack.ts';
import { category, code, installFixtures } from './money-fixtures.ts';

let c: pg.Client;
let admin: SupabaseClient;
let finance: SupabaseClient;
let cat: number;
let before: { binding_days: number; promotion_slots_per_model: number };

beforeAll(async () => {
  c = await db();
  await installFixtures(c);
  admin = await as('admin');
  finance = await as('finance');
  cat = await category(c, 0.05, 0.02);
  before = (await c.query('select binding_days, promotion_slots_per_model from public.core_settings')).rows[0];
});
afterAll(async () => {
  await c.query('update public.core_settings set binding_days = $1, promotion_slots_per_model = $2', [before.binding_days, before.promotion_slots_per_model]);
  await c.end();
});

const lastAudit = async (entity: string) =>
  (await c.query('select action, entity_id, before, after, reason from public.audit_log where entity = $1 order by id desc limit 1', [entity])).rows[0];

describe('core_settings_update', () => {
  it('changes the listed settings with a reason and records what changed', async () => {
    const next = before.binding_days === 45 ? 46 : 45;
    const { data, error } = await admin.rpc('core_settings_update', { p_changes: { binding_days: next }, p_reason: '推广政策调整' });
    expect(error).toBeNull();
    expect(data.binding_days).toBe(next);
    expect(await lastAudit('core_settings')).toEqual({
      action: 'core_settings.update', entity_id: '1', before: { binding_days: before.binding_days }, after: { binding_days: next }, reason: '推广政策调整',
    });
  });

  it('refuses without a reason, for other roles, and for unknown keys, wrong types and values out of range, changing nothing', async () => {
    const now = (await c.query('select binding_days, promotion_slots_per_model from public.core_settings')).rows[0];
    expect(code(await admin.rpc('core_settings_update', { p_changes: { binding_days: 10 }, p_reason: '' }))).toBe('reason_required');
    expect(code(await finance.rpc('core_settings_update', { p_changes: { binding_days: 10 }, p_reason: '调整' }))).toBe('not_permitted');
    expect(code(await admin.rpc('core_settings_update', { p_changes: { mfa_required_roles: '{}' }, p_reason: '调整' }))).toBe('invalid_input');
    expect(code(await admin.rpc('core_settings_update', { p_changes: { binding_days: '三十' }, p_reason: '调整' }))).toBe('invalid_input');
    expect(code(await admin.rpc('core_settings_update', { p_changes: { binding_days: 10, promotion_slots_per_model: 5 }, p_reason: '调整' }))).toBe('invalid_input');
    expect(code(await admin.rpc('core_settings_update', { p_changes: {}, p_reason: '调整' }))).toBe('invalid_input');
    expect((await c.query('select binding_days, promotion_slots_per_model from public.core_settings')).rows[0]).toEqual(now);
  });
});

describe('merchant_category_update', () => {
  it('changes rates and the deposit with a reason; refuses rates outside [0, 1) and deposits above the ceiling', async () => {
    const { data, error } = await admin.rpc('merchant_category_update', { p_id: cat, p_changes: { commission_rate: 0.045, deposit_required_fen: 500_000 }, p_reason: '年度费率调整' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ commission_rate: 0.045, deposit_required_fen: 500_000 });
    expect(await lastAudit('merchant_category')).toEqual({
      action: 'merchant_category.update', entity_id: String(cat),
      before: { commission_rate: 0.05, deposit_required_fen: 0 }, after: { commission_rate: 0.045, deposit_required_fen: 500_000 }, reason: '年度费率调整',
    });
    expect(code(await admin.rpc('merchant_category_update', { p_id: cat, p_changes: { distributor_rate: 1.5 }, p_reason: '调整' }))).toBe('invalid_input');
    expect(code(await admin.rpc('merchant_category_update', { p_id: cat, p_changes: { deposit_required_fen: 1e12 }, p_reason: '调整' }))).toBe('amount_too_large');
    expect(code(await admin.rpc('merchant_category_update', { p_id: cat, p_changes: { code: 'x' }, p_reason: '调整' }))).toBe('invalid_input');
    expect(code(await finance.rpc('merchant_category_update', { p_id: cat, p_changes: { commission_rate: 0.01 }, p_reason: '调整' }))).toBe('not_permitted');
    expect(code(await admin.rpc('merchant_category_update', { p_id: -1, p_changes: { commission_rate: 0.01 }, p_reason: '调整' }))).toBe('not_found');
    const row = (await c.query('select commission_rate::float8 as r, distributor_rate::float8 as d from public.merchant_categories where id = $1', [cat])).rows[0];
    expect(row).toEqual({ r: 0.045, d: 0.02 });
  });
});
