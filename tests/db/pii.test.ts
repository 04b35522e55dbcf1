// PII on a need-to-know basis (issue 12, item 4). Customer service sees a member's full phone,
// ID number and real name only while the member is party to an open complaint assigned to them;
// otherwise masked, and one field is revealed with a reason (audited). Every export writes an
// audit row. The audit log follows the reader's region scope and masks PII inside before/after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db } from '../support/stack.ts';
import { CITY_A, CITY_B, ensureRegions, makeListing, makeMember, makeMerchant, makeReservation, makeScopedStaff, uniq } from './core-fixtures.ts';

const SERVICE_ID = '00000000-0000-4000-a000-000000000003';
const FULL_PHONE = /^1[3-9][0-9]{9}$/;

let pgc: pg.Client;
let cs: SupabaseClient;
let merchant: string;

const phoneOf = async (client: SupabaseClient, member: string) =>
  ((await client.from('v_members').select('phone').eq('id', member).single()).data as { phone: string } | null)?.phone;

/** An open complaint of `member` against the fixture merchant, optionally about a reservation. */
async function complaint(member: string, opts: { assignee?: string | null; state?: string; reservation?: string } = {}): Promise<string> {
  const { rows } = await pgc.query(
    `insert into public.complaints (member_id, merchant_id, reservation_id, category, title, content, city_code, state, assignee_id,
       assigned_at, first_response_due_at, resolution_due_at, outcome)
     values ($1, $2, $3, 'other', '需知测试', '内容', $4, $5::public.complaint_state, $6, case when $6::uuid is not null then now() end,
       now() + interval '1 day', now() + interval '7 days', case when $5 in ('resolved', 'closed') then 'upheld'::public.complaint_outcome end)
     returning id`,
    [member, merchant, opts.reservation ?? null, CITY_A, opts.state ?? 'mediating', opts.assignee === undefined ? SERVICE_ID : opts.assignee],
  );
  return rows[0].id;
}

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
  cs = await as('customer_service');
  merchant = await makeMerchant(pgc, { city: CITY_A });
});

afterAll(async () => {
  await pgc.end();
});

