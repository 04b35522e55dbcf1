// resetPasswordForEmail → e-mail (read from the stack's mailbox) → its link (GET /verify, 303
// with the session in the fragment) → setSession → updateUser({password}): the set-password
// flow ra-supabase uses.
import { afterAll, describe, expect, it } from 'vitest';
import { anonClient, db, serviceClient, stack } from '../support/stack.ts';
import { linkOf, waitForMail } from '../support/mailbox.ts';
import { deleteCreatedUsers, forget, uniqueEmail, makeUser } from './helpers.ts';

afterAll(deleteCreatedUsers);

async function storedToken(email: string, column: 'recovery_token' | 'confirmation_token'): Promise<string> {
  const pg = await db();
  try {
    const { rows } = await pg.query(`select ${column} as t from auth.users where email = $1`, [email]);
    return rows[0].t as string;
  } finally {
    await pg.end();
  }
}

/** The token of the newest mail's link, checked against what the database stores. */
async function mailedToken(email: string, subject: RegExp, column: 'recovery_token' | 'confirmation_token'): Promise<string> {
  const mail = await waitForMail(email, subject);
  const token = new URL(linkOf(mail)).searchParams.get('token')!;
  expect(token).toBe(await storedToken(email, column));
  return token;
}

function fragment(location: string): URLSearchParams {
  return new URLSearchParams(location.slice(location.indexOf('#') + 1));
}

describe('password recovery', () => {
  it('answers {} for an unknown address (no enumeration)', async () => {
    const anon = await anonClient();
    const { data, error } = await anon.auth.resetPasswordForEmail('nobody-here@test.local');
    expect(error).toBeNull();
    expect(data).toEqual({});
  });

  it('link → session → new password', async () => {
    const cfg = await stack();
    const { email } = await makeUser('recover');
    const redirectTo = `http://127.0.0.1:${cfg.appPort}/auth-callback.html`;
    const anon = await anonClient();
    const { error } = await anon.auth.resetPasswordForEmail(email, { redirectTo });
    expect(error).toBeNull();
    const mail = await waitForMail(email, /Reset your password/);
    const mailed = new URL(linkOf(mail));
    expect(mailed.pathname).toBe('/auth/v1/verify');
    expect(mailed.searchParams.get('type')).toBe('recovery');
    expect(mailed.searchParams.get('redirect_to')).toBe(redirectTo);
    const token = await mailedToken(email, /Reset your password/, 'recovery_token');
    expect(token).toMatch(/^[0-9a-f]{56}$/);

    const link = `${cfg.apiUrl}/auth/v1/verify?token=${token}&type=recovery&redirect_to=${encodeURIComponent(redirectTo)}`;
    const res = await fetch(link, { redirect: 'manual' }); // no apikey: an open route
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location.startsWith(`${redirectTo}#`)).toBe(true);
    const f = fragment(location);
    expect([...f.keys()]).toEqual(['access_token', 'expires_at', 'expires_in', 'refresh_token', 'sb', 'token_type', 'type']);
    expect(f.get('type')).toBe('recovery');
    expect(f.get('token_type')).toBe('bearer');

    const client = await anonClient();
    const set = await client.auth.setSession({ access_token: f.get('access_token')!, refresh_token: f.get('refresh_token')! });
    expect(set.error).toBeNull();
    expect(set.data.user?.email).toBe(email);
    expect((await client.auth.updateUser({ password: 'Recovered-pass-9' })).error).toBeNull();
    expect((await anon.auth.signInWithPassword({ email, password: 'Recovered-pass-9' })).error).toBeNull();

    // The link works once.
    const again = await fetch(link, { redirect: 'manual' });
    expect(again.status).toBe(303);
    const err = fragment(again.headers.get('location')!);
    expect(err.get('error_code')).toBe('otp_expired');
    expect(err.get('error')).toBe('access_denied');
  });

  it('sends foreign redirect targets to the site URL instead', async () => {
    const cfg = await stack();
    const { email } = await makeUser('redirect');
    await (await anonClient()).auth.resetPasswordForEmail(email, { redirectTo: 'https://evil.example/steal' });
    const token = await mailedToken(email, /Reset your password/, 'recovery_token');
    const res = await fetch(
      `${cfg.apiUrl}/auth/v1/verify?token=${token}&type=recovery&redirect_to=https://evil.example/steal`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')!.startsWith(`http://127.0.0.1:${cfg.appPort}#access_token=`)).toBe(true);
  });
});

describe('invite', () => {
  it('creates an unconfirmed user whose link confirms and signs in', async () => {
    const cfg = await stack();
    const admin = await serviceClient();
    const email = uniqueEmail('invite');
    const { data, error } = await admin.auth.admin.inviteUserByEmail(email, { data: { display_name: '新员工' } });
    expect(error).toBeNull();
    forget(data.user!.id);
    expect(data.user!.email_confirmed_at).toBeUndefined();
    expect(data.user!.invited_at).toBeTruthy();

    const token = await mailedToken(email, /You've been invited/, 'confirmation_token');
    const res = await fetch(`${cfg.apiUrl}/auth/v1/verify?token=${token}&type=invite`, { redirect: 'manual' });
    const f = fragment(res.headers.get('location')!);
    expect(f.get('type')).toBe('invite');
    const client = await anonClient();
    await client.auth.setSession({ access_token: f.get('access_token')!, refresh_token: f.get('refresh_token')! });
    const me = await client.auth.getUser();
    expect(me.data.user?.email_confirmed_at).toBeTruthy();
    expect(me.data.user?.user_metadata).toMatchObject({ display_name: '新员工' });

    const again = await admin.auth.admin.inviteUserByEmail(email);
    expect(again.error?.code).toBe('email_exists');
  });
});
