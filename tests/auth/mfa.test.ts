// TOTP MFA through supabase.auth.mfa.* exactly as an app calls it: enroll (secret, otpauth
// URI, QR code), challenge, verify (→ aal2, amr totp), refresh keeps it, assurance level,
// unenroll; guessing limits; what an aal1 session may not do once a factor is verified.
import { afterAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { generate } from 'otplib';
import { anonClient, db, signIn } from '../support/stack.ts';
import { claimsOf, deleteCreatedUsers, makeUser } from './helpers.ts';

afterAll(deleteCreatedUsers);

/** A code for the next time step, so a code just accepted is never needed again. */
const codeFor = (secret: string, offset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset });

async function enrolled(tag: string) {
  const u = await makeUser(tag);
  const client = await signIn(u.email, u.password);
  const { data, error } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: '手机' });
  if (error) throw error;
  return { ...u, client, factor: data };
}

async function verifyWith(client: SupabaseClient, factorId: string, code: string) {
  const ch = await client.auth.mfa.challenge({ factorId });
  if (ch.error) throw ch.error;
  return client.auth.mfa.verify({ factorId, challengeId: ch.data.id, code });
}

describe('enroll', () => {
  it('answers GoTrue’s shape: id, type, friendly_name, totp {qr_code (SVG data URI), secret, uri}', async () => {
    const { factor, email, client } = await enrolled('enroll');
    expect(factor.type).toBe('totp');
    expect(factor.friendly_name).toBe('手机');
    expect(factor.totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(factor.totp.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(decodeURIComponent(factor.totp.uri)).toContain(email);
    expect(factor.totp.uri).toContain(`secret=${factor.totp.secret}`);
    expect(factor.totp.qr_code.startsWith('data:image/svg+xml;utf-8,<svg')).toBe(true);
    expect(factor.totp.qr_code).not.toContain('#'); // a # would cut the data URI short
    const listed = await client.auth.mfa.listFactors();
    expect(listed.data?.all.map((f) => [f.id, f.status])).toEqual([[factor.id, 'unverified']]);
    expect(listed.data?.totp).toEqual([]);
    const pg = await db();
    try {
      const { rows } = await pg.query('select factor_type, status, secret, friendly_name from auth.mfa_factors where id = $1', [factor.id]);
      expect(rows).toEqual([{ factor_type: 'totp', status: 'unverified', secret: factor.totp.secret, friendly_name: '手机' }]);
    } finally {
      await pg.end();
    }
  });

  it('refuses a second factor with the same friendly name', async () => {
    const { client } = await enrolled('samename');
    const again = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: '手机' });
    expect(again.error?.code).toBe('mfa_factor_name_conflict');
  });
});

