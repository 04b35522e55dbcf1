// Staff rows, role helpers and the audit log, through PostgREST as each demo role.
import { afterAll, describe, expect, it } from 'vitest';
import { anonClient, as, db, ROLES } from '../support/stack.ts';

describe('staff table RLS', () => {
  it('admin reads every staff row; others read only their own', async () => {
    for (const role of ROLES) {
      const { data, error } = await (await as(role)).from('staff').select('email, role');
      expect(error).toBeNull();
      if (role === 'admin') expect(data!.length).toBeGreaterThanOrEqual(5);
      else expect(data).toEqual([{ email: expect.stringContaining('@demo.test'), role }]);
    }
  });

  it('anon reads nothing and cannot call staff RPCs', async () => {
    const anon = await anonClient();
    const { data, error } = await anon.from('staff').select('*');
    expect(error?.code === '42501' || (data ?? []).length === 0).toBe(true);
    const rpc = await anon.rpc('my_staff');
    expect(rpc.error).not.toBeNull();
  });

  it('nobody writes staff directly, even an admin', async () => {
    const admin = await as('admin');
    const { error } = await admin.from('staff').update({ role: 'analyst' }).eq('email', 'reviewer@demo.test');
    expect(error?.code).toBe('42501');
    const ins = await admin.from('staff').insert({ id: crypto.randomUUID(), email: 'x@y.z', display_name: 'x', role: 'admin' });
    expect(ins.error?.code).toBe('42501');
  });

  it('only admins change roles, and the change is audited with before and after', async () => {
    const reviewer = await as('reviewer');
    const { data: me } = await reviewer.rpc('my_staff');
    const refused = await reviewer.rpc('staff_update', { p_id: me.id, p_role: 'admin' });
    expect(refused.error?.message).toBe('not_permitted');

    const admin = await as('admin');
    const ok = await admin.rpc('staff_update', { p_id: me.id, p_region_codes: ['510000'], p_reason: '区域调整' });
    expect(ok.error).toBeNull();
    expect(ok.data.region_codes).toEqual(['510000']);
    const back = await admin.rpc('staff_update', { p_id: me.id, p_region_codes: [], p_reason: '恢复' });
    expect(back.error).toBeNull();

    const pg = await db();
    const { rows } = await pg.query(
      "select action, before->'region_codes' as b, after->'region_codes' as a from audit_log where entity_id = $1 and reason = '区域调整'",
      [me.id],
    );
    await pg.end();
    expect(rows.at(-1)).toEqual({ action: 'staff.permission_change', b: [], a: ['510000'] });
  });

  it('an admin cannot demote or deactivate themself', async () => {
    const admin = await as('admin');
    const { data: me } = await admin.rpc('my_staff');
    expect((await admin.rpc('staff_update', { p_id: me.id, p_role: 'analyst' })).error?.message).toBe('cannot_change_self');
    expect((await admin.rpc('staff_set_active', { p_id: me.id, p_active: false, p_reason: 'x' })).error?.message).toBe('cannot_change_self');
  });
});

describe('audit log', () => {
  const pg = db();
  afterAll(async () => (await pg).end());

  it('is append-only for every role, including the superuser', async () => {
    const admin = await as('admin');
    const upd = await admin.from('audit_log').update({ action: 'tampered' }).gt('id', 0);
    expect(upd.error).not.toBeNull();
    const del = await admin.from('audit_log').delete().gt('id', 0);
    expect(del.error).not.toBeNull();
    const ins = await admin.from('audit_log').insert({ action: 'forged', entity: 'x' });
    expect(ins.error).not.toBeNull();
    await expect((await pg).query("update audit_log set action = 'x' where id = (select min(id) from audit_log)"))
      .rejects.toThrow(/audit_append_only/);
    await expect((await pg).query('delete from audit_log')).rejects.toThrow(/audit_append_only/);
  });

  it('admin and analyst read all rows; other roles only their own', async () => {
    for (const role of ROLES) {
      const client = await as(role);
      const { data: me } = await client.rpc('my_staff');
      const { data, error } = await client.from('audit_log').select('actor_id').limit(200);
      expect(error).toBeNull();
      if (role === 'admin' || role === 'analyst') continue;
      expect(data!.every((r) => r.actor_id === me.id)).toBe(true);
    }
  });
});

describe('access helpers', () => {
  it('in_region honours province and city scopes', async () => {
    const pg = await db();
    try {
      await pg.query('begin');
      await pg.query("update staff set region_codes = '{510000}' where email = 'service@demo.test'");
      const id = (await pg.query("select id from staff where email = 'service@demo.test'")).rows[0].id;
      await pg.query('set local role authenticated');
      await pg.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: id, role: 'authenticated' })]);
      const { rows } = await pg.query(
        "select app.in_region('510100') as chengdu, app.in_region('330100') as hangzhou, app.has_role('customer_service') as cs, app.can_see_pii('bank') as bank, app.mask('13812345678') as masked",
      );
      expect(rows[0]).toEqual({ chengdu: true, hangzhou: false, cs: true, bank: false, masked: '138****5678' });
    } finally {
      await pg.query('rollback');
      await pg.end();
    }
  });
});
