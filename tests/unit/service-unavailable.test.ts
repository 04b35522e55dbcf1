// While the database is down (the local supervisor restarting it, a hosted restart), the
// panel says the service is briefly unavailable and signs nobody out: a 503 from PostgREST,
// an edge function or auth is an error to show, never a reason to end the session.
import { describe, expect, it, vi } from 'vitest';
import { HttpError } from 'react-admin';
import { createAuthProvider } from '../../src/providers/authProvider';
import { createDataProvider } from '../../src/providers/dataProvider';
import { errorCode, errorMessageKey, isTransient, toAppError } from '../../src/providers/errors';
import { messages } from '../../src/i18n/i18nProvider';
import { ADMIN_ROW } from './fakeSupabase';

const PGRST_DOWN = { code: 'PGRST001', message: 'Database client error. Retrying the connection.', details: null, hint: null };

/** A client whose my_staff answers as scripted; the session is there from the start. */
function client(script: Array<'ok' | 'down' | 'network'>) {
  let call = 0;
  const session = { user: { id: 'u1' }, access_token: 't', expires_at: Math.floor(Date.now() / 1000) + 3600 };
  const fake = {
    auth: {
      getSession: vi.fn(async () => ({ data: { session }, error: null })),
      getUser: vi.fn(async () => ({ data: { user: session.user }, error: null })),
      signInWithPassword: vi.fn(async () => ({ data: { session, user: session.user }, error: null })),
      signOut: vi.fn(async () => ({ error: null })),
    },
    rpc: vi.fn(async () => {
      const step = script[Math.min(call++, script.length - 1)];
      if (step === 'ok') return { data: ADMIN_ROW, error: null, status: 200 };
      if (step === 'down') return { data: null, error: PGRST_DOWN, status: 503 };
      return { data: null, error: { message: 'TypeError: Failed to fetch', code: '', details: '', hint: '' }, status: 0 };
    }),
  };
  return fake;
}

describe('errors of a service that is briefly down', () => {
  it('are service_unavailable: PostgREST without its database, a 503 from a function, auth or the gateway', () => {
    expect(errorCode(new HttpError('Database client error', 503, PGRST_DOWN))).toBe('service_unavailable');
    expect(errorCode({ status: 503, body: { error: { code: 'service_unavailable', message: 'x' } } })).toBe('service_unavailable');
    expect(errorCode({ name: 'AuthRetryableFetchError', message: '{}', status: 500 })).toBe('service_unavailable');
    expect(errorCode({ name: 'AuthRetryableFetchError', message: 'Failed to fetch', status: 0 })).toBe('network');
    expect(errorCode({ message: 'Bad Gateway', status: 502 })).toBe('service_unavailable');
    expect(isTransient({ status: 503 })).toBe(true);
    expect(isTransient(new HttpError('x', 401, { code: 'PGRST301' }))).toBe(false);
  });

  it('have a text in both languages, and 413 from the gateway too', () => {
    for (const locale of ['zh-CN', 'en']) {
      const errors = (messages[locale] as unknown as { errors: Record<string, string> }).errors;
      expect(errors.service_unavailable).toBeTruthy();
      expect(errors.payload_too_large).toBeTruthy();
    }
    expect(errorMessageKey({ status: 413, body: { code: 'payload_too_large', message: 'too large' } })).toBe('errors.payload_too_large');
  });

  it('keep their status through the data provider, for checkError', async () => {
    const fake = {
      rpc: vi.fn(async () => ({ data: null, error: PGRST_DOWN, status: 503 })),
      functions: { invoke: vi.fn() },
    };
    const dp = createDataProvider(fake as never, {} as never);
    const e = await dp.rpc('my_staff').catch((x: unknown) => x);
    expect(e).toMatchObject({ message: 'errors.service_unavailable', status: 503 });
    expect(toAppError(e).message).toBe('errors.service_unavailable');
  });
});

describe('the auth provider while the database is down', () => {
  it('checkError keeps the session on a 503', async () => {
    const auth = createAuthProvider(client(['ok']) as never);
    await expect(auth.checkError(new HttpError('errors.service_unavailable', 503, PGRST_DOWN))).resolves.toBeUndefined();
    await expect(auth.checkError({ status: 503, body: { error: { code: 'service_unavailable' } } })).resolves.toBeUndefined();
  });

  it('checkAuth passes with the staff row read before, and signs nobody out', async () => {
    const fake = client(['ok', 'down']);
    const auth = createAuthProvider(fake as never);
    await auth.login({ email: 'admin@demo.test', password: 'x' });
    vi.useFakeTimers({ now: Date.now() + 60_000, toFake: ['Date'] }); // past the 30 s cache
    try {
      await expect(auth.checkAuth({})).resolves.toBeUndefined();
      await expect(auth.canAccess!({ resource: 'staff', action: 'list' })).resolves.toBe(true);
      await expect(auth.getIdentity!()).resolves.toMatchObject({ id: 'u1', role: 'admin' });
    } finally {
      vi.useRealTimers();
    }
    expect(fake.auth.signOut).not.toHaveBeenCalled();
  });

  it('checkAuth does not reject when the staff row cannot be read yet (a reload during the outage)', async () => {
    const fake = client(['network']);
    const auth = createAuthProvider(fake as never);
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    expect(fake.auth.signOut).not.toHaveBeenCalled();
  });

  it('checkAuth keeps a session whose refresh failed because auth was unreachable', async () => {
    const fake = client(['ok']);
    fake.auth.getSession.mockResolvedValue({
      data: { session: null },
      error: { name: 'AuthRetryableFetchError', message: 'Service Unavailable', status: 503 },
    } as never);
    const auth = createAuthProvider(fake as never);
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    expect(fake.auth.signOut).not.toHaveBeenCalled();
  });

  it('still ends the session for a real 401', async () => {
    const auth = createAuthProvider(client(['ok']) as never);
    await expect(auth.checkError(new HttpError('JWT expired', 401, { code: 'PGRST301' }))).rejects.toBeDefined();
  });
});
