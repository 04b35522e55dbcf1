// ra-supabase's auth provider, wrapped so that:
// - only an active staff member may be signed in (my_staff RPC), checked at login and on checkAuth;
// - identity and permissions come from the staff row (role, regions, name);
// - an RLS refusal (403 / 42501) is shown as an error instead of logging the user out:
//   only a 401 / invalid or expired JWT / missing session ends the session;
// - a service that is briefly down (503, the database restarting, no network) never ends it:
//   checkAuth keeps the session and the last staff row read, and the page shows the outage;
// - canAccess reads the pure permission table in access.ts.
import type { AuthProvider, UserIdentity } from 'react-admin';
import { supabaseAuthProvider } from 'ra-supabase';
import { supabase } from './supabase';
import { canAccess as tableCanAccess, type StaffRole } from './access';
import { errorCode, isTransient } from './errors';
import type { Staff } from './types';
import { mfaRefusal, mfaStep, MFA_PATH } from '../security/mfa';

export interface StaffPermissions {
  role: StaffRole;
  regionCodes: string[];
  staffId: string;
}

type Client = typeof supabase;

const CACHE_MS = 30_000;

export function createAuthProvider(client: Client = supabase): AuthProvider {
  const base = supabaseAuthProvider(client, {});

  // my_staff is asked at most every CACHE_MS per signed-in user (checkAuth runs on every page).
  let cache: { userId: string; at: number; staff: Staff | null } | null = null;
  // A page asks canAccess for many buttons at once: they share one request, and a request
  // that fails for a moment (network, a busy database) is tried once more before a button
  // silently disappears.
  let inFlight: { userId: string; promise: Promise<Staff | null> } | null = null;

  async function fetchStaff(userId: string): Promise<Staff | null> {
    let { data, error, status } = await client.rpc('my_staff');
    if (error && error.code !== '42501') ({ data, error, status } = await client.rpc('my_staff'));
    if (error) throw Object.assign(new Error(error.message), { code: error.code, status });
    // a function returning a composite answers all-null columns when there is no row
    const staff = data && (data as Staff).id ? (data as Staff) : null;
    cache = { userId, at: Date.now(), staff };
    return staff;
  }

  async function loadStaff(force = false): Promise<Staff | null> {
    const { data: session } = await client.auth.getSession();
    const userId = session.session?.user.id;
    if (!userId) {
      cache = null;
      return null;
    }
    if (!force && cache && cache.userId === userId && Date.now() - cache.at < CACHE_MS) return cache.staff;
    if (!force && inFlight?.userId === userId) return inFlight.promise;
    const stale = cache?.userId === userId ? cache : null;
    const promise = fetchStaff(userId)
      .catch((e: unknown) => {
        // the database is briefly unreachable: the row read a moment ago still holds
        if (stale && isTransient(e)) return stale.staff;
        throw e;
      })
      .finally(() => {
        if (inFlight?.promise === promise) inFlight = null;
      });
    inFlight = { userId, promise };
    return promise;
  }

  /** The staff row, or sign out and throw a translatable refusal. */
  async function requireStaff(force = false): Promise<Staff> {
    const staff = await loadStaff(force);
    if (staff && staff.active) return staff;
    cache = null;
    await client.auth.signOut();
    throw new Error(staff ? 'errors.staff_inactive' : 'errors.not_staff');
  }

  const provider: AuthProvider = {
    ...base,
    async login(params) {
      cache = null;
      try {
        await base.login(params);
      } catch (e) {
        const code = errorCode(e);
        throw new Error(code ? `errors.${code}` : (e as Error)?.message || 'ra.auth.sign_in_error');
      }
      await requireStaff(true);
      // a verified authenticator: the code screen comes after the password
      if ((await mfaStep(client)) === 'verify') return { redirectTo: MFA_PATH };
    },
    async logout(params) {
      cache = null;
      try {
        await base.logout(params);
      } catch {
        // an already-expired session cannot be signed out remotely; the local one is gone anyway
      }
      return undefined;
    },
    async checkAuth(params) {
      // An access token that expired while auth could not be reached is refreshed once it is
      // back; auth-js keeps the session meanwhile, and so does this check (no sign-out).
      const { data, error } = await client.auth.getSession();
      if (!data.session && error && isTransient(error)) return;
      await base.checkAuth(params);
      const path = window.location.pathname + window.location.hash;
      if (/set-password|forgot-password/.test(path)) return;
      try {
        await requireStaff();
      } catch (e) {
        // the staff row cannot be read right now: stay signed in; the page's own requests say why
        if (isTransient(e)) return;
        // rejecting with a message makes react-admin show it on the login page
        throw { message: (e as Error).message };
      }
    },
    async checkError(error) {
      const status = (error as { status?: number })?.status;
      const code = errorCode(error);
      // an action that needs aal2: the code screen (or the security page), still signed in
      if (code === 'mfa_required') throw await mfaRefusal(client, window.location.hash.replace(/^#/, '') || '/');
      if (status === 401 || code === 'session_expired' || (error as { name?: string })?.name === 'AuthSessionMissingError') {
        cache = null;
        throw { message: 'errors.session_expired' };
      }
      // 403 from RLS or a refused RPC: the caller shows the error; the session stays.
    },
    async getIdentity(): Promise<UserIdentity> {
      const staff = await requireStaff();
      return { id: staff.id, fullName: staff.display_name, email: staff.email, role: staff.role, regionCodes: staff.region_codes };
    },
    async getPermissions(): Promise<StaffPermissions | undefined> {
      const staff = await loadStaff();
      if (!staff || !staff.active) return undefined;
      return { role: staff.role, regionCodes: staff.region_codes, staffId: staff.id };
    },
    async canAccess({ resource, action }) {
      const staff = await loadStaff();
      return !!staff?.active && tableCanAccess(staff.role, resource, action);
    },
  };
  return provider;
}

export const authProvider = createAuthProvider();
