// The opaque API keys hosted projects issue (sb_publishable_… = anon, sb_secret_… = service
// role) beside the legacy JWT keys, through the gateway to PostgREST, auth and the edge
// functions; and the refusals: a wrong key, another stack's key, a secret key from a browser,
// an opaque key in Authorization that is not the apikey.
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import WebSocket from 'ws';
import { stackConfig } from '../../scripts/local-stack/config.ts';
import { apiKeys, MINTED_TTL_S } from '../../scripts/local-stack/api-keys.ts';
import { discoverFunctions } from '../../scripts/local-stack/functions.ts';
import { startGateway } from '../../scripts/local-stack/gateway.ts';
import { logger } from '../../scripts/local-stack/log.ts';
import { db, DEMO_LOGINS, DEMO_PASSWORD, stack } from '../support/stack.ts';

const opts = { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } };
const client = async (key: (cfg: Awaited<ReturnType<typeof stack>>) => string): Promise<SupabaseClient> => {
  const cfg = await stack();
  return createClient(cfg.apiUrl, key(cfg), opts);
};
/** What Chromium sends; the gateway knows a browser by it. */
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36';
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe('the keys of a stack', () => {
  it('are opaque, per stack, and shaped like hosted ones', async () => {
    const cfg = await stack();
    expect(cfg.publishableKey).toMatch(/^sb_publishable_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}$/);
    expect(cfg.secretKey).toMatch(/^sb_secret_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}$/);
    const other = await stackConfig({ name: 'another', portBase: cfg.gatewayPort + 1000 });
    expect(other.publishableKey).not.toBe(cfg.publishableKey);
    expect(other.secretKey).not.toBe(cfg.secretKey);
  });

  it('are swapped for a short-lived JWT of their role; a user JWT goes through untouched', async () => {
    const cfg = await stack();
    const keys = apiKeys(cfg);
    const server = { 'user-agent': 'node' };
    for (const [key, role] of [[cfg.publishableKey, 'anon'], [cfg.secretKey, 'service_role']] as const) {
      const decision = await keys.decide(key, undefined, server);
      if (!decision.ok) throw new Error(decision.body.message);
      const claims = decodeJwt(decision.authorization!.replace('Bearer ', ''));
      expect(claims.role).toBe(role);
      expect(claims.exp! - claims.iat!).toBe(MINTED_TTL_S);
      // supabase-js sends its key as Bearer too when nobody is signed in
      const same = await keys.decide(key, `Bearer ${key}`, server);
      expect(same.ok && decodeJwt(same.authorization!.replace('Bearer ', '')).role).toBe(role);
    }
    const user = await keys.decide(cfg.publishableKey, 'Bearer eyJ.user.jwt', server);
    expect(user.ok && user.authorization).toBe('Bearer eyJ.user.jwt');
    // the legacy keys are JWTs already and go on as they are
    const legacy = await keys.decide(cfg.anonKey, undefined, server);
    expect(legacy.ok && legacy.authorization).toBe(`Bearer ${cfg.anonKey}`);
  });
});

describe('REST with either kind of key', () => {
  it('publishable reads exactly what anon reads', async () => {
    const legacy = await (await client((c) => c.anonKey)).from('staff').select('id');
    const opaque = await (await client((c) => c.publishableKey)).from('staff').select('id');
    expect({ status: opaque.status, data: opaque.data, code: opaque.error?.code })
      .toEqual({ status: legacy.status, data: legacy.data, code: legacy.error?.code });
  });

  it('secret reads exactly what service_role reads (past row-level security)', async () => {
    const legacy = await (await client((c) => c.serviceRoleKey)).from('staff').select('email').order('email');
    const opaque = await (await client((c) => c.secretKey)).from('staff').select('email').order('email');
    expect(opaque.error).toBeNull();
    expect(opaque.data!.length).toBeGreaterThanOrEqual(5);
    expect(opaque.data).toEqual(legacy.data);
  });

  it('a user signed in through the publishable key is who PostgREST sees', async () => {
    const c = await client((cfg) => cfg.publishableKey);
    const { error } = await c.auth.signInWithPassword({ email: DEMO_LOGINS.analyst, password: DEMO_PASSWORD });
    expect(error).toBeNull();
    const mine = await c.from('staff').select('email');
    expect(mine.error).toBeNull();
    expect(mine.data).toEqual([{ email: DEMO_LOGINS.analyst }]);
    const me = await c.rpc('my_staff');
    expect(me.data.role).toBe('analyst');
  });
});

