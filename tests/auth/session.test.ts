// Refresh-token rotation and reuse, updateUser, signOut: the session lifecycle.
import { afterAll, describe, expect, it } from 'vitest';
import { AuthSessionMissingError, AuthWeakPasswordError } from '@supabase/supabase-js';
import { anonClient, db, signIn, stack } from '../support/stack.ts';
import { claimsOf, currentRefreshToken, deleteCreatedUsers, makeUser } from './helpers.ts';

afterAll(deleteCreatedUsers);

async function signedInUser(tag: string) {
  const u = await makeUser(tag);
  const client = await signIn(u.email, u.password);
  return { ...u, client };
}

describe('refresh tokens', () => {
  it('rotates: a refresh gives a new token in the same session', async () => {
    const { client } = await signedInUser('rotate');
    const first = (await client.auth.getSession()).data.session!;
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session!.refresh_token).not.toBe(first.refresh_token);
    expect(claimsOf(data.session!.access_token).session_id).toBe(claimsOf(first.access_token).session_id);

    const pg = await db();
    try {
      const { rows } = await pg.query(
        'select token, revoked, parent from auth.refresh_tokens where session_id = $1 order by id',
        [claimsOf(first.access_token).session_id],
      );
      expect(rows).toEqual([
        { token: first.refresh_token, revoked: true, parent: null },
        { token: data.session!.refresh_token, revoked: false, parent: first.refresh_token },
      ]);
    } finally {
      await pg.end();
    }
  });

  it('re-using the parent of the active token returns the active token', async () => {
    const { client } = await signedInUser('parent');
    const old = await currentRefreshToken(client);
    const rotated = (await client.auth.refreshSession()).data.session!;
    const other = await anonClient();
    const { data, error } = await other.auth.refreshSession({ refresh_token: old });
    expect(error).toBeNull();
    expect(data.session!.refresh_token).toBe(rotated.refresh_token);
  });

  it('a token re-used after the reuse interval revokes the whole family', async () => {
    const { client } = await signedInUser('reuse');
    const a = await currentRefreshToken(client);
    await client.auth.refreshSession();
    const c = (await client.auth.refreshSession()).data.session!.refresh_token;
    const pg = await db();
    try {
      // Pretend `a` was rotated a minute ago (the interval is 10 s).
      await pg.query(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`, [a]);
    } finally {
      await pg.end();
    }
    const thief = await anonClient();
    const stolen = await thief.auth.refreshSession({ refresh_token: a });
    expect(stolen.error?.code).toBe('refresh_token_already_used');
    expect(stolen.error?.status).toBe(400);
    expect(stolen.error?.message).toBe('Invalid Refresh Token: Already Used');
    // The legitimate client's current token went with the family.
    const victim = await anonClient();
    const after = await victim.auth.refreshSession({ refresh_token: c });
    expect(after.error?.code).toBe('refresh_token_already_used');
  });

  it('concurrent refreshes of one token (several tabs) all get the same new token', async () => {
    const { client } = await signedInUser('concurrent');
    const token = await currentRefreshToken(client);
    const tabs = await Promise.all([1, 2, 3, 4].map(() => anonClient()));
    const results = await Promise.all(tabs.map((t) => t.auth.refreshSession({ refresh_token: token })));
    for (const r of results) expect(r.error).toBeNull();
    const issued = new Set(results.map((r) => r.data.session!.refresh_token));
    expect(issued.size).toBe(1);
    expect(issued.has(token)).toBe(false);
  });

  it('an unknown refresh token is refresh_token_not_found', async () => {
    const anon = await anonClient();
    const { error } = await anon.auth.refreshSession({ refresh_token: 'doesnotexist' });
    expect(error?.code).toBe('refresh_token_not_found');
    expect(error?.status).toBe(400);
  });
});

describe('updateUser', () => {
  it('merges metadata key by key; null removes a key', async () => {
    const { client } = await signedInUser('meta');
    await client.auth.updateUser({ data: { a: 1, b: 'two' } });
    const { data, error } = await client.auth.updateUser({ data: { b: null, c: { nested: true } } });
    expect(error).toBeNull();
    expect(data.user!.user_metadata).toEqual({ email_verified: true, a: 1, c: { nested: true } });
    // The next access token carries it.
    const refreshed = (await client.auth.refreshSession()).data.session!;
    expect(claimsOf(refreshed.access_token).user_metadata).toEqual({ email_verified: true, a: 1, c: { nested: true } });
  });

  it('refuses a weak password and the same password', async () => {
    const { client, password } = await signedInUser('weak');
    const weak = await client.auth.updateUser({ password: '123', current_password: password });
    expect(weak.error).toBeInstanceOf(AuthWeakPasswordError);
    expect(weak.error?.code).toBe('weak_password');
    expect(weak.error?.status).toBe(422);
    expect((weak.error as AuthWeakPasswordError).reasons).toEqual(['length', 'characters']);
    const same = await client.auth.updateUser({ password, current_password: password });
    expect(same.error?.code).toBe('same_password');
    expect(same.error?.status).toBe(422);
  });

  it('changes the password and signs out every other session', async () => {
    const { client, email, password } = await signedInUser('pwchange');
    const other = await signIn(email, password);
    const otherRefresh = await currentRefreshToken(other);
    const { error } = await client.auth.updateUser({ password: 'Brand-new-pass-2', current_password: password });
    expect(error).toBeNull();

    const stale = await (await anonClient()).auth.refreshSession({ refresh_token: otherRefresh });
    expect(stale.error?.code).toBe('refresh_token_not_found');
    expect((await client.auth.refreshSession()).error).toBeNull();

    const anon = await anonClient();
    expect((await anon.auth.signInWithPassword({ email, password })).error?.code).toBe('invalid_credentials');
    expect((await anon.auth.signInWithPassword({ email, password: 'Brand-new-pass-2' })).error).toBeNull();
  });

  it('refuses app_metadata from a user', async () => {
    const { client } = await signedInUser('appmeta');
    const cfg = await stack();
    const res = await fetch(`${cfg.apiUrl}/auth/v1/user`, {
      method: 'PUT',
      headers: {
        apikey: cfg.anonKey,
        Authorization: `Bearer ${(await client.auth.getSession()).data.session!.access_token}`,
        'Content-Type': 'application/json',
        'X-Supabase-Api-Version': '2024-01-01',
      },
      body: JSON.stringify({ app_metadata: { role: 'admin' } }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'not_admin' });
  });
});

describe('signOut', () => {
  it('revokes the session: its refresh token no longer works', async () => {
    const { client } = await signedInUser('signout');
    const session = (await client.auth.getSession()).data.session!;
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();
    expect((await client.auth.getSession()).data.session).toBeNull();

    const anon = await anonClient();
    const refreshed = await anon.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refreshed.error?.code).toBe('refresh_token_not_found');
    // 403 session_not_found from the server, which auth-js reports as a missing session.
    const me = await anon.auth.getUser(session.access_token);
    expect(me.error).toBeInstanceOf(AuthSessionMissingError);
  });

  it('scope local keeps the other sessions, scope others keeps only this one', async () => {
    const { email, password, client: one } = await signedInUser('scopes');
    const two = await signIn(email, password);
    const three = await signIn(email, password);
    const twoRefresh = await currentRefreshToken(two);
    const threeRefresh = await currentRefreshToken(three);

    expect((await one.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect((await two.auth.refreshSession()).error).toBeNull();

    expect((await three.auth.signOut({ scope: 'others' })).error).toBeNull();
    const anon = await anonClient();
    const twoAfter = await anon.auth.refreshSession({ refresh_token: await currentRefreshToken(two) });
    expect(twoAfter.error?.code).toBe('refresh_token_not_found');
    expect(twoRefresh).not.toBe(await currentRefreshToken(two));
    expect((await three.auth.refreshSession({ refresh_token: threeRefresh })).error).toBeNull();
  });
});
