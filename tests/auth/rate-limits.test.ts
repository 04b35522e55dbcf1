// GoTrue's per-address limits at the values of supabase/config.toml's [auth.rate_limit].
// The test stack raises those (its whole suite shares 127.0.0.1, see scripts/test.ts), so this
// file starts a second auth server of its own on the test stack's database, with the
// configured values and no environment override, that trusts this process as its proxy:
// every client below claims its own address in X-Forwarded-For, as a real proxy would say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { generate } from 'otplib';
import { startAuth } from '../../scripts/local-stack/auth/server.ts';
import { authSettings } from '../../scripts/local-stack/auth/settings.ts';
import { logger } from '../../scripts/local-stack/log.ts';
import { stack } from '../support/stack.ts';
import { deleteCreatedUsers, makeUser, uniqueEmail } from './helpers.ts';

const settings = authSettings({}); // config.toml only: GOTRUE_* overrides of the test stack do not apply
let server: Awaited<ReturnType<typeof startAuth>>;

beforeAll(async () => {
  const cfg = await stack();
  server = await startAuth(cfg, logger('auth-limits', { quiet: true }), {
    port: 0,
    settings,
    trustedProxies: { addresses: ['127.0.0.1'] },
  });
});
afterAll(async () => {
  await server?.close();
  await deleteCreatedUsers();
});

/**
 * Where the first 429 may come: after the burst, plus what the bucket refilled while the
 * requests ran (`perSecond` × the seconds they took), so a slow machine does not fail it.
 */
function refusalWindow(burst: number, perSecond: number, startedAt: number): [number, number] {
  return [burst, burst + Math.ceil(((Date.now() - startedAt) / 1000) * perSecond) + 1];
}

/** supabase-js talking to the dedicated auth server as a client at `ip`. */
async function clientAt(ip: string): Promise<SupabaseClient> {
  const cfg = await stack();
  const base = 'http://limits.invalid';
  return createClient(base, cfg.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    global: {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input instanceof Request ? input.url : input).replace(`${base}/auth/v1`, `http://${cfg.host}:${server.port}`);
        const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
        headers.set('X-Forwarded-For', ip);
        return fetch(url, { ...init, headers });
      },
    },
  });
}

describe('configured limits', () => {
  it('are the ones config.toml names', () => {
    expect(settings.rateLimits).toMatchObject({ tokenRefresh: 150, signInSignUps: 30, tokenVerifications: 30, emailSent: 30 });
  });
});

describe('per client address', () => {
  it('token_refresh: /token (sign-ins and refreshes together) stops after the burst of 30, for that address only', async () => {
    const client = await clientAt('198.51.100.11');
    const codes: Array<string | undefined> = [];
    const t0 = Date.now();
    while (codes.length < 80 && codes.at(-1) !== 'over_request_rate_limit') {
      // distinct unknown addresses: the per-e-mail failure limit plays no part
      const { error } = await client.auth.signInWithPassword({ email: uniqueEmail('perip'), password: 'Wrong-password-1' });
      codes.push(error?.code);
    }
    // 30 at once, then 150 per 5 minutes (one every 2 s) refill while the test runs
    const [low, high] = refusalWindow(30, 150 / 300, t0);
    const refused = codes.indexOf('over_request_rate_limit');
    expect(refused).toBeGreaterThanOrEqual(low);
    expect(refused).toBeLessThanOrEqual(high);
    expect(codes.slice(0, 30).every((c) => c === 'invalid_credentials')).toBe(true);
    expect(codes.filter((c) => c === 'invalid_credentials').length).toBeLessThanOrEqual(high);

    const u = await makeUser('perip-ok');
    const blocked = await client.auth.signInWithPassword({ email: u.email, password: u.password });
    expect(blocked.error?.status).toBe(429);
    const elsewhere = await clientAt('198.51.100.12');
    const ok = await elsewhere.auth.signInWithPassword({ email: u.email, password: u.password });
    expect(ok.error).toBeNull();
    // the refresh grant shares the bucket of the address it comes from
    const refreshed = await client.auth.refreshSession({ refresh_token: ok.data.session!.refresh_token });
    expect(refreshed.error?.code).toBe('over_request_rate_limit');
  });

  it('token_verifications: /verify stops after 30', async () => {
    const client = await clientAt('198.51.100.21');
    const codes: Array<string | undefined> = [];
    const t0 = Date.now();
    while (codes.length < 60 && codes.at(-1) !== 'over_request_rate_limit') {
      const { error } = await client.auth.verifyOtp({ token_hash: `${codes.length}`.padStart(56, 'f'), type: 'recovery' });
      codes.push(error?.code);
    }
    const [low, high] = refusalWindow(30, 30 / 300, t0);
    const refused = codes.indexOf('over_request_rate_limit');
    expect(refused).toBeGreaterThanOrEqual(low);
    expect(refused).toBeLessThanOrEqual(high);
    expect(codes.slice(0, 30).every((c) => c === 'otp_expired')).toBe(true);
  });

  it('sign_in_sign_ups: /recover stops after 30; email_sent: the 31st mail of the hour is refused for everyone', async () => {
    const client = await clientAt('198.51.100.31');
    const codes: Array<string | undefined> = [];
    const t0 = Date.now();
    while (codes.length < 60 && codes.at(-1) === undefined) {
      codes.push((await client.auth.resetPasswordForEmail(uniqueEmail('recover-ip'))).error?.code);
    }
    expect(codes.slice(0, 30)).toEqual(Array(30).fill(undefined));
    const [, high] = refusalWindow(30, 30 / 300, t0);
    expect(codes.length - 1).toBeLessThanOrEqual(high);
    // the address's limit, or (if its bucket refilled) the hour's mail quota that the 30 spent
    expect(['over_request_rate_limit', 'over_email_send_rate_limit']).toContain(codes.at(-1));
    // 30 mails (or attempts at one) this hour: the instance's quota is spent, from any address
    const other = await clientAt('198.51.100.32');
    const mail = await other.auth.resetPasswordForEmail(uniqueEmail('recover-quota'));
    expect(mail.error?.code).toBe('over_email_send_rate_limit');
    expect(mail.error?.status).toBe(429);
  });
});

describe('MFA challenges and verifications', () => {
  it('are limited per address and per factor (15 a minute)', async () => {
    const u = await makeUser('mfa-limits');
    const client = await clientAt('198.51.100.41');
    const signed = await client.auth.signInWithPassword({ email: u.email, password: u.password });
    expect(signed.error).toBeNull();
    const { data: factor, error } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'limits' });
    expect(error).toBeNull();
    const codes: Array<string | undefined> = [];
    const t0 = Date.now();
    while (codes.length < 40 && codes.at(-1) !== 'over_request_rate_limit') {
      codes.push((await client.auth.mfa.challenge({ factorId: factor!.id })).error?.code);
    }
    const [low, high] = refusalWindow(15, 15 / 60, t0); // 15 at once, refilled one every 4 s
    const refused = codes.indexOf('over_request_rate_limit');
    expect(refused).toBeGreaterThanOrEqual(low);
    expect(refused).toBeLessThanOrEqual(high);
    // from another address the same factor is still over its limit
    const elsewhere = await clientAt('198.51.100.42');
    await elsewhere.auth.setSession((await client.auth.getSession()).data.session!);
    const code = await generate({ secret: factor!.totp.secret });
    const again = await elsewhere.auth.mfa.challengeAndVerify({ factorId: factor!.id, code });
    expect(again.error?.code).toBe('over_request_rate_limit');
  });
});
