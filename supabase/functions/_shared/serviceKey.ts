// Scheduled calls (the local supervisor's timer, Supabase cron) authenticate with the
// service key itself. These are the keys this deployment accepts: the legacy JWT and any
// new-style sb_secret_ keys the runtime injects.
function serviceKeys(): string[] {
  const keys = [Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? ''];
  try {
    keys.push(...Object.values(JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}') as Record<string, string>));
  } catch {
    // not set or not JSON: the legacy key only
  }
  return keys.filter((k) => k.length > 0);
}

/** Constant-time comparison, so response timing says nothing about the key. */
function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** True when the request's Bearer token is one of the service keys. */
export function isServiceCall(req: Request): boolean {
  const token = req.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  return token.length > 0 && serviceKeys().some((k) => sameSecret(k, token));
}
