import { describe, expect, it } from 'vitest';
import { HttpError } from 'react-admin';
import { createAuthProvider } from '../../src/providers/authProvider';
import { ADMIN_ROW, fakeSupabase } from './fakeSupabase';

const make = (opts: Parameters<typeof fakeSupabase>[0]) => {
  const client = fakeSupabase(opts);
  return { client, auth: createAuthProvider(client as never) };
};

describe('authProvider.checkError', () => {
  const { auth } = make({ staff: ADMIN_ROW });

  it('does NOT log out on an RLS refusal (403 / 42501)', async () => {
    await expect(auth.checkError(new HttpError('errors.not_permitted', 403, { code: '42501' }))).resolves.toBeUndefined();
    await expect(auth.checkError(new HttpError('permission denied for table staff', 403, { code: '42501' }))).resolves.toBeUndefined();
  });

  it('does not log out on business refusals and server errors', async () => {
    await expect(auth.checkError(new HttpError('errors.illegal_transition', 400, { code: 'P0001' }))).resolves.toBeUndefined();
    await expect(auth.checkError(new HttpError('boom', 500))).resolves.toBeUndefined();
  });

  it('logs out on 401 and on an invalid or expired JWT', async () => {
    await expect(auth.checkError(new HttpError('JWT expired', 401, { code: 'PGRST301' }))).rejects.toBeDefined();
    await expect(auth.checkError({ status: 403, body: { code: 'PGRST301', message: 'JWT expired' } })).rejects.toBeDefined();
    await expect(auth.checkError({ name: 'AuthSessionMissingError', status: 400 })).rejects.toBeDefined();
  });
});

describe('authProvider login and identity', () => {
  it('signs in an active staff member and reads identity and permissions from my_staff', async () => {
    const { auth, client } = make({ staff: ADMIN_ROW });
    await auth.login({ email: 'admin@demo.test', password: 'demo1234' });
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    await expect(auth.getIdentity!()).resolves.toMatchObject({ id: 'u1', fullName: '张管理', role: 'admin' });
    await expect(auth.getPermissions!({})).resolves.toEqual({ role: 'admin', regionCodes: [], staffId: 'u1' });
    await expect(auth.canAccess!({ resource: 'staff', action: 'list' })).resolves.toBe(true);
    await expect(auth.canAccess!({ resource: 'withdrawals', action: 'pay' })).resolves.toBe(true);
    expect(client.auth.signOut).not.toHaveBeenCalled();
  });

  it('translates wrong credentials', async () => {
    const { auth } = make({ loginError: { name: 'AuthApiError', code: 'invalid_credentials', status: 400, message: 'Invalid login credentials' } });
    await expect(auth.login({ email: 'a@b.c', password: 'x' })).rejects.toThrow('errors.invalid_credentials');
  });

  it('refuses a signed-in user who is not staff, and signs them out', async () => {
    const { auth, client } = make({ staff: { id: null, email: null, role: null } });
    await expect(auth.login({ email: 'someone@x.test', password: 'x' })).rejects.toThrow('errors.not_staff');
    expect(client.auth.signOut).toHaveBeenCalled();
  });

  it('refuses a deactivated staff member at login and on checkAuth', async () => {
    const { auth, client } = make({ staff: { ...ADMIN_ROW, active: false } });
    await expect(auth.login({ email: 'admin@demo.test', password: 'x' })).rejects.toThrow('errors.staff_inactive');
    expect(client.auth.signOut).toHaveBeenCalled();
    await client.auth.signInWithPassword();
    await expect(auth.checkAuth({})).rejects.toBeDefined();
  });

  it('limits a reviewer to what the table allows', async () => {
    const { auth } = make({ staff: { ...ADMIN_ROW, role: 'reviewer' } });
    await auth.login({ email: 'reviewer@demo.test', password: 'x' });
    await expect(auth.canAccess!({ resource: 'staff', action: 'list' })).resolves.toBe(false);
    await expect(auth.canAccess!({ resource: 'listings', action: 'review' })).resolves.toBe(true);
  });
});
