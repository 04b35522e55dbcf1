// Scheduled calls (the local schedule, pg_cron on a hosted project) authenticate with a service
// key: the legacy service_role JWT or an sb_secret_ key, sent as `apikey` or as
// `Authorization: Bearer`. Hosted neither verifies nor swaps keys for edge functions (these run
// with verify_jwt = false, as the opaque keys are not JWTs), so the function compares them
// itself. As at the API gateway, a secret key sent by a browser is refused.
function secretKeys(): string[] {
  try {
    return Object.values(JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}') as Record<string, string>);
  } catch {
    return []; // not set or not JSON: the legacy key only
  }
}

function serviceKeys(): string[] {
  return [Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? '', ...secretKeys()].filter((k) => k.length > 0);
}

/** Constant-time comparison, so response timing says nothing about the key. */
function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** A browser, as the gateway tells one: every browser's User-Agent starts with `Mozilla/`. */
export function fromBrowser(req: Request): boolean {
  return /^Mozilla\/\d/.test(req.headers.get('User-Agent') ?? '');
}

/** The Bearer token of the request, if any. */
export function bearerToken(req: Request): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get('Authorization') ?? '')?.[1];
}

/** True when `apikey` or the Bearer token is one of this project's service keys. */
export function isServiceCall(req: Request): boolean {
  const given = [req.headers.get('apikey') ?? '', bearerToken(req) ?? ''].filter((k) => k.length > 0);
  const keys = serviceKeys();
  return given.some((token) => keys.some((k) => sameSecret(k, token)) && !(token.startsWith('sb_secret_') && fromBrowser(req)));
}
