// One chain for every function that staff call: CORS → verify the user's JWT (with auth: the
// functions run with verify_jwt = false, see config.toml) → load the caller's
// staff row → check the role → handler. Errors leave as { error: { code, message } }.
// When auth or the database cannot answer (a restart, a crash being healed) the answer is
// 503 service_unavailable, never 401: a 401 tells the panel the session is over.
import type { SupabaseClient } from 'npm:@supabase/supabase-js@2';
import { corsHeaders } from './cors.ts';
import { asCaller } from './clients.ts';
import { bearerToken } from './serviceKey.ts';
import { errorResponse, HttpError, isUnavailable, serviceUnavailable } from './errors.ts';

export type StaffRole = 'admin' | 'reviewer' | 'customer_service' | 'finance' | 'analyst';

export interface Caller {
  userId: string;
  email: string;
  role: StaffRole;
  regionCodes: string[];
  client: SupabaseClient;
}

export function staffHandler(
  allowed: StaffRole[],
  handler: (req: Request, caller: Caller) => Promise<Response>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
    try {
      const token = bearerToken(req);
      if (!token) throw new HttpError(401, 'not_authenticated', 'missing bearer token');
      // an API key (supabase-js sends its key as Bearer when nobody is signed in) is nobody
      if (token.startsWith('sb_')) throw new HttpError(401, 'not_authenticated', 'no signed-in user');
      const client = asCaller(token);
      const { data: userData, error: userError } = await client.auth.getUser(token);
      if (isUnavailable(userError)) throw serviceUnavailable();
      if (userError || !userData.user) throw new HttpError(401, 'not_authenticated', 'invalid or expired session');
      const { data: staff, error: staffError, status } = await client.rpc('my_staff');
      if (isUnavailable(staffError, status)) throw serviceUnavailable();
      if (staffError) throw new HttpError(403, 'not_permitted', staffError.message);
      if (!staff?.id || !staff.active) throw new HttpError(403, 'not_staff', 'not an active staff account');
      if (!allowed.includes(staff.role)) throw new HttpError(403, 'not_permitted', `role ${staff.role} may not call this`);
      return await handler(req, {
        userId: userData.user.id,
        email: userData.user.email ?? '',
        role: staff.role,
        regionCodes: staff.region_codes ?? [],
        client,
      });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export async function readJson<T>(req: Request): Promise<T> {
  try {
    return (await req.json()) as T;
  } catch {
    throw new HttpError(400, 'invalid_input', 'body must be JSON');
  }
}
