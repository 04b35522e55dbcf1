// The auth provider's MFA hooks: the code screen after the password for a user with a verified
// authenticator, and `mfa_required` refusals that keep the user signed in.
import { describe, expect, it, vi } from 'vitest';
import { HttpError } from 'react-admin';
import { createAuthProvider } from '../../src/providers/authProvider';
import { errorCode } from '../../src/providers/errors';
import { messages } from '../../src/i18n/i18nProvider';
import { ADMIN_ROW, fakeSupabase } from './fakeSupabase';

function withMfa(opts: { verified: boolean; currentLevel: 'aal1' | 'aal2' }) {
  const client = fakeSupabase({ staff: ADMIN_ROW });
  const totp = opts.verified ? [{ id: 'f1', status: 'verified', factor_type: 'totp' }] : [];
  Object.assign(client.auth, {
    mfa: {
      getAuthenticatorAssuranceLevel: vi.fn(async () => ({
        data: { currentLevel: opts.currentLevel, nextLevel: opts.verified ? 'aal2' : opts.currentLevel, currentAuthenticationMethods: [] },
        error: null,
      })),
      listFactors: vi.fn(async () => ({ data: { all: totp, totp, phone: [], webauthn: [] }, error: null })),
    },
  });
  return { client, auth: createAuthProvider(client as never) };
}

describe('after the password', () => {
  it('a user with a verified authenticator goes to the code screen', async () => {
    const { auth } = withMfa({ verified: true, currentLevel: 'aal1' });
    await expect(auth.login({ email: 'admin@demo.test', password: 'demo1234' })).resolves.toEqual({ redirectTo: '/mfa' });
  });

  it('a user without one goes straight in', async () => {
    const { auth } = withMfa({ verified: false, currentLevel: 'aal1' });
    await expect(auth.login({ email: 'admin@demo.test', password: 'demo1234' })).resolves.toBeUndefined();
  });
});

describe('an action refused with mfa_required', () => {
  const refusal = new HttpError('errors.mfa_required', 403, { code: '42501', message: 'mfa_required' });

  it('is a known code, translated in both languages', () => {
    expect(errorCode(refusal)).toBe('mfa_required');
    expect(errorCode({ code: 'insufficient_aal', status: 401 })).toBe('mfa_required');
    for (const locale of ['zh-CN', 'en']) {
      expect((messages[locale] as unknown as { errors: Record<string, string> }).errors.mfa_required).toBeTruthy();
      expect((messages[locale] as unknown as { security: Record<string, string> }).security.enroll_first).toBeTruthy();
    }
  });

  it('opens the code screen without signing out when an authenticator is enrolled', async () => {
    const { auth, client } = withMfa({ verified: true, currentLevel: 'aal1' });
    window.location.hash = '#/withdrawals/w1/show';
    await expect(auth.checkError(refusal)).rejects.toEqual({
      logoutUser: false,
      redirectTo: '/mfa?next=%2Fwithdrawals%2Fw1%2Fshow',
      message: 'errors.mfa_required',
    });
    expect(client.auth.signOut).not.toHaveBeenCalled();
  });

  it('points to the security page when none is enrolled', async () => {
    const { auth } = withMfa({ verified: false, currentLevel: 'aal1' });
    await expect(auth.checkError(refusal)).rejects.toMatchObject({ logoutUser: false, redirectTo: '/security', message: 'security.enroll_first' });
  });
});
