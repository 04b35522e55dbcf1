// POST /token?grant_type=password and GET /user through the gateway with supabase-js.
import { afterAll, describe, expect, it } from 'vitest';
import { anonClient, DEMO_LOGINS, DEMO_PASSWORD, serviceClient, signIn, stack } from '../support/stack.ts';
import { claimsOf, deleteCreatedUsers, makeUser } from './helpers.ts';

afterAll(deleteCreatedUsers);

describe('signInWithPassword', () => {
  it('signs a seeded demo login in (pgcrypto $2a$ hash) and returns a GoTrue session', async () => {
    const cfg = await stack();
    const client = await anonClient();
    const { data, error } = await client.auth.signInWithPassword({ email: DEMO_LOGINS.admin, password: DEMO_PASSWORD });
    expect(error).toBeNull();
    const s = data.session!;
    expect(s.token_type).toBe('bearer');
    expect(s.expires_in).toBe(3600);
    expect(Math.abs(s.expires_at! - (Math.floor(Date.now() / 1000) + 3600))).toBeLessThanOrEqual(5);
    expect(s.refresh_token).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(data.user!.email).toBe(DEMO_LOGINS.admin);
    expect(data.user!.identities?.[0]?.provider).toBe('email');
    expect(data.user!.last_sign_in_at).toBeTruthy();

    const claims = claimsOf(s.access_token);
    expect(Object.keys(claims)).toEqual([
      'aud', 'exp', 'iat', 'iss', 'sub', 'email', 'phone', 'app_metadata', 'user_metadata', 'role', 'aal', 'amr',
      'session_id', 'is_anonymous',
    ]);
    expect(claims).toMatchObject({
      aud: 'authenticated',
      iss: `${cfg.apiUrl}/auth/v1`,
      sub: data.user!.id,
      email: DEMO_LOGINS.admin,
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    });
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
  });

  it('is case-insensitive on the e-mail address', async () => {
    const client = await anonClient();
    const { error } = await client.auth.signInWithPassword({ email: 'Admin@Demo.TEST', password: DEMO_PASSWORD });
    expect(error).toBeNull();
  });

  it('refuses a wrong password and an unknown address with the same invalid_credentials error', async () => {
    const client = await anonClient();
    for (const creds of [
      { email: DEMO_LOGINS.finance, password: 'wrong-password' },
      { email: 'nobody-at-all@test.local', password: 'whatever1' },
    ]) {
      const { data, error } = await client.auth.signInWithPassword(creds);
      expect(data.session).toBeNull();
      expect(error?.code).toBe('invalid_credentials');
      expect(error?.status).toBe(400);
      expect(error?.message).toBe('Invalid login credentials');
    }
  });

  it('tells a ban only to the right password, and confirmation after it', async () => {
    const admin = await serviceClient();
    const banned = await makeUser('banned');
    await admin.auth.admin.updateUserById(banned.user.id, { ban_duration: '1h' });
    const anon = await anonClient();
    // A deactivated account answers a wrong password like any other: no hint that it exists.
    const wrong = await anon.auth.signInWithPassword({ email: banned.email, password: 'not-it-at-all' });
    expect(wrong.error?.code).toBe('invalid_credentials');
    const right = await anon.auth.signInWithPassword({ email: banned.email, password: banned.password });
    expect(right.error?.code).toBe('user_banned');

    const unconfirmed = await makeUser('unconfirmed', { confirmed: false });
    const bad = await anon.auth.signInWithPassword({ email: unconfirmed.email, password: 'not-it-at-all' });
    expect(bad.error?.code).toBe('invalid_credentials');
    const good = await anon.auth.signInWithPassword({ email: unconfirmed.email, password: unconfirmed.password });
    expect(good.error?.code).toBe('email_not_confirmed');
    expect(good.error?.status).toBe(400);
  });

  it('the access token works at PostgREST as the signed-in user', async () => {
    const client = await signIn(DEMO_LOGINS.reviewer);
    const { data, error } = await client.from('staff').select('email');
    expect(error).toBeNull();
    expect(data).toEqual([{ email: DEMO_LOGINS.reviewer }]);
  });
});

describe('getUser', () => {
  it('returns the user reloaded from the database', async () => {
    const { user, email, password } = await makeUser('getuser', { metadata: { display_name: '测试' } });
    const client = await anonClient();
    await client.auth.signInWithPassword({ email, password });
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email,
      phone: '',
      user_metadata: { display_name: '测试', email_verified: true },
      app_metadata: { provider: 'email', providers: ['email'] },
      is_anonymous: false,
    });
    expect(data.user).not.toHaveProperty('encrypted_password');
    expect(data.user).not.toHaveProperty('banned_until');

    // Changed by an admin after sign-in: visible before the JWT is refreshed.
    const admin = await serviceClient();
    await admin.auth.admin.updateUserById(user.id, { user_metadata: { title: '主管' } });
    const again = await client.auth.getUser();
    expect(again.data.user?.user_metadata).toMatchObject({ display_name: '测试', title: '主管' });
  });

  it('refuses the anon key and a forged token with bad_jwt (403)', async () => {
    const anon = await anonClient();
    const cfg = await stack();
    const noSub = await anon.auth.getUser(cfg.anonKey);
    expect(noSub.error?.status).toBe(403);
    expect(noSub.error?.code).toBe('bad_jwt');
    const forged = await anon.auth.getUser(`${cfg.anonKey.slice(0, -4)}AAAA`);
    expect(forged.error?.code).toBe('bad_jwt');
  });
});

describe('settings, health, jwks', () => {
  it('answers the public metadata endpoints', async () => {
    const cfg = await stack();
    const h = { apikey: cfg.anonKey };
    const health = await fetch(`${cfg.apiUrl}/auth/v1/health`, { headers: h });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ name: 'GoTrue' });
    const settings = await (await fetch(`${cfg.apiUrl}/auth/v1/settings`, { headers: h })).json();
    expect(settings).toMatchObject({ disable_signup: true, external: { email: true } });
    // Open route: no apikey needed.
    const jwks = await fetch(`${cfg.apiUrl}/auth/v1/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(await jwks.json()).toEqual({ keys: [] });
  });

  it('signUp is disabled: staff accounts are created by admins', async () => {
    const anon = await anonClient();
    const { data, error } = await anon.auth.signUp({ email: 'auth-signup@test.local', password: 'long-enough-1' });
    expect(data.user).toBeNull();
    expect(error?.code).toBe('signup_disabled');
    expect(error?.status).toBe(422);
    expect(error?.message).toBe('Signups not allowed for this instance');
  });
});
