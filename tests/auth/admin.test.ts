// auth.admin.* with the service key (and the sb_secret key), and refusal for everyone else.
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { anonClient, db, serviceClient, signIn, stack } from '../support/stack.ts';
import { currentRefreshToken, deleteCreatedUsers, forget, makeUser, uniqueEmail } from './helpers.ts';

afterAll(deleteCreatedUsers);

describe('admin users', () => {
  it('createUser stores a confirmed user in auth.users with an email identity', async () => {
    const admin = await serviceClient();
    const email = uniqueEmail('create');
    const { data, error } = await admin.auth.admin.createUser({
      email: email.toUpperCase(),
      password: 'Created-pass-1',
      email_confirm: true,
      user_metadata: { display_name: '赵六' },
      app_metadata: { staff: true },
    });
    expect(error).toBeNull();
    forget(data.user!.id);
    expect(data.user).toMatchObject({
      email,
      aud: 'authenticated',
      role: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'], staff: true },
      user_metadata: { display_name: '赵六', email_verified: true },
    });
    expect(data.user!.email_confirmed_at).toBeTruthy();
    expect(data.user!.identities).toHaveLength(1);

    const pg = await db();
    try {
      const { rows } = await pg.query(
        'select instance_id, encrypted_password, confirmation_token, recovery_token from auth.users where id = $1',
        [data.user!.id],
      );
      expect(rows[0].instance_id).toBe('00000000-0000-0000-0000-000000000000');
      expect(rows[0].encrypted_password).toMatch(/^\$2[ab]\$10\$/);
      expect(rows[0].confirmation_token).toBe('');
    } finally {
      await pg.end();
    }
    expect((await signIn(email, 'Created-pass-1')).auth).toBeTruthy();

    const dup = await admin.auth.admin.createUser({ email, password: 'Created-pass-1' });
    expect(dup.error?.code).toBe('email_exists');
    expect(dup.error?.status).toBe(422);
  });

  it('listUsers pages with total and getUserById finds one', async () => {
    const admin = await serviceClient();
    const { user } = await makeUser('list');
    const { data, error } = await admin.auth.admin.listUsers({ page: 1, perPage: 2 });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(2);
    expect((data as unknown as { total: number }).total).toBeGreaterThanOrEqual(6);
    expect((data as unknown as { nextPage: number | null }).nextPage).toBe(2);
    const one = await admin.auth.admin.getUserById(user.id);
    expect(one.data.user?.id).toBe(user.id);
    const missing = await admin.auth.admin.getUserById(crypto.randomUUID());
    expect(missing.error?.status).toBe(404);
    expect(missing.error?.code).toBe('user_not_found');
  });

  it('ban_duration bans sign-in and refresh; "none" lifts it; garbage is 400', async () => {
    const admin = await serviceClient();
    const { user, email, password } = await makeUser('ban');
    const client = await signIn(email, password);
    const refresh = await currentRefreshToken(client);

    const banned = await admin.auth.admin.updateUserById(user.id, { ban_duration: '87600h' });
    expect(banned.error).toBeNull();
    const until = new Date(banned.data.user!.banned_until!).getTime();
    expect(Math.abs(until - (Date.now() + 87600 * 3600_000))).toBeLessThan(60_000);

    const anon = await anonClient();
    const login = await anon.auth.signInWithPassword({ email, password });
    expect(login.error?.code).toBe('user_banned');
    expect(login.error?.status).toBe(400);
    const r = await anon.auth.refreshSession({ refresh_token: refresh });
    expect(r.error?.code).toBe('user_banned');
    expect((await client.auth.getUser()).error?.code).toBe('user_banned');

    expect((await admin.auth.admin.updateUserById(user.id, { ban_duration: 'none' })).data.user?.banned_until).toBeUndefined();
    expect((await anon.auth.signInWithPassword({ email, password })).error).toBeNull();

    const bad = await admin.auth.admin.updateUserById(user.id, { ban_duration: 'forever' });
    expect(bad.error?.status).toBe(400);
  });

  it('an admin password change signs the user out everywhere; email and metadata update', async () => {
    const admin = await serviceClient();
    const { user, email, password } = await makeUser('adminpw');
    const client = await signIn(email, password);
    const refresh = await currentRefreshToken(client);
    const newEmail = uniqueEmail('renamed');
    const { data, error } = await admin.auth.admin.updateUserById(user.id, {
      password: 'Admin-set-pass-3',
      email: newEmail,
      user_metadata: { display_name: '改名' },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email: newEmail, user_metadata: { display_name: '改名', email_verified: true } });
    const anon = await anonClient();
    expect((await anon.auth.refreshSession({ refresh_token: refresh })).error?.code).toBe('refresh_token_not_found');
    expect((await anon.auth.signInWithPassword({ email: newEmail, password: 'Admin-set-pass-3' })).error).toBeNull();
    const weak = await admin.auth.admin.updateUserById(user.id, { password: 'x' });
    expect(weak.error?.code).toBe('weak_password');
  });

  it('deleteUser removes the user (hard) or blocks it (soft)', async () => {
    const admin = await serviceClient();
    const hard = await makeUser('hard');
    expect((await admin.auth.admin.deleteUser(hard.user.id)).error).toBeNull();
    expect((await admin.auth.admin.getUserById(hard.user.id)).error?.status).toBe(404);

    const soft = await makeUser('soft');
    expect((await admin.auth.admin.deleteUser(soft.user.id, true)).error).toBeNull();
    const after = await admin.auth.admin.getUserById(soft.user.id);
    expect(after.data.user?.deleted_at).toBeTruthy();
    const login = await (await anonClient()).auth.signInWithPassword({ email: soft.email, password: soft.password });
    expect(login.error?.code).toBe('invalid_credentials');
  });

  it('works with the opaque sb_secret key too', async () => {
    const cfg = await stack();
    const secret = createClient(cfg.apiUrl, cfg.secretKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
    });
    const { error } = await secret.auth.admin.listUsers({ perPage: 1 });
    expect(error).toBeNull();
  });

  it('refuses anon and signed-in users with 403 not_admin', async () => {
    const anon = await anonClient();
    const list = await anon.auth.admin.listUsers();
    expect(list.error?.status).toBe(403);
    expect(list.error?.code).toBe('not_admin');
    const create = await anon.auth.admin.createUser({ email: uniqueEmail('nope'), password: 'Whatever-pass-1' });
    expect(create.error?.code).toBe('not_admin');

    const user = await signIn('admin@demo.test');
    const token = (await user.auth.getSession()).data.session!.access_token;
    const cfg = await stack();
    const res = await fetch(`${cfg.apiUrl}/auth/v1/admin/users`, {
      headers: { apikey: cfg.anonKey, Authorization: `Bearer ${token}`, 'X-Supabase-Api-Version': '2024-01-01' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-sb-error-code')).toBe('not_admin');
    expect(await res.json()).toMatchObject({ code: 'not_admin', message: 'User not allowed', error_code: 'not_admin' });
  });
});