describe('customer service sees a member\'s phone only in a case they handle', () => {
  it('outside a case: masked in the member list, the complaint queue and the reservations', async () => {
    const member = await makeMember(pgc);
    const other = await complaint(member, { assignee: null }); // in the queue, not theirs
    expect(await phoneOf(cs, member)).toMatch(/^1[3-9][0-9]\*{4}[0-9]{4}$/);
    const q = await cs.from('v_complaints').select('member_phone').eq('id', other).single();
    expect(q.data!.member_phone).toContain('*');
    const { data: full } = await cs.from('v_members').select('phone, id_number, real_name').limit(200);
    // no member of the demo data is in an open case of theirs unless assigned; none shows in full here
    // unless it is: every full phone belongs to a member of one of their open complaints
    const shown = (full ?? []).filter((r) => FULL_PHONE.test(r.phone ?? ''));
    if (shown.length) {
      const { rows } = await pgc.query(`select count(*)::int as n from public.complaints where assignee_id = $1 and state not in
        ('dismissed', 'resolved', 'closed', 'withdrawn')`, [SERVICE_ID]);
      expect(rows[0].n).toBeGreaterThan(0);
    }
  });

  it('inside an open complaint assigned to them: in full (in every list); masked again once it is resolved', async () => {
    const member = await makeMember(pgc);
    const distributor = await makeMember(pgc, { rights: true });
    const listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
    const reservation = await makeReservation(pgc, member, listing, { distributor });
    const id = await complaint(member, { reservation });
    const phone = (await pgc.query('select phone from public.members where id = $1', [member])).rows[0].phone;
    expect(await phoneOf(cs, member)).toBe(phone);
    // the distributor who brought the reservation is not a party of the complaint
    expect(await phoneOf(cs, distributor)).toContain('*');
    expect((await cs.from('v_complaints').select('member_phone').eq('id', id).single()).data!.member_phone).toBe(phone);
    expect((await cs.from('v_reservations').select('member_phone').eq('id', reservation).single()).data!.member_phone).toBe(phone);
    // another customer-service login does not see it: the case is not theirs
    const colleague = await makeScopedStaff(pgc, 'customer_service', []);
    expect(await phoneOf(colleague.client, member)).toContain('*');
    // an analyst never does
    expect(await phoneOf(await as('analyst'), member)).toContain('*');
    await pgc.query(`update public.complaints set state = 'resolved', outcome = 'upheld', resolved_at = now() where id = $1`, [id]);
    expect(await phoneOf(cs, member)).toContain('*');
    // admins see every phone
    expect(await phoneOf(await as('admin'), member)).toBe(phone);
  });

  it('reveals one field with a reason, audited; refuses without a reason, for an analyst, and outside the region', async () => {
    const member = await makeMember(pgc);
    const phone = (await pgc.query('select phone from public.members where id = $1', [member])).rows[0].phone;
    const reason = `回访核实 ${uniq()}`;
    const { data, error } = await cs.rpc('member_reveal_pii', { p_id: member, p_field: 'phone', p_reason: reason });
    expect(error).toBeNull();
    expect(data).toBe(phone);
    const audit = await pgc.query(`select actor_email, after, reason, region_code from public.audit_log
      where action = 'member.reveal_pii' and entity_id = $1`, [member]);
    expect(audit.rows).toEqual([{ actor_email: 'service@demo.test', after: { field: 'phone' }, reason, region_code: CITY_A }]);
    expect((await cs.rpc('member_reveal_pii', { p_id: member, p_field: 'phone', p_reason: '' })).error?.message).toBe('reason_required');
    expect((await cs.rpc('member_reveal_pii', { p_id: member, p_field: 'password', p_reason: '核实' })).error?.message).toBe('invalid_input');
    expect((await (await as('analyst')).rpc('member_reveal_pii', { p_id: member, p_field: 'phone', p_reason: '核实' })).error?.message)
      .toBe('not_permitted');
    const scoped = await makeScopedStaff(pgc, 'customer_service', [CITY_B]);
    expect((await scoped.client.rpc('member_reveal_pii', { p_id: member, p_field: 'phone', p_reason: '核实' })).error?.message)
      .toBe('out_of_region');
    // the phone is still masked in the list afterwards: a reveal shows one value once
    expect(await phoneOf(cs, member)).toContain('*');
  });

  it('needs the second factor when customer service is among the MFA roles', async () => {
    const member = await makeMember(pgc);
    await pgc.query(`update public.core_settings set mfa_required_roles = '{customer_service}'`);
    try {
      expect((await cs.rpc('member_reveal_pii', { p_id: member, p_field: 'phone', p_reason: '核实' })).error?.message).toBe('mfa_required');
    } finally {
      await pgc.query(`update public.core_settings set mfa_required_roles = '{}'`);
    }
  });
});

describe('exports are audited', () => {
  it('any staff member records an export: who, which list, the filter, the row count and the format', async () => {
    const analyst = await as('analyst');
    const filter = { status: 'active', city_code: CITY_A };
    const { data, error } = await analyst.rpc('export_record', { p_resource: 'members', p_filter: filter, p_rows: 1234, p_format: 'csv' });
    expect(error).toBeNull();
    const { rows } = await pgc.query('select actor_email, action, entity, after from public.audit_log where id = $1', [data]);
    expect(rows[0]).toEqual({ actor_email: 'analyst@demo.test', action: 'export.members', entity: 'members',
      after: { filter, rows: 1234, format: 'csv' } });
    for (const bad of [{ p_resource: 'Members; drop' }, { p_resource: 'members', p_rows: -1 }, { p_resource: 'members', p_filter: [1] },
      { p_resource: 'members', p_format: 'x'.repeat(20) }]) {
      const base = { p_resource: 'members', p_filter: null, p_rows: 1, p_format: 'csv' };
      const res = await analyst.rpc('export_record', { ...base, ...bad });
      expect(res.error?.message, JSON.stringify(bad)).toBe('invalid_input');
    }
  });
});

