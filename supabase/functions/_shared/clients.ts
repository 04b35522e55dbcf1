// The only place that holds the service key. Functions use `admin` for GoTrue admin calls
// and privileged jobs; everything done on a staff member's behalf goes through `asCaller`
// so RLS, role checks and audit rows see the real person.
import { createClient, type SupabaseClient } from 'npm:@supabase/supabase-js@2';

const url = Deno.env.get('SUPABASE_URL')!;
const anonKey = Deno.env.get('SUPABASE_ANON_KEY')!;
const serviceKey = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!;
const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

export const admin: SupabaseClient = createClient(url, serviceKey, noSession);

export function asCaller(accessToken: string): SupabaseClient {
  return createClient(url, anonKey, {
    ...noSession,
    global: { headers: { Authorization: `Bearer ${accessToken}` } },
  });
}
