// The panel's side of TOTP MFA, on supabase.auth.mfa.* (GoTrue's API, unchanged):
// whether a signed-in user still owes a code, verifying one, and what to do when the
// database refuses an action with `mfa_required`.
import type { SupabaseClient } from '@supabase/supabase-js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Client = SupabaseClient<any, any, any>;

/** 'verify' when the user has a verified factor and this session is still aal1. */
export async function mfaStep(client: Client): Promise<'none' | 'verify'> {
  try {
    const { data } = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    return data?.currentLevel === 'aal1' && data.nextLevel === 'aal2' ? 'verify' : 'none';
  } catch {
    return 'none';
  }
}

/** The user's verified authenticator app, if any. */
export async function verifiedTotp(client: Client): Promise<{ id: string } | null> {
  const { data } = await client.auth.mfa.listFactors();
  return data?.totp[0] ?? null;
}

/** Challenge + verify with the user's authenticator; the session becomes aal2. */
export async function verifyCode(client: Client, code: string): Promise<void> {
  const factor = await verifiedTotp(client);
  if (!factor) throw Object.assign(new Error('security.no_factor'), { code: 'no_factor' });
  const { error } = await client.auth.mfa.challengeAndVerify({ factorId: factor.id, code: code.trim() });
  if (error) throw error;
}

export const MFA_PATH = '/mfa';
export const SECURITY_PATH = '/security';

/** Where the code screen sends the user back to. */
export function mfaPath(next?: string): string {
  return next && next !== MFA_PATH ? `${MFA_PATH}?next=${encodeURIComponent(next)}` : MFA_PATH;
}

/**
 * An action refused with `mfa_required`: react-admin's checkError rejection that keeps the
 * user signed in and opens the code screen (back to `here` afterwards), or the security page
 * when no authenticator is enrolled yet.
 */
export async function mfaRefusal(client: Client, here: string): Promise<{ logoutUser: false; redirectTo: string; message: string }> {
  let enrolled = false;
  try {
    enrolled = (await verifiedTotp(client)) !== null;
  } catch {
    enrolled = false;
  }
  return enrolled
    ? { logoutUser: false, redirectTo: mfaPath(here), message: 'errors.mfa_required' }
    : { logoutUser: false, redirectTo: SECURITY_PATH, message: 'security.enroll_first' };
}
