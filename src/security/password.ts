// A password of one's own: a staff member whose password an admin chose (a new login, a reset)
// sets their own before anything else. The database gives them no role until then
// (staff.must_change_password, supabase/schemas/01_staff_and_access.sql); the panel sends them
// to this screen after sign-in and from any page.
import type { SupabaseClient } from '@supabase/supabase-js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Client = SupabaseClient<any, any, any>;

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Sets the new password with auth (the current one is the proof secure_password_change asks
 * for), then has the database clear the flag once it sees the password is no longer the admin's.
 */
export async function setOwnPassword(client: Client, current: string, next: string): Promise<void> {
  const { error } = await client.auth.updateUser({ password: next, current_password: current });
  if (error) throw error;
  const { error: rpcError } = await client.rpc('staff_password_changed');
  if (rpcError) throw rpcError;
}