describe('the audit log follows the reader\'s region and masks PII', () => {
  const pii = {
    phone: '13912345678', payee_name: '张三丰', contact_phone: '13800001111', legal_person_id_number: '110101199001011234',
    nested: { holder_name: '李四光', account_no: '6222000011112222', real_name: '王五', id_number: '110101199001015678' },
    list: [{ phone: '13700002222' }], status: 'active',
  };
  let marker: string;

  beforeAll(async () => {
    marker = `pii-test-${uniq()}`;
    for (const region of [CITY_A, CITY_B, null]) {
      await pgc.query(`insert into public.audit_log (actor_email, action, entity, entity_id, before, after, region_code)
        values ('fixture@demo.test', 'member.update', 'member', $1, $2, $2, $3)`, [marker, pii, region]);
    }
  });

  it('a scoped analyst reads only their region\'s rows, masked; the raw before/after are not readable', async () => {
    const scoped = await makeScopedStaff(pgc, 'analyst', [CITY_A]);
    const { data, error } = await scoped.client.from('v_audit_log').select('region_code, before, after').eq('entity_id', marker);
    expect(error).toBeNull();
    expect(data!.map((r) => r.region_code)).toEqual([CITY_A]);
    const after = data![0].after;
    expect(after).toEqual({
      phone: '139****5678', payee_name: '张**', contact_phone: '138****1111', legal_person_id_number: '1101**********1234',
      nested: { holder_name: '李**', account_no: '**** 2222', real_name: '王*', id_number: '1101**********5678' },
      list: [{ phone: '137****2222' }], status: 'active',
    });
    expect(data![0].before).toEqual(after);
    // the table itself: the row rule is the same, before/after withheld
    expect((await scoped.client.from('audit_log').select('before').limit(1)).error?.code).toBe('42501');
    const raw = await scoped.client.from('audit_log').select('id, region_code').eq('entity_id', marker);
    expect(raw.data!.map((r) => r.region_code)).toEqual([CITY_A]);
    // the whole list: nothing outside the scope, no row without a region (their own would be)
    const all = await scoped.client.from('v_audit_log').select('region_code, actor_id').limit(1000);
    expect(all.data!.every((r) => r.region_code === CITY_A || r.actor_id === scoped.id)).toBe(true);
  });

  it('an unscoped analyst reads every row, masked; an admin reads them in full; finance sees payee details of its own rows', async () => {
    const analyst = await (await as('analyst')).from('v_audit_log').select('region_code, after').eq('entity_id', marker);
    expect(analyst.data!.map((r) => r.region_code).sort()).toEqual([CITY_A, CITY_B, null].sort());
    expect(analyst.data!.every((r) => r.after.phone === '139****5678' && r.after.nested.account_no === '**** 2222')).toBe(true);
    const admin = await (await as('admin')).from('v_audit_log').select('after').eq('entity_id', marker);
    expect(admin.data!).toHaveLength(3);
    expect(admin.data![0].after).toEqual(pii);
    // finance reads its own rows only; payee and bank details in full, people's phones masked
    const finance = await as('finance');
    const own = `pii-own-${uniq()}`;
    await pgc.query(`insert into public.audit_log (actor_id, actor_email, action, entity, entity_id, after)
      values ('00000000-0000-4000-a000-000000000004', 'finance@demo.test', 'bank_account.add', 'bank_account', $1, $2)`, [own, pii]);
    expect((await finance.from('v_audit_log').select('id').eq('entity_id', marker)).data).toEqual([]);
    const mine = (await finance.from('v_audit_log').select('after').eq('entity_id', own).single()).data!.after;
    expect(mine.payee_name).toBe('张三丰');
    expect(mine.nested.account_no).toBe('6222000011112222');
    expect(mine.phone).toBe('139****5678');
  });
});
