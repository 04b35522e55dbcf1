// The only place that holds the service key. Functions use `admin` for GoTrue admin calls
// and privileged jobs; everything done on a staff member's behalf goes through `asCaller`
// so RLS, role checks and audit rows see the real person.
// The opaque keys (SUPABASE_SECRET_KEYS / SUPABASE_PUBLISHABLE_KEYS, injected by the runtime)
// come first: a project may switch its legacy JWT keys off; the legacy ones remain the fallback.
import { createClient, type SupabaseClient } from 'npm:@supabase/supabase-js@2';

/** The `default` key of a JSON dictionary variable, or the first one. */
function opaqueKey(name: string): string | undefined {
  try {
    const keys = JSON.parse(Deno.env.get(name) ?? '{}') as Record<string, string>;
    return keys.default ?? Object.values(keys)[0];
  } catch {
    return undefined;
  }
}

export const url = Deno.env.get('SUPABASE_URL')!;
export const anonKey = opaqueKey('SUPABASE_PUBLISHABLE_KEYS') ?? Deno.env.get('SUPABASE_ANON_KEY')!;
export const serviceKey = opaqueKey('SUPABASE_SECRET_KEYS') ?? Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!;
const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

export const admin: SupabaseClient = createClient(url, serviceKey, noSession);

export function asCaller(accessToken: string): SupabaseClient {
  return createClient(url, anonKey, {
    ...noSession,
    global: { headers: { Authorization: `Bearer ${accessToken}` } },
  });
}
