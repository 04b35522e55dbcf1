// Throw-away users for the auth tests: unique addresses per run (the DB may persist between
// runs), created with the service key and deleted again afterwards.
import type { SupabaseClient, User } from '@supabase/supabase-js';
import { serviceClient } from '../support/stack.ts';

let counter = 0;
export function uniqueEmail(tag: string): string {
  counter += 1;
  return `auth-${tag}-${Date.now()}-${process.pid}-${counter}@test.local`;
}

const created: string[] = [];

export async function makeUser(
  tag: string,
  opts: { password?: string; confirmed?: boolean; metadata?: Record<string, unknown> } = {},
): Promise<{ user: User; email: string; password: string }> {
  const admin = await serviceClient();
  const email = uniqueEmail(tag);
  const password = opts.password ?? 'Initial-pass-1';
  const { data, error } = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: opts.confirmed ?? true,
    user_metadata: opts.metadata,
  });
  if (error) throw error;
  created.push(data.user.id);
  return { user: data.user, email, password };
}

export function forget(id: string): void {
  created.push(id);
}

export async function deleteCreatedUsers(): Promise<void> {
  const admin = await serviceClient();
  for (const id of created.splice(0)) await admin.auth.admin.deleteUser(id).catch(() => undefined);
}

export async function currentRefreshToken(client: SupabaseClient): Promise<string> {
  const { data } = await client.auth.getSession();
  if (!data.session) throw new Error('no session');
  return data.session.refresh_token;
}

/** The claims of a JWT, without verifying it (the tests check what the server put in). */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
