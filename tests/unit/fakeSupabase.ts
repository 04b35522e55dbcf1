import { vi } from 'vitest';

/** A stand-in for the Supabase client's auth + rpc, enough for the auth provider. */
export function fakeSupabase(opts: { staff?: Record<string, unknown> | null; loginError?: unknown } = {}) {
  let session: { user: { id: string }; access_token: string } | null = null;
  const client = {
    auth: {
      getSession: vi.fn(async () => ({ data: { session }, error: null })),
      getUser: vi.fn(async () => ({ data: { user: session?.user ?? null }, error: null })),
      signInWithPassword: vi.fn(async () => {
        if (opts.loginError) return { data: { session: null, user: null }, error: opts.loginError };
        session = { user: { id: 'u1' }, access_token: 't' };
        return { data: { session, user: session.user }, error: null };
      }),
      signOut: vi.fn(async () => {
        session = null;
        return { error: null };
      }),
    },
    rpc: vi.fn(async (name: string) => {
      if (name !== 'my_staff') throw new Error(`unexpected rpc ${name}`);
      return { data: opts.staff ?? null, error: null, status: 200 };
    }),
  };
  return client;
}

export const ADMIN_ROW = {
  id: 'u1',
  email: 'admin@demo.test',
  display_name: '张管理',
  role: 'admin',
  region_codes: [],
  active: true,
  phone: null,
  created_at: '2026-11-21T00:00:00Z',
  updated_at: '2026-11-21T00:00:00Z',
};
