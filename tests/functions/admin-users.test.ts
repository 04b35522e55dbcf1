// The admin-users edge function through the gateway: admins create, reset and deactivate
// staff logins; everyone else is refused; every act leaves an audit row under the admin.
import { describe, expect, it } from 'vitest';
import { as, db, signIn, anonClient } from '../support/stack.ts';
import { expectRefused, NOT_OBJECTS } from './bodies.ts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function invoke(role: 'admin' | 'reviewer', body: Record<string, unknown>) {
  const client = await as(role);
  const { data, error } = await client.functions.invoke('admin-users', { body });
  const status = (error as { context?: Response } | null)?.context?.status;
  const errBody = error ? await (error as { context: Response }).context.json() : undefined;
  return { data, status, errBody };
}

describe('admin-users edge function', () => {
  it('lets an admin create a staff login that can sign in, with an audit row', async () => {
    const email = `rev-${unique()}@test.local`;
    const { data, status } = await invoke('admin', {
      action: 'create', email, password: 'Passw0rd!x', display_name: '测试审核员', role: 'reviewer', region_codes: ['510100'],
    });
    expect(status).toBeUndefined();
    expect(data.staff).toMatchObject({ email, role: 'reviewer', region_codes: ['510100'], active: true });

    const member = await signIn(email, 'Passw0rd!x');
    const { data: me } = await member.rpc('my_staff');
    expect(me.role).toBe('reviewer');

    const pg = await db();
    const audit = await pg.query("select actor_email, action from audit_log where entity = 'staff' and entity_id = $1", [data.staff.id]);
    await pg.end();
    expect(audit.rows).toEqual([{ actor_email: 'admin@demo.test', action: 'staff.create' }]);
  });

  it('refuses a reviewer with 403 and creates nothing', async () => {
    const email = `nope-${unique()}@test.local`;
    const { status, errBody } = await invoke('reviewer', {
      action: 'create', email, password: 'Passw0rd!x', display_name: 'x', role: 'admin',
    });
    expect(status).toBe(403);
    expect(errBody.error.code).toBe('not_permitted');
    const pg = await db();
    const { rowCount } = await pg.query('select 1 from auth.users where email = $1', [email]);
    await pg.end();
    expect(rowCount).toBe(0);
  });

  it('refuses anonymous callers', async () => {
    const anon = await anonClient();
    const { error } = await anon.functions.invoke('admin-users', { body: { action: 'create' } });
    expect((error as { context: Response }).context.status).toBe(401);
  });

  it('rejects a duplicate email and bad input without side effects', async () => {
    const dup = await invoke('admin', { action: 'create', email: 'reviewer@demo.test', password: 'Passw0rd!x', display_name: 'x', role: 'reviewer' });
    expect(dup.status).toBe(409);
    expect(dup.errBody.error.code).toBe('email_exists');
    const bad = await invoke('admin', { action: 'create', email: 'not-an-email', password: 'Passw0rd!x', display_name: 'x', role: 'reviewer' });
    expect(bad.errBody.error.code).toBe('invalid_input');
  });

  it('resets a password and deactivates a login, which then cannot sign in', async () => {
    const email = `fin-${unique()}@test.local`;
    const created = await invoke('admin', { action: 'create', email, password: 'Passw0rd!x', display_name: '临时财务', role: 'finance' });
    const id = created.data.staff.id;

    const reset = await invoke('admin', { action: 'reset_password', user_id: id, password: 'NewPassw0rd!' });
    expect(reset.data).toEqual({ ok: true });
    await expect(signIn(email, 'Passw0rd!x')).rejects.toThrow();
    await signIn(email, 'NewPassw0rd!');

    const noReason = await invoke('admin', { action: 'set_active', user_id: id, active: false });
    expect(noReason.errBody.error.code).toBe('reason_required');

    const off = await invoke('admin', { action: 'set_active', user_id: id, active: false, reason: '离职' });
    expect(off.data.staff.active).toBe(false);
    await expect(signIn(email, 'NewPassw0rd!')).rejects.toThrow(/banned/i);

    const pg = await db();
    const audit = await pg.query("select action, reason from audit_log where entity_id = $1 order by id", [id]);
    await pg.end();
    expect(audit.rows.map((r) => r.action)).toEqual(['staff.create', 'staff.password_reset', 'staff.deactivate']);
    expect(audit.rows[2].reason).toBe('离职');
  });
});

describe('admin-users: bodies', () => {
  it('answers 400 invalid_input for a body that is not a JSON object, or has a field of the wrong type', async () => {
    await expectRefused('admin-users', 'admin', [
      ...NOT_OBJECTS,
      '{}', '{"action":5}', '{"action":"drop"}', '{"action":null}',
      '{"action":"create","email":5,"password":"Passw0rd!x","display_name":"x","role":"reviewer"}',
      '{"action":"create","email":"a@b.cn","password":["Passw0rd!x"],"display_name":"x","role":"reviewer"}',
      '{"action":"create","email":"a@b.cn","password":"Passw0rd!x","display_name":{},"role":"reviewer"}',
      '{"action":"create","email":"a@b.cn","password":"Passw0rd!x","display_name":"x","role":"root"}',
      '{"action":"create","email":"a@b.cn","password":"Passw0rd!x","display_name":"x","role":"reviewer","region_codes":"510100"}',
      '{"action":"create","email":"a@b.cn","password":"Passw0rd!x","display_name":"x","role":"reviewer","region_codes":[510100]}',
      '{"action":"create","email":"a@b.cn","password":"Passw0rd!x","display_name":"x","role":"reviewer","is_admin":true}',
      '{"action":"reset_password","user_id":42,"password":"Passw0rd!x"}',
      '{"action":"reset_password","user_id":"not-a-uuid","password":"Passw0rd!x"}',
      '{"action":"set_active","user_id":"00000000-0000-4000-a000-000000000005","active":"false","reason":"x"}',
      '{"action":"set_active","user_id":"00000000-0000-4000-a000-000000000005","reason":"x"}',
      '{"action":"set_active","user_id":"00000000-0000-4000-a000-000000000005","active":false,"reason":7}',
    ]);
  });
});
