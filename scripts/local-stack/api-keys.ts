// The API-key contract of a hosted project's gateway, for the local one: four keys (the legacy
// anon and service_role JWTs, the opaque sb_publishable_ and sb_secret_ keys), Kong's refusals,
// a secret key refused from a browser, and the upstream Authorization each request gets. An
// opaque key is never shown to PostgREST, auth or storage: when no user JWT comes with it, the
// gateway signs a short-lived JWT of the key's role (publishable = anon, secret = service_role).
import type { IncomingHttpHeaders } from 'node:http';
import { SignJWT } from 'jose';
import type { StackConfig } from './config.ts';

export type KeyRole = 'anon' | 'service_role';

/** Kong's answers, and hosted's for a secret key sent by a browser. */
export const NO_KEY = {
  message: 'No API key found in request',
  hint: 'No `apikey` request header or url param was found.',
};
export const BAD_KEY = {
  message: 'Invalid API key',
  hint: 'Double check your Supabase `anon` or `service_role` API key.',
};
export const SECRET_IN_BROWSER = {
  message: 'Forbidden use of secret API key in browser',
  hint: 'Secret API keys can only be used in a protected environment and should never be used in a browser.',
};
export const OPAQUE_IN_AUTHORIZATION = {
  message: 'Invalid API key',
  hint: 'A publishable or secret key may be sent as `Authorization: Bearer …` only when it equals the `apikey` header.',
};

/** How long a JWT signed for an opaque key lives (PostgREST allows 30 s of clock skew on top). */
export const MINTED_TTL_S = 120;

export type KeyDecision =
  | { ok: true; role: KeyRole; authorization: string | undefined }
  | { ok: false; status: 401; body: { message: string; hint: string } };

/**
 * A browser, as hosted tells one: by the User-Agent, which in every browser starts with
 * `Mozilla/` and which a page cannot change. Server runtimes say `node`, `Deno/…`, `curl/…`.
 * (Sec-Fetch-* headers would not do: Node's and Deno's fetch send `Sec-Fetch-Mode: cors` too.)
 */
export function looksLikeBrowser(headers: IncomingHttpHeaders): boolean {
  return /^Mozilla\/\d/.test(String(headers['user-agent'] ?? ''));
}

export function apiKeys(cfg: StackConfig) {
  const secret = new TextEncoder().encode(cfg.jwtSecret);
  const roles = new Map<string, KeyRole>([
    [cfg.anonKey, 'anon'],
    [cfg.serviceRoleKey, 'service_role'],
    [cfg.publishableKey, 'anon'],
    [cfg.secretKey, 'service_role'],
  ]);
  const minted = new Map<KeyRole, { token: string; exp: number }>();

  /** A JWT of the role, reused while more than half its life is left. */
  async function mint(role: KeyRole): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const cached = minted.get(role);
    if (cached && cached.exp - now > MINTED_TTL_S / 2) return cached.token;
    const exp = now + MINTED_TTL_S;
    const token = await new SignJWT({ iss: 'supabase', role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(secret);
    minted.set(role, { token, exp });
    return token;
  }

  const isOpaque = (key: string) => key.startsWith('sb_');

  return {
    roleOf: (key: string | undefined): KeyRole | undefined => (key ? roles.get(key) : undefined),

    /**
     * What the gateway does with a request to /rest/v1, /auth/v1 or /storage/v1 that carries
     * `apikey` (header or query): refuse it, or name the Authorization the upstream sees.
     * A user JWT in Authorization goes through untouched; `Bearer <opaque key>` counts only
     * when it equals the apikey (supabase-js sends its key there when nobody is signed in).
     */
    async decide(apikey: string, authorization: string | undefined, headers: IncomingHttpHeaders): Promise<KeyDecision> {
      const role = roles.get(apikey);
      if (!role) return { ok: false, status: 401, body: BAD_KEY };
      if (apikey === cfg.secretKey && looksLikeBrowser(headers)) return { ok: false, status: 401, body: SECRET_IN_BROWSER };
      const bearer = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
      if (bearer && isOpaque(bearer)) {
        if (bearer !== apikey) return { ok: false, status: 401, body: OPAQUE_IN_AUTHORIZATION };
        authorization = undefined;
      }
      if (authorization) return { ok: true, role, authorization };
      return { ok: true, role, authorization: `Bearer ${isOpaque(apikey) ? await mint(role) : apikey}` };
    },
  };
}
