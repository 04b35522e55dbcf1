// The gateway's contract: apikey checks with Kong's messages, routing, CORS, and edge-function
// requests passed on untouched. The opaque keys (sb_publishable_, sb_secret_) and verify_jwt
// are in api-keys.test.ts.
import { describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { stack } from '../support/stack.ts';

const opts = { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } };

describe('apikey', () => {
  it('missing → 401 with Kong’s message', async () => {
    const cfg = await stack();
    for (const path of ['/rest/v1/staff', '/auth/v1/user']) {
      const res = await fetch(`${cfg.apiUrl}${path}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        message: 'No API key found in request',
        hint: 'No `apikey` request header or url param was found.',
      });
    }
  });

  it('unknown → 401 Invalid API key', async () => {
    const cfg = await stack();
    const res = await fetch(`${cfg.apiUrl}/rest/v1/staff`, { headers: { apikey: 'sb_publishable_not-ours' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      message: 'Invalid API key',
      hint: 'Double check your Supabase `anon` or `service_role` API key.',
    });
    const bad = await createClient(cfg.apiUrl, 'eyJhbGciOiJIUzI1NiJ9.e30.x', opts).from('staff').select('id');
    expect(bad.status).toBe(401);
  });

  it('accepted as a query parameter, which PostgREST never sees', async () => {
    const cfg = await stack();
    const res = await fetch(`${cfg.apiUrl}/rest/v1/staff?select=email&apikey=${cfg.secretKey}&email=eq.admin%40demo.test`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ email: 'admin@demo.test' }]);
  });

  it('GET / is an open health check', async () => {
    const cfg = await stack();
    expect((await fetch(`${cfg.apiUrl}/`)).status).toBe(200);
  });
});

describe('routing and CORS', () => {
  it('answers preflight at the gateway with the headers supabase-js sends', async () => {
    const cfg = await stack();
    const res = await fetch(`${cfg.apiUrl}/rest/v1/staff`, {
      method: 'OPTIONS',
      headers: {
        Origin: `http://127.0.0.1:${cfg.appPort}`,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization, apikey, x-client-info, content-type, prefer, x-supabase-api-version',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    const allowed = res.headers.get('access-control-allow-headers')!.split(/,\s*/);
    for (const h of ['authorization', 'x-client-info', 'apikey', 'content-type', 'x-supabase-api-version', 'prefer', 'range', 'accept-profile', 'content-profile', 'x-upsert']) {
      expect(allowed).toContain(h);
    }
  });

  it('proxied responses carry exactly one Allow-Origin and expose what clients read', async () => {
    const cfg = await stack();
    for (const path of ['/rest/v1/staff?select=id', '/auth/v1/token?grant_type=password']) {
      const res = await fetch(`${cfg.apiUrl}${path}`, {
        method: path.startsWith('/auth') ? 'POST' : 'GET',
        headers: { apikey: cfg.anonKey, Origin: 'http://127.0.0.1:5173', 'Content-Type': 'application/json' },
        body: path.startsWith('/auth') ? JSON.stringify({ email: 'x@test.local', password: 'nope-nope' }) : undefined,
      });
      expect(res.headers.get('access-control-allow-origin')).toBe('*'); // a duplicate would read "*, *"
      const exposed = res.headers.get('access-control-expose-headers')!.toLowerCase();
      for (const h of ['x-supabase-api-version', 'content-range', 'x-sb-error-code']) expect(exposed).toContain(h);
    }
  });

  it('unknown function → 404 "Function not found"; unknown route → 404', async () => {
    const cfg = await stack();
    const res = await fetch(`${cfg.apiUrl}/functions/v1/no-such-function`, { headers: { apikey: cfg.anonKey } });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Function not found');
    expect((await fetch(`${cfg.apiUrl}/nowhere`, { headers: { apikey: cfg.anonKey } })).status).toBe(404);
    // Storage sits behind the same key check as rest and auth.
    expect((await fetch(`${cfg.apiUrl}/storage/v1/bucket`)).status).toBe(401);
  });

  it('passes function requests on untouched: no key check, no key swap (as hosted)', async () => {
    const cfg = await stack();
    // run-jobs answers 403 not_permitted unless it sees a service key itself: with no key at
    // all the request still reaches it, and an anon apikey is not turned into anything else
    for (const headers of [{}, { apikey: cfg.anonKey }, { apikey: cfg.publishableKey }] as Array<Record<string, string>>) {
      const res = await fetch(`${cfg.apiUrl}/functions/v1/run-jobs`, { method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('not_permitted');
    }
  });
});