describe('auth with either kind of key', () => {
  it('admin endpoints take the secret key and refuse the publishable one', async () => {
    const secret = await (await client((c) => c.secretKey)).auth.admin.listUsers({ perPage: 1 });
    expect(secret.error).toBeNull();
    expect(secret.data.users.length).toBe(1);
    const publishable = await (await client((c) => c.publishableKey)).auth.admin.listUsers({ perPage: 1 });
    expect(publishable.error?.status).toBe(403);
    expect(publishable.error?.code).toBe('not_admin');
  });

  it('a wrong password through the publishable key is auth’s own answer, not the gateway’s', async () => {
    const c = await client((cfg) => cfg.publishableKey);
    const { error } = await c.auth.signInWithPassword({ email: DEMO_LOGINS.analyst, password: 'not-the-password' });
    expect(error?.code).toBe('invalid_credentials');
  });
});

describe('edge functions with either kind of key', () => {
  const runJobs = async (headers: Record<string, string>) => {
    const cfg = await stack();
    const res = await fetch(`${cfg.apiUrl}/functions/v1/run-jobs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: '{}',
    });
    return { status: res.status, body: await res.json() };
  };

  it('the schedule may call with sb_secret as apikey, as Bearer, or both (what supabase-js sends)', async () => {
    const cfg = await stack();
    for (const headers of [
      { apikey: cfg.secretKey },
      { Authorization: `Bearer ${cfg.secretKey}` },
      { apikey: cfg.secretKey, Authorization: `Bearer ${cfg.secretKey}` },
    ] as Array<Record<string, string>>) {
      const res = await runJobs(headers);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.jobs.every((j: { error?: string }) => !j.error)).toBe(true);
    }
  });

  it('refuses the publishable key, a wrong secret key, and the secret key from a browser', async () => {
    const cfg = await stack();
    const other = await stackConfig({ name: 'another', portBase: cfg.gatewayPort + 1000 });
    for (const headers of [
      { apikey: cfg.publishableKey, Authorization: `Bearer ${cfg.publishableKey}` },
      { apikey: other.secretKey },
      { apikey: `${cfg.secretKey}x` },
      { apikey: cfg.secretKey, 'User-Agent': BROWSER_UA },
    ] as Array<Record<string, string>>) {
      const res = await runJobs(headers);
      expect({ headers, status: res.status, code: res.body.error?.code }).toEqual({ headers, status: 403, code: 'not_permitted' });
    }
  });

  it('a staff member signed in through the publishable key calls a staff function, which uses the secret key inside', async () => {
    const c = await client((cfg) => cfg.publishableKey);
    expect((await c.auth.signInWithPassword({ email: DEMO_LOGINS.admin, password: DEMO_PASSWORD })).error).toBeNull();
    const email = `keys-${unique()}@test.local`;
    const { data, error } = await c.functions.invoke('admin-users', {
      body: { action: 'create', email, password: 'Passw0rd!x', display_name: '密钥测试', role: 'analyst' },
    });
    expect(error).toBeNull();
    expect(data.staff).toMatchObject({ email, role: 'analyst', active: true });
    const pg = await db();
    try {
      // the auth user was made by the function's admin client (SUPABASE_SECRET_KEYS) through the gateway
      expect((await pg.query('select 1 from auth.users where email = $1', [email])).rowCount).toBe(1);
    } finally {
      await pg.end();
    }
  });

  it('signed out, the publishable key is nobody to a staff function', async () => {
    const c = await client((cfg) => cfg.publishableKey);
    const { error } = await c.functions.invoke('admin-users', { body: { action: 'create' } });
    const res = (error as { context: Response }).context;
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('not_authenticated');
  });
});

describe('refusals at the gateway', () => {
  const get = async (path: string, headers: Record<string, string>) => {
    const cfg = await stack();
    const res = await fetch(`${cfg.apiUrl}${path}`, { headers });
    return { status: res.status, body: await res.json().catch(() => null) };
  };

  it('a key of another stack, or a made-up one, is an invalid API key on every route', async () => {
    const cfg = await stack();
    const other = await stackConfig({ name: 'another', portBase: cfg.gatewayPort + 1000 });
    for (const key of [other.publishableKey, other.secretKey, 'sb_publishable_AAAAAAAAAAAAAAAAAAAAAA_AAAAAAAA', `${cfg.secretKey.slice(0, -1)}x`]) {
      for (const path of ['/rest/v1/staff?select=id', '/auth/v1/user', '/storage/v1/bucket']) {
        const res = await get(path, { apikey: key });
        expect({ key, path, status: res.status, message: res.body?.message }).toEqual({ key, path, status: 401, message: 'Invalid API key' });
      }
    }
  });

  it('the secret key from a browser is refused; the publishable key from a browser is fine', async () => {
    const cfg = await stack();
    for (const path of ['/rest/v1/staff?select=id', '/auth/v1/admin/users', '/storage/v1/bucket']) {
      const res = await get(path, { apikey: cfg.secretKey, 'User-Agent': BROWSER_UA });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Forbidden use of secret API key in browser');
    }
    // the publishable key from a browser is the anon key from a browser
    const asAnon = await get('/rest/v1/staff?select=id', { apikey: cfg.anonKey, 'User-Agent': BROWSER_UA });
    const fine = await get('/rest/v1/staff?select=id', { apikey: cfg.publishableKey, 'User-Agent': BROWSER_UA });
    expect(fine).toEqual(asAnon);
    expect(fine.body.message).toBe('permission denied for table staff');
    // the legacy service_role JWT has no such check (hosted neither)
    const legacy = await get('/rest/v1/staff?select=id', { apikey: cfg.serviceRoleKey, 'User-Agent': BROWSER_UA });
    expect(legacy.status).toBe(200);
  });

  it('an opaque key in Authorization must be the apikey itself', async () => {
    const cfg = await stack();
    for (const [apikey, bearer] of [[cfg.publishableKey, cfg.secretKey], [cfg.anonKey, cfg.publishableKey], [cfg.publishableKey, `${cfg.publishableKey}x`]]) {
      const res = await get('/rest/v1/staff?select=id', { apikey, Authorization: `Bearer ${bearer}` });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Invalid API key');
    }
  });
});

describe('verify_jwt, for a function that leaves it on', () => {
  // The project's functions all check their callers themselves (verify_jwt = false); this
  // gateway of the test's own puts the real run-jobs process behind verify_jwt = true.
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  afterAll(() => gateway?.close());

  it('needs a JWT in Authorization: no header, a forged JWT and an opaque key are refused before the function runs', async () => {
    const cfg = await stack();
    const fn = discoverFunctions(cfg).find((f) => f.slug === 'run-jobs')!;
    gateway = await startGateway({ ...cfg, gatewayPort: 0 }, logger('gateway-verify', { quiet: true }), { functions: [{ ...fn, verifyJwt: true }] });
    const call = async (headers: Record<string, string>) => {
      const res = await fetch(`http://${cfg.host}:${gateway!.port}/functions/v1/run-jobs`, { method: 'POST', headers, body: '{}' });
      return { status: res.status, body: await res.json() };
    };
    expect(await call({ apikey: cfg.anonKey })).toEqual({ status: 401, body: { msg: 'Error: Missing authorization header' } });
    expect(await call({ Authorization: `Bearer ${cfg.anonKey.slice(0, -3)}abc` })).toEqual({ status: 401, body: { msg: 'Invalid JWT' } });
    expect(await call({ apikey: cfg.secretKey, Authorization: `Bearer ${cfg.secretKey}` })).toEqual({ status: 401, body: { msg: 'Invalid JWT' } });
    // a valid JWT passes; the function then decides (the anon key is no service key)
    const anon = await call({ Authorization: `Bearer ${cfg.anonKey}` });
    expect(anon.status).toBe(403);
    const service = await call({ Authorization: `Bearer ${cfg.serviceRoleKey}` });
    expect(service.status).toBe(200);
  });
});