describe('challenge and verify', () => {
  it('raise the session to aal2 with amr totp; refresh keeps it; the assurance level says so', async () => {
    const { client, factor } = await enrolled('verify');
    const before = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(before.data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal1' });

    const ch = await client.auth.mfa.challenge({ factorId: factor.id });
    expect(ch.error).toBeNull();
    expect(ch.data!.type).toBe('totp');
    expect(ch.data!.expires_at).toBeGreaterThan(Date.now() / 1000 + 200);
    const { data, error } = await client.auth.mfa.verify({ factorId: factor.id, challengeId: ch.data!.id, code: await codeFor(factor.totp.secret) });
    expect(error).toBeNull();
    const claims = claimsOf(data!.access_token);
    expect(claims.aal).toBe('aal2');
    expect((claims.amr as Array<{ method: string }>).map((a) => a.method)).toEqual(['totp', 'password']);

    const aal = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(aal.data).toMatchObject({ currentLevel: 'aal2', nextLevel: 'aal2' });
    expect((await client.auth.mfa.listFactors()).data?.totp.map((f) => f.id)).toEqual([factor.id]);

    const refreshed = await client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(claimsOf(refreshed.data.session!.access_token).aal).toBe('aal2');
  });

  it('a new sign-in starts at aal1 with aal2 next, until the code screen', async () => {
    const { client, factor, email, password } = await enrolled('next');
    expect((await verifyWith(client, factor.id, await codeFor(factor.totp.secret))).error).toBeNull();
    const again = await signIn(email, password);
    const level = await again.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal2' });
    const ok = await verifyWith(again, factor.id, await codeFor(factor.totp.secret, 30));
    expect(ok.error).toBeNull();
    expect(claimsOf(ok.data!.access_token).aal).toBe('aal2');
  });

  it('refuses a wrong code; the challenge dies after 5; an accepted code is not accepted twice', async () => {
    const { client, factor } = await enrolled('guessmfa');
    const ch = await client.auth.mfa.challenge({ factorId: factor.id });
    const right = await codeFor(factor.totp.secret);
    const wrong = right === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await client.auth.mfa.verify({ factorId: factor.id, challengeId: ch.data!.id, code: wrong });
      expect(r.error?.code).toBe('mfa_verification_failed');
      expect(r.error?.status).toBe(422);
    }
    const dead = await client.auth.mfa.verify({ factorId: factor.id, challengeId: ch.data!.id, code: right });
    expect(dead.error?.code).toBe('mfa_factor_not_found');

    expect((await verifyWith(client, factor.id, right)).error).toBeNull();
    const replay = await verifyWith(client, factor.id, right);
    expect(replay.error?.code).toBe('mfa_verification_failed');
  });

  it('a factor of somebody else is not found', async () => {
    const mine = await enrolled('mine');
    const other = await enrolled('other');
    const r = await mine.client.auth.mfa.challenge({ factorId: other.factor.id });
    expect(r.error?.code).toBe('mfa_factor_not_found');
    expect(r.error?.status).toBe(404);
  });
});

describe('with a verified factor', () => {
  it('an aal1 session may not change the password, enroll another factor or unenroll', async () => {
    const { client, factor, email, password } = await enrolled('aal1');
    expect((await verifyWith(client, factor.id, await codeFor(factor.totp.secret))).error).toBeNull();
    const low = await signIn(email, password);
    const pw = await low.auth.updateUser({ password: 'Another-pass-word-1', current_password: password });
    expect(pw.error?.code).toBe('insufficient_aal');
    expect(pw.error?.status).toBe(401);
    expect((await low.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'second' })).error?.code).toBe('insufficient_aal');
    const un = await low.auth.mfa.unenroll({ factorId: factor.id });
    expect(un.error?.code).toBe('insufficient_aal');
  });

  it('unenroll from aal2 removes the factor and brings the session back to aal1', async () => {
    const { client, factor, user } = await enrolled('unenroll');
    expect((await verifyWith(client, factor.id, await codeFor(factor.totp.secret))).error).toBeNull();
    const { data, error } = await client.auth.mfa.unenroll({ factorId: factor.id });
    expect(error).toBeNull();
    expect(data).toEqual({ id: factor.id });
    const refreshed = await client.auth.refreshSession();
    expect(claimsOf(refreshed.data.session!.access_token).aal).toBe('aal1');
    expect((await client.auth.mfa.listFactors()).data?.all).toEqual([]);

    const pg = await db();
    try {
      const { rows } = await pg.query(
        `select payload->>'action' as action from auth.audit_log_entries where payload->>'actor_id' = $1 and payload->>'log_type' = 'factor' order by created_at`,
        [user.id],
      );
      const actions = rows.map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['factor_in_progress', 'challenge_created', 'verification_attempted', 'factor_unenrolled']));
    } finally {
      await pg.end();
    }
  });

  it('verifying ends the user’s other aal1 sessions (GoTrue)', async () => {
    const { client, factor, email, password } = await enrolled('others');
    const other = await signIn(email, password);
    const otherRefresh = (await other.auth.getSession()).data.session!.refresh_token;
    expect((await verifyWith(client, factor.id, await codeFor(factor.totp.secret))).error).toBeNull();
    const r = await (await anonClient()).auth.refreshSession({ refresh_token: otherRefresh });
    expect(r.error?.code).toBe('refresh_token_not_found');
  });
});
